"""'agenda bijwerken': bring records written for an earlier version of the generator up to date, losslessly.

Programmes from before ``termen:`` existed got the words 'uitvoeringsagenda' and 'deelopdracht(en)' from the
code; now a programme names its own. Without them, its addresses and its mkdocs.yml navigation would change,
so the command writes those earlier words into programma.yml, leaving every other byte as it was.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from generator.records.paden import PROGRAMMA
from generator.werkstroom.bewerken import schrijf_atomair
from generator.werkstroom.opdrachten import Geweigerd

EERDERE_TERMEN = (
    ("document", "uitvoeringsagenda"),
    ("lidwoord", "de"),
    ("onderdeel", "deelopdracht"),
    ("onderdelen", "deelopdrachten"),
    ("regio", "regio"),
    ("regios", "regio's"),
)
"""The words every programme had before it could name its own."""


def werk_bij(root: Path) -> list[str]:
    """Add what records written for an earlier version lack; returns what was done (empty: nothing to do)."""
    pad = Path(root) / PROGRAMMA
    try:
        tekst = pad.read_bytes().decode("utf-8")
        data = YAML(typ="safe").load(tekst)
    except Exception as fout:  # any reading problem (missing, not UTF-8, not YAML): the check explains it
        raise Geweigerd(
            [f"{PROGRAMMA} is niet te lezen ({type(fout).__name__}) — los dat eerst op (agenda controleer)"]
        ) from None
    if not isinstance(data, dict):
        raise Geweigerd([f"{PROGRAMMA} is geen YAML-blok met sleutels — los dat eerst op (agenda controleer)"])
    if "termen" in data:
        return []
    regeleinde = "\r\n" if "\r\n" in tekst else "\n"
    toevoeging = [
        "",
        "# Toegevoegd door 'agenda bijwerken': de woorden die het programma tot nu toe gebruikte.",
        "termen:",
        *(f'  {sleutel}: "{woord}"' for sleutel, woord in EERDERE_TERMEN),
    ]
    nieuw = tekst + ("" if not tekst or tekst.endswith(("\n", "\r")) else regeleinde)
    nieuw += regeleinde.join(toevoeging) + regeleinde
    if YAML(typ="safe").load(nieuw) != {**data, "termen": dict(EERDERE_TERMEN)}:
        raise Geweigerd([f"{PROGRAMMA} kon niet zonder verlies worden bijgewerkt — voeg 'termen:' met de hand toe"])
    schrijf_atomair(pad, nieuw)
    return [f"{PROGRAMMA}: 'termen' toegevoegd ({', '.join(w for _, w in EERDERE_TERMEN)})"]
