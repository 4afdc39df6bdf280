"""Rules across records, run on the typed model once every record is built (as MkDocs runs ``post_validation``
only after every option validated). Each subject has its module; each rule asks the model's provenance for the
line of what it reports.
"""

from __future__ import annotations

from regioagenda.problemen import Probleem
from regioagenda.records.modelbouw import Bouwsel
from regioagenda.records.regels.besluiten import controleer_besluiten
from regioagenda.records.regels.controle import Controle
from regioagenda.records.regels.mijlpalen import controleer_mijlpalen
from regioagenda.records.regels.onderdelen import controleer_onderdelen
from regioagenda.records.regels.programma import controleer_programma
from regioagenda.records.regels.risicos import controleer_risicos
from regioagenda.records.regels.vergaderingen import controleer_vergaderingen
from regioagenda.records.regels.versies import controleer_versies, onzekere_vaststelling
from regioagenda.records.verzamelen import Bronnen

__all__ = ["controleer", "onzekere_vaststelling"]


def controleer(bouwsel: Bouwsel, bronnen: Bronnen) -> list[Probleem]:
    """Every cross-record rule on what was built; ``bronnen`` says which files are present and where from."""
    c = Controle(bouwsel, bronnen)
    for regels in (
        controleer_programma,
        controleer_onderdelen,
        controleer_mijlpalen,
        controleer_besluiten,
        controleer_risicos,
        controleer_versies,
        controleer_vergaderingen,
    ):
        regels(c)
    return c.problemen
