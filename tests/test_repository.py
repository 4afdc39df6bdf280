"""What 'agenda start' puts around the records so that a repository checks and publishes itself, and how
'agenda bijwerken' keeps those files in step with the generator (the end-to-end run is in test_nieuwe_regio)."""

from __future__ import annotations

import hashlib
import subprocess
import zipfile
from pathlib import Path

from regioagenda.werkstroom.repository import (
    WORKFLOWS,
    Generatorbron,
    codeowners,
    pre_commit,
    vergrendeling,
    workflow,
)
from sitebouw import agenda


def _start(map_: Path, *extra: str) -> subprocess.CompletedProcess:
    uit = agenda("start", str(map_), "--titel", "Proef", "--regio", "noord=Regio Noord", *extra)
    assert uit.returncode == 0, uit.stderr
    return uit


def _nep_wiel(plek: Path) -> Path:
    wiel = plek / "regioagenda-0.2.0-py3-none-any.whl"
    with zipfile.ZipFile(wiel, "w") as z:
        z.writestr("regioagenda/__init__.py", "")
    return wiel


def test_start_writes_the_generator_s_own_workflows_and_pre_commit(tmp_path):
    uit = _start(tmp_path / "p")
    for pad in WORKFLOWS:
        assert (tmp_path / "p" / pad).read_text(encoding="utf-8") == workflow(pad, Generatorbron.UITGAVE)
    assert (tmp_path / "p" / ".pre-commit-config.yaml").read_text(encoding="utf-8") == pre_commit()
    # an editable install knows no release: the coordinator is told, and the file says what is missing
    assert "requirements.txt noemt de generator nog niet" in uit.stderr
    vereisten = (tmp_path / "p" / "requirements.txt").read_text(encoding="utf-8")
    assert "de regel voor regioagenda ontbreekt nog" in vereisten
    assert vereisten.endswith(vergrendeling())


def test_start_pins_a_wheel_it_is_given_by_its_hash(tmp_path):
    wiel = _nep_wiel(tmp_path)
    uit = _start(tmp_path / "p", "--generator", str(wiel))
    assert "noemt de generator nog niet" not in uit.stderr
    vereisten = (tmp_path / "p" / "requirements.txt").read_text(encoding="utf-8")
    sha = hashlib.sha256(wiel.read_bytes()).hexdigest()
    assert f"regioagenda @ {wiel.resolve().as_uri()} \\\n    --hash=sha256:{sha}\n" in vereisten


def test_start_refuses_a_generator_that_is_no_wheel_or_has_no_hash(tmp_path):
    (tmp_path / "x.tar.gz").write_text("x")
    for extra, melding in (
        (["--generator", str(tmp_path / "x.tar.gz")], "geen wielbestand (.whl)"),
        (["--generator", "https://voorbeeld.example/regioagenda-0.2.0-py3-none-any.whl"], "--generator-hash ontbreekt"),
        (["--generator", "https://voorbeeld.example/r.whl", "--generator-hash", "abc"], "geen sha256-hash"),
    ):
        uit = agenda("start", str(tmp_path / "p"), "--titel", "P", "--regio", "a=A", *extra)
        assert uit.returncode != 0 and melding in uit.stderr, uit.stderr
        assert "Traceback" not in uit.stderr
        assert not (tmp_path / "p").exists()


def test_vereisten_prints_a_programme_s_requirements_for_a_release(tmp_path):
    sha = "a" * 64
    uit = agenda(
        "vereisten",
        "--generator",
        "https://voorbeeld.example/regioagenda-0.2.0-py3-none-any.whl",
        "--generator-hash",
        f"sha256:{sha}",
    )
    assert uit.returncode == 0, uit.stderr
    regels = uit.stdout.splitlines()
    assert "regioagenda @ https://voorbeeld.example/regioagenda-0.2.0-py3-none-any.whl \\" in regels
    assert f"    --hash=sha256:{sha}" in regels
    assert uit.stdout.endswith(vergrendeling())


def test_codeowners_name_who_approves_the_technical_files_and_never_the_records(tmp_path):
    _start(tmp_path / "p", "--eigenaar", "@regio-noord/coordinatoren", "--eigenaar", "@beheerder")
    regels = [r.split() for r in (tmp_path / "p/.github/CODEOWNERS").read_text("utf-8").splitlines()]
    eigenaars = {r[0]: r[1:] for r in regels if r and not r[0].startswith("#")}
    assert eigenaars["/.github/"] == ["@regio-noord/coordinatoren", "@beheerder"]
    assert {"/requirements.txt", "/mkdocs.yml", "/.pre-commit-config.yaml"} <= set(eigenaars)
    assert not any(p.startswith(("/decisions", "/agenda", "/docs", "*")) for p in eigenaars)
    assert "#" in codeowners(()) and not [r for r in codeowners(()).splitlines() if not r.startswith("#")]
    uit = agenda("start", str(tmp_path / "q"), "--titel", "P", "--regio", "a=A", "--eigenaar", "regio-noord")
    assert uit.returncode == 1 and "--eigenaar 'regio-noord' is geen GitHub-naam" in uit.stderr


def test_bijwerken_leaves_a_new_programme_alone_and_renews_workflows_only_when_asked(tmp_path):
    map_ = tmp_path / "p"
    _start(map_)
    programma = (map_ / "agenda/programma.yml").read_bytes()
    uit = agenda("bijwerken", "--map", str(map_))
    assert uit.returncode == 0 and uit.stdout == "Niets bij te werken.\n", uit.stdout
    assert (map_ / "agenda/programma.yml").read_bytes() == programma  # its own words, never 3Noord's earlier ones

    controle = map_ / ".github/workflows/controle.yml"
    controle.write_text(controle.read_text("utf-8").replace("v7.0.1", "v6"), encoding="utf-8")
    uit = agenda("bijwerken", "--map", str(map_))
    assert "Let op: .github/workflows/controle.yml is niet zoals deze versie" in uit.stdout
    assert "v6" in controle.read_text("utf-8")  # told, not overwritten
    uit = agenda("bijwerken", "--map", str(map_), "--workflows")
    assert uit.returncode == 0, uit.stderr
    assert ".github/workflows/controle.yml: die van deze versie van de generator" in uit.stdout
    assert controle.read_text("utf-8") == workflow(WORKFLOWS[0], Generatorbron.UITGAVE)
    assert (map_ / "agenda/programma.yml").read_bytes() == programma


def test_the_generator_s_own_repository_is_up_to_date_as_it_is():
    root = Path(__file__).resolve().parent.parent
    uit = agenda("bijwerken", "--map", str(root))
    assert uit.returncode == 0 and uit.stdout == "Niets bij te werken.\n", uit.stdout + uit.stderr


def test_bijwerken_writes_missing_workflows_only_when_asked(programma):
    assert agenda("bijwerken", "--map", str(programma.root)).stdout == "Niets bij te werken.\n"
    assert not (programma.root / ".github").exists()
    uit = agenda("bijwerken", "--map", str(programma.root), "--workflows")
    assert uit.returncode == 0, uit.stderr
    for pad in WORKFLOWS:
        assert (programma.root / pad).read_text("utf-8") == workflow(pad, Generatorbron.UITGAVE)
