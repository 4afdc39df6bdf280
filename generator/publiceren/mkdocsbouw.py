"""The real site from Python: 'agenda bouw' (``mkdocs build --strict``) and 'agenda bekijk' (the live preview,
as ``mkdocs serve``), run in this interpreter, so that nothing depends on an ``mkdocs`` on PATH.

MkDocs' log is English and chatty: its progress lines (INFO) are dropped, the few that tell the coordinator
something are said in Dutch, and every warning and error still comes through, marked in Dutch. The commands
report through ``melding(tekst, fout)`` (the command line decides how to print) and raise ``Mislukt`` with a
Dutch message when the site could not be built or served.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.livereload import LiveReloadServer

from regioagenda.publiceren.plugin import AgendaPlugin
from regioagenda.publiceren.publicatie import Geweigerd
from regioagenda.publiceren.siteadres import kies_adressen

Melding = Callable[[str, bool], None]
"""Reports one line: the text, and whether it is a warning or error (stderr) rather than news (stdout)."""


class Mislukt(Exception):
    """The site was not built or not served; the message is Dutch and complete."""


_VERTAALD = {
    "Detected file changes": "Wijziging gezien — de site wordt opnieuw gemaakt.",
    "Reloading browsers": "Bijgewerkt; de pagina in de browser ververst vanzelf.",
}
"""MkDocs' progress lines that tell the coordinator something, in Dutch; every other INFO line is dropped."""

_VERZOEK = re.compile(r'^"(?P<methode>[A-Z]+) (?P<pad>\S+) [^"]*" code (?P<code>\d+)$')
_TIJD = re.compile(r"^\[\d\d:\d\d:\d\d\] ")
_HERBOUW_FOUT = "An error happened during the rebuild."


class _Logboek(logging.Handler):
    """MkDocs' log as the coordinator sees it: Dutch lines, warnings and errors kept, progress dropped."""

    def __init__(self, melding: Melding) -> None:
        super().__init__(logging.INFO)
        self.melding = melding

    def emit(self, record: logging.LogRecord) -> None:
        try:
            tekst = record.getMessage()
        except Exception:  # a malformed log call is still a line to show, not a reason to stop
            tekst = str(record.msg)
        tekst = _TIJD.sub("", tekst.strip())  # the server's lines start with the time
        if record.levelno < logging.WARNING:
            if tekst in _VERTAALD:
                self.melding(_VERTAALD[tekst], False)
            return
        self.melding(_vertaal(tekst, record.levelno), True)


_WAARSCHUWINGEN = (
    (
        re.compile(
            r"^A reference to '(?P<pad>[^']+)' is included in the 'nav' configuration, which is not found in "
            r"the documentation files\.$"
        ),
        "mkdocs.yml: 'nav' noemt de pagina '{pad}', maar die bestaat niet — verbeter het pad of haal de regel weg "
        "(gemaakte pagina's heten zoals in de navigatie van 'agenda start', bijvoorbeeld besluiten/index.md)",
    ),
    (
        re.compile(
            r"^Doc file '(?P<bron>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '[^']+')? is "
            r"not found among documentation files\.(?: Did you mean '(?P<bedoeld>[^']+)'\?)?$"
        ),
        "{bron}: de link '{link}' wijst naar een pagina die niet bestaat — verbeter de link{bedoeld}",
    ),
    (
        re.compile(
            r"^Doc file '(?P<bron>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was "
            r"left as is\.(?: Did you mean '(?P<bedoeld>[^']+)'\?)?$"
        ),
        "{bron}: de link '{link}' wijst niet naar een bestand — link naar een .md-bestand{bedoeld}",
    ),
    (
        re.compile(
            r"^Doc file '(?P<bron>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<doel>[^']+)' "
            r"does not contain an anchor '(?P<anker>[^']+)'\.$"
        ),
        "{bron}: de link '{link}' wijst naar het kopje '{anker}', maar dat staat niet op {doel} — verbeter de link",
    ),
    (
        re.compile(r"^Config value '(?P<naam>[^']+)': (?P<reden>.+)$", re.S),
        "mkdocs.yml: de instelling '{naam}' — {reden}",
    ),
)
"""MkDocs' warnings a coordinator meets, said in Dutch with what to do; any other stays as it is."""


