"""Open data: JSON of all public records, shaped for reuse and described by published schemas.

Each data file names its schema in ``$schema`` and each published schema names itself in ``$id``, both by the
absolute address the site publishes that schema at (``schemas/data-….schema.json`` under the site's address), so
that an editor or validator finds the schema from the file alone. That address is known only when the build knows
where the site lands (``Opties.basis_url``: a public build always does). Without it (a local preview) a data file
has no ``$schema`` and a schema keeps its shipped relative ``$id`` ("data-besluiten.schema.json"), which resolves
against wherever the schema is read from: an address the build cannot know is left out rather than guessed, and a
relative ``$schema`` would not be the absolute URI JSON Schema asks that keyword to be.
"""

from __future__ import annotations

import datetime as dt
import json

from regioagenda.nederlands import label
from regioagenda.model.agenda import Agenda
from regioagenda.model.datum import Datum
from regioagenda.model.deelopdracht import Fase, Persoon, Waarde
from regioagenda.model.planning import balken, mijlpalen
from regioagenda.model.vergadering import Stuk, Vergadering
from regioagenda.model.vocab import VergaderStatus
from regioagenda.samenstellen.adressen import Adressen
from regioagenda.samenstellen.feeds import TIJDZONE


def _datum(d: Datum | None) -> str | None:
    return d.iso if d is not None else None


def schema_adres(soort: str, basis: str) -> str | None:
    """The absolute address the site publishes schema ``soort`` ("data-besluiten") at; None when ``basis``, the
    site's address ending in '/', is unknown ("")."""
    return basis + Adressen.schema(soort) if basis else None


def gepubliceerd_schema(soort: str, tekst: str, basis: str) -> str:
    """A shipped schema's text as the site publishes it: with ``$id`` the absolute address it is published at
    (``schema_adres``), written as the data files are; without the site's address the text as shipped."""
    adres = schema_adres(soort, basis)
    if adres is None:
        return tekst
    schema = json.loads(tekst)
    return json.dumps({**schema, "$id": adres}, ensure_ascii=False, indent=2) + "\n"


def _json(data: dict, soort: str, basis: str) -> str:
    """A data file's text: ``$schema`` first when the site's address is known (see the module's docstring)."""
    adres = schema_adres(soort, basis)
    if adres is not None:
        data = {"$schema": adres, **data}
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _stap(s) -> dict:
    return {
        "datum": s.datum.iso,
        "gremium": s.gremium,
        "uitkomst": s.uitkomst.id,
        "betekenis": s.uitkomst.betekenis.value,
        "toelichting": s.toelichting,
    }


def besluiten(agenda: Agenda, peildatum: dt.date, url_van, *, basis: str = "") -> str:
    """All public decisions with their derived status and regional state; ``basis``: the site's address or ""."""
    uit = []
    for b in agenda.besluiten_op_nummer():
        regionaal = {}
        # also parts that recorded their own decision, or whose state the source does not give
        for regio_id in dict.fromkeys([*b.regios, *b.regionaal, *sorted(b.regios_onbekend)]):
            regio = agenda.programma.regio(regio_id)
            regionaal[regio_id] = {
                "status": agenda.regio_status(b, regio_id).value,
                "te_laat": b.regio_te_laat(regio, peildatum, agenda.regio_status(b, regio_id)),
                "stappen": [
                    {
                        "datum": s.datum.iso,
                        "stap": s.stap,
                        "orgaan": s.orgaan,
                        "uitkomst": s.uitkomst.id,
                        "betekenis": s.uitkomst.betekenis.value,
                        "aantal": s.aantal,
                        "van": s.van,
                        "toelichting": s.toelichting,
                    }
                    for s in b.regionaal.get(regio_id, ())
                ],
            }
        uit.append(
            {
                "nummer": b.nummer,
                "titel": b.titel,
                "soort": b.soort.value,
                "status": agenda.status(b).value,
                "samenvatting": b.samenvatting,
                "deelopdrachten": list(b.deelopdrachten),
                "regios": list(b.regios) if b.regios_bekend else "onbekend",
                "vervangt": [n for n in b.vervangt if n in agenda.besluiten],
                "verloop": [_stap(s) for s in b.verloop],
                "gepland": [_stap(s) for s in b.gepland],
                "regionaal": regionaal,
                "bron": b.bron,
                "url": url_van(b),
            }
        )
    return _json(
        {"programma": agenda.programma.titel, "peildatum": peildatum.isoformat(), "besluiten": uit},
        "data-besluiten",
        basis,
    )


