"""Deelopdracht charters: phases, milestones and key figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.datum import Datum
from generator.model.vocab import DeelopdrachtStatus, MijlpaalStatus, MijlpaalToestand, Prioriteit


@dataclass(frozen=True)
class Mijlpaal:
    """A dated milestone; 'te laat' is derived against a peildatum."""

    titel: str
    datum: Datum
    status: MijlpaalStatus = MijlpaalStatus.OPEN
    toelichting: str | None = None
    bron: str | None = None

    def te_laat(self, peildatum: dt.date) -> bool:
        return self.status is MijlpaalStatus.OPEN and self.datum.eind < peildatum

    def toestand(self, peildatum: dt.date) -> MijlpaalToestand:
        """Done, dropped, undated, late or upcoming, against ``peildatum``."""
        if self.status is MijlpaalStatus.GEREED:
            return MijlpaalToestand.GEREED
        if self.status is MijlpaalStatus.VERVALLEN:
            return MijlpaalToestand.VERVALLEN
        if not self.datum.bekend:
            return MijlpaalToestand.ZONDER_DATUM
        return MijlpaalToestand.TE_LAAT if self.te_laat(peildatum) else MijlpaalToestand.KOMEND


@dataclass(frozen=True)
class Fase:
    """A phase of a deelopdracht."""

    titel: str
    van: Datum | None = None
    tot: Datum | None = None
    omschrijving: str | None = None
    doel: str | None = None
    resultaten: tuple[str, ...] = ()
    activiteiten: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    mijlpalen: tuple[Mijlpaal, ...] = ()


@dataclass(frozen=True)
class Waarde:
    """A value of a key figure at a moment."""

    waarde: float
    datum: Datum | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Kengetal:
    """A key figure: baseline → target, with measurements over time."""

    id: str
    naam: str
    doel: Waarde
    basis: Waarde | None = None
    eenheid: str | None = None
    metingen: tuple[Waarde, ...] = ()
    toelichting: str | None = None
    bron: str | None = None


@dataclass(frozen=True)
class Werkgroep:
    naam: str
    omschrijving: str | None = None


@dataclass(frozen=True)
class Deelopdracht:
    """A charter of a sub-assignment, run by a projectgroep with every region in it."""

    id: str
    titel: str
    regios: tuple[str, ...]
    volgorde: int | None = None
    voorzieningen: tuple[str, ...] = ()
    prioriteit: Prioriteit | None = None
    status: DeelopdrachtStatus | None = None
    aanspreekpunt: str | None = None
    aanbieders: tuple[str, ...] = ()
    kruisverbanden: tuple[str, ...] = ()
    werkgroepen: tuple[Werkgroep, ...] = ()
    fasen: tuple[Fase, ...] = ()
    eigen_mijlpalen: tuple[Mijlpaal, ...] = ()
    kengetallen: tuple[Kengetal, ...] = ()
    bron: str | None = None
    body: str = ""
    bestand: str = ""

    @property
    def plaats(self) -> tuple[int, str, str]:
        """Sort key: the stated order ('volgorde') first, charters without one after them by title."""
        return (self.volgorde if self.volgorde is not None else 10**6, self.titel, self.id)

    @property
    def mijlpalen(self) -> list[tuple[Fase | None, Mijlpaal]]:
        """All milestones with their phase (None: the whole charter), in date order."""
        paren = [(None, m) for m in self.eigen_mijlpalen] + [(f, m) for f in self.fasen for m in f.mijlpalen]
        return sorted(paren, key=lambda p: (p[1].datum, p[1].titel))
