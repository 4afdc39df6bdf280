"""Rules on the risk register: unique ids, and every risk in a category the register names."""

from __future__ import annotations

from generator.records.regels.controle import Controle


def controleer_risicos(c: Controle) -> None:
    register = c.bouwsel.risicoregister
    if register is None:
        return
    c.uniek(register, "categorieen", register.categorieen)
    c.uniek(register, "risicos", register.risicos)
    categorieen = {id_ for id_, _ in register.categorieen}
    for risico in register.risicos:
        c.verwijzing(risico, ("categorie",), risico.categorie, categorieen, "categorie")
