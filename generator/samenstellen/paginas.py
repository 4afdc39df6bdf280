"""Compose the whole site as a tree of Markdown pages (and data files), engine-neutral."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import StrEnum
from collections.abc import Iterator
from functools import cached_property
from importlib import resources

from generator.nederlands import label
from generator.model.agenda import Agenda
from generator.model.besluit import Besluit
from generator.model.datum import Datum, Precisie
from generator.model.deelopdracht import Deelopdracht
from generator.model.overig import Hoofdstuk, Nulplaat
from generator.model.programma import OpbouwOnderdeel
from generator.samenstellen import feeds
from generator.samenstellen import opendata
from generator.model import overzicht
from generator.model import planning
from generator.model.nulplaatverschil import vergelijk
from generator.model.vocab import BesluitStatus, MijlpaalStatus, MijlpaalToestand, RegioStatus, Soort
from generator.model.versieverschil import vergelijk_teksten
from generator.samenstellen.weergave import NADER, relatief, render


@dataclass(frozen=True)
class Pagina:
    """One generated file: its path in the site tree, its content, and the record it comes from."""

    uri: str
    inhoud: str | bytes
    bron: str | None = None

    @property
    def als_bytes(self) -> bytes:
        """The content as written to disk: text pages in UTF-8, data files as they are."""
        return self.inhoud.encode("utf-8") if isinstance(self.inhoud, str) else self.inhoud


@dataclass(frozen=True)
class Opties:
    """How the site is built: the reference date, and how the engine turns page paths into URLs."""

    peildatum: dt.date
    basis_url: str = ""
    directory_urls: bool = True
    intern: bool = False
    """Internal build: confidential decisions included, each marked with a banner."""


class Adressen:
    """The URL scheme of generated pages; the only place that knows it."""

    HOME = "index.md"
    AGENDA = "uitvoeringsagenda/index.md"
    WERKVERSIE = "uitvoeringsagenda/werkversie.md"
    VERSIES = "uitvoeringsagenda/versies/index.md"
    DEELOPDRACHTEN = "deelopdrachten/index.md"
    BESLUITEN = "besluiten/index.md"
    NULPLATEN = "nulplaten/index.md"
    PLANNING = "planning/index.md"
    REGIOS = "regios/index.md"
    VERGADERINGEN = "vergaderingen/index.md"
    OPVOLGING = "vergaderingen/opvolging.md"
    OPEN_DATA = "open-data/index.md"
    ICAL = "planning.ics"
    ATOM = "feeds/besluiten.xml"

    @staticmethod
    def versie(versie_id: str) -> str:
        return f"uitvoeringsagenda/versies/{versie_id}.md"

    @staticmethod
    def regio(regio_id: str) -> str:
        return f"regios/{regio_id}.md"

    @staticmethod
    def regiofeed(regio_id: str) -> str:
        return f"feeds/regio-{regio_id}.xml"

    @staticmethod
    def vergadering(gremium_id: str) -> str:
        return f"vergaderingen/{gremium_id}.md"

    @staticmethod
    def filter(soort: str, waarde: str) -> str:
        return f"besluiten/{soort}/{waarde}.md"

    @staticmethod
    def data(naam: str) -> str:
        return f"data/{naam}.json"

    @staticmethod
    def besluit(besluit: Besluit) -> str:
        return f"besluiten/{besluit.code}-{besluit.slug}.md"

    @staticmethod
    def deelopdracht(deelopdracht_id: str) -> str:
        return f"deelopdrachten/{deelopdracht_id}.md"

    @staticmethod
    def nulplaat(nulplaat_id: str) -> str:
        return f"nulplaten/{nulplaat_id}.md"

    @staticmethod
    def schema(soort: str) -> str:
        return f"schemas/{soort}.schema.json"


@dataclass(frozen=True)
class Opbouwdeel:
    """One entry of the outline as the agenda shows it: a chapter or a generated section, with its heading levels."""

    onderdeel: OpbouwOnderdeel
    hoofdstuk: Hoofdstuk | None
    kopniveau: int | None
    """Level of the entry's own heading (None: a section without a heading of its own)."""
    sectieniveau: int | None
    """Level of the headings inside a generated section."""


