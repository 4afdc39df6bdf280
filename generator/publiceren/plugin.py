"""MkDocs glue: add the composed pages as generated files. All logic lives in the core."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import os
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.publiceren.bouwveiligheid import nieuwe_bouwmap, ruim_op, wissel
from generator.records.laden import laad
from generator.publiceren.lekcontrole import bestandsteksten, sporen, zoek_lekken
from generator.problemen import samenvatting
from generator.samenstellen.paginas import Opties, Pagina, stel_samen
from generator.publiceren.schoonmaak import schoon
from generator.records.sitebestanden import controleer_map, publiceerbaar

RECORDMAPPEN = ("agenda", "decisions")
THEMA = Path(__file__).parent / "thema"
STIJL = "assets/uitvoeringsagenda.css"


class AgendaConfig(base.Config):
    peildatum = c.Optional(c.Type(str))
    """Reference date for 'te laat' (JJJJ-MM-DD); default: the day of the build."""
    intern = c.Type(bool, default=False)
    """Include confidential decisions (with a banner). Never publish such a build."""


class _Waarschuwingen(logging.Handler):
    """Counts MkDocs warnings ourselves: with -q, MkDocs' own strict check never sees them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.aantal = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.aantal += 1


class _GegenereerdePagina(File):
    """A generated page that knows whether its content differs from the previous build in this session."""

    gewijzigd = True

    def is_modified(self) -> bool:
        # MkDocs treats every in-memory file as modified; under 'serve --dirty' only really changed pages
        # need rendering again, so one edit does not re-render a thousand decisions.
        return self.gewijzigd


def _publieke_teksten(config) -> list[str]:
    """Text every build shows anyway: titles from mkdocs.yml and the theme's own words.

    Hand-written pages do not count: a page that repeats a confidential title publishes it.
    """
    teksten = [config.site_name or "", config.site_description or ""]
    teksten += [str(x) for x in _waarden(config.nav or [])]
    taal = config.theme.get("language") or "en"
    for map_ in config.theme.dirs:
        teksten += bestandsteksten(Path(map_) / "partials" / "languages", f"{taal}.html")
    return teksten


def _waarden(data) -> list:
    if isinstance(data, dict):
        return [*data.keys(), *(w for v in data.values() for w in _waarden(v))]
    if isinstance(data, list):
        return [w for v in data for w in _waarden(v)]
    return [data]


def _geen_bronnen_van_buiten(config) -> None:
    """Styles, scripts and icons named in mkdocs.yml come from the site itself, never from another address."""
    namen = [str(x) for x in config.extra_css] + [str(getattr(x, "path", x)) for x in config.extra_javascript]
    namen += [str(config.theme.get(sleutel) or "") for sleutel in ("logo", "favicon")]
    buiten = [naam for naam in namen if "://" in naam or naam.startswith("//")]
    if buiten:
        raise PluginError(f"mkdocs.yml haalt {', '.join(buiten)} van een ander adres — de site doet geen verzoeken "
                          "naar andere adressen; zet het bestand in docs/")
    if config.extra_javascript:
        raise PluginError("mkdocs.yml voegt JavaScript toe (extra_javascript) — de site werkt zonder eigen scripts")


