"""Read YAML (YAML 1.2, round-trip) with line positions, and Markdown front matter.

Record front matter is parsed here and never by MkDocs: YAML 1.1 would turn
``vertrouwelijk: no`` into False and ``0012`` into 10.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, MappingStartEvent, ScalarEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver

from regioagenda.records.invoercontrole import structuur
from regioagenda.patronen import regels
from regioagenda.problemen import Probleem, RecordFout


class _Constructor(RoundTripConstructor):
    """Keeps dates as text so that the validator can report impossible dates with a line."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))


class _SnelleConstructor(SafeConstructor):
    """Same data as the round-trip constructor (dates as text), for ruamel's C parser."""


class _SnelleResolver(VersionedResolver):
    """ruamel's resolver with a memo: record files repeat the same keys and values thousands of times."""

    _memo: dict[tuple, Any] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        # One loader reads one document, and its %YAML directive comes before any scalar: look it up once.
        versie = self.__dict__.get("_agenda_versie")
        if versie is None:
            versie = self.__dict__["_agenda_versie"] = (self.processing_version,)
        sleutel = (value, implicit, versie)
        tag = self._memo.get(sleutel)
        if tag is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            tag = self._memo[sleutel] = super().resolve(kind, value, implicit)
        return tag


_SnelleConstructor.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))

_AFSLUITER = re.compile(r"^(---|\.\.\.)[ \t]*\Z")