def _waarschuwing(tekst: str) -> str | None:
    for patroon, uitleg in _WAARSCHUWINGEN:
        gevonden = patroon.match(tekst)
        if gevonden:
            delen = {k: v or "" for k, v in gevonden.groupdict().items()}
            if "bedoeld" in delen:
                delen["bedoeld"] = f" (bedoelde u '{delen['bedoeld']}'?)" if delen["bedoeld"] else ""
            return uitleg.format(**delen)
    return None


def _vertaal(tekst: str, niveau: int) -> str:
    nederlands = _waarschuwing(tekst)
    if nederlands:
        return f"{'Fout' if niveau >= logging.ERROR else 'Waarschuwing'}: {nederlands}"
    verzoek = _VERZOEK.match(tekst)
    if verzoek:
        wat = "bestaat niet" if verzoek["code"] == "404" else f"gaf code {verzoek['code']}"
        return f"Let op: de browser vroeg om {verzoek['pad']}, maar dat adres {wat} in de voorvertoning."
    if tekst.startswith(_HERBOUW_FOUT):
        return "De voorvertoning wacht tot dat is opgelost; daarna ververst de pagina vanzelf."
    # Messages of this project's plugin are Dutch already; MkDocs' own stay as they are, marked in Dutch.
    return f"{'Fout' if niveau >= logging.ERROR else 'Waarschuwing'}: {tekst}"


@contextlib.contextmanager
def _nederlands_logboek(melding: Melding) -> Iterator[None]:
    """MkDocs' logger reports through ``melding`` only, for as long as the command runs."""
    logger = logging.getLogger("mkdocs")
    vorig = logger.level, logger.propagate
    handler = _Logboek(melding)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # nothing twice, nothing in English through another handler
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(vorig[0])
        logger.propagate = vorig[1]


def _afgebroken(fout: Abort) -> Mislukt:
    """MkDocs' English reason for stopping, in Dutch (the cause itself was logged, and so shown, already)."""
    tekst = str(fout)
    aantal = re.match(r"Aborted with (\d+) warnings?", tekst)
    if aantal:
        n = int(aantal[1])
        return Mislukt(
            f"De site is niet gebouwd: {n} {'waarschuwing' if n == 1 else 'waarschuwingen'} (zie hierboven); "
            "een site met waarschuwingen wordt niet gepubliceerd."
        )
    if "BuildError" in tekst:
        return Mislukt("De site is niet gebouwd (zie de fout hierboven).")
    return Mislukt(f"De site is niet gebouwd: {tekst}")


def _mislukt(fout: Exception) -> Mislukt:
    """Why a build stopped, in Dutch and without a traceback; MkDocs logged (and so showed) a BuildError's cause."""
    if isinstance(fout, Abort):
        return _afgebroken(fout)
    if isinstance(fout, MkDocsException):
        return Mislukt(f"De site is niet gebouwd: {fout}")
    return Mislukt(f"De site is niet gebouwd door een onverwachte fout ({type(fout).__name__}: {fout}).")


def _laad(mkdocs_yml: Path, **opties):
    try:
        return load_config(config_file=str(mkdocs_yml), **opties)
    except ConfigurationError:  # its reasons were logged (and so shown) already, one line each
        raise Mislukt(f"{mkdocs_yml} is niet te gebruiken (zie hierboven).") from None


def _met_peildatum(config, peildatum: dt.date | None):
    """The peildatum asked for on the command line, for this build only, over the plugin's own option."""
    if peildatum is not None:
        for plugin in config.plugins.values():
            if isinstance(plugin, AgendaPlugin):
                plugin.config.peildatum = peildatum.isoformat()
    return config


