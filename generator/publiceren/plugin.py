"""MkDocs glue: event handlers that hand the work to the engine-free rooms. No logic of its own."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.problemen import samenvatting
from generator.publiceren import config as opties_uit
from generator.publiceren.bouwveiligheid import OnveiligeUitvoermap, nieuwe_bouwmap, ruim_op, wissel
from generator.publiceren.lekcontrole import lekmelding, sporen, zoek_lekken
from generator.publiceren.mkdocsbestanden import (
    GegenereerdePagina,
    Vingerafdrukken,
    Waarschuwingen,
    eigen_mappen,
    niet_publiceerbaar,
)
from generator.publiceren.uitvoercontrole import controleer_uitvoer, uitvoermelding
from generator.publiceren.schoonmaak import herstel_titel, schoon
from generator.publiceren.tabellen import afdrukregel, stapelbaar
from generator.records.laden import laad
from generator.records.paden import RECORDMAPPEN
from generator.records.verzamelen import prive_bron
from generator.samenstellen.adressen import Adressen
from generator.samenstellen import Opties, stel_samen
from generator.samenstellen.paginas import OnveiligAdres
from generator.samenstellen.themasjablonen import sjabloonklasse

THEMA = Path(__file__).parent / "thema"
STIJL = "assets/agenda.css"


class AgendaPlugin(BasePlugin[opties_uit.AgendaConfig]):
    """Loads the records of the programme next to ``mkdocs.yml`` and adds their pages."""

    def __init__(self) -> None:
        super().__init__()
        # 'on_startup' only runs under the mkdocs command line; a build from Python starts from these.
        self.opdracht: str | None = None
        self.dirty = False
        self.vingerafdrukken = Vingerafdrukken()
        self.doel = self.tijdelijk = None
        self.versies: dict[str, str] = {}

    def on_startup(self, *, command, dirty):
        self.opdracht, self.dirty = command, dirty

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.peildatum = opties_uit.peildatum(self.config.peildatum)
        self.intern = opties_uit.intern()
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH; tie it to the peildatum, not the clock.
        moment = dt.datetime.combine(self.peildatum, dt.time(), dt.UTC)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        opties_uit.adres(config, self.opdracht, self.intern)
        # Before anything is built or written: the settings the build really uses, held to the check's policy.
        opties_uit.volgens_beleid(self.root, config)
        opties_uit.ontsnap_namen(config)
        self.waarschuwingen = Waarschuwingen.tel()
        if self.opdracht != "serve":  # build beside the site; swap only after a clean build
            self.tijdelijk = self._bouwmap(config)
            self.doel = Path(config.site_dir).resolve()
            config.site_dir = str(self.tijdelijk)
        if str(THEMA) not in config.theme.dirs:  # every programme gets the plugin's partials and stylesheet
            config.theme.dirs.insert(0, str(THEMA))
        if STIJL not in config.extra_css:
            config.extra_css.append(STIJL)
        return config

    def _bouwmap(self, config) -> Path:
        """The folder to build into; a PluginError when ``site_dir`` is a folder the build may not replace."""
        beschermd = [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
        try:
            return nieuwe_bouwmap(
                Path(config.site_dir), root=self.root, prive=prive_bron(self.root), beschermd=beschermd
            )
        except OnveiligeUitvoermap as fout:
            raise PluginError(str(fout)) from None

    def on_files(self, files: Files, config) -> Files:
        resultaat = laad(self.root, cache=self.opdracht == "serve", vertrouwelijk=self.intern)
        problemen = sorted(set(resultaat.problemen) | set(eigen_mappen(self.root, config)))
        if problemen:
            raise PluginError("\n".join(["De records bevatten fouten:", *map(str, problemen), samenvatting(problemen)]))
        for naam in niet_publiceerbaar(files, config.docs_dir):
            raise PluginError(f"{naam}: dit bestand wordt niet gepubliceerd — zie 'agenda controleer'")
        self.sporen = {} if self.intern else sporen(resultaat.agenda, opties_uit.publieke_teksten(config))
        adres = Adressen(resultaat.agenda.programma.termen)
        versies = resultaat.agenda.versies_op_volgorde()
        # Which version each agenda page shows, for the line at the foot of every printed page.
        self.versies = {adres.versie(v.id): v.id for v in versies} | ({adres.AGENDA: versies[-1].id} if versies else {})
        docs = Path(config.docs_dir).resolve()
        try:
            paginas = list(
                stel_samen(
                    resultaat.agenda,
                    Opties(self.peildatum, config.site_url or "", config.use_directory_urls, self.intern),
                )
            )
        except OnveiligAdres as fout:
            raise PluginError(str(fout)) from None
        for pagina in paginas:
            if files.get_file_from_path(pagina.uri) is not None:
                raise PluginError(
                    f"docs/{pagina.uri} bestaat al — die pagina wordt gegenereerd; verwijder het bestand uit docs/"
                )
            bestand = GegenereerdePagina.generated(config, pagina.uri, content=pagina.inhoud)
            if self.dirty:  # MkDocs asks is_modified() only in a dirty build
                bestand.gewijzigd = self.vingerafdrukken.gewijzigd(pagina)
            # The edit button of a generated page opens the record it was made from.
            bestand.edit_uri = (
                os.path.relpath(self.root / pagina.bron, docs).replace(os.sep, "/") if pagina.bron else None
            )
            files.append(bestand)
        files.append(File.generated(config, STIJL, content=(THEMA / "agenda.css").read_bytes()))
        opties_uit.navigatie_naar_bestaande_paginas(config, files, adres)
        return files

    def on_env(self, env, *, config, files):
        env.template_class = sjabloonklasse(self._themafout)
        return env

    def _themafout(self, pad: str | None, regel: int | None, wat: str) -> PluginError:
        """A theme template failed while rendering: where, relative to the programme when it lies there."""
        plek = "het thema"
        if pad is not None:
            bestand = Path(pad).resolve()
            plek = bestand.relative_to(self.root).as_posix() if bestand.is_relative_to(self.root) else bestand.name
            plek += f":{regel}" if regel else ""
        return PluginError(
            f"{plek}: {wat} — alleen sjablonen en waarden die het thema kent; de vorige site blijft staan"
        )

    def on_page_context(self, context, *, page, config, nav):
        context["agenda_afdruk"] = afdrukregel(
            opties_uit.ruw(config.site_name), self.versies, page.file.src_uri, self.peildatum
        )
        return context

    def on_page_content(self, html, *, page, config, files):
        return stapelbaar(schoon(html))

    def on_post_page(self, output, *, page, config):
        return herstel_titel(output, page.title)

    def on_post_build(self, *, config):
        # 'serve' is a preview: MkDocs applies --strict there itself; a real build is held to it here.
        if self.doel is not None and config.strict and self.waarschuwingen.aantal:
            raise PluginError(
                f"{self.waarschuwingen.aantal} waarschuwing(en) in strikte modus — de vorige site blijft staan"
            )
        lekken = zoek_lekken(Path(config.site_dir), self.sporen)
        if lekken:
            raise PluginError(lekmelding(lekken))
        # The built site itself is checked before it replaces the published one: whatever got past the inputs.
        bevindingen = controleer_uitvoer(Path(config.site_dir), config.site_url)
        if bevindingen:
            raise PluginError(uitvoermelding(bevindingen))
        if self.doel is not None:
            wissel(self.tijdelijk, self.doel)
            config.site_dir = str(self.doel)
            self.doel = self.tijdelijk = None

    def on_build_error(self, *, error):
        ruim_op(self.tijdelijk)
        self.tijdelijk = None

    def on_serve(self, server, *, config, builder):
        for map_ in RECORDMAPPEN:
            if (self.root / map_).is_dir():
                server.watch(str(self.root / map_))
        return server
