"""Dates as the records give them: a day, a month, a quarter, a half year or only a year; or open-ended.

The source documents often date an event vaguely ("begin 2023", "Q3 2023", "vanaf 2018", "doorlopend");
a ``Datum`` keeps that precision instead of inventing a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

from regioagenda.patronen import DATUM


class Precisie(Enum):
    """How precisely a date is known."""

    DAG = "dag"
    MAAND = "maand"
    KWARTAAL = "kwartaal"
    HALFJAAR = "halfjaar"
    JAAR = "jaar"
    VANAF = "vanaf"
    DOORLOPEND = "doorlopend"
    ONBEKEND = "onbekend"


ONBEKEND = "onbekend"
"""Written where the source states an event but not when it happened."""
DOORLOPEND = "doorlopend"
"""Written where the source calls something ongoing, without a start or an end."""
VANAF = "vanaf "
"""Prefix of a start without an end: 'vanaf 2018'."""


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
    vanaf: Precisie | None = None
    """For 'vanaf …': how precisely the start is known."""

    @classmethod
    def lees(cls, waarde: object) -> Datum:
        """Parse ``2024-02-14``, ``2024-02``, ``2024-Q1``, ``2024-H2``, ``2024``, ``vanaf 2018``, ``doorlopend``
        or ``onbekend``; raise OngeldigeDatum."""
        tekst = str(waarde).strip()
        if tekst == ONBEKEND:
            # Spans all time: it never conflicts with another date and is never late.
            return cls(dt.date.min, dt.date.max, Precisie.ONBEKEND)
        if tekst == DOORLOPEND:
            return cls(dt.date.min, dt.date.max, Precisie.DOORLOPEND)
        if tekst.startswith(VANAF):
            begin = cls.lees(tekst.removeprefix(VANAF))
            if not begin.bekend or begin.open_einde:
                raise OngeldigeDatum(f"'{tekst}' is geen datum")
            # Never ends: it is never late, and it overlaps everything after its start.
            return cls(begin.begin, dt.date.max, Precisie.VANAF, begin.precisie)
        return cls._gesloten(tekst)

    @classmethod
    def _gesloten(cls, tekst: str) -> Datum:
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
        if m.group(5):
            helft = int(m.group(5))
            return cls(dt.date(jaar, 6 * helft - 5, 1), dt.date(jaar, 6 * helft, 29 + helft), Precisie.HALFJAAR)
        return cls(dt.date(jaar, 1, 1), dt.date(jaar, 12, 31), Precisie.JAAR)

    @property
    def bekend(self) -> bool:
        """True when the date has a known start ('doorlopend' and 'onbekend' have none)."""
        return self.precisie not in (Precisie.ONBEKEND, Precisie.DOORLOPEND)

    @property
    def open_einde(self) -> bool:
        """True for 'vanaf …' and 'doorlopend': no end, so never late and never 'komend' as a deadline."""
        return self.precisie in (Precisie.VANAF, Precisie.DOORLOPEND)

    @property
    def iso(self) -> str:
        """The date in the record's own notation."""
        if self.precisie is Precisie.ONBEKEND:
            return ONBEKEND
        if self.precisie is Precisie.DOORLOPEND:
            return DOORLOPEND
        if self.precisie is Precisie.VANAF:
            return VANAF + Datum(self.begin, self.begin, self.vanaf).iso
        if self.precisie is Precisie.HALFJAAR:
            return f"{self.begin.year}-H{1 if self.begin.month < 7 else 2}"
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
