"""Planning: phases and milestones on one timeline of quarters, and milestone lists by state."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regioagenda.model.agenda import Agenda
from regioagenda.model.datum import Datum
from regioagenda.model.deelopdracht import Deelopdracht, Mijlpaal
from regioagenda.model.vocab import MijlpaalToestand


@dataclass(frozen=True)
class Balk:
    """A phase on the timeline."""

    label: str
    groep: str
    van: Datum | None
    tot: Datum | None
    deelopdracht: str | None = None

    @property
    def open_einde(self) -> bool:
        """Runs on without an end: 'tot: doorlopend', or only 'van: vanaf 2018'."""
        return bool((self.tot and self.tot.open_einde) or (self.tot is None and self.van and self.van.open_einde))

    @property
    def gedateerd(self) -> bool:
        """Has a known start, and a known end or none at all (open-ended)."""
        if not (self.van and self.van.bekend):
            return False
        return self.open_einde or bool(self.tot and self.tot.bekend)


@dataclass(frozen=True)
class Planningsmijlpaal:
    """A milestone with the charter (and phase) it belongs to."""

    deelopdracht: Deelopdracht
    fase: str | None
    mijlpaal: Mijlpaal

    def toestand(self, peildatum: dt.date) -> MijlpaalToestand:
        return self.mijlpaal.toestand(peildatum)


@dataclass(frozen=True)
class Tijdas:
    """The span of the timeline in whole years, divided into quarters."""

    eerste_jaar: int
    laatste_jaar: int

    LABELKOLOMMEN = 1
    """Grid columns before the first quarter: each row's label."""

    @property
    def jaren(self) -> list[int]:
        return list(range(self.eerste_jaar, self.laatste_jaar + 1))

    @property
    def kwartalen(self) -> int:
        return 4 * len(self.jaren)

    def kolom(self, datum: dt.date) -> int:
        """1-based quarter column of a day on this axis."""
        return (datum.year - self.eerste_jaar) * 4 + (datum.month - 1) // 3 + 1

    def raster(self, kolom: int) -> int:
        """The grid column of a 1-based quarter column (the label comes first)."""
        return kolom + self.LABELKOLOMMEN

    @property
    def eerste_rasterkolom(self) -> int:
        """The grid column of the first quarter, where a row without dates starts."""
        return self.raster(1)

    @property
    def jaarkoppen(self) -> list[tuple[int, int]]:
        """Each year with the grid column where its four quarters start."""
        return [(jaar, self.raster(4 * i + 1)) for i, jaar in enumerate(self.jaren)]

    @property
    def kwartaalkoppen(self) -> list[tuple[str, int]]:
        """'K1' … 'K4' for every year, each with its grid column."""
        return [(f"K{k}", self.raster(4 * i + k)) for i in range(len(self.jaren)) for k in range(1, 5)]

    def bereik(self, van: Datum, tot: Datum | None) -> tuple[int, int]:
        """Grid columns (start, end exclusive) covering a period; an open end runs to the end of the axis."""
        if tot is None or tot.open_einde:
            return self.kolom(van.begin), self.kwartalen + 1
        return self.kolom(van.begin), self.kolom(tot.eind) + 1


def balken(agenda: Agenda, deelopdracht: Deelopdracht | None = None) -> list[Balk]:
    """Programme phases (unless one charter is asked for), then each charter's phases, in outline order."""
    uit: list[Balk] = []
    if deelopdracht is None:
        uit += [Balk(f.titel, agenda.programma.korte_naam, f.van, f.tot) for f in agenda.programma.fasen]
    for d in [deelopdracht] if deelopdracht else agenda.deelopdrachten_op_volgorde():
        uit += [Balk(f.titel, d.titel, f.van, f.tot, d.id) for f in d.alle_fasen]
    return uit


def mijlpalen(agenda: Agenda, deelopdracht: Deelopdracht | None = None) -> list[Planningsmijlpaal]:
    """Every milestone, by date, then charter order, then title."""
    uit = [
        Planningsmijlpaal(d, fase.titel if fase else None, m)
        for d in ([deelopdracht] if deelopdracht else agenda.deelopdrachten_op_volgorde())
        for fase, m in d.mijlpalen
    ]
    return sorted(uit, key=lambda p: (p.mijlpaal.datum, p.deelopdracht.plaats, p.mijlpaal.titel))


def per_toestand(lijst: list[Planningsmijlpaal], peildatum: dt.date) -> dict[MijlpaalToestand, list[Planningsmijlpaal]]:
    """Milestones grouped as a coordinator reads them: late first, then upcoming, done, undated, dropped."""
    groepen: dict[MijlpaalToestand, list[Planningsmijlpaal]] = {t: [] for t in MijlpaalToestand}
    for p in lijst:
        groepen[p.toestand(peildatum)].append(p)
    return groepen


def tijdas(balken_: list[Balk], mijlpalen_: list[Planningsmijlpaal], reserve: tuple[int, int]) -> Tijdas:
    """The smallest whole-year axis holding every dated phase and milestone (``reserve`` when none)."""
    # Open ends ('vanaf 2018', 'doorlopend') add no year: the bar simply runs to the end of the axis.
    data = [d for b in balken_ if b.gedateerd for d in (b.van, b.tot) if d is not None and d.bekend]
    jaren = [d.begin.year for d in data] + [d.eind.year for d in data if not d.open_einde]
    jaren += [p.mijlpaal.datum.begin.year for p in mijlpalen_ if p.mijlpaal.datum.bekend]
    return Tijdas(min(jaren, default=reserve[0]), max(jaren, default=reserve[1]))
