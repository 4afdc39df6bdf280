"""The built site is checked, not only its inputs: before the swap, every built file is held to what a site may hold.

``publicatie.zonder_actieve_inhoud`` runs it on every MkDocs build (``Programmabouw.controleer``); the Markdown
tree of 'agenda bouw' is not held to it (it has no rendered HTML yet).

Input rules catch what their authors foresaw; this check reads the finished output as a browser would and
refuses active content whatever produced it: a script that is not the theme's own bundle, an inline script
that is not the theme's known configuration, an event-handler attribute, a ``javascript:``/``vbscript:``/
``data:`` URL, a resource from another origin (script, stylesheet, preload, icon, image, CSS ``url()`` or
``@import``), and symbolic links. No MkDocs import: the theme's own files are read from the installed
``material`` package, found without importing it.

What "the theme's own" means is derived from that package, not copied from today's output:

- a script file is the theme's when its bytes equal a file in ``templates/assets/javascripts/``, or one of the
  plugin's own theme folder (``publiceren/thema/*.js``: the form of 'Een voorstel doen'), which ships with this
  package just as Material's bundle ships with its own; a copy changed by one byte is no longer either;
- an inline script is the theme's when it matches a ``<script>`` written in ``base.html`` or a partial,
  where each ``{{ … }}`` of the template may only have produced URL characters (no quote, backslash,
  ``<`` or space, so it cannot leave its JavaScript string); the analytics partials are left out on purpose:
  they exist to load a third party's code;
- ``<script id="__config" type="application/json">`` must be JSON without ``<``, with only the keys the
  template writes, and its addresses relative (``search`` is the search worker: a theme bundle too);
- a stylesheet is trusted unread only when its bytes equal a file in ``templates/assets/stylesheets/``:
  the theme's bundle carries ``data:`` SVG icons that any other CSS may not.

HTML is read with :mod:`html.parser`, whose entity decoding matches a browser's. Where Python's parser and a
browser's tokenizer disagree (a comment closed by ``--!>`` or ``<!-->``, ``</style foo>``, a raw-text element
that is markup inside SVG, a marked section), the disagreement itself is a finding: Material never writes it.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib.util
import json
import os
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from regioagenda.records.stukken import EXTENSIES as STUKEXTENSIES, inhoudsvondsten
from regioagenda.problemen import zichtbaar
from regioagenda.publiceren.lekcontrole import teksten

KOP = "De gebouwde site bevat iets wat niet gepubliceerd mag worden — de vorige site blijft staan:"

HTML_ACHTIG = frozenset({".html", ".htm", ".xhtml", ".svg", ".xml"})
"""Files a browser may render as a document with scripts (an SVG or XHTML-namespaced XML file runs them too)."""

RUWE_TEKST = ("script", "style", "title", "textarea", "xmp", "noembed", "noframes", "noscript", "iframe")
"""Elements whose content a browser reads as text up to their end tag (in HTML; inside SVG it is markup)."""

VERBODEN_ELEMENTEN = frozenset(
    {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe", "base"}
)
"""Elements that embed another document or change every address; the site has no use for any of them."""

URL_ATTRIBUTEN = frozenset(
    {
        "href", "src", "action", "formaction", "srcset", "imagesrcset", "poster", "data", "xlink:href",
        "background", "cite", "ping", "longdesc", "lowsrc", "dynsrc", "manifest", "codebase", "classid",
        "archive", "profile", "usemap", "icon",
        # SVG animation can set an href to any of these values
        "to", "from", "values", "by",
    }
)  # fmt: skip
"""Attributes a browser reads as one or more URLs: none may hold a ``javascript:``, ``vbscript:`` or ``data:`` URL."""

OPHALENDE_ATTRIBUTEN = frozenset({"src", "srcset", "imagesrcset", "poster", "background", "lowsrc", "dynsrc", "ping"})
"""Attributes whose URL the browser fetches by itself, on any element: same origin only."""

OPHALENDE_SVG = frozenset({"image", "use", "feimage"})
"""SVG elements whose ``href`` is fetched, not followed."""

EIGEN_THEMA = Path(__file__).parent / "thema"
"""The plugin's own theme folder (``programmabouw.THEMA``): its scripts are the site's own, byte for byte."""

GEVAARLIJKE_SCHEMAS = frozenset({"javascript", "vbscript", "data"})

OPHALENDE_SCHEMAS = frozenset({"http", "https", "ftp", "ws", "wss", "file", "blob", "filesystem", *GEVAARLIJKE_SCHEMAS})
"""Schemes that make a CSS string a URL worth refusing; a string such as "Noot: …" is text, not a scheme."""

_SCHEMA = re.compile(r"[a-z][a-z0-9+.\-]*")
_SPATIE_OF_STUURTEKEN = re.compile(r"[\x00-\x20\x7f]")
_TAB_OF_REGELEINDE = re.compile(r"[\t\n\r]")
_C0_EN_SPATIE = "".join(map(chr, range(0x21)))
_GAT = r"[A-Za-z0-9._~/%+:@\-]*"
"""What a ``{{ … }}`` in a theme script may have written: URL characters, nothing that ends a JS string."""
_JINJA_UITVOER = re.compile(r"\{\{.*?\}\}", re.S)
_JINJA_SLEUTEL = re.compile(r'"([\w.]+)"\s*:')


@dataclass(frozen=True, order=True)
class Bevinding:
    """One thing in one built file that may not be published, reported as ``pad:regel: wat``."""

    pad: str
    regel: int
    wat: str

    def __str__(self) -> str:
        return f"{zichtbaar(self.pad)}:{self.regel}: {zichtbaar(self.wat)}"


def uitvoermelding(bevindingen: list[Bevinding]) -> str:
    """The Dutch report that stops the build: a heading, then one ``pad:regel: wat`` per finding."""
    return "\n".join([KOP, *map(str, bevindingen)])


def controleer_uitvoer(map_: Path, eigen_adres: str | None = None) -> list[Bevinding]:
    """Everything in the built site ``map_`` that may not be published, sorted by file and line.

    ``eigen_adres`` is the site's own address (``site_url``): absolute URLs under it count as same-origin.
    """
    uitvoer = _Uitvoer(Path(map_), _adres_met_slash(eigen_adres), _thema())
    for relatief in uitvoer.bestanden():
        if relatief.suffix.lower() in HTML_ACHTIG:
            uitvoer.lees_document(relatief)
        elif relatief.suffix.lower() == ".css" and not uitvoer.is_themabundel(relatief, "css"):
            uitvoer.lees_stylesheet(relatief)
        elif relatief.suffix.lower() in STUKEXTENSIES - {".txt", ".csv", ".png", ".jpg", ".jpeg"}:
            # a paper (PDF, office document): checked again as it is published, whatever put it here
            try:
                vondsten, _ = inhoudsvondsten((Path(map_) / relatief).read_bytes(), relatief.name)
            except Exception:
                vondsten = [("kan niet worden gecontroleerd", "")]
            uitvoer.bevindingen += [Bevinding(str(relatief), 1, f"stuk {wat}") for wat, _ in vondsten]
    return sorted(set(uitvoer.bevindingen))


# --- What the installed theme ships ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Thema:
    bundels: dict[str, frozenset[str]]
    """Digests of the theme's files per kind ('js', 'css')."""
    scripts: tuple[re.Pattern[str], ...]
    config_sleutels: frozenset[str]


