"""Feeds with stable ids and dates taken from the records: Atom for decisions and for each body's meetings, iCal
for milestones and meetings.

A feed never says a date more precisely than its source: an entry is dated by its latest step only when the
record gives that step's day, and otherwise by when the record last changed (its last commit), or the peildatum.
A meeting is dated by when its record last changed, else by its own day; never by the build's clock. In the
calendar every object is stamped by when its record last changed, never after the peildatum, else the peildatum.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from regioagenda.nederlands import datum as nl_datum, label
from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import padnaam
from regioagenda.model.besluit import Besluit, RegioStap, Stap
from regioagenda.model.datum import Datum, Precisie
from regioagenda.model.deelopdracht import Mijlpaal
from regioagenda.model.planning import Planningsmijlpaal
from regioagenda.model.vergadering import Vergadering
from regioagenda.model.vocab import VergaderStatus

ATOM = "http://www.w3.org/2005/Atom"
TIJDZONE = ZoneInfo("Europe/Amsterdam")
"""Where the programme's bodies meet: a meeting's begin and end are local times there."""

ICAL_STATUS = {
    VergaderStatus.GEPLAND: "TENTATIVE",
    VergaderStatus.AGENDA_GEPUBLICEERD: "CONFIRMED",
    VergaderStatus.GEHOUDEN: "CONFIRMED",
    VergaderStatus.AFGELAST: "CANCELLED",
}
"""A meeting's status as RFC 5545 writes it (STATUS of a VEVENT)."""


def _urn(agenda: Agenda, *delen: str) -> str:
    programma = re.sub(r"[^a-z0-9]+", "-", agenda.programma.korte_naam.lower()).strip("-")
    return ":".join(["urn", padnaam(agenda.programma.termen.document), programma, *delen])


def _moment(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _middernacht(datum: dt.date) -> dt.datetime:
    return dt.datetime.combine(datum, dt.time(), dt.UTC)


def _routes(besluit: Besluit) -> list[tuple[Stap | RegioStap, ...]]:
    """The steps taken on the programme route and in each region, every route in the order its steps were taken."""
    return [r for r in (besluit.verloop, *besluit.regionaal.values()) if r]


def laatste_stap(besluit: Besluit) -> Datum | None:
    """The date of a decision's latest step, as the record writes it; None when no step was taken.

    The checks hold every route in date order, so each route's latest step is its last. Of those, the one that
    may have been taken latest: an unknown or open date first ('datum onbekend', 'vanaf 2018'), then the one that
    ends latest (a step in '2023' may be after one on 2023-06-15), and a day before a period ending that day.
    """
    laatste = [route[-1].datum for route in _routes(besluit)]
    return max(laatste, key=lambda d: (not d.bekend, d.eind, d.precisie is Precisie.DAG), default=None)


def bekende_dag(besluit: Besluit) -> dt.date | None:
    """The day of a decision's latest step when the record dates that step to the day; else None.

    A region's step on 2024-03-05 after a programme route ending in '2023-12' gives that day; when the step that
    may be the latest has only a month, a year or no date ('2024-03', 'onbekend'), there is none.
    """
    datum = laatste_stap(besluit)
    return datum.begin if datum is not None and datum.precisie is Precisie.DAG else None


def bijgewerkt(besluit: Besluit, gewijzigd: Mapping[str, dt.datetime], peildatum: dt.date) -> dt.datetime:
    """When a decision's entry was last updated, never more precisely than known.

    The day of its latest step when the record gives that day (``bekende_dag``); otherwise when the record last
    changed (``gewijzigd``: path → commit time, from ``records.wijzigingen``), never after the peildatum; for a
    record git does not know, the build's peildatum.
    """
    dag = bekende_dag(besluit)
    if dag is not None:
        return _middernacht(dag)
    return _stempel(gewijzigd.get(besluit.bestand), peildatum)


def _inhoud(besluit: Besluit) -> str:
    """The entry's text: the summary, then the date of the latest step as the record writes it."""
    datum = laatste_stap(besluit)
    stap = f"Laatste stap: {nl_datum(datum)}" if datum is not None else "Nog geen stap gezet"
    return f"{besluit.samenvatting}\n\n{stap}" if besluit.samenvatting else stap


def atom(
    agenda: Agenda,
    besluiten: list[Besluit],
    titel: str,
    feed_id: str,
    url_van,
    status_van,
    *,
    peildatum: dt.date,
    gewijzigd: Mapping[str, dt.datetime] | None = None,
    adressen: tuple[str, str] | None = None,
) -> bytes:
    """An Atom feed of decisions, newest first; ``url_van(besluit)`` gives each entry's link, ``adressen`` the
    feed's own and its page's (absolute).

    Each entry is dated by ``bijgewerkt`` (``gewijzigd``: when each record file last changed, by path); the feed
    by its latest entry, or the peildatum when it has none.
    """
    gewijzigd = gewijzigd or {}
    moment = {b.nummer: bijgewerkt(b, gewijzigd, peildatum) for b in besluiten}
    volgorde = sorted(besluiten, key=lambda b: (moment[b.nummer], b.nummer), reverse=True)
    feed = _feed(agenda, titel, feed_id, max(moment.values(), default=_middernacht(peildatum)), adressen)
    for b in volgorde:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _urn(agenda, "besluit", b.code)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"Besluit {b.nummer}: {b.titel}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _moment(moment[b.nummer])
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url_van(b)})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": status_van(b).value, "label": label(status_van(b))})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = b.samenvatting
        ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "text"}).text = _inhoud(b)
    return _xml(feed)


