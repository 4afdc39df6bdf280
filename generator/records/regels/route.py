"""Rules on a decision's steps: in the order they were taken, along the route, planned ones last."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from regioagenda.model.besluit import Besluit, RegioStap, Stap
from regioagenda.model.datum import Datum
from regioagenda.model.uitkomst import Uitkomst
from regioagenda.model.vocab import Betekenis, Verzameling
from regioagenda.model.programma import Programma, RegioRouteStap
from regioagenda.records.regels.controle import Controle
from regioagenda.records.suggesties import routevindplaats

TELBAAR = frozenset({Betekenis.POSITIEF, Betekenis.NEGATIEF, Betekenis.KENNISNAME})
"""Meanings of a regional outcome that a number of members can be counted for ('17 van de 18 raden')."""


def controleer_verloop(c: Controle, b: Besluit) -> None:
    """The programme route: dates in order, nothing after a withdrawal, the route's steps in the route's order."""
    p = c.programma
    vorige_datum: Datum | None = None
    vorige_positie = -1
    ingetrokken = False
    _gepland_laatst(c, b.stappen)
    # a step that a meeting's besluitenlijst also holds is reported once, as such (regels/vergaderingen.py)
    eigen = [s for s in b.stappen if s.vergadering is None]
    _geen_dubbele(c, eigen, lambda s: (s.datum.iso, s.gremium, s.uitkomst, s.gepland))
    for stap in b.stappen:
        if ingetrokken:
            c.fout(
                stap,
                ("uitkomst",),
                "stap na 'ingetrokken'",
                "geen stappen meer: een ingetrokken voorstel wordt een nieuw besluit",
            )
        ingetrokken = ingetrokken or (stap.uitkomst is not None and stap.uitkomst.betekenis is Betekenis.INGETROKKEN)
        vorige_datum = _datum_op_volgorde(c, stap, vorige_datum)
        if p is None:
            continue
        if stap.vergadering is not None:
            pass  # a meeting's body is checked with the meeting (regels/vergaderingen.py)
        elif stap.gremium is not None and not c.programmaverwijzing(
            stap, ("gremium",), stap.gremium, Verzameling.GREMIA, regionaal_orgaan(p, stap.gremium)
        ):
            continue
        if stap.uitkomst is None or stap.uitkomst.betekenis is Betekenis.INGETROKKEN:
            continue  # a proposal can be withdrawn at any point of the route
        gevonden = p.routestap_voor(stap.gremium, stap.uitkomst)
        if gevonden is None:
            # A body outside the route (an extra consultation), or a body of the route deciding in a role the route
            # does not describe (Groningen's regiegroep fixing its tables' assignments): real, and the site marks
            # it 'buiten de vaste route' rather than refusing it.
            continue
        if gevonden[0] < vorige_positie:
            c.fout(
                stap,
                ("uitkomst",),
                f"stap '{gevonden[1].naam}' komt in de route voor '{p.besluitvormingsroute[vorige_positie].naam}'",
                "stappen in de volgorde van de besluitvormingsroute",
            )
        else:
            vorige_positie = gevonden[0]


def regionaal_orgaan(p: Programma, naam: str) -> str:
    """What to say when an unknown body in the programme route is a region's own: its name is (close to) a step
    of a region's declared route, or a region itself. Empty when the declared routes do not tell."""
    regionaal = "de eigen route van een regio staat onder 'regionaal:' met 'stap:', niet onder 'verloop'"
    if naam in p.ids(Verzameling.REGIOS):
        return f"'{naam}' is een regio; {regionaal}"
    stappen: dict[str, tuple[str, RegioRouteStap]] = {}  # a step's id, or its name written as an id
    for regio in p.regios:
        for routestap in regio.besluitvormingsroute:
            for tekst in (routestap.id, "-".join(routestap.naam.lower().split())):
                stappen.setdefault(tekst, (regio.id, routestap))
    treffers = difflib.get_close_matches(naam, sorted(stappen), n=1, cutoff=0.8)
    if not treffers:
        return ""
    regio_id, routestap = stappen[treffers[0]]
    if naam == routestap.id:
        return f"'{naam}' is een stap van de route van regio '{regio_id}' ({routestap.naam}); {regionaal}"
    return (
        f"'{naam}' lijkt op stap '{routestap.id}' ({routestap.naam}) van de route van regio '{regio_id}'; {regionaal}"
    )


def controleer_regionaal(c: Controle, b: Besluit) -> None:
    """Each region's own steps: a known region, its route in order, dates in order.

    They may come before the programme's accordering or without one: a council can decide directly, and a source
    can record an endorsement that predates the document.
    """
    p = c.programma
    if not (b.regionale_stappen or b.regios_onbekend) or p is None:
        return
    for regio_id in sorted(b.regios_onbekend):
        pad = ("regionaal", regio_id)
        bekend = c.programmaverwijzing(b, pad, regio_id, Verzameling.REGIOS)
        if bekend and b.regios_bekend and not p.valt_onder(regio_id, set(b.regios)):
            c.fout(
                b,
                pad,
                f"regio '{regio_id}' staat onder 'regionaal' maar niet in 'regios'",
                "de regio (of de regio waar ze onder valt) ook onder 'regios' noemen",
            )
    for regio_id, stappen in b.regionale_stappen.items():
        pad = ("regionaal", regio_id)
        if not c.programmaverwijzing(b, pad, regio_id, Verzameling.REGIOS):
            continue
        if b.regios_bekend and not p.valt_onder(regio_id, set(b.regios)):
            c.fout(
                b,
                pad,
                f"regio '{regio_id}' heeft stappen maar staat niet in 'regios'",
                "de regio (of de regio waar ze onder valt) ook onder 'regios' noemen",
            )
        _regiostappen(c, regio_id, [s.id for s in p.regio(regio_id).besluitvormingsroute], stappen)
        _aantallen(c, p.regio(regio_id), stappen)
        for stap in stappen:
            if stap.orgaan is not None:
                c.programmaverwijzing(stap, ("orgaan",), stap.orgaan, Verzameling.ORGANEN)


