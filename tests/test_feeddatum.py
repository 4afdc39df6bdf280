"""Atom feeds never give a date more precise than the record.

An entry is dated by its latest step only when the record gives that step's day; otherwise by the commit time of
the last commit that touched the record (read once per build from git), and outside git by the peildatum. The
entry's text says the latest step's date as the record writes it.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitebouw import mkdocs_build

from conftest import Programma
from regioagenda.publiceren.boom import bouw_boom
from regioagenda.records import wijzigingen
from regioagenda.records.laden import laad
from regioagenda.records.wijzigingen import laatst_gewijzigd
from regioagenda.samenstellen import Opties, feeds, stel_samen

ATOM = "{http://www.w3.org/2005/Atom}"
ADRES = "https://voorbeeld.example/programma/"
PEILDATUM = dt.date(2025, 6, 1)
OP_PEILDATUM = "2025-06-01T00:00:00Z"
NIEUWJAAR = "2024-01-01T00:00:00Z"
"""1 January of the programme's first year (periode: 2024–2027): what a decision without a day used to get."""

EERSTE_COMMIT = "2025-02-03T04:05:06+00:00"
AUTEUR = "2020-07-08T09:10:11+00:00"
"""The author date of the first commit: not the commit time, so never an entry's date."""
TWEEDE_COMMIT = "2025-03-04T05:06:07+01:00"
TWEEDE_COMMIT_UTC = "2025-03-04T04:06:07Z"

BESLUITEN = {
    # the latest step is a day on the regional route, after a month on the programme route
    "0003-dag-na-maand": """nummer: 3
titel: "Dag na een maand"
soort: besluit
samenvatting: "Een dag na een maand."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2023, uitkomst: ingebracht}
  - {datum: 2023-12, gremium: kernteam, uitkomst: geadviseerd}
  - {datum: 2024-02-20, gremium: bestuur, uitkomst: geaccordeerd}
regionaal:
  noordoever:
    - {datum: 2024-03-05, stap: college, uitkomst: vastgesteld}
""",
    "0004-maand": """nummer: 4
titel: "Alleen een maand"
soort: besluit
samenvatting: "De laatste stap heeft alleen een maand."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2023-02-14, uitkomst: ingebracht}
  - {datum: 2023-03, gremium: kernteam, uitkomst: geadviseerd}
""",
    "0005-jaar": """nummer: 5
titel: "Alleen een jaar"
soort: besluit
samenvatting: "De laatste stap heeft alleen het jaar waarin het programma begint."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2023-01-10, uitkomst: ingebracht}
  - {datum: 2024, gremium: kernteam, uitkomst: geadviseerd}
""",
    "0006-onbekend": """nummer: 6
titel: "Zonder datum"
soort: besluit
samenvatting: "Niemand weet wanneer."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: onbekend, uitkomst: ingebracht}
""",
    # a day on the programme route, but the region's later step has only a month
    "0007-regio-maand": """nummer: 7
titel: "Regio met een maand"
soort: besluit
samenvatting: "De regio stelde vast in maart."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2024-01-10, uitkomst: ingebracht}
  - {datum: 2024-02-14, gremium: bestuur, uitkomst: geaccordeerd}
regionaal:
  noordoever:
    - {datum: 2024-03, stap: college, uitkomst: vastgesteld}
""",
    # a step that really is on 1 January of the programme's first year
    "0008-nieuwjaarsdag": """nummer: 8
titel: "Op nieuwjaarsdag"
soort: besluit
samenvatting: "Ingebracht op 1 januari."
deelopdrachten: [crisisopvang]
verloop:
  - {datum: 2024-01-01, uitkomst: ingebracht}
""",
}

DAGEN = {
    "0001": "2024-03-01T00:00:00Z",  # the fixture's regional step, after its accordering on 14 February
    "0002": "2024-04-01T00:00:00Z",
    "0003": "2024-03-05T00:00:00Z",
    "0008": NIEUWJAAR,
}
"""Decisions whose latest step has a day: dated by that day, wherever the programme lies."""
ZONDER_DAG = ("0004", "0005", "0006", "0007")