def _feed(
    agenda: Agenda, titel: str, feed_id: str, laatste: dt.datetime, adressen: tuple[str, str] | None = None
) -> ET.Element:
    """An Atom feed's head: its id, title, its own address and its page's (``adressen``: RFC 4287's 'self' and
    'alternate', when the site's address is known), when it was last updated and the programme as its author."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _urn(agenda, feed_id)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = titel
    if adressen is not None:
        zelf, pagina = adressen
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": zelf})
        ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": pagina})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _moment(laatste)
    auteur = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(auteur, f"{{{ATOM}}}name").text = agenda.programma.titel
    return feed


def _xml(feed: ET.Element) -> bytes:
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def vergadertitel(agenda: Agenda, vergadering: Vergadering) -> str:
    """A meeting's name: its own title, else its body's name."""
    return vergadering.titel or agenda.programma.gremium(vergadering.gremium).naam


def vergadering_gewijzigd(
    vergadering: Vergadering, gewijzigd: Mapping[str, dt.datetime], peildatum: dt.date | None = None
) -> dt.datetime:
    """When a meeting's record last changed (its last commit), else its own day at 00:00 UTC — but never after the
    peildatum: a meeting still to come was not changed on its own future day, and a commit after the peildatum is
    not what a build as of that day can know (as the calendar's stamps)."""
    dag = vergadering.datum.begin if peildatum is None else min(vergadering.datum.begin, peildatum)
    moment = gewijzigd.get(vergadering.bestand)
    if moment is None or (peildatum is not None and moment.astimezone(dt.UTC).date() > peildatum):
        return _middernacht(dag)
    return moment


def _puntenlijst(vergadering: Vergadering, uitkomsten: bool) -> str:
    """The public items in the agenda's order, numbered as the meeting page numbers them; with ``uitkomsten`` each
    item's outcome and its note."""
    regels = []
    for i, punt in enumerate(vergadering.punten, 1):
        regel = f"{i}. {punt.titel}" + (f" (besluit {punt.besluit})" if punt.besluit is not None else "")
        if uitkomsten and punt.uitkomst is not None:
            regel += f": {punt.uitkomst.woord}"
            if punt.toelichting:
                regel += f". {punt.toelichting}"
        regels.append(regel)
    # as the meeting's page says it: the record holds no items, which is not the same as an empty agenda
    return "\n".join(regels) or "Bij deze vergadering zijn geen agendapunten vastgelegd."


def vergaderfeed(
    agenda: Agenda,
    gremium_id: str,
    url_van: Callable[[Vergadering], str],
    *,
    gewijzigd: Mapping[str, dt.datetime] | None = None,
    besluitenlijst_van: Callable[[Vergadering], str] | None = None,
    peildatum: dt.date | None = None,
    adressen: tuple[str, str] | None = None,
) -> bytes:
    """An Atom feed of one body's meetings: an entry for each published agenda (the agenda published, or the
    meeting held) and for each besluitenlijst (held), newest first; ``url_van(vergadering)`` is the meeting's page,
    ``besluitenlijst_van(vergadering)`` its besluitenlijst's (else the meeting's page too).

    Ids follow the meeting's id, so they stay when it moves; an entry is dated by when the record last changed,
    else by the meeting's day (``vergadering_gewijzigd``); the feed by its latest entry, else its latest meeting.
    """
    gewijzigd = gewijzigd or {}
    gremium = agenda.programma.gremium(gremium_id)
    lijst = agenda.vergaderingen_op_datum(gremium_id)
    entries = []
    for v in lijst:
        moment = vergadering_gewijzigd(v, gewijzigd, peildatum)
        datum = nl_datum(v.datum)
        if v.status in (VergaderStatus.AGENDA_GEPUBLICEERD, VergaderStatus.GEHOUDEN):
            entries.append((moment, v, "agenda", f"Agenda: {vergadertitel(agenda, v)}, {datum}", False))
        if v.heeft_besluitenlijst:
            entries.append((moment, v, "besluitenlijst", f"Besluitenlijst: {vergadertitel(agenda, v)}, {datum}", True))
    entries.sort(key=lambda e: (e[0], e[1].datum.begin, e[1].id, e[2]), reverse=True)
    leeg = max(
        (vergadering_gewijzigd(v, gewijzigd, peildatum) for v in lijst), default=_middernacht(dt.date(1970, 1, 1))
    )
    laatste = max((e[0] for e in entries), default=leeg)
    feed = _feed(agenda, f"Vergaderingen {gremium.naam}", f"vergaderingen:{gremium_id}", laatste, adressen)
    for moment, v, soort, titel, uitkomsten in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _urn(agenda, "vergadering", v.id, soort)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = titel
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _moment(moment)
        naar = besluitenlijst_van(v) if uitkomsten and besluitenlijst_van else url_van(v)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": naar})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": soort, "label": soort})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _puntenlijst(v, uitkomsten)
    return _xml(feed)


