"""Planning, regional trails, meeting dockets, filters, feeds and open data on a built site."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator
from sitebouw import mkdocs_build, pagina, tekst

from conftest import MINIMAAL, ROOT, Programma
from regioagenda.records.laden import laad
from regioagenda.samenstellen import Opties, stel_samen

ADRES = "https://voorbeeld.example/programma/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture programme with a decision awaiting the board, built once at peildatum 2024-04-01 (read only)."""
    tmp_path = tmp_path_factory.mktemp("planning")
    programma = Programma(tmp_path / "programma")
    shutil.copytree(MINIMAAL, programma.root)
    programma.schrijf(
        "decisions/0003-meer-bedden.md",
        """---
nummer: 3
titel: "Meer crisisbedden"
soort: agendawijziging
samenvatting: "Vier bedden erbij."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2024-03-01, uitkomst: ingebracht}
  - {datum: 2024-03-10, gremium: kernteam, uitkomst: geadviseerd, toelichting: "Positief advies: vier bedden."}
---
""",
    )
    uit = tmp_path / "site"
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", uit)
    assert resultaat.returncode == 0, resultaat.stderr
    return uit


def test_planning_page_shows_phases_and_milestones_against_the_peildatum(site):
    html_bron = pagina(site, "planning")
    assert '<span class="planning__balk" style="grid-column:2 / 6">januari 2024 – december 2024</span>' in html_bron
    assert html_bron.count('class="planning__kwartaal"') == 4  # one year on the axis, in quarters
    inhoud = tekst(html_bron)
    assert "peildatum 1 april 2024" in inhoud
    assert "Komend (1) 30 juni 2024 — Contract getekend" in inhoud
    assert "Te laat (0)" in inhoud
    assert "Nazorg: periode nader in te vullen" not in inhoud  # a charter without phases has no row


def test_charter_page_has_its_own_planning(site):
    inhoud = tekst(pagina(site, "deelopdrachten/crisisopvang"))
    assert "Planning" in inhoud and "Komend (1) 30 juni 2024 — Contract getekend" in inhoud


def test_late_milestone_after_its_date(programma, tmp_path):
    programma.vervang("mkdocs.yml", 'peildatum: "2024-04-01"', 'peildatum: "2024-07-01"')
    assert mkdocs_build(programma.root / "mkdocs.yml", tmp_path / "s").returncode == 0
    assert "Te laat (1) 30 juni 2024 — Contract getekend" in tekst(pagina(tmp_path / "s", "planning"))


def test_ical_feed_has_stable_events_without_clock_values(site):
    kalender = Calendar.from_ical((site / "planning.ics").read_bytes())
    [event] = kalender.walk("VEVENT")
    assert str(event["summary"]) == "Contract getekend (Crisisopvang)"
    assert event.decoded("dtstart").isoformat() == "2024-06-30"
    # no commit history: stamped by the peildatum, never by the milestone's own (future) day or the clock
    assert event.decoded("dtstamp").isoformat() == "2024-04-01T00:00:00+00:00"
    assert event.decoded("last-modified") == event.decoded("dtstamp")
    # the charter's id and the milestone's place in the record: neither its title nor its date
    assert (
        str(event["uid"])
        == "mijlpaal-crisisopvang-fasen/0/mijlpalen/0@urn:uitvoeringsagenda:testprogramma-zuid:mijlpaal"
    )


def test_atom_feeds_all_and_per_region(site):
    alle = ET.parse(site / "besluiten.xml").getroot()
    entries = alle.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "urn:uitvoeringsagenda:testprogramma-zuid:besluit:0002",
        "urn:uitvoeringsagenda:testprogramma-zuid:besluit:0003",
        "urn:uitvoeringsagenda:testprogramma-zuid:besluit:0001",
    ]
    # every latest step has a day: each entry is dated by it (0001 by its region's step), the feed by the latest
    assert [e.find(f"{ATOM}updated").text for e in entries] == [
        "2024-04-01T00:00:00Z",
        "2024-03-10T00:00:00Z",
        "2024-03-01T00:00:00Z",
    ]
    assert alle.find(f"{ATOM}updated").text == "2024-04-01T00:00:00Z"
    assert entries[1].find(f"{ATOM}content").text == "Vier bedden erbij.\n\nLaatste stap: 10 maart 2024"
    # absolute on the published address: a feed reader has no page to resolve a relative link against
    assert entries[2].find(f"{ATOM}link").get("href") == ADRES + "besluiten/0001-crisisbedden-borgen/"
    regio = ET.parse(site / "regio-zuidoever.xml").getroot()
    assert len(regio.findall(f"{ATOM}entry")) == 3


