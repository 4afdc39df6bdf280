"""Integration: build the real 3Noord site with MkDocs (strict) and inspect the HTML."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from sitebouw import agenda, mkdocs_build, pagina, tekst

PEILDATUM = "2026-11-22"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    uit = tmp_path_factory.mktemp("site")
    resultaat = mkdocs_build(ROOT / "mkdocs.yml", uit, PEILDATUM)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "WARNING" not in resultaat.stderr
    return uit


def test_decision_page_shows_derived_status_and_route(site):
    html_bron = pagina(site, "besluiten/0001-startdocument-bovenregionale-samenwerking")
    assert '<span class="agenda-status agenda-status--geaccordeerd">geaccordeerd</span>' in html_bron
    assert '<time datetime="2023-04-17">17 april 2023</time>' in html_bron
    concept = tekst(pagina(site, "besluiten/0003-vaststelling-uitvoeringsagenda-2023-2026"))
    assert "Status: voorgesteld" in concept
    assert "Drenthe open" in concept and "Friesland open" in concept and "Groningen open" in concept


def test_composed_agenda_contains_charter_phase_text_verbatim(site):
    agenda = tekst(pagina(site, "uitvoeringsagenda"))
    assert (
        "Inrichting van een stabiele JeugdhulpPlus voor 36 plekken voor de komende twee jaar. Daarbij wordt ook een "
        "centrale 'toegang' georganiseerd, die niet alleen de instroom beheert, maar ook meekijkt naar alternatieve "
        "(ambulante) oplossingen in het voorliggende veld (consultatie en expertise functie)."
    ) in agenda
    assert "Werkversie (concept)" in agenda


def test_agenda_follows_the_outline_order(site):
    koppen = [
        tekst(k).replace("¶", "").strip()
        for k in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", pagina(site, "uitvoeringsagenda"), re.S)
    ]
    verwacht = [
        "1. Inleiding",
        "2. Aanleiding",
        "3. Ambitie 3Noord",
        "5.3 Deelopdrachten",
        "JeugdhulpPlus",
        "Overige klinische functies",
        "6.2 Fasering uitvoering",
        "Fase 1: 2023 – 2025",
        "8. Risico's",
        "9.3 Aanbieders",
        "Gremia en besluitvormingsroutes",
    ]
    posities = [koppen.index(k) for k in verwacht]
    assert posities == sorted(posities)


def test_edit_button_points_at_the_source_record(site):
    charter = pagina(site, "deelopdrachten/jeugdhulpplus")
    assert re.search(r'href="[^"]*/edit/main/agenda/deelopdrachten/jeugdhulpplus\.md"', charter)
    besluit = pagina(site, "besluiten/0002-opdracht-centrale-toegang-jeugdhulpplus")
    assert re.search(r'href="[^"]*/edit/main/decisions/0002-opdracht-centrale-toegang-jeugdhulpplus\.md"', besluit)
    assert re.search(r'href="[^"]*/edit/main/docs/bijdragen\.md"', pagina(site, "bijdragen"))


def test_decision_pages_stay_out_of_the_navigation(site):
    home = pagina(site, "")
    nav = home[home.index("md-sidebar--primary") : home.index("md-sidebar--secondary")]
    assert "Besluiten" in nav
    assert "0001-startdocument" not in nav


def test_dutch_and_no_other_origin(site):
    for pad in ("", "uitvoeringsagenda", "deelopdrachten/jeugdhulpplus", "besluiten"):
        html_bron = pagina(site, pad)
        assert '<html lang="nl"' in html_bron
        assert "fonts.googleapis" not in html_bron and "fonts.gstatic" not in html_bron
        # Resources are loaded from the site itself; only rel="canonical" names the published address.
        bronnen = re.findall(
            r'<(?:script|img)[^>]+src="([^"]*)"|<link(?![^>]*rel="canonical")[^>]+href="([^"]*)"', html_bron
        )
        assert [b for b in map("".join, bronnen) if b.startswith(("http:", "https:", "//"))] == []
    zoek = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert zoek["config"]["lang"] == ["nl"]


def test_not_found_page_is_dutch_and_leads_home(site):
    niet_gevonden = (site / "404.html").read_text(encoding="utf-8")
    kop = re.search(r"<h1[^>]*>(.*?)</h1>", niet_gevonden, re.S).group(1)
    assert kop == "Pagina niet gevonden"
    assert "Not found" not in niet_gevonden
    logo = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-header__button md-logo"', niet_gevonden).group(1)
    assert f'<a href="{logo}">startpagina</a>' in niet_gevonden


def test_schemas_are_published(site):
    schema = json.loads((site / "schemas" / "besluit.schema.json").read_text(encoding="utf-8"))
    assert "verloop" in schema["properties"] and "status" not in schema["properties"]


def test_home_lists_decisions_and_milestones(site):
    home = tekst(pagina(site, ""))
    assert "Peildatum van deze site: 22 november 2026" in home  # PEILDATUM, as a reader writes it
    assert "31 december 2026" in home  # SPUK deadline is the next milestone after the peildatum


def test_broken_records_fail_the_build_in_dutch(programma, tmp_path):
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", tmp_path / "site")
    assert resultaat.returncode == 1
    assert "decisions/0001-crisisbedden-borgen.md:4: onbekende waarde 'besluitt' voor 'soort'" in resultaat.stderr
    assert "Traceback" not in resultaat.stderr


def test_another_programme_builds_with_its_own_regions(programma, tmp_path):
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", tmp_path / "site")
    assert resultaat.returncode == 0, resultaat.stderr
    besluit = tekst(pagina(tmp_path / "site", "besluiten/0001-crisisbedden-borgen"))
    assert "Noordoever vastgesteld" in besluit
    assert "Zuidoever open te laat" in besluit  # 45-day term, accorded 2024-02-14, peildatum 2024-04-01
    assert "3Noord" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_sources_are_named_by_title_never_by_file_or_line(site):
    gezien = 0
    for bestand in site.rglob("*.html"):
        zichtbaar = tekst(bestand.read_text(encoding="utf-8"))
        assert "seed" not in zichtbaar.lower(), bestand
        assert not re.search(r"\bregels? \d", zichtbaar), bestand
        gezien += zichtbaar.count("Bron:")
    assert gezien > 40
    charter = tekst(pagina(site, "deelopdrachten/jeugdhulpplus"))
    assert (
        "Bron: Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord (concept, 25 september 2023), §5.3 JeugdhulpPlus"
        in charter
    )
    agenda = tekst(pagina(site, "uitvoeringsagenda"))
    assert (
        "Brondocumenten ¶ Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord (concept, 25 september 2023)" in agenda
    )


def test_line_numbers_leave_a_source_but_its_quotes_stay():
    from regioagenda.samenstellen.weergave import zonder_regelnummers

    assert zonder_regelnummers("§1 regel 37; §5.3 regel 260; §9.2 regels 467–473") == "§1; §5.3; §9.2"
    assert zonder_regelnummers("§5.3 JeugdhulpPlus, regels 246–265") == "§5.3 JeugdhulpPlus"
    assert zonder_regelnummers("titelblad (regels 3–7) en §1 (regel 57: 'voor de jaren 2023 – 2026')") == (
        "titelblad en §1 ('voor de jaren 2023 – 2026')"
    )


def test_the_home_page_says_what_waits_on_whom_and_how_each_part_stands(site):
    home = tekst(pagina(site, ""))
    assert (
        "Wat wacht op wie ¶ Regiegroep: 1 besluit, het langst sinds 25 september 2023 (1.154 dagen). Stuurgroep: niets."
        in home
    )
    assert "Klinische GGZ functies - Accare verkenning — 1" in home  # one milestone late
    besluit = tekst(pagina(site, "besluiten/0003-vaststelling-uitvoeringsagenda-2023-2026"))
    assert "Wacht sinds 25 september 2023 (1.154 dagen) op Regiegroep" in besluit
    docket = tekst(pagina(site, "vergaderingen/regiegroep"))
    assert "Wacht sinds 25 september 2023 (1.154 dagen)" in docket


def test_screen_readers_hear_dutch_names_for_the_landmarks_and_heading_links(tmp_path):
    from regioagenda.werkstroom.opzet import nieuw_programma

    map_ = nieuw_programma(tmp_path / "p", titel="Proef", regios=["noord=Noord"])
    resultaat = mkdocs_build(map_ / "mkdocs.yml", tmp_path / "site")  # its mkdocs.yml names no permalink_title
    assert resultaat.returncode == 0, resultaat.stderr
    html = (tmp_path / "site" / "bijdragen" / "index.html").read_text("utf-8")
    assert 'aria-label="Paginakop"' in html and 'aria-label="Header"' not in html
    assert 'title="Link naar deze kop"' in html and "Permanent link" not in html


def test_a_decision_taken_by_the_regions_alone_reads_as_what_happened_with_every_note(programma, tmp_path):
    root = str(programma.root)
    uit = agenda(
        "nieuw",
        "besluit",
        "--map",
        root,
        "--titel",
        "Gemeentelijke verordening",
        "--soort",
        "besluit",
        "--samenvatting",
        "Elke gemeente stelt de verordening zelf vast.",
        "--zonder-route",
    )
    assert uit.returncode == 0, uit.stderr
    nummer = max(programma.agenda().besluiten)
    uit = agenda(
        "stap",
        str(nummer),
        "--map",
        root,
        "--regio",
        "noordoever",
        "--stap",
        "raad",
        "--uitkomst",
        "vastgesteld",
        "--datum",
        "2024-03-01",
        "--toelichting",
        "Raadsbesluit 2024-17, met een amendement over de termijn",
    )
    assert uit.returncode == 0, uit.stderr
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), tmp_path / "site", "2024-06-01")
    assert resultaat.returncode == 0, resultaat.stderr
    besluit = tekst(pagina(tmp_path / "site", f"besluiten/{nummer:04d}-gemeentelijke-verordening"))
    assert "Nog geen stappen gezet" not in besluit
    assert "maar rechtstreeks naar de regio's (vastgesteld door 1 van 2 regio's; 1 open; zie hieronder)" in besluit
    assert "Noordoever, 1 maart 2024 (Gemeenteraad: vastgesteld): Raadsbesluit 2024-17, met een amendement" in besluit
    spoor = tekst(pagina(tmp_path / "site", "regios/noordoever"))
    assert "vastgesteld (Raadsbesluit 2024-17, met een amendement over de termijn)" in spoor


def test_a_programme_without_nulplaten_shows_none_until_it_has_one(tmp_path):
    from regioagenda.werkstroom.opzet import nieuw_programma

    map_ = nieuw_programma(tmp_path / "p", titel="Proef", regios=["noord=Noord"])
    assert agenda("nieuw", "onderdeel", "--map", str(map_), "--titel", "Eerste stap").returncode == 0
    site = tmp_path / "site"
    resultaat = mkdocs_build(map_ / "mkdocs.yml", site)  # its nav names the nulplaten page before it exists
    assert resultaat.returncode == 0, resultaat.stderr
    assert not (site / "nulplaten").exists()
    for pad in ("", "onderdelen/eerste-stap"):
        assert "Nulplaten" not in pagina(site, pad) and "nulplaat" not in tekst(pagina(site, pad)).lower(), pad
    # no route with bodies yet: no dockets, no versions list, and no nav entry or link to either
    assert not (site / "vergaderingen").exists() and not (site / "agenda" / "versies").exists()
    assert "Vergaderagenda" not in pagina(site, "") and "Alle versies" not in pagina(site, "agenda")
    uit = agenda(
        "nieuw",
        "nulplaat",
        "--map",
        str(map_),
        "--titel",
        "Beginsituatie",
        "--peildatum",
        "2026-01-01",
        "--ambitie",
        "Minder wachten",
        "--knop",
        "Toegang",
    )
    assert uit.returncode == 0, uit.stderr
    assert mkdocs_build(map_ / "mkdocs.yml", site).returncode == 0
    assert 'href="nulplaten/"' in pagina(site, "") and "Beginsituatie" in tekst(pagina(site, "nulplaten"))


SJABLOON = """sjabloon:
  onderdeel: [doel, prioriteit, status, voorzieningen, aanbieders, kruisverbanden, team]
  fase: [omschrijving, mijlpalen]
  namen: {team: "Projectgroep", subopdrachten: "Deelprojecten"}