class Gedeeld:
    """What every page of one build shares and should compute once, not once per page."""

    def __init__(self, agenda: Agenda):
        self.agenda = agenda

    @cached_property
    def filterlijsten(self) -> list[tuple[str, str, str, list[Besluit]]]:
        return filterlijsten(self.agenda)

    @cached_property
    def filterkeuzes(self) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """Per filter: its values with how many decisions each holds (empty values left out)."""
        keuzes: dict[Filter, list] = {soort: [] for soort in Filter}
        for soort, waarde, naam, lijst in self.filterlijsten:
            if lijst:
                keuzes[soort].append((waarde, naam, len(lijst)))
        return [(soort, soort.kop, waarden) for soort, waarden in keuzes.items() if waarden]


class Context:
    """What templates may ask about the agenda: names, links and derived statuses."""

    def __init__(
        self, agenda: Agenda, opties: Opties, uri: str, bevroren: bool = False, gedeeld: Gedeeld | None = None
    ):
        self.agenda = agenda
        self.bevroren = bevroren
        self.gedeeld = gedeeld or Gedeeld(agenda)
        self.programma = agenda.programma
        self.peildatum = opties.peildatum
        self.opties = opties
        self.uri = uri
        self.adres = Adressen

    def link(self, naar: str) -> str:
        return relatief(self.uri, naar)

    def status(self, besluit: Besluit) -> BesluitStatus:
        return self.agenda.status(besluit)

    def regionaam(self, regio_id: str) -> str:
        return self.programma.regio(regio_id).naam

    def gremiumnaam(self, gremium_id: str | None) -> str:
        return self.programma.gremium(gremium_id).naam if gremium_id else NADER

    def aanbiedernaam(self, aanbieder_id: str) -> str:
        return self.programma.aanbieder(aanbieder_id).naam

    def voorzieningnaam(self, voorziening_id: str) -> str:
        return self.programma.voorziening(voorziening_id).naam

    def deelopdracht(self, deelopdracht_id: str) -> Deelopdracht:
        return self.agenda.deelopdrachten[deelopdracht_id]

    def besluit(self, nummer: int) -> Besluit | None:
        """A public decision, or None when it is confidential (templates then say so without a link)."""
        return self.agenda.besluiten.get(nummer)

    def planning(self, deelopdracht: Deelopdracht | None = None) -> dict:
        """Timeline rows with their grid columns, and milestones grouped by state."""
        balken = planning.balken(self.agenda, deelopdracht)
        mijlpalen = planning.mijlpalen(self.agenda, deelopdracht)
        as_ = planning.tijdas(balken, mijlpalen, self.programma.periode)
        rijen: list[dict] = []
        for balk in balken:
            if balk.gedateerd:
                rijen.append(
                    {"groep": balk.groep, "label": balk.label, "balk": balk, "kolommen": as_.bereik(balk.van, balk.tot)}
                )
            elif rijen and rijen[-1]["kolommen"] is None and rijen[-1]["groep"] == balk.groep:
                rijen[-1]["label"] += ", " + balk.label  # one row for a charter's undated phases
            else:
                rijen.append({"groep": balk.groep, "label": balk.label, "balk": balk, "kolommen": None})
        markeringen = [
            {"p": p, "kolom": as_.kolom(p.mijlpaal.datum.begin), "toestand": p.toestand(self.peildatum)}
            for p in mijlpalen
            if p.mijlpaal.datum.bekend
        ]
        return {
            "as": as_,
            "rijen": rijen,
            "markeringen": markeringen,
            "mijlpalen": mijlpalen,
            "groepen": planning.per_toestand(mijlpalen, self.peildatum),
            "altijd_tonen": (MijlpaalToestand.TE_LAAT, MijlpaalToestand.KOMEND, MijlpaalToestand.GEREED),
        }

    def regiobesluiten(self, regio_id: str) -> list[Besluit]:
        """Decisions that apply to a region, in the order they started."""
        lijst = [b for b in self.agenda.besluiten_op_nummer() if regio_id in b.regios]
        return sorted(lijst, key=lambda b: (min((s.datum for s in b.verloop), default=None) or _GEEN, b.nummer))

    def advies(self, besluit: Besluit) -> str | None:
        return overzicht.advies(besluit)

    def dossier(self, gremium_id: str) -> list[Besluit]:
        return overzicht.dossier(self.agenda, gremium_id)

    def opvolging(self) -> list[tuple[Besluit, list[str]]]:
        return overzicht.opvolging(self.agenda)

    def filterkeuzes(self) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """Per filter: its values with how many decisions each holds (empty values left out)."""
        return self.gedeeld.filterkeuzes

    def verschil(self, oud: Nulplaat, nieuw: Nulplaat):
        return vergelijk(oud, nieuw)

    def knopgroepen(self, nulplaat: Nulplaat) -> list[tuple[str | None, list]]:
        """Levers grouped by segment and role as the record gives them, in the record's order."""
        namen = dict(nulplaat.segmenten) | dict(nulplaat.rollen)
        groepen: dict[tuple, list] = {}
        for knop in nulplaat.knoppen:
            groepen.setdefault((knop.segment, knop.rol), []).append(knop)
        return [(" — ".join(namen[x] for x in sleutel if x) or None, knoppen) for sleutel, knoppen in groepen.items()]

    def opbouw(self) -> list[Opbouwdeel]:
        """The agenda's outline with heading levels: a chapter's from its number, a section's from what precedes it."""
        uit, niveau = [], 1
        for o in self.programma.opbouw:
            if o.hoofdstuk:
                h = self.agenda.hoofdstukken[o.hoofdstuk]
                uit.append(Opbouwdeel(o, h, h.niveau, None))
                niveau = h.niveau
                continue
            kopniveau = None
            if o.titel:
                kopniveau = o.nummer.count(".") + 2 if o.nummer else max(niveau, 2)
                niveau = kopniveau
            uit.append(Opbouwdeel(o, None, kopniveau, min(niveau + 1, 6)))
        return uit

    @property
    def statuskop(self) -> str:
        """Column heading for a decision's status on the programme route: '3Noord-status'."""
        return f"{self.programma.kortenaam or 'Programma'}-status"

    def vervangen_door(self, besluit: Besluit) -> list[int | None]:
        """Numbers of the decisions that replace this one; None for one that is confidential (named, never linked)."""
        uit: list[int | None] = [v.nummer for v in self.agenda.vervangen_door(besluit)]
        return uit + ([None] if besluit.nummer in self.agenda.verborgen_vervangen else [])

    def ter_besluitvorming(self, besluit: Besluit) -> bool:
        return self.agenda.status(besluit) is BesluitStatus.TER_BESLUITVORMING

    def routestap(self, besluit: Besluit, stap) -> str:
        gevonden = self.programma.routestap_voor(stap.gremium, stap.uitkomst)
        return gevonden[1].naam if gevonden else label(stap.uitkomst)

    def regiorij(self, besluit: Besluit, regio_id: str) -> dict:
        regio = self.programma.regio(regio_id)
        stappen = besluit.regionaal.get(regio_id, ())
        status = besluit.regio_status(regio_id)
        wachtend = (
            besluit.dagen_wachtend(self.peildatum) if status in (RegioStatus.OPEN, RegioStatus.IN_PROCEDURE) else None
        )
        return {
            "regio": regio,
            "status": status,
            "stappen": stappen,
            "wachtend": wachtend,
            "te_laat": besluit.regio_te_laat(regio, self.peildatum),
            "laatste_stap": regio.stap(stappen[-1].stap).naam if stappen else None,
        }

    def nog_te_bekrachtigen(self) -> list[tuple[Besluit, overzicht.Wachtend]]:
        """Accorded decisions a region has not finished, oldest first."""
        return [(w.besluit, w) for w in overzicht.wachtende_bekrachtigingen(self.agenda, self.peildatum)]

    def laatste_besluiten(self, aantal: int = 5) -> list[Besluit]:
        besluiten = self.agenda.besluiten_op_nummer()

        def sleutel(b: Besluit) -> tuple:
            laatste = b.laatste_datum
            return ((laatste.begin, laatste.eind) if laatste else (dt.date.min, dt.date.min), b.nummer)

        return sorted(besluiten, key=sleutel, reverse=True)[:aantal]

    def komende_mijlpalen(self, aantal: int = 5) -> list[tuple[Deelopdracht, object]]:
        paren = [
            (d, m)
            for d in self.agenda.deelopdrachten_op_volgorde()
            for _, m in d.mijlpalen
            if m.datum.eind >= self.peildatum and m.status is MijlpaalStatus.OPEN
        ]
        return sorted(paren, key=lambda p: (p[1].datum, p[0].plaats, p[1].titel))[:aantal]