def _schrijf_besluiten(programma: Programma) -> None:
    for naam, tekst in BESLUITEN.items():
        programma.schrijf(f"decisions/{naam}.md", f"---\n{tekst}---\n")
    assert programma.problemen() == []


def _git_omgeving(moment: str | None = None, auteur: str | None = None) -> dict[str, str]:
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    omgeving |= {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@voorbeeld.example",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@voorbeeld.example",
    }
    if moment:
        omgeving |= {"GIT_AUTHOR_DATE": auteur or moment, "GIT_COMMITTER_DATE": moment}
    return omgeving


def _git(repo: Path, *args: str, moment: str | None = None, auteur: str | None = None) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "commit.gpgsign=false", *args],
        check=True,
        capture_output=True,
        env=_git_omgeving(moment, auteur),
        timeout=60,
    )


def _in_git(map_: Path) -> bool:
    uit = subprocess.run(
        ["git", "-C", str(map_), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        text=True,
        env=_git_omgeving(),
        timeout=60,
    )
    return uit.returncode == 0


def _repository(programma: Programma) -> Path:
    """A git repository one folder above the programme (as a programme kept in a subfolder), with two commits:
    everything at EERSTE_COMMIT (authored earlier), then a change to 0004 alone at TWEEDE_COMMIT."""
    repo = programma.root.parent
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-verify", "-m", "Eerste", moment=EERSTE_COMMIT, auteur=AUTEUR)
    programma.vervang("decisions/0004-maand.md", "alleen een maand.", "alleen een maand, nog steeds.")
    _git(repo, "commit", "-q", "--no-verify", "-am", "Tweede", moment=TWEEDE_COMMIT)
    return repo


def _feed(root: Path, *, met_root: bool = True) -> ET.Element:
    """The composed all-decisions feed of the programme in ``root``, parsed."""
    resultaat = laad(root)
    assert not resultaat.problemen, resultaat.problemen
    paginas = stel_samen(resultaat.agenda, Opties(PEILDATUM, ADRES, root=root if met_root else None))
    [pagina] = [p for p in paginas if p.uri == "besluiten.xml"]
    return ET.fromstring(pagina.als_bytes)


def _per_code(feed: ET.Element) -> dict[str, ET.Element]:
    return {e.find(f"{ATOM}id").text.rsplit(":", 1)[1]: e for e in feed.findall(f"{ATOM}entry")}


def _bijgewerkt(feed: ET.Element) -> dict[str, str]:
    return {code: e.find(f"{ATOM}updated").text for code, e in _per_code(feed).items()}


def _geen_verzonnen_nieuwjaar(bijgewerkt: dict[str, str]) -> None:
    """No entry says 1 January of the programme start unless its latest step is on that day."""
    assert [code for code, moment in bijgewerkt.items() if moment == NIEUWJAAR] == ["0008"]


@pytest.fixture
def besluiten(programma: Programma) -> Programma:
    _schrijf_besluiten(programma)
    return programma


def test_a_latest_step_known_to_the_day_dates_the_entry_by_that_day(besluiten):
    _repository(besluiten)  # a later commit does not move a day the record gives
    bijgewerkt = _bijgewerkt(_feed(besluiten.root))
    assert {code: bijgewerkt[code] for code in DAGEN} == DAGEN


def test_a_vaguer_latest_step_dates_the_entry_by_the_last_commit_of_its_record(besluiten):
    _repository(besluiten)
    besluiten.schrijf(
        "decisions/0009-nog-niet-gecommit.md",
        BESLUITEN["0005-jaar"].replace("nummer: 5", "nummer: 9").join(["---\n", "---\n"]),
    )
    feed = _feed(besluiten.root)
    bijgewerkt = _bijgewerkt(feed)
    assert bijgewerkt["0004"] == TWEEDE_COMMIT_UTC  # changed again in the second commit, given in UTC
    # the commit time, not the author date and not a date made up from '2024', '2024-03' or 'onbekend'
    assert {code: bijgewerkt[code] for code in ("0005", "0006", "0007")} == dict.fromkeys(
        ("0005", "0006", "0007"), "2025-02-03T04:05:06Z"
    )
    assert bijgewerkt["0009"] == OP_PEILDATUM  # not committed yet: git does not know it
    _geen_verzonnen_nieuwjaar(bijgewerkt)
    assert feed.find(f"{ATOM}updated").text == OP_PEILDATUM  # the latest entry: 0009, which git does not know
    momenten = [e.find(f"{ATOM}updated").text for e in feed.findall(f"{ATOM}entry")]
    assert momenten == sorted(momenten, reverse=True)  # newest first
    assert momenten[:2] == [OP_PEILDATUM, TWEEDE_COMMIT_UTC]


def test_a_commit_after_the_peildatum_dates_the_entry_by_the_peildatum(besluiten):
    """A build as of a day cannot know a later change: the entry is dated by the peildatum, as the calendar is."""
    _repository(besluiten)
    paginas = stel_samen(laad(besluiten.root).agenda, Opties(dt.date(2025, 2, 10), ADRES, root=besluiten.root))
    [pagina] = [p for p in paginas if p.uri == "besluiten.xml"]
    bijgewerkt = _bijgewerkt(ET.fromstring(pagina.als_bytes))
    assert bijgewerkt["0005"] == "2025-02-03T04:05:06Z"  # the first commit, before the peildatum
    assert bijgewerkt["0004"] == "2025-02-10T00:00:00Z"  # changed again on 4 March 2025: after the peildatum


def test_outside_git_a_vaguer_latest_step_dates_the_entry_by_the_peildatum(besluiten):
    if _in_git(besluiten.root):
        pytest.skip("de tijdelijke map ligt in een git-repository")
    for met_root in (True, False):
        feed = _feed(besluiten.root, met_root=met_root)
        bijgewerkt = _bijgewerkt(feed)
        assert {code: bijgewerkt[code] for code in ZONDER_DAG} == dict.fromkeys(ZONDER_DAG, OP_PEILDATUM)
        assert {code: bijgewerkt[code] for code in DAGEN} == DAGEN
        _geen_verzonnen_nieuwjaar(bijgewerkt)
        assert feed.find(f"{ATOM}updated").text == OP_PEILDATUM  # the latest entry: no day after 1 June 2025


def test_each_entry_says_its_latest_step_as_the_record_writes_it(besluiten):
    entries = _per_code(_feed(besluiten.root))
    verwacht = {
        "0001": "Laatste stap: 1 maart 2024",
        "0003": "Laatste stap: 5 maart 2024",
        "0004": "Laatste stap: maart 2023",
        "0005": "Laatste stap: 2024",
        "0006": "Laatste stap: datum onbekend",
        "0007": "Laatste stap: maart 2024",
    }
    samenvattingen = {code: laad(besluiten.root).agenda.besluiten[int(code)].samenvatting for code in verwacht}
    for code, slot in verwacht.items():
        content = entries[code].find(f"{ATOM}content")
        assert content.get("type") == "text"
        assert content.text == f"{samenvattingen[code]}\n\n{slot}"
        # the summary stays as the record writes it, first in the entry's text
        assert entries[code].find(f"{ATOM}summary").text == samenvattingen[code]
    assert "maart 2023" in entries["0004"].find(f"{ATOM}content").text


def test_ids_stay_stable(besluiten):
    ids = [e.find(f"{ATOM}id").text for e in _feed(besluiten.root).findall(f"{ATOM}entry")]
    assert sorted(ids) == [f"urn:uitvoeringsagenda:testprogramma-zuid:besluit:{n:04d}" for n in range(1, 9)]


def test_a_feed_without_entries_is_dated_by_the_peildatum(programma):
    agenda = programma.agenda()
    leeg = ET.fromstring(feeds.atom(agenda, [], "Leeg", "leeg", str, agenda.status, peildatum=PEILDATUM))
    assert leeg.find(f"{ATOM}updated").text == OP_PEILDATUM
    assert leeg.findall(f"{ATOM}entry") == []


def test_the_git_history_is_read_once_per_build(besluiten, monkeypatch):
    _repository(besluiten)
    aanroepen = []
    echt = subprocess.run

    def tel(opdracht, *args, **kwargs):
        aanroepen.append(opdracht)
        return echt(opdracht, *args, **kwargs)

    monkeypatch.setattr(wijzigingen.subprocess, "run", tel)
    _feed(besluiten.root)  # the all-decisions feed and one per region
    assert len(aanroepen) == 1
    assert "log" in aanroepen[0] and isinstance(aanroepen[0], list)


def test_reading_the_history_never_fails(tmp_path, monkeypatch):
    assert laatst_gewijzigd(tmp_path / "bestaat-niet") == {}
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    _git(leeg, "init", "-q")
    assert laatst_gewijzigd(leeg) == {}  # a repository without commits

    repo = tmp_path / "repo"
    (repo / "decisions").mkdir(parents=True)
    (repo / "decisions" / "0001-a.md").write_text("a\n", encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs" / "over.md").write_text("over\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "--no-verify", "-m", "a", moment=EERSTE_COMMIT)
    moment = dt.datetime(2025, 2, 3, 4, 5, 6, tzinfo=dt.UTC)
    assert laatst_gewijzigd(repo) == {"decisions/0001-a.md": moment}  # only the record folders

    # a calling git hook's GIT_DIR does not point the reading elsewhere
    monkeypatch.setenv("GIT_DIR", str(leeg / ".git"))
    assert laatst_gewijzigd(repo) == {"decisions/0001-a.md": moment}

    monkeypatch.setattr(wijzigingen.shutil, "which", lambda naam: None)
    assert laatst_gewijzigd(repo) == {}  # no git installed
    monkeypatch.undo()

    def traag(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], wijzigingen.TIJDSLIMIET)

    monkeypatch.setattr(wijzigingen.subprocess, "run", traag)
    assert laatst_gewijzigd(repo) == {}


