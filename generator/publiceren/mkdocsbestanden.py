"""The MkDocs side of the files: composed pages as MkDocs files, what changed under 'serve --dirty', the docs and
override folders mkdocs.yml names, files in docs/ that may not be published, and MkDocs' warnings counted (for the
strict check in ``Programmabouw.controleer``)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from regioagenda.problemen import Probleem
from regioagenda.publiceren.programmabouw import Huisstijl, Programmabouw
from regioagenda.records.paden import SITEMAPPEN, THEMAMAP
from regioagenda.records.sitebestanden import controleer_map, publiceerbaar
from regioagenda.samenstellen import Pagina


class GegenereerdePagina(File):
    """A generated page that knows whether its content differs from the previous build in this session."""

    gewijzigd = True

    def is_modified(self) -> bool:
        # MkDocs treats every in-memory file as modified; under 'serve --dirty' only really changed pages
        # need rendering again, so one edit does not re-render a thousand decisions.
        return self.gewijzigd


class Vingerafdrukken:
    """Content hash per generated page in the previous build of one 'serve --dirty' session."""

    def __init__(self) -> None:
        self.vorige: dict[str, str] = {}

    def gewijzigd(self, pagina: Pagina) -> bool:
        vingerafdruk = hashlib.sha256(pagina.als_bytes).hexdigest()
        vorige, self.vorige[pagina.uri] = self.vorige.get(pagina.uri), vingerafdruk
        return vorige != vingerafdruk


def voeg_paginas_toe(
    files: Files,
    config,
    paginas: Iterable[Pagina],
    bouw: Programmabouw,
    huisstijl: Huisstijl,
    vingerafdrukken: Vingerafdrukken | None,
) -> None:
    """Add the composed pages and the plugin's stylesheet to MkDocs' files; a hand-written page in the place of a
    generated one stops the build.

    ``vingerafdrukken``: only in a dirty build, the one where MkDocs asks ``is_modified()``.
    """
    docs = Path(config.docs_dir).resolve()
    for pagina in paginas:
        if files.get_file_from_path(pagina.uri) is not None:
            raise PluginError(
                f"docs/{pagina.uri} bestaat al — die pagina wordt gegenereerd; verwijder het bestand uit docs/"
            )
        bestand = GegenereerdePagina.generated(config, pagina.uri, content=pagina.inhoud)
        if vingerafdrukken is not None:
            bestand.gewijzigd = vingerafdrukken.gewijzigd(pagina)
        bestand.edit_uri = bouw.bewerkpad(pagina, docs)
        files.append(bestand)
    files.append(File.generated(config, huisstijl.stijl, content=huisstijl.stijlblad()))


def eigen_mappen(root: Path, config) -> list[Probleem]:
    """The docs and override folders mkdocs.yml names, when they are not the ones 'agenda controleer' reads."""
    problemen = []
    docs = Path(config.docs_dir).resolve()
    if docs not in {root / m for m in SITEMAPPEN}:
        problemen += controleer_map(root, docs)
    eigen_thema = config.theme.custom_dir
    if eigen_thema and Path(eigen_thema).resolve() != root / THEMAMAP:
        problemen += controleer_map(root, Path(eigen_thema), thema=True)
    return problemen


def alleen_publiceerbaar(files: Files, docs_dir: str) -> None:
    """Stop at the first file in docs/ that may not be published."""
    for naam in niet_publiceerbaar(files, docs_dir):
        raise PluginError(f"{naam}: dit bestand wordt niet gepubliceerd — zie 'agenda controleer'")


def niet_publiceerbaar(files: Files, docs_dir: str) -> list[str]:
    """Files MkDocs found in docs/ that may not be published (nothing may have slipped in since the check)."""
    docs = Path(docs_dir).resolve()
    return [
        bestand.src_uri
        for bestand in files
        if bestand.abs_src_path
        and Path(bestand.abs_src_path).parent.resolve().is_relative_to(docs)
        and not publiceerbaar(Path(bestand.abs_src_path))
    ]


class Waarschuwingen(logging.Handler):
    """Counts MkDocs warnings ourselves: with -q, MkDocs' own strict check never sees them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.aantal = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.aantal += 1

    @classmethod
    def tel(cls) -> Waarschuwingen:
        """A fresh counter on MkDocs' logger (replacing the one of a previous build in this process)."""
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, cls)]:
            logger.removeHandler(handler)
        teller = cls()
        logger.addHandler(teller)
        if logger.getEffectiveLevel() > logging.WARNING:
            logger.setLevel(logging.WARNING)
        return teller
