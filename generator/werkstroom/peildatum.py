"""The peildatum a command uses when none is given: the same one the site is built with."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ruamel.yaml import YAML

PLUGINNAMEN = ("agenda", "uitvoeringsagenda")
"""Names under which mkdocs.yml lists this generator's plugin."""


class OngeldigePeildatum(ValueError):
    """A peildatum in mkdocs.yml or AGENDA_PEILDATUM that is not a date."""


def standaard_peildatum(root: Path) -> dt.date:
    """mkdocs.yml's plugin option 'peildatum', else AGENDA_PEILDATUM, else today — in the plugin's own order."""
    for waarde, waar in ((_uit_mkdocs(Path(root)), "mkdocs.yml"), (os.environ.get("AGENDA_PEILDATUM"), None)):
        if not waarde:
            continue
        try:
            return dt.date.fromisoformat(str(waarde))
        except ValueError:
            bron = waar or "AGENDA_PEILDATUM"
            raise OngeldigePeildatum(f"peildatum '{waarde}' in {bron} is geen datum — verwacht JJJJ-MM-DD") from None
    return dt.date.today()


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
