"""What changed between two snapshots of a nulplaat: levers added, removed, reworded."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from regioagenda.model.overig import Knop, Nulplaat

GELIJKENIS = 0.6
"""Two levers whose *wat* is at least this similar count as one lever reworded."""
MAX_PAREN = 10_000


@dataclass(frozen=True)
class Nulplaatverschil:
    """The difference between an earlier and a later snapshot."""

    oud: Nulplaat
    nieuw: Nulplaat
    toegevoegd: tuple[Knop, ...]
    verwijderd: tuple[Knop, ...]
    herschreven: tuple[tuple[Knop, Knop], ...]
    hoe_gewijzigd: tuple[tuple[Knop, Knop], ...]

    @property
    def ambitie_gewijzigd(self) -> bool:
        return (self.oud.ambitie, self.oud.doelen) != (self.nieuw.ambitie, self.nieuw.doelen)

    @property
    def leeg(self) -> bool:
        return not (
            self.toegevoegd or self.verwijderd or self.herschreven or self.hoe_gewijzigd or self.ambitie_gewijzigd
        )


def vergelijk(oud: Nulplaat, nieuw: Nulplaat) -> Nulplaatverschil:
    """Pair levers by identical *wat*, then by similar *wat*; the rest is added or removed."""
    nog_oud = list(oud.knoppen)
    nog_nieuw = []
    hoe_gewijzigd = []
    for knop in nieuw.knoppen:
        gelijk = next((k for k in nog_oud if k.wat == knop.wat), None)
        if gelijk is None:
            nog_nieuw.append(knop)
            continue
        nog_oud.remove(gelijk)
        if gelijk != knop:
            hoe_gewijzigd.append((gelijk, knop))
    herschreven = []
    # Pairing by similarity compares every old lever with every new one: beyond a few thousand pairs
    # (never in a real snapshot) the rest simply counts as added and removed.
    te_veel = len(nog_oud) * len(nog_nieuw) > MAX_PAREN
    paren = (
        []
        if te_veel
        else sorted(
            (
                (difflib.SequenceMatcher(None, o.wat, n.wat).ratio(), i, j)
                for i, o in enumerate(nog_oud)
                for j, n in enumerate(nog_nieuw)
            ),
            key=lambda p: (-p[0], p[1], p[2]),
        )
    )
    gebruikt_oud, gebruikt_nieuw = set(), set()
    for ratio, i, j in paren:
        if ratio >= GELIJKENIS and i not in gebruikt_oud and j not in gebruikt_nieuw:
            gebruikt_oud.add(i)
            gebruikt_nieuw.add(j)
            herschreven.append((i, j))
    return Nulplaatverschil(
        oud=oud,
        nieuw=nieuw,
        toegevoegd=tuple(n for j, n in enumerate(nog_nieuw) if j not in gebruikt_nieuw),
        verwijderd=tuple(o for i, o in enumerate(nog_oud) if i not in gebruikt_oud),
        herschreven=tuple((nog_oud[i], nog_nieuw[j]) for i, j in sorted(herschreven, key=lambda p: p[1])),
        hoe_gewijzigd=tuple(hoe_gewijzigd),
    )
