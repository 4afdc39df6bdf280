"""``agenda bouw``: the hand-written ``docs/`` and every composed page as a Markdown tree, published atomically.

The tree is written through ``publicatie.Publicatie`` (build beside, check, swap) and held to the leak check only
(an internal build to none): the built-output check is the MkDocs build's, for the HTML a theme renders. Every
file lands inside the build folder (``_schrijf``); of ``docs/`` only what 'agenda controleer' passes is copied.
No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from regioagenda.problemen import Probleem
from regioagenda.publiceren.lekcontrole import sporen
from regioagenda.publiceren.publicatie import Lek, Publicatie, zonder_lekken
from regioagenda.records.laden import laad
from regioagenda.records.sitebestanden import publiceerbaar
from regioagenda.samenstellen import Opties, genereer
from regioagenda.samenstellen.paginas import OnveiligAdres

__all__ = ["Lek", "bouw_boom"]


def bouw_boom(root: Path, uit: Path, peildatum: dt.date, intern: bool = False) -> list[Probleem]:
    """Hand-written ``docs/`` plus every generated page into ``uit``; on problems nothing is written."""
    resultaat = laad(root, vertrouwelijk=intern)
    if resultaat.problemen:
        return list(resultaat.problemen)
    controle = (lambda map_: None) if intern else (lambda map_: zonder_lekken(map_, sporen(resultaat.agenda)))
    with Publicatie(uit, controle, root=root, prive=resultaat.opslag.bron) as tijdelijk:
        _kopieer_pagina_s(root / "docs", tijdelijk)
        for pagina in genereer(resultaat.agenda, Opties(peildatum, intern=intern, root=root)):
            _schrijf(tijdelijk, pagina.uri, pagina.als_bytes)
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
