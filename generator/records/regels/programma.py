"""Rules on programma.yml: unique ids, its own references, its words as addresses, periods, the outline."""

from __future__ import annotations

from collections import Counter

from regioagenda.model.programma import Programma, Termen
from regioagenda.patronen import SLUG, TOOI_ORGANISATIE
from regioagenda.model.vocab import RecordSoort, Verzameling
from regioagenda.nederlands import enkelvoud
from regioagenda.records.regels.controle import Controle, periode
from regioagenda.records.suggesties import opsomming


def controleer_programma(c: Controle) -> None:
    """Every rule on the programme itself (nothing to check when programma.yml did not build)."""
    p = c.programma
    if p is None:
        return
    with c.bewaakt(p):
        _programma(c, p)


def _programma(c: Controle, p: Programma) -> None:
    for soort in (
        "gremia",
        "aanbieders",
        "voorzieningen",
        "kenniswerkplaatsen",
        "organen",
        "fasen",
        "besluitvormingsroute",
    ):
        c.uniek(p, soort, getattr(p, soort))
    van, tot = p.periode
    if van is not None and tot is not None and van > tot:
        c.fout(p, ("periode", "tot"), "de periode eindigt voor ze begint", "'tot' gelijk aan of na 'van'")
    _unieke_regios(c, p)
    _uitkomsten(c, p)
    _woordadressen(c, p)
    for regio in p.regios:
        _idadres(c, regio, regio.id, p.termen, Verzameling.REGIOS)
    for gremium in p.gremia:
        _idadres(c, gremium, gremium.id, p.termen, Verzameling.GREMIA)
    for regio in p.regios:
        c.uniek(regio, "besluitvormingsroute", regio.besluitvormingsroute)
    for stap in p.besluitvormingsroute:
        if stap.gremium is not None:
            c.programmaverwijzing(stap, ("gremium",), stap.gremium, Verzameling.GREMIA)
    for kwp in p.kenniswerkplaatsen:
        if kwp.regio is not None:
            c.programmaverwijzing(kwp, ("regio",), kwp.regio, Verzameling.REGIOS)
    for fase in p.fasen:
        periode(c, fase)
    _opbouw(c, p)
    _toegankelijkheid(c, p)
    _woo(c, p)


def _uitkomsten(c: Controle, p: Programma) -> None:
    """The programme's own outcome words: each once, and a region's route only given meanings a region can have."""
    eigen = [u for u in p.uitkomsten.woorden if u.eigen]
    c.uniek(p, "uitkomsten", eigen)
    for u in eigen:
        if u.betekenis is None or u.route is None or u.betekenis.regionaal or not u.op_route(True):
            continue
        c.fout(
            u,
            ("route",),
            f"een regio kan geen uitkomst met betekenis '{u.betekenis.value}' geven",
            "route: programma (alleen de programmaroute kent ingebracht, ingetrokken en opvolging)",
        )


def _woo(c: Controle, p: Programma) -> None:
    """Each organisation that publishes for the Woo by an identifier of the TOOI organisation lists."""
    if p.woo is None:
        return
    for org in (p.woo.publisher, *p.woo.medeverantwoordelijken):
        if not TOOI_ORGANISATIE.fullmatch(org.tooi):
            c.fout(
                org,
                ("tooi",),
                f"'{org.tooi}' is geen TOOI-identifier van een organisatie",
                "https://identifier.overheid.nl/tooi/id/ gevolgd door gemeente/gm…, so/so… (een gemeenschappelijke "
                "regeling), provincie/pv… of een andere lijst van TOOI",
            )


def _unieke_regios(c: Controle, p: Programma) -> None:
    """A region id is unique across every level: decisions name a region by its id alone."""
    gezien: set[str] = set()
    for regio in p.regios:
        if regio.id in gezien:
            c.fout(regio, ("id",), f"id '{regio.id}' komt vaker voor", "een unieke id binnen 'regios'")
        gezien.add(regio.id)


