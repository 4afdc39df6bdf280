"""The MkDocs plugin, event glue only: ``on_config`` makes the engine-free objects, every other event hands its work
to one of them (as Material's tags plugin does).

``programmabouw.Programmabouw`` loads the records, composes the pages and checks the built output;
``publicatie.Publicatie`` builds beside the site and swaps only after that check (entered in ``on_config``, left
in ``on_post_build`` or ``on_build_error``); ``config`` and ``mkdocsbestanden`` do what needs MkDocs' own types.
An engine-free refusal becomes MkDocs' PluginError with the same Dutch message.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from regioagenda.publiceren import config as opties_uit
from regioagenda.publiceren.bouwveiligheid import OnveiligeUitvoermap
from regioagenda.publiceren.mkdocsbestanden import (
    Vingerafdrukken,
    Waarschuwingen,
    alleen_publiceerbaar,
    eigen_mappen,
    voeg_paginas_toe,
)
from regioagenda.publiceren.programmabouw import Huisstijl, Programmabouw, intern, vaste_bouwtijd
from regioagenda.publiceren.publicatie import Geweigerd, Publicatie
from regioagenda.publiceren.schoonmaak import herstel_titel, schoon, zonder_losse_labels
from regioagenda.publiceren.tabellen import met_pdf, stapelbaar
from regioagenda.records.paden import RECORDMAPPEN
from regioagenda.samenstellen.paginas import OnveiligAdres
from regioagenda.samenstellen.themasjablonen import sjabloonklasse


@contextlib.contextmanager
def _als_pluginfout() -> Iterator[None]:
    """An engine-free refusal as MkDocs' PluginError, which MkDocs reports without a traceback."""
    try:
        yield
    except (Geweigerd, OnveiligeUitvoermap, OnveiligAdres) as fout:
        raise PluginError(str(fout)) from None


class AgendaPlugin(BasePlugin[opties_uit.AgendaConfig]):
    """Loads the records of the programme next to ``mkdocs.yml`` and adds their pages."""

    def __init__(self) -> None:
        super().__init__()
        # 'on_startup' only runs under the mkdocs command line; a build from Python starts from these.
        self.opdracht: str | None = None
        self.dirty = False
        self.vingerafdrukken = Vingerafdrukken()
        self.publicatie: Publicatie | None = None

    def on_startup(self, *, command, dirty):
        self.opdracht, self.dirty = command, dirty

    def on_config(self, config):
        root = Path(config.config_file_path).resolve().parent
        peildatum, intern_ = opties_uit.peildatum(self.config.peildatum), intern()
        vaste_bouwtijd(peildatum)
        opties_uit.adres(config, self.opdracht, intern_)
        # Before anything is built or written: the settings the build really uses, held to the check's policy.
        opties_uit.volgens_beleid(root, config)
        opties_uit.ontsnap_namen(config)
        teller = Waarschuwingen.tel()
        # 'serve' is a preview: MkDocs applies --strict there itself and builds in its own folder.
        voorvertoning = self.opdracht == "serve"
        self.bouw = Programmabouw(
            root,
            peildatum,
            intern=intern_,
            adres=config.site_url,
            cache=voorvertoning,
            waarschuwingen=None if voorvertoning or not config.strict else (lambda: teller.aantal),
            pdf=self.config.pdf and not voorvertoning,
        )
        self.huisstijl = Huisstijl()
        self.publicatie = Publicatie(
            Path(config.site_dir),
            self.bouw.controleer,
            root=root,
            beschermd=opties_uit.beschermde_mappen(config),
            ernaast=not voorvertoning,
        )
        with _als_pluginfout():
            config.site_dir = str(self.publicatie.__enter__())
        opties_uit.met_huisstijl(config, self.huisstijl)
        return config

    def on_files(self, files: Files, config) -> Files:
        with _als_pluginfout():
            self.bouw.laad(eigen_mappen(self.bouw.root, config))
            alleen_publiceerbaar(files, config.docs_dir)
            paginas = self.bouw.stel_samen(lambda: opties_uit.publieke_teksten(config), config.use_directory_urls)
        voeg_paginas_toe(
            files, config, paginas, self.bouw, self.huisstijl, self.vingerafdrukken if self.dirty else None
        )
        opties_uit.navigatie_naar_bestaande_paginas(config, files, self.bouw.adressen)
        return files

    def on_env(self, env, *, config, files):
        env.template_class = sjabloonklasse(lambda pad, regel, wat: PluginError(self.bouw.themafout(pad, regel, wat)))
        return env

    def on_page_context(self, context, *, page, config, nav):
        context["agenda_afdruk"] = self.bouw.afdrukregel(opties_uit.ruw(config.site_name), page.file.src_uri)
        context["agenda_feeds"] = self.bouw.feeds_van(page.file.src_uri)
        return context

    def on_page_content(self, html, *, page, config, files):
        return met_pdf(stapelbaar(schoon(html)), page.url, self.bouw.pdf_van(page.file.src_uri))

    def on_post_page(self, output, *, page, config):
        return zonder_losse_labels(herstel_titel(output, page.title))

    def on_post_build(self, *, config):
        with _als_pluginfout():
            self.publicatie.__exit__(None, None, None)
        config.site_dir = str(self.publicatie.doel)

    def on_build_error(self, *, error):
        if self.publicatie is not None:
            self.publicatie.__exit__(type(error), error, error.__traceback__)

    def on_serve(self, server, *, config, builder):
        for map_ in RECORDMAPPEN:
            if (self.bouw.root / map_).is_dir():
                server.watch(str(self.bouw.root / map_))
        return server
