"""'agenda bijwerken': bring records written for an earlier version of the generator up to date, losslessly.

Programmes from before ``termen:`` existed got the words 'uitvoeringsagenda' and 'deelopdracht(en)' from the
code; now a programme names its own. Without them, its addresses and its mkdocs.yml navigation would change,
so the command writes those earlier words into programma.yml, leaving every other byte as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from regioagenda.patronen import regels
from regioagenda.records.paden import PROGRAMMA
from regioagenda.werkstroom.bewerken import schrijf_atomair
from regioagenda.werkstroom.opdrachten import Geweigerd

EERDERE_TERMEN = (
    ("document", "uitvoeringsagenda"),
    ("lidwoord", "de"),
    ("onderdeel", "deelopdracht"),
    ("onderdelen", "deelopdrachten"),
    ("regio", "regio"),
    ("regios", "regio's"),
)
"""The words every programme had before it could name its own."""


_EINDE = re.compile(r"^\.\.\.[ \t]*(?:#.*)?\Z")
"""The YAML document end marker, perhaps with a comment."""
_LEEG = re.compile(r"^[ \t]*(?:#.*)?\Z")
"""A line without data: empty, or only a comment."""


def werk_bij(root: Path) -> list[str]:
    """Add what records written for an earlier version lack; returns what was done (empty: nothing to do)."""
    pad = Path(root) / PROGRAMMA
    _geen_koppeling(Path(root), pad)
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
    nieuw = _met_termen(tekst)
    try:
        zonder_verlies = YAML(typ="safe").load(nieuw) == {**data, "termen": dict(EERDERE_TERMEN)}
    except Exception:  # the addition does not fit the file's layout (a flow block, say): nothing is written
        zonder_verlies = False
    if not zonder_verlies:
        raise Geweigerd([f"{PROGRAMMA} kon niet zonder verlies worden bijgewerkt — voeg 'termen:' met de hand toe"])
    schrijf_atomair(pad, nieuw)
    return [f"{PROGRAMMA}: 'termen' toegevoegd ({', '.join(w for _, w in EERDERE_TERMEN)})"]


def _geen_koppeling(root: Path, pad: Path) -> None:
    """Refuse a programma.yml that is a symbolic link, or lies behind one: it would be read from, and its
    contents written into the repository from, wherever the link points."""
    if pad.is_symlink() or (pad.exists() and pad.resolve() != root.resolve() / PROGRAMMA):
        raise Geweigerd(
            [
                f"{PROGRAMMA} is een symbolische koppeling (of ligt achter een) — er is niets geschreven; "
                "zet het bestand zelf in de repository"
            ]
        )


def _met_termen(tekst: str) -> str:
    """The file with the earlier words added at the end of its document: before a closing '...' when it has one,
    every other byte as it was."""
    regeleinde = "\r\n" if "\r\n" in tekst else "\n"
    toevoeging = regeleinde.join(
        [
            "",
            "# Toegevoegd door 'agenda bijwerken': de woorden die het programma tot nu toe gebruikte.",
            "termen:",
            *(f'  {sleutel}: "{woord}"' for sleutel, woord in EERDERE_TERMEN),
        ]
    )
    lijnen = regels(tekst, keepends=True)
    einde = next(
        (i for i in range(len(lijnen) - 1, -1, -1) if not _LEEG.match(lijnen[i].rstrip("\r\n"))),
        None,
    )
    if einde is not None and _EINDE.match(lijnen[einde].rstrip("\r\n")):
        voor = "".join(lijnen[:einde])
        voor += "" if not voor or voor.endswith(("\n", "\r")) else regeleinde
        return voor + toevoeging + regeleinde + "".join(lijnen[einde:])
    nieuw = tekst + ("" if not tekst or tekst.endswith(("\n", "\r")) else regeleinde)
    return nieuw + toevoeging + regeleinde
