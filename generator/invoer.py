"""Hostile or unsafe input in record files, reported with path and line before anything is built.

The rendered HTML is sanitised as well (see ``schoonmaak``); these checks make a project group see
the problem in its pull request instead of having text silently dropped.
"""

from __future__ import annotations

import re
import unicodedata

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, CollectionEndEvent, NodeEvent, ScalarEvent

from .problemen import Probleem

MAX_BYTES = 256 * 1024
MAX_DIEPTE = 12

_BIDI = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"}
_HEK = re.compile(r"^\s*(```|~~~)")
_CODE = re.compile(r"`[^`]*`")
_COMMENTAAR = re.compile(r"<!--")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^>]*>?")
_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
_LINKDOEL = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|<([a-z][a-z0-9+.-]*:[^>\s]*)>", re.I)
_SCHEMA = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
VEILIGE_SCHEMAS = {"http", "https", "mailto"}


_VERDACHT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


def tekens(pad: str, tekst: str) -> list[Probleem]:
    """Control and bidirectional-override characters, which can hide what a text really says."""
    if not _VERDACHT.search(tekst):
        return []
    problemen = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        for teken in regel:
            if teken in _BIDI:
                problemen.append(Probleem(pad, nummer, f"onzichtbaar richtingsteken U+{ord(teken):04X} in de tekst",
                                          "gewone tekst zonder tekens die de leesrichting omdraaien"))
                break
            if unicodedata.category(teken) == "Cc" and teken != "\t":
                problemen.append(Probleem(pad, nummer, f"stuurteken U+{ord(teken):04X} in de tekst", "gewone tekst zonder stuurtekens"))
                break
    return problemen


def yaml_constructies(pad: str, yaml_tekst: str, eerste_regel: int) -> list[Probleem]:
    """YAML tags, anchors, aliases and deep nesting: records are plain data, nothing more."""
    if not any(teken in yaml_tekst for teken in "&*!") and yaml_tekst.count("[") + yaml_tekst.count("{") <= MAX_DIEPTE \
            and _max_inspringing(yaml_tekst) < 2 * MAX_DIEPTE:
        return []  # none of the characters that start an anchor, alias or tag, and too shallow to nest deeply
    problemen, diepte = [], 0
    try:
        for event in YAML(typ="safe", pure=False).parse(yaml_tekst):
            regel = eerste_regel + event.start_mark.line
            if isinstance(event, AliasEvent):
                problemen.append(Probleem(pad, regel, f"verwijzing '*{event.anchor}' naar een anker", "schrijf de waarde gewoon uit"))
            elif isinstance(event, NodeEvent) and event.anchor:
                problemen.append(Probleem(pad, regel, f"anker '&{event.anchor}'", "geen ankers; schrijf waarden gewoon uit"))
            if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.tag and not _impliciet(event):
                problemen.append(Probleem(pad, regel, f"YAML-tag '{event.tag}'", "geen tags: alleen gewone tekst, getallen, lijsten en blokken"))
            if isinstance(event, CollectionStartEvent):
                diepte += 1
                if diepte == MAX_DIEPTE + 1:
                    problemen.append(Probleem(pad, regel, f"meer dan {MAX_DIEPTE} niveaus diep genest", f"hoogstens {MAX_DIEPTE} niveaus"))
            elif isinstance(event, CollectionEndEvent):
                diepte -= 1
    except YAMLError:
        return problemen  # syntax errors are reported by the parser itself
    return problemen


def _max_inspringing(tekst: str) -> int:
    return max((len(r) - len(r.lstrip(" -")) for r in tekst.splitlines() if r.strip()), default=0)


def _impliciet(event) -> bool:
    if isinstance(event, ScalarEvent):
        return bool(event.implicit and (event.implicit[0] or event.implicit[1])) and not event.tag.startswith("!")
    return bool(getattr(event, "implicit", False))


def markdown_body(pad: str, body: str, eerste_regel: int) -> list[Probleem]:
    """Raw HTML, HTML comments and unsafe link schemes in a Markdown body (outside code)."""
    problemen, in_code = [], False
    for i, regel in enumerate(body.splitlines()):
        nummer = eerste_regel + i
        if _HEK.match(regel):
            in_code = not in_code
            continue
        if in_code:
            continue
        zonder_code = _CODE.sub("", regel)
        if _COMMENTAAR.search(zonder_code):
            problemen.append(Probleem(pad, nummer, "HTML-commentaar in de tekst", "geen verborgen tekst; alles in een record wordt openbaar"))
        for tag in _TAG.finditer(zonder_code):
            naam = tag.group(1).lower()
            extra = " met een event-handler" if _HANDLER.search(tag.group(0)) else ""
            problemen.append(Probleem(pad, nummer, f"HTML-element <{naam}>{extra} in de tekst",
                                      "gewone Markdown; HTML uit records wordt niet gepubliceerd"))
        for doel in _LINKDOEL.finditer(zonder_code):
            adres = next(g for g in doel.groups() if g)
            schema = _SCHEMA.match(adres)
            if schema and schema.group(1).lower() not in VEILIGE_SCHEMAS:
                problemen.append(Probleem(pad, nummer, f"link met '{schema.group(1).lower()}:'",
                                          "een link naar een pagina van deze site of een https-adres"))
    return problemen
