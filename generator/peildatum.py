"""The peildatum (the day against which 'te laat' is judged): one rule for the plugin and every command."""

from __future__ import annotations

import datetime as dt
import os

OMGEVING = "AGENDA_PEILDATUM"


class OngeldigePeildatum(ValueError):
    """A peildatum that is not a date; the message names where it was set."""


def kies_peildatum(optie: object | None, waar: str) -> dt.date:
    """The option (set in ``waar``), else AGENDA_PEILDATUM, else today — the order the site is built in."""
    for waarde, bron in ((optie, waar), (os.environ.get(OMGEVING), OMGEVING)):
        if not waarde:
            continue
        try:
            return dt.date.fromisoformat(str(waarde))
        except ValueError:
            raise OngeldigePeildatum(f"peildatum '{waarde}' in {bron} is geen datum — verwacht JJJJ-MM-DD") from None
    return dt.date.today()