@functools.cache
def _thema() -> _Thema:
    """What Material ships, read once per process: bundle digests, inline scripts, configuration keys."""
    spec = importlib.util.find_spec("material")  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("het thema Material is niet geïnstalleerd")
    sjablonen = Path(next(iter(spec.submodule_search_locations))) / "templates"
    activa = sjablonen / "assets"
    bundels = {
        "js": frozenset(_digest(p) for p in (activa / "javascripts").rglob("*.js") if p.is_file()),
        "css": frozenset(_digest(p) for p in (activa / "stylesheets").rglob("*.css") if p.is_file()),
        # Not merged into 'js': the search worker named in the theme's configuration must stay Material's.
        "eigen-js": frozenset(_digest(p) for p in EIGEN_THEMA.glob("*.js") if p.is_file()),
    }
    scripts: list[re.Pattern[str]] = []
    sleutels: set[str] = set()
    for sjabloon in _themasjablonen(sjablonen):
        for attributen, tekst in _scripts_in_sjabloon(sjabloon.read_text(encoding="utf-8")):
            if attributen == {"id": "__config", "type": "application/json"}:
                sleutels |= set(_JINJA_SLEUTEL.findall(tekst))
            elif not attributen and "{%" not in tekst and "{#" not in tekst:
                stukken = _JINJA_UITVOER.split(tekst.strip())
                scripts.append(re.compile(_GAT.join(map(re.escape, stukken))))
    return _Thema(bundels, tuple(scripts), frozenset(sleutels))


