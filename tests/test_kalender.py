"""The published planning calendar (planning.ics) of both programmes, read as calendar clients read it: by two
independent parsers, vobject (Python) and Mozilla's ical.js (Thunderbird's), which must agree.

Every object is stamped by when its record last changed, never after the peildatum and never by its own date; a
milestone's UID follows its charter's id and its own id or place, never its title or date; only a milestone dated to
the day is an event (a quarter is no 92-day event); a meeting is at its time in Europe/Amsterdam, with the time zone
in the calendar; and a Groningen table session, a milestone held as a meeting, is one event: the meeting's.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import vobject

from conftest import ROOT, Programma
from regioagenda.records.laden import laad
from regioagenda.samenstellen import Opties, stel_samen

GRONINGEN = Path(__file__).parent / "programmas" / "groningen-ontwikkeltafels"
ICALJS = Path(__file__).parent / "checkers" / "node_modules" / "ical.js" / "dist" / "ical.es5.cjs"
ADRES = "https://voorbeeld.example/programma/"
PEILDATUM = dt.date(2026, 11, 30)
SESSIES = 18
"""Six tables of three sessions each (the source's bijlage 3), each a meeting record and a milestone."""

NODE_LEZER = r"""
const ICAL = require(process.argv[1]);
const fs = require("fs");
const kalender = new ICAL.Component(ICAL.parse(fs.readFileSync(0, "utf8")));
const tijdzones = kalender.getAllSubcomponents("vtimezone");
for (const tz of tijdzones) ICAL.TimezoneService.register(tz);
const utc = (t) => (t ? t.toJSDate().toISOString() : null);
const events = kalender.getAllSubcomponents("vevent").map((v) => {
  const e = new ICAL.Event(v);
  const begin = v.getFirstProperty("dtstart");
  return {
    uid: e.uid,
    samenvatting: e.summary,
    omschrijving: e.description,
    dtstamp: utc(v.getFirstPropertyValue("dtstamp")),
    gewijzigd: utc(v.getFirstPropertyValue("last-modified")),
    heel_dag: e.startDate.isDate,
    begin: e.startDate.isDate ? e.startDate.toString() : utc(e.startDate),
    eind: e.endDate.isDate ? e.endDate.toString() : utc(e.endDate),
    tzid: begin.getParameter("tzid") || null,
  };
});
process.stdout.write(JSON.stringify({
  beschrijving: kalender.getFirstPropertyValue("x-wr-caldesc"),
  tijdzones: tijdzones.map((t) => t.getFirstPropertyValue("tzid")),
  events,
}));
"""


@dataclass(frozen=True)
class Afspraak:
    """One VEVENT as a parser read it: UTC instants for timed values, days for all-day ones."""

    uid: str
    samenvatting: str
    omschrijving: str
    dtstamp: dt.datetime
    gewijzigd: dt.datetime
    heel_dag: bool
    begin: dt.date | dt.datetime
    eind: dt.date | dt.datetime
    tzid: str | None


@dataclass(frozen=True)
class Gelezen:
    beschrijving: str
    tijdzones: tuple[str, ...]
    afspraken: tuple[Afspraak, ...]


def _utc(waarde: dt.datetime) -> dt.datetime:
    return waarde.astimezone(dt.UTC)


def met_vobject(ics: bytes) -> Gelezen:
    kalender = vobject.readOne(ics.decode("utf-8"))
    afspraken = []
    for e in kalender.contents.get("vevent", []):
        begin = e.dtstart.value
        heel_dag = not isinstance(begin, dt.datetime)
        eind = e.dtend.value if hasattr(e, "dtend") else begin
        tzid = e.dtstart.params.get("X-VOBJ-ORIGINAL-TZID", e.dtstart.params.get("TZID", [None]))[0]
        afspraken.append(
            Afspraak(
                e.uid.value,
                e.summary.value,
                e.description.value if hasattr(e, "description") else "",
                _utc(e.dtstamp.value),
                _utc(e.last_modified.value),
                heel_dag,
                begin if heel_dag else _utc(begin),
                eind if heel_dag else _utc(eind),
                tzid,
            )
        )
    tijdzones = tuple(t.tzid.value for t in kalender.contents.get("vtimezone", []))
    return Gelezen(kalender.x_wr_caldesc.value, tijdzones, tuple(afspraken))


def met_icaljs(ics: bytes) -> Gelezen:
    if shutil.which("node") is None or not ICALJS.is_file():
        pytest.fail(f"Mozilla's ical.js ontbreekt ({ICALJS}): installeer de controleurs met 'make controleurs'")
    uit = subprocess.run(
        ["node", "-e", NODE_LEZER, str(ICALJS)], input=ics, capture_output=True, check=False, timeout=60
    )
    assert uit.returncode == 0, uit.stderr.decode()
    data = json.loads(uit.stdout)

    def moment(tekst: str) -> dt.datetime:
        return dt.datetime.fromisoformat(tekst.replace("Z", "+00:00"))

    def waarde(tekst: str, heel_dag: bool) -> dt.date | dt.datetime:
        return dt.date.fromisoformat(tekst) if heel_dag else moment(tekst)

    afspraken = tuple(
        Afspraak(
            e["uid"],
            e["samenvatting"],
            e["omschrijving"] or "",
            moment(e["dtstamp"]),
            moment(e["gewijzigd"]),
            e["heel_dag"],
            waarde(e["begin"], e["heel_dag"]),
            waarde(e["eind"], e["heel_dag"]),
            e["tzid"],
        )
        for e in data["events"]
    )
    return Gelezen(data["beschrijving"], tuple(data["tijdzones"]), afspraken)


LEZERS = pytest.mark.parametrize("lees", [met_vobject, met_icaljs], ids=["vobject", "ical.js"])


def _kalender(root: Path, peildatum: dt.date = PEILDATUM, git: bool = True) -> bytes:
    """planning.ics as the site publishes it; ``git``: dated by the records' commits (their git history)."""
    resultaat = laad(root)
    assert not resultaat.problemen, [str(p) for p in resultaat.problemen]
    opties = Opties(peildatum, basis_url=ADRES, root=root if git else None)
    [kalender] = [p.als_bytes for p in stel_samen(resultaat.agenda, opties) if p.uri == "planning.ics"]
    return kalender


@pytest.fixture(scope="module")
def kalenders() -> dict[str, bytes]:
    """Both programmes' calendars, built in place (with their git history) at the peildatum."""
    return {"3Noord": _kalender(ROOT), "Groningen": _kalender(GRONINGEN)}


def _mijlpalen(gelezen: Gelezen) -> list[Afspraak]:
    return [a for a in gelezen.afspraken if a.uid.startswith("mijlpaal-")]


@LEZERS
@pytest.mark.parametrize("naam", ["3Noord", "Groningen"])
def test_both_parsers_read_every_stamp_no_later_than_the_peildatum(kalenders, naam, lees):
    gelezen = lees(kalenders[naam])
    assert gelezen.afspraken
    for a in gelezen.afspraken:
        assert a.dtstamp.date() <= PEILDATUM, (a.uid, a.dtstamp)
        assert a.gewijzigd == a.dtstamp, a.uid


@LEZERS
@pytest.mark.parametrize("naam", ["3Noord", "Groningen"])
def test_uids_are_unique_and_follow_ids(kalenders, naam, lees):
    gelezen = lees(kalenders[naam])
    tellingen = Counter(a.uid for a in gelezen.afspraken)
    assert [uid for uid, n in tellingen.items() if n > 1] == []
    for a in gelezen.afspraken:
        assert a.uid.startswith(("mijlpaal-", "vergadering-")), a.uid
        assert "@urn:" in a.uid


@LEZERS
@pytest.mark.parametrize("naam", ["3Noord", "Groningen"])
def test_no_all_day_event_spans_more_than_one_day(kalenders, naam, lees):
    for a in lees(kalenders[naam]).afspraken:
        if a.heel_dag:
            assert a.eind - a.begin == dt.timedelta(days=1), (a.uid, a.begin, a.eind)


@LEZERS
def test_3noord_vague_milestones_stay_on_the_planning_page(kalenders, lees):
    gelezen = lees(kalenders["3Noord"])
    # of 3Noord's dated milestones (2030, 2030, 2023-Q3, 2023, 2026-12-31) only the one with a day is an event
    [mijlpaal] = _mijlpalen(gelezen)
    assert mijlpaal.begin == dt.date(2026, 12, 31) and mijlpaal.heel_dag
    assert mijlpaal.dtstamp.date() <= PEILDATUM < mijlpaal.begin  # never the milestone's own, future day
    assert "alleen een maand, kwartaal, halfjaar of jaar staan op de planningspagina" in gelezen.beschrijving


@LEZERS
@pytest.mark.parametrize("naam", ["3Noord", "Groningen"])
def test_timed_events_are_in_amsterdam_with_its_time_zone_in_the_calendar(kalenders, naam, lees):
    gelezen = lees(kalenders[naam])
    getimed = [a for a in gelezen.afspraken if not a.heel_dag]
    if getimed:
        assert gelezen.tijdzones == ("Europe/Amsterdam",)
    for a in getimed:
        assert a.tzid == "Europe/Amsterdam", a.uid


def test_both_parsers_agree(kalenders):
    for naam, ics in kalenders.items():
        assert met_vobject(ics) == met_icaljs(ics), naam


@LEZERS
def test_each_groningen_session_is_one_event_at_its_meetings_time(kalenders, lees):
    gelezen = lees(kalenders["Groningen"])
    # the sessions are meetings: no milestone of its own, all-day or otherwise
    assert _mijlpalen(gelezen) == []
    sessies = [a for a in gelezen.afspraken if "(mijlpaal: Sessie" in a.omschrijving]
    assert len(sessies) == SESSIES and len({a.uid for a in sessies}) == SESSIES
    for a in sessies:
        assert a.uid.startswith("vergadering-") and not a.heel_dag and a.tzid == "Europe/Amsterdam"
    per_dag = Counter((a.begin.date(), a.samenvatting) for a in gelezen.afspraken if not a.heel_dag)
    assert max(per_dag.values()) == 1
    # Preventie's first session: 09:00–11:00 in Amsterdam (CET) is 08:00–10:00 UTC, from the meeting record
    [preventie] = [a for a in sessies if a.uid.startswith("vergadering-2022-03-08-ontwikkeltafels@")]
    assert preventie.begin == dt.datetime(2022, 3, 8, 8, 0, tzinfo=dt.UTC)
    assert preventie.eind == dt.datetime(2022, 3, 8, 10, 0, tzinfo=dt.UTC)
    assert "Ontwikkeltafel: Preventie (mijlpaal: Sessie 1)" in preventie.omschrijving


def _crisisopvang(programma: Programma) -> Afspraak:
    [mijlpaal] = _mijlpalen(met_icaljs(_kalender(programma.root, dt.date(2024, 4, 1), git=False)))
    return mijlpaal


def test_a_milestone_keeps_its_uid_and_stamp_when_reworded_and_moved(programma):
    voor = _crisisopvang(programma)
    assert voor.uid == "mijlpaal-crisisopvang-fasen/0/mijlpalen/0@urn:uitvoeringsagenda:testprogramma-zuid:mijlpaal"
    # without history: stamped by the peildatum, not by the milestone's day (2024-06-30)
    assert voor.dtstamp == dt.datetime(2024, 4, 1, tzinfo=dt.UTC)
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        '{titel: "Contract getekend", datum: 2024-06-30}',
        '{titel: "Contract met de aanbieder getekend", datum: 2024-09-15}',
    )
    na = _crisisopvang(programma)
    assert na.samenvatting == "Contract met de aanbieder getekend (Crisisopvang)" and na.begin == dt.date(2024, 9, 15)
    assert (na.uid, na.dtstamp) == (voor.uid, voor.dtstamp)


