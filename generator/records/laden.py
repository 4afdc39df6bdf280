"""Load a programme: collect every record and hold it to its schema, build the model once, then run the rules
across records on it. Also what commands read of programma.yml before they load (``instellingen``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import Programma, Termen
from regioagenda.problemen import Probleem
from regioagenda.records.herkomst import Herkomst
from regioagenda.records.mkdocsbeleid import NAAM as MKDOCS, controleer_mkdocs
from regioagenda.records.modelbouw import Onbouwbaar, bouw, programma_uit
from regioagenda.records.regels import controleer
from regioagenda.records.opslag import Opslag, opslag_van
from regioagenda.records.verzamelen import programmadocument, verzamel


@dataclass(frozen=True)
class Laadresultaat:
    """Either an agenda, or every problem found (never both)."""

    agenda: Agenda | None
    problemen: tuple[Probleem, ...]
    herkomst: Herkomst | None = None
    """Where every model object came from (file and line), when the records could be read."""
    opslag: Opslag | None = None
    """Where the programme keeps its decisions, as read for this load (a build needs it before it writes)."""


def laad(
    root: Path, vervangen: dict[str, str] | None = None, cache: bool = False, vertrouwelijk: bool = False
) -> Laadresultaat:
    """Read all records below ``root`` (``vervangen``: texts to use instead of the files); report every problem.

    ``vertrouwelijk`` also reads the confidential decisions from the private source (commands and the internal
    build; never the public build). ``cache`` keeps parsed records by content hash for the next load: for
    'mkdocs serve', where one edit should not mean parsing every record again.
    """
    bronnen = verzamel(Path(root), vervangen, cache, vertrouwelijk)
    bouwsel = bouw(bronnen)  # the one reading of every record's data
    problemen = bronnen.problemen + bouwsel.problemen + controleer(bouwsel, bronnen) + _mkdocs(Path(root), vervangen)
    # Collected last: looking up the line of a problem above is what parses a record with positions.
    problemen += [doc.leesfout for doc in bronnen.documenten() if doc.leesfout is not None]
    problemen = sorted(set(problemen))
    if problemen:
        return Laadresultaat(None, tuple(problemen), bouwsel.herkomst, bronnen.opslag)
    try:
        return Laadresultaat(bouwsel.agenda(), (), bouwsel.herkomst, bronnen.opslag)
    except Onbouwbaar as fout:
        return Laadresultaat(None, tuple(sorted(set(fout.problemen))), bouwsel.herkomst, bronnen.opslag)


def _mkdocs(root: Path, vervangen: dict[str, str] | None) -> list[Probleem]:
    """mkdocs.yml is a record too: a pull request can change it as easily (see mkdocsbeleid)."""
    if vervangen and MKDOCS in vervangen:
        return controleer_mkdocs(root, MKDOCS, vervangen[MKDOCS])
    pad = root / MKDOCS
    return controleer_mkdocs(root) if pad.exists() or pad.is_symlink() else []


@dataclass(frozen=True)
class Instellingen:
    """What programma.yml tells a command before it loads every record: where decisions are kept, and the
    programme itself (None when programma.yml cannot be read; the load that follows reports why)."""

    opslag: Opslag
    programma: Programma | None

    @property
    def termen(self) -> Termen:
        """The programme's own words, or the plain defaults."""
        return self.programma.termen if self.programma is not None else Termen()

    def kopjes(self, soort: str, standaard: tuple[str, ...]) -> tuple[str, ...]:
        """The headings a new record of ``soort`` ('onderdeel', 'besluit') gets: the programme's own, else
        ``standaard``."""
        return self.programma.kopjes.get(soort, standaard) if self.programma is not None else standaard


def instellingen(root: Path) -> Instellingen:
    """programma.yml read once, by the same reader as every load, for a command that speaks before loading."""
    doc, geldig = programmadocument(Path(root))
    return Instellingen(opslag_van(Path(root), doc), programma_uit(doc) if geldig else None)
