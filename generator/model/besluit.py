"""Decision records and the statuses derived from their dated steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from regioagenda.model.markdown import Markdown
from regioagenda.model.datum import Datum, Precisie
from regioagenda.model.programma import Regio
from regioagenda.model.uitkomst import Uitkomst
from regioagenda.model.vocab import STATUS_IN_REGIO, STATUS_NA_BETEKENIS, Betekenis, BesluitStatus, RegioStatus, Soort


class Vaststellingsbezwaar(Enum):
    """Why a decision cannot fix a version of the agenda: the one rule for the check and 'agenda vaststellen'."""

    GEEN_VASTSTELLING = "geen-vaststelling"
    """Only a decision of kind 'vaststelling' fixes a version."""
    NIET_GEACCORDEERD = "niet-geaccordeerd"
    GEEN_BEKENDE_DAG = "geen-bekende-dag"
    """Accorded on a month, a year or 'onbekend': a version is frozen as of a day, and nobody chose one."""


@dataclass(frozen=True)
class Stap:
    """A dated step in the programme-wide route."""

    datum: Datum
    uitkomst: Uitkomst
    gremium: str | None = None
    toelichting: str | None = None
    gepland: bool = False
    """Planned but not yet taken: shown as planned, never counted for the status."""
    vergadering: str | None = None
    """The meeting whose besluitenlijst holds this step (its id), when the step comes from a meeting's record."""


REGIO_ONBEKEND = "onbekend"
"""What a record writes for a region instead of its steps when the source does not say what it decided."""


@dataclass(frozen=True)
class RegioStap:
    """A dated step in one region's own route."""

    datum: Datum
    stap: str | None
    """A step of the region's own route; None when the region records its decision without one."""
    uitkomst: Uitkomst
    toelichting: str | None = None
    gepland: bool = False
    """Planned but not yet taken by the region."""
    aantal: int | None = None
    """How many of the region's members took this outcome, when the source counts them without names."""
    van: int | None = None
    """Out of how many members, when the source says."""
    orgaan: str | None = None
    """The organ that took the step (an id of the programme's 'organen': raad, college …), when the source says."""

    @property
    def deels(self) -> bool:
        """Taken by a number of members, not (known to be) all of them."""
        return self.aantal is not None and (self.van is None or self.aantal < self.van)


@dataclass(frozen=True)
class Besluit:
    """A decision record. Its status is never stored: it follows from the steps taken (``verloop``).

    The steps are kept as the record lists them, planned ones included (``stappen``, and per region
    ``regionale_stappen``); what is taken and what is planned are views on that one order.
    """

    nummer: int
    slug: str
    titel: str
    soort: Soort
    samenvatting: str
    stappen: tuple[Stap, ...]
    """Every step on the programme route in record order, planned ones (``gepland``) last."""
    regios: tuple[str, ...]
    regionale_stappen: dict[str, tuple[RegioStap, ...]] = field(default_factory=dict)
    """Each region's own steps in record order, planned ones included."""
    regios_bekend: bool = True
    """False when the record says the source does not tell which regions must ratify ('regios: onbekend')."""
    regios_onbekend: frozenset[str] = frozenset()
    """Regions where, says the record, the source does not tell what happened ('regionaal: {texel: onbekend}')."""
    deelopdrachten: tuple[str, ...] = ()
    vervangt: tuple[int, ...] = ()
    vertrouwelijk: bool = False
    bron: str | None = None
    body: Markdown = Markdown("")
    bestand: str = ""

    @cached_property
    def verloop(self) -> tuple[Stap, ...]:
        """The steps taken on the programme route."""
        return tuple(s for s in self.stappen if not s.gepland)

    @cached_property
    def gepland(self) -> tuple[Stap, ...]:
        """Steps on the programme route that are planned but not yet taken; they never count for the status."""
        return tuple(s for s in self.stappen if s.gepland)

    @cached_property
    def regionaal(self) -> dict[str, tuple[RegioStap, ...]]:
        """The steps each region has taken (a region with only planned steps has none yet)."""
        return {r: tuple(s for s in stappen if not s.gepland) for r, stappen in self.regionale_stappen.items()}

    @cached_property
    def regionaal_gepland(self) -> dict[str, tuple[RegioStap, ...]]:
        """The planned steps of each region that has any."""
        return {
            r: tuple(s for s in stappen if s.gepland)
            for r, stappen in self.regionale_stappen.items()
            if any(s.gepland for s in stappen)
        }

    @property
    def code(self) -> str:
        """The zero-padded number used in file names and links."""
        return f"{self.nummer:04d}"

    @property
    def eigen_status(self) -> BesluitStatus:
        """Status from the steps alone (replacement by another decision is the agenda's concern)."""
        if not self.verloop and any(self.regionaal.values()):
            return BesluitStatus.ZONDER_PROGRAMMAROUTE
        status = BesluitStatus.VOORGESTELD
        for stap in self.verloop:
            status = STATUS_NA_BETEKENIS[stap.uitkomst.betekenis] or status
        return status

    @property
    def statusstap(self) -> Stap | None:
        """The latest step taken that set the status (taking note and follow-up set none)."""
        return next((s for s in reversed(self.verloop) if STATUS_NA_BETEKENIS[s.uitkomst.betekenis]), None)

    @property
    def accordering(self) -> Datum | None:
        """Date on which the decision was accorded (its first positive decision), if it was."""
        return next((s.datum for s in self.verloop if s.uitkomst.betekenis is Betekenis.POSITIEF), None)

    @property
    def vaststellingsbezwaren(self) -> tuple[Vaststellingsbezwaar, ...]:
        """Why this decision cannot fix a version, in the order a reader fixes them; empty when it can."""
        bezwaren = [] if self.soort is Soort.VASTSTELLING else [Vaststellingsbezwaar.GEEN_VASTSTELLING]
        if self.accordering is None:
            bezwaren.append(Vaststellingsbezwaar.NIET_GEACCORDEERD)
        elif self.accordering.precisie is not Precisie.DAG:
            bezwaren.append(Vaststellingsbezwaar.GEEN_BEKENDE_DAG)
        return tuple(bezwaren)

    @property
    def laatste_datum(self) -> Datum | None:
        stappen = [s.datum for s in self.verloop] + [s.datum for r in self.regionaal.values() for s in r]
        return max(stappen, default=None)

    def regio_status(self, regio_id: str) -> RegioStatus:
        """Where the decision stands in one region's own route."""
        if regio_id in self.regios_onbekend:
            return RegioStatus.ONBEKEND
        stappen = self.regionaal.get(regio_id, ())
        if not stappen:
            return RegioStatus.OPEN
        status = STATUS_IN_REGIO[stappen[-1].uitkomst.betekenis]
        if status is RegioStatus.VASTGESTELD and stappen[-1].deels:
            return RegioStatus.DEELS_VASTGESTELD
        return status

    def dagen_wachtend(self, peildatum: dt.date) -> int | None:
        """Days since accordering, while the decision is accorded."""
        if self.accordering is None or not self.accordering.bekend:
            return None
        return max(0, (peildatum - self.accordering.begin).days)

    def regio_te_laat(self, regio: Regio, peildatum: dt.date, status: RegioStatus | None = None) -> bool:
        """True when the region's term has passed without a final outcome (``status``: as the agenda derives it)."""
        termijn = regio.termijn_dagen
        wachtend = self.dagen_wachtend(peildatum)
        if termijn is None or wachtend is None:
            return False
        return (status or self.regio_status(regio.id)).wacht and wachtend > termijn
