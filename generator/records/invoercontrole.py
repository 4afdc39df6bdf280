"""Hostile or unsafe input in record files, reported with path and line before anything is built.

Everything a pull request can put in a record passes here first: the raw text, the YAML structure
(before it is composed, so nothing recursive runs on it), every decoded string value, and every
Markdown text (bodies and the front-matter fields the schemas mark as Markdown). The rendered
HTML is sanitised as well (see ``schoonmaak``); these checks make a project group see the
problem in its pull request instead of having text silently dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote
from collections.abc import Iterator
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent, ScalarEvent

from regioagenda.patronen import in_codeblok, regels
from regioagenda.problemen import Probleem

MAX_BYTES = 256 * 1024
MAX_DIEPTE = 12
"""Nesting of YAML blocks and lists; records need four or five."""
MAX_CIJFERS = 15
"""Digits in one number: more cannot be a count, a year or an amount in a record."""
MAX_KOPPEN = 150
"""Headings in one Markdown text (the table of contents numbers repeated headings in quadratic time)."""
MAX_HAKEN_BLOK = 300
MAX_HAKEN = 3000
"""Opening brackets per paragraph and per text."""
MAX_KOSTEN = 1_000_000
"""Python-Markdown looks for a link at every '[' through the rest of its paragraph: brackets × characters per
paragraph, list item or table row, summed over a text. A million is under half a second of rendering."""
MAX_CITAAT = 8
"""Nested '>' quote levels."""
MAX_INSPRINGING = 48
"""Columns of indentation (twelve list levels)."""

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_ONZICHTBAAR = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
_SCHEIDING = frozenset("\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _verboden(teken: str, in_waarde: bool) -> tuple[str, str] | None:
    """What is wrong with one character, or None when it may appear in record text."""
    if teken in "\n\t" or (teken == "\r" and not in_waarde):
        return None
    if teken in _BIDI:
        return (
            f"onzichtbaar richtingsteken U+{ord(teken):04X} in de tekst",
            "gewone tekst zonder tekens die de leesrichting omdraaien",
        )
    if teken in _ONZICHTBAAR:
        return f"onzichtbaar teken U+{ord(teken):04X} in de tekst", "gewone tekst zonder onzichtbare tekens"
    if teken in _SCHEIDING:
        return f"regel- of paginascheidingsteken U+{ord(teken):04X} in de tekst", "gewone regeleinden"
    soort = unicodedata.category(teken)
    if soort == "Cc":
        return f"stuurteken U+{ord(teken):04X} in de tekst", "gewone tekst zonder stuurtekens"
    if soort in ("Cf", "Zl", "Zp"):
        return f"onzichtbaar opmaakteken U+{ord(teken):04X} in de tekst", "gewone tekst zonder onzichtbare tekens"
    if soort == "Cs":
        return f"ongeldig teken U+{ord(teken):04X} (half tekenpaar) in de tekst", "gewone tekst"
    return None


def _eerste_verboden(tekst: str, in_waarde: bool) -> tuple[str, str] | None:
    if tekst.isprintable():  # fast path, in C: no control, format or separator character at all
        return None
    for teken in tekst:
        fout = _verboden(teken, in_waarde)
        if fout:
            return fout
    return None


def tekens(pad: str, tekst: str) -> list[Probleem]:
    """Control, bidirectional, zero-width and separator characters in the raw text of a file."""
    problemen = []
    for nummer, regel in enumerate(regels(tekst.removeprefix("\ufeff")), start=1):
        fout = _eerste_verboden(regel, in_waarde=False)
        if fout:
            problemen.append(Probleem(pad, nummer, *fout))
    return problemen


def waarden(pad: str, data: Any, regel_van) -> list[Probleem]:
    """The same characters in decoded values: escapes such as ``"\\u202e"`` or ``"\\e"`` hide them from the raw text."""
    problemen = []
    for plek, tekst, is_sleutel in _teksten(data):
        fout = _eerste_verboden(tekst, in_waarde=not is_sleutel)
        if fout is None and is_sleutel and ("\n" in tekst or "\t" in tekst):
            fout = "regeleinde of tab in een sleutel", "een sleutel als 'titel'"
        if fout:
            problemen.append(Probleem(pad, regel_van(*plek), *fout))
    return problemen


def _teksten(data: Any) -> Iterator[tuple[tuple, str, bool]]:
    """(path, text, is_key) for every string key and value, without recursion."""
    stapel: list[tuple[tuple, Any]] = [((), data)]
    while stapel:
        plek, waarde = stapel.pop()
        if isinstance(waarde, str):
            yield plek, waarde, False
        elif isinstance(waarde, dict):
            for sleutel, kind in waarde.items():
                if isinstance(sleutel, str):
                    yield (*plek, sleutel), sleutel, True
                stapel.append(((*plek, sleutel), kind))
        elif isinstance(waarde, list):
            stapel.extend(((*plek, i), kind) for i, kind in enumerate(waarde))


_LANG_GETAL = re.compile(rf"\d[\d_]{{{MAX_CIJFERS},}}")
_GETAL = re.compile(r"^[-+]?(0[xob])?[\d_a-fA-F]+(\.\d*)?([eE][-+]?\d+)?\Z")


def structuur(pad: str, yaml_tekst: str, eerste_regel: int) -> list[Probleem]:
    """YAML tags, anchors, aliases, deep nesting and huge numbers, found on the event stream.

    Runs before the YAML is composed into data: composing is recursive, and a few hundred nested
    brackets would otherwise end in a RecursionError instead of a message.
    """
    if (
        not any(teken in yaml_tekst for teken in "&*!")
        and yaml_tekst.count("[") + yaml_tekst.count("{") <= MAX_DIEPTE
        and _max_inspringing(yaml_tekst) < 2 * MAX_DIEPTE
        and not _LANG_GETAL.search(yaml_tekst)
    ):
        return []  # nothing that starts an anchor, alias or tag, too shallow to nest deeply, no long digit run
    problemen, diepte = [], 0
    try:
        for event in YAML(typ="safe", pure=False).parse(yaml_tekst):
            regel = eerste_regel + event.start_mark.line
            if isinstance(event, AliasEvent):
                problemen.append(
                    Probleem(pad, regel, f"verwijzing '*{event.anchor}' naar een anker", "schrijf de waarde gewoon uit")
                )
            elif isinstance(event, NodeEvent) and event.anchor:
                problemen.append(
                    Probleem(pad, regel, f"anker '&{event.anchor}'", "geen ankers; schrijf waarden gewoon uit")
                )
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag and not _impliciet(event):
                problemen.append(
                    Probleem(
                        pad,
                        regel,
                        f"YAML-tag '{event.tag}'",
                        "geen tags: alleen gewone tekst, getallen, lijsten en blokken",
                    )
                )
            if isinstance(event, ScalarEvent) and not event.style and _te_lang_getal(event.value):
                problemen.append(
                    Probleem(
                        pad,
                        regel,
                        f"getal van {sum(c.isdigit() for c in event.value)} cijfers",
                        f"hoogstens {MAX_CIJFERS} cijfers; zet een code of kenmerk tussen aanhalingstekens",
                    )
                )
            if isinstance(event, CollectionStartEvent):
                diepte += 1
                if diepte == MAX_DIEPTE + 1:
                    problemen.append(
                        Probleem(
                            pad, regel, f"meer dan {MAX_DIEPTE} niveaus diep genest", f"hoogstens {MAX_DIEPTE} niveaus"
                        )
                    )
                    return problemen  # nothing deeper is read
            elif isinstance(event, CollectionEndEvent):
                diepte -= 1
    except YAMLError:
        return problemen  # syntax errors are reported by the parser itself
    return problemen


def _te_lang_getal(waarde: str) -> bool:
    return sum(c.isdigit() for c in waarde) > MAX_CIJFERS and bool(_GETAL.match(waarde))


def _max_inspringing(tekst: str) -> int:
    return max((len(r) - len(r.lstrip(" -")) for r in regels(tekst) if r.strip()), default=0)


def _impliciet(event) -> bool:
    if isinstance(event, ScalarEvent):
        return bool(event.implicit and (event.implicit[0] or event.implicit[1])) and not event.tag.startswith("!")
    return bool(getattr(event, "implicit", False))


# --- Markdown ---------------------------------------------------------------------------------

_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]{1,31}):([^<>\s]*)>|<[^<>\s@]+@[^<>\s@]+>", re.I)
_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)(?![A-Za-z0-9-])|<(!--)|<([!?][A-Za-z\[])")
"""Anything a renderer may take for a tag: '<' and a name, whatever follows the name ('<java&#115;cript:…>' too)."""
_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
_INLINE_DOEL = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)>]*)")
_TITEL = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^)]*\)?)?\s*$""")
"""A link title after the address ('[x](adres "titel")'): not part of the address."""
_HOUDER = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
"""Where a line's own text starts inside quotes and list items, which may hold reference definitions too."""
_VERVOLG = re.compile(r"^(?:[ \t]*>)*[ \t]*")
"""Where a continuation line's text starts inside a quote."""
_REFERENTIE = re.compile(r"\[[^\]]*\]:[ \t]*(\S*)")
"""A reference definition ('[x]: adres'); with nothing after the colon its address is on the next line."""
_LOS_DOEL = re.compile(r"""(\S+)[ \t]*(?:(["']).*\2[ \t]*|\(.*\)[ \t]*)?\Z""")
"""The address alone on a line, perhaps with a title: how Python-Markdown reads the line after '[x]:'."""
_REFERENTIEBEELD = re.compile(r"!\[[^\]]{0,500}\]\[")
_ATTRIBUTEN = re.compile(r"\{:?[ \t]*(?:[#.][^\s}]|[A-Za-z_][\w:-]*[ \t]*=)[^}\n]*\}?")
_EIGEN_ATTRIBUTEN = re.compile(r"^\{:[ \t]*(?:\.agenda-[a-z]+(?:-[a-z]+)*[ \t]*)+\}\Z")
"""The one attribute list the site writes itself (a frozen version holds '{: .agenda-bron }'): only its own classes."""
_SCHEMA = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_KOP = re.compile(r"^ {0,3}(#{1,6}(\s|$)|=+\s*$|-{2,}\s*$)")
_CITAAT = re.compile(r"^(\s*>)+")
_INSPRINGING = re.compile(r"^(?:[ \t]|[-*+>](?=[ \t])|\d{1,9}[.)](?=[ \t]))*")
VEILIGE_SCHEMAS = {"http", "https", "mailto"}


