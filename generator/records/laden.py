"""Load a programme: collect every record, check every rule, then build the model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from generator.model.programma import Termen
from generator.records.modelbouw import Onbouwbaar, bouw
from generator.records.paden import PROGRAMMA
from generator.records.verzamelen import verzamel
from generator.model.agenda import Agenda
from generator.problemen import Probleem
from generator.records.mkdocsbeleid import NAAM as MKDOCS, controleer_mkdocs
from generator.records.regels import controleer


@dataclass(frozen=True)
class Laadresultaat:
    """Either an agenda, or every problem found (never both)."""

    agenda: Agenda | None
    problemen: tuple[Probleem, ...]


def laad(
    root: Path, vervangen: dict[str, str] | None = None, cache: bool = False, vertrouwelijk: bool = False
) -> Laadresultaat:
    """Read all records below ``root`` (``vervangen``: texts to use instead of the files); report every problem.

    ``vertrouwelijk`` also reads the confidential decisions from the private source (commands and the internal
    build; never the public build). ``cache`` keeps parsed records by content hash for the next load: for
    'mkdocs serve', where one edit should not mean parsing every record again.
    """
    bronnen = verzamel(Path(root), vervangen, cache, vertrouwelijk)
    problemen = bronnen.problemen + controleer(bronnen) + _mkdocs(Path(root), vervangen)
    # Collected last: looking up the line of a problem above is what parses a record with positions.
    problemen += [doc.leesfout for doc in bronnen.documenten() if doc.leesfout is not None]
    problemen = sorted(set(problemen))
    if problemen:
        return Laadresultaat(None, tuple(problemen))
    try:
        return Laadresultaat(bouw(bronnen), ())
    except Onbouwbaar as fout:
        return Laadresultaat(None, tuple(sorted(set(fout.problemen))))


def _mkdocs(root: Path, vervangen: dict[str, str] | None) -> list[Probleem]:
    """mkdocs.yml is a record too: a pull request can change it as easily (see mkdocsbeleid)."""
    if vervangen and MKDOCS in vervangen:
        return controleer_mkdocs(root, MKDOCS, vervangen[MKDOCS])
    pad = root / MKDOCS
    return controleer_mkdocs(root) if pad.exists() or pad.is_symlink() else []


def termen(root: Path) -> Termen:
    """The programme's own words, for commands that speak before (or without) loading every record.

    Falls back to the plain defaults when programma.yml cannot be read: the load that follows reports why.
    """
    try:
        data = _programmadata(root)["termen"]
        return Termen(**{k: str(v) for k, v in data.items() if k in Termen.__dataclass_fields__})
    except Exception:
        return Termen()


def kopjes(root: Path, soort: str, standaard: tuple[str, ...]) -> tuple[str, ...]:
    """The headings a new record of ``soort`` ('onderdeel', 'besluit') gets: the programme's own, else ``standaard``."""
    try:
        eigen = _programmadata(root)["kopjes"][soort]
        return tuple(str(k) for k in eigen) if isinstance(eigen, list) else standaard
    except Exception:
        return standaard


def _programmadata(root: Path) -> dict:
    return YAML(typ="safe").load((Path(root) / PROGRAMMA).read_text("utf-8"))
