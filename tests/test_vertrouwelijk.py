"""A confidential decision never reaches the public build in any form; the internal build marks it."""

from __future__ import annotations

import gzip
import subprocess
import sys

import pytest
from sitebouw import mkdocs_build, pagina, tekst

GEHEIM = "decisions/0003-overname-locatie-noord.md"
TITEL = "Overname locatie Noord door zorgaanbieder A"
ZIN = "De onderhandelingen over de koopsom lopen nog en zijn niet openbaar."


@pytest.fixture
def programma_met_geheim(programma):
    """A confidential decision inside the repository, which therefore declares itself closed ('besloten')."""
    programma.vervang(
        "agenda/programma.yml", 'titel: "Testprogramma Zuid"', 'titel: "Testprogramma Zuid"\nrepository: besloten'
    )
    programma.schrijf(
        GEHEIM,
        f"""---
nummer: 3
titel: "{TITEL}"
soort: besluit
samenvatting: "Zorgaanbieder A neemt locatie Noord over."
deelopdrachten: [crisisopvang]
vertrouwelijk: true
vervangt: [1]
verloop:
  - {{datum: 2024-03-01, uitkomst: ingebracht}}
  - {{datum: 2024-03-20, gremium: bestuur, uitkomst: geaccordeerd}}
regionaal:
  zuidoever:
    - {{datum: 2024-03-25, stap: algemeen-bestuur, uitkomst: geagendeerd}}
---

## Besluit

{ZIN}
""",
    )
    return programma


def _alle_tekst(site) -> str:
    delen = []
    for pad in site.rglob("*"):
        if pad.is_file():
            inhoud = gzip.decompress(pad.read_bytes()) if pad.suffix == ".gz" else pad.read_bytes()
            delen.append(inhoud.decode("utf-8", errors="replace"))
    return "\n".join(delen)


def test_public_build_has_no_trace(programma_met_geheim, tmp_path):
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma_met_geheim.root / "mkdocs.yml", site)
    assert resultaat.returncode == 0, resultaat.stderr
    alles = _alle_tekst(site)
    for spoor in (TITEL, ZIN, "0003-overname-locatie-noord", "locatie Noord", "besluit:0003"):
        assert spoor not in alles
    assert not (site / "besluiten" / "0003-overname-locatie-noord").exists()
    vervangen = tekst(pagina(site, "besluiten/0001-crisisbedden-borgen"))
    assert "Status: vervangen" in vervangen
    assert "Vervangen door Besluit 2: Nazorg verkennen, vertrouwelijk besluit" in vervangen


def test_internal_build_includes_it_with_a_banner(programma_met_geheim, tmp_path):
    # An internal build is asked for by the coordinator's environment, never by mkdocs.yml (which a pull request sets).
    site = tmp_path / "site"
    assert (
        mkdocs_build(programma_met_geheim.root / "mkdocs.yml", site, extra_env={"AGENDA_INTERN": "1"}).returncode == 0
    )
    geheim = tekst(pagina(site, "besluiten/0003-overname-locatie-noord"))
    assert "Vertrouwelijk Dit besluit is vertrouwelijk." in geheim and ZIN in geheim
    assert "Interne versie" in tekst(pagina(site, ""))


def test_leak_check_fails_the_build_and_keeps_the_previous_site(programma_met_geheim, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma_met_geheim.root / "mkdocs.yml", site).returncode == 0
    voor = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    programma_met_geheim.schrijf("docs/over.md", f"# Over deze site\n\nBinnenkort: {TITEL}.\n")
    resultaat = mkdocs_build(programma_met_geheim.root / "mkdocs.yml", site)
    assert resultaat.returncode == 1
    assert "over/index.html: bevat tekst uit vertrouwelijk besluit 0003" in resultaat.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == voor
    assert TITEL not in _alle_tekst(site)
    assert not list(tmp_path.glob(".site-bouw-*"))  # the failed build's directory is cleaned up


def test_engine_free_build_runs_the_same_leak_check(programma_met_geheim, tmp_path):
    programma_met_geheim.schrijf("docs/over.md", f"# Over\n\n{ZIN}\n")
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--map",
            str(programma_met_geheim.root),
            "--out",
            str(tmp_path / "boom"),
            "--peildatum",
            "2024-04-01",
        ],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1
    assert "over.md: bevat tekst uit vertrouwelijk besluit 0003" in uit.stderr
    assert not (tmp_path / "boom").exists()


@pytest.mark.parametrize("titel", ["Besluiten", "Planning", "Open data", "Zoeken"])
def test_an_ordinary_title_is_no_leak(programma, tmp_path, titel):
    programma.vervang(
        "agenda/programma.yml", 'titel: "Testprogramma Zuid"', 'titel: "Testprogramma Zuid"\nrepository: besloten'
    )
    programma.schrijf(
        "decisions/0003-gewoon.md",
        f"""---
nummer: 3
titel: "{titel}"
soort: besluit
samenvatting: "Kort."
vertrouwelijk: true
verloop:
  - {{datum: 2024-03-01, uitkomst: ingebracht}}
---

Kort.
""",
    )
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", site)
    assert resultaat.returncode == 0, resultaat.stderr
    assert "0003-gewoon" not in _alle_tekst(site)