def test_a_milestone_with_an_id_keeps_its_uid_wherever_the_record_puts_it(programma):
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        '{titel: "Contract getekend", datum: 2024-06-30}',
        '{id: contract, titel: "Contract getekend", datum: 2024-06-30}',
    )
    voor = _crisisopvang(programma)
    assert voor.uid.startswith("mijlpaal-crisisopvang-contract@")
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        '    mijlpalen:\n      - {id: contract, titel: "Contract getekend", datum: 2024-06-30}\n',
        '    mijlpalen:\n      - {titel: "Bedden geteld", datum: 2024-05-01}\n'
        '      - {id: contract, titel: "Contract getekend", datum: 2024-07-31}\n',
    )
    kalender = met_icaljs(_kalender(programma.root, dt.date(2024, 4, 1), git=False))
    uids = {a.samenvatting: a.uid for a in _mijlpalen(kalender)}
    assert uids["Contract getekend (Crisisopvang)"] == voor.uid
    assert uids["Bedden geteld (Crisisopvang)"].startswith("mijlpaal-crisisopvang-fasen/0/mijlpalen/0@")


def test_a_milestone_id_names_one_milestone_of_its_charter(programma):
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        '    mijlpalen:\n      - {titel: "Contract getekend", datum: 2024-06-30}\n',
        '    mijlpalen:\n      - {id: contract, titel: "Contract getekend", datum: 2024-06-30}\n'
        '      - {id: contract, titel: "Contract verlengd", datum: 2024-12-31}\n',
    )
    regel = (
        programma.pad("agenda/deelopdrachten/crisisopvang.md")
        .read_text("utf-8")
        .splitlines()
        .index('      - {id: contract, titel: "Contract verlengd", datum: 2024-12-31}')
    )
    assert programma.problemen() == [
        f"agenda/deelopdrachten/crisisopvang.md:{regel + 1}: de mijlpaal-id 'contract' komt vaker voor in "
        "crisisopvang — een id die binnen deze opdracht één mijlpaal noemt (ook over fasen en sub-opdrachten heen)"
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for the commit history")
def test_a_milestone_is_stamped_by_its_charters_last_commit_but_never_after_the_peildatum(programma):
    from test_feeddatum import _git

    _git(programma.root, "init", "-q")
    _git(programma.root, "add", "-A")
    _git(programma.root, "commit", "-q", "-m", "begin", moment="2024-03-15T09:30:00+00:00")
    [mijlpaal] = _mijlpalen(met_vobject(_kalender(programma.root, dt.date(2024, 4, 1))))
    assert mijlpaal.dtstamp == mijlpaal.gewijzigd == dt.datetime(2024, 3, 15, 9, 30, tzinfo=dt.UTC)
    programma.vervang("agenda/deelopdrachten/crisisopvang.md", "Contract getekend", "Contract ondertekend")
    _git(programma.root, "commit", "-q", "-am", "later", moment="2024-05-02T10:00:00+00:00")
    [mijlpaal] = _mijlpalen(met_vobject(_kalender(programma.root, dt.date(2024, 4, 1))))
    assert mijlpaal.dtstamp == dt.datetime(2024, 4, 1, tzinfo=dt.UTC)


@pytest.fixture
def groningen(tmp_path: Path) -> Programma:
    kopie = Programma(tmp_path / "groningen")
    shutil.copytree(GRONINGEN, kopie.root)
    return kopie


PREVENTIE = "agenda/deelopdrachten/preventie.md"


def _regel(programma: Programma, relatief: str, tekst: str) -> int:
    return programma.pad(relatief).read_text("utf-8").splitlines().index(tekst) + 1


def test_a_milestone_names_a_meeting_that_exists(groningen):
    groningen.vervang(
        PREVENTIE, "vergadering: 2022-03-08-ontwikkeltafels\n", "vergadering: 2022-03-08-ontwikeltafels\n"
    )
    regel = _regel(groningen, PREVENTIE, "        vergadering: 2022-03-08-ontwikeltafels")
    [probleem] = groningen.problemen()
    assert probleem.startswith(f"{PREVENTIE}:{regel}: ")
    assert "'2022-03-08-ontwikeltafels'" in probleem and "2022-03-08-ontwikkeltafels" in probleem


def test_a_milestone_held_as_a_meeting_is_on_the_meetings_day(groningen):
    groningen.vervang(
        PREVENTIE, "datum: 2022-03-08\n        status: gereed\n", "datum: 2022-03-09\n        status: gereed\n"
    )
    regel = _regel(groningen, PREVENTIE, "        datum: 2022-03-09")
    assert groningen.problemen() == [
        f"{PREVENTIE}:{regel}: de mijlpaal staat op 9 maart 2022, maar vergadering 2022-03-08-ontwikkeltafels is op "
        "8 maart 2022 — dezelfde dag als de vergadering (2022-03-08), of een andere vergadering"
    ]


def _planningspagina(root: Path) -> str:
    agenda = laad(root).agenda
    [bron] = [
        p.als_bytes for p in stel_samen(agenda, Opties(PEILDATUM, basis_url=ADRES)) if p.uri == "planning/index.md"
    ]
    return bron.decode("utf-8")


def test_the_planning_page_says_which_milestones_are_not_in_the_calendar():
    zin = (
        "Mijlpalen met alleen een maand, kwartaal, halfjaar of jaar staan niet in de iCal-feed, alleen op deze pagina."
    )
    assert zin in _planningspagina(ROOT)  # 2030, 2023-Q3, 2023
    groningen = _planningspagina(GRONINGEN)  # every dated milestone has its day
    assert zin not in groningen and "Zet de mijlpalen en vergaderingen in uw eigen agenda" in groningen