_GEEN = Datum(dt.date.min, dt.date.min, Precisie.ONBEKEND)


def stel_samen(agenda: Agenda, opties: Opties | dt.date) -> list[Pagina]:
    """Every page and data file of the public site, sorted by path; confidential decisions are left out."""
    return sorted(genereer(agenda, opties), key=lambda p: p.uri)


def genereer(agenda: Agenda, opties: Opties | dt.date) -> Iterator[Pagina]:
    """The same pages one at a time, so that a writer need not hold the whole site in memory."""
    if isinstance(opties, dt.date):
        opties = Opties(opties)
    publiek = agenda if opties.intern else agenda.openbaar()
    gedeeld = Gedeeld(publiek)
    pagina = lambda uri, template, bron=None, **extra: Pagina(
        uri, render(template, z=Context(publiek, opties, uri, gedeeld=gedeeld), **extra), bron
    )
    yield from [
        pagina(Adressen.HOME, "home.md.j2", agenda.programma.bestand),
        pagina(Adressen.DEELOPDRACHTEN, "deelopdrachten.md.j2"),
        pagina(Adressen.BESLUITEN, "besluiten.md.j2", besluiten=publiek.besluiten_op_nummer(), filter=None),
        pagina(Adressen.NULPLATEN, "nulplaten.md.j2"),
        pagina(Adressen.PLANNING, "planning.md.j2"),
        pagina(Adressen.REGIOS, "regios.md.j2", agenda.programma.bestand),
        pagina(Adressen.VERGADERINGEN, "vergaderingen.md.j2", dossiers=dossiergremia(publiek)),
        pagina(Adressen.OPVOLGING, "opvolging.md.j2"),
        pagina(Adressen.OPEN_DATA, "opendata.md.j2"),
    ]
    yield from _agendapaginas(publiek, opties, pagina)
    for regio in publiek.programma.regios:
        yield pagina(Adressen.regio(regio.id), "regio.md.j2", agenda.programma.bestand, regio=regio)
    for gremium_id in dossiergremia(publiek):
        yield pagina(
            Adressen.vergadering(gremium_id),
            "vergadering.md.j2",
            agenda.programma.bestand,
            gremium=publiek.programma.gremium(gremium_id),
        )
    for soort, waarde, naam, lijst in gedeeld.filterlijsten:
        yield pagina(Adressen.filter(soort, waarde), "besluiten.md.j2", besluiten=lijst, filter=(soort, waarde, naam))
    yield from _data(publiek, opties)
    for d in publiek.deelopdrachten.values():
        yield pagina(Adressen.deelopdracht(d.id), "deelopdracht.md.j2", d.bestand, d=d)
    for b in publiek.besluiten.values():
        yield pagina(Adressen.besluit(b), "besluit.md.j2", b.bestand, b=b)
    for n in publiek.nulplaten.values():
        yield pagina(Adressen.nulplaat(n.id), "nulplaat.md.j2", n.bestand, n=n)
    yield from _schemas()