def deelopdrachten(agenda: Agenda, peildatum: dt.date, url_van, *, basis: str = "") -> str:
    """All charters with who does what, phases, milestones (with their state and provenance) and key figures."""
    uit = []
    for d in agenda.deelopdrachten_op_volgorde():
        uit.append(
            {
                "id": d.id,
                "titel": d.titel,
                "doel": d.doel,
                "opdrachtgever": _persoon(d.opdrachtgever),
                "trekkers": [_persoon(t) for t in d.trekkers],
                "prioriteit": d.prioriteit.value if d.prioriteit else None,
                "status": d.status.value if d.status else None,
                "aanspreekpunt": d.aanspreekpunt,
                "aanspreekpersoon": _persoon(d.aanspreekpersoon),
                "team": [{"rol": t.rol, "naam": t.naam, "organisatie": t.organisatie, "uren": t.uren} for t in d.team],
                "budget": d.budget,
                "capaciteit": d.capaciteit,
                "betrokken_partijen": list(d.betrokken_partijen),
                "regios": list(d.regios) if d.regios_bekend else "onbekend",
                "voorzieningen": list(d.voorzieningen),
                "aanbieders": list(d.aanbieders),
                "kruisverbanden": list(d.kruisverbanden),
                "samenhang": [{"onderdeel": k, "toelichting": t} for k, t in d.kruisverband_toelichting],
                "fasen": [_fase(f) for f in d.fasen],
                "subopdrachten": [
                    {
                        "titel": s.titel,
                        "omschrijving": s.omschrijving,
                        "trekker": _persoon(s.trekker),
                        "fasen": [_fase(f) for f in s.fasen],
                    }
                    for s in d.subopdrachten
                ],
                "mijlpalen": [
                    {
                        "titel": m.titel,
                        "datum": m.datum.iso,
                        "fase": f.titel if f else None,
                        "status": m.status.value,
                        "toestand": m.toestand(peildatum).value,
                        "te_laat": m.te_laat(peildatum),
                        "toelichting": m.toelichting,
                        "bron": m.bron,
                    }
                    for f, m in d.mijlpalen
                ],
                "kengetallen": [
                    {
                        "id": k.id,
                        "naam": k.naam,
                        "eenheid": k.eenheid,
                        "basis": _waarde(k.basis) if k.basis else None,
                        "doel": _waarde(k.doel),
                        "metingen": [_waarde(m) for m in k.metingen],
                        "toelichting": k.toelichting,
                        "bron": k.bron,
                    }
                    for k in d.kengetallen
                ],
                "bron": d.bron,
                "url": url_van(d),
            }
        )
    return _json(
        {"programma": agenda.programma.titel, "peildatum": peildatum.isoformat(), "deelopdrachten": uit},
        "data-deelopdrachten",
        basis,
    )


def _persoon(p: Persoon | None) -> dict | None:
    return None if p is None else {"naam": p.naam, "rol": p.rol, "organisatie": p.organisatie}


def _fase(f: Fase) -> dict:
    return {
        "titel": f.titel,
        "deel": f.deel,
        "van": _datum(f.van),
        "tot": _datum(f.tot),
        "omschrijving": f.omschrijving,
    }


def _waarde(w: Waarde) -> dict:
    return {
        "waarde": w.waarde,
        "open": w.open_tekst,
        "eenheid": w.eenheid,
        "ten_opzichte_van": w.ten_opzichte_van,
        "datum": _datum(w.datum),
        "toelichting": w.toelichting,
    }


