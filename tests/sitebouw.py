"""Helpers for tests that build a site with MkDocs and read its HTML."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

# One page of each type of the 3Noord site: the browser tests and the Lighthouse measurement visit these.
PAGINATYPEN = [
    "",
    "uitvoeringsagenda/",
    "deelopdrachten/",
    "deelopdrachten/jeugdhulpplus/",
    "besluiten/",
    "besluiten/0003-vaststelling-uitvoeringsagenda-2023-2026/",
    "besluiten/status/voorgesteld/",
    "nulplaten/",
    "nulplaten/uitvoeringsagenda-2023/",
    "planning/",
    "regios/",
    "regios/drenthe/",
    "vergaderingen/",
    "vergaderingen/stuurgroep/",
    "vergaderingen/opvolging/",
    "open-data/",
    "bijdragen/",
    "toegankelijkheid/",
    "404.html",
]


def mkdocs_build(
    config: Path, uit: Path, peildatum: str | None = None, extra_env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict`` as a user would (never with -q: it makes --strict ignore warnings)."""
    # a value of None takes the variable away (a build without an address, say)
    env = {k: v for k, v in {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}.items() if v is not None}
    if peildatum:
        env["AGENDA_PEILDATUM"] = peildatum
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(uit)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def pagina(site: Path, pad: str) -> str:
    return (
        (site / pad / "index.html").read_text(encoding="utf-8")
        if not pad.endswith(".html")
        else (site / pad).read_text(encoding="utf-8")
    )


def tekst(html_bron: str) -> str:
    """The visible text of the article, whitespace folded."""
    artikel = re.search(r"<article[^>]*>(.*)</article>", html_bron, re.S)
    inhoud = re.sub(r"<[^>]+>", " ", artikel.group(1) if artikel else html_bron)
    # tags become spaces; drop the space that then lands before punctuation
    return re.sub(r" ([,.;:)])", r"\1", re.sub(r"\s+", " ", html.unescape(inhoud)))


def agenda(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the ``agenda`` command as a coordinator would, without a terminal to answer questions."""
    return subprocess.run(
        [sys.executable, "-m", "regioagenda", *args],
        capture_output=True,
        text=True,
        cwd=cwd or Path(__file__).resolve().parent.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


_REPO = Path(__file__).resolve().parent.parent
VOORBEELDSITES = {
    "3noord": (_REPO / "mkdocs.yml", "2026-11-22"),
    "groningen": (_REPO / "tests" / "programmas" / "groningen-ontwikkeltafels" / "mkdocs.yml", "2026-11-30"),
}
"""The two example programmes the checkers read, each with the peildatum its tests build it on."""


def bouw_voorbeeldsite(naam: str, uit: Path) -> Path:
    """Build example programme ``naam`` (``VOORBEELDSITES``) strictly into ``uit``, as a user would."""
    config, peildatum = VOORBEELDSITES[naam]
    resultaat = mkdocs_build(config, uit, peildatum)
    assert resultaat.returncode == 0, resultaat.stderr
    return uit
