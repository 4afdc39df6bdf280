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
