"""Compose the whole site as a tree of Markdown pages (and data files), engine-neutral."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources


from regioagenda.model.agenda import Agenda
from regioagenda.model.vergadering import Vergadering
from regioagenda.model.programma import Termen
from regioagenda.model.versieverschil import vergelijk_teksten
from regioagenda.samenstellen import diwoo, feeds, opendata
from regioagenda.samenstellen.voorstel import voorstelgegevens
from regioagenda.samenstellen.adressen import Adressen, Opties, pagina_url
from regioagenda.model.overzicht import opvolgstappen
from regioagenda.samenstellen.context import Context, Filter, Gedeeld, dossiergremia
from regioagenda.samenstellen.weergave import render
from regioagenda.model import planning
from regioagenda.model.vocab import RecordSoort
from regioagenda.records.wijzigingen import laatst_gewijzigd


class OnveiligAdres(ValueError):
    """A generated file would be written outside the site: an internal error, never the output of a clean check."""


_SEGMENT = re.compile(r"[a-z0-9_-][a-z0-9._-]*")
"""One part of a page's path: ASCII lowercase, digits, '.', '_' and '-', never starting with a dot."""


def veilig_adres(uri: str) -> bool:
    """Whether a path stays inside the site folder wherever it is joined: relative POSIX, plain parts only.

    Refused: an absolute path ('/index.md'), '..' and '.' parts, empty parts ('a//b'), backslashes,
    control characters, line breaks and anything else outside the part pattern.
    """
    return isinstance(uri, str) and all(_SEGMENT.fullmatch(deel) for deel in uri.split("/"))


@dataclass(frozen=True)
class Selectie:
    """What a filtered decision list shows: a kind of filter, its value and the value's name."""

    soort: Filter
    waarde: str
    naam: str

    def kop(self, termen: Termen) -> str:
        """The filter's kind as the programme names it ('Status', its own word for a region)."""
        return self.soort.kop(termen)

    def gekozen(self, soort: Filter, waarde: str) -> bool:
        """Whether ``soort`` = ``waarde`` is this filter (shown as chosen, not as a link)."""
        return self.soort == soort and self.waarde == waarde


@dataclass(frozen=True)
class Pagina:
    """One generated file: its path in the site tree, its content, the record it comes from, and, for a page
    that shows one fixed version of the agenda, that version's id (the werkversie and other pages: None). An Atom
    feed says which page it is the feed of, and its title (``feed``), so that the page can link it."""

    uri: str
    inhoud: str | bytes
    bron: str | None = None
    versie: str | None = None
    feed: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        # The last line behind the record rules: a word that slugified to nothing must not become '/index.md'.
        if not veilig_adres(self.uri):
            raise OnveiligAdres(f"onveilig paginapad {self.uri!r}: verwacht een relatief pad van [a-z0-9._-]-delen")

    @property
    def als_bytes(self) -> bytes:
        """The content as written to disk: text pages in UTF-8, data files as they are."""
        return self.inhoud.encode("utf-8") if isinstance(self.inhoud, str) else self.inhoud


def stel_samen(agenda: Agenda, opties: Opties | dt.date) -> list[Pagina]:
    """Every page and data file of the public site, sorted by path; confidential decisions are left out."""
    return sorted(genereer(agenda, opties), key=lambda p: p.uri)