class AgendaPlugin(BasePlugin[AgendaConfig]):
    """Loads the records of the programme next to ``mkdocs.yml`` and adds their pages."""

    def __init__(self) -> None:
        super().__init__()
        # 'on_startup' only runs under the mkdocs command line; a build from Python starts from these.
        self.opdracht: str | None = None
        self.dirty = False
        self.vorige: dict[str, str] = {}
        """Content hash per generated page in the previous build of this 'serve --dirty' session."""

    def on_startup(self, *, command, dirty):
        self.opdracht = command
        self.dirty = dirty

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        waarde = self.config.peildatum or os.environ.get("AGENDA_PEILDATUM")
        try:
            self.peildatum = dt.date.fromisoformat(waarde) if waarde else dt.date.today()
        except ValueError:
            raise PluginError(f"peildatum '{waarde}' is geen datum — verwacht JJJJ-MM-DD") from None
        self.intern = self.config.intern or os.environ.get("AGENDA_INTERN") == "1"
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH; tie it to the peildatum, not the clock.
        moment = dt.datetime.combine(self.peildatum, dt.time(), dt.timezone.utc)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        self.basis_url = config.site_url or ""
        _geen_bronnen_van_buiten(config)
        self._tel_waarschuwingen()
        self._bouw_apart(config)
        # The plugin brings its own partials and stylesheet, so every programme gets them.
        if str(THEMA) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEMA))
        if STIJL not in config.extra_css:
            config.extra_css.append(STIJL)
        return config

    def _tel_waarschuwingen(self) -> None:
        logger = logging.getLogger("mkdocs")
        for handler in [h for h in logger.handlers if isinstance(h, _Waarschuwingen)]:
            logger.removeHandler(handler)
        self.waarschuwingen = _Waarschuwingen()
        logger.addHandler(self.waarschuwingen)
        if logger.getEffectiveLevel() > logging.WARNING:
            logger.setLevel(logging.WARNING)

    def _bouw_apart(self, config) -> None:
        """Build into a sibling temporary directory; the real site is replaced only after a clean build."""
        self.doel = self.tijdelijk = None
        if self.opdracht in ("build", "gh-deploy"):
            self.doel = Path(config.site_dir).resolve()
            self.tijdelijk = nieuwe_bouwmap(self.doel)
            config.site_dir = str(self.tijdelijk)

    def on_files(self, files: Files, config) -> Files:
        resultaat = laad(self.root, cache=self.opdracht == "serve")
        problemen = sorted(set(resultaat.problemen) | set(self._eigen_mappen(config)))
        if problemen:
            regels = [str(p) for p in problemen]
            raise PluginError("\n".join(["De records bevatten fouten:", *regels, samenvatting(problemen)]))
        docs = Path(config.docs_dir).resolve()
        for bestand in files:  # what MkDocs found in docs/ after the check: nothing may have slipped in since
            bron = Path(bestand.abs_src_path) if bestand.abs_src_path else None
            if bron is not None and bron.parent.resolve().is_relative_to(docs) and not publiceerbaar(bron):
                raise PluginError(f"{bestand.src_uri}: dit bestand wordt niet gepubliceerd — zie 'agenda check'")
        self.sporen = {} if self.intern else sporen(resultaat.agenda, _publieke_teksten(config))
        docs = Path(config.docs_dir).resolve()
        opties = Opties(self.peildatum, self.basis_url, config.use_directory_urls, self.intern)
        for pagina in stel_samen(resultaat.agenda, opties):
            if files.get_file_from_path(pagina.uri) is not None:
                raise PluginError(f"docs/{pagina.uri} bestaat al — die pagina wordt gegenereerd; verwijder het bestand uit docs/")
            bestand = _GegenereerdePagina.generated(config, pagina.uri, content=pagina.inhoud)
            if self.dirty:  # MkDocs asks is_modified() only in a dirty build
                bestand.gewijzigd = self._gewijzigd_sinds_vorige_bouw(pagina)
            # The edit button of a generated page opens the record it was made from.
            bestand.edit_uri = os.path.relpath(self.root / pagina.bron, docs).replace(os.sep, "/") if pagina.bron else None
            files.append(bestand)
        files.append(File.generated(config, STIJL, content=(THEMA / "agenda.css").read_bytes()))
        return files

    def _eigen_mappen(self, config) -> list:
        """The docs and override folders this configuration names, when they are not the ones 'agenda check' reads."""
        problemen = []
        docs = Path(config.docs_dir).resolve()
        if docs != self.root / "docs":
            problemen += controleer_map(self.root, docs)
        eigen_thema = config.theme.custom_dir
        if eigen_thema and Path(eigen_thema).resolve() != self.root / "overrides":
            problemen += controleer_map(self.root, Path(eigen_thema), thema=True)
        return problemen

    def _gewijzigd_sinds_vorige_bouw(self, pagina: Pagina) -> bool:
        vingerafdruk = hashlib.sha256(pagina.als_bytes).hexdigest()
        vorige, self.vorige[pagina.uri] = self.vorige.get(pagina.uri), vingerafdruk
        return vorige != vingerafdruk

    def on_page_content(self, html, *, page, config, files):
        return schoon(html)

    def on_post_page(self, output, *, page, config):
        # Themes print ``page.title | striptags``, which un-escapes entities: a record title such as
        # "</title><script>" would come out raw. Re-escape exactly what the theme printed.
        if page.title:
            ruw = Markup(page.title).striptags()
            output = output.replace(f"<title>{ruw} - ", f"<title>{html.escape(ruw, quote=False)} - ", 1)
        return output

    def on_post_build(self, *, config):
        # 'serve' is a preview: MkDocs applies --strict there itself; a real build is held to it here.
        if self.doel is not None and config.strict and self.waarschuwingen.aantal:
            raise PluginError(f"{self.waarschuwingen.aantal} waarschuwing(en) in strikte modus — de vorige site blijft staan")
        lekken = zoek_lekken(Path(config.site_dir), self.sporen)
        if lekken:
            regels = [f"{pad}: bevat tekst uit vertrouwelijk besluit {code}" for pad, code in lekken]
            raise PluginError("\n".join(["Vertrouwelijke inhoud in de openbare site:", *regels]))
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
