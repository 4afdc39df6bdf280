"""Dutch help screens for the 'agenda' command: click ships its own help texts in English only."""

from __future__ import annotations

import re

import click

_KOPPEN = {"Options": "Opties", "Commands": "Commando's", "Positional arguments": "Argumenten"}
_METAVARS = {
    "TEXT": "TEKST",
    "DIRECTORY": "MAP",
    "INTEGER": "GETAL",
    "PATH": "PAD",
    "FILE": "BESTAND",
    "FILENAME": "BESTAND",
    "BOOLEAN": "JA/NEE",
    "FLOAT": "GETAL",
}
_METAVAR = re.compile(r"\b(" + "|".join(_METAVARS) + r")\b")
_VERTALINGEN = (
    ("Show this message and exit.", "Toon deze hulp en stop."),
    ("[required]", "[verplicht]"),
    ("; required]", "; verplicht]"),
    ("[default: ", "[standaard: "),
    ("[env var: ", "[omgevingsvariabele: "),
)


def vertaal(tekst: str) -> str:
    """Click's fixed phrases in a help text, in Dutch; the project's own help texts are Dutch already."""
    for engels, nederlands in _VERTALINGEN:
        tekst = tekst.replace(engels, nederlands)
    return tekst


class NederlandseOpmaak(click.HelpFormatter):
    """Help layout with Dutch headings, usage line and option remarks."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(
            prog,
            args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]", "COMMANDO [ARGUMENTEN]"),
            prefix if prefix is not None else "Gebruik: ",
        )

    def write_heading(self, heading: str) -> None:
        super().write_heading(_KOPPEN.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rijen = [(_METAVAR.sub(lambda m: _METAVARS[m.group(1)], term), vertaal(uitleg)) for term, uitleg in rows]
        super().write_dl(rijen, col_max, col_spacing)


class NederlandseContext(click.Context):
    formatter_class = NederlandseOpmaak


class NederlandsCommando(click.Command):
    context_class = NederlandseContext


class NederlandseGroep(click.Group):
    """A command group whose subcommands and subgroups all show Dutch help, with the earlier verbs as aliases."""

    context_class = NederlandseContext
    command_class = NederlandsCommando
    group_class = type  # subgroups are of this same class
    ALIASSEN = {"check": "controleer", "build": "bouw", "new": "nieuw", "init": "start", "deelopdracht": "onderdeel"}
    """Earlier verbs and nouns, kept so that scripts, hooks and workflows keep working; help shows the current ones."""

    def get_command(self, ctx: click.Context, naam: str) -> click.Command | None:
        return super().get_command(ctx, self.ALIASSEN.get(naam, naam))
