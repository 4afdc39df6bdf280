"""Where a programme's records live, defined once: every room asks here."""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.model.vocab import RecordSoort
from generator.patronen import VERSIE

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
}
"""Folder of each kind of record that has one file per record."""

BESLUITNAAM = re.compile(r"^(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
VERSIENAAM = re.compile(VERSIE.pattern.removesuffix("$") + r"\.md$")


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


def relatief_pad(root: Path, pad: Path) -> str:
    """A path as problems and edits name it: relative to the programme, also when it lies outside it ('../…')."""
    return Path(os.path.relpath(pad, Path(root).resolve())).as_posix()
