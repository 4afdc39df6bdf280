"""Where a programme keeps its decisions: the public repository, and the private source for confidential ones.

Read before any record is collected (the private source decides which folder is read), from programma.yml
and AGENDA_VERTROUWELIJK; a private source that lies inside the repository is refused on every load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from regioagenda.model.vocab import RecordSoort
from regioagenda.problemen import Probleem, RecordFout
from regioagenda.records.paden import (
    MAPPEN,
    PROGRAMMA,
    VERTROUWELIJK_OMGEVING,
    overlappen,
    relatief_pad,
    vertrouwelijke_bron,
)
from regioagenda.records.paden import repository as repository_van
from regioagenda.records.yamlbron import YamlDocument, lees_yaml_bestand


def opslaginstellingen(data: Any) -> tuple[str | None, bool]:
    """Where confidential decisions are kept ('vertrouwelijke_bron' as written) and whether the repository is
    public, read from programma.yml's data even when the rest of it is wrong: a private source must be kept out
    of every build, whatever else the file gets wrong."""
    data = data if isinstance(data, dict) else {}
    instelling = data.get("vertrouwelijke_bron")
    return (instelling if isinstance(instelling, str) else None), data.get("repository", "openbaar") != "besloten"


@dataclass(frozen=True)
class Opslag:
    """Where a programme keeps its decisions, as programma.yml (and AGENDA_VERTROUWELIJK) say."""

    openbaar: bool
    """False when programma.yml declares the repository itself closed ('repository: besloten')."""
    prive_ingesteld: bool
    """Whether a private source for confidential decisions is set (whether or not it is present here)."""
    prive: str | None
    """The private source's decisions/ folder relative to the programme, when it is present here and may be used."""
    bron: Path | None = None
    """The private source as set, resolved, wherever it lies (also when absent, or refused below)."""
    probleem: Probleem | None = None
    """Why the private source as set may not be used: it lies in the repository. Then it is never read or written."""
    zonder_besluitmap: Probleem | None = None
    """The private source is present but holds no decisions/ folder (reported where confidential records are read)."""
    instelling: str | None = None
    """'vertrouwelijke_bron' as programma.yml writes it (the environment variable may stand before it)."""


def prive_bron(root: Path) -> Path | None:
    """The private source as the environment and programma.yml set it, resolved; None when none is set.

    Reads only the one setting, no records, and answers also when the folder is absent or wrongly placed
    (inside the repository): a rule about other folders (docs_dir, site_dir) must keep clear of it either way.
    """
    return opslag_van(root).bron


def opslag_van(root: Path, programma: YamlDocument | None = None) -> Opslag:
    """Read only what programma.yml says about storage (``programma``: the document when it was read already)."""
    if programma is None:
        pad = Path(root) / PROGRAMMA
        try:
            programma = lees_yaml_bestand(PROGRAMMA, pad.read_text("utf-8"), snel=True) if pad.is_file() else None
        except (RecordFout, OSError, UnicodeDecodeError):
            programma = None  # 'agenda controleer' reports it with its line
    instelling, openbaar = opslaginstellingen(programma.data if programma is not None else None)
    bron = vertrouwelijke_bron(root, instelling)
    if bron is None:
        return Opslag(openbaar, False, None, instelling=instelling)
    plek = _plek_van_de_instelling(programma, instelling)
    probleem = _in_de_repository(root, bron, plek)
    besluiten = bron / MAPPEN[RecordSoort.BESLUIT]
    bruikbaar = probleem is None and bron.is_dir() and besluiten.is_dir()
    zonder = None
    if probleem is None and bron.is_dir() and not besluiten.is_dir():
        zonder = Probleem(
            *plek,
            f"de vertrouwelijke bron {relatief_pad(root, bron)}/ heeft geen map {MAPPEN[RecordSoort.BESLUIT]}/",
            f"een map {MAPPEN[RecordSoort.BESLUIT]}/ in de vertrouwelijke bron met de vertrouwelijke besluiten",
        )
    return Opslag(
        openbaar=openbaar,
        prive_ingesteld=True,
        prive=relatief_pad(root, besluiten) if bruikbaar else None,
        bron=bron,
        probleem=probleem,
        zonder_besluitmap=zonder,
        instelling=instelling,
    )


def _plek_van_de_instelling(programma: YamlDocument | None, instelling: str | None) -> tuple[str, int]:
    """Where a problem with the private source is reported: the line of the setting, or line 1 for the variable."""
    if os.environ.get(VERTROUWELIJK_OMGEVING) or programma is None or instelling is None:
        return PROGRAMMA, 1
    return PROGRAMMA, programma.regel("vertrouwelijke_bron")


def _in_de_repository(root: Path, bron: Path, plek: tuple[str, int]) -> Probleem | None:
    """A private source inside the repository (or holding it) is published with it: refused, never used."""
    repository = repository_van(root)
    if not overlappen(bron, repository):
        return None
    naam = (
        f"{VERTROUWELIJK_OMGEVING} ({os.environ[VERTROUWELIJK_OMGEVING]})"
        if os.environ.get(VERTROUWELIJK_OMGEVING)
        else f"'vertrouwelijke_bron: {relatief_pad(root, bron)}'"
    )
    waar = (
        "is de repository zelf"
        if bron == repository
        else ("bevat de repository" if bron in repository.parents else "ligt binnen de repository")
    )
    return Probleem(
        *plek,
        f"de vertrouwelijke bron {naam} {waar}: wat daar staat, wordt met de repository gedeeld en gepubliceerd",
        "een map buiten de repository, bijvoorbeeld 'vertrouwelijke_bron: ../prive' (met daarin decisions/); "
        "er wordt niets uit deze map gelezen of erin geschreven",
    )
