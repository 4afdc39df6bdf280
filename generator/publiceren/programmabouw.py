"""One site build of the programme next to the engine's configuration, engine-free: what the MkDocs plugin
makes in ``on_config`` and hands its events to.

``Programmabouw`` loads the records (together with problems the engine's side found in its own folders),
composes the pages and keeps what the composition decided: the trail of confidential text (``sporen``) and
which version of the agenda each page shows. It holds the built output to what may be published before the
swap (``controleer``: the engine's warnings in a strict build, leaks, active content), and writes the line at
the foot of every printed page, the edit link of a generated page and the report of a failing theme template.
``Huisstijl`` is the plugin's own theme folder and stylesheet. ``intern`` and ``vaste_bouwtijd`` read and set
the environment. No MkDocs import: refusals are ``publicatie.Geweigerd``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from regioagenda.model.agenda import Agenda
from regioagenda.problemen import Probleem, samenvatting
from regioagenda.publiceren.lekcontrole import sporen
from regioagenda.publiceren.publicatie import Geweigerd, TeVeelWaarschuwingen, zonder_actieve_inhoud, zonder_lekken
from regioagenda.publiceren.tabellen import afdrukregel
from regioagenda.records.laden import laad
from regioagenda.samenstellen import Opties, Pagina, stel_samen
from regioagenda.samenstellen.adressen import Adressen
from regioagenda.samenstellen.afdrukken import afdrukken

THEMA = Path(__file__).parent / "thema"


@dataclass(frozen=True)
class Huisstijl:
    """The plugin's partials (a theme folder that goes before the theme's own) and the stylesheet every page links."""

    map: Path = THEMA
    stijl: str = "assets/agenda.css"
    """Where the stylesheet is published in the site."""

    def stijlblad(self) -> bytes:
        return (self.map / "agenda.css").read_bytes()


def intern() -> bool:
    """Whether this is an internal build: only AGENDA_INTERN=1 asks for one, never a file a pull request changes."""
    return os.environ.get("AGENDA_INTERN") == "1"


def vaste_bouwtijd(peildatum: dt.date) -> None:
    """Tie the build's timestamp (SOURCE_DATE_EPOCH, which MkDocs dates the sitemap from) to the peildatum, not the
    clock; a value the caller set stays."""
    moment = dt.datetime.combine(peildatum, dt.time(), dt.UTC)
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))


class Recordfouten(Geweigerd):
    """The records (or the folders the engine's configuration names) have problems; nothing was built."""

    def __init__(self, problemen: list[Probleem]):
        super().__init__("\n".join(["De records bevatten fouten:", *map(str, problemen), samenvatting(problemen)]))
        self.problemen = problemen


GEEN_PANGO = (
    "de PDF van de agenda kan niet worden gemaakt: de bibliotheek Pango ontbreekt op deze computer — installeer "
    "haar (Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0; macOS: brew install pango), of zet "
    "'pdf: false' onder de plugin in mkdocs.yml; de vorige site blijft staan"
)


class Programmabouw:
    """Loads, composes and checks one build of the programme in ``root``.

    ``adres`` is the site's address (``siteadres.kies_adressen``), ``cache`` keeps loaded records between the
    builds of one preview, ``waarschuwingen`` counts the engine's warnings when the build is strict (None:
    not held to them), and ``pdf`` says whether the build makes the agenda's PDFs (not in a preview: a second
    each save).
    """

    def __init__(
        self,
        root: Path,
        peildatum: dt.date,
        *,
        intern: bool,
        adres: str | None,
        cache: bool = False,
        waarschuwingen: Callable[[], int] | None = None,
        pdf: bool = False,
    ) -> None:
        self.root, self.peildatum, self.intern, self.adres = root, peildatum, intern, adres
        self.pdf = pdf
        self.cache, self.waarschuwingen = cache, waarschuwingen
        self.agenda: Agenda | None = None
        self.sporen: dict[str, str] = {}
        """What would betray a confidential decision in this build's output (empty in an internal build)."""
        self.versies: dict[str, str] = {}
        """Page path → the version of the agenda it shows, as the composition decided (``Pagina.versie``)."""
        self.pdfs: dict[str, tuple[str, int]] = {}
        """Page path → the PDF it offers for download and its size (empty when the build makes no PDFs)."""
        self.feeds: dict[str, list[tuple[str, str]]] = {}
        """Page path → the Atom feeds it links for discovery, as (title, feed path); '' → those every page links."""

    def laad(self, elders: Iterable[Probleem] = ()) -> None:
        """Load the records; ``Recordfouten`` with every problem, theirs and ``elders``, when there is one."""
        resultaat = laad(self.root, cache=self.cache, vertrouwelijk=self.intern)
        problemen = sorted(set(resultaat.problemen) | set(elders))
        if problemen:
            raise Recordfouten(problemen)
        self.agenda = resultaat.agenda

    @property
    def adressen(self) -> Adressen:
        """The URL scheme of the loaded programme's pages (its words from 'termen')."""
        return Adressen(self.agenda.programma.termen)

    def stel_samen(self, publiek: Callable[[], Iterable[str]], directory_urls: bool) -> list[Pagina]:
        """Every generated page of the loaded programme; ``publiek`` gives the text every build shows anyway."""
        self.sporen = {} if self.intern else sporen(self.agenda, publiek())
        opties = Opties(self.peildatum, self.adres or "", directory_urls, self.intern, root=self.root)
        paginas = stel_samen(self.agenda, opties)
        self.versies = {p.uri: p.versie for p in paginas if p.versie is not None}
        self._feeds_van_paginas(paginas)
        return sorted([*paginas, *self._pdfs(opties)], key=lambda p: p.uri) if self.pdf else paginas

    def _feeds_van_paginas(self, paginas: list[Pagina]) -> None:
        self.feeds = {}
        for p in paginas:
            if p.feed is not None:
                pagina, titel = p.feed
                self.feeds.setdefault(pagina, []).append((titel, p.uri))
        # the decisions feed is the site's own: every page names it, as a reader's browser expects of a site
        self.feeds[""] = self.feeds.get(self.adressen.BESLUITEN, [])[:1]

    def _pdfs(self, opties: Opties) -> list[Pagina]:
        """The agenda's PDFs (werkversie and every version), and for each page the PDF it offers (``pdf_van``)."""
        # WeasyPrint (and the Pango it loads) only where PDFs are made: a preview runs without them
        try:
            from regioagenda.publiceren.pdf import maak_pdf
        except OSError:  # WeasyPrint could not load Pango, a library of the system
            raise Geweigerd(GEEN_PANGO) from None

        self.pdfs = {}
        uit = []
        for afdruk in afdrukken(self.agenda, opties):
            inhoud = maak_pdf(afdruk, self.agenda.programma.titel)
            uit.append(Pagina(afdruk.uri, inhoud))
            for pagina in afdruk.paginas:
                self.pdfs[pagina] = (afdruk.uri, len(inhoud))
        return uit

    def pdf_van(self, pagina: str) -> tuple[str, int] | None:
        """The PDF page ``pagina`` offers for download, with its size in bytes; None when it offers none."""
        return self.pdfs.get(pagina)

    def feeds_van(self, pagina: str) -> list[dict[str, str]]:
        """The Atom feeds page ``pagina`` links in its head (``<link rel="alternate">``), the site's first, each as
        its title and path (what the theme may read: values, no tuples)."""
        feeds = dict.fromkeys([*self.feeds.get("", []), *self.feeds.get(pagina, [])])
        return [{"titel": titel, "pad": pad} for titel, pad in feeds]

    def controleer(self, map_: Path) -> None:
        """The built output before it replaces the published one: warnings in a strict build, then leaks, then
        whatever got past the inputs (``uitvoercontrole``)."""
        aantal = self.waarschuwingen() if self.waarschuwingen is not None else 0
        if aantal:
            raise TeVeelWaarschuwingen(aantal)
        zonder_lekken(map_, self.sporen)
        zonder_actieve_inhoud(map_, self.adres)

    def afdrukregel(self, titel: str, pagina: str) -> str:
        """The line at the foot of the printed page ``pagina``: the site's title, version and peildatum."""
        return afdrukregel(titel, self.versies, pagina, self.peildatum)

    def bewerkpad(self, pagina: Pagina, docs: Path) -> str | None:
        """The edit button of a generated page opens the record it was made from (relative to ``docs``)."""
        return os.path.relpath(self.root / pagina.bron, docs).replace(os.sep, "/") if pagina.bron else None

    def themafout(self, pad: str | None, regel: int | None, wat: str) -> str:
        """A theme template failed while rendering: where, relative to the programme when it lies there."""
        plek = "het thema"
        if pad is not None:
            bestand = Path(pad).resolve()
            plek = bestand.relative_to(self.root).as_posix() if bestand.is_relative_to(self.root) else bestand.name
            plek += f":{regel}" if regel else ""
        return f"{plek}: {wat} — alleen sjablonen en waarden die het thema kent; de vorige site blijft staan"
