"""Workflow: the 'agenda' command and the commands that edit records (byte-exact, atomic, checked first)."""

from regioagenda.werkstroom.opdrachten import (
    Geweigerd,
    Resultaat,
    nieuw_besluit,
    nieuwe_deelopdracht,
    nieuwe_nulplaat,
    vaststellen,
    zet_stap,
)

__all__ = [
    "Geweigerd",
    "Resultaat",
    "nieuw_besluit",
    "nieuwe_deelopdracht",
    "nieuwe_nulplaat",
    "vaststellen",
    "zet_stap",
]
