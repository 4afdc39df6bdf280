"""Rules on the risk register: unique ids, and every risk in a category the register names."""

from __future__ import annotations

from regioagenda.model.overig import Risicoregister
from regioagenda.records.regels.controle import Controle


def controleer_risicos(c: Controle) -> None:
    """Unique categories and risks; each risk in a known category."""
    register = c.bouwsel.risicoregister
    if register is None:
        return
    with c.bewaakt(register):
        _register(c, register)


def _register(c: Controle, register: Risicoregister) -> None:
    c.uniek(register, "categorieen", register.categorieen)
    c.uniek(register, "risicos", register.risicos)
    categorieen = {id_ for id_, _ in register.categorieen}
    for risico in register.risicos:
        c.verwijzing(risico, ("categorie",), risico.categorie, categorieen, "categorie")
