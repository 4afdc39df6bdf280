"""The peildatum a command uses when none is given: the same one the site is built with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from regioagenda.peildatum import OngeldigePeildatum, kies_peildatum
from regioagenda.records.mkdocsbeleid import pluginoptie


def standaard_peildatum(root: Path) -> dt.date:
    """mkdocs.yml's plugin option 'peildatum', else AGENDA_PEILDATUM, else today — the plugin's own rule."""
    return kies_peildatum(pluginoptie(Path(root), "peildatum"), "mkdocs.yml")


__all__ = ["OngeldigePeildatum", "standaard_peildatum"]