def markdown_tekst(
    pad: str, tekst: str, eerste_regel: int, record: bool = True, vaste_regel: bool = False
) -> list[Probleem]:
    """Raw HTML, comments, attribute lists, unsafe or outside resources and render cost in a Markdown text.

    ``record``: text from a record, which appears on several pages and in frozen versions, so it may
    link only to full https addresses and may not embed pictures. Hand-written pages (``docs/``)
    may link and point to pictures within the site. ``vaste_regel``: report every problem on
    ``eerste_regel`` (a front-matter field whose lines the parser does not give).
    """
    problemen: list[Probleem] = []
    zonder_code = list(_zonder_code(tekst))
    for i, regel in zonder_code:
        nummer = eerste_regel if vaste_regel else eerste_regel + i
        problemen += [Probleem(pad, nummer, wat, verwacht) for wat, verwacht in _regelproblemen(regel, record)]
    problemen += [
        Probleem(pad, eerste_regel if vaste_regel else eerste_regel + i, wat, verwacht)
        for i, wat, verwacht in [*_referenties(zonder_code, record), *_kosten(zonder_code)]
    ]
    return list(dict.fromkeys(problemen))  # a definition on a line with the same fault inline: reported once


def _zonder_code(tekst: str) -> Iterator[tuple[int, str]]:
    """(index, line) for every line outside fenced code, with inline code spans removed."""
    lijnen = regels(tekst)
    for i, (regel, code) in enumerate(zip(lijnen, in_codeblok(lijnen), strict=True)):
        if not code:
            yield i, _CODE.sub("", regel)


