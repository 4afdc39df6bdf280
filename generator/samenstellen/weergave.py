"""Jinja environment and filters that turn the model into Markdown.

Record text is passed to templates as data and is never itself compiled as a template. Every value
a template prints is escaped for Markdown and HTML unless the code marked it as trusted: checked
record Markdown (``model.markdown.Markdown``) and markup the code builds itself (``Markup``).
Forgetting a filter therefore shows a backslash too many, never a live link, tag or heading.
"""

from __future__ import annotations

import html
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from regioagenda.nederlands import aantal as nl_aantal, datum as nl_datum, getal, label, meervoud, periode as nl_periode
from regioagenda.model.datum import Datum
from regioagenda.model.deelopdracht import Waarde
from regioagenda.model.markdown import Markdown
from regioagenda.model.overig import kopnummer
from regioagenda.patronen import in_codeblok, letterlijk
from regioagenda.samenstellen.grafiek import kengetal_svg

NADER = Markup("*nader in te vullen*")
_KOP = re.compile(r"^(#{1,6})(?=\s)")


def inline(tekst: object) -> Markup:
    """Escape record text for use inside a Markdown line (titles, table cells)."""
    if isinstance(tekst, Markup):
        return tekst
    return Markup(letterlijk(tekst))


def attribuut(tekst: object) -> Markup:
    """Escape record text for an HTML element or attribute."""
    return Markup(html.escape(str(tekst), quote=True))


def _standaard(waarde: object) -> object:
    """What every ``{{ … }}`` prints: trusted markup as it is, every other value escaped."""
    if isinstance(waarde, Markup):
        return waarde
    if isinstance(waarde, Markdown):
        return Markup(waarde)
    return inline(waarde)


def codeblok(regels: list[str] | tuple[str, ...], taal: str = "") -> Markup:
    """Lines shown literally in a fenced code block whose fence no line can close."""
    langste = max((len(m) for r in regels for m in re.findall(r"`+", r)), default=0)
    hek = "`" * max(3, langste + 1)
    return Markup("\n".join([hek + taal, *regels, hek]))


def kop(niveau: int) -> Markup:
    """The '#' marks of a heading at ``niveau`` (1–6)."""
    return Markup("#" * max(1, min(6, int(niveau))))


def relatief(van: str, naar: str) -> str:
    """A relative link from one generated page to another (both are normalised paths in the tree)."""
    bron, doel = van.split("/")[:-1], naar.split("/")
    gedeeld = 0
    while gedeeld < len(bron) and gedeeld < len(doel) - 1 and bron[gedeeld] == doel[gedeeld]:
        gedeeld += 1
    return "/".join([".."] * (len(bron) - gedeeld) + doel[gedeeld:])


def verschuif_koppen(markdown: Markdown, niveaus: int) -> Markup:
    """Demote ATX headings of checked Markdown by ``niveaus`` (outside code fences), capped at level 6."""
    if not isinstance(markdown, Markdown):
        raise TypeError("only checked record Markdown has headings to shift")
    if niveaus <= 0:
        return Markup(markdown)
    lijnen = markdown.splitlines()
    uit = [
        regel if code else _KOP.sub(lambda m: "#" * min(6, len(m.group(1)) + niveaus), regel)
        for regel, code in zip(lijnen, in_codeblok(lijnen), strict=True)
    ]
    return Markup("\n".join(uit) + ("\n" if markdown.endswith("\n") else ""))


def datum_nl(waarde: Datum | None) -> Markup:
    return inline(nl_datum(waarde)) if waarde is not None else NADER


def periode_nl(van: Datum | None, tot: Datum | None) -> Markup:
    """A period in words, or 'nader in te vullen' once when neither end is known."""
    tekst = nl_periode(van, tot)
    return inline(tekst) if tekst else NADER


