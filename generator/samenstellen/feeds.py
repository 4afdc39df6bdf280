"""Feeds with stable ids and dates taken from the records: Atom for decisions, iCal for milestones.

A feed never says a date more precisely than its source: an entry is dated by its latest step only when the
record gives that step's day, and otherwise by when the record last changed (its last commit), or the peildatum.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from icalendar import Calendar, Event

from regioagenda.nederlands import datum as nl_datum, label
from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import padnaam
from regioagenda.model.besluit import Besluit, RegioStap, Stap
from regioagenda.model.datum import Datum, Precisie
from regioagenda.model.planning import Planningsmijlpaal

ATOM = "http://www.w3.org/2005/Atom"


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
    changed (``gewijzigd``: path → commit time, from ``records.wijzigingen``); for a record git does not know,
    the build's peildatum.
    """
    dag = bekende_dag(besluit)
    if dag is not None:
        return _middernacht(dag)
    return gewijzigd.get(besluit.bestand) or _middernacht(peildatum)


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
) -> bytes:
    """An Atom feed of decisions, newest first; ``url_van(besluit)`` gives each entry's link.

    Each entry is dated by ``bijgewerkt`` (``gewijzigd``: when each record file last changed, by path); the feed
    by its latest entry, or the peildatum when it has none.
    """
    gewijzigd = gewijzigd or {}
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    moment = {b.nummer: bijgewerkt(b, gewijzigd, peildatum) for b in besluiten}
    volgorde = sorted(besluiten, key=lambda b: (moment[b.nummer], b.nummer), reverse=True)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _urn(agenda, feed_id)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = titel
    laatste = max(moment.values(), default=_middernacht(peildatum))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _moment(laatste)
    auteur = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(auteur, f"{{{ATOM}}}name").text = agenda.programma.titel
    for b in volgorde:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _urn(agenda, "besluit", b.code)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"Besluit {b.nummer}: {b.titel}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _moment(moment[b.nummer])
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url_van(b)})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": status_van(b).value, "label": label(status_van(b))})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = b.samenvatting
        ET.SubElement(entry, f"{{{ATOM}}}content", {"type": "text"}).text = _inhoud(b)
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def ical(agenda: Agenda, mijlpalen: list[Planningsmijlpaal], url_van) -> bytes:
    """One all-day event per dated milestone; a vague date ('2030') spans its whole period."""
    kalender = Calendar()
    kalender.add("prodid", f"-//{agenda.programma.titel}//planning//NL")
    kalender.add("version", "2.0")
    kalender.add("x-wr-calname", f"Planning {agenda.programma.korte_naam}")
    for p in mijlpalen:
        datum = p.mijlpaal.datum
        if not datum.bekend or datum.open_einde:
            continue  # a calendar event needs a start and an end
        event = Event()
        sleutel = f"{p.deelopdracht.id}|{p.fase or ''}|{p.mijlpaal.titel}|{datum.iso}"
        event.add("uid", f"{hashlib.sha256(sleutel.encode()).hexdigest()[:24]}@{_urn(agenda, 'mijlpaal')}")
        # DTSTAMP is required; the milestone's own date keeps the feed free of clock values.
        event.add("dtstamp", dt.datetime.combine(datum.begin, dt.time(), dt.UTC))
        event.add("dtstart", datum.begin)
        event.add("dtend", datum.eind + dt.timedelta(days=1))
        event.add("summary", f"{p.mijlpaal.titel} ({p.deelopdracht.titel})")
        omschrijving = [
            f"{agenda.programma.termen.Onderdeel}: {p.deelopdracht.titel}",
            f"Datum in de bron: {nl_datum(datum)}",
        ]
        if p.mijlpaal.toelichting:
            omschrijving.append(p.mijlpaal.toelichting)
        event.add("description", "\n".join(omschrijving))
        event.add("url", url_van(p.deelopdracht))
        kalender.add_component(event)
    return kalender.to_ical()
