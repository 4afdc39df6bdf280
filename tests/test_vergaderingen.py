"""Meetings as records: the agenda before, the besluitenlijst after, the papers with them.

The outcome of an agenda item is the step in the decision's route, typed once in the meeting; a meeting's
confidential items and papers never reach the public build.
"""

from __future__ import annotations

import pytest
from sitebouw import mkdocs_build, pagina, tekst
from vergaderhulp import MAP, NAZORG, VERGADERING, maak_pdf as _pdf

from regioagenda.model.vocab import BesluitStatus


def test_the_outcome_of_an_item_is_the_step_in_the_decision_s_route(vergaderd):
    agenda = vergaderd.agenda()
    besluit = agenda.besluiten[2]
    laatste = besluit.verloop[-1]
    assert (laatste.datum.iso, laatste.gremium, laatste.uitkomst.id) == ("2024-06-12", "bestuur", "afgewezen")
    assert laatste.vergadering == "2024-06-12-bestuur" and laatste.toelichting.startswith("Eerst de evaluatie")
    assert agenda.status(besluit) is BesluitStatus.AFGEWEZEN
    vergadering = agenda.vergaderingen["2024-06-12-bestuur"]
    advies = vergadering.punten[1].stukken[0]
    assert (advies.mediatype, advies.grootte) == (
        "application/pdf",
        vergaderd.pad(f"{MAP}/advies-nazorg.pdf").stat().st_size,
    )


def test_the_same_step_in_the_decision_as_well_is_refused_where_it_was_typed_twice(vergaderd):
    vergaderd.vervang(
        NAZORG,
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n",
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n"
        "  - {datum: 2024-06-12, gremium: bestuur, uitkomst: geaccordeerd}\n",
    )
    assert vergaderd.problemen() == [
        f"{NAZORG}:10: deze stap (12 juni 2024) staat al in de besluitenlijst van {VERGADERING} — haal de stap hier "
        "weg: de uitkomst van het agendapunt is de stap in de route"
    ]


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (
            "status: gehouden",
            "status: gepland",
            f"{VERGADERING}:18: een uitkomst bij een vergadering met status 'gepland'",
        ),
        ("datum: 2024-06-12\n", "datum: 2024-06\n", f"{VERGADERING}:3: '2024-06' is geen dag"),
        ('eind: "12:00"', 'eind: "09:30"', f"{VERGADERING}:5: de vergadering eindigt om 09:30, voor ze begint"),
        ("gremium: bestuur", "gremium: bestuurr", f"{VERGADERING}:2: onbekend gremium 'bestuurr'"),
        ("    besluit: 2\n", "    besluit: 7\n", f"{VERGADERING}:13: besluit 7 bestaat niet"),
        ("uitkomst: afgewezen", "uitkomst: afgewzen", f"{VERGADERING}:18: onbekende waarde 'afgewzen' voor 'uitkomst'"),
    ],
)
def test_every_problem_of_a_meeting_has_its_line(vergaderd, oud, nieuw, melding):
    vergaderd.vervang(VERGADERING, oud, nieuw)
    problemen = vergaderd.problemen()
    assert len(problemen) == 1 and problemen[0].startswith(melding), problemen


def test_a_paper_is_checked_by_its_content_and_a_stray_file_is_refused(vergaderd):
    _pdf(vergaderd.pad(f"{MAP}/advies-nazorg.pdf"), javascript=True)
    vergaderd.pad(f"{MAP}/los.txt").write_text("los", encoding="utf-8")
    problemen = vergaderd.problemen()
    assert any(p.startswith(f"{VERGADERING}:16: stuk '{MAP}/advies-nazorg.pdf' bevat JavaScript") for p in problemen)
    assert f"{MAP}/los.txt:1: bestand in de map van een vergadering dat geen stuk van die vergadering is" in (
        " — ".join(problemen)
    )
    vergaderd.pad(f"{MAP}/convocatie.pdf").unlink()
    assert any("convocatie.pdf' bestaat niet" in p for p in vergaderd.problemen()), vergaderd.problemen()