_VERTALING = (
    ("mapping values are not allowed here", "een ':' staat hier op een plek waar geen sleutel kan beginnen"),
    ("could not find expected ':'", "er ontbreekt een ':' na een sleutel"),
    ("did not find expected key", "de inspringing klopt niet"),
    ("did not find expected '-' indicator", "de inspringing van een lijst klopt niet"),
    ("found undefined alias", "er wordt verwezen naar een onbekend anker"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op"),
    ("found unknown escape character", "onbekend escape-teken in een tekst tussen dubbele aanhalingstekens"),
    ("expected <block end>, but found", "de inspringing klopt niet"),
    ("while scanning a quoted scalar", "een aanhalingsteken wordt niet gesloten"),
    ("that cannot start any token", "een teken dat hier niet mag (bijvoorbeeld een tab of een '@')"),
    ("while scanning a simple key", "een sleutel zonder ':' erachter"),
    ("while parsing a flow", "een lijst of blok tussen haken wordt niet goed gesloten"),
    ("while scanning an alias", "een '*' of '&' op een plek waar een waarde hoort"),
    ("while scanning a block scalar", "een tekstblok ('|' of '>') is niet goed ingesprongen"),
    ("while scanning a directive", "een regel die met '%' begint"),
    ("while scanning a tag", "een '!' op een plek waar een waarde hoort"),
    ("expected a comment or a line break", "na een waarde staat nog iets op dezelfde regel"),
)


@dataclass
class YamlDocument:
    """Parsed YAML with the file line on which the YAML text starts."""

    pad: str
    data: Any
    eerste_regel: int = 1
    body: str = ""
    body_regel: int = 0
    tekst: str = field(default="", repr=False)
    yaml_tekst: str = field(default="", repr=False)
    _posities: Any = field(default=None, repr=False)
    leesfout: Probleem | None = field(default=None, repr=False)
    """Set when the round-trip parser, which gives the positions, refuses YAML that the fast parser read."""

    def regel(self, *pad: str | int) -> int:
        """The 1-based file line of the node at ``pad`` (or of its nearest parent)."""
        if self._posities is None:
            self._posities = self._lees_posities()
        knoop, regel = self._posities, self.eerste_regel
        for stap in pad:
            gevonden = _positie(knoop, stap)
            if gevonden is None:
                break
            regel = self.eerste_regel + gevonden
            try:
                knoop = knoop[stap]
            except (KeyError, IndexError, TypeError):
                break
        return regel

    def _lees_posities(self) -> Any:
        # Positions come from a round-trip parse, done only when a problem needs a line.
        if not self.yaml_tekst:
            return self.data
        try:
            return _rondgang(self.pad, self.yaml_tekst, self.eerste_regel)  # checked before, when the data was read
        except RecordFout as fout:
            # The parsers disagree (libyaml accepts a tab inside a key, ruamel does not): the round-trip
            # parser is the reference, so its refusal is reported too; lines fall back to the first one.
            self.leesfout = fout.probleem
            return self.data


def _positie(knoop: Any, stap: str | int) -> int | None:
    try:
        if isinstance(knoop, CommentedMap) and stap in knoop:
            return knoop.lc.key(stap)[0]
        if isinstance(knoop, CommentedSeq) and isinstance(stap, int) and 0 <= stap < len(knoop):
            return knoop.lc.item(stap)[0]
    except (KeyError, TypeError, AttributeError):
        return None
    return None


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.version = (1, 2)
    yaml.allow_duplicate_keys = False
    return yaml


def _snel() -> YAML:
    yaml = YAML(typ="safe", pure=False)  # ruamel's C parser when ruamel.yaml.clib is installed
    yaml.Constructor = _SnelleConstructor
    yaml.Resolver = _SnelleResolver
    yaml.allow_duplicate_keys = False
    return yaml


def _lees(pad: str, tekst: str, eerste_regel: int, snel: bool) -> Any:
    """Check what must be refused before composing, once; then parse (``snel``: data without positions).

    On any error of the fast parser, the round-trip parser gives the Dutch message.
    """
    _voorcontrole(pad, tekst, eerste_regel)
    if snel:
        try:
            return _snel().load(tekst)
        except YAMLError:
            pass
    return _rondgang(pad, tekst, eerste_regel)


def _voorcontrole(pad: str, tekst: str, eerste_regel: int) -> None:
    """Tabs, and what must be refused before the YAML is composed (nesting, aliases, huge numbers)."""
    problemen = [
        Probleem(pad, eerste_regel + i, "tab gebruikt om in te springen", "spring in met spaties, niet met tabs")
        for i, r in enumerate(regels(tekst))
        if "\t" in r[: len(r) - len(r.lstrip())]
    ]
    problemen += structuur(pad, tekst, eerste_regel)
    problemen += buiten_yaml12(pad, tekst, eerste_regel)
    if problemen:
        raise MeerdereFouten(problemen)


_VERDACHT = re.compile(r"<<|\.(?:inf|nan)|\d[eE][-+]?\d{3}", re.I)
"""Text that may hold a merge key or a number that is not finite: only then are the events read."""
_ONEINDIG = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_EXPONENT = re.compile(r"[-+]?(?:\d[\d_]*)?\.?[\d_]*[eE][-+]?\d+")


def buiten_yaml12(pad: str, tekst: str, eerste_regel: int = 1) -> list[Probleem]:
    """Merge keys ('<<:') and numbers that are not finite ('.nan', '.inf', '1e999'), found before composing.

    ruamel applies merge keys although YAML 1.2 has none, and a non-finite number would reach the open data
    as 'NaN' (not JSON) and the charts. Read on the event stream, so nothing merged is ever built.
    """
    if not _VERDACHT.search(tekst):
        return []
    problemen: list[Probleem] = []
    blokken: list[list[bool]] = []  # per open collection: [is a mapping, the next node is a key]
    try:
        for event in YAML(typ="safe", pure=False).parse(tekst):
            if isinstance(event, CollectionEndEvent):
                blokken.pop()
                continue
            if not isinstance(event, (ScalarEvent, AliasEvent, CollectionStartEvent)):
                continue
            sleutel = bool(blokken) and blokken[-1][0] and blokken[-1][1]
            if blokken and blokken[-1][0]:
                blokken[-1][1] = not blokken[-1][1]
            if isinstance(event, CollectionStartEvent):
                blokken.append([isinstance(event, MappingStartEvent), True])
            elif isinstance(event, ScalarEvent) and not event.style:  # plain: neither quoted nor a block
                problemen += _yaml12_scalar(pad, eerste_regel + event.start_mark.line, event.value, sleutel)
    except YAMLError:
        return problemen  # syntax errors are reported by the parser itself
    return problemen


def _yaml12_scalar(pad: str, regel: int, waarde: str, sleutel: bool) -> list[Probleem]:
    if sleutel and waarde == "<<":
        return [
            Probleem(
                pad,
                regel,
                "samenvoegsleutel '<<' (YAML 1.1)",
                "records zijn YAML 1.2: geen '<<', schrijf de sleutels zelf uit",
            )
        ]
    if waarde == "<<":  # YAML 1.1's merge tag, also as a value: not the text it looks like
        return [Probleem(pad, regel, "'<<' zonder aanhalingstekens", 'zet het tussen aanhalingstekens: "<<"')]
    if _niet_eindig(waarde):
        return [Probleem(pad, regel, f"'{waarde}' is oneindig of geen getal", "een eindig getal, zoals 12 of 0.5")]
    return []


def _niet_eindig(waarde: str) -> bool:
    if _ONEINDIG.fullmatch(waarde):
        return True
    if _EXPONENT.fullmatch(waarde):
        try:
            return not math.isfinite(float(waarde))
        except ValueError:
            return False
    return False


def lees_yaml(pad: str, tekst: str, eerste_regel: int = 1) -> Any:
    """Parse YAML text with positions; raise RecordFout with a Dutch message and the file line."""
    return _lees(pad, tekst, eerste_regel, snel=False)


def _rondgang(pad: str, tekst: str, eerste_regel: int) -> Any:
    """The round-trip parse (positions, comments) of text that passed ``_voorcontrole``."""
    try:
        return _yaml().load(tekst)
    except MarkedYAMLError as fout:
        raise RecordFout(_yaml_probleem(pad, fout, eerste_regel, tekst)) from None
    except ReaderError as fout:  # a character YAML does not allow at all, found before any parsing
        regel = eerste_regel + tekst[: fout.position].count("\n") if isinstance(fout.position, int) else eerste_regel
        teken = fout.character if isinstance(fout.character, int) else ord(str(fout.character)[:1] or "?")
        raise RecordFout(
            Probleem(pad, regel, f"teken U+{teken:04X} is in YAML niet toegestaan", "gewone tekst zonder stuurtekens")
        ) from None
    except YAMLError:  # errors without a position; their English text means nothing to a project group
        raise RecordFout(Probleem(pad, eerste_regel, "de YAML kan niet gelezen worden", "geldige YAML")) from None


class MeerdereFouten(RecordFout):
    """Several problems found before parsing could even start."""

    def __init__(self, problemen: list[Probleem]):
        super().__init__(problemen[0])
        self.problemen = problemen


_SLEUTEL_EN_WAARDE = re.compile(
    r"(?P<begin>[ ]*(?:-[ ]+)?(?P<sleutel>[^\s#'\"\[\]{}:-][^:#]*?):[ ]+)"
    r"(?P<waarde>[^\s'\"\[\]{}|>&*!%@`#,?:-].*?|-[^\s].*?)(?P<commentaar>[ \t]+#.*)?[ \t]*\Z"
)
"""A line 'key: plain value', possibly as a list item, with an optional comment after the value."""


def _lijn_van(mark, tekst: str) -> str | None:
    """The line of ``tekst`` the parser stopped on, or None when its mark points nowhere in it."""
    lijnen = regels(tekst)
    return lijnen[mark.line] if mark is not None and 0 <= mark.line < len(lijnen) else None


def _dubbele_punt_in_waarde(pad: str, regel: int, fout: MarkedYAMLError, tekst: str) -> Probleem | None:
    """'titel: Besluit: nieuwe toegang': a plain value with ': ' in it, which YAML reads as a second key.

    The advice is the line itself with the value between double quotes, when the line has that shape and the
    parser stopped inside the value.
    """
    mark = fout.problem_mark
    lijn = _lijn_van(mark, tekst)
    if lijn is None:
        return None
    gevonden = _SLEUTEL_EN_WAARDE.match(lijn)
    if gevonden is None or mark.column < gevonden.end("begin") or ": " not in gevonden["waarde"] + " ":
        return None
    waarde = gevonden["waarde"].replace("\\", "\\\\").replace('"', '\\"')
    hersteld = f'{gevonden["begin"]}"{waarde}"{gevonden["commentaar"] or ""}'.lstrip(" ")
    return Probleem(
        pad,
        regel,
        f"ongeldige YAML: de ':' in de waarde van '{gevonden['sleutel']}' leest YAML als het begin van een nieuwe "
        "sleutel",
        f"zet de waarde tussen dubbele aanhalingstekens: {hersteld}",
    )


_AANHALING_BINNEN_AANHALING = re.compile(
    r'(?P<begin>[ ]*(?:-[ ]+)?(?P<sleutel>[^\s#\'"\[\]{}:-][^:#]*?):[ ]+)"(?P<waarde>.*".*)"[ \t]*\Z'
)
"""A line 'key: "text "with" quotes"': the inner quote ends the text, and YAML finds more after it."""


def _aanhaling_in_waarde(pad: str, regel: int, fout: MarkedYAMLError, tekst: str) -> Probleem | None:
    """'titel: "Startnotitie "wachttijden""': a double quote inside a double-quoted value closes it early.

    The advice is the line with the inner quotes written as single ones, which needs no escape.
    """
    lijn = _lijn_van(fout.problem_mark or fout.context_mark, tekst)
    gevonden = _AANHALING_BINNEN_AANHALING.match(lijn) if lijn is not None else None
    if gevonden is None:
        return None
    hersteld = f'{gevonden["begin"]}"{gevonden["waarde"].replace(chr(34), chr(39))}"'.lstrip(" ")
    return Probleem(
        pad,
        regel,
        f"ongeldige YAML: een dubbel aanhalingsteken in de waarde van '{gevonden['sleutel']}' sluit de tekst al af",
        f"gebruik binnen de tekst enkele aanhalingstekens: {hersteld}",
    )


def _yaml_probleem(pad: str, fout: MarkedYAMLError, eerste_regel: int, tekst: str = "") -> Probleem:
    mark = fout.problem_mark or fout.context_mark
    regel = eerste_regel + (mark.line if mark else 0)
    probleem = str(fout.problem or fout.context or "")
    if "mapping values are not allowed here" in probleem:
        gevonden = _dubbele_punt_in_waarde(pad, regel, fout, tekst)
        if gevonden is not None:
            return gevonden
    if any(s in probleem for s in ("expected <block end>", "did not find expected key", "expected a comment")):
        gevonden = _aanhaling_in_waarde(pad, regel, fout, tekst)
        if gevonden is not None:
            return gevonden
    if "duplicate key" in probleem or type(fout).__name__ == "DuplicateKeyError":
        sleutel = re.search(r'duplicate key "([^"]+)"', probleem)
        naam = sleutel.group(1) if sleutel else "?"
        return Probleem(pad, regel, f"sleutel '{naam}' komt twee keer voor", "elke sleutel maar één keer per blok")
    for engels, nederlands in _VERTALING:
        if engels in probleem or engels in str(fout.context or ""):
            return Probleem(
                pad, regel, f"ongeldige YAML: {nederlands}", "geldige YAML; controleer inspringing en dubbele punten"
            )
    # The parser's own English wording means nothing to a project group: the line says where to look.
    return Probleem(pad, regel, "ongeldige YAML", "geldige YAML; controleer inspringing en dubbele punten")


def lees_yaml_bestand(pad: str, tekst: str, snel: bool = False) -> YamlDocument:
    """A whole ``.yml`` record file (``snel``: data without positions, which are parsed on demand)."""
    return YamlDocument(pad, _lees(pad, tekst, 1, snel), 1, tekst=tekst, yaml_tekst=tekst)


def lees_markdown_record(pad: str, tekst: str, snel: bool = False) -> YamlDocument:
    """A Markdown record: ``---`` front matter ``---`` followed by the body."""
    lijnen = regels(tekst, keepends=True)
    if not lijnen or lijnen[0].lstrip("\ufeff").rstrip("\r\n").rstrip() != "---":
        raise RecordFout(
            Probleem(
                pad,
                1,
                "het bestand begint niet met front matter",
                "een eerste regel met alleen '---', dan de velden, dan weer '---'",
            )
        )
    for i in range(1, len(lijnen)):
        if _AFSLUITER.match(lijnen[i].rstrip("\r\n")):
            yaml_tekst = "".join(lijnen[1:i])
            data = _lees(pad, yaml_tekst, 2, snel)
            if data is None:
                data = CommentedMap()
            body = "".join(lijnen[i + 1 :])
            return YamlDocument(pad, data, 2, body, i + 2, tekst, yaml_tekst)
    raise RecordFout(
        Probleem(pad, 1, "de front matter wordt niet afgesloten", "een regel met alleen '---' na de laatste sleutel")
    )