def bevries(agenda: Agenda, peildatum: dt.date) -> str:
    """The composed agenda as frozen Markdown: public records only, no links, lateness as of ``peildatum``."""
    publiek = agenda.openbaar()
    z = Context(publiek, Opties(peildatum), Adressen.versie("bevroren"), bevroren=True)
    return render("agenda_inhoud.md.j2", z=z).strip() + "\n"


def _agendapaginas(agenda: Agenda, opties: Opties, pagina) -> list[Pagina]:
    """The agenda: the latest vastgestelde version as *the* agenda, the live werkversie, and every version."""
    versies = agenda.versies_op_volgorde()
    laatste = versies[-1] if versies else None
    inhoud = render("agenda_inhoud.md.j2", z=Context(agenda, opties, Adressen.WERKVERSIE))
    verschil = vergelijk_teksten(laatste.body, bevries(agenda, laatste.datum.eind)) if laatste else None
    werk = dict(inhoud=inhoud, laatste=laatste, verschil=verschil)
    uit = [
        pagina(Adressen.WERKVERSIE, "agenda.md.j2", agenda.programma.bestand, **werk),
        pagina(Adressen.VERSIES, "versies.md.j2"),
    ]
    if laatste is None:
        uit.append(
            pagina(
                Adressen.AGENDA,
                "agenda.md.j2",
                agenda.programma.bestand,
                **dict(werk, inhoud=render("agenda_inhoud.md.j2", z=Context(agenda, opties, Adressen.AGENDA))),
            )
        )
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
        uit.append(pagina(Adressen.versie(v.id), "versie.md.j2", v.bestand, **extra))
        if v is laatste:
            uit.append(pagina(Adressen.AGENDA, "versie.md.j2", v.bestand, **extra))
    return uit


