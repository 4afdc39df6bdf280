"""Every other folder the build reads: hand-written pages, theme overrides, pictures.

A pull request can change these as easily as a record, so they are held to the same rules: no
symbolic links (a link can point at ``.git/config`` or ``/proc/self/environ``), only file types
the site publishes, Markdown checked like a record body, pictures that are what their name says,
and no HTML, SVG or script that a reviewer could miss.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.records import invoercontrole as invoer
from generator.problemen import Probleem

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

_SCRIPT = re.compile(r"<\s*script|\bon[a-z]+\s*=|javascript:", re.I)
_BUITEN = re.compile(
    r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|//)|@import""",
    re.I,
)


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
        problemen += _thema(relatief, tekst)
    return problemen


def _thema(relatief: str, tekst: str) -> list[Probleem]:
    problemen = []
    for nummer, regel in enumerate(tekst.split("\n"), start=1):
        if _SCRIPT.search(regel):
            problemen.append(
                Probleem(
                    relatief,
                    nummer,
                    "script of event-handler in een thema-bestand",
                    "geen scripts: de site werkt zonder JavaScript van de inhoud",
                )
            )
        if _BUITEN.search(regel):
            problemen.append(
                Probleem(
                    relatief,
                    nummer,
                    "verwijzing naar een ander adres in een thema-bestand",
                    "alleen bestanden van de site zelf: de site doet geen verzoeken naar andere adressen",
                )
            )
    return problemen


def _relatief(root: Path, pad: Path) -> str:
    try:
        return pad.relative_to(root).as_posix()
    except ValueError:
        return pad.as_posix()
