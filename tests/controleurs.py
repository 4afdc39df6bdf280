"""Checkers nobody here wrote, run over built sites: the Nu Html Checker (vnu), installed by ``make controleurs``.

vnu runs once per call over all the pages it is given (one JVM start per site, not per page) and its JSON report
is turned into ``Bevinding`` values. A missing Java or jar fails the test loudly: CI installs both through
``make test``, so a silent skip would only hide that the check never ran.
"""

from __future__ import annotations

import json
import os.path
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

VNU_JAR = Path(__file__).resolve().parent / "checkers" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Bevinding:
    """One error vnu reports: the page (relative to the site root), its line, vnu's message and extract."""

    bestand: str
    regel: int | None
    melding: str
    uittreksel: str
    gemarkeerd: str = ""  # the part of the extract vnu highlights: the offending tag itself

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel if self.regel is not None else '?'}: {self.melding}"


# The one documented exception. Material for MkDocs puts autocomplete="off" on its hidden checkbox toggles (drawer,
# search, toc) so that Firefox does not restore their state on reload; HTML allows autocomplete only on text-like
# inputs. The theme is not ours to change, so exactly this message on exactly those toggles is accepted.
MATERIAL_AUTOCOMPLETE_MELDING = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)
_MATERIAL_SCHAKELAAR = re.compile(
    r'<input class="md-toggle" data-md-toggle="(drawer|search|toc)" type="checkbox" id="__\1" autocomplete="off">'
)


def is_material_schakelaar(bevinding: Bevinding) -> bool:
    """Whether a finding is the documented exception: autocomplete="off" on one of Material's checkbox toggles."""
    return bevinding.melding == MATERIAL_AUTOCOMPLETE_MELDING and bool(
        _MATERIAL_SCHAKELAAR.fullmatch(bevinding.gemarkeerd)
    )


def buiten_uitzondering(bevindingen: Iterable[Bevinding]) -> list[Bevinding]:
    return [b for b in bevindingen if not is_material_schakelaar(b)]


def vnu(bestanden_of_map: Path | Iterable[Path], root: Path | None = None) -> list[Bevinding]:
    """Run the Nu Html Checker once over a site directory (its HTML files) or a list of files; errors only.

    ``root`` is what the reported file names are relative to: the directory itself, or by default the common
    parent of the files given.
    """
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java ontbreekt: de Nu Html Checker (vnu) heeft Java nodig. Installeer het met `make controleurs`.")
    if not VNU_JAR.is_file():
        pytest.fail(f"De Nu Html Checker ontbreekt: {VNU_JAR} bestaat niet. Installeer hem met `make controleurs`.")

    if isinstance(bestanden_of_map, (str, Path)) and Path(bestanden_of_map).is_dir():
        doelen = [Path(bestanden_of_map).resolve()]
        root = root or doelen[0]
        opties = ["--skip-non-html"]
    else:
        losse = [bestanden_of_map] if isinstance(bestanden_of_map, (str, Path)) else bestanden_of_map
        doelen = [Path(b).resolve() for b in losse]
        if not doelen:
            pytest.fail("De Nu Html Checker kreeg geen enkel bestand om te controleren.")
        root = root or _gemeenschappelijk(doelen)
        opties = []

    resultaat = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *opties, *map(str, doelen)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    # vnu writes its report to stderr (after anything the JVM says, such as "Picked up JAVA_TOOL_OPTIONS");
    # exit status 1 just means it found errors
    begin = resultaat.stderr.find('{"')
    try:
        rapport, _ = json.JSONDecoder().raw_decode(resultaat.stderr, max(begin, 0))
    except json.JSONDecodeError:
        pytest.fail(
            f"De Nu Html Checker gaf geen leesbaar JSON-rapport (status {resultaat.returncode}):\n"
            f"{resultaat.stderr[-2000:]}{resultaat.stdout[-2000:]}"
        )
    return [_bevinding(m, Path(root).resolve()) for m in rapport.get("messages", []) if m.get("type") != "info"]


def _gemeenschappelijk(doelen: list[Path]) -> Path:
    """The deepest directory holding all the files."""
    return doelen[0].parent if len(doelen) == 1 else Path(os.path.commonpath([str(d.parent) for d in doelen]))


def _bevinding(melding: dict, root: Path) -> Bevinding:
    url = melding.get("url", "")
    pad = Path(url2pathname(urlparse(url).path)) if url.startswith("file:") else Path(url)
    try:
        bestand = pad.resolve().relative_to(root).as_posix()
    except ValueError:
        bestand = url or "?"
    uittreksel = melding.get("extract", "")
    begin, lengte = melding.get("hiliteStart"), melding.get("hiliteLength")
    gemarkeerd = uittreksel[begin : begin + lengte] if begin is not None and lengte is not None else ""
    regel = melding.get("firstLine", melding.get("lastLine"))
    # a non-document-error (an unreadable file, say) is a finding too: the page was not checked
    tekst = melding.get("message", "")
    if melding.get("type") not in (None, "error"):
        tekst = f"[{melding['type']}] {tekst}"
    return Bevinding(bestand, regel, tekst, uittreksel, gemarkeerd)
