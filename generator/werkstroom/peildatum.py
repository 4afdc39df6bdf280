"""The peildatum a command uses when none is given: the same one the site is built with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ruamel.yaml import YAML

from generator.peildatum import OngeldigePeildatum, kies_peildatum

PLUGINNAMEN = ("agenda", "uitvoeringsagenda")
"""Names under which mkdocs.yml lists this generator's plugin."""


def standaard_peildatum(root: Path) -> dt.date:
    """mkdocs.yml's plugin option 'peildatum', else AGENDA_PEILDATUM, else today — the plugin's own rule."""
    return kies_peildatum(_uit_mkdocs(Path(root)), "mkdocs.yml")


def _uit_mkdocs(root: Path) -> object | None:
    """The plugin's 'peildatum' option in mkdocs.yml, if the file names one (tags such as !ENV are ignored)."""
    pad = root / "mkdocs.yml"
    if not pad.is_file():
        return None
    yaml = YAML(typ="safe", pure=True)
    yaml.constructor.add_multi_constructor("", lambda *_: None)
    try:
        data = yaml.load(pad.read_text("utf-8"))
    except Exception:
        return None  # mkdocs itself reports a broken mkdocs.yml; the command falls back to the next source
    plugins = data.get("plugins") if isinstance(data, dict) else None
    for plugin in plugins or []:
        if isinstance(plugin, dict):
            for naam, opties in plugin.items():
                if naam in PLUGINNAMEN and isinstance(opties, dict) and opties.get("peildatum"):
                    return opties["peildatum"]
    return None


__all__ = ["OngeldigePeildatum", "standaard_peildatum"]
