"""Meetings in the feeds and open data: a calendar event per public meeting at its real time, an Atom feed per
body of its published agendas and besluitenlijsten, and data/vergaderingen.json in the shape of the ORI model.

Nothing depends on the build's clock, ids follow the meeting's id, and confidential items never appear.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from importlib import resources

import pytest
from icalendar import Calendar
from jsonschema import Draft202012Validator
from vergaderhulp import MAP, VERGADERING

from regioagenda.samenstellen import Opties, stel_samen

ADRES = "https://voorbeeld.example/programma/"
ATOM = "{http://www.w3.org/2005/Atom}"
PEILDATUM = dt.date(2024, 7, 1)
UID = "vergadering-2024-06-12-bestuur@"
GEHEIM = ("Personele zaak", "Geheime notitie", "notitie-personeel")

GEPLAND = """---
gremium: bestuur
datum: 2024-09-04
status: gepland
agenda:
  - titel: "Opening"
---
"""


def _bouw(programma) -> dict[str, bytes]:
    opties = Opties(PEILDATUM, basis_url=ADRES, root=programma.root)
    return {p.uri: p.als_bytes for p in stel_samen(programma.agenda(), opties)}


def _event(bestanden: dict[str, bytes], uid_begin: str = UID):
    kalender = Calendar.from_ical(bestanden["planning.ics"])
    events = [e for e in kalender.walk("VEVENT") if str(e["UID"]).startswith(uid_begin)]
    assert len(events) == 1, [str(e["UID"]) for e in kalender.walk("VEVENT")]
    return kalender, events[0]


def _schema() -> dict:
    bestand = resources.files("regioagenda.records").joinpath("schemas", "data-vergaderingen.schema.json")
    return json.loads(bestand.read_text("utf-8"))


def test_a_meeting_is_an_event_at_its_local_time_with_the_time_zone_in_the_calendar(vergaderd):
    bestanden = _bouw(vergaderd)
    kalender, event = _event(bestanden)
    ruw = bestanden["planning.ics"].decode()
    assert "DTSTART;TZID=Europe/Amsterdam:20240612T100000" in ruw
    assert "DTEND;TZID=Europe/Amsterdam:20240612T120000" in ruw
    assert [str(tz["TZID"]) for tz in kalender.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    begin = event.decoded("DTSTART")
    assert begin.astimezone(dt.UTC) == dt.datetime(2024, 6, 12, 8, 0, tzinfo=dt.UTC)  # CEST: UTC+2
    assert str(event["UID"]).startswith(UID) and str(event["UID"]).endswith(":vergadering")
    assert str(event["STATUS"]) == "CONFIRMED" and event.decoded("SEQUENCE") == 0
    assert str(event["LOCATION"]) == "Gemeentehuis Noordoever, raadzaal"
    assert str(event["URL"]) == ADRES + "vergaderingen/bestuur/2024-06-12-bestuur/"
    # no commit history here: stamped by the peildatum, never by the meeting's own day or the build's clock
    middernacht = dt.datetime.combine(PEILDATUM, dt.time(), dt.UTC)
    assert event.decoded("DTSTAMP") == middernacht and event.decoded("LAST-MODIFIED") == middernacht
    assert not any(g in ruw for g in GEHEIM)
    # the milestones are still there, all day as before
    assert any("@urn:" in str(e["UID"]) and ":mijlpaal" in str(e["UID"]) for e in kalender.walk("VEVENT"))


def test_two_builds_are_byte_identical(vergaderd):
    eerste, tweede = _bouw(vergaderd), _bouw(vergaderd)
    for uri in ("planning.ics", "vergaderingen-bestuur.xml", "data/vergaderingen.json"):
        assert eerste[uri] == tweede[uri], uri
    vandaag = dt.datetime.now(dt.UTC).strftime("%Y%m%d")
    assert vandaag not in eerste["planning.ics"].decode()


def test_the_uid_stays_when_the_meeting_is_renamed_and_moved_and_its_sequence_grows(vergaderd):
    _, voor = _event(_bouw(vergaderd))
    vergaderd.schrijf(VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"), GEPLAND)
    vergaderd.vervang(
        VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"),
        "datum: 2024-09-04\n",
        'datum: 2024-09-11\ntitel: "Extra bestuursoverleg"\neerder:\n  - {datum: 2024-09-04}\n'
        '  - {datum: 2024-09-05, begin: "14:00"}\n',
    )
    bestanden = _bouw(vergaderd)
    _, na = _event(bestanden)
    assert str(na["UID"]) == str(voor["UID"])
    uid = "vergadering-2024-09-04-bestuur@"
    _, verplaatst = _event(bestanden, uid)
    assert str(verplaatst["SUMMARY"]) == "Extra bestuursoverleg"
    assert verplaatst.decoded("SEQUENCE") == 2 and str(verplaatst["STATUS"]) == "TENTATIVE"
    # no time in the record: all day, on the new date
    assert verplaatst.decoded("DTSTART") == dt.date(2024, 9, 11)
    assert verplaatst.decoded("DTEND") == dt.date(2024, 9, 12)
    # renamed and moved again: the same UID, one more in SEQUENCE
    vergaderd.vervang(
        VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"),
        'datum: 2024-09-11\ntitel: "Extra bestuursoverleg"\n',
        'datum: 2024-09-18\ntitel: "Bestuursoverleg najaar"\nbegin: "09:00"\n',
    )
    vergaderd.vervang(
        VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"),
        '  - {datum: 2024-09-05, begin: "14:00"}\n',
        '  - {datum: 2024-09-05, begin: "14:00"}\n  - {datum: 2024-09-11}\n',
    )
    _, weer = _event(_bouw(vergaderd), uid)
    assert str(weer["UID"]) == str(verplaatst["UID"]) and str(weer["SUMMARY"]) == "Bestuursoverleg najaar"
    assert weer.decoded("SEQUENCE") == 3
    assert weer.decoded("DTSTART") == dt.datetime(2024, 9, 18, 9, 0, tzinfo=weer.decoded("DTSTART").tzinfo)
    assert weer["DTSTART"].params["TZID"] == "Europe/Amsterdam" and "DTEND" not in weer


def test_a_cancelled_meeting_is_cancelled_in_the_calendar(vergaderd):
    pad = VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur")
    vergaderd.schrijf(pad, GEPLAND.replace("status: gepland", "status: afgelast"))
    _, event = _event(_bouw(vergaderd), "vergadering-2024-09-04-bestuur@")
    assert str(event["STATUS"]) == "CANCELLED"


def test_each_body_has_an_atom_feed_of_its_agendas_and_besluitenlijsten(vergaderd):
    vergaderd.schrijf(VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"), GEPLAND)
    bestanden = _bouw(vergaderd)
    feed = ET.fromstring(bestanden["vergaderingen-bestuur.xml"])
    assert feed.findtext(f"{ATOM}id").endswith(":vergaderingen:bestuur")
    entries = {e.findtext(f"{ATOM}id").rsplit(":", 1)[-1]: e for e in feed.findall(f"{ATOM}entry")}
    # the planned meeting has no published agenda yet: no entry
    assert sorted(entries) == ["agenda", "besluitenlijst"]
    for soort, entry in entries.items():
        assert entry.findtext(f"{ATOM}id").endswith(f":vergadering:2024-06-12-bestuur:{soort}")
        assert entry.findtext(f"{ATOM}updated") == "2024-06-12T00:00:00Z"
        link = entry.find(f"{ATOM}link")
        pagina = "besluitenlijst/" if soort == "besluitenlijst" else ""  # each document's own page
        assert link.get("href") == ADRES + "vergaderingen/bestuur/2024-06-12-bestuur/" + pagina
    agenda = entries["agenda"].findtext(f"{ATOM}summary")
    besluiten = entries["besluitenlijst"].findtext(f"{ATOM}summary")
    assert "1. Opening en mededelingen" in agenda and "2. Nazorg verkennen (besluit 2)" in agenda
    assert "afgewezen" not in agenda
    assert "2. Nazorg verkennen (besluit 2): afgewezen. Eerst de evaluatie" in besluiten
    assert feed.findtext(f"{ATOM}updated") == "2024-06-12T00:00:00Z"
    assert not any(g in bestanden["vergaderingen-bestuur.xml"].decode() for g in GEHEIM)


def test_the_open_data_of_meetings_follows_the_ori_model_and_its_schema(vergaderd):
    bestanden = _bouw(vergaderd)
    ruw = bestanden["data/vergaderingen.json"].decode()
    data = json.loads(ruw)
    Draft202012Validator.check_schema(_schema())
    validator = Draft202012Validator(_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(data)) == []
    [v] = data["vergaderingen"]
    assert (v["id"], v["type"], v["status"], v["x_status"]) == (
        "2024-06-12-bestuur",
        "Meeting",
        "EventCompleted",
        "gehouden",
    )
    assert (v["start_date"], v["end_date"]) == ("2024-06-12T10:00:00+02:00", "2024-06-12T12:00:00+02:00")
    assert v["committee"] == "bestuur" and v["location"] == "Gemeentehuis Noordoever, raadzaal"
    assert [(p["position"], p["name"]) for p in v["agenda"]] == [
        (1, "Opening en mededelingen"),
        (2, "Nazorg verkennen"),
    ]
    nazorg = v["agenda"][1]
    assert (nazorg["x_besluit"], nazorg["x_uitkomst"]) == (2, "afgewezen")
    assert nazorg["x_voorstel"].startswith("Het bestuur stemt in")
    assert [s["file_name"] for s in nazorg["attachment"]] == ["advies-nazorg.pdf"]
    assert nazorg["attachment"][0]["content_type"] == "application/pdf"
    assert nazorg["attachment"][0]["url"] == ADRES + "vergaderingen/bestuur/2024-06-12-bestuur/advies-nazorg.pdf"
    assert v["x_besluitenlijst_url"] == ADRES + "vergaderingen/bestuur/2024-06-12-bestuur/besluitenlijst/"
    assert not any(g in ruw for g in GEHEIM)
    # a meeting without a time: only its day, still valid
    vergaderd.schrijf(VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"), GEPLAND)
    data = json.loads(_bouw(vergaderd)["data/vergaderingen.json"])
    assert list(validator.iter_errors(data)) == []
    assert [(v["start_date"], v["end_date"]) for v in data["vergaderingen"]][1] == ("2024-09-04", None)


def test_the_open_data_page_lists_the_file_only_when_there_are_meetings(vergaderd):
    bestanden = _bouw(vergaderd)
    assert "vergaderingen.json" in bestanden["open-data/index.md"].decode()
    vergaderd.pad(VERGADERING).unlink()
    shutil.rmtree(vergaderd.pad(MAP))
    zonder = _bouw(vergaderd)
    assert "data/vergaderingen.json" not in zonder
    assert not any(uri.startswith("vergaderingen-") for uri in zonder)
    assert "vergaderingen.json" not in zonder["open-data/index.md"].decode()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for the commit history")
def test_a_meeting_is_dated_by_the_last_commit_of_its_record(vergaderd):
    from test_feeddatum import _git

    _git(vergaderd.root, "init", "-q")
    _git(vergaderd.root, "add", "-A")
    _git(vergaderd.root, "commit", "-q", "-m", "vergadering", moment="2024-06-13T09:30:00+00:00")
    bestanden = _bouw(vergaderd)
    _, event = _event(bestanden)
    commit = dt.datetime(2024, 6, 13, 9, 30, tzinfo=dt.UTC)
    assert event.decoded("DTSTAMP") == commit and event.decoded("LAST-MODIFIED") == commit
    feed = ET.fromstring(bestanden["vergaderingen-bestuur.xml"])
    assert {e.findtext(f"{ATOM}updated") for e in feed.findall(f"{ATOM}entry")} == {"2024-06-13T09:30:00Z"}


def test_a_meeting_still_to_come_is_never_dated_after_the_peildatum(vergaderd):
    vergaderd.schrijf(VERGADERING.replace("2024-06-12-bestuur", "2024-09-04-bestuur"), GEPLAND)
    kalender = Calendar.from_ical(_bouw(vergaderd)["planning.ics"])
    [komend] = [e for e in kalender.walk("VEVENT") if "2024-09-04-bestuur" in str(e["UID"])]
    # without a commit the record's last change is not known: no later than the peildatum, not its own future day
    assert komend.decoded("DTSTAMP").date() <= PEILDATUM < dt.date(2024, 9, 4)
