"""Text patterns shared by reading, checking, rendering and editing records: ids, fences and lines."""

from __future__ import annotations

import html
import re

# Every pattern of an id, a date or a version ends in ``\Z``, not ``$``: ``$`` also matches before a final line
# break, so 'abc\n' would pass for an id and end up in a file name.

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
"""An id: lowercase ASCII letters and digits in groups joined by single hyphens (the whole text)."""

TOOI_ORGANISATIE = re.compile(
    r"https://identifier\.overheid\.nl/tooi/id/"
    r"(?:gemeente/gm\d{4}|so/so\d{4}|oorg/oorg\d{5}|provincie/pv\d{2}|ministerie/mnre\d{4}"
    r"|waterschap/ws\d{4}|zbo/zb\d{6}|col/col\d{2})\Z"
)
"""The form of an organisation's TOOI identifier (the eight organisation lists of the DiWoo 0.9.8 value lists):
a gemeente gm…, a gemeenschappelijke regeling so…, and so on. An informal regional partnership has none."""

_HEK_OPEN = re.compile(r"^(`{3,}|~{3,})[ \t]*(?:[\w#.+-]+)?[ \t]*\Z")
"""A fence that opens a code block for every renderer we know: at the start of the line, at most a language."""


def in_codeblok(regels_: list[str]) -> list[bool]:
    """For each line: is it part of a fenced code block (the fences included)?

    Deliberately strict: a fence opens only where every renderer sees one (column 0, at most a
    language) and closes at the first line any renderer would close it on (the same character, at
    least as long), so text a renderer treats as Markdown is never taken for code and left
    unchecked. An indented or decorated fence is simply read as text.
    """
    uit, hek = [], None
    for regel in regels_:
        if hek is None:
            open_ = _HEK_OPEN.match(regel)
            hek = open_.group(1) if open_ else None
            uit.append(hek is not None)
        else:
            uit.append(True)
            sluit = regel.rstrip(" \t")
            if sluit.startswith(hek) and sluit == hek[0] * len(sluit):  # as long as the opening fence, or longer
                hek = None
    return uit


DATUM = re.compile(r"^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?|H([12])))?\Z")
"""A record date: JJJJ-MM-DD, JJJJ-MM, JJJJ-Qn, JJJJ-Hn or JJJJ (whether it exists is the model's question)."""

VERSIE = re.compile(r"^\d{4}\.\d+\Z")
"""A version number of the agenda: JJJJ.N (the whole text)."""

_REGELEINDE = re.compile(r"\r\n|\r|\n")


def regels(tekst: str, keepends: bool = False) -> list[str]:
    """Lines as YAML and Markdown count them: broken at CRLF, CR or LF only.

    ``str.splitlines`` also breaks at form feeds, U+2028 and other separators, which would put
    reported line numbers out of step with the editor and the parser.
    """
    if not tekst:
        return []
    uit, begin = [], 0
    for einde in _REGELEINDE.finditer(tekst):
        uit.append(tekst[begin : einde.end()] if keepends else tekst[begin : einde.start()])
        begin = einde.end()
    if begin < len(tekst):
        uit.append(tekst[begin:])
    return uit


def regeleinde(tekst: str) -> str:
    """The line break a text uses (its first one), so that an edit writes the same kind."""
    gevonden = _REGELEINDE.search(tekst)
    return gevonden.group(0) if gevonden else "\n"


_MD_SPECIAAL = re.compile(r"([\\`*_\[\]#|{}])")


def letterlijk(tekst: object) -> str:
    """Record text as it must appear inside a line of Markdown: no markup, no HTML, no line break of its own."""
    return _MD_SPECIAAL.sub(r"\\\1", html.escape(str(tekst), quote=False)).replace("\r", " ").replace("\n", " ")
