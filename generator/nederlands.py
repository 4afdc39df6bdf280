"""How the site and the command line write model values in Dutch: dates, vocabulary labels, numbers, plurals.

Display formatting lives here, not in the model: the model knows what a date or a status is, this
module knows how a Dutch reader expects to see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sized
from enum import Enum
from functools import cache

from babel.dates import format_date

from regioagenda.model.datum import Datum, Precisie


def datum(waarde: Datum) -> str:
    """'17 april 2023', 'april 2023', '3e kwartaal 2023', '2e halfjaar 2023', '2023', 'vanaf 2018', 'doorlopend'
    or 'datum onbekend'."""
    if waarde.precisie is Precisie.VANAF:
        return "vanaf " + _datum(waarde.begin, waarde.vanaf)
    return _datum(waarde.begin, waarde.precisie)


@cache
def _datum(begin: dt.date, precisie: Precisie) -> str:
    if precisie is Precisie.ONBEKEND:
        return "datum onbekend"
    if precisie is Precisie.DOORLOPEND:
        return "doorlopend"
    if precisie is Precisie.HALFJAAR:
        return f"{1 if begin.month < 7 else 2}e halfjaar {begin.year}"
    if precisie is Precisie.DAG:
        return format_date(begin, "d MMMM y", locale="nl")
    if precisie is Precisie.MAAND:
        return format_date(begin, "MMMM y", locale="nl")
    if precisie is Precisie.KWARTAAL:
        return f"{(begin.month + 2) // 3}e kwartaal {begin.year}"
    return str(begin.year)


def periode(van: Datum | None, tot: Datum | None) -> str | None:
    """'2023 – 2025', 'vanaf 2018', '2018 – doorlopend'; None when neither end is known (the caller says so once)."""
    if van is None and tot is None:
        return None
    if tot is None and van.open_einde:
        return datum(van)
    return f"{datum(van) if van else 'begin nader in te vullen'} – {datum(tot) if tot else 'einde nader in te vullen'}"


def maandnaam(maand: int) -> str:
    return format_date(dt.date(2000, maand, 1), "MMMM", locale="nl")


def label(waarde: Enum) -> str:
    """A vocabulary value as words: 'ter-besluitvorming' → 'ter besluitvorming'."""
    return str(waarde.value).replace("-", " ")


ENKELVOUD = {
    "regios": "regio",
    "gremia": "gremium",
    "aanbieders": "aanbieder",
    "voorzieningen": "voorziening",
    "kenniswerkplaatsen": "kenniswerkplaats",
    "organen": "orgaan",
}
"""One item of a collection of programma.yml, as a problem names it ('onbekende regio')."""


def enkelvoud(soort: Enum) -> str:
    """One item of a collection: Verzameling.REGIOS → 'regio'."""
    return ENKELVOUD[soort.value]


def getal(waarde: float) -> str:
    """A number as Dutch readers write it: 36, 2,50."""
    return str(int(waarde)) if float(waarde).is_integer() else f"{waarde:.2f}".replace(".", ",")


def meervoud(aantal_: int | Sized, enkelvoud: str, meervoud_: str) -> str:
    """The word for a count: 'besluit' for one, 'besluiten' for none or several (a collection counts its items)."""
    n = aantal_ if isinstance(aantal_, int) else len(aantal_)
    return enkelvoud if n == 1 else meervoud_


def aantal(aantal_: int | Sized, enkelvoud: str, meervoud_: str) -> str:
    """A count with its word, thousands grouped as Dutch readers do: '1 besluit', '3 besluiten', '1.154 dagen'."""
    n = aantal_ if isinstance(aantal_, int) else len(aantal_)
    return f"{n:,}".replace(",", ".") + " " + meervoud(n, enkelvoud, meervoud_)
