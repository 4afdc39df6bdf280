"""The core knows nothing of MkDocs: only generator/plugin.py may import it."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

KERN = sorted(p for p in (ROOT / "generator").rglob("*.py") if p.name != "plugin.py")


def test_no_core_module_imports_mkdocs():
    overtreders = []
    for pad in KERN:
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            namen = []
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.module:
                namen = [knoop.module]
            overtreders += [f"{pad.relative_to(ROOT)}: {n}" for n in namen if n.split(".")[0] == "mkdocs"]
    assert len(KERN) > 10
    assert overtreders == []


def test_composing_the_site_loads_no_mkdocs_module():
    code = (
        "import datetime, sys\n"
        "from generator.records.laden import laad\n"
        "from generator.samenstellen import stel_samen\n"
        f"paginas = stel_samen(laad({str(ROOT)!r}).agenda, datetime.date(2024, 1, 1))\n"
        "assert len(paginas) > 10\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'mkdocs'))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "[]"
