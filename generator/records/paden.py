"""Where a programme's records live, defined once: every room asks here."""

from __future__ import annotations

import re

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


def besluitpad(nummer: int, slug: str) -> str:
    """The path of a decision record: decisions/0012-centrale-toegang.md."""
    return f"{MAPPEN[RecordSoort.BESLUIT]}/{nummer:04d}-{slug}.md"


def recordpad(soort: RecordSoort, id_: str) -> str:
    """The path of a charter, nulplaat, chapter or version record with this id."""
    return f"{MAPPEN[soort]}/{id_}.md"
