"""Theme templates that fail while rendering report where, in Dutch, instead of ending the build in a traceback.

MkDocs renders the theme (Material, the plugin's partials, a programme's overrides) with a Jinja environment it
makes itself. A template that includes one that does not exist, or reads a value that is not there, raises a
Jinja exception that MkDocs does not catch. The template class made here turns such an exception into the error
the caller chooses (the plugin: MkDocs' PluginError, which MkDocs reports without a traceback), naming the
template file and line where it happened.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable

import jinja2

Fout = Callable[[str | None, int | None, str], Exception]
"""Makes the error to raise from (template file or None, line or None, what went wrong in Dutch)."""

_RENDERFOUTEN = (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError, IndexError)


def sjabloonklasse(fout: Fout) -> type[jinja2.Template]:
    """A Jinja template class whose ``render`` raises ``fout(...)`` for every error while rendering."""

    class Themasjabloon(jinja2.Template):
        def render(self, *args, **kwargs) -> str:
            try:
                return super().render(*args, **kwargs)
            except _RENDERFOUTEN as oorzaak:
                pad, regel = _plek(oorzaak, self.filename)
                raise fout(pad, regel, _wat(oorzaak)) from None

    return Themasjabloon


def _plek(oorzaak: BaseException, standaard: str | None) -> tuple[str | None, int | None]:
    """The innermost template file and line in the traceback (Jinja rewrites its frames to point there)."""
    for frame in reversed(traceback.extract_tb(oorzaak.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2")):
            return frame.filename, frame.lineno
    return standaard, getattr(oorzaak, "lineno", None)


def _wat(oorzaak: BaseException) -> str:
    if isinstance(oorzaak, jinja2.TemplateNotFound):
        return f"het sjabloon '{oorzaak.name}' bestaat niet in het thema"
    if isinstance(oorzaak, jinja2.UndefinedError):
        return f"het sjabloon gebruikt een waarde die er niet is ({oorzaak.message})"
    return f"het sjabloon kan niet worden opgebouwd ({type(oorzaak).__name__}: {oorzaak})"