def _aantallen(c: Controle, regio, stappen: Sequence[RegioStap]) -> None:
    """A count of members without names: of an outcome, at most 'van', and 'van' as many as the region has."""
    for stap in stappen:
        if stap.aantal is None and stap.van is None:
            continue
        if stap.uitkomst is not None and stap.uitkomst.betekenis not in TELBAAR:
            c.fout(
                stap,
                ("aantal",),
                f"'aantal' bij de uitkomst '{stap.uitkomst.id}'",
                "een aantal alleen bij een besluit (vastgesteld, niet-vastgesteld of een eigen uitkomst met betekenis "
                "positief, negatief of kennisname): hoeveel leden dat besloten",
            )
        if stap.aantal is None:
            c.fout(stap, ("van",), "'van' zonder 'aantal'", "aantal: hoeveel leden het besloten, van: van hoeveel")
        elif stap.van is not None and stap.aantal > stap.van:
            c.fout(stap, ("aantal",), f"aantal {stap.aantal} is meer dan van {stap.van}", f"hoogstens {stap.van}")
        if stap.van is not None and regio.onderdelen and stap.van != len(regio.onderdelen):
            c.fout(
                stap,
                ("van",),
                f"van {stap.van}, maar {regio.naam} heeft {len(regio.onderdelen)} onderdelen in agenda/programma.yml",
                f"van: {len(regio.onderdelen)}, of laat 'van' weg",
            )


def _geen_dubbele(c: Controle, stappen: Sequence, sleutel) -> None:
    """The same step twice (same day, same body or step of the route, same outcome): entered twice by mistake,
    and counted twice it would say more happened than did."""
    gezien: set = set()
    for stap in stappen:
        if stap.datum is None or stap.uitkomst is None:
            continue  # a value the builder could not convert: reported there, and nothing to compare here
        if sleutel(stap) in gezien:
            c.fout(
                stap,
                ("datum",),
                f"deze stap ({stap.datum}, {stap.uitkomst.id}) staat er al eerder",
                "elke stap één keer; haal de dubbele weg",
            )
        gezien.add(sleutel(stap))


def _regiostappen(c: Controle, regio_id: str, route: list[str], stappen: Sequence[RegioStap]) -> None:
    vorige_datum: Datum | None = None
    vorige_positie = -1
    besloten: Uitkomst | None = None
    _gepland_laatst(c, stappen)
    _geen_dubbele(c, stappen, lambda s: (s.datum.iso, s.stap, s.uitkomst, s.gepland))
    for stap in stappen:
        if besloten:
            c.fout(
                stap,
                ("uitkomst",),
                f"stap nadat {regio_id} al '{besloten.id}' heeft besloten",
                "geen stappen meer na een eindbesluit van de regio",
            )
        # the outcome at an earlier step of the route (the college agrees before the council decides) is not final
        laatste_stap = stap.stap is None or not route or stap.stap == route[-1]
        if stap.uitkomst is not None and stap.uitkomst.betekenis.eindbesluit and not stap.gepland and laatste_stap:
            besloten = besloten or stap.uitkomst
        vorige_datum = _datum_op_volgorde(c, stap, vorige_datum)
        if stap.stap is None:
            continue  # the region's decision without a named step of its route (a council deciding directly)
        if not route:
            c.fout(
                stap,
                ("stap",),
                f"{regio_id} heeft nog geen eigen route, dus geen stap '{stap.stap}'",
                "laat 'stap' weg, of beschrijf de route van de regio in programma.yml",
            )
            continue
        if not c.verwijzing(stap, ("stap",), stap.stap, route, f"routestap van {regio_id}", routevindplaats(regio_id)):
            continue
        positie = route.index(stap.stap)
        if positie < vorige_positie:
            c.fout(
                stap,
                ("stap",),
                f"stap '{stap.stap}' komt in de route van {regio_id} eerder",
                "stappen in de volgorde van de route van de regio",
            )
        vorige_positie = max(vorige_positie, positie)


def _datum_op_volgorde(c: Controle, stap: Stap | RegioStap, vorige: Datum | None) -> Datum | None:
    """A step is not dated before the step above it; returns the date the next step is held to."""
    if stap.datum is None:  # a date that does not exist: reported by the builder, the step above still counts
        return vorige
    if vorige and stap.datum.zeker_voor(vorige):
        c.fout(
            stap,
            ("datum",),
            f"stap van {stap.datum} staat na een stap van {vorige}",
            "stappen in de volgorde waarin ze zijn gezet",
        )
    return stap.datum


def _gepland_laatst(c: Controle, stappen: Sequence[Stap | RegioStap]) -> None:
    """Planned steps come after every step taken: a step taken after a planned one means the plan is stale."""
    gepland = False
    for stap in stappen:
        if gepland and not stap.gepland:
            c.fout(
                stap,
                (),
                "gezette stap na een geplande stap",
                "haal 'gepland: true' weg bij de stap die nu gezet is, of verwijder de geplande stap",
            )
        gepland = gepland or stap.gepland