def test_agenda_bouw_dates_entries_by_the_git_history(besluiten, tmp_path):
    _repository(besluiten)
    uit = tmp_path / "boom"
    assert bouw_boom(besluiten.root, uit, PEILDATUM) == []
    bijgewerkt = _bijgewerkt(ET.parse(uit / "besluiten.xml").getroot())
    assert bijgewerkt["0004"] == TWEEDE_COMMIT_UTC
    assert {code: bijgewerkt[code] for code in DAGEN} == DAGEN


def test_the_mkdocs_build_dates_entries_by_the_git_history(besluiten, tmp_path):
    # the fixture's mkdocs.yml fixes its own peildatum (2024): one after both commits, as a build of today has
    besluiten.vervang("mkdocs.yml", 'peildatum: "2024-04-01"', f'peildatum: "{PEILDATUM.isoformat()}"')
    _repository(besluiten)
    resultaat = mkdocs_build(besluiten.root / "mkdocs.yml", tmp_path / "site", peildatum=PEILDATUM.isoformat())
    assert resultaat.returncode == 0, resultaat.stderr
    alle = ET.parse(tmp_path / "site" / "besluiten.xml").getroot()
    bijgewerkt = _bijgewerkt(alle)
    assert bijgewerkt["0004"] == TWEEDE_COMMIT_UTC and bijgewerkt["0006"] == "2025-02-03T04:05:06Z"
    _geen_verzonnen_nieuwjaar(bijgewerkt)
    # a region's feed: the same dates for its decisions
    regio = _bijgewerkt(ET.parse(tmp_path / "site" / "regio-noordoever.xml").getroot())
    assert regio["0007"] == "2025-02-03T04:05:06Z" and regio["0001"] == DAGEN["0001"]


def test_a_feed_reader_sees_the_dates_and_the_text(besluiten):
    feedparser = pytest.importorskip("feedparser")
    _repository(besluiten)
    resultaat = laad(besluiten.root)
    paginas = stel_samen(resultaat.agenda, Opties(PEILDATUM, ADRES, root=besluiten.root))
    [pagina] = [p for p in paginas if p.uri == "besluiten.xml"]
    gelezen = feedparser.parse(pagina.als_bytes)
    assert not gelezen.bozo
    entries = {e.id.rsplit(":", 1)[1]: e for e in gelezen.entries}
    assert tuple(entries["0004"].updated_parsed)[:6] == (2025, 3, 4, 4, 6, 7)
    assert tuple(entries["0003"].updated_parsed)[:6] == (2024, 3, 5, 0, 0, 0)
    assert entries["0004"].content[0].value.endswith("Laatste stap: maart 2023")
