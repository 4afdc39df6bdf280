"""Edit a record's YAML in place, byte for byte: only the added lines change.

ruamel's dump does not reproduce a file exactly (quoting, comments, line endings), so a new
step is spliced into the text at the positions the parser reports, and the result is parsed
again to prove that exactly that step was added and nothing else moved.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from regioagenda.model.datum import ONBEKEND
from regioagenda.patronen import DATUM, SLUG, regeleinde, regels
from regioagenda.records.yamlbron import YamlDocument, lees_markdown_record, lees_yaml, lees_yaml_bestand


class Onbewerkbaar(Exception):
    """The record's layout cannot be edited safely; the message says what to do (in Dutch)."""


def yaml_waarde(waarde: Any) -> str:
    """A scalar as YAML text: booleans and numbers as such, ids and dates plain, other text double-quoted."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, int):
        return str(waarde)
    tekst = str(waarde)
    if SLUG.match(tekst) or DATUM.match(tekst) or tekst == ONBEKEND:
        return tekst
    # Unprintable characters (controls, separators, lone surrogates from undecodable arguments) are written as
    # escapes, so the file is always valid UTF-8 and the check that follows reports them with their line.
    return "".join(
        c if c.isprintable() or c == " " else json.dumps(c)[1:-1] for c in json.dumps(tekst, ensure_ascii=False)
    )


def _gewoon(waarde: Any) -> Any:
    """Plain Python data for comparing before and after."""
    if isinstance(waarde, dict):
        return {str(k): _gewoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_gewoon(v) for v in waarde]
    return waarde if isinstance(waarde, (bool, int, float)) or waarde is None else str(waarde)


class Yamltekst:
    """A YAML file's text, its newline convention and the parsed data with positions (``regel``: file line index).

    A whole ``.yml`` file: the YAML is the file, and new keys go at its end (before a closing '...').
    """

    begin = 0  # index of the file line on which the YAML text starts

    def __init__(self, pad: str, tekst: str):
        self.pad, self.tekst = pad, tekst
        self.nl = regeleinde(tekst)
        # Split exactly where the parser counts lines (CRLF, CR or LF), so positions and lines agree.
        self.regels = regels(tekst, keepends=True)
        doc = self.lees(pad, tekst)
        self.data: CommentedMap = doc.data
        if not isinstance(self.data, CommentedMap) or self.data.fa.flow_style():
            raise Onbewerkbaar("de sleutels staan niet onder elkaar — pas het bestand met de hand aan")
        self.sluit = self.einde(doc)

    @staticmethod
    def lees(pad: str, tekst: str) -> YamlDocument:
        return lees_yaml_bestand(pad, tekst)

    def einde(self, doc: YamlDocument) -> int:
        """Index of the line after the YAML: the end of the file, or its document end marker '...'."""
        for index, regel in enumerate(self.regels):
            if regel.rstrip() in {"...", "---"} and index > 0:
                return index  # a second document never parses; '...' ends this one
        return len(self.regels)

    def regel(self, index_in_yaml: int) -> int:
        """File line index of a 0-based line inside the YAML text."""
        return index_in_yaml + self.begin

    def einde_blok(self, ouder: CommentedMap | CommentedSeq, sleutel: str | int, grens: int) -> int:
        """Index of the line after the last content line of ``ouder[sleutel]``'s block (a key or a list item)."""
        if isinstance(ouder, CommentedSeq):
            begin = ouder.lc.item(sleutel)[0]
            einde = self.regel(ouder.lc.item(sleutel + 1)[0]) if sleutel + 1 < len(ouder) else grens
        else:
            sleutels = list(ouder.keys())
            volgende = sleutels[sleutels.index(sleutel) + 1 :]
            begin = ouder.lc.key(sleutel)[0]
            einde = self.regel(ouder.lc.key(volgende[0])[0]) if volgende else grens
        while einde - 1 > self.regel(begin) and (
            not self.regels[einde - 1].strip() or self.regels[einde - 1].lstrip().startswith("#")
        ):
            einde -= 1
        return einde

    def met_ingevoegd(self, index: int, nieuwe_regels: list[str]) -> str:
        voor = self.regels[:index]
        if voor and not voor[-1].endswith(("\n", "\r")):  # a last line without a line break gets one first
            voor[-1] += self.nl
        return "".join(voor + [r + self.nl for r in nieuwe_regels] + self.regels[index:])


class Frontmatter(Yamltekst):
    """A Markdown record: the YAML between the '---' lines; new keys go before the closing '---'."""

    begin = 1

    @staticmethod
    def lees(pad: str, tekst: str) -> YamlDocument:
        return lees_markdown_record(pad, tekst)

    def einde(self, doc: YamlDocument) -> int:
        return doc.body_regel - 2  # index of the closing '---' line


