"""A programme in its own words: what it really decided, and only what it uses.

The Jeugdregio Voorbeeld (tests/programmas/voorbeeldregio) is a fictional municipal youth-care region written the
way a coordinator would, from the README and the schemas alone: its own outcome words (voorbereid, ingestemd,
kennisgenomen, aangehouden), organs (college, raad), a region with two subregions and ten municipalities with words
per level, a charter template with its own block names, no nulplaten, no versions, no follow-up step. Its site must
say what the records say, and nothing of the generator's own scaffolding.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitebouw import agenda, mkdocs_build, pagina, tekst

VOORBEELD = Path(__file__).parent / "programmas" / "voorbeeldregio"
PEILDATUM = "2026-03-02"

REGIOVISIE = "besluiten/0001-regiovisie-jeugd"
WERKWIJZE = "besluiten/0002-werkwijze-lokale-teams-zuid"
JAARRAPPORTAGE = "besluiten/0003-jaarrapportage-jeugdhulp-2024"
CRISISDIENST = "besluiten/0004-financiering-crisisdienst"
TARIEVEN = "besluiten/0005-tarieven-gecertificeerde-instellingen"
GEZINSHUISPLEKKEN = "besluiten/0006-uitbreiding-gezinshuisplekken"

GEMEENTEN_KOP = ("Aadorp", "Brinkwoude", "Callenveen", "Dijkerhoorn", "Eeswolde", "Fennewier")
GEMEENTEN_ZUID = ("Gaastermeer", "Holtewiek", "Ilperveen", "Jutterwaard")

WACHTEND = ("open", "in procedure", "aangehouden")
"""Region states that say a region has still to decide (and so can be late)."""

SJABLOONWOORDEN = {
    # sjabloon.onderdeel in programma.yml, as the charter names them (team: Projectgroep, voorzieningen: Functies)
    "doel",
    "status",
    "opdrachtgever",
    "trekkers",
    "projectgroep",
    "budget",
    "functies",
    "deelprojecten",
    # sjabloon.fase
    "omschrijving",
    "mijlpalen",
}
SJABLOONBLOKKEN = {"Fasen", "Mijlpalen"}
"""Sections of a charter page that may say 'nader in te vullen': the template lists phase fields and milestones."""

STEIGERWERK = (
    "Nulplaten",
    "nulplaten",
    "nulplaat",
    "Nulplaat",
    "Sub-opdrachten",
    "Voorzieningen",
    "Projectteam",
    "Opvolging",
    "Versies",
    "ter advisering",
    "Permanent link",
    "Permalink",
)
"""The generator's own words and blocks that this programme never uses."""


@pytest.fixture(scope="module")
def kopie(tmp_path_factory) -> Path:
    doel = tmp_path_factory.mktemp("eigen") / "voorbeeldregio"
    shutil.copytree(VOORBEELD, doel)
    return doel


