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

from generator.model.datum import ONBEKEND
from generator.patronen import DATUM, SLUG, regeleinde, regels
from generator.records.yamlbron import lees_markdown_record, lees_yaml


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


class Frontmatter:
    """A Markdown record's text, its newline convention and the parsed front matter with positions."""

    def __init__(self, pad: str, tekst: str):
        self.pad, self.tekst = pad, tekst
        self.nl = regeleinde(tekst)
        # Split exactly where the parser counts lines (CRLF, CR or LF), so positions and lines agree.
        self.regels = regels(tekst, keepends=True)
        doc = lees_markdown_record(pad, tekst)
        self.data: CommentedMap = doc.data
        self.sluit = doc.body_regel - 2  # index of the closing '---' line

    def regel(self, index_in_yaml: int) -> int:
        """File line index of a 0-based line inside the YAML text."""
        return index_in_yaml + 1

    def einde_blok(self, ouder: CommentedMap, sleutel: str, grens: int) -> int:
        """Index of the line after the last content line of ``ouder[sleutel]``'s block."""
        sleutels = list(ouder.keys())
        volgende = sleutels[sleutels.index(sleutel) + 1 :]
        einde = self.regel(ouder.lc.key(volgende[0])[0]) if volgende else grens
        while einde - 1 > self.regel(ouder.lc.key(sleutel)[0]) and (
            not self.regels[einde - 1].strip() or self.regels[einde - 1].lstrip().startswith("#")
        ):
            einde -= 1
        return einde

    def met_ingevoegd(self, index: int, nieuwe_regels: list[str]) -> str:
        voor = self.regels[:index]
        if voor and not voor[-1].endswith(("\n", "\r")):  # a last line without a line break gets one first
            voor[-1] += self.nl
        return "".join(voor + [r + self.nl for r in nieuwe_regels] + self.regels[index:])


def voeg_item_toe(pad: str, tekst: str, sleutels: tuple[str, ...], item: dict[str, Any]) -> str:
    """The record text with ``item`` appended to the list at ``sleutels`` (creating missing levels)."""
    fm = Frontmatter(pad, tekst)
    nieuw = _splits(fm, sleutels, item)
    _controleer(pad, tekst, nieuw, sleutels, item)
    return nieuw


def _splits(fm: Frontmatter, sleutels: tuple[str, ...], item: dict[str, Any]) -> str:
    ouder, grens = fm.data, fm.sluit
    for diepte, sleutel in enumerate(sleutels[:-1]):
        if sleutel not in ouder:
            inspring = "  " * diepte
            regels = [f"{inspring}{sleutel}:"] + _nieuwe_lijst(sleutels[diepte + 1 :], item, diepte + 1)
            return fm.met_ingevoegd(_einde_van(fm, ouder, grens), regels)
        grens = fm.einde_blok(ouder, sleutel, grens)
        ouder = ouder[sleutel]
        if not isinstance(ouder, CommentedMap) or ouder.fa.flow_style():
            raise Onbewerkbaar(
                f"'{sleutel}' staat op één regel — zet de onderdelen onder elkaar en probeer het opnieuw"
            )
    laatste = sleutels[-1]
    if laatste not in ouder:
        kolom = ouder.lc.key(next(iter(ouder)))[1] if ouder else 2 * (len(sleutels) - 1)
        return fm.met_ingevoegd(_einde_van(fm, ouder, grens), _nieuwe_lijst((laatste,), item, kolom // 2))
    lijst = ouder[laatste]
    if not isinstance(lijst, CommentedSeq):
        raise Onbewerkbaar(f"'{laatste}' is geen lijst — verwacht regels die met '- ' beginnen")
    if lijst.fa.flow_style() or lijst.fa.flow_style() is None and not lijst:  # '[]' has no recorded style
        return _in_stroomlijst(fm, ouder, laatste, item)
    if not lijst:
        raise Onbewerkbaar(f"'{laatste}' is leeg — schrijf '{laatste}: []' of zet er een stap onder")
    regel, kolom = lijst.lc.item(len(lijst) - 1)
    regeltekst = fm.regels[fm.regel(regel)]
    streep = regeltekst.rfind("-", 0, kolom + 1)
    if regeltekst[kolom:].lstrip().startswith("{"):
        nieuwe = [" " * streep + "- " + _stroom(item)]
    else:
        nieuwe = _blok(item, streep, kolom)
    return fm.met_ingevoegd(fm.einde_blok(ouder, laatste, grens), nieuwe)


def _einde_van(fm: Frontmatter, ouder: CommentedMap, grens: int) -> int:
    """Where new keys go at the end of a mapping: after its last block, or before the closing '---'."""
    if not ouder:
        return grens
    return fm.einde_blok(ouder, list(ouder.keys())[-1], grens)


def _nieuwe_lijst(sleutels: tuple[str, ...], item: dict[str, Any], niveau: int) -> list[str]:
    regels = []
    for i, sleutel in enumerate(sleutels):
        regels.append("  " * (niveau + i) + f"{sleutel}:")
    streep = 2 * (niveau + len(sleutels))
    return regels + [" " * streep + "- " + _stroom(item)]


def _stroom(item: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {yaml_waarde(v)}" for k, v in item.items()) + "}"


def _blok(item: dict[str, Any], streep: int, kolom: int) -> list[str]:
    paren = [f"{k}: {yaml_waarde(v)}" for k, v in item.items()]
    return [" " * streep + "- " + " " * (kolom - streep - 2) + paren[0]] + [" " * kolom + p for p in paren[1:]]


def _in_stroomlijst(fm: Frontmatter, ouder: CommentedMap, sleutel: str, item: dict[str, Any]) -> str:
    index = fm.regel(ouder.lc.key(sleutel)[0])
    regeltekst = fm.regels[index]
    sluit = regeltekst.rfind("]")
    if sluit < 0:
        raise Onbewerkbaar(f"de lijst '{sleutel}' loopt over meer regels — zet de stappen onder elkaar ('- ' per stap)")
    leeg = regeltekst[regeltekst.index("[") + 1 : sluit].strip() == ""
    nieuwe = regeltekst[:sluit] + ("" if leeg else ", ") + _stroom(item) + regeltekst[sluit:]
    return "".join(fm.regels[:index] + [nieuwe] + fm.regels[index + 1 :])


def _controleer(pad: str, oud: str, nieuw: str, sleutels: tuple[str, ...], item: dict[str, Any]) -> None:
    """Parse again: the list gained exactly ``item`` and every other value is unchanged."""
    voor = _gewoon(lees_markdown_record(pad, oud).data)
    na = _gewoon(lees_markdown_record(pad, nieuw).data)
    verwacht = voor
    doel = verwacht
    for sleutel in sleutels[:-1]:
        doel = doel.setdefault(sleutel, {})
    doel.setdefault(sleutels[-1], []).append(_gewoon({k: _als_yaml(v) for k, v in item.items()}))
    if na != verwacht:
        raise Onbewerkbaar("de wijziging kon niet exact worden aangebracht — pas het bestand met de hand aan")


def _als_yaml(waarde: Any) -> Any:
    return lees_yaml("", f"x: {yaml_waarde(waarde)}\n")["x"]


def schrijf_atomair(pad: Path, tekst: str) -> None:
    """Write via a temporary file in the same folder and an atomic rename; keep the file's mode."""
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    modus = pad.stat().st_mode & 0o777 if pad.exists() else 0o644
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}-", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(tekst.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, modus)
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
