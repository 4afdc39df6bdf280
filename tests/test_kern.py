"""Import boundaries: each room uses only what it is for, and the flow reads top-down without cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PAKKET = ROOT / "generator"
"""The package's folder in the repository; installed, it is the module ``regioagenda`` (see pyproject.toml)."""
NAAM = "regioagenda"
MODULES = sorted(PAKKET.rglob("*.py"))


def _module(pad: Path) -> str:
    delen = [NAAM, *pad.relative_to(PAKKET).with_suffix("").parts]
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


BEKEND = {_module(p) for p in MODULES}


def _imports(pad: Path) -> set[str]:
    """Imported modules; 'from package import module' counts as the module, not the package."""
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen |= {a.name for a in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            submodules = {f"{knoop.module}.{a.name}" for a in knoop.names} & BEKEND
            namen |= submodules if len(submodules) == len(knoop.names) else {knoop.module} | submodules
    return namen


def _kamer(module: str) -> str:
    if module == "regioagenda.__main__":
        return "werkstroom"  # 'python -m regioagenda' is the agenda command
    delen = module.split(".")
    return delen[1] if len(delen) > 1 and (PAKKET / delen[1]).is_dir() else "(kern)"


@pytest.mark.parametrize(
    ("bibliotheek", "kamer"), [("mkdocs", "publiceren"), ("click", "werkstroom"), ("jinja2", "samenstellen")]
)
def test_only_one_room_imports_each_engine_library(bibliotheek, kamer):
    # The one exception renders nothing: the check of theme overrides reads them with Jinja's own lexer,
    # because a pattern of ours would read a template differently from the engine that will run it.
    lezers = {"jinja2": {"regioagenda.records.sitebestanden"}}.get(bibliotheek, set())
    overtreders = [
        f"{_module(p)}: {naam}"
        for p in MODULES
        for naam in _imports(p)
        if naam.split(".")[0] == bibliotheek and _kamer(_module(p)) != kamer and _module(p) not in lezers
    ]
    assert len(MODULES) > 30
    assert overtreders == []


MOTORVRIJ = [
    "regioagenda.publiceren.boom",
    "regioagenda.publiceren.bouwveiligheid",
    "regioagenda.publiceren.lekcontrole",
    "regioagenda.publiceren.pdf",
    "regioagenda.publiceren.programmabouw",
    "regioagenda.publiceren.publicatie",
    "regioagenda.publiceren.schoonmaak",
    "regioagenda.publiceren.siteadres",
    "regioagenda.publiceren.tabellen",
    "regioagenda.publiceren.uitvoercontrole",
]
"""Publishing without the engine: every module of publiceren/ but the MkDocs plugin, its two MkDocs-side helpers
and the runner of MkDocs' build and preview for the agenda command (mkdocsbouw)."""


def test_publishing_policy_is_engine_free():
    mkdocs_kant = {_module(p) for p in MODULES if _kamer(_module(p)) == "publiceren"} - set(MOTORVRIJ)
    assert mkdocs_kant == {
        "regioagenda.publiceren",
        "regioagenda.publiceren.config",
        "regioagenda.publiceren.mkdocsbestanden",
        "regioagenda.publiceren.mkdocsbouw",
        "regioagenda.publiceren.plugin",
    }
    code = (
        "import importlib, sys\n"
        f"for m in {MOTORVRIJ!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "[]"


def test_the_plugin_and_agenda_bouw_publish_through_the_same_context_manager():
    for module in ("plugin", "boom"):
        namen = _imports(PAKKET / "publiceren" / f"{module}.py")
        assert "regioagenda.publiceren.publicatie" in namen, module
        # Neither builds beside, checks or swaps on its own any more.
        tekst = (PAKKET / "publiceren" / f"{module}.py").read_text(encoding="utf-8")
        assert not any(
            f in tekst for f in ("nieuwe_bouwmap", "wissel(", "ruim_op(", "zoek_lekken", "controleer_uitvoer")
        ), module


def test_the_model_imports_nothing_from_outside_it():
    toegestaan = {
        "__future__",
        "dataclasses",
        "datetime",
        "enum",
        "functools",
        "calendar",
        "re",
        "difflib",
        "unicodedata",
        "collections",
        "typing",
        "regioagenda.model",
        "regioagenda.patronen",  # the shared patterns (ids, fences, lines); it imports nothing of the package
    }
    overtreders = [
        f"{_module(p)}: {naam}"
        for p in MODULES
        if _kamer(_module(p)) == "model"
        for naam in _imports(p)
        if not any(naam == t or naam.startswith(t + ".") for t in toegestaan)
    ]
    assert overtreders == []
    assert not any(naam.startswith("regioagenda.") for naam in _imports(PAKKET / "patronen.py"))


def test_rooms_depend_only_downwards():
    """Shared helpers → model; records → model; samenstellen → model, records;
    publiceren → records, samenstellen; werkstroom → all of them (it is the command line)."""
    mag = {
        "(kern)": {"model"},
        "model": set(),
        "records": {"model"},
        "samenstellen": {"model", "records"},
        "publiceren": {"model", "records", "samenstellen"},
        "werkstroom": {"model", "records", "samenstellen", "publiceren"},
    }
    overtreders = []
    for pad in MODULES:
        van = _kamer(_module(pad))
        for naam in _imports(pad):
            if naam.startswith("regioagenda."):
                naar = _kamer(naam)
                if naar not in (van, "(kern)") and naar not in mag[van]:
                    overtreders.append(f"{_module(pad)} → {naam}")
    assert overtreders == []


def test_no_import_cycles():
    modules = {_module(p): p for p in MODULES}
    graaf = {m: {n for n in _imports(p) if n in modules and n != m} for m, p in modules.items()}
    bezocht, pad, kringen = set(), [], []

    def zoek(m):
        if m in pad:
            kringen.append(pad[pad.index(m) :] + [m])
            return
        if m in bezocht:
            return
        bezocht.add(m)
        pad.append(m)
        for n in sorted(graaf[m]):
            zoek(n)
        pad.pop()

    for m in sorted(graaf):
        zoek(m)
    assert kringen == []


def test_composing_the_site_loads_no_mkdocs_or_click_module():
    code = (
        "import datetime, sys\n"
        "from regioagenda.records.laden import laad\n"
        "from regioagenda.samenstellen import stel_samen\n"
        f"paginas = stel_samen(laad({str(ROOT)!r}).agenda, datetime.date(2024, 1, 1))\n"
        "assert len(paginas) > 10\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'click')))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "[]"