def test_the_site_shows_the_meeting_its_papers_and_where_each_step_was_taken(vergaderd, tmp_path):
    site = tmp_path / "site"
    resultaat = mkdocs_build(vergaderd.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    vergadering = tekst(pagina(site, "vergaderingen/bestuur/2024-06-12-bestuur"))
    assert "Bestuurlijk overleg: 12 juni 2024" in vergadering
    assert "Wanneer: 12 juni 2024, 10:00–12:00 uur · Waar: Gemeentehuis Noordoever, raadzaal · Status: gehouden" in (
        vergadering
    )
    assert "Advies van het kernteam over de nazorg (PDF, 1 kB, 3 juni 2024)" in vergadering
    assert "De uitkomsten staan in de besluitenlijst van deze vergadering." in vergadering
    besluitenlijst = tekst(pagina(site, "vergaderingen/bestuur/2024-06-12-bestuur/besluitenlijst"))
    assert "2 Besluit 2: Nazorg verkennen afgewezen Eerst de evaluatie van de crisisbedden afwachten." in besluitenlijst
    assert "Personele zaak" not in besluitenlijst
    assert (site / "vergaderingen/bestuur/2024-06-12-bestuur/advies-nazorg.pdf").read_bytes().startswith(b"%PDF-")
    besluit = tekst(pagina(site, "besluiten/0002-nazorg-verkennen"))
    assert "Bestuurlijk overleg: afgewezen (in de vergadering van 12 juni 2024)" in besluit
    assert "Bestuurlijk overleg, 12 juni 2024, 10:00–12:00 uur: afgewezen — stukken: Advies van het kernteam" in besluit
    orgaan = tekst(pagina(site, "vergaderingen/bestuur"))  # the fixture's peildatum is 1 April 2024
    assert "Komende vergaderingen" in orgaan and "12 juni 2024, 10:00–12:00 uur" in orgaan


def test_nothing_confidential_of_a_meeting_reaches_the_public_site(vergaderd, tmp_path):
    vergaderd.schrijf(
        "agenda/vergaderingen/2024-07-01-bestuur.md",
        "---\ngremium: bestuur\ndatum: 2024-07-01\nstatus: gepland\nvertrouwelijk: true\n"
        'agenda:\n  - titel: "Reorganisatie van het programmabureau"\n---\n',
    )
    site = tmp_path / "site"
    resultaat = mkdocs_build(vergaderd.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    alles = "".join(
        p.read_text("utf-8", errors="replace") for p in site.rglob("*") if p.is_file() and p.suffix != ".pdf"
    )
    for geheim in ("Personele zaak", "Geheime notitie", "notitie-personeel", "Reorganisatie", "2024-07-01-bestuur"):
        assert geheim not in alles, geheim
    assert not (site / "vergaderingen/bestuur/2024-06-12-bestuur/notitie-personeel.pdf").exists()
    assert "Personele zaak" not in tekst(pagina(site, "vergaderingen/bestuur/2024-06-12-bestuur"))


def test_the_home_page_shows_the_next_meetings(vergaderd, tmp_path):
    site = tmp_path / "site"
    resultaat = mkdocs_build(vergaderd.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    home = tekst(pagina(site, ""))
    assert "Komende vergaderingen 12 juni 2024, 10:00–12:00 uur — Bestuurlijk overleg, Gemeentehuis Noordoever" in home


def test_the_built_site_check_checks_a_paper_again_as_it_is_published(tmp_path):
    from regioagenda.publiceren.uitvoercontrole import controleer_uitvoer

    _pdf(tmp_path / "site" / "vergaderingen" / "bestuur" / "v" / "schoon.pdf")
    assert controleer_uitvoer(tmp_path / "site") == []
    _pdf(tmp_path / "site" / "vergaderingen" / "bestuur" / "v" / "los.pdf", javascript=True)
    bevindingen = [str(b) for b in controleer_uitvoer(tmp_path / "site")]
    assert bevindingen and all(b.startswith("vergaderingen/bestuur/v/los.pdf:1: stuk bevat ") for b in bevindingen)
    assert any("JavaScript" in b for b in bevindingen), bevindingen


WOO = """woo:
  publisher: {naam: "Gemeente Noordoever", tooi: "https://identifier.overheid.nl/tooi/id/gemeente/gm0014"}
"""


def test_with_a_woo_publisher_the_site_publishes_diwoo_sitemaps_valid_against_the_xsd(vergaderd, tmp_path):
    from lxml import etree
    from test_diwoo import DW, _fouten
    from test_diwoo import schema as _schema

    vergaderd.vervang("agenda/programma.yml", "aanbieders:\n", WOO + "aanbieders:\n")
    site = tmp_path / "site"
    resultaat = mkdocs_build(vergaderd.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    diwoo = sorted(p.name for p in (site / "diwoo").iterdir())
    assert diwoo == [
        "robots.txt",
        "sitemap-infocat008.xml",
        "sitemap-infocat009.xml",
        "sitemapindex-diwoo-infocat008.xml",
        "sitemapindex-diwoo-infocat009.xml",
    ]
    robots = (site / "diwoo" / "robots.txt").read_text("utf-8")
    assert robots == (
        "Sitemap: https://voorbeeld.example/programma/diwoo/sitemapindex-diwoo-infocat008.xml\n"
        "Sitemap: https://voorbeeld.example/programma/diwoo/sitemapindex-diwoo-infocat009.xml\n"
    )
    agendas = etree.parse(str(site / "diwoo" / "sitemap-infocat009.xml"))
    locs = [e.text for e in agendas.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs == [
        "https://voorbeeld.example/programma/vergaderingen/bestuur/2024-06-12-bestuur/",
        "https://voorbeeld.example/programma/vergaderingen/bestuur/2024-06-12-bestuur/besluitenlijst/",
    ]
    stukken = etree.parse(str(site / "diwoo" / "sitemap-infocat008.xml"))
    alle = " ".join(e.text or "" for e in stukken.iter())
    assert "advies-nazorg.pdf" in alle and "convocatie.pdf" in alle and "notitie-personeel" not in alle
    schema = _schema.__wrapped__()
    for bestand in ("sitemap-infocat008.xml", "sitemap-infocat009.xml"):
        for document in etree.parse(str(site / "diwoo" / bestand)).iter(DW + "Document"):
            assert _fouten(schema, document) == [], bestand
    for url in locs:  # each document is a page of the site
        assert (site / url.removeprefix("https://voorbeeld.example/programma/") / "index.html").is_file()


def test_a_woo_publisher_needs_a_tooi_identifier(vergaderd):
    vergaderd.vervang("agenda/programma.yml", "aanbieders:\n", WOO.replace("gm0014", "gm14") + "aanbieders:\n")
    [probleem] = vergaderd.problemen()
    assert (
        probleem.startswith("agenda/programma.yml:")
        and "'https://identifier.overheid.nl/tooi/id/gemeente/gm14' is geen TOOI-identifier" in probleem
    )


def test_a_public_repository_holds_nothing_confidential_of_a_meeting(vergaderd):
    vergaderd.vervang("agenda/programma.yml", "repository: besloten\n", "")
    problemen = vergaderd.problemen()
    assert [p.split(" — ")[0] for p in problemen] == [
        f"{VERGADERING}:17: vertrouwelijk stuk 'notitie-personeel.pdf' in de openbare repository",
        f"{VERGADERING}:21: vertrouwelijk agendapunt in de openbare repository",
    ], problemen