Sleutel = str | int
"""A step in the path to a list: a key of a mapping, or the index of an item in a list."""


def _soort(pad: str) -> type[Yamltekst]:
    """A ``.yml`` file is YAML throughout; any other record is Markdown with front matter."""
    return Yamltekst if pad.endswith((".yml", ".yaml")) else Frontmatter


def voeg_item_toe(
    pad: str,
    tekst: str,
    sleutels: tuple[Sleutel, ...],
    item: dict[str, Any],
    *,
    na: int | None = None,
    woorden: tuple[str, str] = ("stap", "stappen"),
) -> str:
    """The record text with ``item`` appended to the list at ``sleutels`` (creating missing levels).

    ``sleutels`` may pass through list items by index (``("regios", 0, "onderdelen")``). ``na``: insert after
    that item of the list instead of at its end. ``woorden``: what the list holds, for the messages.
    A ``.yml`` path is a YAML file; any other a Markdown record's front matter.
    """
    fm = _soort(pad)(pad, tekst)
    nieuw = _splits(fm, sleutels, item, na, woorden)
    _controleer(fm, nieuw, sleutels, item, na)
    return nieuw


def _splits(
    fm: Yamltekst, sleutels: tuple[Sleutel, ...], item: dict[str, Any], na: int | None, woorden: tuple[str, str]
) -> str:
    ouder, grens = fm.data, fm.sluit
    for diepte, sleutel in enumerate(sleutels[:-1]):
        if isinstance(sleutel, str) and sleutel not in ouder:
            kolom = _kolom(ouder, 2 * diepte)
            regels = [" " * kolom + f"{sleutel}:"] + _nieuwe_lijst(sleutels[diepte + 1 :], item, kolom + 2)
            return fm.met_ingevoegd(_einde_van(fm, ouder, grens), regels)
        grens = fm.einde_blok(ouder, sleutel, grens)
        ouder = ouder[sleutel]
        soort = CommentedSeq if isinstance(sleutels[diepte + 1], int) else CommentedMap
        if not isinstance(ouder, soort) or ouder.fa.flow_style():
            raise Onbewerkbaar(
                f"'{_naam(sleutels, diepte)}' staat op één regel — zet de onderdelen onder elkaar en probeer het "
                "opnieuw"
            )
    laatste = sleutels[-1]
    if laatste not in ouder:
        kolom = _kolom(ouder, 2 * (len(sleutels) - 1))
        return fm.met_ingevoegd(_einde_van(fm, ouder, grens), _nieuwe_lijst((laatste,), item, kolom))
    lijst = ouder[laatste]
    enkel, meer = woorden
    if not isinstance(lijst, CommentedSeq):
        raise Onbewerkbaar(f"'{laatste}' is geen lijst — verwacht regels die met '- ' beginnen")
    if lijst.fa.flow_style() or lijst.fa.flow_style() is None and not lijst:  # '[]' has no recorded style
        if na is not None:
            raise Onbewerkbaar(
                f"de lijst '{laatste}' staat op één regel — zet de {meer} onder elkaar ('- ' per {enkel})"
            )
        return _in_stroomlijst(fm, ouder, laatste, item, woorden)
    if not lijst:
        raise Onbewerkbaar(f"'{laatste}' is leeg — schrijf '{laatste}: []' of zet er een {enkel} onder")
    voorbeeld = len(lijst) - 1 if na is None else na
    regel, kolom = lijst.lc.item(voorbeeld)
    regeltekst = fm.regels[fm.regel(regel)]
    streep = regeltekst.rfind("-", 0, kolom + 1)
    if regeltekst[kolom:].lstrip().startswith("{"):
        nieuwe = [" " * streep + "- " + _stroom(item)]
    else:
        nieuwe = _blok(item, streep, kolom)
    if na is None:
        return fm.met_ingevoegd(fm.einde_blok(ouder, laatste, grens), nieuwe)
    return fm.met_ingevoegd(fm.einde_blok(lijst, na, fm.einde_blok(ouder, laatste, grens)), nieuwe)


def _naam(sleutels: tuple[Sleutel, ...], diepte: int) -> str:
    """The key a message names: the step at ``diepte``, or for a list item the list it is in."""
    for sleutel in reversed(sleutels[: diepte + 1]):
        if isinstance(sleutel, str):
            return sleutel
    return str(sleutels[diepte])


def _kolom(ouder: CommentedMap, standaard: int) -> int:
    """The column of a mapping's keys (its first key's), for a key added to it."""
    return ouder.lc.key(next(iter(ouder)))[1] if ouder else standaard


def _einde_van(fm: Yamltekst, ouder: CommentedMap, grens: int) -> int:
    """Where new keys go at the end of a mapping: after its last block, or before the closing '---'."""
    if not ouder:
        return grens
    return fm.einde_blok(ouder, list(ouder.keys())[-1], grens)