"""


def test_a_charter_template_names_open_only_the_fields_the_programme_uses(programma, tmp_path):
    programma.vervang("agenda/programma.yml", "termen:", SJABLOON + "termen:")
    programma.vervang("agenda/deelopdrachten/nazorg.md", "volgorde: 2\n", "volgorde: 2\nfasen:\n  - titel: Verkennen\n")
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    nazorg = tekst(pagina(site, "deelopdrachten/nazorg"))
    # not opdrachtgever, trekkers, budget, capaciteit, werkgroepen …: the programme does not use them
    assert "Nader in te vullen: doel, prioriteit, status, projectgroep, voorzieningen, aanbieders." in nazorg
    assert "Nader in te vullen: omschrijving, mijlpalen." in nazorg  # not resultaten, activiteiten, disciplines
    for veld in ("opdrachtgever", "budget", "capaciteit", "werkgroepen", "resultaten", "disciplines"):
        assert veld not in nazorg, veld


def test_a_charter_that_fills_a_field_outside_its_programme_s_template_is_told_where_to_add_it(programma):
    programma.vervang("agenda/programma.yml", "termen:", SJABLOON + "termen:")
    programma.vervang("agenda/deelopdrachten/nazorg.md", "volgorde: 2\n", 'volgorde: 2\nbudget: "€ 10.000"\n')
    assert programma.problemen() == [
        "agenda/deelopdrachten/nazorg.md:4: 'budget' staat niet in het sjabloon van het programma — voeg het veld "
        "toe aan 'sjabloon' in agenda/programma.yml, of haal het hier weg"
    ]
    programma.vervang("agenda/programma.yml", "onderdeel: [doel, prioriteit,", "onderdeel: [doell, prioriteit,")
    assert any("'doell'" in p and "'doel'" in p for p in programma.problemen())


def test_a_new_charter_suggests_only_the_fields_of_the_programme_s_template(programma):
    programma.vervang("agenda/programma.yml", "termen:", SJABLOON + "termen:")
    uit = agenda("nieuw", "onderdeel", "--map", str(programma.root), "--titel", "Wachttijden")
    assert uit.returncode == 0, uit.stderr
    charter = programma.pad("agenda/deelopdrachten/wachttijden.md").read_text("utf-8")
    assert "# doel:" in charter and "# team:" in charter and "# fasen:" in charter
    for veld in ("opdrachtgever", "trekkers", "budget", "capaciteit", "betrokken_partijen", "subopdrachten"):
        assert f"# {veld}:" not in charter, veld
    assert programma.problemen() == []
