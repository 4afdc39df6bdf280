"""Load a programme: collect every record, check every rule, then build the model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bouw import bouw
from .bronnen import verzamel
from .model.agenda import Agenda
from .problemen import Probleem
from .regels import controleer


@dataclass(frozen=True)
class Laadresultaat:
    """Either an agenda, or every problem found (never both)."""

    agenda: Agenda | None
    problemen: tuple[Probleem, ...]


def laad(root: Path) -> Laadresultaat:
    """Read all records below ``root``; report every problem in one pass."""
    bronnen = verzamel(Path(root))
    problemen = sorted(set(bronnen.problemen + controleer(bronnen)))
    if problemen:
        return Laadresultaat(None, tuple(problemen))
    return Laadresultaat(bouw(bronnen), ())