def _nieuwe_lijst(sleutels: tuple[Sleutel, ...], item: dict[str, Any], kolom: int) -> list[str]:
    """A new list (under new keys from column ``kolom``): one flow item, or a block when the item holds lists."""
    regels = []
    for i, sleutel in enumerate(sleutels):
        regels.append(" " * (kolom + 2 * i) + f"{sleutel}:")
    streep = kolom + 2 * len(sleutels)
    if any(isinstance(v, list) for v in item.values()):
        return regels + _blok(item, streep, streep + 2)
    return regels + [" " * streep + "- " + _stroom(item)]


def _stroom(waarde: Any) -> str:
    """A value on one line: mappings as {…}, lists as […], scalars as ``yaml_waarde``."""
    if isinstance(waarde, dict):
        return "{" + ", ".join(f"{k}: {_stroom(v)}" for k, v in waarde.items()) + "}"
    if isinstance(waarde, list):
        return "[" + ", ".join(_stroom(v) for v in waarde) + "]"
    return yaml_waarde(waarde)


def _blok(item: dict[str, Any], streep: int, kolom: int) -> list[str]:
    """An item as a block: its keys at ``kolom``; a list of mappings below its key, one flow item a line."""
    paren: list[str] = []
    for k, v in item.items():
        if isinstance(v, list) and v and all(isinstance(w, dict) for w in v):
            paren += [f"{k}:"] + [f"  - {_stroom(w)}" for w in v]
        else:
            paren.append(f"{k}: {_stroom(v)}")
    return [" " * streep + "- " + " " * (kolom - streep - 2) + paren[0]] + [" " * kolom + p for p in paren[1:]]


def _in_stroomlijst(
    fm: Yamltekst, ouder: CommentedMap, sleutel: str, item: dict[str, Any], woorden: tuple[str, str]
) -> str:
    index = fm.regel(ouder.lc.key(sleutel)[0])
    regeltekst = fm.regels[index]
    sluit = regeltekst.rfind("]")
    if sluit < 0 or "[" not in regeltekst[:sluit]:
        enkel, meer = woorden
        raise Onbewerkbaar(
            f"de lijst '{sleutel}' loopt over meer regels — zet de {meer} onder elkaar ('- ' per {enkel})"
        )
    leeg = regeltekst[regeltekst.index("[") + 1 : sluit].strip() == ""
    nieuwe = regeltekst[:sluit] + ("" if leeg else ", ") + _stroom(item) + regeltekst[sluit:]
    return "".join(fm.regels[:index] + [nieuwe] + fm.regels[index + 1 :])


def _controleer(fm: Yamltekst, nieuw: str, sleutels: tuple[Sleutel, ...], item: dict[str, Any], na: int | None) -> None:
    """Parse again: the list gained exactly ``item`` and every other value is unchanged."""
    voor = _gewoon(fm.data)
    na_data = _gewoon(fm.lees(fm.pad, nieuw).data)
    verwacht = voor
    doel = verwacht
    for sleutel in sleutels[:-1]:
        doel = doel[sleutel] if isinstance(sleutel, int) else doel.setdefault(sleutel, {})
    lijst = doel.setdefault(sleutels[-1], [])
    lijst.insert(len(lijst) if na is None else na + 1, _gewoon(_als_yaml(item)))
    if na_data != verwacht:
        raise Onbewerkbaar("de wijziging kon niet exact worden aangebracht — pas het bestand met de hand aan")


def _als_yaml(waarde: Any) -> Any:
    """What the parser reads back from ``waarde`` as written."""
    if isinstance(waarde, dict):
        return {k: _als_yaml(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_als_yaml(v) for v in waarde]
    return lees_yaml("", f"x: {yaml_waarde(waarde)}\n")["x"]


def schrijf_atomair(pad: Path, tekst: str | bytes) -> None:
    """Write via a temporary file in the same folder and an atomic rename; keep the file's mode."""
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    modus = pad.stat().st_mode & 0o777 if pad.exists() else 0o644
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}-", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(tekst if isinstance(tekst, bytes) else tekst.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise


def schrijf_samen(root: Path, teksten: dict[str, str]) -> None:
    """Write several files (paths relative to ``root``) in order, each atomically, as one change.

    When a write fails, the files written before it get their earlier content back (new files are removed), so
    that either all of them change or none.
    """
    geschreven: list[tuple[Path, bytes | None]] = []
    try:
        for relatief, tekst in teksten.items():
            pad = Path(root) / relatief
            oud = pad.read_bytes() if pad.exists() else None
            schrijf_atomair(pad, tekst)
            geschreven.append((pad, oud))
    except BaseException:
        for pad, oud in reversed(geschreven):
            if oud is None:
                pad.unlink(missing_ok=True)
            else:
                schrijf_atomair(pad, oud)
        raise
