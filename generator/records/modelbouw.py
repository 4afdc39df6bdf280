"""Turn validated record documents into domain objects."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.patronen import SLUG
from generator.records.paden import BESLUITNAAM
from generator.records.verzamelen import Bronnen
from generator.records.yamlbron import YamlDocument
from generator.problemen import Probleem
from generator.model.agenda import Agenda
from generator.model.besluit import Besluit, RegioStap, Stap
from generator.model.datum import Datum
from generator.model.markdown import Markdown
from generator.model.deelopdracht import (
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
from generator.model.overig import Hoofdstuk, Knop, Nulplaat, Risico, Risicoregister, Versie
from generator.model.programma import (
    Benoemd,
    Brondocument,
    Gremium,
    OpbouwOnderdeel,
    Programma,
    ProgrammaFase,
    Regio,
    RegioRouteStap,
    RouteStap,
    Termen,
)
from generator.model.vocab import (
    DeelopdrachtStatus,
    MijlpaalStatus,
    Prioriteit,
    RegioUitkomst,
    RisicoStatus,
    Sectie,
    Soort,
    Uitkomst,
)


class Onbouwbaar(Exception):
    """Records that passed every check and still could not become model objects; one problem per record."""

    def __init__(self, problemen: list[Probleem]):
        super().__init__("; ".join(map(str, problemen)))
        self.problemen = problemen


def bouw(b: Bronnen) -> Agenda:
    """The agenda model; ``b`` must have passed every schema and rule (raises Onbouwbaar otherwise)."""
    problemen: list[Probleem] = []

    def per_record(docs: dict, maak):
        uit = {}
        for sleutel, doc in docs.items():
            try:
                uit[sleutel] = maak(sleutel, doc)
            except Exception:
                problemen.append(
                    Probleem(
                        doc.pad,
                        1,
                        "het record kan niet worden verwerkt",
                        "een eenvoudiger record; meld het aan de beheerders als het bestand in orde lijkt",
                    )
                )
        return uit

    programma = per_record({"programma": b.programma}, lambda _, doc: _programma(doc.data, doc.pad)).get("programma")
    if programma is None:
        raise Onbouwbaar(problemen)
    alle_regios = tuple(r.id for r in programma.hoofdregios)  # leaving 'regios' out means the programme's own
    besluiten = per_record(b.besluit, lambda k, d: _besluit(k, d, alle_regios))
    agenda = Agenda(
        programma=programma,
        hoofdstukken=per_record(b.hoofdstuk, _hoofdstuk),
        deelopdrachten=per_record(b.deelopdracht, lambda k, d: _deelopdracht(k, d, alle_regios)),
        besluiten={besluit.nummer: besluit for besluit in besluiten.values()},
        nulplaten=per_record(b.nulplaat, _nulplaat),
        risicoregister=per_record({"risicos": b.risicos}, lambda _, doc: _risicoregister(doc)).get("risicos")
        if b.risicos is not None
        else None,
        versies=per_record(
            b.versie,
            lambda k, d: Versie(
                k, int(d.data["besluit"]), Datum.lees(d.data["datum"]), str(d.data["titel"]), Markdown(d.body), d.pad
            ),
        ),
    )
    if problemen:
        raise Onbouwbaar(problemen)
    return agenda


def programma_uit(doc: YamlDocument) -> Programma:
    """The programme model of a schema-valid programma.yml (the rules ask it for routes and regions)."""
    return _programma(doc.data, doc.pad)


def besluit_uit(doc: YamlDocument) -> Besluit:
    """The decision model of one schema-valid decision record (raises OngeldigeDatum for a date that does not exist)."""
    stam = doc.pad.rsplit("/", 1)[-1].removesuffix(".md")
    return _besluit(stam, doc, ())


def _d(waarde: Any) -> Datum | None:
    return None if waarde is None else Datum.lees(waarde)


def _t(data: dict, veld: str) -> tuple:
    return tuple(str(x) for x in data.get(veld, []))


def _s(data: dict, veld: str) -> str | None:
    waarde = data.get(veld)
    return None if waarde is None else str(waarde)


def _md(data: dict, veld: str) -> Markdown | None:
    """A field the schema marks as Markdown (checked like a body while loading)."""
    waarde = data.get(veld)
    return None if waarde is None else Markdown(waarde)


def _programma(data: dict, bestand: str) -> Programma:
    return Programma(
        titel=str(data["titel"]),
        periode=(data.get("periode", {}).get("van"), data.get("periode", {}).get("tot")),
        regios=tuple(_regios(data["regios"])),
        gremia=tuple(
            Gremium(str(g["id"]), str(g["naam"]), _s(g, "samenstelling"), _s(g, "rol"), _s(g, "bron"))
            for g in data.get("gremia", [])
        ),
        besluitvormingsroute=tuple(
            RouteStap(
                str(s["id"]),
                str(s["naam"]),
                tuple(Uitkomst(u) for u in s["uitkomsten"]),
                _s(s, "gremium"),
                _s(s, "toelichting"),
            )
            for s in data.get("besluitvormingsroute", [])
        ),
        opbouw=tuple(
            OpbouwOnderdeel(
                hoofdstuk=_s(o, "hoofdstuk"),
                sectie=Sectie(o["sectie"]) if "sectie" in o else None,
                nummer=_s(o, "nummer"),
                titel=_s(o, "titel"),
            )
            for o in data["opbouw"]
        ),
        fasen=tuple(
            ProgrammaFase(
                str(f["id"]), str(f["titel"]), _d(f.get("van")), _d(f.get("tot")), _md(f, "omschrijving"), _s(f, "bron")
            )
            for f in data.get("fasen", [])
        ),
        aanbieders=tuple(
            Benoemd(str(a["id"]), str(a["naam"]), _s(a, "toelichting")) for a in data.get("aanbieders", [])
        ),
        voorzieningen=tuple(
            Benoemd(str(v["id"]), str(v["naam"]), _s(v, "toelichting")) for v in data.get("voorzieningen", [])
        ),
        kenniswerkplaatsen=tuple(
            Benoemd(str(k["id"]), str(k["naam"]), _s(k, "toelichting"), _s(k, "regio"))
            for k in data.get("kenniswerkplaatsen", [])
        ),
        ondertitel=_s(data, "ondertitel"),
        kortenaam=_s(data, "kortenaam"),
        versie=_s(data, "versie"),
        motto=_s(data, "motto"),
        bron=_s(data, "bron"),
        termen=Termen(**{k: str(v) for k, v in data.get("termen", {}).items()}),
        werkwijze_onderdelen=_md(data, "werkwijze_onderdelen"),
        toegankelijkheidscontact=_s(data.get("toegankelijkheid", {}), "contact"),
        toegankelijkheidsstatus=_s(data.get("toegankelijkheid", {}), "status"),
        bronnen=tuple(
            Brondocument(
                str(b["id"]),
                str(b["titel"]),
                str(b.get("verwijzing", b["id"])),
                _d(b.get("datum")),
                _s(b, "status"),
                _s(b, "uitgever"),
                _s(b, "vindplaats"),
            )
            for b in data.get("bronnen", [])
        ),
        bestand=bestand,
    )


def _regios(lijst: list, boven: str | None = None, niveau: int = 0) -> Iterator[Regio]:
    """Every region at every level, each parent before its parts (depth first, in record order)."""
    for r in lijst:
        onderdelen = r.get("onderdelen", [])
        yield Regio(
            str(r["id"]),
            str(r["naam"]),
            tuple(
                RegioRouteStap(str(s["id"]), str(s["naam"]), s.get("termijn_dagen"), _s(s, "toelichting"))
                for s in r.get("besluitvormingsroute", [])
            ),
            _s(r, "organisatie"),
            _s(r, "toelichting"),
            _s(r, "bron"),
            _s(r, "soort"),
            boven,
            tuple(str(o["id"]) for o in onderdelen),
            niveau,
        )
        yield from _regios(onderdelen, str(r["id"]), niveau + 1)


def _hoofdstuk(sleutel: str, doc) -> Hoofdstuk:
    d = doc.data
    return Hoofdstuk(sleutel, str(d["titel"]), str(d["nummer"]), Markdown(doc.body), _s(d, "bron"), doc.pad)


def _deelopdracht(sleutel: str, doc, alle_regios: tuple[str, ...]) -> Deelopdracht:
    d = doc.data
    aanspreekpunt = d.get("aanspreekpunt")
    # An id names a region (the check made sure it exists); any other text or an object names a person or role.
    regio_aanspreekpunt = isinstance(aanspreekpunt, str) and SLUG.match(aanspreekpunt) is not None
    kruisverbanden = [k if isinstance(k, dict) else {"onderdeel": k} for k in d.get("kruisverbanden", [])]
    return Deelopdracht(
        id=sleutel,
        titel=str(d["titel"]),
        regios=_t(d, "regios") if "regios" in d else alle_regios,
        volgorde=d.get("volgorde"),
        doel=_md(d, "doel"),
        opdrachtgever=_persoon(d.get("opdrachtgever")),
        trekkers=tuple(_persoon(p) for p in d.get("trekkers", [])),
        aanspreekpersoon=None if regio_aanspreekpunt else _persoon(aanspreekpunt),
        team=tuple(_teamlid(t) for t in d.get("team", [])),
        budget=_s(d, "budget"),
        capaciteit=_s(d, "capaciteit"),
        betrokken_partijen=_t(d, "betrokken_partijen"),
        kruisverband_toelichting=tuple(
            (str(k["onderdeel"]), str(k["toelichting"])) for k in kruisverbanden if "toelichting" in k
        ),
        subopdrachten=tuple(_subopdracht(s) for s in d.get("subopdrachten", [])),
        voorzieningen=_t(d, "voorzieningen"),
        prioriteit=Prioriteit(d["prioriteit"]) if "prioriteit" in d else None,
        status=DeelopdrachtStatus(d["status"]) if "status" in d else None,
        aanspreekpunt=str(aanspreekpunt) if regio_aanspreekpunt else None,
        aanbieders=_t(d, "aanbieders"),
        kruisverbanden=tuple(str(k["onderdeel"]) for k in kruisverbanden),
        werkgroepen=tuple(Werkgroep(str(w["naam"]), _s(w, "omschrijving")) for w in d.get("werkgroepen", [])),
        fasen=tuple(_fase(f) for f in d.get("fasen", [])),
        eigen_mijlpalen=tuple(_mijlpaal(m) for m in d.get("mijlpalen", [])),
        kengetallen=tuple(_kengetal(k) for k in d.get("kengetallen", [])),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _persoon(waarde: Any) -> Persoon | None:
    if waarde is None:
        return None
    if isinstance(waarde, dict):
        return Persoon(_s(waarde, "naam"), _s(waarde, "rol"), _s(waarde, "organisatie"))
    return Persoon(naam=str(waarde))


def _teamlid(t: dict) -> Teamlid:
    uren = t.get("uren")
    return Teamlid(_s(t, "naam"), _s(t, "rol"), _s(t, "organisatie"), None if uren is None else _uren(uren))


def _uren(uren: Any) -> str:
    """'8' for 8 or 8.0, '7,5' for 7.5, a text as written."""
    if isinstance(uren, float) and uren.is_integer():
        uren = int(uren)
    return str(uren).replace(".", ",") if isinstance(uren, float) else str(uren)


def _subopdracht(s: dict) -> Subopdracht:
    return Subopdracht(
        str(s["titel"]), _md(s, "omschrijving"), _persoon(s.get("trekker")), tuple(_fase(f) for f in s.get("fasen", []))
    )


def _fase(f: dict) -> Fase:
    return Fase(
        titel=str(f["titel"]),
        deel=_s(f, "deel"),
        van=_d(f.get("van")),
        tot=_d(f.get("tot")),
        omschrijving=_md(f, "omschrijving"),
        doel=_md(f, "doel"),
        resultaten=_t(f, "resultaten"),
        activiteiten=_t(f, "activiteiten"),
        disciplines=_t(f, "disciplines"),
        mijlpalen=tuple(_mijlpaal(m) for m in f.get("mijlpalen", [])),
    )


def _mijlpaal(m: dict) -> Mijlpaal:
    return Mijlpaal(
        str(m["titel"]),
        Datum.lees(m["datum"]),
        MijlpaalStatus(m.get("status", MijlpaalStatus.OPEN.value)),
        _s(m, "toelichting"),
        _s(m, "bron"),
    )


def _waarde(w: dict) -> Waarde:
    """A number; or, when the source gives a placeholder such as 'XX %', an open value that keeps that text."""
    getal = w["waarde"]
    open_tekst = getal if isinstance(getal, str) else None
    return Waarde(
        None if open_tekst is not None else float(getal),
        _d(w.get("datum")),
        _s(w, "toelichting"),
        open_tekst,
        _s(w, "eenheid"),
        _s(w, "ten_opzichte_van"),
    )


def _kengetal(k: dict) -> Kengetal:
    return Kengetal(
        str(k["id"]),
        str(k["naam"]),
        _waarde(k["doel"]),
        _waarde(k["basis"]) if "basis" in k else None,
        _s(k, "eenheid"),
        tuple(_waarde(m) for m in k.get("metingen", [])),
        _s(k, "toelichting"),
        _s(k, "bron"),
    )


def _besluit(sleutel: str, doc, alle_regios: tuple[str, ...]) -> Besluit:
    d = doc.data
    return Besluit(
        nummer=int(d["nummer"]),
        slug=BESLUITNAAM.match(sleutel + ".md").group(2),
        titel=str(d["titel"]),
        soort=Soort(d["soort"]),
        samenvatting=str(d["samenvatting"]),
        verloop=tuple(_stap(s) for s in d["verloop"] if not s.get("gepland")),
        gepland=tuple(_stap(s) for s in d["verloop"] if s.get("gepland")),
        regios=_t(d, "regios") if "regios" in d else alle_regios,
        regionaal={
            str(regio): tuple(_regiostap(s) for s in stappen if not s.get("gepland"))
            for regio, stappen in d.get("regionaal", {}).items()
        },
        regionaal_gepland={
            str(regio): tuple(_regiostap(s) for s in stappen if s.get("gepland"))
            for regio, stappen in d.get("regionaal", {}).items()
            if any(s.get("gepland") for s in stappen)
        },
        deelopdrachten=_t(d, "deelopdrachten"),
        vervangt=tuple(int(v) for v in d.get("vervangt", [])),
        vertrouwelijk=bool(d.get("vertrouwelijk", False)),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _stap(s: dict) -> Stap:
    return Stap(Datum.lees(s["datum"]), Uitkomst(s["uitkomst"]), _s(s, "gremium"), _s(s, "toelichting"))


def _regiostap(s: dict) -> RegioStap:
    return RegioStap(Datum.lees(s["datum"]), _s(s, "stap"), RegioUitkomst(s["uitkomst"]), _s(s, "toelichting"))


def _nulplaat(sleutel: str, doc) -> Nulplaat:
    d = doc.data
    return Nulplaat(
        id=sleutel,
        titel=str(d["titel"]),
        peildatum=Datum.lees(d["peildatum"]),
        ambitie=str(d["ambitie"]),
        doelen=_t(d, "doelen"),
        knoppen=tuple(Knop(str(k["wat"]), _t(k, "hoe"), _s(k, "segment"), _s(k, "rol")) for k in d.get("knoppen", [])),
        deelopdracht=_s(d, "deelopdracht"),
        vervangt=_s(d, "vervangt"),
        segmenten=tuple((str(s["id"]), str(s["naam"])) for s in d.get("segmenten", [])),
        rollen=tuple((str(r["id"]), str(r["naam"])) for r in d.get("rollen", [])),
        bron=_s(d, "bron"),
        body=Markdown(doc.body),
        bestand=doc.pad,
    )


def _risicoregister(doc) -> Risicoregister:
    d = doc.data
    return Risicoregister(
        categorieen=tuple((str(k["id"]), str(k["naam"])) for k in d["categorieen"]),
        risicos=tuple(
            Risico(
                str(r["id"]),
                str(r["categorie"]),
                str(r["omschrijving"]),
                _t(r, "beheersmaatregelen"),
                _s(r, "eigenaar"),
                RisicoStatus(r.get("status", RisicoStatus.OPEN.value)),
                _s(r, "bron"),
            )
            for r in d["risicos"]
        ),
        toelichting=_md(d, "toelichting"),
        bron=_s(d, "bron"),
        bestand=doc.pad,
    )