def _regelproblemen(regel: str, record: bool) -> Iterator[tuple[str, str]]:
    """Each kind of problem once per line: a line of ten thousand tags is one problem, found in linear time."""
    gemeld: set[tuple[str, str]] = set()
    for probleem in _alle_regelproblemen(regel, record):
        if probleem not in gemeld:
            gemeld.add(probleem)
            yield probleem


def _alle_regelproblemen(regel: str, record: bool) -> Iterator[tuple[str, str]]:
    for autolink in _AUTOLINK.finditer(regel):
        if autolink.group(1) and autolink.group(1).lower() not in VEILIGE_SCHEMAS:
            yield f"link met '{autolink.group(1).lower()}:'", "een link naar een https-adres"
    regel_zonder_autolinks = _AUTOLINK.sub("", regel)
    for treffer in _HTML.finditer(regel_zonder_autolinks):
        if treffer.group(2):
            yield "HTML-commentaar in de tekst", "geen verborgen tekst; alles in een record wordt openbaar"
        elif treffer.group(3):
            yield "HTML-declaratie in de tekst", "gewone Markdown"
        else:
            naam = treffer.group(1).lower().lstrip("/")
            tag = regel_zonder_autolinks[treffer.start() : treffer.start() + 1000].split(">", 1)[0]
            extra = " met een event-handler" if _HANDLER.search(tag) else ""
            yield (
                f"HTML-element <{naam}>{extra} in de tekst",
                "gewone Markdown; HTML uit records wordt niet gepubliceerd",
            )
    if any(not _EIGEN_ATTRIBUTEN.match(m.group(0)) for m in _ATTRIBUTEN.finditer(regel)):
        yield (
            "attributen tussen accolades ({: …}) in de tekst",
            "gewone Markdown; id's, klassen en attributen bepaalt de site zelf",
        )
    if regel.count("[") > MAX_HAKEN_BLOK:
        return  # refused for its cost anyway; searching its links would itself be quadratic
    for link in _INLINE_DOEL.finditer(regel):
        yield from _doelproblemen(link.group(2), beeld=bool(link.group(1)), record=record)
    if _REFERENTIEBEELD.search(regel):
        yield "afbeelding via een verwijzing ![…][…]", "een afbeelding als ![omschrijving](pad/naar/afbeelding.png)"