def genereer(agenda: Agenda, opties: Opties | dt.date) -> Iterator[Pagina]:
    """The same pages one at a time, so that a writer need not hold the whole site in memory."""
    if isinstance(opties, dt.date):
        opties = Opties(opties)
    publiek = agenda if opties.intern else agenda.openbaar()
    gedeeld = Gedeeld(publiek)
    adres = gedeeld.adres
    dossiers = dossiergremia(publiek)
    pagina = lambda uri, template, bron=None, versie=None, **extra: Pagina(
        uri, render(template, z=Context(publiek, opties, uri, gedeeld=gedeeld), **extra), bron, versie
    )
    yield from [
        pagina(adres.HOME, "home.md.j2", agenda.programma.bestand),
        pagina(adres.DEELOPDRACHTEN, "deelopdrachten.md.j2"),
        pagina(adres.BESLUITEN, "besluiten.md.j2", besluiten=publiek.besluiten_op_nummer(), filter=None),
        *([pagina(adres.NULPLATEN, "nulplaten.md.j2")] if publiek.nulplaten else []),
        pagina(adres.PLANNING, "planning.md.j2"),
        pagina(adres.REGIOS, "regios.md.j2", agenda.programma.bestand),
        # Dockets exist where the programme's route names bodies; without one there is nothing to put on them.
        *(
            [pagina(adres.VERGADERINGEN, "vergaderingen.md.j2", dossiers=dossiers)]
            if dossiers or publiek.vergaderingen
            else []
        ),
        # The follow-up list exists where the route has follow-up steps (feedback, impact) after the decision.
        *([pagina(adres.OPVOLGING, "opvolging.md.j2")] if dossiers and opvolgstappen(publiek) else []),
        pagina(adres.OPEN_DATA, "opendata.md.j2"),
        pagina(adres.VOORSTEL, "voorstel.md.j2", kop=voorstelgegevens(publiek)),
        pagina(adres.TOEGANKELIJKHEID, "toegankelijkheid.md.j2", agenda.programma.bestand),
    ]
    yield from _agendapaginas(publiek, opties, pagina, adres)
    for regio in publiek.programma.regios:
        yield pagina(adres.regio(regio.id), "regio.md.j2", agenda.programma.bestand, regio=regio)
    organen = Context(publiek, opties, adres.VERGADERINGEN, gedeeld=gedeeld).vergaderorganen()
    for gremium_id in organen:
        yield pagina(
            adres.vergadering(gremium_id),
            "vergadering.md.j2",
            agenda.programma.bestand,
            gremium=publiek.programma.gremium(gremium_id),
        )
    for v in publiek.vergaderingen.values():
        yield pagina(adres.vergaderpagina(v), "vergaderpagina.md.j2", v.bestand, v=v)
        if v.heeft_besluitenlijst:
            yield pagina(adres.besluitenlijst(v), "besluitenlijst.md.j2", v.bestand, v=v)
        yield from _stukken(v, opties, adres)
    for soort, waarde, naam, lijst in gedeeld.filterlijsten:
        if not lijst:
            continue  # an empty filter is offered nowhere, so it gets no page either
        selectie = Selectie(soort, waarde, naam)
        yield pagina(adres.filter(soort, waarde), "besluiten.md.j2", besluiten=lijst, filter=selectie)
    # when each record last changed: one git log per build, for the feeds and the DiWoo sitemaps alike
    gewijzigd = laatst_gewijzigd(opties.root) if opties.root is not None else {}
    yield from _data(publiek, opties, adres, gewijzigd)
    for d in publiek.deelopdrachten.values():
        yield pagina(adres.deelopdracht(d.id), "deelopdracht.md.j2", d.bestand, d=d)
    for b in publiek.besluiten.values():
        yield pagina(adres.besluit(b), "besluit.md.j2", b.bestand, b=b)
    for n in publiek.nulplaten.values():
        yield pagina(adres.nulplaat(n.id), "nulplaat.md.j2", n.bestand, n=n)
    yield from _schemas(publiek, pagina, adres, _basis(opties))
    yield from _woo(publiek, opties, adres, gewijzigd)


def _stukken(v: Vergadering, opties: Opties, adres: Adressen) -> Iterator[Pagina]:
    """A public meeting's papers, as the records layer checked them (records/stukken.py), published as they are."""
    if opties.root is None:
        return  # a composition without a programme on disk (a test's model): its papers have no bytes to publish
    for stuk in v.alle_stukken():
        yield Pagina(adres.stuk(v, stuk), (opties.root / stuk.bestand).read_bytes(), v.bestand)


def _woo(agenda: Agenda, opties: Opties, adres: Adressen, gewijzigd: dict) -> Iterator[Pagina]:
    """The DiWoo sitemaps of the meetings' documents, when the programme names its Woo publisher and the site its
    https address (the harvester takes absolute https URLs only), with the robots.txt lines the domain needs."""
    woo = agenda.programma.woo
    if woo is None or not agenda.vergaderingen or not (opties.basis_url or "").startswith("https://"):
        return
    basis = opties.basis_url.rstrip("/") + "/"
    url = lambda uri: basis + pagina_url(uri, opties)
    organisatie = lambda o: diwoo.Publisher(o.naam, o.tooi)
    documenten = diwoo.woodocumenten(
        agenda.vergaderingen_op_datum(),
        organisatie(woo.publisher),
        lambda v, soort: url(
            adres.besluitenlijst(v) if soort is diwoo.Documentsoort.BESLUITENLIJST else adres.vergaderpagina(v)
        ),
        lambda v, stuk: basis + adres.stuk(v, stuk),
        gremiumnaam=lambda g: agenda.programma.gremium(g).naam,
        medeverantwoordelijken=tuple(organisatie(o) for o in woo.medeverantwoordelijken),
        gewijzigd=gewijzigd,
        peildatum=opties.peildatum,
    )
    bestanden = diwoo.sitemaps(documenten, basis)
    for pad, inhoud in sorted(bestanden.items()):
        yield Pagina(pad, inhoud)
    if bestanden:
        yield Pagina("diwoo/robots.txt", diwoo.robots_regels(bestanden, basis).encode())


