"""Every other folder the build reads: hand-written pages, theme overrides, pictures.

A pull request can change these as easily as a record, so they are held to the same rules: no
symbolic links (a link can point at ``.git/config`` or ``/proc/self/environ``), only file types
the site publishes, Markdown checked like a record body, pictures that are what their name says,
and no HTML, SVG or script that a reviewer could miss.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from regioagenda.records import invoercontrole as invoer
from regioagenda.records.mkdocsbeleid import zoals_browser
from regioagenda.problemen import Probleem

PAGINA = ".md"
BEELDEN = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".ico": (b"\x00\x00\x01\x00",),
    ".pdf": (b"%PDF-",),
}
"""Binary files a site may publish, with the bytes each must start with."""
TEKST = {".txt", ".csv"}
THEMA = {".html", ".css"}
"""Theme overrides: templates and styles, scanned for scripts and outside addresses."""


def controleer_map(root: Path, map_: Path, thema: bool = False) -> list[Probleem]:
    """Every problem with the files below ``map_`` (reported relative to ``root``), without following links."""
    root, problemen = Path(root), []
    if not map_.exists() and not map_.is_symlink():
        return []
    if map_.is_symlink():
        return [Probleem(_relatief(root, map_), 1, "de map is een symbolische link", "een gewone map in de repository")]
    for huidig, mappen, bestanden in os.walk(map_, followlinks=False):
        for naam in sorted(mappen + bestanden):
            pad = Path(huidig) / naam
            if pad.is_symlink():
                problemen.append(
                    Probleem(
                        _relatief(root, pad),
                        1,
                        "symbolische link",
                        "een gewoon bestand; links naar andere plekken worden nooit gepubliceerd",
                    )
                )
        mappen[:] = sorted(m for m in mappen if not (Path(huidig) / m).is_symlink())
        for naam in sorted(bestanden):
            pad = Path(huidig) / naam
            if not pad.is_symlink():
                problemen += _bestand(root, pad, thema)
    return problemen


def publiceerbaar(pad: Path, thema: bool = False) -> bool:
    """Whether a file of this type may be published at all (the full check is ``controleer_map``)."""
    achtervoegsel = pad.suffix.lower()
    return (
        not pad.is_symlink()
        and pad.is_file()
        and (
            achtervoegsel == PAGINA
            or achtervoegsel in BEELDEN
            or achtervoegsel in TEKST
            or (thema and achtervoegsel in THEMA)
        )
    )


def _bestand(root: Path, pad: Path, thema: bool) -> list[Probleem]:
    relatief = _relatief(root, pad)
    achtervoegsel = pad.suffix.lower()
    if not publiceerbaar(pad, thema):
        toegestaan = ", ".join(sorted({PAGINA, *BEELDEN, *TEKST} | (THEMA if thema else set())))
        return [
            Probleem(
                relatief,
                1,
                f"bestandstype '{achtervoegsel or pad.name}' wordt niet gepubliceerd",
                f"een van {toegestaan}; HTML, SVG en scripts horen niet in de inhoud",
            )
        ]
    inhoud = pad.read_bytes()
    if len(inhoud) > 10 * invoer.MAX_BYTES:
        return [
            Probleem(
                relatief,
                1,
                f"het bestand is {len(inhoud) // 1024} KiB groot",
                f"hoogstens {10 * invoer.MAX_BYTES // 1024} KiB",
            )
        ]
    if achtervoegsel in BEELDEN:
        if not inhoud.startswith(BEELDEN[achtervoegsel]) or achtervoegsel == ".webp" and inhoud[8:12] != b"WEBP":
            return [
                Probleem(
                    relatief,
                    1,
                    f"de inhoud is geen {achtervoegsel[1:].upper()}-bestand",
                    "een bestand waarvan de inhoud past bij de naam",
                )
            ]
        return []
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError:
        return [Probleem(relatief, 1, "het bestand is geen UTF-8-tekst", "opslaan als UTF-8")]
    problemen = invoer.tekens(relatief, tekst)
    if achtervoegsel == PAGINA:
        problemen += invoer.markdown_tekst(relatief, tekst, 1, record=False)
    elif achtervoegsel in THEMA:
        problemen += _thema(relatief, tekst, achtervoegsel)
    return problemen


Vondst = tuple[int, str, str]
"""(character offset where it starts, what was found, what is expected)."""

GEEN_SCRIPT = "geen scripts: de site werkt zonder JavaScript van de inhoud"
GEEN_BUITEN = "alleen bestanden van de site zelf: de site doet geen verzoeken naar andere adressen"
JINJA_FILTERS = frozenset({"e", "escape", "url", "d", "default", "length"})
"""Filters an override may use: they escape, or pick a value of the site."""
GEEN_OPMAAK = (
    "Jinja die alleen waarden van de site toont: teksten tussen aanhalingstekens met letters, cijfers, spaties en "
    "'.,/-', de filters " + ", ".join(sorted(JINJA_FILTERS)) + " en geen code die opmaak of Python bereikt"
)


def _thema(relatief: str, tekst: str, achtervoegsel: str = ".html") -> list[Probleem]:
    """Every finding in a theme override, read as a whole (a construct may span lines), at the line it starts.

    Templates: no script, event handler, script address, meta refresh, <base> or embedded object; every address
    attribute on the site itself; Jinja limited to showing the site's values (``_jinja``); styles checked like a
    stylesheet. Stylesheets: read after decoding escapes and dropping comments, so ``@\\69mport`` is ``@import``.
    """
    vondsten = _css(tekst) if achtervoegsel == ".css" else _html(tekst)
    return sorted(
        {Probleem(relatief, tekst.count("\n", 0, plek) + 1, wat, verwacht) for plek, wat, verwacht in vondsten}
    )


_HTML_VERBODEN = (
    (re.compile(r"<\s*script\b", re.I), "script of event-handler in een thema-bestand (<script>)", GEEN_SCRIPT),
    (re.compile(r"(?<![\w-])on[a-z]+\s*=", re.I), "script of event-handler in een thema-bestand (on…=)", GEEN_SCRIPT),
    (
        re.compile(r"(?:java|vb)script\s*:", re.I),
        "script of event-handler in een thema-bestand (javascript:)",
        GEEN_SCRIPT,
    ),
    (
        re.compile(r"<\s*meta\b[^>]*\bhttp-equiv", re.I | re.S),
        "<meta http-equiv> (doorsturen of verversen)",
        GEEN_SCRIPT,
    ),
    (re.compile(r"<\s*base\b", re.I), "<base> verandert waar elke link heen gaat", GEEN_BUITEN),
    (
        re.compile(r"<\s*(?:iframe|object|embed|frame|frameset|applet|portal)\b", re.I),
        "ingebed object of frame in een thema-bestand",
        GEEN_BUITEN,
    ),
)
_ATTRIBUUT = re.compile(r"""(?<![\w-])([a-z][\w:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""", re.I)
_ADRESATTRIBUTEN = frozenset(
    [
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "imagesrcset",
        "poster",
        "data",
        "xlink:href",
        "background",
        "cite",
        "ping",
        "manifest",
    ]
)
_STIJLBLOK = re.compile(r"(<\s*style\b[^>]*>)(.*?)(?:<\s*/\s*style\s*>|$)", re.I | re.S)
_JINJA_COMMENTAAR = re.compile(r"\{#.*?#\}", re.S)


def _html(tekst: str) -> list[Vondst]:
    # Jinja comments never reach a page: blanked (lines kept) so that their words are not findings.
    zonder = _JINJA_COMMENTAAR.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), tekst)
    vondsten = [
        (m.start(), wat, verwacht) for patroon, wat, verwacht in _HTML_VERBODEN for m in patroon.finditer(zonder)
    ]
    for m in _ATTRIBUUT.finditer(zonder):
        vondsten += _attribuut(m.group(1).lower(), m.group(2), m.start())
    for m in _STIJLBLOK.finditer(zonder):
        vondsten += _css(m.group(2), m.start(2))
    return vondsten + _jinja(tekst)


def _attribuut(naam: str, waarde: str, plek: int) -> list[Vondst]:
    """An attribute value as the browser reads it (entities decoded): no script address, no other origin."""
    ruw = waarde[1:-1] if waarde[:1] in "\"'" else waarde
    if naam == "style":
        return [(plek, wat, verwacht) for _, wat, verwacht in _css(html.unescape(ruw))]
    vondsten = []
    delen = ruw.split(",") if naam.endswith("srcset") else [ruw]
    for deel in delen:
        gezien = zoals_browser(deel)
        if gezien.startswith(("{{", "{%")):
            continue  # a value of the site, checked where it is set
        schema = re.match(r"^([a-z][a-z0-9+.\-]*):", gezien, re.I)
        if schema and schema.group(1).lower() in ("javascript", "vbscript", "data"):
            vondsten.append((plek, f"{schema.group(1).lower()}:-adres in attribuut '{naam}'", GEEN_SCRIPT))
        elif naam in _ADRESATTRIBUTEN and (
            (schema and schema.group(1).lower() != "mailto") or gezien.startswith("//") or "\\" in gezien
        ):
            vondsten.append((plek, f"verwijzing naar een ander adres in attribuut '{naam}'", GEEN_BUITEN))
    return vondsten


_CSS_VERBODEN = re.compile(
    r"@import|\b(?:url|image-set|image|cross-fade|element|src|expression)\s*\(|behavior|-moz-binding|"
    r"(?:java|vb)script\s*:|[\"']\s*(?:[a-z][a-z0-9+.\-]*:|//)"
)


_AANHALING = " '\""


def _css(css: str, begin: int = 0) -> list[Vondst]:
    """Findings in a stylesheet: escapes decoded and comments dropped first, as a browser reads it."""
    tekens, plekken = _css_gelezen(css)
    gelezen = "".join(tekens).lower()
    return [
        (
            begin + plekken[m.start()],
            f"'{m.group().strip(_AANHALING)}' in een stijl",
            GEEN_BUITEN + "; geen @import, url() of scripts",
        )
        for m in _CSS_VERBODEN.finditer(gelezen)
    ]


def _css_gelezen(css: str) -> tuple[list[str], list[int]]:
    """The characters a CSS parser sees (comments gone, escapes decoded), each with its offset in ``css``."""
    tekens: list[str] = []
    plekken: list[int] = []
    i = 0
    while i < len(css):
        if css.startswith("/*", i):
            einde = css.find("*/", i + 2)
            i = len(css) if einde < 0 else einde + 2
            tekens.append(" ")  # a comment separates tokens
            plekken.append(i - 1 if i <= len(css) else len(css) - 1)
            continue
        if css[i] == "\\" and i + 1 < len(css):
            hexa = re.match(r"[0-9a-fA-F]{1,6}", css[i + 1 : i + 7])
            if hexa:
                lengte = len(hexa.group())
                try:
                    teken = chr(int(hexa.group(), 16))
                except (ValueError, OverflowError):
                    teken = "\ufffd"
                tekens.append(teken)
                plekken.append(i)
                i += 1 + lengte
                if i < len(css) and css[i] in " \t\n\r\f":
                    i += 1
                continue
            if css[i + 1] in "\n\r\f":  # an escaped line break continues a string: nothing
                i += 2
                continue
            tekens.append(css[i + 1])
            plekken.append(i)
            i += 2
            continue
        tekens.append(css[i])
        plekken.append(i)
        i += 1
    plekken.append(len(css))
    return tekens, plekken


_JINJA_OPDRACHTEN = frozenset(
    [
        "extends",
        "block",
        "endblock",
        "include",
        "import",
        "from",
        "if",
        "elif",
        "else",
        "endif",
        "for",
        "endfor",
        "set",
        "endset",
        "macro",
        "endmacro",
        "with",
        "endwith",
    ]
)
_JINJA_AANROEPEN = frozenset({"super", "t", "d", "default"})
_JINJA_OPERATOREN = frozenset({".", "|", "(", ")", ",", "==", "!=", "~", "="})
_JINJA_TEKST = re.compile(r"^[\w .,/-]*$")


def _jinja(tekst: str) -> list[Vondst]:
    """Jinja in an override may show the site's values, never build markup or reach Python.

    MkDocs renders themes without autoescaping or a sandbox: a string literal holding '<', a subscript or
    '%'-formatting can assemble a tag that no text pattern sees, and '__' reaches Python itself. So the code
    between the delimiters is read token by token against an allowlist: names without '_' in front, string
    literals of plain characters, the operators '.', '|', '(', ')', ',', '==', '!=', '~' and '=', only the
    filters in ``JINJA_FILTERS``, only calls of super(), lang.t() and d(), and only the statements in
    ``_JINJA_OPDRACHTEN``.
    """
    import jinja2  # here: 'agenda controleer' reads overrides rarely, and should not pay for Jinja otherwise

    regelbegin = [0] + [m.end() for m in re.finditer("\n", tekst)]
    try:
        omgeving = jinja2.Environment()
        tokens = list(omgeving.lex(tekst))
        omgeving.parse(tekst)  # syntax only: nothing is rendered, nothing is looked up
    except jinja2.TemplateSyntaxError as fout:
        return [(regelbegin[min(fout.lineno, len(regelbegin)) - 1], "Jinja die niet gelezen kan worden", GEEN_OPMAAK)]
    vondsten, vorige, opdracht = [], ("", ""), False
    for regel, soort, waarde in tokens:
        plek = regelbegin[regel - 1]
        fout = _jinja_token(soort, waarde, vorige, opdracht)
        if fout:
            vondsten.append((plek, fout, GEEN_OPMAAK))
        if soort != "whitespace":
            opdracht, vorige = soort == "block_begin", (soort, waarde)
    # a call is allowed only of the names above: look one token back from every '('
    return vondsten + [
        (regelbegin[regel - 1], f"Jinja roept '{naam}' aan", GEEN_OPMAAK)
        for (regel, soort, naam), (_, _, volgende) in zip(_zonder_wit(tokens), _zonder_wit(tokens)[1:], strict=False)
        if soort == "name" and volgende == "(" and naam not in _JINJA_AANROEPEN
    ]


def _zonder_wit(tokens: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    return [t for t in tokens if t[1] != "whitespace"]


def _jinja_token(soort: str, waarde: str, vorige: tuple[str, str], opdracht: bool) -> str | None:
    if soort == "string" and not _JINJA_TEKST.match(waarde[1:-1]):
        return f"Jinja-tekst {waarde[:40]} met tekens die opmaak of een adres kunnen maken"
    if soort == "name" and waarde.startswith("_"):
        return f"Jinja-naam '{waarde}' (met '_' ervoor bereikt Python)"
    if soort == "name" and opdracht and waarde not in _JINJA_OPDRACHTEN:
        return f"Jinja-opdracht '{waarde}'"
    if soort == "name" and vorige == ("operator", "|") and waarde not in JINJA_FILTERS:
        return f"Jinja-filter '{waarde}'"
    if soort == "operator" and waarde not in _JINJA_OPERATOREN:
        return f"Jinja-operator '{waarde}'"
    if soort in ("integer", "float") and vorige == ("operator", "."):
        return "Jinja pakt een los teken uit een waarde"
    return None


def _relatief(root: Path, pad: Path) -> str:
    try:
        return pad.relative_to(root).as_posix()
    except ValueError:
        return pad.as_posix()
