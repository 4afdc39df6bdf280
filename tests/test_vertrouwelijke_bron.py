"""Confidential decisions live outside the public repository, in a private source the public build never reads."""

from __future__ import annotations

import os
import shutil

import pytest
from sitebouw import agenda, mkdocs_build, pagina, tekst

from regioagenda.records.laden import laad
from regioagenda.werkstroom import Geweigerd, nieuw_besluit, zet_stap

NAAM = "0003-overname-locatie-noord.md"
TITEL = "Overname locatie Noord door zorgaanbieder A"
GEHEIM = f"""---
nummer: 3
titel: "{TITEL}"
soort: besluit
samenvatting: "Zorgaanbieder A neemt locatie Noord over."
vertrouwelijk: true
verloop:
  - {{datum: 2024-03-01, uitkomst: ingebracht}}
  - {{datum: 2024-03-20, gremium: bestuur, uitkomst: geaccordeerd}}
---

## Besluit

De onderhandelingen over de koopsom lopen nog en zijn niet openbaar.
"""


@pytest.fixture
def met_bron(programma):
    """The fixture programme with a private source beside it, holding decision 3; public decision 2 refers to it."""
    programma.vervang(
        "agenda/programma.yml",
        'titel: "Testprogramma Zuid"',
        'titel: "Testprogramma Zuid"\nvertrouwelijke_bron: ../prive',
    )
    prive = programma.root.parent / "prive"
    (prive / "decisions").mkdir(parents=True)
    (prive / "decisions" / NAAM).write_text(GEHEIM, encoding="utf-8")
    programma.vervang("decisions/0002-nazorg-verkennen.md", "vervangt: [1]", "vervangt: [1, 3]")
    return programma


def _agenda(*args, **env):
    return agenda(*args, env=dict(os.environ, **env))


def test_a_confidential_record_in_the_public_repository_is_refused(met_bron):
    met_bron.schrijf("decisions/0004-geheim.md", GEHEIM.replace("nummer: 3", "nummer: 4"))
    problemen = met_bron.problemen()
    uit = _agenda("controleer", "--map", str(met_bron.root))
    assert uit.returncode == 1
    assert (
        "decisions/0004-geheim.md:6: vertrouwelijk besluit in de openbare repository — verplaats het bestand naar "
        "../prive/decisions/ en haal het uit de git-geschiedenis"
    ) in uit.stderr
    # The public build's view (the private source not read) refuses it just the same: it would be public already.
    assert any("vertrouwelijk besluit in de openbare repository" in p for p in problemen)
    assert any(
        "vertrouwelijk besluit in de openbare repository" in str(p)
        for p in laad(met_bron.root, vertrouwelijk=True).problemen
    )


def test_the_rule_holds_without_a_private_source_too(programma):
    programma.schrijf("decisions/0004-geheim.md", GEHEIM.replace("nummer: 3", "nummer: 4"))
    assert any(
        p.startswith(
            "decisions/0004-geheim.md:6: vertrouwelijk besluit in de openbare repository — verplaats "
            "het bestand naar de vertrouwelijke bron"
        )
        for p in programma.problemen()
    )


def test_commands_and_the_internal_build_read_both_sources(met_bron, tmp_path):
    uit = _agenda("controleer", "--map", str(met_bron.root))
    assert uit.returncode == 0, uit.stderr
    assert "Besluiten: 3" in uit.stdout
    site = tmp_path / "intern"
    assert mkdocs_build(met_bron.root / "mkdocs.yml", site, extra_env={"AGENDA_INTERN": "1"}).returncode == 0
    geheim = tekst(pagina(site, "besluiten/0003-overname-locatie-noord"))
    assert "Dit besluit is vertrouwelijk." in geheim and TITEL in geheim


