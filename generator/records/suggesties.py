"""'Bedoelde u …?' suggestions for unknown keys, values and references."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from regioagenda.model.vocab import Verzameling
from regioagenda.records.paden import PROGRAMMA


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


_HET_WOORDEN = {"gremium", "hoofdstuk", "segment", "programma", "record", "besluit", "risico", "kengetal", "orgaan"}
"""Nouns that take 'het': the adjective before them has no -e ('onbekend gremium', 'onbekende regio')."""


def onbekend(zelfstandig_naamwoord: str) -> str:
    """'onbekend gremium', 'onbekende regio', 'onbekende routestap van drenthe'."""
    hoofdwoord = zelfstandig_naamwoord.split()[0]
    return f"onbekend {zelfstandig_naamwoord}" if hoofdwoord in _HET_WOORDEN else f"onbekende {zelfstandig_naamwoord}"


def vindplaats(soort: Verzameling) -> str:
    """Where the ids of one collection of programma.yml are declared, as a problem names it."""
    onderdelen = " (met hun 'onderdelen')" if soort is Verzameling.REGIOS else ""
    return f"de lijst '{soort.value}'{onderdelen} in {PROGRAMMA}"


def routevindplaats(regio_id: str) -> str:
    """Where the steps of a region's own route are declared."""
    return f"de 'besluitvormingsroute' van regio '{regio_id}' in {PROGRAMMA}"


def onbekende_verwijzing(waarde: object, bekend: Iterable[str], soort: str, waar: str | None = None) -> tuple[str, str]:
    """What is wrong and what is expected when ``waarde`` names none of ``bekend`` (declared in ``waar``)."""
    bekend = set(bekend)
    wat = f"{onbekend(soort)} '{waarde}'"
    if waar is None:
        return wat, f"een van {opsomming(bekend)}{bedoelde_u(waarde, bekend)}"
    if not bekend:
        return wat, f"een {soort} uit {waar} (die is nog leeg)"
    return wat, f"een van {opsomming(bekend)} uit {waar}{bedoelde_u(waarde, bekend)}"
