"""The data of the page 'Een voorstel doen': what its form offers (kinds, parts, regions, bodies and their outcomes,
existing decisions) and the file it writes, as the theme's partial reads them from the page's front matter."""

from __future__ import annotations

import re

from markupsafe import Markup

from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import STANDAARDKOPJES, padnaam
from regioagenda.model.vocab import RecordSoort, Soort, Verzameling
from regioagenda.nederlands import label
from regioagenda.records.paden import MAPPEN, besluitnaam
from regioagenda.samenstellen.woorden import statuswoord

ONDERDELENVELD = "deelopdrachten"
"""The field of a decision record that names its parts (records/schemas/besluit.schema.json)."""

SOORTUITLEG = {
    Soort.BESLUIT: "een voorstel waarover de gremia een besluit nemen",
    Soort.SIGNAAL: "een signaal of ontwikkeling die aandacht vraagt",
    Soort.AGENDAWIJZIGING: "een voorstel om {document} aan te passen",
    Soort.VASTSTELLING: "het vaststellen van een nieuwe versie van {document}",
}
"""What each kind of decision means, in plain words, for the proposal form."""


def voorstelgegevens(agenda: Agenda) -> Markup:
    """The front matter of the proposal page: what its form offers, as data (``agenda_voorstel``).

    The theme's partial (publiceren/thema/partials/voorstel.html) builds the form from it: page content passes the
    HTML allowlist, which keeps no form controls. One line of inert YAML (``_inert``): the Markdown tree of
    'agenda bouw' carries no live markup from a record, whatever engine reads it.
    """
    p, termen = agenda.programma, agenda.programma.termen
    een = lambda tekst: " ".join(str(tekst).split())
    route_gremia: dict[str, list[str]] = {}
    for stap in p.besluitvormingsroute:
        if stap.gremium is not None:
            uitkomsten = route_gremia.setdefault(stap.gremium, [])
            uitkomsten += [u.id for u in stap.uitkomsten if u.id not in uitkomsten]
    ingetrokken = p.uitkomsten.ingetrokken().id
    for uitkomsten in route_gremia.values():  # a proposal can be withdrawn at any step (records/regels/route.py)
        uitkomsten += [] if ingetrokken in uitkomsten else [ingetrokken]
    besluiten = agenda.besluiten_op_nummer()
    nummer = max((b.nummer for b in besluiten), default=0) + 1
    kopjes = [een(k) for k in p.kopjes.get("besluit", STANDAARDKOPJES["besluit"])]
    onderdelen = agenda.deelopdrachten_op_volgorde()
    # The record field has one fixed name; a site whose programme calls its parts otherwise never shows that word.
    veld_in_eigen_woorden = padnaam(termen.onderdelen) == ONDERDELENVELD
    # The file as 'agenda nieuw besluit' writes it, with what to fill in said in place: for a reader without the form.
    voorbeeld = [
        "---",
        f"nummer: {nummer}",
        'titel: "Korte titel van het voorstel"',
        "soort: besluit",
        'samenvatting: "In gewone taal: wat wordt er voorgesteld en waarom"',
        *([f"{ONDERDELENVELD}: [{onderdelen[0].id}]"] if onderdelen and veld_in_eigen_woorden else []),
        "verloop:",
        "  - {datum: JJJJ-MM-DD, uitkomst: ingebracht}",
        "---",
        "",
        *[regel for k in kopjes for regel in (f"## {k}", "", "Nader in te vullen.", "")],
    ]
    eerste = next(iter(route_gremia.items()), None)
    gegevens = {
        "map": MAPPEN[RecordSoort.BESLUIT],
        "nummer": nummer,
        "bestandsvoorbeeld": besluitnaam(nummer, "korte-titel"),
        "voorbeeld": voorbeeld,
        "onderdelenveld": ONDERDELENVELD if veld_in_eigen_woorden else None,
        "stapvoorbeeld": (
            f"  - {{datum: JJJJ-MM-DD, gremium: {eerste[0]}, uitkomst: {eerste[1][0]}}}"
            if eerste and eerste[1]
            else None
        ),
        "termen": {
            "document": een(termen.het_document),
            "onderdelen": een(termen.onderdelen),
            "Onderdelen": een(termen.Onderdelen),
            "regios": een(termen.regios),
            "Regios": een(termen.Regios),
        },
        "kopjes": kopjes,
        "soorten": [
            {"id": s.value, "naam": label(s), "uitleg": SOORTUITLEG[s].format(document=een(termen.het_document))}
            for s in Soort
        ],
        "onderdelen": [{"id": d.id, "naam": een(d.titel)} for d in onderdelen],
        "regios": [{"id": r.id, "naam": een(r.naam)} for r in p.regios],
        "gremia": [
            {
                "id": g,
                "naam": een(p.gremium(g).naam) if g in p.ids(Verzameling.GREMIA) else g,
                "codes": ", ".join(uitkomsten),
                "uitkomsten": " ".join(uitkomsten),
            }
            for g, uitkomsten in route_gremia.items()
        ],
        "uitkomsten": [
            {"id": u.id, "naam": een(u.woord)}
            for u in p.uitkomsten.op_route(False)
            if any(u.id in uitkomsten for uitkomsten in route_gremia.values())
        ],
        "besluiten": [
            {
                "nummer": b.nummer,
                "titel": een(b.titel),
                "status": statuswoord(p, agenda.status(b)),
                "bestand": b.bestand,
                "zonder_stappen": not b.stappen,
            }
            for b in besluiten
        ],
    }
    return Markup(_inert({"agenda_voorstel": gegevens}))


_GEWOON = re.compile(r"[\w .,:;'()/-]")


def _inert(waarde: object) -> str:
    """Data as one line of YAML (flow style, JSON-shaped) in which no character can mean anything to Markdown or
    HTML: in strings every character but letters, digits, spaces and '.,:;'()/-' is a YAML escape. A Markdown engine
    that knows no front matter shows the line as text; no record text can end the block or start a line."""
    if isinstance(waarde, dict):
        return "{" + ", ".join(f"{_inert(str(k))}: {_inert(v)}" for k, v in waarde.items()) + "}"
    if isinstance(waarde, (list, tuple)):
        return "[" + ", ".join(_inert(v) for v in waarde) + "]"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if waarde is None:
        return "null"
    if isinstance(waarde, int):
        return str(waarde)
    tekens = (
        c
        if _GEWOON.fullmatch(c) and c.isprintable() and c != "_"
        else f"\\u{ord(c):04x}"
        if ord(c) <= 0xFFFF
        else f"\\U{ord(c):08x}"
        for c in str(waarde)
    )
    return '"' + "".join(tekens) + '"'
