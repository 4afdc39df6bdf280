"""Dates as the records give them: a day, a month, a quarter or only a year.

The source documents often date an event vaguely ("begin 2023", "Q3 2023");
a ``Datum`` keeps that precision instead of inventing a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

from generator.patronen import DATUM


class Precisie(Enum):
    """How precisely a date is known."""

    DAG = "dag"
    MAAND = "maand"
    KWARTAAL = "kwartaal"
    JAAR = "jaar"
    ONBEKEND = "onbekend"


ONBEKEND = "onbekend"
"""Written where the source states an event but not when it happened."""


EERSTE_JAAR, LAATSTE_JAAR = 1900, 2199
"""Years a record may name: wide enough for any source, narrow enough that a typo such as 0000 or 20244 is caught."""


class OngeldigeDatum(ValueError):
    """A date that does not exist or is not in one of the accepted forms."""

    def __init__(self, bericht: str, geen_dag: tuple[int, int, int] | None = None):
        super().__init__(bericht)
        self.geen_dag = geen_dag
        """(year, month, day) when only the day does not exist in that month: the message names the month."""


@dataclass(frozen=True)
class Datum:
    """A calendar date with a precision; ordered by its first day."""

    begin: dt.date
    eind: dt.date
    precisie: Precisie

    @classmethod
    def lees(cls, waarde: object) -> Datum:
        """Parse ``2024-02-14``, ``2024-02``, ``2024-Q1``, ``2024`` or ``onbekend``; raise OngeldigeDatum."""
        tekst = str(waarde).strip()
        if tekst == ONBEKEND:
            # Spans all time: it never conflicts with another date and is never late.
            return cls(dt.date.min, dt.date.max, Precisie.ONBEKEND)
        m = DATUM.match(tekst)
        if not m:
            raise OngeldigeDatum(f"'{tekst}' is geen datum")
        jaar = int(m.group(1))
        if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
            raise OngeldigeDatum(f"'{tekst}' bestaat niet: het jaar {jaar} ligt buiten {EERSTE_JAAR}–{LAATSTE_JAAR}")
        if m.group(2):
            kwartaal = int(m.group(2))
            begin = dt.date(jaar, 3 * kwartaal - 2, 1)
            eind_maand = 3 * kwartaal
            return cls(begin, dt.date(jaar, eind_maand, _laatste_dag(jaar, eind_maand)), Precisie.KWARTAAL)
        if m.group(3):
            maand = int(m.group(3))
            if not 1 <= maand <= 12:
                raise OngeldigeDatum(f"'{tekst}' bestaat niet: maand {maand} bestaat niet")
            if m.group(4):
                dag = int(m.group(4))
                try:
                    d = dt.date(jaar, maand, dag)
                except ValueError:
                    raise OngeldigeDatum(
                        f"'{tekst}' bestaat niet: maand {maand} van {jaar} heeft geen dag {dag}", (jaar, maand, dag)
                    ) from None
                return cls(d, d, Precisie.DAG)
            return cls(dt.date(jaar, maand, 1), dt.date(jaar, maand, _laatste_dag(jaar, maand)), Precisie.MAAND)
        return cls(dt.date(jaar, 1, 1), dt.date(jaar, 12, 31), Precisie.JAAR)

    @property
    def bekend(self) -> bool:
        return self.precisie is not Precisie.ONBEKEND

    @property
    def iso(self) -> str:
        """The date in the record's own notation."""
        if self.precisie is Precisie.ONBEKEND:
            return ONBEKEND
        if self.precisie is Precisie.DAG:
            return self.begin.isoformat()
        if self.precisie is Precisie.MAAND:
            return self.begin.strftime("%Y-%m")
        if self.precisie is Precisie.KWARTAAL:
            return f"{self.begin.year}-Q{(self.begin.month + 2) // 3}"
        return str(self.begin.year)

    def zeker_voor(self, ander: Datum) -> bool:
        """True when this date lies entirely before ``ander`` (vague dates may overlap)."""
        return self.eind < ander.begin

    def __lt__(self, ander: Datum) -> bool:
        return (self.begin, self.eind) < (ander.begin, ander.eind)

    def __str__(self) -> str:
        return self.iso


def _laatste_dag(jaar: int, maand: int) -> int:
    return calendar.monthrange(jaar, maand)[1]
