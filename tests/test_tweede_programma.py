"""A second programme with content only: the Groningen ontwikkeltafels, and what real programmes need to say.

The Groningen programme (tests/programmas/groningen-ontwikkeltafels) is built strictly as its coordinators would;
the other tests change a copy of the minimal programme the way a coordinator writes records.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from sitebouw import agenda, mkdocs_build, pagina, tekst

GRONINGEN = Path(__file__).parent / "programmas" / "groningen-ontwikkeltafels"

DERDE_NOORD = (
    "3Noord",
    "uitvoeringsagenda",
    "deelopdracht",
    "stuurgroep",
    "projectgroep",
    "Drenthe",
    "Friesland",
    "JHRD",
    "SD Fryslan",
    "coördinator",
    "JeugdhulpPlus",
    "Jeugdhulp Plus",
    "schaarse voorziening",
)
"""3Noord's names and fixed terms that the Groningen advice itself never uses (it does use 'regiegroep')."""


@pytest.fixture(scope="module")
def groningen(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("groningen") / "site"
    resultaat = mkdocs_build(GRONINGEN / "mkdocs.yml", site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    return site


def _zichtbare_teksten(site: Path) -> dict[str, str]:
    """What a reader sees: every page's text and title, and every value (not key) in feeds and open data."""
    uit = {}
    for bestand in sorted(site.rglob("*")):
        relatief = bestand.relative_to(site).as_posix()
        if relatief.startswith(("schemas/", "search/", "assets/")) or not bestand.is_file():
            continue
        if bestand.suffix == ".html":
            bron = bestand.read_text("utf-8")
            titel = re.search(r"<title>(.*?)</title>", bron, re.S)
            uit[relatief] = tekst(bron) + " " + (titel.group(1) if titel else "")
        elif bestand.suffix in (".xml", ".ics") and "sitemap" not in bestand.name:
            uit[relatief] = bestand.read_text("utf-8")
        elif bestand.suffix == ".json":
            uit[relatief] = " ".join(_waarden(json.loads(bestand.read_text("utf-8"))))
    return uit


def _waarden(data) -> list[str]:
    if isinstance(data, dict):
        # '$schema' is the address of a schema the generator ships (data-deelopdrachten.schema.json), as schemas/
        return [w for k, v in data.items() if k != "$schema" for w in _waarden(v)]
    if isinstance(data, list):
        return [w for v in data for w in _waarden(v)]
    return [str(data)] if data is not None else []


def test_the_groningen_programme_checks_clean_in_its_own_words():
    uit = agenda("controleer", "--map", str(GRONINGEN))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == (
        "Alles in orde. Besluiten: 9, ontwikkeltafels: 6, hoofdstukken: 4, nulplaten: 2, vergaderingen: 23."
    )


def test_the_groningen_site_contains_nothing_of_3noord(groningen):
    teksten = _zichtbare_teksten(groningen)
    assert len([p for p in teksten if p.endswith(".html")]) > 40
    gevonden = {
        (pad, term) for pad, inhoud in teksten.items() for term in DERDE_NOORD if term.lower() in inhoud.lower()
    }
    assert gevonden == set()


def test_the_groningen_site_uses_the_programmes_own_words(groningen):
    home = pagina(groningen, "")
    assert '<h2 id="advies">Advies' in home and '<h2 id="ontwikkeltafels">Ontwikkeltafels' in home
    overzicht = tekst(pagina(groningen, "ontwikkeltafels"))
    assert overzicht.startswith(" Ontwikkeltafels ¶ Een ontwikkeltafel is een groep mensen vanuit gemeenten")
    assert "Ontwikkeltafel Prioriteit Status Aanspreekpunt" in overzicht
    assert "Toegang via verschillende verwijzers" in overzicht
    assert (groningen / "advies" / "index.html").is_file()
    assert "Er is nog geen vastgestelde versie." in tekst(pagina(groningen, "advies"))
    assert not (groningen / "advies" / "versies").exists()  # no list of versions before the first one
    assert (groningen / "data" / "ontwikkeltafels.json").is_file()
    assert "<title>Besluiten Ontwikkeltafels</title>" in (groningen / "besluiten.xml").read_text("utf-8")
    assert "urn:advies:ontwikkeltafels:besluit:0001" in (groningen / "besluiten.xml").read_text("utf-8")
    assert "Ontwikkeltafel: Preventie" in (groningen / "planning.ics").read_text("utf-8")
    filters = tekst(pagina(groningen, "besluiten"))
    assert "Ontwikkeltafel: Toegang via verschillende verwijzers (3)" in filters
    assert (groningen / "besluiten" / "ontwikkeltafel" / "preventie" / "index.html").is_file()


def test_a_body_outside_the_route_and_a_decision_without_one_are_shown_as_they_happened(groningen):
    opdrachten = tekst(pagina(groningen, "besluiten/0001-opdrachtformuleringen-ontwikkeltafels"))
    assert "2022 Regiegroep: geaccordeerd (buiten de vaste route) De regiegroep stelde de opdrachten" in opdrachten
    assert "gremium nader in te vullen" not in opdrachten
    regiovisie = tekst(pagina(groningen, "besluiten/0002-regiovisie-groningse-gemeenten"))
    # what the councils' step says: it was put before them, nothing more
    assert "Status: zonder programmaroute: geagendeerd" in regiovisie
    assert "Groningse jeugdhulpregio geagendeerd" in regiovisie
    advies = tekst(pagina(groningen, "besluiten/0003-advies-toegang-via-verschillende-verwijzers"))
    assert "datum onbekend Advies van de ontwikkeltafel aan de regiegroep — Ontwikkeltafels: geadviseerd" in advies
    assert "11 mei 2022 Advies van de regiegroep aan de Adviescommissie Jeugdhulp — Regiegroep: geadviseerd" in advies
    docket = tekst(pagina(groningen, "vergaderingen/adviescommissie-jeugdhulp"))
    assert docket.count("ter besluitvorming") == 7


def test_a_charter_as_the_programme_writes_it(groningen):
    toegang = tekst(pagina(groningen, "ontwikkeltafels/toegang-via-verschillende-verwijzers"))
    assert "Doel: Aan welke kwaliteitscriteria moet de toegang voldoen" in toegang
    assert "Opdrachtgever Regiegroep (stelt de opdracht vast" in toegang
    assert "Betrokken partijen gemeenten; ketenpartners; (ouders van) cliënten" in toegang
    assert (
        "Nader in te vullen: prioriteit, status, trekkers, projectteam, budget, capaciteit, aanspreekpunt, "
        "voorzieningen, aanbieders, werkgroepen, samenhang met andere ontwikkeltafels." in toegang
    )
    assert "Stappenplan van de ontwikkeltafel ¶ Stap 1: kwaliteitscriteria aanscherpen" in toegang
    assert "Sub-opdrachten ¶ Implementatieplan (stap 2)" in toegang and "Stap 2d ¶" in toegang
    assert "Sessie 1 Eerste fase: drie sessies en een advies gereed (Bron: Advies" in toegang
    # the session is the meeting: its time is the meeting record's, and the milestone links to it
    assert (
        "7 maart 2022, 11:00–13:00 uur — Sessie 1 ( Toegang via verschillende verwijzers, Eerste fase: drie sessies "
        "en een advies; vergadering: Ontwikkeltafel Toegang via verschillende verwijzers, eerste sessie)" in toegang
    )
    data = json.loads((groningen / "data" / "ontwikkeltafels.json").read_text("utf-8"))
    [charter] = [d for d in data["deelopdrachten"] if d["id"] == "toegang-via-verschillende-verwijzers"]
    assert charter["opdrachtgever"]["naam"] == "Regiegroep"
    assert charter["betrokken_partijen"] == ["gemeenten", "ketenpartners", "(ouders van) cliënten"]
    assert [f["deel"] for f in charter["fasen"]][2:] == ["Stappenplan van de ontwikkeltafel"] * 2 + [
        "Daarnaast adviseert de ontwikkeltafel aandacht te besteden aan"
    ] * 3
    assert [f["titel"] for f in charter["subopdrachten"][0]["fasen"]] == ["Stap 2a", "Stap 2b", "Stap 2c", "Stap 2d"]
    sessie = next(m for m in charter["mijlpalen"] if m["titel"] == "Sessie 1")
    assert sessie["toestand"] == "gereed" and sessie["toelichting"] is None
    assert sessie["bron"].startswith("Advies van de regiegroep aan de Adviescommissie Jeugdhulp (11 mei 2022)")


def test_a_nulplaat_whose_images_are_missing_says_so(groningen):
    plaat = tekst(pagina(groningen, "nulplaten/de-juiste-zorg"))
    assert "De knoppen zijn nog niet vastgelegd: nader in te vullen." in plaat
    assert "Die afbeelding ontbreekt in de tekst van de bron" in plaat


def test_a_programme_from_an_earlier_version_is_brought_up_to_date_losslessly(programma, tmp_path):
    oud = programma.pad("agenda/programma.yml").read_text("utf-8")
    zonder = oud.replace(
        "termen: {document: uitvoeringsagenda, onderdeel: deelopdracht, onderdelen: deelopdrachten}\n", ""
    )
    programma.schrijf("agenda/programma.yml", zonder)
    mislukt = mkdocs_build(programma.pad("mkdocs.yml"), tmp_path / "site")
    assert mislukt.returncode == 1
    assert "mkdocs.yml: 'nav' noemt 'uitvoeringsagenda/index.md', 'deelopdrachten/index.md'" in mislukt.stderr
    assert "'agenda bijwerken'" in mislukt.stderr
    uit = agenda("bijwerken", "--map", str(programma.root))
    assert uit.returncode == 0, uit.stderr
    bijgewerkt = programma.pad("agenda/programma.yml").read_text("utf-8")
    assert bijgewerkt.startswith(zonder) and 'document: "uitvoeringsagenda"' in bijgewerkt
    assert mkdocs_build(programma.pad("mkdocs.yml"), tmp_path / "site").returncode == 0
    assert agenda("bijwerken", "--map", str(programma.root)).stdout.strip() == "Niets bij te werken."


REGIO_IN_REGIO = """  - id: noordoever
    naam: "Noordoever"
    soort: "subregio"
    besluitvormingsroute:
      - {id: college, naam: "College van B&W", termijn_dagen: 30}
      - {id: raad, naam: "Gemeenteraad", termijn_dagen: 60}
    onderdelen:
      - {id: oosthaven, naam: "Oosthaven", soort: "gemeente"}
      - {id: westhaven, naam: "Westhaven", soort: "gemeente"}
"""


def _regio_in_regio(programma) -> None:
    programma.vervang(
        "agenda/programma.yml",
        '  - id: noordoever\n    naam: "Noordoever"\n    besluitvormingsroute:\n'
        '      - {id: college, naam: "College van B&W", termijn_dagen: 30}\n'
        '      - {id: raad, naam: "Gemeenteraad", termijn_dagen: 60}\n',
        REGIO_IN_REGIO,
    )


def test_regions_within_regions_ratify_at_the_level_that_decides(programma, tmp_path):
    _regio_in_regio(programma)
    # Noordoever's own municipalities decide; the decision names Noordoever (by default: every top region).
    programma.vervang(
        "decisions/0001-crisisbedden-borgen.md",
        "  noordoever:\n    - {datum: 2024-03-01, stap: raad, uitkomst: vastgesteld}\n",
        "  oosthaven:\n    - {datum: 2024-03-05, uitkomst: vastgesteld, toelichting: Raad}\n"
        "  westhaven:\n    - {datum: 2024-03-06, uitkomst: vastgesteld}\n",
    )
    assert programma.problemen() == []
    a = programma.agenda()
    besluit = a.besluiten[1]
    assert a.regio_status(besluit, "noordoever").value == "vastgesteld"  # both its municipalities decided
    assert [r.id for r in a.programma.hoofdregios] == ["noordoever", "zuidoever"]
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    regios = tekst(pagina(site, "regios"))
    assert "Noordoever (subregio) Oosthaven (gemeente) Westhaven (gemeente) Zuidoever" in regios
    assert "Besluiten binnen Noordoever Besluit Programma-status Oosthaven Westhaven" in regios
    assert "Besluit 1: Crisisbedden borgen geaccordeerd vastgesteld vastgesteld" in regios
    oosthaven = tekst(pagina(site, "regios/oosthaven"))
    assert "Onderdeel van Noordoever." in oosthaven and "Besluit 1: Crisisbedden borgen" in oosthaven
    besluitpagina = tekst(pagina(site, "besluiten/0001-crisisbedden-borgen"))
    # the table counts the level that decided: Noordoever's municipalities, not Noordoever beside them as well
    assert (
        "Oosthaven (Noordoever) vastgesteld" in besluitpagina and "Westhaven (Noordoever) vastgesteld" in besluitpagina
    )
    assert "Noordoever vastgesteld" not in besluitpagina.replace("(Noordoever) vastgesteld", "")


def test_a_part_outside_the_selection_is_refused(programma):
    _regio_in_regio(programma)
    programma.vervang("decisions/0002-nazorg-verkennen.md", "titel:", "regios: [zuidoever]\ntitel:")
    programma.vervang(
        "decisions/0002-nazorg-verkennen.md",
        "verloop:",
        "regionaal:\n  oosthaven:\n    - {datum: 2024-04-02, uitkomst: geagendeerd}\nverloop:",
    )
    [probleem] = programma.problemen()
    assert (
        "regio 'oosthaven' heeft stappen maar staat niet in 'regios' — de regio (of de regio waar ze onder valt)"
        in probleem
    )


def test_dates_as_sources_give_them_and_targets_that_are_open_or_relative(programma, tmp_path):
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        "fasen:\n",
        "kengetallen:\n"
        '  - id: uithuisplaatsingen\n    naam: "Uithuisplaatsingen"\n    eenheid: "jeugdigen"\n'
        "    basis: {waarde: 120, datum: 2014}\n"
        '    doel: {waarde: -30, eenheid: "%", ten_opzichte_van: "1-1-2014", datum: 2027}\n'
        '    toelichting: "Zoals de bron het doel stelt."\n    bron: "Transformatieagenda, §2"\n'
        '  - id: thuiszitters\n    naam: "Thuiszitters"\n    doel: {waarde: "XX %"}\n'
        "fasen:\n"
        '  - titel: "Opbouw"\n    van: "vanaf 2018"\n    mijlpalen:\n'
        '      - {titel: "Evaluatie", datum: 2024-H2, status: onbekend}\n'
        '      - {titel: "Zonder datum", datum: onbekend}\n'
        '  - titel: "Beheer"\n    van: 2024-H1\n    tot: doorlopend\n',
    )
    assert programma.problemen() == []
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    charter = tekst(pagina(site, "deelopdrachten/crisisopvang"))
    assert "Periode: vanaf 2018" in charter and "Periode: 1e halfjaar 2024 – doorlopend" in charter
    assert "2e halfjaar 2024: Evaluatie (onbekend)" in charter  # past its date, but nobody knows: not late
    assert "Doel −30 % ten opzichte van 1-1-2014 2027" in charter
    assert "Doel nader in te vullen (in de bron: ‘XX %’)" in charter
    assert "Zoals de bron het doel stelt. Bron: Transformatieagenda, §2" in charter
    planning = pagina(site, "planning")
    jaren = [int(j) for j in re.findall(r'class="planning__jaar"[^>]*>(\d{4})<', planning)]
    assert jaren[0] == 2018 and jaren[-1] < 2100  # an open end does not stretch the axis to year 9999
    assert "Komende mijlpalen" in pagina(site, "") and "Zonder datum" not in tekst(pagina(site, ""))
    data = json.loads((site / "data" / "deelopdrachten.json").read_text("utf-8"))
    kengetallen = {k["id"]: k for k in data["deelopdrachten"][0]["kengetallen"]}
    assert kengetallen["thuiszitters"]["doel"]["waarde"] is None
    assert kengetallen["thuiszitters"]["doel"]["open"] == "XX %"
    assert kengetallen["uithuisplaatsingen"]["doel"]["ten_opzichte_van"] == "1-1-2014"
    assert kengetallen["uithuisplaatsingen"]["bron"] == "Transformatieagenda, §2"
    toestanden = {m["titel"]: m["toestand"] for m in data["deelopdrachten"][0]["mijlpalen"]}
    assert toestanden["Evaluatie"] == "onbekend" and toestanden["Zonder datum"] == "zonder-datum"


def test_status_uses_the_sites_peildatum(programma):
    # the minimal programme's mkdocs.yml sets peildatum 2024-04-01 for the plugin
    uit = agenda("status", "--map", str(programma.root))
    assert uit.stdout.startswith("Stand op 2024-04-01 — Testprogramma Zuid"), uit.stderr
    programma.vervang("mkdocs.yml", '      peildatum: "2024-04-01"\n', "")
    uit = agenda("status", "--map", str(programma.root), env={**os.environ, "AGENDA_PEILDATUM": "2024-07-01"})
    assert uit.stdout.startswith("Stand op 2024-07-01"), uit.stderr


def test_start_invents_nothing(tmp_path):
    map_ = tmp_path / "nieuw"
    uit = agenda(
        "start",
        str(map_),
        "--titel",
        "Transformatieagenda Oost",
        "--document",
        "transformatieagenda",
        "--onderdeel",
        "projectopdracht",
        "--onderdelen",
        "projectopdrachten",
        "--regio",
        "oost=Regio Oost",
        "--tot",
        "2028",
    )
    assert uit.returncode == 0, uit.stderr
    programma = (map_ / "agenda" / "programma.yml").read_text("utf-8")
    assert "gremia: []" in programma and "besluitvormingsroute: []" in programma
    assert "periode: {tot: 2028}" in programma and "stuurgroep" not in programma.lower()
    assert "regiegroep" not in programma.lower() and "uitvoeringsagenda" not in programma
    assert '- "Projectopdrachten": projectopdrachten/index.md' in (map_ / "mkdocs.yml").read_text("utf-8")
    site = tmp_path / "site"
    resultaat = mkdocs_build(map_ / "mkdocs.yml", site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    assert "2. Projectopdrachten" in tekst(pagina(site, "transformatieagenda"))
    assert (site / "projectopdrachten" / "index.html").is_file()
    bijdragen = tekst(pagina(site, "bijdragen"))
    assert bijdragen.strip().startswith("Bijdragen aan de transformatieagenda")
    assert "Eén bestand per projectopdracht: fasen, mijlpalen, kengetallen." in bijdragen
    for onderdeel in ("Waar staat wat?", "Een besluit voorstellen", "agenda nieuw besluit", "agenda controleer",
                      "agenda bekijk", "Wat een record niet kan bevatten", "overzicht van de schema's"):  # fmt: skip
        assert onderdeel in bijdragen
    assert "3Noord" not in bijdragen and "uitvoeringsagenda" not in bijdragen


def test_the_groningen_programme_is_not_a_copy_of_the_fixture():
    # Guard against an empty stand-in: the content is the real advice.
    records = list((GRONINGEN / "decisions").glob("*.md")) + list((GRONINGEN / "agenda").rglob("*.md"))
    assert len(records) == 21 + 23  # 23 of them its meetings (agenda/vergaderingen)
    assert sum(len(p.read_text("utf-8")) for p in records) > 60_000


def test_a_new_part_gets_the_programmes_own_headings_and_no_invented_phases(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write('kopjes:\n  onderdeel: ["Aanleiding", "Doelgroep", "Resultaat"]\n')
    uit = agenda("nieuw", "onderdeel", "--map", str(programma.root), "--titel", "Jeugd en wonen")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("Deelopdracht aangemaakt: agenda/deelopdrachten/jeugd-en-wonen.md.")
    record = programma.pad("agenda/deelopdrachten/jeugd-en-wonen.md").read_text("utf-8")
    assert re.findall(r"^## (.+)$", record, re.M) == ["Aanleiding", "Doelgroep", "Resultaat"]
    assert "\nfasen:" not in record and '# opdrachtgever: {naam: "…"' in record
    assert programma.problemen() == []


def test_a_vastgestelde_version_is_judged_at_its_own_date(programma, tmp_path):
    from regioagenda.werkstroom.opdrachten import nieuw_besluit, vaststellen, zet_stap

    b = nieuw_besluit(programma.root, titel="Agenda 2024", soort="vaststelling", samenvatting="V.", datum="2024-03-01")
    nummer = int(b.pad.split("/")[1][:4])
    zet_stap(programma.root, nummer, gremium="bestuur", uitkomst="geaccordeerd", datum="2024-03-15")
    vaststellen(programma.root, versie="2024.1", besluit=nummer)
    programma.vervang("mkdocs.yml", '      peildatum: "2024-04-01"\n', "")  # the site is built today, long after
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    # 'Contract getekend' is due 2024-06-30: upcoming when the version was fixed, late only in the werkversie.
    assert "30 juni 2024: Contract getekend (komend)" in tekst(pagina(site, "uitvoeringsagenda/versies/2024.1"))
    assert "30 juni 2024: Contract getekend (te laat)" in tekst(pagina(site, "uitvoeringsagenda/werkversie"))


def test_the_accessibility_statement_names_the_programmes_contact(programma, tmp_path):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write('toegankelijkheid: {contact: "toegankelijkheid@voorbeeld.nl, 050 123 45 67"}\n')
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site)
    assert resultaat.returncode == 0, resultaat.stderr
    verklaring = tekst(pagina(site, "toegankelijkheid"))
    assert (
        "Contact voor vragen of problemen met de toegankelijkheid: toegankelijkheid@voorbeeld.nl, 050 123 45 67."
        in (verklaring)
    )
    assert "Status volgens de Nederlandse indeling: nader in te vullen" in verklaring


def test_start_makes_a_repository_with_its_address_and_a_first_commit(tmp_path):
    map_ = tmp_path / "jzp"
    uit = agenda(
        "start", str(map_), "--titel", "JeugdzorgPlus Noord-Holland", "--regio", "kop=Kop van Noord-Holland",
        "--adres", "https://voorbeeld.github.io/jzp/", "--repository", "https://github.com/voorbeeld/jzp",
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    assert "git-repository gemaakt, met een eerste commit op de tak 'main'" in uit.stdout
    git = lambda *a: subprocess.run(["git", *a], cwd=map_, capture_output=True, text=True)
    assert git("log", "--format=%s").stdout.splitlines() == ["Nieuw programma: JeugdzorgPlus Noord-Holland"]
    assert git("status", "--porcelain").stdout == ""
    assert {".gitignore", "README.md", "mkdocs.yml"} <= set(git("ls-files").stdout.splitlines())
    mkdocs = (map_ / "mkdocs.yml").read_text("utf-8")
    assert 'site_url: "https://voorbeeld.github.io/jzp/"' in mkdocs and "edit_uri: edit/main/docs/" in mkdocs
    assert agenda("wijzigingen", "main", cwd=map_).returncode == 0
    bouw = agenda("bouw", cwd=map_, env={k: v for k, v in os.environ.items() if k != "AGENDA_SITE_URL"})
    assert bouw.returncode == 0, bouw.stderr
    assert 'href="https://github.com/voorbeeld/jzp/edit/main/docs/bijdragen.md"' in (
        map_ / "site" / "bijdragen" / "index.html"
    ).read_text("utf-8")
    assert git("status", "--porcelain").stdout == ""  # the built site is ignored, not a change


def test_start_refuses_an_address_that_is_not_https_and_writes_nothing(tmp_path):
    uit = agenda("start", str(tmp_path / "p"), "--titel", "T", "--regio", "a=A", "--adres", "http://voorbeeld.nl/")
    assert uit.returncode == 1
    assert "mkdocs.yml:4: 'site_url': 'http://voorbeeld.nl/' begint met 'http:'" in uit.stderr
    assert not (tmp_path / "p").exists()
