"""Every built page of both programmes is valid HTML by the Nu Html Checker (vnu), the W3C's own checker.

Each site is built as a user would (mkdocs build --strict, published under a Pages-like sub-path) and vnu runs once
over all its pages. The one documented exception is Material's autocomplete="off" on its checkbox toggles (see
controleurs.MATERIAL_AUTOCOMPLETE_MELDING); anything else vnu reports fails the test, listed page by page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from controleurs import Bevinding, buiten_uitzondering, is_material_schakelaar, vnu
from sitebouw import mkdocs_build

from conftest import ROOT

GRONINGEN = ROOT / "tests" / "programmas" / "groningen-ontwikkeltafels"

# name: (mkdocs.yml, peildatum, the Pages sub-path the site is published under) — as test_browser.py,
# test_site.py and test_tweede_programma.py build them
PROGRAMMAS = {
    "3noord": (ROOT / "mkdocs.yml", "2026-11-22", "https://voorbeeld.github.io/uitvoeringsagenda-3noord/"),
    "groningen": (GRONINGEN / "mkdocs.yml", "2026-11-30", "https://voorbeeld.github.io/ontwikkeltafels/"),
}
MINSTE_PAGINAS = 30
VOLUIT = 25  # up to this many findings each is listed on its own line; more are grouped by message


@dataclass
class Gecontroleerd:
    naam: str
    site: Path
    paginas: list[str] = field(repr=False)
    bevindingen: list[Bevinding] = field(repr=False)


@pytest.fixture(scope="module", params=sorted(PROGRAMMAS))
def gecontroleerd(request, tmp_path_factory) -> Gecontroleerd:
    naam = request.param
    config, peildatum, adres = PROGRAMMAS[naam]
    site = tmp_path_factory.mktemp(f"vnu-{naam}") / "site"
    resultaat = mkdocs_build(config, site, peildatum, extra_env={"AGENDA_SITE_URL": adres})
    assert resultaat.returncode == 0, resultaat.stderr
    paginas = sorted(site.rglob("*.html"))
    # the files are named one by one (not the directory), so vnu cannot quietly check fewer pages than listed
    return Gecontroleerd(naam, site, [p.relative_to(site).as_posix() for p in paginas], vnu(paginas, root=site))


def _overzicht(naam: str, bevindingen: list[Bevinding]) -> str:
    kop = f"De Nu Html Checker vond {len(bevindingen)} fout(en) in de site van {naam} (buiten de uitzondering):"
    if len(bevindingen) <= VOLUIT:
        return "\n".join([kop, *map(str, bevindingen)])
    per_melding: dict[str, list[Bevinding]] = defaultdict(list)
    for b in bevindingen:
        per_melding[b.melding].append(b)
    regels = [kop]
    for melding, groep in sorted(per_melding.items(), key=lambda item: -len(item[1])):
        regels.append(f"\n{len(groep)}× {melding}")
        regels.extend(f"  {b.bestand}:{b.regel}" for b in groep)
    return "\n".join(regels)


def test_every_page_was_checked(gecontroleerd):
    assert len(gecontroleerd.paginas) > MINSTE_PAGINAS, gecontroleerd.paginas
    assert "404.html" in gecontroleerd.paginas
    assert "index.html" in gecontroleerd.paginas
    # Material's drawer toggle is on every page: its (excused) finding shows vnu really read each one
    gezien = {b.bestand for b in gecontroleerd.bevindingen if is_material_schakelaar(b)}
    assert gezien == set(gecontroleerd.paginas) or not gezien, sorted(set(gecontroleerd.paginas) - gezien)


def test_every_page_is_valid_html(gecontroleerd):
    fouten = buiten_uitzondering(gecontroleerd.bevindingen)
    if fouten:
        pytest.fail(_overzicht(gecontroleerd.naam, fouten), pytrace=False)


def test_the_checker_reports_errors_and_excuses_only_materials_toggles(tmp_path):
    """vnu itself works, and the exception is no wider than Material's own toggles."""
    kop = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head><body>'
    (tmp_path / "schakelaar.html").write_text(
        kop + '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        "</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "eigen.html").write_text(
        kop + '<input type="checkbox" id="keuze" autocomplete="off"><label for="nergens">x</label></body></html>',
        encoding="utf-8",
    )
    bevindingen = vnu(tmp_path)
    assert {b.bestand for b in bevindingen} == {"schakelaar.html", "eigen.html"}, bevindingen
    assert [b.bestand for b in bevindingen if is_material_schakelaar(b)] == ["schakelaar.html"]
    eigen = [b for b in buiten_uitzondering(bevindingen) if b.bestand == "eigen.html"]
    assert len(eigen) == 2 and all(b.regel == 1 for b in eigen), eigen  # its own checkbox is not excused
