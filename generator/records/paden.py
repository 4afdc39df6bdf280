"""Where a programme's records live, defined once: every room asks here."""

from __future__ import annotations

import os
import re
from typing import NamedTuple
from pathlib import Path

from regioagenda.model.vocab import RecordSoort
from regioagenda.patronen import VERSIE

PROGRAMMA = "agenda/programma.yml"
RISICOS = "agenda/risicos.yml"
RECORDMAPPEN = ("agenda", "decisions")
"""The folders that hold records (watched by 'serve', compared by 'agenda wijzigingen')."""
SITEMAPPEN = ("docs",)
"""Hand-written pages and their pictures, published beside the generated pages."""
THEMAMAP = "overrides"
"""Theme overrides, by MkDocs convention."""
MAPPEN = {
    RecordSoort.HOOFDSTUK: "agenda/hoofdstukken",
    RecordSoort.DEELOPDRACHT: "agenda/deelopdrachten",
    RecordSoort.NULPLAAT: "agenda/nulplaten",
    RecordSoort.BESLUIT: "decisions",
    RecordSoort.VERSIE: "agenda/versies",
    RecordSoort.VERGADERING: "agenda/vergaderingen",
}
"""Folder of each kind of record that has one file per record."""


def _kern(patroon: str) -> str:
    """A pattern without its anchors, to build a longer pattern from it."""
    return re.sub(r"^(\^|\\A)|(\$|\\Z)$", "", patroon)


# Anchored with \A and \Z, never '^' and '$': '$' also matches before a trailing newline, and a file
# named '0001-x.md⏎' is not a record. Whole names only, whether a caller uses match or fullmatch.
BESLUITNAAM = re.compile(r"\A(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md\Z")
VERSIENAAM = re.compile(rf"\A{_kern(VERSIE.pattern)}\.md\Z")


class Besluitnaam(NamedTuple):
    """A decision's file name, parsed: its number and its slug."""

    nummer: int
    slug: str


def lees_besluitnaam(naam: str) -> Besluitnaam | None:
    """'0012-centrale-toegang.md' → (12, 'centrale-toegang'); None for a name that is not a decision's."""
    m = BESLUITNAAM.match(naam)
    return Besluitnaam(int(m.group(1)), m.group(2)) if m else None


def stukpad(vergadering_id: str, bestand: str) -> str:
    """Where a paper of a meeting is kept: in a folder beside the meeting's record, named after it."""
    return f"{MAPPEN[RecordSoort.VERGADERING]}/{vergadering_id}/{bestand}"


def besluitnaam(nummer: int, slug: str) -> str:
    """The file name of a decision record: 0012-centrale-toegang.md."""
    return f"{nummer:04d}-{slug}.md"


def recordpad(soort: RecordSoort, id_: str) -> str:
    """The path of a charter, nulplaat, chapter or version record with this id."""
    return f"{MAPPEN[soort]}/{id_}.md"


VERTROUWELIJK_OMGEVING = "AGENDA_VERTROUWELIJK"
"""Environment variable that names the private source (overrides 'vertrouwelijke_bron' in programma.yml)."""


def vertrouwelijke_bron(root: Path, instelling: str | None) -> Path | None:
    """The folder that holds the confidential decisions, when one is set: the environment first, then programma.yml."""
    waarde = os.environ.get(VERTROUWELIJK_OMGEVING) or instelling
    if not waarde:
        return None
    pad = Path(waarde).expanduser()
    return (pad if pad.is_absolute() else Path(root) / pad).resolve()


def repository(root: Path) -> Path:
    """The git work tree that holds the programme (the nearest folder with a '.git' entry), else the programme.

    Walks up instead of asking git: no program runs, and a work tree whose git is missing is still found.
    """
    root = Path(root).resolve()
    for map_ in (root, *root.parents):
        if os.path.lexists(map_ / ".git"):
            return map_
    return root


def overlappen(a: Path, b: Path) -> bool:
    """Whether two resolved folders are the same, or one lies inside the other."""
    return a == b or a in b.parents or b in a.parents


def relatief_pad(root: Path, pad: Path) -> str:
    """A path as problems and edits name it: relative to the programme, also when it lies outside it ('../…')."""
    return Path(os.path.relpath(pad, Path(root).resolve())).as_posix()
