"""Feeds with stable ids and dates taken from the records: Atom for decisions, iCal for milestones."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET

from icalendar import Calendar, Event

from regioagenda.nederlands import datum as nl_datum, label
from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import padnaam
from regioagenda.model.besluit import Besluit
from regioagenda.model.planning import Planningsmijlpaal

ATOM = "http://www.w3.org/2005/Atom"


def _urn(agenda: Agenda, *delen: str) -> str:
    programma = re.sub(r"[^a-z0-9]+", "-", agenda.programma.korte_naam.lower()).strip("-")
    return ":".join(["urn", padnaam(agenda.programma.termen.document), programma, *delen])


def _moment(datum: dt.date) -> str:
    return f"{datum.isoformat()}T00:00:00Z"


def bijgewerkt(agenda: Agenda, besluit: Besluit) -> dt.date:
    """The date of a decision's latest known step; the programme start when no step is dated."""
    bekend = [s.datum.begin for s in besluit.verloop if s.datum.bekend]
    bekend += [s.datum.begin for r in besluit.regionaal.values() for s in r if s.datum.bekend]
    return max(bekend, default=_begin(agenda))


def atom(agenda: Agenda, besluiten: list[Besluit], titel: str, feed_id: str, url_van, status_van) -> bytes:
    """An Atom feed of decisions, newest first; ``url_van(besluit)`` gives each entry's link."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    volgorde = sorted(besluiten, key=lambda b: (bijgewerkt(agenda, b), b.nummer), reverse=True)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _urn(agenda, feed_id)
    ET.SubElement(feed, f"{{{ATOM}}}title").text = titel
    laatste = max((bijgewerkt(agenda, b) for b in volgorde), default=_begin(agenda))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _moment(laatste)
    auteur = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(auteur, f"{{{ATOM}}}name").text = agenda.programma.titel
    for b in volgorde:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = _urn(agenda, "besluit", b.code)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"Besluit {b.nummer}: {b.titel}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _moment(bijgewerkt(agenda, b))
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url_van(b)})
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": status_van(b).value, "label": label(status_van(b))})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = b.samenvatting
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


def _begin(agenda: Agenda) -> dt.date:
    """The date a feed without dated steps says it was updated: the programme's first year, else a fixed day."""
    van, tot = agenda.programma.periode
    return dt.date(van or tot or 2000, 1, 1)