def _referenties(zonder_code: list[tuple[int, str]], record: bool) -> Iterator[tuple[int, str, str]]:
    """Reference definitions, checked like inline links, also inside quotes and list items.

    Python-Markdown takes the address from the next line when nothing follows '[x]:' (and the title from the
    line after that; a title is escaped text, and the line checks see any HTML in it). Reported on the line of
    the definition.
    """
    tekst = dict(zonder_code)
    for i, regel in zonder_code:
        definitie = _REFERENTIE.match(regel, _HOUDER.match(regel).end())
        if definitie is None:
            continue
        doel = definitie.group(1)
        if not doel and i + 1 in tekst:
            volgende = tekst[i + 1]
            los = _LOS_DOEL.match(volgende, _VERVOLG.match(volgende).end())
            doel = los.group(1) if los else ""
        if doel:
            gemeld = set()
            for probleem in _doelproblemen(doel.removeprefix("<").removesuffix(">"), beeld=False, record=record):
                if probleem not in gemeld:
                    gemeld.add(probleem)
                    yield (i, *probleem)


def _doelproblemen(doel: str, beeld: bool, record: bool) -> Iterator[tuple[str, str]]:
    # A browser decodes entities and a URL parser percent escapes and drops control and space characters:
    # 'java&#x73;cript:' and 'java%73cript:' are javascript: too, so the scheme is read from the decoded form.
    doel = re.sub(r"[\x00-\x20]", "", unquote(html.unescape(_TITEL.sub("", doel.strip()))))
    schema = _SCHEMA.match(doel)
    if schema and schema.group(1).lower() not in VEILIGE_SCHEMAS:
        yield f"link met '{schema.group(1).lower()}:'", "een link naar een pagina van deze site of een https-adres"
    elif beeld and record:
        yield (
            "afbeelding in een record",
            "geen afbeeldingen in records: de site haalt niets van elders en een record "
            "staat op meerdere pagina's; zet een afbeelding op een pagina in docs/",
        )
    elif beeld and (schema or doel.startswith("//")):
        yield (
            f"afbeelding van een ander adres ({_kort(doel)})",
            "een afbeelding uit deze repository: de site haalt niets van andere adressen",
        )
    elif doel.startswith("//"):
        yield f"adres zonder schema ({_kort(doel)})", "een volledig adres dat met https:// begint"
    elif record and not schema and doel and not doel.startswith("#"):
        yield (
            f"link naar '{_kort(doel)}' binnen de site",
            "een volledig https-adres; noem een besluit of deelopdracht bij naam (een record staat op meerdere "
            "pagina's)",
        )