def _woordadressen(c: Controle, p: Programma) -> None:
    """The programme's words become folders: each a non-empty ASCII slug, no name the site uses itself, and no
    two words the same folder (a word left out counts with its default)."""
    termen, gegeven = p.termen, p.eigen_termen
    naam = lambda term: f"termen.{term} '{getattr(termen, term)}'" + ("" if term in gegeven else " (standaard)")
    bezet: dict[tuple[str, str], str] = {}
    for term, (map_, waar) in termen.mappen().items():
        adres = "/" + "/".join(filter(None, (waar, map_))) + "/"
        vast = termen.vaste_namen(waar)
        plek = ("termen", term)  # a word left out is reported at 'termen' (or the file's start)
        if not SLUG.match(map_):
            c.fout(
                p,
                plek,
                f"{naam(term)} geeft geen adres: als map van de site ({adres}) blijft er niets van over",
                "een woord met letters (a-z, ook met accenten) of cijfers; het wordt een map van de site",
            )
        elif map_ in vast:
            c.fout(
                p,
                plek,
                f"{naam(term)} krijgt het adres {adres}, dat de site zelf al gebruikt",
                f"een ander woord: niet {opsomming(vast, maximum=len(vast))}",
            )
        elif (waar, map_) in bezet:
            # reported at the word the programme wrote, not at a default it left out
            eerste, tweede = (term, bezet[(waar, map_)]) if term in gegeven else (bezet[(waar, map_)], term)
            c.fout(
                p,
                ("termen", eerste),
                f"{naam(eerste)} krijgt hetzelfde adres {adres} als {naam(tweede)}",
                "voor elk een eigen woord: elk wordt een eigen map van de site",
            )
        bezet.setdefault((waar, map_), term)


def _idadres(c: Controle, obj: object, id_: str, termen: Termen, soort: Verzameling) -> None:
    """An id that gets a page of its own may not take the name of a page the site keeps in that folder."""
    map_ = termen.idmap(soort)
    if id_ in termen.vaste_namen(map_):
        c.fout(
            obj,
            ("id",),
            f"{enkelvoud(soort)} '{id_}' krijgt het adres /{map_}/{id_}/, dat de site zelf al gebruikt",
            f"een andere id: niet {opsomming(termen.vaste_namen(map_))}",
        )


def _opbouw(c: Controle, p: Programma) -> None:
    """Each chapter in the outline exists, and is placed once."""
    gebruikt: Counter[str] = Counter()
    for deel in p.opbouw:
        if deel.hoofdstuk is None:
            continue
        gebruikt[deel.hoofdstuk] += 1
        bestaand = c.bronnen.aanwezig[RecordSoort.HOOFDSTUK]
        if c.verwijzing(deel, ("hoofdstuk",), deel.hoofdstuk, bestaand, "hoofdstuk") and gebruikt[deel.hoofdstuk] > 1:
            c.fout(
                deel,
                ("hoofdstuk",),
                f"hoofdstuk '{deel.hoofdstuk}' staat twee keer in de opbouw",
                "elk hoofdstuk één keer",
            )


def _toegankelijkheid(c: Controle, p: Programma) -> None:
    """Status A and B rest on a complete evaluation by WCAG-EM: the statement names it."""
    status = p.toegankelijkheidsstatus
    if status is not None and status.vraagt_onderzoek and p.toegankelijkheidsonderzoek is None:
        c.fout(
            p,
            ("toegankelijkheid", "status"),
            f"toegankelijkheidsstatus {status.value} zonder het onderzoek waarop ze rust",
            "'onderzoek: {datum: JJJJ-MM-DD, uitvoerder: …, verslag: …}' onder 'toegankelijkheid' (een volledig "
            "onderzoek volgens WCAG-EM), of status C, D of E zolang dat onderzoek er niet is",
        )
