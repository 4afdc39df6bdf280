"""The Groningen meetings as records: the sessions the advice's planning dates, at their real times, and nothing more.

The "Advies van de regiegroep aan de Adviescommissie Jeugdhulp" (11 mei 2022), bijlage 3, plans five meetings of the
regiegroep and three digital two-hour sessions per ontwikkeltafel; hoofdstuk 1 says they were held. The source
names no topic per session, no place for the regiegroep and no decision taken in any of them, and the advice of
11 May 2022 is a memo, not a meeting.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sitebouw import agenda, mkdocs_build, pagina, tekst

GRONINGEN = Path(__file__).parent / "programmas" / "groningen-ontwikkeltafels"

REGIEGROEP = [
    # (record, title, when) — bijlage 3, "Planning van de bijeenkomsten van de regiegroep"
    ("2022-02-15-regiegroep", "Regiegroep, bijeenkomst 1", "15 februari 2022, 14:00–16:00 uur"),
    ("2022-03-02-regiegroep", "Regiegroep, bijeenkomst 2", "2 maart 2022, 09:00–11:00 uur"),
    ("2022-03-14-regiegroep", "Regiegroep, bijeenkomst 3", "14 maart 2022, 11:00–13:00 uur"),
    ("2022-03-29-regiegroep", "Regiegroep, bijeenkomst 4", "29 maart 2022, 14:00–16:00 uur"),
    ("2022-04-12-regiegroep", "Regiegroep, bijeenkomst 5", "12 april 2022, 12:00–16:00 uur"),
]

TAFELS = {
    # charter id: (name in the planning, [(day, time) of the eerste, tweede, derde sessie]) — bijlage 3,
    # "Planning van de bijeenkomsten van de ontwikkeltafels"
    "toegang-via-verschillende-verwijzers": (
        "Toegang via verschillende verwijzers",
        [("7 maart 2022", "11:00–13:00"), ("21 maart 2022", "11:00–13:00"), ("4 april 2022", "11:00–13:00")],
    ),
    "administratieve-lasten": (
        "Administratieve lasten",
        [("7 maart 2022", "14:00–16:00"), ("21 maart 2022", "14:00–16:00"), ("4 april 2022", "14:00–16:00")],
    ),
    "preventie": (
        "Preventie",
        [("8 maart 2022", "09:00–11:00"), ("22 maart 2022", "09:00–11:00"), ("5 april 2022", "09:00–11:00")],
    ),
    "dekkend-zorglandschap": (
        "Afbakening van en realiseren van een dekkend zorglandschap",
        [("8 maart 2022", "12:30–14:30"), ("22 maart 2022", "12:30–14:30"), ("5 april 2022", "12:30–14:30")],
    ),
    "aansluiting-jeugdhulp-en-onderwijs": (
        "Aansluiting jeugdhulp en onderwijs",
        [("9 maart 2022", "08:30–10:30"), ("23 maart 2022", "08:30–10:30"), ("6 april 2022", "08:30–10:30")],
    ),
    "data-en-monitoring": (
        "Data en monitoring",
        [("8 maart 2022", "15:00–17:00"), ("22 maart 2022", "15:00–17:00"), ("5 april 2022", "15:00–17:00")],
    ),
}

SESSIE = ("eerste sessie", "tweede sessie", "derde sessie")


@pytest.fixture(scope="module")
def programma(tmp_path_factory) -> Path:
    kopie = tmp_path_factory.mktemp("groningen-vergaderingen") / "programma"
    shutil.copytree(GRONINGEN, kopie)
    return kopie


@pytest.fixture(scope="module")
def site(programma, tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("groningen-vergaderingen") / "site"
    resultaat = mkdocs_build(programma / "mkdocs.yml", uit, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    return uit


def _tafelpagina(site: Path, titel: str) -> tuple[str, str]:
    """The record id and text of the ontwikkeltafel session with this title (same-day sessions are -2, -3)."""
    gevonden = []
    for bestand in sorted((site / "vergaderingen" / "ontwikkeltafels").glob("*/index.html")):
        inhoud = tekst(bestand.read_text("utf-8"))
        if inhoud.startswith(f" {titel}: "):
            gevonden.append((bestand.parent.name, inhoud))
    assert len(gevonden) == 1, (titel, [g[0] for g in gevonden])
    return gevonden[0]


def test_the_programme_checks_clean_with_its_23_meetings(programma):
    uit = agenda("controleer", "--map", str(programma))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().endswith(", vergaderingen: 23."), uit.stdout
    namen = sorted(p.name for p in (programma / "agenda" / "vergaderingen").iterdir())
    assert len(namen) == 23 and all(n.endswith(".md") for n in namen)  # no folders: the source gives no papers
    assert sum(n.endswith("-regiegroep.md") for n in namen) == 5
    assert sum("-ontwikkeltafels" in n for n in namen) == 18
    # the advice of 11 May 2022 is a memo from the regiegroep, not a meeting; nothing else is dated in the source
    assert not [n for n in namen if not n.startswith(("2022-02", "2022-03", "2022-04"))]


def test_the_regiegroep_page_lists_its_five_meetings_at_their_real_times(site):
    orgaan = tekst(pagina(site, "vergaderingen/regiegroep"))
    assert "Eerdere vergaderingen" in orgaan and "Komende vergaderingen" not in orgaan  # peildatum 30 Nov 2026
    rijen = re.findall(r"(Regiegroep, bijeenkomst \d) (\d+ \w+ 2022, [\d:–]+ uur) — gehouden", orgaan)
    # newest first, no place: the source says only "grotendeels in de vorm van fysieke bijeenkomsten"
    assert rijen == [(titel, wanneer) for _, titel, wanneer in reversed(REGIEGROEP)]


def test_each_regiegroep_meeting_has_its_page_and_says_what_the_source_leaves_open(site):
    for record, titel, wanneer in REGIEGROEP:
        inhoud = tekst(pagina(site, f"vergaderingen/regiegroep/{record}"))
        assert inhoud.startswith(f" {titel}: {wanneer.split(',')[0]} ")
        assert f"Wanneer: {wanneer} · Status: gehouden" in inhoud  # no 'Waar'
        assert "de onderwerpen van deze bijeenkomst staan niet in de bron: nader in te vullen" in inhoud
        # held, but the source gives no outcome: no empty besluitenlijst is published
        assert "Bij deze vergadering zijn geen uitkomsten vastgelegd." in inhoud
        assert not (site / f"vergaderingen/regiegroep/{record}/besluitenlijst").exists()


def test_the_ontwikkeltafels_page_lists_all_eighteen_digital_sessions(site):
    orgaan = tekst(pagina(site, "vergaderingen/ontwikkeltafels"))
    for naam, sessies in TAFELS.values():
        for rang, (dag, tijd) in zip(SESSIE, sessies, strict=True):
            assert f"Ontwikkeltafel {naam}, {rang} {dag}, {tijd} uur Digitaal gehouden" in orgaan, (naam, rang)
    assert orgaan.count(" Digitaal gehouden") == 18
    # within a day the later session comes first, like the days themselves
    assert orgaan.index("Data en monitoring, eerste sessie") < orgaan.index("Preventie, eerste sessie")


def test_each_session_names_its_table_links_its_charter_and_records_no_outcome(site):
    for ident, (naam, sessies) in TAFELS.items():
        for rang, (dag, tijd) in zip(SESSIE, sessies, strict=True):
            titel = f"Ontwikkeltafel {naam}, {rang}"
            record, inhoud = _tafelpagina(site, titel)
            assert inhoud.startswith(f" {titel}: {dag} ")
            assert f"Wanneer: {dag}, {tijd} uur · Waar: Digitaal · Status: gehouden" in inhoud
            assert f"Agenda ¶ {naam} — {naam} Besluitenlijst" in inhoud
            bron = pagina(site, f"vergaderingen/ontwikkeltafels/{record}")
            assert f'href="../../../ontwikkeltafels/{ident}/"' in bron
            assert not (site / f"vergaderingen/ontwikkeltafels/{record}/besluitenlijst").exists()


def test_the_meetings_take_no_step_in_any_decision_route(site):
    for besluit in sorted((site / "besluiten").glob("000*/index.html")):
        assert "in de vergadering van" not in tekst(besluit.read_text("utf-8")), besluit.parent.name
    advies = tekst(pagina(site, "besluiten/0009-advies-regiegroep-aan-adviescommissie"))
    assert "11 mei 2022" in advies  # the memo's date stays the decision's own step, not a meeting


def test_the_calendar_holds_the_meetings_at_their_amsterdam_times(site):
    kalender = (site / "planning.ics").read_text("utf-8").replace("\r\n ", "").replace("\n ", "")
    assert "SUMMARY:Regiegroep\\, bijeenkomst 5" in kalender
    assert "DTSTART;TZID=Europe/Amsterdam:20220412T120000" in kalender
    assert "DTEND;TZID=Europe/Amsterdam:20220412T160000" in kalender
    assert "UID:vergadering-2022-03-08-ontwikkeltafels-2@" in kalender
    assert "DTSTART;TZID=Europe/Amsterdam:20220308T123000" in kalender
    assert (site / "vergaderingen-regiegroep.xml").is_file()
    assert (site / "vergaderingen-ontwikkeltafels.xml").is_file()
