"""Record problems: what is wrong, where, and what is expected instead."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Probleem:
    """One problem in one record, reported as ``pad:regel: wat — verwacht``."""

    pad: str
    regel: int
    wat: str
    verwacht: str = ""

    def __str__(self) -> str:
        tekst = f"{zichtbaar(self.pad)}:{self.regel}: {zichtbaar(self.wat)}"
        return f"{tekst} — {zichtbaar(self.verwacht)}" if self.verwacht else tekst


def zichtbaar(tekst: str) -> str:
    """Text for one line of a terminal or log: line breaks, controls and invisible characters written as escapes.

    Problems quote what a record holds; a quoted escape sequence or bidi override must not act on the
    reader's terminal, and a quoted line break must not split one problem over two lines.
    """
    if tekst.isprintable():
        return tekst
    return "".join(c if c.isprintable() else "\\n" if c == "\n" else f"\\u{ord(c):04x}" for c in tekst)


class RecordFout(Exception):
    """Raised when a record cannot be read any further (syntax, encoding)."""

    def __init__(self, probleem: Probleem):
        super().__init__(str(probleem))
        self.probleem = probleem


def samenvatting(problemen: list[Probleem]) -> str:
    """A Dutch closing line counting problems and files."""
    bestanden = len({p.pad for p in problemen})
    woord = "probleem" if len(problemen) == 1 else "problemen"
    bwoord = "bestand" if bestanden == 1 else "bestanden"
    return f"{len(problemen)} {woord} gevonden in {bestanden} {bwoord}."