def bevries(agenda: Agenda, peildatum: dt.date) -> str:
    """The composed agenda as frozen Markdown: public records only, no links, lateness as of ``peildatum``."""
    publiek = agenda.openbaar()
    z = Context(publiek, Opties(peildatum), Adressen(agenda.programma.termen).versie("bevroren"), bevroren=True)
    return render("agenda_inhoud.md.j2", z=z).strip() + "\n"


def _agendapaginas(agenda: Agenda, opties: Opties, pagina, adres: Adressen) -> list[Pagina]:
    """The agenda: the latest vastgestelde version as *the* agenda, the live werkversie, and every version.

    Before the first version is fixed there is one agenda page, the werkversie, at the agenda's own address.
    """
    versies = agenda.versies_op_volgorde()
    laatste = versies[-1] if versies else None
    inhoud = render("agenda_inhoud.md.j2", z=Context(agenda, opties, adres.WERKVERSIE))
    verschil = vergelijk_teksten(laatste.body, bevries(agenda, laatste.datum.eind)) if laatste else None
    werk = dict(inhoud=inhoud, laatste=laatste, verschil=verschil)
    uit = [pagina(adres.VERSIES, "versies.md.j2")] if versies else []  # no list until there is a version
    if laatste is None:
        # Nothing fixed yet: the werkversie is the agenda, at one address (one page per content, one search hit).
        inhoud = render("agenda_inhoud.md.j2", z=Context(agenda, opties, adres.AGENDA))
        uit.append(pagina(adres.AGENDA, "agenda.md.j2", agenda.programma.bestand, **dict(werk, inhoud=inhoud)))
    else:
        uit.append(pagina(adres.WERKVERSIE, "agenda.md.j2", agenda.programma.bestand, **werk))
    for i, v in enumerate(versies):
        vorige = versies[i - 1] if i else None
        latere = versies[i + 1] if i + 1 < len(versies) else None
        tussen = [
            b
            for b in agenda.besluiten_op_nummer()
            if b.accordering
            and b.accordering.bekend
            and (vorige is None or vorige.datum.eind < b.accordering.begin)
            and b.accordering.begin <= v.datum.eind
        ]
        extra = dict(
            v=v,
            vorige=vorige,
            latere=latere,
            tussen=tussen,
            verschil=vergelijk_teksten(vorige.body, v.body) if vorige else None,
        )
        uit.append(pagina(adres.versie(v.id), "versie.md.j2", v.bestand, versie=v.id, **extra))
        if v is laatste:  # the agenda's own address shows the latest fixed version
            uit.append(pagina(adres.AGENDA, "versie.md.j2", v.bestand, versie=v.id, **extra))
    return uit


def _gebruikte_schemas(agenda: Agenda) -> set[str]:
    """The schemas a reader of this programme can use: its open data and the kinds of record it has."""
    ongebruikt = {
        RecordSoort.NULPLAAT: not agenda.nulplaten,
        RecordSoort.RISICOS: agenda.risicoregister is None,
        RecordSoort.VERSIE: not agenda.versies,
    }
    return {soort.value for soort in RecordSoort if not ongebruikt.get(soort, False)}


def _basis(opties: Opties) -> str:
    """The site's address ending in '/', or "" when the build does not know it."""
    return opties.basis_url.rstrip("/") + "/" if opties.basis_url else ""


