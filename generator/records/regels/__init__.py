"""Rules across records, run on the typed model once every record is built (as MkDocs runs ``post_validation``
only after every option validated). Each subject has its module; each rule asks the model's provenance for the
line of what it reports.
"""

from __future__ import annotations

from generator.problemen import Probleem
from generator.records.modelbouw import Bouwsel
from generator.records.regels.besluiten import controleer_besluiten
from generator.records.regels.controle import Controle
from generator.records.regels.onderdelen import controleer_onderdelen
from generator.records.regels.programma import controleer_programma
from generator.records.regels.risicos import controleer_risicos
from generator.records.regels.versies import controleer_versies, onzekere_vaststelling
from generator.records.verzamelen import Bronnen

__all__ = ["controleer", "onzekere_vaststelling"]


def controleer(bouwsel: Bouwsel, bronnen: Bronnen) -> list[Probleem]:
    """Every cross-record rule on what was built; ``bronnen`` says which files are present and where from."""
    c = Controle(bouwsel, bronnen)
    for regels in (
        controleer_programma,
        controleer_onderdelen,
        controleer_besluiten,
        controleer_risicos,
        controleer_versies,
    ):
        regels(c)
    return c.problemen