def bouw_site(mkdocs_yml: Path, melding: Melding, peildatum: dt.date | None = None) -> Path:
    """``mkdocs build --strict`` of the programme next to ``mkdocs_yml``; returns the folder the site is in."""
    with _nederlands_logboek(melding):
        config = _met_peildatum(_laad(mkdocs_yml, strict=True), peildatum)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Exception as fout:
            raise _mislukt(fout) from None
        finally:
            config.plugins.on_shutdown()
    return Path(config.site_dir)


def bekijk(mkdocs_yml: Path, poort: int, melding: Melding, klaar: Callable[[str], None], *, snel: bool = False) -> None:
    """Serve the live preview on 127.0.0.1:``poort`` until Ctrl+C, as ``mkdocs serve`` does (``snel``: as
    ``mkdocs serve --dirty``, rebuilding only the pages that changed; the search index may lag behind).

    Under the site's address's sub-path if it has one (``AGENDA_SITE_URL``, else site_url), else at the root:
    a preview needs no address. ``klaar(url)`` is told once the server listens.
    """
    site_dir = tempfile.mkdtemp(prefix="agenda-bekijk-")
    try:
        with _nederlands_logboek(melding):
            _bekijk(mkdocs_yml, poort, site_dir, klaar, snel)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _bekijk(mkdocs_yml: Path, poort: int, site_dir: str, klaar: Callable[[str], None], snel: bool) -> None:
    config = _laad(mkdocs_yml, site_dir=site_dir, dev_addr=f"127.0.0.1:{poort}")
    try:
        adres, _ = kies_adressen(config.site_url, None, verplicht=False)
    except Geweigerd as fout:
        raise Mislukt(str(fout)) from None
    sub = urlsplit(adres or "/").path or "/"
    url = f"http://127.0.0.1:{poort}{sub}"
    config.plugins.on_startup(command="serve", dirty=snel)

    def herbouw(opnieuw=None) -> None:
        nieuw = opnieuw or _laad(mkdocs_yml, site_dir=site_dir, dev_addr=f"127.0.0.1:{poort}")
        nieuw.site_url = url
        try:
            build(nieuw, serve_url=url, dirty=snel)
        except Exception as fout:
            # The server prints a SystemExit's text as it is (anything else with a traceback): the Dutch reason.
            raise _Gemeld(str(_mislukt(fout))) from None

    server = _Server(builder=herbouw, host="127.0.0.1", port=poort, root=site_dir, mount_path=sub)
    server.error_handler = lambda code: _foutpagina(site_dir, code)
    try:
        try:
            herbouw(config)
        except _Gemeld as fout:
            raise Mislukt(str(fout)) from None
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=herbouw)
        for pad in config.watch:
            server.watch(pad)
        server.klaar = lambda: klaar(server.url)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        except OSError as fout:
            if fout.errno == errno.EADDRINUSE:
                raise Mislukt(
                    f"Poort {poort} is al in gebruik (draait de voorvertoning al?) — kies een andere, "
                    f"bijvoorbeeld --poort {poort + 1}."
                ) from None
            raise
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()


class _Gemeld(Exception, SystemExit):
    """A failed rebuild whose reason is Dutch: the server prints the text of an Exception that is a SystemExit
    (as MkDocs' Abort is) as it is, and keeps serving."""


class _Server(LiveReloadServer):
    """MkDocs' live-reload server that says when it listens, so that the address is printed only then."""

    klaar: Callable[[], None] = staticmethod(lambda: None)

    def server_activate(self) -> None:
        super().server_activate()
        self.klaar()


def _foutpagina(site_dir: str, code: int) -> bytes | None:
    """The site's own 404 page in the preview, as ``mkdocs serve`` shows it."""
    pagina = Path(site_dir) / f"{code}.html"
    return pagina.read_bytes() if code in (404, 500) and pagina.is_file() else None