def _stempel(moment: dt.datetime | None, peildatum: dt.date) -> dt.datetime:
    """A calendar object's DTSTAMP and LAST-MODIFIED (RFC 5545: when it last changed in the calendar store): when
    its record last changed (``moment``: its last commit), but never after the peildatum; else the peildatum at
    00:00 UTC. Never the build's clock, and never the date of the event itself."""
    if moment is None or moment.astimezone(dt.UTC).date() > peildatum:
        return _middernacht(peildatum)
    return moment


def in_kalender(mijlpaal: Mijlpaal) -> bool:
    """Whether a milestone is an event of its own in the calendar: only when the record gives its day. A month,
    quarter, half-year or year is no event on each of its days, and a day is never made up."""
    return mijlpaal.datum.precisie is Precisie.DAG


def vaag_gedateerd(mijlpalen: Iterable[Planningsmijlpaal]) -> bool:
    """Whether some milestone has a known date that is not a day (a month, a quarter, a half-year, a year): those
    are on the planning page, not in the calendar."""
    return any(
        p.mijlpaal.datum.bekend and not p.mijlpaal.datum.open_einde and not in_kalender(p.mijlpaal) for p in mijlpalen
    )


def mijlpaal_uid(agenda: Agenda, p: Planningsmijlpaal) -> str:
    """A milestone's UID: its charter's id and its own id, else its place in the record ('fasen/0/mijlpalen/1').
    Neither changes when the milestone is reworded or moved to another date, so a reader's calendar moves the event
    instead of deleting it and adding another."""
    return f"mijlpaal-{p.deelopdracht.id}-{p.mijlpaal.sleutel}@{_urn(agenda, 'mijlpaal')}"