def kengetalwaarde(w: Waarde, eenheid: str | None) -> Markup:
    """'12 jeugdigen', '−30 % ten opzichte van 1-1-2014', or 'nader in te vullen (in de bron: ‘XX %’)'."""
    if not w.bepaald:
        return NADER + inline(f" (in de bron: ‘{w.open_tekst}’)")
    eenheid = w.eenheid or eenheid
    if w.relatief:
        teken = "−" if w.waarde < 0 else "+" if w.waarde > 0 else ""
        tekst = f"{teken}{getal(abs(w.waarde))}{' ' + eenheid if eenheid else ''} ten opzichte van {w.ten_opzichte_van}"
    else:
        tekst = f"{getal(w.waarde)}{' ' + eenheid if eenheid else ''}"
    return inline(tekst)


def dagen(aantal: int | None) -> Markup:
    """'1 dag', '1.154 dagen'; 'datum onbekend' when the moment it counts from is not known."""
    if aantal is None:
        return inline("datum onbekend")
    return inline(nl_aantal(aantal, "dag", "dagen"))


_REGELS = re.compile(r"\bregels? \d+(?:\s*[–-]\s*\d+)?(?:\s*(?:,|en)\s*\d+(?:\s*[–-]\s*\d+)?)*")


def zonder_regelnummers(tekst: str) -> str:
    """'§5.3 regel 260; §9.2 regels 467–473' → '§5.3; §9.2': line numbers are for maintainers, not readers."""
    tekst = re.sub(r"\(\s*" + _REGELS.pattern + r"\s*:\s*", "(", tekst)  # '(regel 57: 'quote')' keeps the quote
    tekst = re.sub(r"\s*\(\s*" + _REGELS.pattern + r"\s*\)", "", tekst)
    tekst = re.sub(r",?\s*" + _REGELS.pattern, "", tekst)
    return re.sub(r"\s+([;,.)])", r"\1", re.sub(r"\s{2,}", " ", tekst)).strip(" ,;")


def bronvermelding(programma, tekst: str) -> Markup:
    """A record's 'bron:' as readers read it: the registered document by title, status and date, then the
    paragraph — 'Uitvoeringsagenda … 3Noord (concept, 25 september 2023), §5.3'."""
    gevonden = programma.brondocument_in(tekst)
    if gevonden is None:
        return inline(zonder_regelnummers(tekst))
    document, rest = gevonden
    rest = zonder_regelnummers(rest)
    return inline(brontitel(document) + (f", {rest}" if rest else ""))


def brontitel(document) -> str:
    """'Titel (concept, 25 september 2023)'."""
    extra = [x for x in (document.status, nl_datum(document.datum) if document.datum else None) if x]
    return document.titel + (f" ({', '.join(extra)})" if extra else "")


def of_nader(waarde: object) -> Markup:
    """The value (escaped unless it is checked Markdown), or 'nader in te vullen' when it is empty."""
    return NADER if waarde in (None, "", (), []) else _standaard(waarde)


@cache
def omgeving() -> Environment:
    """The Jinja environment for Markdown templates: every printed value is escaped unless the code trusts it."""
    env = Environment(
        loader=PackageLoader("regioagenda.samenstellen", "templates"),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=_standaard,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        inline=inline,
        attr=attribuut,
        datum=datum_nl,
        nader=of_nader,
        getal=getal,
        koppen=verschuif_koppen,
        label=label,
        dag=nl_datum,
        kopnummer=kopnummer,
    )
    env.globals.update(
        kengetalwaarde=kengetalwaarde,
        dagen=dagen,
        aantal=nl_aantal,
        meervoud=meervoud,
        periode=periode_nl,
        relatief=relatief,
        NADER=NADER,
        kengetal_svg=kengetal_svg,
        kop=kop,
        codeblok=codeblok,
    )
    return env


def render(template: str, **context: object) -> Markup:
    """Render one template to Markdown (trusted: it may be placed in another template as it is)."""
    tekst = omgeving().get_template(template).render(**context)
    return Markup(re.sub(r"\n{3,}", "\n\n", tekst))
