"""What templates may ask about the agenda: names, links, derived statuses and the outline, computed once per build."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from importlib import metadata

from markupsafe import Markup

from regioagenda.model import overzicht, planning
from regioagenda.model.agenda import Agenda
from regioagenda.model.besluit import Besluit
from regioagenda.model.datum import Datum, Precisie
from regioagenda.model.deelopdracht import Deelopdracht
from regioagenda.model.nulplaatverschil import vergelijk
from regioagenda.model.overig import Hoofdstuk, Nulplaat, Versie
from regioagenda.model.programma import OpbouwOnderdeel, Regio, Termen, hoofdletter as tot_hoofdletter
from regioagenda.model.vergadering import Stuk, Vergadering
from regioagenda.model.vocab import (
    Betekenis,
    BesluitStatus,
    Kenmerk,
    MijlpaalToestand,
    RegioStatus,
    Soort,
    VergaderStatus,
)
from regioagenda.nederlands import datum as nl_datum, label
from regioagenda.samenstellen.adressen import Adressen, Opties
from regioagenda.samenstellen.woorden import regiostand, statuswoord
from regioagenda.samenstellen.weergave import NADER, brontitel, bronvermelding, dagen, inline, relatief


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
        self.adres = Adressen(agenda.programma.termen)
        """The URL scheme in the programme's own words, the same for every page."""

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
        termen = self.agenda.programma.termen
        return [(soort, soort.kop(termen), waarden) for soort, waarden in keuzes.items() if waarden]


def _aantal(stap) -> str:
    """How many members took a step the source counts without names: '17 van 18', or '17 leden'."""
    return f"{stap.aantal} van {stap.van}" if stap.van is not None else f"{stap.aantal} leden"