def ical(
    agenda: Agenda,
    mijlpalen: list[Planningsmijlpaal],
    url_van,
    vergaderingen: Iterable[Vergadering] = (),
    vergadering_url: Callable[[Vergadering], str] | None = None,
    *,
    gewijzigd: Mapping[str, dt.datetime] | None = None,
    peildatum: dt.date,
) -> bytes:
    """One all-day event per milestone the record dates to a day (``in_kalender``), and one event per (public)
    meeting at its local time in Europe/Amsterdam, with the time zone's definition in the calendar.

    A milestone held as a meeting ('vergadering:') is that meeting's event, which names the milestone: one event,
    at the meeting's time. Every object is stamped by when its record last changed, never after the peildatum
    (``_stempel``); its UID follows ids, never titles or dates.
    """
    gewijzigd = gewijzigd or {}
    vergaderingen = list(vergaderingen)
    in_vergadering: dict[str, list[Planningsmijlpaal]] = {}
    bekend = {v.id for v in vergaderingen}
    kalender = Calendar()
    kalender.add("prodid", f"-//{agenda.programma.titel}//planning//NL")
    kalender.add("version", "2.0")
    # an X- property's type is unknown to a reader unless it says so (RFC 5545 §3.2.20): written as TEXT, escaped as
    # TEXT, so that vobject does not cut it at a comma nor ical.js keep the escapes
    tekst = {"VALUE": "TEXT"}
    kalender.add("x-wr-calname", vText(f"Planning {agenda.programma.korte_naam}"), parameters=tekst)
    inhoud = "Mijlpalen en vergaderingen" if vergaderingen else "Mijlpalen"
    beschrijving = f"{inhoud} van {agenda.programma.titel}."
    if vaag_gedateerd(mijlpalen):
        beschrijving += (
            " Alleen mijlpalen met een bekende dag staan in deze agenda; mijlpalen met alleen een maand, kwartaal,"
            " halfjaar of jaar staan op de planningspagina van de site."
        )
    kalender.add("x-wr-caldesc", vText(beschrijving), parameters=tekst)
    for p in mijlpalen:
        m = p.mijlpaal
        if not in_kalender(m):
            continue
        if m.vergadering in bekend:
            in_vergadering.setdefault(m.vergadering, []).append(p)
            continue
        event = Event()
        event.add("uid", mijlpaal_uid(agenda, p))
        moment = _stempel(gewijzigd.get(p.deelopdracht.bestand), peildatum)
        event.add("dtstamp", moment)
        event.add("last-modified", moment)
        event.add("dtstart", m.datum.begin)
        event.add("dtend", m.datum.begin + dt.timedelta(days=1))
        event.add("summary", f"{m.titel} ({p.deelopdracht.titel})")
        omschrijving = [f"{agenda.programma.termen.Onderdeel}: {p.deelopdracht.titel}"]
        if p.fase:
            omschrijving.append(f"Fase: {p.fase}")
        if m.toelichting:
            omschrijving.append(m.toelichting)
        event.add("description", "\n".join(omschrijving))
        event.add("url", url_van(p.deelopdracht))
        kalender.add_component(event)
    for v in vergaderingen:
        event = _vergaderevent(agenda, v, vergadering_url, gewijzigd, peildatum, in_vergadering.get(v.id, ()))
        kalender.add_component(event)
    dagen = [v.datum.begin for v in vergaderingen if v.begin is not None]
    if dagen:
        # bounds from the meetings themselves, never today: the same records give the same VTIMEZONE; whole years,
        # so that it holds both the summer and the winter offset
        kalender.add_missing_timezones(
            first_date=dt.date(min(dagen).year, 1, 1), last_date=dt.date(max(dagen).year + 1, 1, 1)
        )
        for zone in kalender.walk("VTIMEZONE"):
            zone.pop("COMMENT", None)  # icalendar's English note on the bounds, which a reader's calendar may show
    return kalender.to_ical()


def _vergaderevent(
    agenda: Agenda,
    v: Vergadering,
    url_van: Callable[[Vergadering], str] | None,
    gewijzigd: Mapping[str, dt.datetime],
    peildatum: dt.date,
    mijlpalen: Iterable[Planningsmijlpaal] = (),
) -> Event:
    """A meeting as a calendar event, naming the ``mijlpalen`` held as this meeting. Its UID follows the meeting's
    id only, so a calendar moves the event when the meeting moves (SEQUENCE: how often it moved) or is renamed;
    all-day only when the record gives no time. Stamped by the latest change of its record or of the charters
    whose milestones it holds, never after the peildatum, else the peildatum (``_stempel``) — never its own day."""
    mijlpalen = list(mijlpalen)
    event = Event()
    event.add("uid", f"vergadering-{v.id}@{_urn(agenda, 'vergadering')}")
    bestanden = [v.bestand, *(p.deelopdracht.bestand for p in mijlpalen)]
    moment = _stempel(max((gewijzigd[b] for b in bestanden if b in gewijzigd), default=None), peildatum)
    event.add("dtstamp", moment)
    event.add("last-modified", moment)
    event.add("sequence", v.volgnummer)
    dag = v.datum.begin
    if v.begin is None:
        event.add("dtstart", dag)
        event.add("dtend", dag + dt.timedelta(days=1))
    else:
        event.add("dtstart", dt.datetime.combine(dag, v.begin, TIJDZONE))
        if v.eind is not None:
            event.add("dtend", dt.datetime.combine(dag, v.eind, TIJDZONE))
    event.add("summary", vergadertitel(agenda, v))
    event.add("status", ICAL_STATUS[v.status])
    if v.plaats:
        event.add("location", v.plaats)
    omschrijving = [agenda.programma.gremium(v.gremium).naam]
    onderdeel = agenda.programma.termen.Onderdeel
    omschrijving += [f"{onderdeel}: {p.deelopdracht.titel} (mijlpaal: {p.mijlpaal.titel})" for p in mijlpalen]
    if v.punten:
        omschrijving.append(_puntenlijst(v, uitkomsten=v.gehouden))
    event.add("description", "\n\n".join(omschrijving))
    if url_van is not None:
        event.add("url", url_van(v))
    return event