def _schemas(agenda: Agenda, pagina, adres: Adressen, basis: str) -> list[Pagina]:
    """The JSON Schemas of records and open data, published so that editors can offer completion, and their index
    page (``schemas/``), which names each by its own title; record kinds the programme has none of are left out."""
    uit, lijst = [], []
    gebruikt = _gebruikte_schemas(agenda)
    for bestand in sorted(resources.files("regioagenda.records").joinpath("schemas").iterdir(), key=lambda b: b.name):
        naam = bestand.name.removesuffix(".schema.json")
        if bestand.name.endswith(".schema.json") and (naam.startswith("data-") or naam in gebruikt):
            tekst = bestand.read_text("utf-8")
            schema = json.loads(tekst)  # shipped schemas must be valid JSON
            uri = Adressen.schema(naam)
            uit.append(Pagina(uri, opendata.gepubliceerd_schema(naam, tekst, basis)))
            lijst.append({"naam": bestand.name, "uri": uri, "titel": schema.get("title") or bestand.name})
    return [pagina(adres.SCHEMAS, "schemas.md.j2", schemas=lijst), *uit]


def _data(agenda: Agenda, opties: Opties, adres: Adressen, gewijzigd: dict) -> list[Pagina]:
    """Open data and feeds, with links made absolute when the site's address is known."""
    basis = _basis(opties)
    besluit_url = lambda b: basis + pagina_url(adres.besluit(b), opties)
    deel_url = lambda d: basis + pagina_url(adres.deelopdracht(d.id), opties)
    titel = agenda.programma.korte_naam
    # a feed names its own address and its page's, where the site's address is known (RFC 4287 'self')
    adressen = lambda feed, pagina: (basis + feed, basis + pagina_url(pagina, opties)) if basis else None
    atom = lambda lijst, feedtitel, feed_id, feed, pagina: Pagina(
        feed,
        feeds.atom(
            agenda,
            lijst,
            feedtitel,
            feed_id,
            besluit_url,
            agenda.status,
            peildatum=opties.peildatum,
            gewijzigd=gewijzigd,
            adressen=adressen(feed, pagina),
        ),
        feed=(pagina, feedtitel),
    )
    vergadering_url = lambda v: basis + pagina_url(adres.vergaderpagina(v), opties)
    vergaderingen = agenda.vergaderingen_op_datum()
    kalender = feeds.ical(
        agenda,
        planning.mijlpalen(agenda),
        deel_url,
        vergaderingen,
        vergadering_url,
        gewijzigd=gewijzigd,
        peildatum=opties.peildatum,
    )
    uit = [
        Pagina(adres.data("besluiten"), opendata.besluiten(agenda, opties.peildatum, besluit_url, basis=basis)),
        Pagina(
            adres.data(adres.onderdelenmap), opendata.deelopdrachten(agenda, opties.peildatum, deel_url, basis=basis)
        ),
        Pagina(adres.data("planning"), opendata.planning(agenda, opties.peildatum, basis=basis)),
        Pagina(adres.ICAL, kalender),
        atom(agenda.besluiten_op_nummer(), f"Besluiten {titel}", "besluiten", adres.ATOM, adres.BESLUITEN),
    ]
    besluitenlijst_url = lambda v: basis + pagina_url(adres.besluitenlijst(v), opties)
    if vergaderingen:
        inhoud = opendata.vergaderingen(
            agenda, vergadering_url, besluitenlijst_url, lambda v, stuk: basis + adres.stuk(v, stuk), basis=basis
        )
        uit.append(Pagina(adres.data("vergaderingen"), inhoud))
    for gremium_id in dict.fromkeys(v.gremium for v in vergaderingen):
        feed = feeds.vergaderfeed(
            agenda,
            gremium_id,
            vergadering_url,
            gewijzigd=gewijzigd,
            besluitenlijst_van=besluitenlijst_url,
            peildatum=opties.peildatum,
            adressen=adressen(adres.vergaderfeed(gremium_id), adres.vergadering(gremium_id)),
        )
        gremium = agenda.programma.gremium(gremium_id)
        uit.append(
            Pagina(
                adres.vergaderfeed(gremium_id),
                feed,
                feed=(adres.vergadering(gremium_id), f"Vergaderingen {gremium.naam}"),
            )
        )
    for regio in agenda.programma.regios:
        lijst = [b for b in agenda.besluiten_op_nummer() if agenda.betreft(b, regio.id)]
        uit.append(
            atom(
                lijst,
                f"Besluiten {titel} voor {regio.naam}",
                f"regio:{regio.id}",
                adres.regiofeed(regio.id),
                adres.regio(regio.id),
            )
        )
    return uit


__all__ = ["Adressen", "Context", "Opties", "Pagina", "pagina_url", "stel_samen"]
