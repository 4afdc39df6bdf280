"""After a public build: no trace of a confidential record may be found in any output file."""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path

from .model.agenda import Agenda

MIN_LENGTE = 24
"""Body phrases shorter than this are too common to count as a trace."""


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip().casefold()


def _zinnen(tekst: str) -> list[str]:
    schoon = re.sub(r"[#*_`>\[\]()|-]", " ", tekst)
    return [z for z in (_normaal(z) for z in re.split(r"(?<=[.!?:;])\s+|\n", schoon)) if len(z) >= MIN_LENGTE]


def sporen(agenda: Agenda) -> dict[str, str]:
    """What would betray a confidential decision (fragment → decision code), minus text public records share."""
    publiek = agenda.openbaar()
    openbare_tekst = _normaal(" ".join(
        [b.titel + " " + b.samenvatting + " " + b.body for b in publiek.besluiten.values()]
        + [h.body for h in agenda.hoofdstukken.values()] + [d.body for d in agenda.deelopdrachten.values()]
    ))
    uit: dict[str, str] = {}
    for b in agenda.besluiten.values():
        if not b.vertrouwelijk:
            continue
        kandidaten = [f"{b.code}-{b.slug}", b.titel, b.samenvatting, *_zinnen(b.body), *_zinnen(b.samenvatting)]
        for fragment in (_normaal(k) for k in kandidaten):
            if fragment and fragment not in openbare_tekst:
                uit.setdefault(fragment, b.code)
    return uit


def _lees(pad: Path) -> str:
    inhoud = pad.read_bytes()
    if pad.suffix == ".gz":
        inhoud = gzip.decompress(inhoud)
    tekst = inhoud.decode("utf-8", errors="replace")
    if pad.suffix == ".json":
        try:
            tekst += " " + json.dumps(json.loads(tekst), ensure_ascii=False)
        except ValueError:
            pass
    return _normaal(html.unescape(tekst) + " " + tekst)


def zoek_lekken(map_: Path, fragmenten: dict[str, str]) -> list[tuple[str, str]]:
    """(file, decision code) for every output file that contains a confidential fragment."""
    if not fragmenten:
        return []
    lekken = []
    for pad in sorted(p for p in Path(map_).rglob("*") if p.is_file()):
        tekst = _lees(pad)
        for fragment, code in fragmenten.items():
            if fragment in tekst:
                lekken.append((pad.relative_to(map_).as_posix(), code))
                break
    return lekken
