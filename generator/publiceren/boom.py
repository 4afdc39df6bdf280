"""Write the composed site as a Markdown tree on disk, atomically."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from generator.publiceren.bouwveiligheid import nieuwe_bouwmap, ruim_op, wissel
from generator.records.verzamelen import prive_bron

from generator.records.laden import laad
from generator.publiceren.lekcontrole import sporen, zoek_lekken
from generator.problemen import Probleem
from generator.samenstellen import Opties, genereer
from generator.samenstellen.paginas import OnveiligAdres
from generator.records.sitebestanden import publiceerbaar


class Lek(Exception):
    """Confidential text found in a public build; nothing was published."""

    def __init__(self, lekken: list[tuple[str, str]]):
        super().__init__(f"{len(lekken)} bestand(en) met vertrouwelijke inhoud")
        self.lekken = lekken


def bouw_boom(root: Path, uit: Path, peildatum: dt.date, intern: bool = False) -> list[Probleem]:
    """Hand-written ``docs/`` plus every generated page into ``uit``; on problems nothing is written."""
    resultaat = laad(root, vertrouwelijk=intern)
    if resultaat.problemen:
        return list(resultaat.problemen)
    uit = uit.resolve()
    tijdelijk = nieuwe_bouwmap(uit, root=root, prive=prive_bron(root))
    try:
        _kopieer_pagina_s(root / "docs", tijdelijk)
        for pagina in genereer(resultaat.agenda, Opties(peildatum, intern=intern)):
            _schrijf(tijdelijk, pagina.uri, pagina.als_bytes)
        lekken = [] if intern else zoek_lekken(tijdelijk, sporen(resultaat.agenda))
        if lekken:
            raise Lek(lekken)
        wissel(tijdelijk, uit)
    except BaseException:
        ruim_op(tijdelijk)
        raise
    return []


def _schrijf(map_: Path, relatief: str, inhoud: bytes) -> None:
    """Write one file of the tree, only ever inside ``map_``: the one guard every generated path passes."""
    doel = (map_ / relatief).resolve()
    if map_.resolve() not in doel.parents:
        raise OnveiligAdres(f"de pagina '{relatief}' zou buiten de uitvoermap terechtkomen")
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_bytes(inhoud)


def _kopieer_pagina_s(docs: Path, doel: Path) -> None:
    """The hand-written pages and pictures that 'agenda controleer' passed; never a link, never another file type."""
    if not docs.is_dir() or docs.is_symlink():
        return
    for huidig, _mappen, bestanden in os.walk(docs, followlinks=False):
        for naam in sorted(bestanden):
            bron = Path(huidig) / naam
            if publiceerbaar(bron):
                _schrijf(doel, bron.relative_to(docs).as_posix(), bron.read_bytes())