def _schemas() -> list[Pagina]:
    """The JSON Schemas of records and open data, published so that editors can offer completion."""
    uit = []
    for bestand in sorted(resources.files("generator.records").joinpath("schemas").iterdir(), key=lambda b: b.name):
        if bestand.name.endswith(".schema.json"):
            tekst = bestand.read_text("utf-8")
            json.loads(tekst)  # shipped schemas must be valid JSON
            uit.append(Pagina(Adressen.schema(bestand.name.removesuffix(".schema.json")), tekst))
    return uit


def pagina_url(uri: str, opties: Opties) -> str:
    """The URL of a page relative to the site root, as the engine will serve it."""
    if not uri.endswith(".md"):
        return uri
    zonder = uri.removesuffix(".md")
    if not opties.directory_urls:
        return zonder + ".html"
    if zonder == "index" or zonder.endswith("/index"):
        return zonder.removesuffix("index")
    return zonder + "/"


def _data(agenda: Agenda, opties: Opties) -> list[Pagina]:
    """Open data and feeds, with links made absolute when the site's address is known."""
    basis = opties.basis_url.rstrip("/") + "/" if opties.basis_url else ""
    besluit_url = lambda b: basis + pagina_url(Adressen.besluit(b), opties)
    deel_url = lambda d: basis + pagina_url(Adressen.deelopdracht(d.id), opties)
    titel = agenda.programma.korte_naam
    uit = [
        Pagina(Adressen.data("besluiten"), opendata.besluiten(agenda, opties.peildatum, besluit_url)),
        Pagina(Adressen.data("deelopdrachten"), opendata.deelopdrachten(agenda, opties.peildatum, deel_url)),
        Pagina(Adressen.data("planning"), opendata.planning(agenda, opties.peildatum)),
        Pagina(Adressen.ICAL, feeds.ical(agenda, planning.mijlpalen(agenda), deel_url)),
        Pagina(
            Adressen.ATOM,
            feeds.atom(
                agenda, agenda.besluiten_op_nummer(), f"Besluiten {titel}", "besluiten", besluit_url, agenda.status
            ),
        ),
    ]
    for regio in agenda.programma.regios:
        lijst = [b for b in agenda.besluiten_op_nummer() if regio.id in b.regios]
        uit.append(
            Pagina(
                Adressen.regiofeed(regio.id),
                feeds.atom(
                    agenda,
                    lijst,
                    f"Besluiten {titel} voor {regio.naam}",
                    f"regio:{regio.id}",
                    besluit_url,
                    agenda.status,
                ),
            )
        )
    return uit


dossiergremia = overzicht.dossiergremia


class Filter(StrEnum):
    """Dimensions of the static decision filters; the value is the folder in the site, the label its heading."""

    STATUS = "status"
    SOORT = "soort"
    GREMIUM = "gremium"
    DEELOPDRACHT = "deelopdracht"
    REGIO = "regio"

    @property
    def kop(self) -> str:
        return self.value.capitalize()


def filterlijsten(agenda: Agenda) -> list[tuple[str, str, str, list[Besluit]]]:
    """Static filtered decision lists: (kind, value, label, decisions) for every value of every filter."""
    besluiten = agenda.besluiten_op_nummer()
    uit = [(Filter.STATUS, s.value, label(s), [b for b in besluiten if agenda.status(b) is s]) for s in BesluitStatus]
    uit += [(Filter.SOORT, s.value, label(s), [b for b in besluiten if b.soort is s]) for s in Soort]
    uit += [
        (Filter.GREMIUM, g.id, g.naam, [b for b in besluiten if any(st.gremium == g.id for st in b.verloop)])
        for g in agenda.programma.gremia
    ]
    uit += [
        (Filter.DEELOPDRACHT, d.id, d.titel, agenda.besluiten_voor(d.id)) for d in agenda.deelopdrachten_op_volgorde()
    ]
    uit += [(Filter.REGIO, r.id, r.naam, [b for b in besluiten if r.id in b.regios]) for r in agenda.programma.regios]
    return uit


__all__ = ["Adressen", "Context", "Opties", "Pagina", "pagina_url", "stel_samen"]
