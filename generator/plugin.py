"""MkDocs glue: add the composed pages as generated files. All logic lives in the core."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .laden import laad
from .problemen import samenvatting
from .samenstellen import Opties, stel_samen

RECORDMAPPEN = ("agenda", "decisions")


class AgendaConfig(base.Config):
    peildatum = c.Optional(c.Type(str))
    """Reference date for 'te laat' (JJJJ-MM-DD); default: the day of the build."""


class AgendaPlugin(BasePlugin[AgendaConfig]):
    """Loads the records of the programme next to ``mkdocs.yml`` and adds their pages."""

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        waarde = self.config.peildatum or os.environ.get("AGENDA_PEILDATUM")
        try:
            self.peildatum = dt.date.fromisoformat(waarde) if waarde else dt.date.today()
        except ValueError:
            raise PluginError(f"peildatum '{waarde}' is geen datum — verwacht JJJJ-MM-DD") from None
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH; tie it to the peildatum, not the clock.
        moment = dt.datetime.combine(self.peildatum, dt.time(), dt.timezone.utc)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        self.basis_url = config.site_url or ""
        return config

    def on_files(self, files: Files, config) -> Files:
        resultaat = laad(self.root)
        if resultaat.problemen:
            regels = [str(p) for p in resultaat.problemen]
            raise PluginError("\n".join(["De records bevatten fouten:", *regels, samenvatting(list(resultaat.problemen))]))
        docs = Path(config.docs_dir).resolve()
        opties = Opties(self.peildatum, self.basis_url, config.use_directory_urls)
        for pagina in stel_samen(resultaat.agenda, opties):
            if files.get_file_from_path(pagina.uri) is not None:
                raise PluginError(f"docs/{pagina.uri} bestaat al — die pagina wordt gegenereerd; verwijder het bestand uit docs/")
            bestand = File.generated(config, pagina.uri, content=pagina.inhoud)
            # The edit button of a generated page opens the record it was made from.
            bestand.edit_uri = os.path.relpath(self.root / pagina.bron, docs).replace(os.sep, "/") if pagina.bron else None
            files.append(bestand)
        return files

    def on_serve(self, server, config, builder):
        for map_ in RECORDMAPPEN:
            if (self.root / map_).is_dir():
                server.watch(str(self.root / map_))
        return server
