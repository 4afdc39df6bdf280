"""Jinja environment and filters that turn the model into Markdown.

Record text is passed to templates as data and is never itself compiled as a template.
"""

from __future__ import annotations

import html
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from .model.datum import Datum

NADER = "*nader in te vullen*"
_MD_SPECIAAL = re.compile(r"([\\`*_\[\]#|])")
_KOP = re.compile(r"^(#{1,6})(?=\s)")
_HEK = re.compile(r"^(```|~~~)")


def inline(tekst: object) -> str:
    """Escape record text for use inside a Markdown line (titles, table cells)."""
    return _MD_SPECIAAL.sub(r"\\\1", html.escape(str(tekst), quote=False)).replace("\n", " ")


def attribuut(tekst: object) -> str:
    """Escape record text for an HTML element or attribute."""
    return html.escape(str(tekst), quote=True)


def relatief(van: str, naar: str) -> str:
    """A relative link from one generated page to another (both are normalised paths in the tree)."""
    bron, doel = van.split("/")[:-1], naar.split("/")
    gedeeld = 0
    while gedeeld < len(bron) and gedeeld < len(doel) - 1 and bron[gedeeld] == doel[gedeeld]:
        gedeeld += 1
    return "/".join([".."] * (len(bron) - gedeeld) + doel[gedeeld:])


def verschuif_koppen(markdown: str, niveaus: int) -> str:
    """Demote ATX headings by ``niveaus`` (outside code fences), capped at level 6."""
    if niveaus <= 0:
        return markdown
    uit, in_code = [], False
    for regel in markdown.splitlines():
        if _HEK.match(regel.lstrip()):
            in_code = not in_code
        elif not in_code:
            regel = _KOP.sub(lambda m: "#" * min(6, len(m.group(1)) + niveaus), regel)
        uit.append(regel)
    return "\n".join(uit) + ("\n" if markdown.endswith("\n") else "")


def datum_nl(waarde: Datum | None) -> str:
    return waarde.nl if waarde is not None else NADER


def of_nader(waarde: object) -> str:
    return NADER if waarde in (None, "", (), []) else str(waarde)


def getal(waarde: float) -> str:
    return str(int(waarde)) if float(waarde).is_integer() else f"{waarde:.2f}".replace(".", ",")


@cache
def omgeving() -> Environment:
    """The Jinja environment for Markdown templates (autoescape off: Markdown, not HTML)."""
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        inline=inline, attr=attribuut, datum=datum_nl, nader=of_nader, getal=getal, koppen=verschuif_koppen,
    )
    from .grafiek import kengetal_svg  # the chart module uses the filters defined here

    env.globals.update(relatief=relatief, NADER=NADER, kengetal_svg=kengetal_svg)
    return env


def render(template: str, **context: object) -> str:
    """Render one template to Markdown."""
    tekst = omgeving().get_template(template).render(**context)
    return re.sub(r"\n{3,}", "\n\n", tekst)