def test_the_public_build_never_reads_the_private_source(met_bron, tmp_path):
    site = tmp_path / "site"
    resultaat = mkdocs_build(met_bron.root / "mkdocs.yml", site)
    assert resultaat.returncode == 0, resultaat.stderr
    alles = "\n".join(p.read_text(errors="replace") for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")
    assert TITEL not in alles and "0003-overname" not in alles and "koopsom" not in alles
    besluit = pagina(site, "besluiten/0002-nazorg-verkennen")
    assert "Vervangt Besluit 1: Crisisbedden borgen, vertrouwelijk besluit" in tekst(besluit)
    assert "0003" not in besluit


def test_public_ci_without_the_private_source_accepts_references_by_number(met_bron, tmp_path):
    shutil.rmtree(met_bron.root.parent / "prive")
    uit = _agenda("controleer", "--map", str(met_bron.root))
    assert uit.returncode == 0, uit.stderr
    assert "Besluiten: 2" in uit.stdout
    site = tmp_path / "site"
    assert mkdocs_build(met_bron.root / "mkdocs.yml", site).returncode == 0
    assert "vertrouwelijk besluit" in tekst(pagina(site, "besluiten/0002-nazorg-verkennen"))


def test_with_the_private_source_present_references_are_validated(met_bron):
    met_bron.vervang("decisions/0002-nazorg-verkennen.md", "vervangt: [1, 3]", "vervangt: [1, 9]")
    uit = _agenda("controleer", "--map", str(met_bron.root))
    assert uit.returncode == 1
    assert "decisions/0002-nazorg-verkennen.md:7: besluit 9 bestaat niet" in uit.stderr


def test_the_environment_overrides_the_programme(met_bron, tmp_path):
    elders = tmp_path / "elders"
    shutil.move(met_bron.root.parent / "prive", elders)
    assert "Besluiten: 2" in _agenda("controleer", "--map", str(met_bron.root)).stdout
    assert "Besluiten: 3" in _agenda("controleer", "--map", str(met_bron.root), AGENDA_VERTROUWELIJK=str(elders)).stdout


def test_a_public_record_in_the_private_source_is_refused(met_bron):
    pad = met_bron.root.parent / "prive" / "decisions" / NAAM
    pad.write_text(GEHEIM.replace("vertrouwelijk: true\n", ""), encoding="utf-8")
    assert any(
        p.startswith(f"../prive/decisions/{NAAM}:2: besluit in de vertrouwelijke bron zonder 'vertrouwelijk: true'")
        for p in map(str, laad(met_bron.root, vertrouwelijk=True).problemen)
    )


def test_new_confidential_decisions_go_to_the_private_source_and_steps_work_there(met_bron):
    uit = nieuw_besluit(
        met_bron.root,
        titel="Nieuwe sluiting",
        soort="besluit",
        samenvatting="Geheim.",
        datum="2024-05-01",
        vertrouwelijk=True,
    )
    assert uit.pad == "../prive/decisions/0004-nieuwe-sluiting.md"
    assert (met_bron.root.parent / "prive" / "decisions" / "0004-nieuwe-sluiting.md").is_file()
    assert not list((met_bron.root / "decisions").glob("0004-*"))
    zet_stap(met_bron.root, 4, gremium="kernteam", uitkomst="geadviseerd", datum="2024-05-02")
    zet_stap(met_bron.root, 3, regio="noordoever", stap="college", uitkomst="vastgesteld", datum="2024-04-01")
    status = _agenda("status", "--map", str(met_bron.root), "--json", "--peildatum", "2024-06-01")
    assert status.returncode == 0 and '"nummer": 4' in status.stdout
    openbaar = nieuw_besluit(met_bron.root, titel="Openbaar", soort="signaal", samenvatting="O.", datum="2024-05-03")
    assert openbaar.pad == "decisions/0005-openbaar.md"  # one number space for both sources


def test_without_a_private_source_a_new_confidential_decision_is_refused(programma):
    with pytest.raises(Geweigerd) as fout:
        nieuw_besluit(
            programma.root, titel="Geheim", soort="besluit", samenvatting="G.", datum="2024-05-01", vertrouwelijk=True
        )
    assert "er is geen vertrouwelijke bron ingesteld" in str(fout.value)
    assert not list((programma.root / "decisions").glob("0003-*"))
