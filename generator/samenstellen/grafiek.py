"""Key figures as an inline SVG chart: baseline, measurements and target, with the values as text."""

from __future__ import annotations

import html

from markupsafe import Markup

from regioagenda.nederlands import datum as nl_datum, getal
from regioagenda.model.deelopdracht import Kengetal, Waarde

BREEDTE, HOOGTE = 560, 220
MARGE_LINKS, MARGE_RECHTS, MARGE_BOVEN, MARGE_ONDER = (
    56,
    56,
    24,
    48,
)  # labels are centred on their point: room on both sides


def _punten(k: Kengetal) -> list[tuple[str, Waarde]]:
    """The values that share one scale: fixed, absolute, in the key figure's own unit (open and relative ones not)."""
    punten = [("uitgangssituatie", k.basis)] if k.basis else []
    punten += [("meting", m) for m in k.metingen]
    punten += [("doel", k.doel)]
    return [(soort, w) for soort, w in punten if w.bepaald and not w.relatief and w.eenheid in (None, k.eenheid)]


def kengetal_svg(k: Kengetal, element_id: str) -> Markup:
    """An accessible line chart; points are spaced in order, each labelled with its value and date.

    Empty when no value can be drawn (the table under it still gives every value in words)."""
    punten = _punten(k)
    if not punten:
        return Markup("")
    hoogste = max(max(w.waarde for _, w in punten), 1.0)
    stap = (BREEDTE - MARGE_LINKS - MARGE_RECHTS) / max(len(punten) - 1, 1)
    hoogte = HOOGTE - MARGE_BOVEN - MARGE_ONDER

    def x(i: int) -> float:
        return MARGE_LINKS + i * stap if len(punten) > 1 else BREEDTE / 2

    def y(w: float) -> float:
        return MARGE_BOVEN + hoogte * (1 - w / hoogste)

    eenheid = f" {k.eenheid}" if k.eenheid else ""
    beschrijving = "; ".join(
        f"{soort} {getal(w.waarde)}{eenheid} ({nl_datum(w.datum) if w.datum else 'datum nader in te vullen'})"
        for soort, w in punten
    )
    e = html.escape
    delen = [
        # On a phone the chart keeps a width at which its labels stay readable and scrolls inside its own frame
        # (focusable, so that a keyboard can scroll it); the page itself never scrolls sideways.
        f'<div class="kengetal-kader" role="region" tabindex="0" aria-label="Grafiek: {e(k.naam)}">',
        f'<svg class="kengetal" role="img" aria-labelledby="{element_id}-t {element_id}-d" viewBox="0 0 {BREEDTE} '
        f'{HOOGTE}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{element_id}-t">{e(k.naam)}</title>',
        f'<desc id="{element_id}-d">{e(beschrijving)}</desc>',
        f'<line class="kengetal__as" x1="{MARGE_LINKS}" y1="{y(0):.1f}" x2="{BREEDTE - MARGE_RECHTS}" '
        f'y2="{y(0):.1f}"/>',
    ]
    gemeten = [(i, w) for i, (soort, w) in enumerate(punten) if soort != "doel"]
    if len(gemeten) > 1:
        lijn = " ".join(f"{x(i):.1f},{y(w.waarde):.1f}" for i, w in gemeten)
        delen.append(f'<polyline class="kengetal__lijn" points="{lijn}"/>')
    if gemeten and punten[-1][0] == "doel":
        i, w = gemeten[-1]
        delen.append(
            f'<line class="kengetal__doellijn" x1="{x(i):.1f}" y1="{y(w.waarde):.1f}" '
            f'x2="{x(len(punten) - 1):.1f}" y2="{y(k.doel.waarde):.1f}"/>'
        )
    for i, (soort, w) in enumerate(punten):
        datum = nl_datum(w.datum) if w.datum else "nader in te vullen"
        delen += [
            f'<circle class="kengetal__punt kengetal__punt--{soort}" cx="{x(i):.1f}" cy="{y(w.waarde):.1f}" r="5"/>',
            f'<text x="{x(i):.1f}" y="{y(w.waarde) - 10:.1f}" '
            f'text-anchor="middle">{e(getal(w.waarde) + eenheid)}</text>',
            f'<text x="{x(i):.1f}" y="{HOOGTE - 26}" text-anchor="middle">{e(soort)}</text>',
            f'<text x="{x(i):.1f}" y="{HOOGTE - 10}" text-anchor="middle">{e(datum)}</text>',
        ]
    delen.append("</svg></div>")
    return Markup("".join(delen))  # built here from escaped values