class Context:
    """What templates may ask about the agenda: names, links and derived statuses."""

    LAATSTE_BESLUITEN = 5
    """How many recent decisions the home page lists."""
    KOMENDE_MIJLPALEN = 5
    """How many upcoming milestones the home page lists."""
    LANGST_WACHTEND = 10
    """How many open ratifications the home page lists; the rest are on the regions' page."""

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
        self.adres = self.gedeeld.adres
        self.term = agenda.programma.termen

    @property
    def generator(self) -> str:
        """The generator and its version, as the accessibility statement names what tested the pages' make-up."""
        return f"regioagenda {metadata.version('regioagenda')}"

    @property
    def peildag(self) -> str:
        """The peildatum as readers write a date: '22 november 2026'."""
        return nl_datum(Datum(self.peildatum, self.peildatum, Precisie.DAG))

    @property
    def periode(self) -> Markup:
        """The programme's period in years, '2024 – 2027', an open end or the whole 'nader in te vullen'."""
        van, tot = self.programma.periode
        if not (van or tot):
            return NADER
        return (inline(van) if van else NADER) + " – " + (inline(tot) if tot else NADER)

    @property
    def hoofdbron(self):
        """The programme's own document in its register of sources (the first), if it keeps one."""
        return self.programma.bronnen[0] if self.programma.bronnen else None

    def link(self, naar: str) -> str:
        return relatief(self.uri, naar)

    def status(self, besluit: Besluit) -> BesluitStatus:
        return self.agenda.status(besluit)

    def regionaam(self, regio_id: str) -> str:
        return self.programma.regio(regio_id).naam

    def regiostapnaam(self, regio_id: str, stap_id: str) -> str:
        """The name of a step of a region's own route ('Raadsbesluit')."""
        return self.programma.regio(regio_id).stap(stap_id).naam

    def termijn(self, regio_id: str) -> Markup:
        """A region's term for its own route in days, or 'nader in te vullen'."""
        dagen_ = self.programma.regio(regio_id).termijn_dagen
        return dagen(dagen_) if dagen_ else NADER

    def regiogroepen(self) -> list[tuple[Regio, tuple[Regio, ...]]]:
        """The regions made up of others, each with its parts, in the programme's order."""
        return [(r, self.programma.delen(r)) for r in self.programma.regios if r.onderdelen]

    @property
    def geldende_versie(self) -> Versie | None:
        """The latest vastgestelde version, the one in force; None before the first."""
        versies = self.agenda.versies_op_volgorde()
        return versies[-1] if versies else None

    def versies_nieuwste_eerst(self) -> list[Versie]:
        return self.agenda.versies_op_volgorde()[::-1]

    @property
    def werkversie(self) -> str:
        """Where the working version is: its own page once a version is in force, else the agenda's page."""
        return self.adres.WERKVERSIE if self.agenda.versies else self.adres.AGENDA

    def regiowoord(self, regio_ids, meervoud: bool = True, hoofdletter: bool = False) -> str:
        """The word for these regions: their level's own when they share one ('gemeenten'), else the programme's."""
        niveaus = {self.programma.regio(r).niveau for r in regio_ids}
        enkel, meer = self.programma.niveauwoorden(niveaus.pop() if len(niveaus) == 1 else 0)
        woord = meer if meervoud else enkel
        return tot_hoofdletter(woord) if hoofdletter else woord

    def selectie(self, regio_ids: tuple[str, ...], bekend: bool = True) -> Markup:
        """A selection of regions in words: 'alle regio's', 'geen', their names, or that the source does not say."""
        alle = tuple(r.id for r in self.programma.hoofdregios)
        if not bekend:
            return inline(f"welke {self.term.regios}, staat niet in de bron")
        if not regio_ids:
            return inline(f"geen ({self.term.regios} niet van toepassing)")
        if set(regio_ids) == set(alle) and len(alle) > 1:
            return inline(f"alle {self.term.regios}")
        return inline(", ".join(self.regionaam(r) for r in regio_ids))

    def open_kenmerken(self, d: Deelopdracht) -> list[str]:
        """The charter fields the programme uses that this charter leaves open, in the programme's words."""
        sjabloon = self.programma.sjabloon
        return d.open_kenmerken(self.term.onderdelen, sjabloon.gebruikt, sjabloon.naam)

    def open_fasevelden(self, fase) -> list[str]:
        """The phase fields the programme uses that this phase leaves open."""
        return fase.open_velden_van(self.programma.sjabloon.gebruikt)

    def gebruikt(self, veld: str) -> bool:
        """Whether the programme's charters use a field ('kengetallen', 'prioriteit'): its template lists it."""
        return self.programma.sjabloon.gebruikt(Kenmerk(veld))

    def bloknaam(self, blok: str, standaard: str) -> str:
        """The programme's name for a block of a charter ('Deelprojecten'), or the generator's."""
        return self.programma.sjabloon.naam(blok, standaard)

    def aanspreekpunt(self, d: Deelopdracht) -> str | None:
        """A charter's contact as readers know it: the region's name, or the person or role; None when open."""
        if d.aanspreekpunt:
            return self.regionaam(d.aanspreekpunt)
        return str(d.aanspreekpersoon) if d.aanspreekpersoon is not None else None

    @staticmethod
    def brontitel(document) -> str:
        return brontitel(document)

    def gedeelde_bron(self, items) -> Markup | None:
        """The source every item cites, as readers see it, when it is one and the same (then said once)."""
        vermeldingen = {str(self.bron(i.bron)) for i in items if i.bron}
        return Markup(vermeldingen.pop()) if len(vermeldingen) == 1 and all(i.bron for i in items) else None

    def bron(self, tekst: str) -> Markup:
        """A record's source as readers read it (the register's title, no line numbers)."""
        return bronvermelding(self.programma, tekst)

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

    ALTIJD_TONEN = (MijlpaalToestand.TE_LAAT, MijlpaalToestand.KOMEND, MijlpaalToestand.GEREED)
    """Milestone states the lists always show, with 'Geen.' when empty; the others only when they hold any."""

    def planning(self, deelopdracht: Deelopdracht | None = None) -> dict:
        """Timeline rows with their grid columns, and milestones grouped by state."""
        balken = planning.balken(self.agenda, deelopdracht)
        mijlpalen = planning.mijlpalen(self.agenda, deelopdracht)
        van, tot = self.programma.periode
        as_ = planning.tijdas(balken, mijlpalen, (van or tot or self.peildatum.year, tot or van or self.peildatum.year))
        rijen: list[dict] = []
        for balk in balken:
            if balk.gedateerd:
                kolommen = as_.bereik(balk.van, balk.tot)
                raster = (as_.raster(kolommen[0]), as_.raster(kolommen[1]))
                rijen.append(
                    {"groep": balk.groep, "label": balk.label, "balk": balk, "kolommen": kolommen, "raster": raster}
                )
            elif rijen and rijen[-1]["kolommen"] is None and rijen[-1]["groep"] == balk.groep:
                rijen[-1]["label"] += ", " + balk.label  # one row for a charter's undated phases
            else:
                rijen.append({"groep": balk.groep, "label": balk.label, "balk": balk, "kolommen": None, "raster": None})
        markeringen = [
            {
                "p": p,
                "kolom": as_.kolom(p.mijlpaal.datum.begin),
                "raster": as_.raster(as_.kolom(p.mijlpaal.datum.begin)),
                "toestand": p.toestand(self.peildatum),
            }
            for p in mijlpalen
            if p.mijlpaal.datum.bekend
        ]
        groepen = planning.per_toestand(mijlpalen, self.peildatum)
        return {
            "as": as_,
            "rijen": rijen,
            "balken": balken,
            "markeringen": markeringen,
            "getekend": bool(markeringen) or any(r["kolommen"] for r in rijen),
            "mijlpalen": mijlpalen,
            "groepen": groepen,
            "lijsten": [(t, lijst) for t, lijst in groepen.items() if lijst or t in self.ALTIJD_TONEN],
        }

    def betreft(self, besluit: Besluit, regio_id: str) -> bool:
        """Whether a decision concerns a region: it or a region above it must ratify, or it recorded steps."""
        return self.agenda.betreft(besluit, regio_id)

    def besluiten_binnen(self, regio_id: str) -> list[Besluit]:
        """Decisions that concern a region or any region within it, by number."""
        delen = self.programma.regio(regio_id).onderdelen
        return [b for b in self.agenda.besluiten_op_nummer() if any(self.betreft(b, r) for r in (regio_id, *delen))]

    def bekrachtigers(self, besluit: Besluit) -> list[str]:
        """The regions whose ratification counts for a decision, at the level where it was recorded: each region
        named, or its parts where those recorded something (a step, a count, 'onbekend'); then regions that
        recorded steps outside those named."""
        p = self.programma
        vermeld = set(besluit.regionale_stappen) | set(besluit.regios_onbekend)

        def eronder(r: str) -> bool:
            return any(d in vermeld or eronder(d) for d in p.regio(r).onderdelen)

        def uitgevouwen(r: str) -> list[str]:
            if r in vermeld or not eronder(r):
                return [r]
            return [x for d in p.regio(r).onderdelen for x in uitgevouwen(d)]

        uit = list(dict.fromkeys(x for r in besluit.regios for x in uitgevouwen(r)))
        extra = [r.id for r in p.regios if r.id in vermeld and r.id not in uit and not p.valt_onder(r.id, set(uit))]
        return [*uit, *extra]

    def regiobesluiten(self, regio_id: str) -> list[Besluit]:
        """Decisions that apply to a region, in the order they started."""
        lijst = [b for b in self.agenda.besluiten_op_nummer() if self.betreft(b, regio_id)]
        return sorted(lijst, key=lambda b: (min((s.datum for s in b.verloop), default=None) or _GEEN, b.nummer))

    def advies(self, besluit: Besluit) -> str | None:
        return overzicht.advies(besluit)

    def dossier(self, gremium_id: str) -> list[Besluit]:
        return overzicht.dossier(self.agenda, gremium_id)

    def opvolging(self) -> list[tuple[Besluit, list[str]]]:
        return overzicht.opvolging(self.agenda)

    def vergaderorganen(self) -> list[str]:
        """The bodies with a page: those with a docket, in route order, then those that only meet."""
        uit = list(overzicht.dossiergremia(self.agenda))
        uit += [g.id for g in self.programma.gremia if g.id not in uit and self.agenda.vergaderingen_op_datum(g.id)]
        return uit

    def vergaderingen(self, gremium_id: str | None = None, komend: bool | None = None) -> list[Vergadering]:
        """A body's meetings (or all), oldest first; ``komend``: only those on or after the peildatum, or before."""
        lijst = self.agenda.vergaderingen_op_datum(gremium_id)
        if komend is None:
            return lijst
        return [v for v in lijst if (v.datum.begin >= self.peildatum) is komend]

    def komende_vergaderingen(self, aantal: int = 3) -> list[Vergadering]:
        """The next meetings of any body (home page), not the ones called off."""
        return [v for v in self.vergaderingen(komend=True) if v.status is not VergaderStatus.AFGELAST][:aantal]

    def vergadertitel(self, v: Vergadering) -> str:
        """A meeting's name: its own title, else its body's."""
        return v.titel or self.programma.gremium(v.gremium).naam

    @staticmethod
    def vergadertijd(v: Vergadering) -> str:
        """'12 juni 2024, 10:00–12:00 uur'; the day alone when the record gives no time."""
        tijd = f"{v.begin:%H:%M}" + (f"–{v.eind:%H:%M}" if v.eind else "") + " uur" if v.begin else ""
        return nl_datum(v.datum) + (f", {tijd}" if tijd else "")

    def vergaderadres(self, vergadering_id: str) -> str:
        return self.adres.vergaderpagina(self.agenda.vergaderingen[vergadering_id])

    def vergaderingen_over(self, besluit: Besluit) -> list[tuple[Vergadering, object]]:
        """The meetings that had this decision on their agenda, with the item, oldest first."""
        return self.agenda.vergaderingen_over(besluit.nummer)

    def stukadres(self, v: Vergadering, stuk: Stuk) -> str:
        return self.adres.stuk(v, stuk)

    @staticmethod
    def stukgegevens(stuk: Stuk) -> str:
        """What a reader wants to know before opening a paper: its type, size and date ('PDF, 120 kB, 3 juni 2024')."""
        soort = STUKSOORTEN.get(stuk.mediatype, stuk.naam.rsplit(".", 1)[-1].upper())
        grootte = f"{max(1, round(stuk.grootte / 1024)):,} kB".replace(",", ".")
        return ", ".join(x for x in (soort, grootte, nl_datum(stuk.datum) if stuk.datum else None) if x)

    @property
    def dossiers(self) -> list[str]:
        """The bodies with a docket (they advise or decide in the programme route)."""
        return overzicht.dossiergremia(self.agenda)

    def opvolgstappen(self) -> list[str]:
        return overzicht.opvolgstappen(self.agenda)

    def statuswoord(self, status: BesluitStatus) -> str:
        """How this programme words a status (see ``statuswoord``)."""
        return statuswoord(self.programma, status)

    def filterkeuzes(self) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
        """Per filter: its values with how many decisions each holds (empty values left out)."""
        return self.gedeeld.filterkeuzes

    def gefilterd(self, soort: str, waarde: str) -> int:
        """How many decisions one filter page lists (0: there is no such page)."""
        return next((len(lijst) for s, w, _, lijst in self.gedeeld.filterlijsten if (s, w) == (soort, waarde)), 0)

    def nulplaten(self) -> list[Nulplaat]:
        """All nulplaten by peildatum, those of one peildatum by id (the order of the home page and the list)."""
        return sorted(sorted(self.agenda.nulplaten.values(), key=lambda n: n.id), key=lambda n: n.peildatum)

    def vorige_nulplaat(self, nulplaat: Nulplaat) -> Nulplaat | None:
        """The snapshot this one revises, when it is in this agenda."""
        return self.agenda.nulplaten.get(nulplaat.vervangt) if nulplaat.vervangt else None

    def verschil_met_vorige(self, nulplaat: Nulplaat):
        """What changed since the snapshot this one revises; None when it revises none (in this agenda)."""
        vorige = self.vorige_nulplaat(nulplaat)
        return vergelijk(vorige, nulplaat) if vorige else None

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

    def wacht_sinds(self, besluit: Besluit) -> Wachttijd | None:
        """Since when an open decision waits on its route, and on whom: from the step that put it where it is.

        None once it is decided or withdrawn, and when its latest step only took note: a body that took note
        says nothing about a next step, so no wait is claimed.
        """
        if self.status(besluit) not in (
            BesluitStatus.VOORGESTELD,
            BesluitStatus.TER_BESLUITVORMING,
            BesluitStatus.AANGEHOUDEN,
        ):
            return None
        if overzicht.alleen_kennisgenomen(besluit):
            return None
        stap = besluit.statusstap
        if stap is None or not stap.datum.bekend:
            return None
        laatste = stap.datum
        dagen = (self.peildatum - laatste.begin).days if laatste.precisie is Precisie.DAG else None
        op = [self.programma.gremium(g).naam for g in overzicht.wacht_op(self.agenda, besluit)]
        return Wachttijd(laatste, dagen if dagen is None or dagen >= 0 else None, ", ".join(op) or None)

    def wachtrijen(self) -> list[tuple[object, list[Besluit], Wachttijd | None]]:
        """Per body of the route: what waits on it, and the longest-waiting of those (home page)."""
        uit = []
        for gremium_id in overzicht.dossiergremia(self.agenda):
            besluiten = self.dossier(gremium_id)
            tijden = [w for w in map(self.wacht_sinds, besluiten) if w is not None]
            oudste = min(tijden, key=lambda w: (w.datum, w.datum.eind), default=None)
            uit.append((self.programma.gremium(gremium_id), besluiten, oudste))
        return uit

    def stand_onderdeel(self, d: Deelopdracht) -> dict:
        """How one part stands: its status, its next milestone, and how many milestones are late."""
        toestanden = [(m, m.toestand(self.peildatum)) for _, m in d.mijlpalen]
        komend = [m for m, t in toestanden if t is MijlpaalToestand.KOMEND]
        return {
            "volgende": min(komend, key=lambda m: (m.datum, m.titel), default=None),
            "te_laat": sum(1 for _, t in toestanden if t is MijlpaalToestand.TE_LAAT),
        }

    def ter_besluitvorming(self, besluit: Besluit) -> bool:
        return self.agenda.status(besluit) is BesluitStatus.TER_BESLUITVORMING

    def routestap(self, besluit: Besluit, stap) -> str:
        gevonden = self.programma.routestap_voor(stap.gremium, stap.uitkomst)
        return gevonden[1].naam if gevonden else stap.uitkomst.woord

    def buiten_route(self, stap) -> bool:
        """A step the programme route does not expect (another body, an extra consultation), while there is a route."""
        if not self.programma.besluitvormingsroute or stap.uitkomst.betekenis is Betekenis.INGETROKKEN:
            return False
        return self.programma.routestap_voor(stap.gremium, stap.uitkomst) is None

    def bekrachtiging(self, besluit: Besluit) -> str | None:
        """What the regions did, counted as it happened, in the programme's words: 'vastgesteld door 7 van 7
        gemeenten; 1 nog open'. None when no region has to ratify it."""
        wie = self.bekrachtigers(besluit)
        if not wie:
            return None
        standen = [self.regiostand(besluit, r) for r in wie]
        if len(wie) == 1:  # one region: its own state, no count
            return standen[0][1]
        volgorde = list(RegioStatus)
        telling = sorted(Counter(standen).items(), key=lambda p: (volgorde.index(p[0][0]), p[0][1]))
        woord = self.regiowoord(wie)
        besloten = (RegioStatus.VASTGESTELD, RegioStatus.NIET_VASTGESTELD, RegioStatus.KENNISGENOMEN)
        delen = [f"{w} door {n} van {len(wie)} {woord}" for (s, w), n in telling if s in besloten]
        delen += [f"{n} {w}" for (s, w), n in telling if s not in besloten]
        if all(s.wacht for s, _ in standen):
            delen = [f"nog door geen van de {len(wie)} {woord} besloten", *delen]
        return "; ".join(delen)

    def regiostand(self, besluit: Besluit, regio_id: str) -> tuple[RegioStatus, str]:
        """Where a decision stands in a region, and how to say it (see ``woorden.regiostand``)."""
        return regiostand(self.agenda, besluit, regio_id)

    def regionale_toelichtingen(self, besluit: Besluit, regio_id: str | None = None) -> list[tuple[str, object]]:
        """Each regional step taken with a note or its organ, in the table's order, as (region id, step); with
        ``regio_id`` that region's only."""
        regios = [regio_id] if regio_id else self.bekrachtigers(besluit)
        return [
            (r, s)
            for r in regios
            for s in besluit.regionaal.get(r, ())
            if (s.toelichting or s.orgaan) and not s.gepland
        ]

    def orgaannaam(self, orgaan_id: str) -> str:
        """The name of one of the programme's organs ('Gemeenteraad')."""
        return self.programma.orgaan(orgaan_id).naam

    def regiorij(self, besluit: Besluit, regio_id: str) -> dict:
        regio = self.programma.regio(regio_id)
        stappen = besluit.regionaal.get(regio_id, ())
        status, woord = self.regiostand(besluit, regio_id)
        wachtend = besluit.dagen_wachtend(self.peildatum) if status.wacht else None
        return {
            "regio": regio,
            "status": status,
            "woord": woord,
            "stappen": stappen,
            "laatste_datum": stappen[-1].datum if stappen else None,
            "aantal": _aantal(stappen[-1]) if stappen and stappen[-1].aantal is not None else None,
            "wachtend": wachtend,
            "te_laat": besluit.regio_te_laat(regio, self.peildatum, status),
            "laatste_stap": self.regiostapnaam(regio_id, stappen[-1].stap) if stappen and stappen[-1].stap else None,
        }

    def nog_te_bekrachtigen(self, regio_id: str | None = None) -> list[tuple[Besluit, overzicht.Wachtend]]:
        """Accorded decisions a region (or, without ``regio_id``, any region) has not finished, oldest first."""
        return [
            (w.besluit, w)
            for w in overzicht.wachtende_bekrachtigingen(self.agenda, self.peildatum)
            if regio_id is None or w.regio.id == regio_id
        ]

    @staticmethod
    def regionaal_gepland(besluit: Besluit) -> list[tuple[str, tuple]]:
        """A decision's planned regional steps per region, by region id (case ignored, as before)."""
        return sorted(besluit.regionaal_gepland.items(), key=lambda p: p[0].lower())

    def langst_wachtend(self, limiet: int = LANGST_WACHTEND) -> Ingekort:
        """The open ratifications that have waited longest, at most ``limiet``, and how many there are in all."""
        alle = self.nog_te_bekrachtigen()
        return Ingekort(alle[:limiet], len(alle), limiet)

    def laatste_besluiten(self, aantal: int = LAATSTE_BESLUITEN) -> list[Besluit]:
        besluiten = self.agenda.besluiten_op_nummer()

        def sleutel(b: Besluit) -> tuple:
            laatste = b.laatste_datum
            return ((laatste.begin, laatste.eind) if laatste else (dt.date.min, dt.date.min), b.nummer)

        return sorted(besluiten, key=sleutel, reverse=True)[:aantal]

    def komende_mijlpalen(self, aantal: int = KOMENDE_MIJLPALEN) -> list[tuple[Deelopdracht, object]]:
        paren = [
            (d, m)
            for d in self.agenda.deelopdrachten_op_volgorde()
            for _, m in d.mijlpalen
            if m.toestand(self.peildatum) is MijlpaalToestand.KOMEND
        ]
        return sorted(paren, key=lambda p: (p[1].datum, p[0].plaats, p[1].titel))[:aantal]