def test_open_data_validates_against_its_published_schemas(site):
    for naam in ("besluiten", "deelopdrachten", "planning"):
        data = json.loads((site / "data" / f"{naam}.json").read_text(encoding="utf-8"))
        schema = json.loads((site / "schemas" / f"data-{naam}.schema.json").read_text(encoding="utf-8"))
        assert list(Draft202012Validator(schema).iter_errors(data)) == []
    besluiten = json.loads((site / "data" / "besluiten.json").read_text(encoding="utf-8"))["besluiten"]
    assert besluiten[0]["regionaal"]["zuidoever"] == {"status": "open", "te_laat": True, "stappen": []}
    assert [b["status"] for b in besluiten] == ["geaccordeerd", "voorgesteld", "ter-besluitvorming"]


def test_regional_trail_shows_what_is_pending_and_late(site):
    zuid = tekst(pagina(site, "regios/zuidoever"))
    assert (
        "Nog te besluiten Besluit Status bij Zuidoever Wachtend sinds accordering Termijn Besluit 1: Crisisbedden "
        "borgen open te laat 47 dagen 45 dagen" in zuid
    )
    noord = tekst(pagina(site, "regios/noordoever"))
    assert "Er wacht geen besluit op Noordoever." in noord
    assert "1 maart 2024: Gemeenteraad — vastgesteld" in noord
    matrix = tekst(pagina(site, "regios"))
    assert "Besluit 1: Crisisbedden borgen geaccordeerd vastgesteld open te laat" in matrix


def test_meeting_dockets(site):
    kernteam = tekst(pagina(site, "vergaderingen/kernteam"))
    assert "Besluit 2: Nazorg verkennen" in kernteam and "Besluit 3" not in kernteam
    bestuur = tekst(pagina(site, "vergaderingen/bestuur"))
    assert "Besluit 3: Meer crisisbedden" in bestuur
    assert "Advies: Positief advies: vier bedden." in bestuur
    assert "Betrokken deelopdrachten: Crisisopvang" in bestuur


def test_follow_up_list_on_the_real_site(tmp_path):
    assert mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "s", "2026-11-22").returncode == 0
    opvolging = tekst(pagina(tmp_path / "s", "vergaderingen/opvolging"))
    assert (
        "Besluit 1: Startdocument" in opvolging
        and "Inhoudelijke terugkoppeling via de regiegroep; Beschrijving van impact en noodzakelijke activiteiten"
        in opvolging
    )
    assert "Besluit 3:" not in opvolging  # only proposed


def test_static_filters_work_without_javascript(site):
    voorgesteld = tekst(pagina(site, "besluiten/status/voorgesteld"))
    assert "Besluiten — Status: voorgesteld" in voorgesteld
    assert "Nazorg verkennen" in voorgesteld and "Crisisbedden borgen" not in voorgesteld
    log = tekst(pagina(site, "besluiten"))
    assert "Status: voorgesteld (1) · ter besluitvorming (1) · geaccordeerd (1)" in log
    assert "Gremium: Kernteam (2) · Bestuurlijk overleg (1)" in log


def test_two_builds_with_the_same_peildatum_are_byte_identical(programma, tmp_path):
    for naam in ("a", "b"):
        assert mkdocs_build(programma.root / "mkdocs.yml", tmp_path / naam).returncode == 0
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a.keys() == b.keys() and len(a) > 40
    assert [str(p) for p in a if a[p] != b[p]] == []


def test_home_shows_the_ten_longest_waiting_ratifications_of_a_large_programme(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))
    synthetisch = importlib.import_module("synthetisch")
    root = synthetisch.schrijf(tmp_path / "groot", 120)
    resultaat = laad(root)
    assert not resultaat.problemen
    home = next(p.inhoud for p in stel_samen(resultaat.agenda, Opties(dt.date(2026, 1, 1))) if p.uri == "index.md")
    sectie = home.split("## Nog te bekrachtigen door de regio's")[1].split("## Nulplaten")[0]
    rijen = [r for r in sectie.splitlines() if r.startswith("| [Besluit")]
    dagen = [int(r.rsplit("|", 2)[1].split()[0].replace(".", "")) for r in rijen]
    assert len(rijen) == 10 and dagen == sorted(dagen, reverse=True)
    totaal = int(sectie.split("Dit zijn de 10 die het langst wachten, van ")[1].split(".")[0])
    assert totaal > 10
    assert "[Regio's](regios/index.md)" in sectie


def test_each_feed_names_its_own_address_and_its_page(site):
    adres = "https://voorbeeld.example/programma/"
    for feed, pagina_ in (("besluiten.xml", "besluiten/"), ("regio-zuidoever.xml", "regios/zuidoever/")):
        wortel = ET.parse(site / feed).getroot()
        links = {link.get("rel"): link for link in wortel.findall("{http://www.w3.org/2005/Atom}link")}
        assert links["self"].get("href") == adres + feed and links["self"].get("type") == "application/atom+xml"
        assert links["alternate"].get("href") == adres + pagina_ and links["alternate"].get("type") == "text/html"
        assert (site / pagina_ / "index.html").is_file()  # the page it names exists
