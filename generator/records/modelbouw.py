"""The one reader of record data: schema-valid documents become model objects, each noted with its place.

Every record that passed its schema is built here, once, before any cross-record rule runs. A value that
cannot be converted (a date that does not exist) is a problem with its line, collected like every other; the
field is then None and the record is marked incomplete (``Bouwsel.volledig``), so that the rules
(``records/regels/``) still check everything else about it, and no agenda is made of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import datetime as dt
from pathlib import Path
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, TypeVar

from regioagenda.model.agenda import Agenda
from regioagenda.model.besluit import REGIO_ONBEKEND, Besluit, RegioStap, Stap
from regioagenda.model.datum import Datum, OngeldigeDatum
from regioagenda.model.deelopdracht import (
    Deelopdracht,
    Fase,
    Kengetal,
    Mijlpaal,
    Persoon,
    Subopdracht,
    Teamlid,
    Waarde,
    Werkgroep,
)
from regioagenda.model.markdown import Markdown
from regioagenda.model.overig import Hoofdstuk, Knop, Nulplaat, Risico, Risicoregister, Versie
from regioagenda.model.programma import (
    Benoemd,
    Brondocument,
    Gremium,
    OpbouwOnderdeel,
    Programma,
    ProgrammaFase,
    Regio,
    RegioRouteStap,
    Niveau,
    RouteStap,
    Sjabloon,
    Termen,
    Toegankelijkheidsonderzoek,
    Organisatie,
    Woo,
)
from regioagenda.model.vocab import (
    DeelopdrachtStatus,
    Faseveld,
    Kenmerk,
    MijlpaalStatus,
    Prioriteit,
    Betekenis,
    RecordSoort,
    RisicoStatus,
    Route,
    Sectie,
    Soort,
    Toegankelijkheidsstatus,
    VergaderStatus,
)
from regioagenda.model.uitkomst import Uitkomst, Uitkomsten
from regioagenda.model.vergadering import Agendapunt, Stuk, Vergadering, Verplaatsing
from regioagenda.nederlands import maandnaam
from regioagenda.patronen import SLUG
from regioagenda.problemen import Probleem
from regioagenda.records.herkomst import Herkomst, Plek
from regioagenda.records.opslag import opslaginstellingen
from regioagenda.records.paden import stukpad
from regioagenda.records.stukken import controleer_stuk
from regioagenda.records.suggesties import bedoelde_u
from regioagenda.records.verzamelen import Bronnen
from regioagenda.records.yamlbron import YamlDocument

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

DATUMVORMEN = "een bestaande datum als JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ)"


class Onbouwbaar(Exception):
    """Records that passed every check and still could not become an agenda; one problem per record."""

    def __init__(self, problemen: list[Probleem]):
        super().__init__("; ".join(map(str, problemen)))
        self.problemen = problemen


@dataclass
class Bouwsel:
    """Every schema-valid record as model objects, before the cross-record rules decide whether it is an agenda.

    Records are keyed by their file name without '.md' (decisions too: two files may claim one number).
    """

    programma: Programma | None
    hoofdstukken: dict[str, Hoofdstuk] = field(default_factory=dict)
    deelopdrachten: dict[str, Deelopdracht] = field(default_factory=dict)
    besluiten: dict[str, Besluit] = field(default_factory=dict)
    nulplaten: dict[str, Nulplaat] = field(default_factory=dict)
    risicoregister: Risicoregister | None = None
    versies: dict[str, Versie] = field(default_factory=dict)
    vergaderingen: dict[str, Vergadering] = field(default_factory=dict)
    herkomst: Herkomst = field(default_factory=Herkomst)
    problemen: list[Probleem] = field(default_factory=list)
    """What could not be converted, each with its line."""
    onvolledig: set[int] = field(default_factory=set)
    """The records (by object identity) with a value that could not be converted: it is None in the model."""

    def volledig(self, record: object) -> bool:
        """Whether every value of ``record`` was converted (a rule that needs them all asks this first)."""
        return id(record) not in self.onvolledig

    def agenda(self) -> Agenda:
        """The agenda of a programme whose records all built and passed every rule (Onbouwbaar otherwise)."""
        if self.programma is None or self.problemen:
            raise Onbouwbaar(list(self.problemen))
        return Agenda(
            programma=self.programma,
            hoofdstukken=dict(self.hoofdstukken),
            deelopdrachten=dict(self.deelopdrachten),
            besluiten={b.nummer: b for b in self.besluiten.values()},
            nulplaten=dict(self.nulplaten),
            risicoregister=self.risicoregister,
            versies=dict(self.versies),
            vergaderingen=dict(self.vergaderingen),
        )


class Lezer:
    """Reads one record: converts its values, notes where each object came from, collects what fails."""

    def __init__(self, doc: YamlDocument, herkomst: Herkomst):
        self.doc = doc
        self.herkomst = herkomst
        self.problemen: list[Probleem] = []

    def noteer(self, obj: T, pad: tuple) -> T:
        """Remember that ``obj`` was read at ``pad``; returns it."""
        self.herkomst.noteer(obj, Plek(self.doc, pad))
        return obj

    def fout(self, pad: tuple, wat: str, verwacht: str) -> None:
        self.problemen.append(Probleem(self.doc.pad, self.doc.regel(*pad), wat, verwacht))

    def datum(self, waarde: Any, pad: tuple) -> Datum:
        """A date as the record writes it; one that does not exist is a problem (and None)."""
        try:
            return Datum.lees(waarde)
        except OngeldigeDatum as fout:
            self.fout(pad, _datumfout(waarde, fout), DATUMVORMEN)
            return None  # type: ignore[return-value] — the record is left out of the model

    def woord(self, soort: type[E], waarde: Any, pad: tuple) -> E:
        """A word of a closed vocabulary (the schema lists them; a word it let through is still caught)."""
        try:
            return soort(waarde)
        except ValueError:
            bekend = ", ".join(f"'{w.value}'" for w in soort)
            self.fout(pad, f"onbekend woord '{waarde}'", f"een van {bekend}")
            return None  # type: ignore[return-value]

    def uitkomst(
        self, woorden: Uitkomsten, waarde: Any, pad: tuple, regionaal: bool, in_record: bool = True
    ) -> Uitkomst:
        """An outcome word of the programme (built-in or its own) that this route can give; a word of the other
        route is named as such (and, in a decision, where that route's steps go)."""
        gevonden = woorden.zoek(str(waarde), regionaal)
        if gevonden is not None:
            return gevonden
        ids = sorted(u.id for u in woorden.op_route(regionaal))
        bekend = ", ".join(f"'{u}'" for u in ids)
        if woorden.zoek(str(waarde), not regionaal) is None:
            self.fout(
                pad,
                f"onbekende waarde '{waarde}' voor 'uitkomst'",
                f"een van {bekend} (of een eigen uitkomst onder 'uitkomsten:' in agenda/programma.yml)"
                + bedoelde_u(waarde, ids),
            )
        elif regionaal:
            waar = " (onder 'verloop')" if in_record else ""
            self.fout(
                pad,
                f"'{waarde}' is een uitkomst van de programmaroute{waar}, geen uitkomst van een regio",
                f"een van {bekend}",
            )
        else:
            waar = " (onder 'regionaal')" if in_record else ""
            self.fout(
                pad,
                f"'{waarde}' is een uitkomst van een regio{waar}, geen uitkomst van de programmaroute",
                f"een van {bekend}",
            )
        return None  # type: ignore[return-value]


def _datumfout(waarde: Any, fout: OngeldigeDatum) -> str:
    if fout.geen_dag:
        jaar, maand, dag = fout.geen_dag
        return f"'{str(waarde).strip()}' bestaat niet: {maandnaam(maand)} {jaar} heeft geen dag {dag}"
    return str(fout)


def bouw(b: Bronnen) -> Bouwsel:
    """Every record of ``b`` that passed its schema, as model objects; conversion problems in ``problemen``."""
    bouwsel = Bouwsel(programma=None)

    def lees(doc: YamlDocument | None, maak: Callable[[Lezer, YamlDocument], T]) -> T | None:
        if not b.is_geldig(doc):
            return None
        lezer = Lezer(doc, bouwsel.herkomst)
        try:
            gebouwd = maak(lezer, doc)
        except Exception:  # the guarded boundary of one record: a problem of this file, never a traceback
            bouwsel.problemen.append(
                Probleem(
                    doc.pad,
                    1,
                    "het record kan niet worden verwerkt",
                    "een eenvoudiger record; meld het aan de beheerders als het bestand in orde lijkt",
                )
            )
            return None
        if lezer.problemen:
            bouwsel.problemen.extend(lezer.problemen)
            bouwsel.onvolledig.add(id(gebouwd))
        return lezer.noteer(gebouwd, ())

    def per_record(soort: RecordSoort, maak: Callable[[Lezer, str, YamlDocument], T]) -> dict[str, T]:
        uit = {}
        for sleutel, doc in b.per_soort[soort].items():
            gebouwd = lees(doc, lambda lezer, d, k=sleutel: maak(lezer, k, d))
            if gebouwd is not None:
                uit[sleutel] = gebouwd
        return uit

    bouwsel.programma = lees(b.programma, _programma)
    # leaving 'regios' out means the programme's own regions
    alle = tuple(r.id for r in bouwsel.programma.hoofdregios) if bouwsel.programma else ()
    bouwsel.hoofdstukken = per_record(RecordSoort.HOOFDSTUK, _hoofdstuk)
    bouwsel.deelopdrachten = per_record(RecordSoort.DEELOPDRACHT, lambda lz, k, d: _deelopdracht(lz, k, d, alle))
    # the programme's outcome words; when programma.yml itself could not be read its own words are unknown, and
    # reporting them as unknown in every decision would bury the one problem there is (the run fails on it anyway)
    woorden = bouwsel.programma.uitkomsten if bouwsel.programma else Uitkomsten(onbekend_toegestaan=True)
    bouwsel.besluiten = per_record(RecordSoort.BESLUIT, lambda lz, k, d: _besluit(lz, k, d, b, alle, woorden))
    bouwsel.vergaderingen = per_record(
        RecordSoort.VERGADERING, lambda lz, k, d: _vergadering(lz, k, d, woorden, Path(b.root))
    )
    _met_vergaderstappen(bouwsel)
    bouwsel.nulplaten = per_record(RecordSoort.NULPLAAT, _nulplaat)
    bouwsel.risicoregister = lees(b.risicos, _risicoregister)
    bouwsel.versies = per_record(RecordSoort.VERSIE, _versie)
    return bouwsel


def programma_uit(doc: YamlDocument) -> Programma | None:
    """The programme model of one schema-valid programma.yml, or None when a value cannot be converted."""
    lezer = Lezer(doc, Herkomst())
    programma = _programma(lezer, doc)
    return None if lezer.problemen else programma


def _t(data: dict, veld: str) -> tuple:
    return tuple(str(x) for x in data.get(veld, []))


def _s(data: dict, veld: str) -> str | None:
    waarde = data.get(veld)
    return None if waarde is None else str(waarde)


def _md(data: dict, veld: str) -> Markdown | None:
    """A field the schema marks as Markdown (checked like a body while loading)."""
    waarde = data.get(veld)
    return None if waarde is None else Markdown(waarde)


def _woord(lezer: Lezer, soort: type[E], data: dict, veld: str, pad: tuple) -> E | None:
    """An optional field of a closed vocabulary."""
    return lezer.woord(soort, data[veld], (*pad, veld)) if veld in data else None


def _d(lezer: Lezer, data: dict, veld: str, pad: tuple) -> Datum | None:
    """An optional date field."""
    return lezer.datum(data[veld], (*pad, veld)) if veld in data else None


def _items(lezer: Lezer, data: dict, veld: str, pad: tuple, maak: Callable[[Any, tuple], T]) -> tuple[T, ...]:
    """Each item of a list field as a model object, noted with its place."""
    return tuple(
        lezer.noteer(maak(item, (*pad, veld, i)), (*pad, veld, i)) for i, item in enumerate(data.get(veld, []))
    )


def _sjabloon(lezer: Lezer, data: dict) -> Sjabloon:
    """The charter template: the fields a programme's charters and phases use, and its names for some blocks."""

    def velden(soort, sleutel: str):
        if sleutel not in data:
            return None
        woorden = (lezer.woord(soort, v, ("sjabloon", sleutel, i)) for i, v in enumerate(data[sleutel]))
        return frozenset(w for w in woorden if w is not None)

    return Sjabloon(
        velden(Kenmerk, "onderdeel"),
        velden(Faseveld, "fase"),
        {str(k): str(v) for k, v in data.get("namen", {}).items()},
    )


def _programma(lezer: Lezer, doc: YamlDocument) -> Programma:
    data = doc.data
    lz = lezer
    toegankelijkheid = data.get("toegankelijkheid", {})
    kopjes = data.get("kopjes", {})
    opslag = opslaginstellingen(data)
    woorden = Uitkomsten.met(_items(lz, data, "uitkomsten", (), lambda u, pad: _eigen_uitkomst(lz, u, pad)))
    return Programma(
        uitkomsten=woorden,
        titel=str(data["titel"]),
        periode=(data.get("periode", {}).get("van"), data.get("periode", {}).get("tot")),
        regios=tuple(_regios(lz, data["regios"], ("regios",))),
        gremia=_items(
            lz,
            data,
            "gremia",
            (),
            lambda g, _: Gremium(str(g["id"]), str(g["naam"]), _s(g, "samenstelling"), _s(g, "rol"), _s(g, "bron")),
        ),
        besluitvormingsroute=_items(
            lz,
            data,
            "besluitvormingsroute",
            (),
            lambda s, pad: RouteStap(
                str(s["id"]),
                str(s["naam"]),
                tuple(
                    lz.uitkomst(woorden, u, (*pad, "uitkomsten", j), False, in_record=False)
                    for j, u in enumerate(s["uitkomsten"])
                ),
                _s(s, "gremium"),
                _s(s, "toelichting"),
            ),
        ),
        opbouw=_items(
            lz,
            data,
            "opbouw",
            (),
            lambda o, pad: OpbouwOnderdeel(
                hoofdstuk=_s(o, "hoofdstuk"),
                sectie=_woord(lz, Sectie, o, "sectie", pad),
                nummer=_s(o, "nummer"),
                titel=_s(o, "titel"),
            ),
        ),
        fasen=_items(
            lz,
            data,
            "fasen",
            (),
            lambda f, pad: ProgrammaFase(
                str(f["id"]),
                str(f["titel"]),
                _d(lz, f, "van", pad),
                _d(lz, f, "tot", pad),
                _md(f, "omschrijving"),
                _s(f, "bron"),
            ),
        ),
        aanbieders=_items(
            lz, data, "aanbieders", (), lambda a, _: Benoemd(str(a["id"]), str(a["naam"]), _s(a, "toelichting"))
        ),
        voorzieningen=_items(
            lz, data, "voorzieningen", (), lambda v, _: Benoemd(str(v["id"]), str(v["naam"]), _s(v, "toelichting"))
        ),
        kenniswerkplaatsen=_items(
            lz,
            data,
            "kenniswerkplaatsen",
            (),
            lambda k, _: Benoemd(str(k["id"]), str(k["naam"]), _s(k, "toelichting"), _s(k, "regio")),
        ),
        organen=_items(
            lz, data, "organen", (), lambda o, _: Benoemd(str(o["id"]), str(o["naam"]), _s(o, "toelichting"))
        ),
        ondertitel=_s(data, "ondertitel"),
        kortenaam=_s(data, "kortenaam"),
        versie=_s(data, "versie"),
        motto=_s(data, "motto"),
        bron=_s(data, "bron"),
        termen=Termen(**{k: str(v) for k, v in data.get("termen", {}).items()}),
        eigen_termen=frozenset(str(k) for k in data.get("termen", {})),
        kopjes={str(soort): tuple(str(k) for k in lijst) for soort, lijst in kopjes.items()},
        sjabloon=_sjabloon(lz, data.get("sjabloon", {})),
        niveaus=tuple(Niveau(str(n["enkelvoud"]), str(n["meervoud"])) for n in data.get("niveaus", [])),
        werkwijze_onderdelen=_md(data, "werkwijze_onderdelen"),
        toegankelijkheidscontact=_s(toegankelijkheid, "contact"),
        toegankelijkheidsstatus=_woord(lz, Toegankelijkheidsstatus, toegankelijkheid, "status", ("toegankelijkheid",)),
        toegankelijkheidsonderzoek=_onderzoek(lz, toegankelijkheid, ("toegankelijkheid", "onderzoek")),
        woo=_woo(lz, data),
        bronnen=_items(
            lz,
            data,
            "bronnen",
            (),
            lambda b, pad: Brondocument(
                str(b["id"]),
                str(b["titel"]),
                str(b.get("verwijzing", b["id"])),
                _d(lz, b, "datum", pad),
                _s(b, "status"),
                _s(b, "uitgever"),
                _s(b, "vindplaats"),
            ),
        ),
        vertrouwelijke_bron=opslag[0],
        openbare_repository=opslag[1],
        bestand=doc.pad,
    )


def _woo(lezer: Lezer, data: dict) -> Woo | None:
    """Who publishes for the Woo, each organisation noted at its line (the check holds its TOOI id to the form)."""
    if "woo" not in data:
        return None
    org = lambda o, pad: lezer.noteer(Organisatie(str(o["naam"]), str(o["tooi"])), pad)
    woo = data["woo"]
    return Woo(
        org(woo["publisher"], ("woo", "publisher")),
        _items(lezer, woo, "medeverantwoordelijken", ("woo",), org),
    )


def _onderzoek(lezer: Lezer, toegankelijkheid: dict, pad: tuple) -> Toegankelijkheidsonderzoek | None:
    o = toegankelijkheid.get("onderzoek")
    if o is None:
        return None
    return lezer.noteer(
        Toegankelijkheidsonderzoek(lezer.datum(o["datum"], (*pad, "datum")), _s(o, "uitvoerder"), _s(o, "verslag")), pad
    )


def _eigen_uitkomst(lezer: Lezer, u: dict, pad: tuple) -> Uitkomst:
    betekenis = lezer.woord(Betekenis, u["betekenis"], (*pad, "betekenis"))
    # left out: both routes where a region can give it too, else the programme route only
    standaard = Route.BEIDE if betekenis is not None and betekenis.regionaal else Route.PROGRAMMA
    return Uitkomst(
        str(u["id"]),
        betekenis,
        _woord(lezer, Route, u, "route", pad) or standaard,
        _s(u, "naam"),
        _s(u, "toelichting"),
        eigen=True,
    )


def _regios(lezer: Lezer, lijst: list, pad: tuple, boven: str | None = None, niveau: int = 0) -> Iterator[Regio]:
    """Every region at every level, each parent before its parts (depth first, in record order)."""
    for i, r in enumerate(lijst):
        onderdelen = r.get("onderdelen", [])
        hier = (*pad, i)
        yield lezer.noteer(
            Regio(
                str(r["id"]),
                str(r["naam"]),
                _items(
                    lezer,
                    r,
                    "besluitvormingsroute",
                    hier,
                    lambda s, _: RegioRouteStap(
                        str(s["id"]), str(s["naam"]), s.get("termijn_dagen"), _s(s, "toelichting")
                    ),
                ),
                _s(r, "organisatie"),
                _s(r, "toelichting"),
                _s(r, "bron"),
                _s(r, "soort"),
                boven,
                tuple(str(o["id"]) for o in onderdelen),
                niveau,
            ),
            hier,
        )
        yield from _regios(lezer, onderdelen, (*hier, "onderdelen"), str(r["id"]), niveau + 1)


def _hoofdstuk(lezer: Lezer, sleutel: str, doc: YamlDocument) -> Hoofdstuk:
    d = doc.data
    return Hoofdstuk(sleutel, str(d["titel"]), str(d["nummer"]), Markdown(doc.body), _s(d, "bron"), doc.pad)


def _deelopdracht(lezer: Lezer, sleutel: str, doc: YamlDocument, alle_regios: tuple[str, ...]) -> Deelopdracht:
    d = doc.data
    lz = lezer
    aanspreekpunt = d.get("aanspreekpunt")
    # An id names a region (the check made sure it exists); any other text or an object names a person or role.
    regio_aanspreekpunt = isinstance(aanspreekpunt, str) and SLUG.match(aanspreekpunt) is not None
    kruisverbanden = [k if isinstance(k, dict) else {"onderdeel": k} for k in d.get("kruisverbanden", [])]
    return Deelopdracht(
        id=sleutel,
        titel=str(d["titel"]),
        regios=_regioselectie(d, alle_regios),
        regios_bekend=d.get("regios") != REGIO_ONBEKEND,
        volgorde=d.get("volgorde"),
        doel=_md(d, "doel"),
        opdrachtgever=_persoon(lz, d.get("opdrachtgever"), ("opdrachtgever",)),
        trekkers=tuple(_persoon(lz, p, ("trekkers", i)) for i, p in enumerate(d.get("trekkers", []))),
        aanspreekpersoon=None if regio_aanspreekpunt else _persoon(lz, aanspreekpunt, ("aanspreekpunt",)),
        team=_items(lz, d, "team", (), lambda t, _: _teamlid(t)),
        budget=_s(d, "budget"),
        capaciteit=_s(d, "capaciteit"),
        betrokken_partijen=_t(d, "betrokken_partijen"),
        kruisverband_toelichting=tuple(
            (str(k["onderdeel"]), str(k["toelichting"])) for k in kruisverbanden if "toelichting" in k
        ),
        subopdrachten=_items(lz, d, "subopdrachten", (), lambda s, pad: _subopdracht(lz, s, pad)),
        voorzieningen=_t(d, "voorzieningen"),
        prioriteit=_woord(lz, Prioriteit, d, "prioriteit", ()),
        status=_woord(lz, DeelopdrachtStatus, d, "status", ()),
        aanspreekpunt=str(aanspreekpunt) if regio_aanspreekpunt else None,
        aanbieders=_t(d, "aanbieders"),
        kruisverbanden=tuple(str(k["onderdeel"]) for k in kruisverbanden),
        werkgroepen=_items(lz, d, "werkgroepen", (), lambda w, _: Werkgroep(str(w["naam"]), _s(w, "omschrijving"))),
        fasen=_items(lz, d, "fasen", (), lambda f, pad: _fase(lz, f, pad)),
        eigen_mijlpalen=_items(lz, d, "mijlpalen", (), lambda m, pad: _mijlpaal(lz, m, pad)),
        kengetallen=_items(lz, d, "kengetallen", (), lambda k, pad: _kengetal(lz, k, pad)),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _persoon(lezer: Lezer, waarde: Any, pad: tuple) -> Persoon | None:
    if waarde is None:
        return None
    if isinstance(waarde, dict):
        persoon = Persoon(_s(waarde, "naam"), _s(waarde, "rol"), _s(waarde, "organisatie"))
    else:
        persoon = Persoon(naam=str(waarde))
    return lezer.noteer(persoon, pad)


def _teamlid(t: dict) -> Teamlid:
    uren = t.get("uren")
    return Teamlid(_s(t, "naam"), _s(t, "rol"), _s(t, "organisatie"), None if uren is None else _uren(uren))


def _uren(uren: Any) -> str:
    """'8' for 8 or 8.0, '7,5' for 7.5, a text as written."""
    if isinstance(uren, float) and uren.is_integer():
        uren = int(uren)
    return str(uren).replace(".", ",") if isinstance(uren, float) else str(uren)


def _subopdracht(lezer: Lezer, s: dict, pad: tuple) -> Subopdracht:
    return Subopdracht(
        str(s["titel"]),
        _md(s, "omschrijving"),
        _persoon(lezer, s.get("trekker"), (*pad, "trekker")),
        _items(lezer, s, "fasen", pad, lambda f, fpad: _fase(lezer, f, fpad)),
    )


def _fase(lezer: Lezer, f: dict, pad: tuple) -> Fase:
    return Fase(
        titel=str(f["titel"]),
        deel=_s(f, "deel"),
        van=_d(lezer, f, "van", pad),
        tot=_d(lezer, f, "tot", pad),
        omschrijving=_md(f, "omschrijving"),
        doel=_md(f, "doel"),
        resultaten=_t(f, "resultaten"),
        activiteiten=_t(f, "activiteiten"),
        disciplines=_t(f, "disciplines"),
        mijlpalen=_items(lezer, f, "mijlpalen", pad, lambda m, mpad: _mijlpaal(lezer, m, mpad)),
    )


def _mijlpaal(lezer: Lezer, m: dict, pad: tuple) -> Mijlpaal:
    return Mijlpaal(
        str(m["titel"]),
        lezer.datum(m["datum"], (*pad, "datum")),
        lezer.woord(MijlpaalStatus, m.get("status", MijlpaalStatus.OPEN.value), (*pad, "status")),
        _s(m, "toelichting"),
        _s(m, "bron"),
        id=_s(m, "id"),
        vergadering=_s(m, "vergadering"),
        plek="/".join(str(deel) for deel in pad),
    )


def _waarde(lezer: Lezer, w: dict, pad: tuple) -> Waarde:
    """A number; or, when the source gives a placeholder such as 'XX %', an open value that keeps that text."""
    getal = w["waarde"]
    open_tekst = getal if isinstance(getal, str) else None
    return lezer.noteer(
        Waarde(
            None if open_tekst is not None else float(getal),
            _d(lezer, w, "datum", pad),
            _s(w, "toelichting"),
            open_tekst,
            _s(w, "eenheid"),
            _s(w, "ten_opzichte_van"),
        ),
        pad,
    )


def _kengetal(lezer: Lezer, k: dict, pad: tuple) -> Kengetal:
    return Kengetal(
        str(k["id"]),
        str(k["naam"]),
        _waarde(lezer, k["doel"], (*pad, "doel")),
        _waarde(lezer, k["basis"], (*pad, "basis")) if "basis" in k else None,
        _s(k, "eenheid"),
        tuple(_waarde(lezer, m, (*pad, "metingen", j)) for j, m in enumerate(k.get("metingen", []))),
        _s(k, "toelichting"),
        _s(k, "bron"),
    )


def _besluit(
    lezer: Lezer, sleutel: str, doc: YamlDocument, b: Bronnen, alle_regios: tuple[str, ...], woorden: Uitkomsten
) -> Besluit:
    d = doc.data
    lz = lezer
    return Besluit(
        nummer=int(d["nummer"]),
        slug=b.besluitnaam(sleutel).slug,
        titel=str(d["titel"]),
        soort=lz.woord(Soort, d["soort"], ("soort",)),
        samenvatting=str(d["samenvatting"]),
        stappen=_items(lz, d, "verloop", (), lambda s, pad: _stap(lz, s, pad, woorden)),
        regios=_regioselectie(d, alle_regios),
        regios_bekend=d.get("regios") != REGIO_ONBEKEND,
        regionale_stappen={
            str(regio): tuple(
                lz.noteer(_regiostap(lz, s, ("regionaal", regio, i), woorden), ("regionaal", regio, i))
                for i, s in enumerate(stappen)
            )
            for regio, stappen in d.get("regionaal", {}).items()
            if stappen != REGIO_ONBEKEND
        },
        regios_onbekend=frozenset(str(r) for r, stappen in d.get("regionaal", {}).items() if stappen == REGIO_ONBEKEND),
        deelopdrachten=_t(d, "deelopdrachten"),
        vervangt=tuple(int(v) for v in d.get("vervangt", [])),
        vertrouwelijk=bool(d.get("vertrouwelijk", False)),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _regioselectie(d: dict, alle_regios: tuple[str, ...]) -> tuple[str, ...]:
    """The regions a record names: left out, all of the programme's; 'onbekend', none known."""
    if "regios" not in d:
        return alle_regios
    return () if d["regios"] == REGIO_ONBEKEND else _t(d, "regios")


def _stap(lezer: Lezer, s: dict, pad: tuple, woorden: Uitkomsten) -> Stap:
    return Stap(
        lezer.datum(s["datum"], (*pad, "datum")),
        lezer.uitkomst(woorden, s["uitkomst"], (*pad, "uitkomst"), False),
        _s(s, "gremium"),
        _s(s, "toelichting"),
        bool(s.get("gepland", False)),
    )


def _regiostap(lezer: Lezer, s: dict, pad: tuple, woorden: Uitkomsten) -> RegioStap:
    return RegioStap(
        lezer.datum(s["datum"], (*pad, "datum")),
        _s(s, "stap"),
        lezer.uitkomst(woorden, s["uitkomst"], (*pad, "uitkomst"), True),
        _s(s, "toelichting"),
        bool(s.get("gepland", False)),
        s.get("aantal"),
        s.get("van"),
        _s(s, "orgaan"),
    )


def _tijd(lezer: Lezer, data: dict, veld: str, pad: tuple) -> dt.time | None:
    """A clock time 'UU:MM' (the schema checks its form)."""
    if veld not in data:
        return None
    uur, minuut = str(data[veld]).split(":")
    return dt.time(int(uur), int(minuut))


def _stuk(lezer: Lezer, s: dict, pad: tuple, vergadering_id: str, root: Path) -> Stuk:
    """A paper, checked as its file is (type by content, size, no scripts or actions): only a paper that passes
    gets the facts the site publishes; every problem is the meeting record's, at the line that names the paper."""
    bestand = stukpad(vergadering_id, str(s["bestand"]))
    gegevens, problemen = controleer_stuk(root, bestand, lezer.doc.regel(*pad, "bestand"), lezer.doc.pad)
    lezer.problemen.extend(problemen)
    return Stuk(
        bestand,
        str(s["titel"]),
        _d(lezer, s, "datum", pad),
        bool(s.get("vertrouwelijk", False)),
        gegevens.grootte if gegevens else 0,
        gegevens.mediatype if gegevens else "",
    )


def _agendapunt(lezer: Lezer, p: dict, pad: tuple, vergadering_id: str, woorden: Uitkomsten, root: Path) -> Agendapunt:
    return Agendapunt(
        titel=str(p["titel"]),
        besluit=p.get("besluit"),
        onderdeel=_s(p, "onderdeel"),
        voorstel=_s(p, "voorstel"),
        stukken=_items(lezer, p, "stukken", pad, lambda s, sp: _stuk(lezer, s, sp, vergadering_id, root)),
        uitkomst=lezer.uitkomst(woorden, p["uitkomst"], (*pad, "uitkomst"), False) if "uitkomst" in p else None,
        toelichting=_s(p, "toelichting"),
        vertrouwelijk=bool(p.get("vertrouwelijk", False)),
    )


def _vergadering(lezer: Lezer, sleutel: str, doc: YamlDocument, woorden: Uitkomsten, root: Path) -> Vergadering:
    d = doc.data
    return Vergadering(
        id=sleutel,
        gremium=str(d["gremium"]),
        datum=lezer.datum(d["datum"], ("datum",)),
        status=lezer.woord(VergaderStatus, d["status"], ("status",)),
        punten=_items(lezer, d, "agenda", (), lambda p, pad: _agendapunt(lezer, p, pad, sleutel, woorden, root)),
        begin=_tijd(lezer, d, "begin", ()),
        eind=_tijd(lezer, d, "eind", ()),
        plaats=_s(d, "plaats"),
        titel=_s(d, "titel"),
        stukken=_items(lezer, d, "stukken", (), lambda s, pad: _stuk(lezer, s, pad, sleutel, root)),
        eerder=_items(
            lezer,
            d,
            "eerder",
            (),
            lambda e, pad: Verplaatsing(
                lezer.datum(e["datum"], (*pad, "datum")), _tijd(lezer, e, "begin", pad), _tijd(lezer, e, "eind", pad)
            ),
        ),
        vertrouwelijk=bool(d.get("vertrouwelijk", False)),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _met_vergaderstappen(bouwsel: Bouwsel) -> None:
    """Each decision gets the steps its meetings' besluitenlijsten hold, in date order among its own.

    The outcome of an agenda item is the step in the decision's route: typed once, in the meeting, and noted at
    the item's line, so a rule on the step points there. Planned steps stay last.
    """
    herkomst = bouwsel.herkomst
    per_nummer: dict[int, list[Stap]] = {}
    for v in sorted(bouwsel.vergaderingen.values(), key=lambda v: v.id):
        if v.datum is None or not v.gehouden:
            continue
        for punt in v.punten:
            if punt.besluit is None or punt.uitkomst is None:
                continue
            stap = Stap(v.datum, punt.uitkomst, v.gremium, punt.toelichting, vergadering=v.id)
            herkomst.noteer(stap, herkomst.plek(punt))
            per_nummer.setdefault(punt.besluit, []).append(stap)
    for sleutel, b in list(bouwsel.besluiten.items()):
        extra = per_nummer.get(b.nummer)
        if not extra:
            continue
        gezet = sorted([*(s for s in b.stappen if not s.gepland), *extra], key=_stapvolgorde)
        nieuw = replace(b, stappen=(*gezet, *(s for s in b.stappen if s.gepland)))
        herkomst.noteer(nieuw, herkomst.plek(b))
        if not bouwsel.volledig(b):
            bouwsel.onvolledig.add(id(nieuw))
        bouwsel.besluiten[sleutel] = nieuw


def _stapvolgorde(stap: Stap) -> tuple:
    """Steps by date; a step of the record before a meeting's on the same day (a sort is stable)."""
    return (stap.datum.begin, stap.datum.eind) if stap.datum is not None else (dt.date.min, dt.date.min)


def _nulplaat(lezer: Lezer, sleutel: str, doc: YamlDocument) -> Nulplaat:
    d = doc.data
    return Nulplaat(
        id=sleutel,
        titel=str(d["titel"]),
        peildatum=lezer.datum(d["peildatum"], ("peildatum",)),
        ambitie=str(d["ambitie"]),
        doelen=_t(d, "doelen"),
        knoppen=_items(
            lezer, d, "knoppen", (), lambda k, _: Knop(str(k["wat"]), _t(k, "hoe"), _s(k, "segment"), _s(k, "rol"))
        ),
        deelopdracht=_s(d, "deelopdracht"),
        vervangt=_s(d, "vervangt"),
        segmenten=tuple((str(s["id"]), str(s["naam"])) for s in d.get("segmenten", [])),
        rollen=tuple((str(r["id"]), str(r["naam"])) for r in d.get("rollen", [])),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _risicoregister(lezer: Lezer, doc: YamlDocument) -> Risicoregister:
    d = doc.data
    return Risicoregister(
        categorieen=tuple((str(k["id"]), str(k["naam"])) for k in d["categorieen"]),
        risicos=_items(
            lezer,
            d,
            "risicos",
            (),
            lambda r, pad: Risico(
                str(r["id"]),
                str(r["categorie"]),
                str(r["omschrijving"]),
                _t(r, "beheersmaatregelen"),
                _s(r, "eigenaar"),
                lezer.woord(RisicoStatus, r.get("status", RisicoStatus.OPEN.value), (*pad, "status")),
                _s(r, "bron"),
            ),
        ),
        toelichting=_md(d, "toelichting"),
        bron=_s(d, "bron"),
        bestand=doc.pad,
    )


def _versie(lezer: Lezer, sleutel: str, doc: YamlDocument) -> Versie:
    d = doc.data
    return Versie(
        sleutel,
        int(d["besluit"]),
        lezer.datum(d["datum"], ("datum",)),
        str(d["titel"]),
        Markdown(doc.body),
        doc.pad,
        versienummer=str(d["versie"]),
    )