@pytest.fixture(scope="module")
def site(kopie, tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("eigen-site") / "site"
    resultaat = mkdocs_build(kopie / "mkdocs.yml", uit, PEILDATUM)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "WARNING" not in resultaat.stderr
    return uit


class _Zichtbaar(HTMLParser):
    """What a reader (or a screen reader) gets from one page: its text nodes and its labelling attributes."""

    LABELS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.teksten: list[str] = []
        self.labels: list[str] = []
        self._verborgen = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._verborgen += 1
        self.labels += [v for k, v in attrs if k in self.LABELS and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._verborgen -= 1

    def handle_data(self, data):
        if not self._verborgen and data.strip():
            self.teksten.append(data.strip())


def _zichtbaar(bron: str) -> _Zichtbaar:
    lezer = _Zichtbaar()
    lezer.feed(bron)
    return lezer


def _paginas(site: Path) -> dict[str, str]:
    """Every HTML page of the site by its path."""
    return {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in sorted(site.rglob("*.html"))}


def _cel(bron: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", bron))).strip()


def _tabellen(bron: str) -> list[list[list[str]]]:
    """The page's tables, each a list of rows of cell texts (the header row first)."""
    return [
        [
            [_cel(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)]
            for rij in re.findall(r"<tr>(.*?)</tr>", t, re.S)
        ]
        for t in re.findall(r"<table[^>]*>(.*?)</table>", bron, re.S)
    ]


def _bekrachtiging(site: Path, besluit: str) -> dict[str, str]:
    """A decision page's ratification table: region (as the row names it) → status cell."""
    [tabel] = [t for t in _tabellen(pagina(site, besluit)) if t[0][1:3] == ["Status", "Laatste stap"]]
    return {rij[0]: rij[1] for rij in tabel[1:]}


def _matrices(site: Path) -> dict[tuple[int, str], str]:
    """Every cell of the decision × region matrices on the regions page: (decision number, region) → cell."""
    cellen = {}
    for tabel in _tabellen(pagina(site, "regios")):
        kop = tabel[0]
        for rij in tabel[1:]:
            nummer = re.match(r"Besluit (\d+):", rij[0])
            for regio, cel in zip(kop[2:], rij[2:], strict=True):
                cellen[(int(nummer.group(1)), regio)] = cel
    return cellen


def _regiosporen(site: Path, nummer: int) -> dict[str, str]:
    """On each region's own page, the state the table 'Alle besluiten' gives one decision: region page → cell."""
    uit = {}
    for bestand in sorted((site / "regios").glob("*/index.html")):
        for tabel in _tabellen(bestand.read_text("utf-8")):
            if len(tabel[0]) == 4 and tabel[0][2].startswith("Status bij "):
                for rij in tabel[1:]:
                    if rij[0].startswith(f"Besluit {nummer}:"):
                        uit[bestand.parent.name] = rij[2]
    return uit


def test_the_programme_checks_clean_and_builds_only_what_it_uses(kopie, site):
    uit = agenda("controleer", "--map", str(kopie))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("Alles in orde. Besluiten: 6, projecten: 3, hoofdstukken: 2"), uit.stdout
    assert (site / "projecten" / "gezinshuizen" / "index.html").is_file()
    assert (site / "uitvoeringsprogramma" / "index.html").is_file()
    assert not (site / "nulplaten").exists()  # no nulplaten: no page, no nav entry
    assert not (site / "vergaderingen" / "opvolging").exists()  # the route has no follow-up step
    assert not (site / "uitvoeringsprogramma" / "versies").exists()  # no version fixed yet
    assert not (site / "deelopdrachten").exists()


def test_a_regional_vision_says_what_the_councils_did_as_the_source_counts_it(site):
    visie = tekst(pagina(site, REGIOVISIE))
    assert "Status: ingestemd" in visie
    assert (
        "20 februari 2025 Voorbereiding in het Ambtelijk Overleg Jeugd — Ambtelijk Overleg Jeugd: voorbereid" in visie
    )
    assert (
        "13 maart 2025 Besluit van het Portefeuillehoudersoverleg Jeugd — Portefeuillehoudersoverleg Jeugd: ingestemd"
        in (visie)
    )
    assert "Wacht sinds" not in visie
    assert (
        "Kop van Voorbeeld, juli 2025 (Besluit van de gemeenteraden: ingestemd door Gemeenteraad): welke raden, "
        "staat niet in de bron" in visie
    )
    assert "8 april 2025 (Besluit van de colleges: voorgelegd door College van burgemeester en wethouders)" in visie
    rijen = _bekrachtiging(site, REGIOVISIE)
    assert rijen["Kop van Voorbeeld (Jeugdregio Voorbeeld)"] == "deels ingestemd (5 van 6)"
    # the record says 'voorbeeld-zuid: onbekend': the page says so, it does not leave the subregion out
    assert rijen.get("Voorbeeld-Zuid (Jeugdregio Voorbeeld)") == "onbekend", rijen
    # the programme's word is 'ingestemd' wherever it is said; the generator's 'vastgesteld' is not the records'
    assert not [s for s in rijen.values() if "vastgesteld" in s], rijen
    assert not [s for s in rijen.values() if s in WACHTEND or "te laat" in s], rijen


def test_counted_and_unknown_regions_are_never_open_or_late_anywhere(site):
    matrix = {regio: cel for (nummer, regio), cel in _matrices(site).items() if nummer == 1}
    assert matrix["Kop van Voorbeeld"] == "deels ingestemd (5 van 6)"
    assert matrix["Voorbeeld-Zuid"] == "onbekend"
    for gemeente in GEMEENTEN_KOP:
        assert matrix[gemeente] == "onbekend"  # one of the five, or the sixth: the source does not say
    fout = {r: c for r, c in matrix.items() if c in WACHTEND or "te laat" in c or "vastgesteld" in c}
    assert fout == {}, fout  # Voorbeeld-Zuid's own municipalities too: nothing is known there
    sporen = _regiosporen(site, 1)
    assert sporen["kop-van-voorbeeld"] == "deels ingestemd (5 van 6)" and sporen["voorbeeld-zuid"] == "onbekend"
    fout = {r: c for r, c in sporen.items() if c in WACHTEND or "te laat" in c or "vastgesteld" in c}
    assert fout == {}, fout
    for bestand in sorted((site / "regios").glob("*/index.html")):
        te_besluiten = tekst(bestand.read_text("utf-8")).split("Nog te besluiten", 1)[1].split("Alle besluiten")[0]
        assert "Regiovisie jeugd" not in te_besluiten, bestand
    home = tekst(pagina(site, ""))
    assert "Nog te bekrachtigen door de regio's ¶ Er wacht geen besluit op bekrachtiging." in home


def test_open_data_keeps_the_count_and_the_unknown_region(site):
    data = json.loads((site / "data" / "besluiten.json").read_text("utf-8"))
    [visie] = [b for b in data["besluiten"] if b["nummer"] == 1]
    raad = visie["regionaal"]["kop-van-voorbeeld"]["stappen"][-1]
    assert (raad["uitkomst"], raad["orgaan"]) == ("ingestemd", "raad")
    assert (raad.get("aantal"), raad.get("van")) == (5, 6), raad
    assert visie["regionaal"].get("voorbeeld-zuid", {}).get("status") == "onbekend", visie["regionaal"].keys()


def test_a_decision_of_the_municipalities_alone_says_what_they_did(site):
    werkwijze = tekst(pagina(site, WERKWIJZE))
    assert "Status: zonder programmaroute" in werkwijze
    assert "Dit besluit ging niet langs de gremia van het programma" in werkwijze
    assert "Gaastermeer, 6 mei 2025 (ingestemd door College van burgemeester en wethouders)" in werkwijze
    assert "(ingestemd door College van burgemeester en wethouders): Met de opdracht de werkwijze na een jaar" in (
        werkwijze
    )
    rijen = _bekrachtiging(site, WERKWIJZE)
    assert [rijen[f"{g} (Voorbeeld-Zuid)"] for g in GEMEENTEN_ZUID] == ["ingestemd"] * 4
    # four municipalities agreed, in the programme's word: not five 'regio's', not 'vastgesteld'
    assert not [s for s in rijen.values() if "vastgesteld" in s], rijen
    verloop = werkwijze.split("Verloop ¶", 1)[1].split("Bekrachtiging door", 1)[0]
    assert "vastgesteld" not in verloop, verloop
    assert "ingestemd door 4 van 4 gemeenten" in werkwijze
    assert "regio's (" not in werkwijze
    # wherever the decision is listed as 'zonder programmaroute', the same row says what happened
    kaal = []
    for pad, bron in _paginas(site).items():
        for tabel in _tabellen(bron):
            for rij in tabel[1:]:
                regel = " | ".join(rij)
                over_het_besluit = "Gezamenlijke werkwijze lokale teams" in regel and "zonder programmaroute" in regel
                if over_het_besluit and "ingestemd" not in regel:
                    kaal.append((pad, regel))
    assert kaal == []


def test_a_decision_only_taken_note_of_waits_on_nobody(site):
    rapportage = tekst(pagina(site, JAARRAPPORTAGE))
    stap = "Besluit van het Portefeuillehoudersoverleg Jeugd — Portefeuillehoudersoverleg Jeugd: kennisgenomen"
    assert f"26 juni 2025 {stap}" in rapportage
    assert "Wacht sinds" not in rapportage
    status = re.search(r"Status: (.+?) · Soort", rapportage).group(1)
    assert status not in ("ter advisering", "ter besluitvorming"), status
    assert "Bekrachtiging door de regio's: niet van toepassing." in rapportage
    for gremium in ("ambtelijk-overleg", "pho-jeugd"):  # on no docket: taking note asks nothing more of anyone
        assert "Jaarrapportage jeugdhulp 2024" not in tekst(pagina(site, f"vergaderingen/{gremium}")), gremium
    assert "Ambtelijk Overleg Jeugd: niets." in tekst(pagina(site, ""))


def test_a_decision_held_over_says_so_and_waits_on_the_body_that_held_it(site):
    crisis = tekst(pagina(site, CRISISDIENST))
    wacht = "Wacht sinds 25 september 2025 (158 dagen) op Portefeuillehoudersoverleg Jeugd"
    assert f"Status: aangehouden · Soort: besluit · {wacht}" in crisis
    assert (
        "Portefeuillehoudersoverleg Jeugd: aangehouden De portefeuillehouders willen eerst de kosten per gemeente zien."
        in (crisis)
    )
    docket = tekst(pagina(site, "vergaderingen/pho-jeugd"))
    assert "Besluit 4: Financiering regionale crisisdienst 2026 ¶ Status: aangehouden" in docket
    assert "Besluit 6: Tarief voor nieuwe gezinshuisplekken ¶ Status: ter besluitvorming" in docket
    assert "Advies: Het ambtelijk overleg adviseert in te stemmen, met een evaluatie na een jaar." in docket
    assert "Besluit 4: Financiering regionale crisisdienst 2026 — aangehouden" in tekst(
        pagina(site, "projecten/crisisdienst")
    )


def test_a_decision_whose_regions_the_source_does_not_name_is_unknown_not_inapplicable(site):
    tarieven = tekst(pagina(site, TARIEVEN))
    assert "Status: ingestemd" in tarieven
    assert "Welke regio's dit besluit moeten bekrachtigen, staat niet in de bron." in tarieven
    cellen = {regio: cel for (nummer, regio), cel in _matrices(site).items() if nummer == 5}
    assert cellen, "besluit 5 staat niet in de matrix van de regio's"
    fout = {r: c for r, c in cellen.items() if c == "niet van toepassing" or c in WACHTEND}
    assert fout == {}, fout


def test_each_level_speaks_its_own_words(site):
    assert "Bestaat uit de subregio's: Kop van Voorbeeld, Voorbeeld-Zuid." in tekst(pagina(site, "regios/voorbeeld"))
    assert f"Bestaat uit de gemeenten: {', '.join(GEMEENTEN_KOP)}." in tekst(pagina(site, "regios/kop-van-voorbeeld"))
    assert f"Bestaat uit de gemeenten: {', '.join(GEMEENTEN_ZUID)}." in tekst(pagina(site, "regios/voorbeeld-zuid"))
    plekken = tekst(pagina(site, GEZINSHUISPLEKKEN))
    assert "Subregio Status Laatste stap Datum Wachtend" in plekken
    assert "Samen: nog door geen van de 2 subregio's besloten" in plekken
    assert "Subregio's Kop van Voorbeeld, Voorbeeld-Zuid" in tekst(pagina(site, "projecten/crisisdienst"))
    assert "Kop van Voorbeeld (subregio) Aadorp (gemeente)" in tekst(pagina(site, "regios"))


def test_charters_follow_the_programmes_own_template(site):
    gezinshuizen = tekst(pagina(site, "projecten/gezinshuizen"))
    assert "Functies Gezinshuizen" in gezinshuizen
    assert "Projectgroep ¶ Rol Naam Organisatie Uren projectleider S. Bakker" in gezinshuizen
    assert "Deelprojecten ¶ Woningen voor gezinshuizen ¶ Trekker: R. Jansen (gemeente Holtewiek)" in gezinshuizen
    assert "Nader in te vullen: budget." in gezinshuizen
    crisis = tekst(pagina(site, "projecten/crisisdienst"))
    assert "Functies Crisisopvang; Ambulante spoedhulp" in crisis
    assert "Nader in te vullen: opdrachtgever, trekkers, projectgroep, budget." in crisis
    inrichting = "Periode: vanaf 2026 Na het besluit over de financiering richten we de dienst in."
    assert f"{inrichting} Nader in te vullen: mijlpalen." in crisis
    assert "31 december 2025: Verkenning afgerond (te laat)" in crisis
    toegang = tekst(pagina(site, "projecten/zicht-op-de-toegang"))
    assert "Regio's welke regio's, staat niet in de bron" in toegang
    assert "Nader in te vullen: trekkers, projectgroep, budget, functies." in toegang


@pytest.mark.parametrize("project", ["gezinshuizen", "crisisdienst", "zicht-op-de-toegang"])
def test_a_charter_says_nader_in_te_vullen_only_for_what_its_template_lists(site, project):
    charter = tekst(pagina(site, f"projecten/{project}"))
    velden = [v.strip() for lijst in re.findall(r"Nader in te vullen: ([^.]+)\.", charter) for v in lijst.split(",")]
    blokken = re.findall(r"(\S+) ¶ nader in te vullen", charter)
    lijsten = len(re.findall(r"Nader in te vullen: ", charter))
    assert len(re.findall(r"nader in te vullen", charter, re.I)) == lijsten + len(blokken), charter
    assert set(velden) <= SJABLOONWOORDEN, set(velden) - SJABLOONWOORDEN
    assert set(blokken) <= SJABLOONBLOKKEN, set(blokken) - SJABLOONBLOKKEN


def test_the_overview_of_projects_shows_only_the_templates_columns(site):
    overzicht = pagina(site, "projecten")
    [tabel] = _tabellen(overzicht)
    assert tabel[0][0] == "Project" and "Status" in tabel[0]
    assert "Prioriteit" not in tabel[0] and "Aanspreekpunt" not in tabel[0], tabel[0]
    assert "nader in te vullen" not in tekst(overzicht)


def test_no_page_shows_the_generators_scaffolding(site):
    gevonden = set()
    for pad, bron in _paginas(site).items():
        zichtbaar = _zichtbaar(bron)
        for stuk in (*zichtbaar.teksten, *zichtbaar.labels):
            gevonden |= {(pad, woord) for woord in STEIGERWERK if woord in stuk}
        if 'aria-label="Header"' in bron:
            gevonden.add((pad, 'aria-label="Header"'))
    assert gevonden == set()


def _engelse_labels() -> set[str]:
    """Material's English interface words (its 'en' language file), less the technical values and the one word
    that is Dutch too; Python-Markdown's heading link title with it."""
    import material

    taal = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    waarden = set(re.findall(r'^  "[a-z.]+": "(.*)",?$', taal.read_text("utf-8"), re.M))
    return {w.replace("#", "").strip() for w in waarden if re.match(r"[A-Z#1]", w) and w != "Metadata"} | {
        "Permanent link"
    }


def test_no_english_interface_words_are_shown_or_read_aloud(site):
    labels = _engelse_labels()
    assert {"Search", "Skip to content", "Back to top", "Table of contents", "Header", "Footer"} <= labels
    patronen = {label: re.compile(rf"(?<!\w){re.escape(label)}(?!\w)") for label in labels}
    gevonden = set()
    for pad, bron in _paginas(site).items():
        zichtbaar = _zichtbaar(bron)
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', bron, re.S)
        vertalingen = list(json.loads(config.group(1))["translations"].values()) if config else []
        for stuk in (*zichtbaar.teksten, *zichtbaar.labels, *vertalingen):
            gevonden |= {(pad, label, stuk[:60]) for label, patroon in patronen.items() if patroon.search(stuk)}
    assert gevonden == set()