_GEEN = Datum(dt.date.min, dt.date.min, Precisie.ONBEKEND)


STUKSOORTEN = {
    "application/pdf": "PDF",
    "image/png": "PNG-afbeelding",
    "image/jpeg": "JPEG-afbeelding",
    "text/plain": "tekst",
    "text/csv": "CSV",
    "application/vnd.oasis.opendocument.text": "ODT-document",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS-rekenblad",
    "application/vnd.oasis.opendocument.presentation": "ODP-presentatie",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word-document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel-rekenblad",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint-presentatie",
}
"""How a paper's type is named for readers."""


@dataclass(frozen=True)
class Ingekort:
    """The first ``limiet`` items of a list a page shortens, with how many there are in all."""

    getoond: list
    totaal: int
    limiet: int

    @property
    def ingekort(self) -> bool:
        """Whether the page shows fewer than there are (then it says so and where the rest is)."""
        return self.totaal > len(self.getoond)


@dataclass(frozen=True)
class Wachttijd:
    """How long a decision has waited: since its latest dated step, in days when that date is a day."""

    datum: Datum
    dagen: int | None
    op: str | None
    """The bodies whose docket it is on."""


class Filter(StrEnum):
    """Dimensions of the static decision filters; the value is the folder in the site, the label its heading."""

    STATUS = "status"
    SOORT = "soort"
    GREMIUM = "gremium"
    DEELOPDRACHT = "deelopdracht"
    REGIO = "regio"

    def kop(self, termen: Termen) -> str:
        """The filter's heading in the programme's own words ('Ontwikkeltafel', 'Gemeente')."""
        eigen = {Filter.DEELOPDRACHT: termen.Onderdeel, Filter.REGIO: termen.Regio}
        return eigen.get(self, self.value.capitalize())


def filterlijsten(agenda: Agenda) -> list[tuple[str, str, str, list[Besluit]]]:
    """Static filtered decision lists: (kind, value, label, decisions) for every value of every filter."""
    besluiten = agenda.besluiten_op_nummer()
    uit = [
        (Filter.STATUS, s.value, statuswoord(agenda.programma, s), [b for b in besluiten if agenda.status(b) is s])
        for s in BesluitStatus
    ]
    uit += [(Filter.SOORT, s.value, label(s), [b for b in besluiten if b.soort is s]) for s in Soort]
    uit += [
        (Filter.GREMIUM, g.id, g.naam, [b for b in besluiten if any(st.gremium == g.id for st in b.verloop)])
        for g in agenda.programma.gremia
    ]
    uit += [
        (Filter.DEELOPDRACHT, d.id, d.titel, agenda.besluiten_voor(d.id)) for d in agenda.deelopdrachten_op_volgorde()
    ]
    uit += [
        (Filter.REGIO, r.id, r.naam, [b for b in besluiten if agenda.betreft(b, r.id)]) for r in agenda.programma.regios
    ]
    return uit


dossiergremia = overzicht.dossiergremia