def planning(agenda: Agenda, peildatum: dt.date, *, basis: str = "") -> str:
    """Programme and charter phases, and every milestone with its state against the peildatum."""
    return _json(
        {
            "programma": agenda.programma.titel,
            "peildatum": peildatum.isoformat(),
            "fasen": [
                {
                    "groep": b.groep,
                    "deelopdracht": b.deelopdracht,
                    "titel": b.label,
                    "van": _datum(b.van),
                    "tot": _datum(b.tot),
                }
                for b in balken(agenda)
            ],
            "mijlpalen": [
                {
                    "deelopdracht": p.deelopdracht.id,
                    "fase": p.fase,
                    "titel": p.mijlpaal.titel,
                    "datum": p.mijlpaal.datum.iso,
                    "toestand": label(p.toestand(peildatum)),
                }
                for p in mijlpalen(agenda)
            ],
        },
        "data-planning",
        basis,
    )


ORI_STATUS = {
    VergaderStatus.GEPLAND: "EventScheduled",
    VergaderStatus.AGENDA_GEPUBLICEERD: "EventConfirmed",
    VergaderStatus.GEHOUDEN: "EventCompleted",
    VergaderStatus.AFGELAST: "EventCancelled",
}
"""A meeting's status in the words of the ORI model (schema.org event statuses; ours is in ``x_status``)."""


def _tijdstip(dag: dt.date, tijd: dt.time | None) -> str:
    """A meeting's begin or end: local time in Europe/Amsterdam with its UTC offset, or the day alone."""
    return dt.datetime.combine(dag, tijd, TIJDZONE).isoformat() if tijd is not None else dag.isoformat()


def _document(v: Vergadering, stuk: Stuk, url_van_stuk) -> dict:
    """A paper as an ORI MediaObject (name, url, file_name, content_type, size_in_bytes) with its date."""
    return {
        "id": f"{v.id}/{stuk.naam}",
        "type": "MediaObject",
        "name": stuk.titel,
        "url": url_van_stuk(v, stuk),
        "file_name": stuk.naam,
        "content_type": stuk.mediatype or None,
        "size_in_bytes": stuk.grootte,
        "x_datum": _datum(stuk.datum),
    }


def vergaderingen(agenda: Agenda, url_van, url_van_besluitenlijst, url_van_stuk, *, basis: str = "") -> str:
    """All public meetings in the shape of the OpenBesluitvorming/ORI meeting model, our own fields as ``x_…``."""
    uit = []
    for v in agenda.vergaderingen_op_datum():
        gremium = agenda.programma.gremium(v.gremium)
        uit.append(
            {
                "id": v.id,
                "type": "Meeting",
                "name": v.titel or gremium.naam,
                "start_date": _tijdstip(v.datum.begin, v.begin),
                "end_date": _tijdstip(v.datum.begin, v.eind) if v.eind is not None else None,
                "location": v.plaats,
                "status": ORI_STATUS[v.status],
                "organization": agenda.programma.titel,
                "committee": v.gremium,
                "agenda": [
                    {
                        "id": f"{v.id}/{i}",
                        "position": i,
                        "name": p.titel,
                        "attachment": [_document(v, s, url_van_stuk) for s in p.stukken],
                        "x_besluit": p.besluit,
                        "x_onderdeel": p.onderdeel,
                        "x_voorstel": p.voorstel,
                        "x_uitkomst": p.uitkomst.id if p.uitkomst else None,
                        "x_betekenis": p.uitkomst.betekenis.value if p.uitkomst else None,
                        "x_toelichting": p.toelichting,
                    }
                    for i, p in enumerate(v.punten, 1)
                ],
                "attachment": [_document(v, s, url_van_stuk) for s in v.stukken],
                "x_status": v.status.value,
                "x_gremiumnaam": gremium.naam,
                "x_volgnummer": v.volgnummer,
                "x_eerder": [
                    {
                        "start_date": _tijdstip(e.datum.begin, e.begin),
                        "end_date": _tijdstip(e.datum.begin, e.eind) if e.eind is not None else None,
                    }
                    for e in v.eerder
                ],
                "x_url": url_van(v),
                "x_besluitenlijst_url": url_van_besluitenlijst(v) if v.heeft_besluitenlijst else None,
            }
        )
    return _json({"programma": agenda.programma.titel, "vergaderingen": uit}, "data-vergaderingen", basis)
