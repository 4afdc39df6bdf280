"""Supply chain: workflows hold tokens and pass zizmor; installs come from a lock with hashes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIZMOR = Path(sys.executable).with_name("zizmor")


def test_workflows_pass_zizmor_offline():
    uit = subprocess.run(
        [str(ZIZMOR), "--offline", "--persona", "auditor", str(ROOT / ".github" / "workflows")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "No findings to report" in uit.stdout + uit.stderr


def test_every_action_is_pinned_and_no_checkout_keeps_its_token():
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        tekst = workflow.read_text(encoding="utf-8")
        for actie in re.findall(r"uses:\s*(\S+)", tekst):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", actie), f"{workflow.name}: {actie}"
        assert tekst.count("actions/checkout@") == tekst.count("persist-credentials: false"), workflow.name
        assert "--require-hashes" in tekst, workflow.name


def _gepind(lijst: Path) -> dict[str, str]:
    tekst = lijst.read_text(encoding="utf-8")
    assert "--hash=sha256:" in tekst
    return {
        m.group(1).lower().replace("_", "-").replace(".", "-"): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+)", tekst, re.M)
    }


def test_locks_pin_every_dependency_of_the_project():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    naam = lambda eis: re.match(r"[A-Za-z0-9_.-]+", eis).group(0).lower().replace("_", "-").replace(".", "-")
    site, test = _gepind(ROOT / "generator" / "vergrendeling" / "site.txt"), _gepind(ROOT / "requirements" / "test.txt")
    for eis in project["dependencies"]:
        assert naam(eis) in site and naam(eis) in test, eis
    for eis in project["optional-dependencies"]["test"]:
        assert naam(eis) in test, eis
    assert "setuptools" in site and "setuptools" in test  # built without fetching anything unhashed
    gedeeld = set(site) & set(test)
    assert {n: site[n] for n in gedeeld} == {n: test[n] for n in gedeeld}  # the site builds with what the tests ran


def test_the_code_passes_ruff():
    ruff = Path(sys.executable).with_name("ruff")
    for opdracht in (["check", "."], ["format", "--check", "."]):
        uit = subprocess.run([str(ruff), *opdracht], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert uit.returncode == 0, uit.stdout + uit.stderr


def test_the_wheel_carries_the_whole_generator_under_its_own_name(tmp_path):
    """What a region's repository installs: templates, schemas and theme inside, one top-level module of its own."""
    bronmap = tmp_path / "bron"  # built from a copy: setuptools leaves build/ and egg-info where it builds
    shutil.copytree(ROOT / "generator", bronmap / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / naam, bronmap / naam)
    wielen = []
    for keer in ("eerste", "tweede"):  # a release is rebuilt the same, byte for byte, from the same commit
        uit = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", keer],
            cwd=bronmap,
            capture_output=True,
            text=True,
            timeout=300,
            env=os.environ | {"SOURCE_DATE_EPOCH": "1764720000"},
        )
        assert uit.returncode == 0, uit.stdout + uit.stderr
        shutil.rmtree(bronmap / "build", ignore_errors=True)
        wielen += list((bronmap / keer).glob("regioagenda-*.whl"))
    eerste, tweede = wielen
    assert eerste.read_bytes() == tweede.read_bytes()
    wiel = eerste
    with zipfile.ZipFile(wiel) as z:
        namen = z.namelist()
        topniveau = {n.split("/")[0] for n in namen if not n.split("/")[0].endswith(".dist-info")}
        assert topniveau == {"regioagenda"}
        bron = ROOT / "generator"
        verwacht = {
            "regioagenda/" + p.relative_to(bron).as_posix()
            for p in bron.rglob("*")
            if p.is_file()
            and "__pycache__" not in p.parts
            and p.suffix in (".py", ".json", ".j2", ".css", ".html", ".js", ".yml", ".yaml", ".txt")
        }
        assert verwacht - set(namen) == set()  # every module, schema, template and theme file
        assert any(n.startswith("regioagenda/records/schemas/") for n in namen)
        metadata = next(n for n in namen if n.endswith(".dist-info/entry_points.txt"))
        ingangen = z.read(metadata).decode()
        assert "agenda = regioagenda.werkstroom.cli:main" in ingangen
        assert "agenda = regioagenda.publiceren.plugin:AgendaPlugin" in ingangen


def test_this_repository_runs_the_workflows_every_programme_gets():
    """3Noord uses its generator as a region does: the same workflow files, only built from source, not a release."""
    from regioagenda.werkstroom.repository import WORKFLOWS, Generatorbron, pre_commit, workflow

    for pad in WORKFLOWS:
        assert (ROOT / pad).read_text(encoding="utf-8") == workflow(pad, Generatorbron.DEZE_REPOSITORY), pad
        assert workflow(pad, Generatorbron.UITGAVE) != workflow(pad, Generatorbron.DEZE_REPOSITORY)
    assert (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8") == pre_commit()
