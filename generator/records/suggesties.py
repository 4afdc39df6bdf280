"""'Bedoelde u …?' suggestions for unknown keys, values and references."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def bedoelde_u(waarde: object, kandidaten: Iterable[str]) -> str:
    """Return ``" bedoelde u 'x'?"`` for the closest candidate, or ``""``."""
    opties = sorted(str(k) for k in kandidaten)
    treffers = difflib.get_close_matches(str(waarde), opties, n=1, cutoff=0.6)
    return f"; bedoelde u '{treffers[0]}'?" if treffers else ""


def opsomming(kandidaten: Iterable[str], maximum: int = 12) -> str:
    """A short Dutch enumeration of allowed values, quoted."""
    opties = sorted(str(k) for k in kandidaten)
    if not opties:
        return "(nog geen)"
    getoond = ", ".join(f"'{o}'" for o in opties[:maximum])
    return getoond + (f" en {len(opties) - maximum} andere" if len(opties) > maximum else "")


_HET_WOORDEN = {"gremium", "hoofdstuk", "segment", "programma", "record", "besluit", "risico", "kengetal"}
"""Nouns that take 'het': the adjective before them has no -e ('onbekend gremium', 'onbekende regio')."""


def onbekend(zelfstandig_naamwoord: str) -> str:
    """'onbekend gremium', 'onbekende regio', 'onbekende routestap van drenthe'."""
    hoofdwoord = zelfstandig_naamwoord.split()[0]
    return f"onbekend {zelfstandig_naamwoord}" if hoofdwoord in _HET_WOORDEN else f"onbekende {zelfstandig_naamwoord}"