def _themasjablonen(sjablonen: Path) -> Iterator[Path]:
    yield from (sjablonen / naam for naam in ("base.html", "main.html", "404.html"))
    for pad in sorted((sjablonen / "partials").rglob("*.html")):
        # Analytics partials exist to load a third party's code: their scripts are never the site's.
        if "integrations" not in pad.relative_to(sjablonen).parts:
            yield pad


def _scripts_in_sjabloon(tekst: str) -> list[tuple[dict[str, str | None], str]]:
    """Each ``<script>`` of a Jinja template: its attributes and its (still templated) text."""
    gevonden: list[tuple[dict[str, str | None], str]] = []

    class Lezer(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                gevonden.append((dict(attrs), ""))

        def handle_data(self, data):
            if self.cdata_elem == "script" and gevonden:
                attributen, tekst = gevonden[-1]
                gevonden[-1] = (attributen, tekst + data)

    lezer = Lezer()
    lezer.feed(tekst)
    lezer.close()
    return gevonden


def _digest(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


# --- Addresses as a browser reads them -------------------------------------------------------------------


def _adres_met_slash(adres: str | None) -> str | None:
    if not adres:
        return None
    return adres if adres.endswith("/") else adres + "/"


def _browserlezing(url: str) -> str:
    """A URL as the browser's URL parser starts on it: outer controls and spaces dropped, tabs and line
    breaks removed anywhere, a backslash read as a slash."""
    return _TAB_OF_REGELEINDE.sub("", url.strip(_C0_EN_SPATIE)).replace("\\", "/")


def _schema(url: str) -> str | None:
    """The scheme of a URL, lower-cased; every space or control before the colon is ignored, as the
    strictest reading of ``JAVA\\tSCRIPT:`` or ``java\\x00script:`` would."""
    kop, dubbelepunt, _ = url.partition(":")
    if not dubbelepunt:
        return None
    kop = _SPATIE_OF_STUURTEKEN.sub("", kop).lower()
    return kop if _SCHEMA.fullmatch(kop) else None


def _kort(tekst: str, lengte: int = 80) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _waarden(naam: str, waarde: str) -> list[str]:
    """The single URLs in an attribute: srcset candidates, ping lists and animation values are split."""
    if naam in ("srcset", "imagesrcset"):
        return [deel.split()[0] for deel in waarde.split(",") if deel.split()]
    if naam in ("ping", "archive"):
        return waarde.split()
    if naam == "values":
        return waarde.split(";")
    return [waarde]


# --- The walk over the output ----------------------------------------------------------------------------


@dataclass
class _Uitvoer:
    root: Path
    eigen_adres: str | None
    thema: _Thema
    bevindingen: list[Bevinding] = field(default_factory=list)
    _digests: dict[str, str | None] = field(default_factory=dict)
    _scriptcache: dict[str, bool] = field(default_factory=dict)

    def meld(self, pad: str, regel: int, wat: str) -> None:
        self.bevindingen.append(Bevinding(pad, regel, wat))

    def bestanden(self) -> Iterator[Path]:
        """Every regular file of the output, relative; a symbolic link is reported and never followed."""
        for map_, mappen, namen in os.walk(self.root, followlinks=False):
            hier = Path(map_)
            for naam in sorted(mappen + namen):
                if (hier / naam).is_symlink():
                    self.meld((hier / naam).relative_to(self.root).as_posix(), 1, "symbolische link in de uitvoer")
            mappen[:] = sorted(m for m in mappen if not (hier / m).is_symlink())
            for naam in sorted(namen):
                if not (hier / naam).is_symlink():
                    yield (hier / naam).relative_to(self.root)

    # -- addresses relative to the output

    def onder_eigen_adres(self, url: str) -> bool:
        if self.eigen_adres is None:
            return False
        if url.startswith("//"):  # protocol-relative: the site's own scheme
            url = self.eigen_adres.split(":", 1)[0] + ":" + url
        eigen = self.eigen_adres.lower()
        return url.lower().startswith(eigen) or url.lower() == eigen.rstrip("/")

    def van_elders(self, url: str) -> bool:
        """Whether a browser would ask another origin for this URL (absolute and not under the site's address)."""
        gelezen = _browserlezing(url)
        if self.onder_eigen_adres(gelezen):
            return False
        return gelezen.startswith("//") or _schema(gelezen) is not None

    def in_uitvoer(self, pagina: str, url: str) -> str | None:
        """The output file a same-origin URL on ``pagina`` names (relative posix path), or None."""
        gelezen = _browserlezing(url).split("#", 1)[0].split("?", 1)[0]
        if self.onder_eigen_adres(gelezen):
            eigen = self.eigen_adres or ""
            if gelezen.startswith("//"):
                gelezen = eigen.split(":", 1)[0] + ":" + gelezen
            vanaf_root = gelezen[len(eigen) :]
        elif gelezen.startswith("//") or _schema(gelezen) is not None:
            return None
        elif gelezen.startswith("/"):
            # A root-relative path (the 404 page writes them) starts with the path of the site's address.
            voorvoegsel = "/" + (self.eigen_adres or "//x/").split("//", 1)[1].partition("/")[2]
            if not gelezen.startswith(voorvoegsel):
                return None
            vanaf_root = gelezen[len(voorvoegsel) :]
        else:
            vanaf_root = posixpath.join(posixpath.dirname(pagina), gelezen)
        # Decoded before normalising: a browser reads '%2e%2e' in a path as '..'.
        pad = posixpath.normpath(unquote("/" + vanaf_root)).lstrip("/")
        bestand = self.root / pad
        return pad if pad and bestand.is_file() and not bestand.is_symlink() else None

    def is_themabundel(self, relatief: Path | str, soort: str) -> bool:
        sleutel = Path(relatief).as_posix()
        if sleutel not in self._digests:
            pad = self.root / sleutel
            self._digests[sleutel] = _digest(pad) if pad.is_file() and not pad.is_symlink() else None
        return self._digests[sleutel] in self.thema.bundels[soort]

    def is_themascript(self, tekst: str) -> bool:
        if tekst not in self._scriptcache:
            schoon = tekst.strip()
            self._scriptcache[tekst] = any(p.fullmatch(schoon) for p in self.thema.scripts)
        return self._scriptcache[tekst]

    # -- files

    def lees_document(self, relatief: Path) -> None:
        pad = relatief.as_posix()
        try:
            tekst = (self.root / relatief).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            self.meld(pad, 1, "bestand is geen geldige UTF-8 — een browser kan het anders lezen dan deze controle")
            return
        _Document(self, pad).lees(tekst)

    def lees_stylesheet(self, relatief: Path) -> None:
        pad = relatief.as_posix()
        try:
            tekst = (self.root / relatief).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            self.meld(pad, 1, "stylesheet is geen geldige UTF-8")
            return
        self.lees_css(pad, 1, tekst, "in de stylesheet")

    def lees_css(self, pad: str, regel: int, bron: str, waar: str) -> None:
        for verschuiving, wat in _css_bevindingen(bron, self):
            self.meld(pad, regel + verschuiving, f"{wat} {waar}")


# --- HTML ------------------------------------------------------------------------------------------------


class _Document(HTMLParser):
    """One built HTML (or SVG/XML) file, read tag by tag; every finding goes to the output's list."""

    CDATA_CONTENT_ELEMENTS = RUWE_TEKST

    def __init__(self, uitvoer: _Uitvoer, pad: str) -> None:
        super().__init__(convert_charrefs=True)
        self.uitvoer, self.pad = uitvoer, pad
        self.ruw: tuple[str, dict[str, str | None], int, list[str]] | None = None

    def meld(self, regel: int, wat: str) -> None:
        self.uitvoer.meld(self.pad, regel, wat)

    def lees(self, tekst: str) -> None:
        try:
            self.feed(tekst)
            self.close()
        except Exception:  # whatever Python's parser gives up on, a browser still reads
            self.meld(self.getpos()[0], "HTML die deze controle niet kan lezen — een browser leest het wel")
            return
        if self.ruw is not None:  # a raw-text element left open runs to the end of the file
            self.ruw[3].append(self.rawdata)
            self._sluit_ruw()

    # -- parser events

    def handle_starttag(self, tag, attrs):
        regel = self.getpos()[0]
        attributen = dict(attrs)
        self._attributen(tag, attrs, regel)
        self._element(tag, attributen, regel)
        if tag in RUWE_TEKST:
            self.ruw = (tag, attributen, regel, [])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in RUWE_TEKST:
            # In HTML '<style/>' still opens a raw-text element; read what follows as its text.
            self.set_cdata_mode(tag)

    def handle_endtag(self, tag):
        if self.ruw is not None and tag == self.ruw[0]:
            self._sluit_ruw()

    def handle_data(self, data):
        if self.ruw is not None and self.cdata_elem is not None:
            self.ruw[3].append(data)

    def handle_comment(self, data):
        # Python ends '<!-->' and '<!-- --!>' later than a browser does; what follows would be live markup.
        if data.startswith((">", "->")) or "--!>" in data:
            self.meld(self.getpos()[0], "HTML-commentaar dat een browser eerder afsluit dan deze controle")

    def unknown_decl(self, data):
        self.meld(self.getpos()[0], f"<![{_kort(data, 20)}…]>-blok: een browser leest dit anders dan deze controle")

    # -- checks

    def _attributen(self, tag: str, attrs: list[tuple[str, str | None]], regel: int) -> None:
        for naam, waarde in attrs:
            if naam.startswith("on"):
                self.meld(regel, f"gebeurtenis-attribuut {naam}= op <{tag}>")
            if waarde is None:
                continue
            if naam in URL_ATTRIBUTEN:
                for url in _waarden(naam, waarde):
                    schema = _schema(_browserlezing(url))
                    if schema in GEVAARLIJKE_SCHEMAS:
                        self.meld(regel, f"{schema}:-adres in {naam}= op <{tag}>: {_kort(waarde)}")
                    elif self._haalt_op(tag, naam) and self.uitvoer.van_elders(url):
                        self.meld(regel, f'<{tag} {naam}="{_kort(url)}"> haalt iets op van een ander adres')
            if naam == "style":
                self.uitvoer.lees_css(self.pad, regel, waarde, f"in style= op <{tag}>")

    @staticmethod
    def _haalt_op(tag: str, naam: str) -> bool:
        """Whether the browser fetches this attribute's URL itself (rather than on a click)."""
        if naam in OPHALENDE_ATTRIBUTEN:
            return tag != "script"  # a script's source has its own, stricter rule
        if naam in ("href", "xlink:href"):
            # Every <link> must stay on the site, navigation rels included: none of the site's needs another origin.
            return tag in OPHALENDE_SVG or tag == "link"
        return naam in ("action", "formaction") or (naam == "data" and tag == "object")

    def _element(self, tag: str, attributen: dict[str, str | None], regel: int) -> None:
        if tag in VERBODEN_ELEMENTEN:
            self.meld(regel, f"<{tag}> mag niet in de site staan")
        elif tag == "meta" and (attributen.get("http-equiv") or "").strip().lower() == "refresh":
            self.meld(regel, '<meta http-equiv="refresh"> stuurt de bezoeker door')
        elif tag == "link" and "stylesheet" in (attributen.get("rel") or "").lower().split():
            href = attributen.get("href") or ""
            doel = self.uitvoer.in_uitvoer(self.pad, href)
            if not self.uitvoer.van_elders(href) and (doel is None or not doel.lower().endswith(".css")):
                # A same-origin stylesheet outside this site (another project under the same host) is unchecked.
                self.meld(regel, f'<link rel="stylesheet" href="{_kort(href)}"> is geen stylesheet van deze site')
        elif tag == "script":
            bron = next((attributen[n] for n in ("src", "href", "xlink:href") if attributen.get(n) is not None), None)
            if bron is not None:
                self._scriptbron(bron, regel)

    def _scriptbron(self, bron: str, regel: int) -> None:
        if self.uitvoer.van_elders(bron):
            self.meld(regel, f'<script src="{_kort(bron)}"> laadt een script van een ander adres')
            return
        doel = self.uitvoer.in_uitvoer(self.pad, bron)
        if doel is None or not (
            self.uitvoer.is_themabundel(doel, "js") or self.uitvoer.is_themabundel(doel, "eigen-js")
        ):
            self.meld(regel, f'<script src="{_kort(bron)}"> is geen script van het thema (Material) of van deze site')

    def _sluit_ruw(self) -> None:
        assert self.ruw is not None
        tag, attributen, regel, delen = self.ruw
        self.ruw = None
        tekst = "".join(delen)
        if tag == "script":
            self._inline_script(attributen, tekst, regel)
        elif "<" in tekst:
            # As HTML this is text, inside SVG it is markup: without '<' both readings agree.
            self.meld(regel, f"'<' in <{tag}>: een browser kan dit als opmaak lezen")
        elif tag == "style":
            self.uitvoer.lees_css(self.pad, regel, tekst, "in <style>")

    def _inline_script(self, attributen: dict[str, str | None], tekst: str, regel: int) -> None:
        if any(n in attributen for n in ("src", "href", "xlink:href")):
            return  # the source was checked; a browser ignores the text of a script with a source
        if attributen == {"id": "__config", "type": "application/json"}:
            for wat in self._themaconfiguratie(tekst):
                self.meld(regel, f'<script id="__config">: {wat}')
        elif attributen or not self.uitvoer.is_themascript(tekst):
            self.meld(regel, f"inline script dat het thema niet schrijft: {_kort(tekst) or '(leeg)'}")

    def _themaconfiguratie(self, tekst: str) -> list[str]:
        """Material's configuration block: JSON of the template's own shape, addresses on the site."""
        if "<" in tekst:
            return ["'<' in de configuratie van het thema"]
        try:
            config = json.loads(tekst)
        except ValueError:
            return ["de configuratie van het thema is geen JSON"]
        if not isinstance(config, dict):
            return ["de configuratie van het thema is geen JSON-object"]
        sleutels = self.uitvoer.thema.config_sleutels
        vreemd = sorted(set(config) - sleutels)
        vertalingen = config.get("translations")
        vreemd += sorted(set(vertalingen) - sleutels) if isinstance(vertalingen, dict) else []
        fouten = [f"sleutel '{_kort(s, 40)}' komt niet uit het sjabloon van het thema" for s in vreemd]
        fouten += ["'<' in een waarde van de configuratie" for s in teksten(config) if "<" in s][:1]
        for sleutel in ("base", "search"):
            waarde = config.get(sleutel)
            if not isinstance(waarde, str) or self.uitvoer.van_elders(waarde):
                fouten.append(f"'{sleutel}' is geen adres binnen de site")
        zoeker = config.get("search")
        if isinstance(zoeker, str) and not self.uitvoer.van_elders(zoeker):
            doel = self.uitvoer.in_uitvoer(self.pad, zoeker)
            if doel is None or not self.uitvoer.is_themabundel(doel, "js"):
                fouten.append(f"'search' ({_kort(zoeker)}) is geen script van het thema (Material)")
        return fouten


# --- CSS -------------------------------------------------------------------------------------------------

_CSS_TEKEN = re.compile(r"/\*|[\\\"'\n]")
_CSS_HEX = re.compile(r"([0-9a-fA-F]{1,6})(\r\n|[ \t\r\n\f])?")
_CSS_VERBODEN = re.compile(r"@import|expression\s*\(|behavior\s*:|-moz-binding")
_CSS_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\s]*))", re.I)
_CSS_STRING = re.compile(r"\"([^\"\n]*)\"|'([^'\n]*)'")