_EENHEID = re.compile(r"^\s*([-*+]\s|\d{1,9}[.)]\s|\||#|>)")
"""Lines that start a unit of their own for inline rendering: list item, table row, heading, quote."""


def _kosten(zonder_code: list[tuple[int, str]]) -> Iterator[tuple[int, str, str]]:
    """What would make rendering slow or recursive: headings, brackets, nested quotes and lists."""
    koppen, haken, kosten = 0, 0, 0
    eenheid = [None, 0, 0]  # start line, brackets, characters of the paragraph, item or row being read
    for i, regel in [*zonder_code, (None, "")]:
        if i is None or not regel.strip() or _EENHEID.match(regel):
            if eenheid[0] is not None:
                yield from _eenheidskosten(eenheid, kosten)
                kosten += eenheid[1] * eenheid[2]
            eenheid = [None, 0, 0]
            if i is None or not regel.strip():
                continue
        eenheid[0] = i if eenheid[0] is None else eenheid[0]
        aantal = regel.count("[")
        eenheid[1] += aantal
        eenheid[2] += len(regel) + 1
        if _KOP.match(regel):
            koppen += 1
            if koppen == MAX_KOPPEN + 1:
                yield i, f"meer dan {MAX_KOPPEN} koppen", f"hoogstens {MAX_KOPPEN} koppen per record; splits het op"
        haken += aantal
        if haken > MAX_HAKEN and haken - aantal <= MAX_HAKEN:
            yield i, f"meer dan {MAX_HAKEN} haken '[' in één tekst", f"hoogstens {MAX_HAKEN} per record"
        citaat = _CITAAT.match(regel)
        if citaat and citaat.group(0).count(">") > MAX_CITAAT:
            yield i, f"citaat van meer dan {MAX_CITAAT} niveaus ('>')", f"hoogstens {MAX_CITAAT} niveaus"
        inspringing = len(_INSPRINGING.match(regel).group(0))
        if inspringing > MAX_INSPRINGING:
            yield (
                i,
                f"{inspringing} tekens ingesprongen",
                f"hoogstens {MAX_INSPRINGING}: lijsten van hoogstens twaalf niveaus",
            )


def _eenheidskosten(eenheid: list, eerder: int) -> Iterator[tuple[int, str, str]]:
    begin, haken, tekens = eenheid
    if haken > MAX_HAKEN_BLOK:
        yield (
            begin,
            f"meer dan {MAX_HAKEN_BLOK} haken '[' in één alinea",
            "minder haken, of de tekst over alinea's verdeeld",
        )
    elif haken * tekens > MAX_KOSTEN:
        yield (
            begin,
            f"alinea te zwaar om op te maken ({haken} haken '[' in {tekens} tekens)",
            "kortere alinea's, of minder haken in een lange alinea",
        )
    elif eerder <= MAX_KOSTEN < eerder + haken * tekens:
        yield begin, "tekst te zwaar om op te maken (te veel haken '[' in lange alinea's)", "splits het record op"


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= 50 else tekst[:47] + "…"
