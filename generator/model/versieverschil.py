"""What changed in the agenda between two versions: per section, plus the decisions accorded in between."""

from __future__ import annotations

import difflib
import re

from regioagenda.patronen import in_codeblok
from dataclasses import dataclass

_KOP = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MAX_REGELPAREN = 4_000_000
"""Beyond this many line pairs a section is reported as changed without its line-by-line difference."""


@dataclass(frozen=True)
class Sectiewijziging:
    kop: str
    regels: tuple[str, ...]
    """Unified-diff lines of the section's text."""


@dataclass(frozen=True)
class Versieverschil:
    toegevoegd: tuple[str, ...]
    verwijderd: tuple[str, ...]
    gewijzigd: tuple[Sectiewijziging, ...]

    @property
    def leeg(self) -> bool:
        return not (self.toegevoegd or self.verwijderd or self.gewijzigd)


def secties(markdown: str) -> list[tuple[str, str]]:
    """(heading, text) for every heading of the composed agenda, in order; a repeated heading gets its parents."""
    uit: list[tuple[str, list[str]]] = []
    pad: list[str] = []
    lijnen = markdown.splitlines()
    for regel, in_code in zip(lijnen, in_codeblok(lijnen), strict=True):
        kop = None if in_code else _KOP.match(regel)
        if kop:
            niveau = len(kop.group(1))
            pad = pad[: niveau - 1] + [""] * max(0, niveau - 1 - len(pad)) + [kop.group(2)]
            uit.append((" › ".join(p for p in pad if p), []))
        elif uit:
            uit[-1][1].append(regel)
    return [(kop, "\n".join(regels).strip()) for kop, regels in uit]


def vergelijk_teksten(oud: str, nieuw: str) -> Versieverschil:
    """Sections added, removed and changed between two compositions of the agenda."""
    voor, na = dict(secties(oud)), dict(secties(nieuw))
    gewijzigd = []
    for kop, tekst in na.items():
        if kop in voor and voor[kop] != tekst:
            oud_regels, nieuw_regels = voor[kop].splitlines(), tekst.splitlines()
            if len(oud_regels) * len(nieuw_regels) > MAX_REGELPAREN:  # difflib is quadratic: say it changed, not how
                gewijzigd.append(Sectiewijziging(kop, ()))
                continue
            regels = difflib.unified_diff(oud_regels, nieuw_regels, lineterm="", n=1)
            gewijzigd.append(Sectiewijziging(kop, tuple(list(regels)[2:])))
    return Versieverschil(
        toegevoegd=tuple(k for k in na if k not in voor),
        verwijderd=tuple(k for k in voor if k not in na),
        gewijzigd=tuple(gewijzigd),
    )