class _CssLezing:
    """CSS as the browser's tokenizer reads it: comments gone (not inside strings), escapes decoded.

    ``regelstarts`` keeps where each source line starts in the decoded text, so a finding keeps its line.
    """

    def __init__(self, bron: str) -> None:
        self.bron, self.delen, self.lengte, self.regelstarts = bron, [], 0, [0]
        string: str | None = None  # the quote of the string being read, if any
        i = 0
        while (treffer := _CSS_TEKEN.search(bron, i)) is not None:
            self.schrijf(bron[i : treffer.start()])
            teken, i = treffer.group(), treffer.end()
            if teken == "\\":
                i = self.escape(i)
            elif teken == "\n":
                self.schrijf("\n")
                self.nieuwe_regel()
                string = None  # a string cannot run past the end of its line
            elif teken == "/*" and string is None:
                i = self.commentaar(i)
            else:  # a quote, or '/*' inside a string
                self.schrijf(teken)
                if teken != "/*":
                    string = teken if string is None else (None if string == teken else string)
        self.schrijf(bron[i:])
        self.tekst = "".join(self.delen)

    def schrijf(self, stuk: str) -> None:
        self.delen.append(stuk)
        self.lengte += len(stuk)

    def nieuwe_regel(self) -> None:
        self.regelstarts.append(self.lengte)

    def regel(self, positie: int) -> int:
        """Source line (from 0) of a position in the decoded text."""
        return bisect.bisect_right(self.regelstarts, positie) - 1

    def commentaar(self, i: int) -> int:
        einde = self.bron.find("*/", i)
        einde = len(self.bron) if einde < 0 else einde
        self.schrijf(" ")  # a comment separates tokens: 'ur/**/l(' is not 'url('
        for _ in range(self.bron.count("\n", i, einde)):
            self.nieuwe_regel()
        return min(einde + 2, len(self.bron))

    def escape(self, i: int) -> int:
        """Decode the escape whose backslash ends just before ``i``; returns where reading goes on."""
        hexa = _CSS_HEX.match(self.bron, i)
        if hexa:
            code = int(hexa.group(1), 16)
            self.schrijf(chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd")
            if "\n" in (hexa.group(2) or ""):
                self.nieuwe_regel()
            return hexa.end()
        if i >= len(self.bron):
            self.schrijf("\ufffd")
            return i
        if self.bron[i] == "\n":  # an escaped line break continues a string
            self.nieuwe_regel()
        else:
            self.schrijf(self.bron[i])
        return i + 1


def _css_bevindingen(bron: str, uitvoer: _Uitvoer) -> list[tuple[int, str]]:
    """(line offset, what) for every refused construct in a piece of CSS."""
    lezing = _CssLezing(bron)
    tekst, regel = lezing.tekst, lezing.regel
    laag = tekst.lower()
    uit = [(regel(t.start()), f"'{t.group()}'") for t in _CSS_VERBODEN.finditer(laag)]
    for t in _CSS_URL.finditer(tekst):
        adres = next(g for g in t.groups() if g is not None)
        if uitvoer.van_elders(adres):
            uit.append((regel(t.start()), f"url({_kort(adres)}) wijst naar een ander adres"))
    for t in _CSS_STRING.finditer(tekst):
        adres = next(g for g in t.groups() if g is not None)
        if _lijkt_adres(adres) and uitvoer.van_elders(adres):
            uit.append((regel(t.start()), f'"{_kort(adres)}" wijst naar een ander adres'))
    return uit


def _lijkt_adres(tekst: str) -> bool:
    """Whether a CSS string would be fetched as a URL where one is expected (image-set, src, @import)."""
    gelezen = _browserlezing(tekst)
    schema = _schema(gelezen)
    if gelezen.startswith("//"):
        return True
    return schema is not None and (schema in OPHALENDE_SCHEMAS or gelezen[len(schema) + 1 :].startswith("//"))
