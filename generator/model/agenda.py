"""The whole programme: all records, indexed, with what can only be known across records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from regioagenda.model.besluit import Besluit
from regioagenda.model.deelopdracht import Deelopdracht
from regioagenda.model.overig import Hoofdstuk, Nulplaat, Risicoregister, Versie
from regioagenda.model.programma import Programma
from regioagenda.model.vergadering import Agendapunt, Vergadering
from regioagenda.model.vocab import BesluitStatus, RegioStatus


@dataclass(frozen=True)
class Agenda:
    """All records of one programme, collected and indexed before anything is rendered."""

    programma: Programma
    hoofdstukken: dict[str, Hoofdstuk]
    deelopdrachten: dict[str, Deelopdracht]
    besluiten: dict[int, Besluit]
    nulplaten: dict[str, Nulplaat]
    risicoregister: Risicoregister | None = None
    versies: dict[str, Versie] = field(default_factory=dict)
    vergaderingen: dict[str, Vergadering] = field(default_factory=dict)
    vertrouwelijk: frozenset[int] = field(default_factory=frozenset)
    """Numbers of confidential decisions left out of this (public) view."""
    verborgen_vervangen: frozenset[int] = field(default_factory=frozenset)
    """Public decisions replaced by a confidential accorded decision: 'vervangen', by a decision we cannot name."""

    @cached_property
    def _vervangen(self) -> frozenset[int]:
        """Numbers replaced by an accorded decision (computed once: status is asked for on every page)."""
        return (
            frozenset(
                n for b in self.besluiten.values() if b.eigen_status is BesluitStatus.GEACCORDEERD for n in b.vervangt
            )
            | self.verborgen_vervangen
        )

    def status(self, besluit: Besluit) -> BesluitStatus:
        """Derived status, including replacement by a later accorded decision."""
        return BesluitStatus.VERVANGEN if besluit.nummer in self._vervangen else besluit.eigen_status

    def regio_status(self, besluit: Besluit, regio_id: str) -> RegioStatus:
        """Where a decision stands in a region: its own steps, or else those of the regions within it.

        A region whose parts decide (each council) stands where all of them stand, 'niet vastgesteld' once one
        part refuses, and 'in procedure' while some part has still to decide.
        """
        eigen = besluit.regio_status(regio_id)
        regio = self.programma.regio(regio_id)
        if besluit.regionaal.get(regio_id):
            return self._na_tussenstap(besluit, regio, eigen)
        if regio_id in besluit.regios_onbekend:
            return eigen
        if self._ongenoemd_deel(besluit, regio):
            return RegioStatus.ONBEKEND  # a region above counted its members without names: this one may be among them
        if any(boven.id in besluit.regios_onbekend for boven in self.programma.bovenliggende(regio_id)):
            return RegioStatus.ONBEKEND  # the source does not say what the region above did, so nor for its parts
        if not regio.onderdelen:
            return eigen
        standen = {self.regio_status(besluit, o) for o in regio.onderdelen}
        if len(standen) == 1:
            return next(iter(standen))
        if RegioStatus.NIET_VASTGESTELD in standen:
            return RegioStatus.NIET_VASTGESTELD
        if any(s.wacht for s in standen):
            return RegioStatus.IN_PROCEDURE
        if standen <= {RegioStatus.VASTGESTELD, RegioStatus.ONBEKEND}:
            return RegioStatus.ONBEKEND
        if standen & {RegioStatus.VASTGESTELD, RegioStatus.DEELS_VASTGESTELD}:
            return RegioStatus.DEELS_VASTGESTELD  # every part decided, some adopted and some only took note
        return RegioStatus.ONBEKEND

    @staticmethod
    def _na_tussenstap(besluit: Besluit, regio, eigen: RegioStatus) -> RegioStatus:
        """A positive outcome at a step before the last of the region's route (the college agrees, the council
        is still to decide) leaves the region in procedure."""
        laatste = besluit.regionaal[regio.id][-1]
        route = [s.id for s in regio.besluitvormingsroute]
        if eigen in (RegioStatus.VASTGESTELD, RegioStatus.DEELS_VASTGESTELD) and laatste.stap and route:
            return eigen if laatste.stap == route[-1] else RegioStatus.IN_PROCEDURE
        return eigen

    def _ongenoemd_deel(self, besluit: Besluit, regio) -> bool:
        """Whether a region above ``regio`` records a step taken by a number of its members, without names."""
        return any(
            besluit.regionaal.get(boven.id) and besluit.regionaal[boven.id][-1].aantal is not None
            for boven in self.programma.bovenliggende(regio.id)
        )

    def betreft(self, besluit: Besluit, regio_id: str) -> bool:
        """Whether a decision concerns a region: it or a region above it must ratify, or it recorded steps."""
        return regio_id in besluit.regionaal or self.programma.valt_onder(regio_id, besluit.regios)

    def vervangen_door(self, besluit: Besluit) -> list[Besluit]:
        return [b for b in self.besluiten_op_nummer() if besluit.nummer in b.vervangt]

    def besluiten_op_nummer(self) -> list[Besluit]:
        return [self.besluiten[n] for n in sorted(self.besluiten)]

    def besluiten_voor(self, deelopdracht_id: str) -> list[Besluit]:
        return [b for b in self.besluiten_op_nummer() if deelopdracht_id in b.deelopdrachten]

    def deelopdrachten_op_volgorde(self) -> list[Deelopdracht]:
        """Charters in their stated order (``volgorde``), the rest after them by title."""
        return sorted(self.deelopdrachten.values(), key=lambda d: d.plaats)

    def nulplaten_voor(self, deelopdracht_id: str) -> list[Nulplaat]:
        return sorted(
            (n for n in self.nulplaten.values() if n.deelopdracht == deelopdracht_id), key=lambda n: n.peildatum
        )

    def versies_op_volgorde(self) -> list[Versie]:
        """Vastgestelde versions, oldest first (by accord date, then version number)."""
        return sorted(self.versies.values(), key=lambda v: (v.datum, tuple(int(x) for x in v.id.split("."))))

    def nulplaatreeks(self, nulplaat: Nulplaat) -> list[Nulplaat]:
        """All snapshots linked to this one through 'vervangt', oldest first."""
        reeks, huidige = [nulplaat], nulplaat
        while huidige.vervangt and huidige.vervangt in self.nulplaten and self.nulplaten[huidige.vervangt] not in reeks:
            huidige = self.nulplaten[huidige.vervangt]
            reeks.insert(0, huidige)
        volgende = {n.vervangt: n for n in sorted(self.nulplaten.values(), key=lambda n: n.id) if n.vervangt}
        huidige = nulplaat
        while huidige.id in volgende and volgende[huidige.id] not in reeks:
            huidige = volgende[huidige.id]
            reeks.append(huidige)
        return reeks

    def zoals_op(self, dag: dt.date) -> Agenda:
        """This agenda as it stood on ``dag``: steps known to come after it, and decisions and nulplaten that did
        not exist yet, left out; records without dates (chapters, charters) as they are. An item that may fall either
        side (a year that holds ``dag``, 'onbekend') is kept: nothing in the records says it came later."""

        def op_tijd(datum) -> bool:
            return datum.begin <= dag

        besluiten = {}
        for n, b in self.besluiten.items():
            stappen = tuple(s for s in b.stappen if op_tijd(s.datum))
            regionaal = {r: tuple(s for s in lijst if op_tijd(s.datum)) for r, lijst in b.regionale_stappen.items()}
            if stappen or any(regionaal.values()):
                besluiten[n] = replace(b, stappen=stappen, regionale_stappen={r: s for r, s in regionaal.items() if s})
        nulplaten = {k: v for k, v in self.nulplaten.items() if op_tijd(v.peildatum)}
        versies = {k: v for k, v in self.versies.items() if v.datum is None or v.datum.begin <= dag}
        vergaderingen = {k: v for k, v in self.vergaderingen.items() if op_tijd(v.datum)}
        return replace(self, besluiten=besluiten, nulplaten=nulplaten, versies=versies, vergaderingen=vergaderingen)

    def openbaar(self) -> Agenda:
        """This agenda without confidential decisions; their numbers are kept to say 'vertrouwelijk'."""
        geheim = frozenset(n for n, b in self.besluiten.items() if b.vertrouwelijk)
        zichtbaar = {n: b for n, b in self.besluiten.items() if n not in geheim}
        verborgen = frozenset(
            v
            for n in geheim
            if self.besluiten[n].eigen_status is BesluitStatus.GEACCORDEERD
            for v in self.besluiten[n].vervangt
            if v in zichtbaar
        )
        return replace(
            self,
            besluiten=zichtbaar,
            vertrouwelijk=self.vertrouwelijk | geheim,
            verborgen_vervangen=self.verborgen_vervangen | verborgen,
            vergaderingen={k: v.openbaar(geheim) for k, v in self.vergaderingen.items() if not v.vertrouwelijk},
        )

    def vergaderingen_op_datum(self, gremium_id: str | None = None) -> list[Vergadering]:
        """The meetings (of one body), oldest first."""
        lijst = [v for v in self.vergaderingen.values() if gremium_id is None or v.gremium == gremium_id]
        return sorted(lijst, key=lambda v: (v.datum.begin, v.begin or dt.time.min, v.id))

    def vergaderingen_over(self, nummer: int) -> list[tuple[Vergadering, Agendapunt]]:
        """The meetings that had a decision on their agenda, with that item, oldest first."""
        return [(v, p) for v in self.vergaderingen_op_datum() for p in v.punten if p.besluit == nummer]
