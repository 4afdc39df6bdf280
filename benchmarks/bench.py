"""Benchmark on synthetic programmes: agenda controleer, engine-free composition, full mkdocs build --strict,
and a floor.

Run: make benchmark   (or: .venv/bin/python benchmarks/bench.py [N ...])
Prints a table of seconds, ratios to the floor and peak memory, then the targets of issue 6.
Not a test: absolute seconds drift on a shared machine; compare ratios from one run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
import synthetisch  # noqa: E402

PEILDATUM = "2026-01-01"


def meet(werkmap: Path, naam: str, module: str, *argumenten: str) -> dict:
    resultaat = werkmap / f"{naam}.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", AGENDA_PEILDATUM=PEILDATUM)
    proces = subprocess.run(
        [sys.executable, str(HIER / "meet.py"), str(resultaat), module, *argumenten],
        capture_output=True,
        text=True,
        env=env,
    )
    meting = json.loads(resultaat.read_text())
    if proces.returncode or meting["code"]:
        raise SystemExit(f"{naam} mislukte:\n{proces.stdout}\n{proces.stderr}")
    return meting


def fasen(n: int, werkmap: Path) -> dict[str, dict]:
    root = synthetisch.schrijf(werkmap / f"programma-{n}", n)
    boom = werkmap / f"boom-{n}"
    uit = {
        "agenda controleer": meet(werkmap, f"check-{n}", "generator", "controleer", "--map", str(root)),
        "samenstellen (zonder MkDocs)": meet(
            werkmap, f"boom-{n}", "generator", "bouw", "--map", str(root), "--out", str(boom), "--peildatum", PEILDATUM
        ),
        "mkdocs build --strict": meet(
            werkmap,
            f"mkdocs-{n}",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(werkmap / f"site-{n}"),
        ),
    }
    uit["vloer (Markdown + Jinja)"] = meet(werkmap, f"vloer-{n}", "vloer", str(boom), str(werkmap / f"vloer-{n}"))
    uit["motor: MkDocs zonder plugin"] = _motor(werkmap, n, boom)
    uit["_paginas"] = sum(1 for _ in boom.rglob("*.md"))
    return uit


def _motor(werkmap: Path, n: int, boom: Path) -> dict:
    """Reference: MkDocs + Material + search on the same Markdown tree, without this project's plugin."""
    yaml = YAML(typ="safe")
    instellingen = yaml.load(synthetisch.MKDOCS)
    instellingen["plugins"] = [p for p in instellingen["plugins"] if "uitvoeringsagenda" not in p]
    instellingen["docs_dir"] = str(boom)
    config = werkmap / f"motor-{n}.yml"
    with config.open("w", encoding="utf-8") as uit:
        yaml.dump(instellingen, uit)
    return meet(werkmap, f"motor-{n}", "mkdocs", "build", "-f", str(config), "-d", str(werkmap / f"motor-site-{n}"))


def main(aantallen: list[int]) -> None:
    os.environ.setdefault("AGENDA_SITE_URL", "https://voorbeeld.example/benchmark/")  # a build needs an address
    werkmap = Path(tempfile.mkdtemp(prefix="agenda-benchmark-"))
    sys.path.insert(0, str(HIER))
    resultaten = {}
    try:
        for n in aantallen:
            print(f"N = {n} besluiten …", flush=True)
            resultaten[n] = fasen(n, werkmap)
    finally:
        shutil.rmtree(werkmap, ignore_errors=True)
    print()
    print(f"{'N':>6} {'pagina':>6}  {'fase':<30} {'seconden':>9} {'× vloer':>8} {'piek MB':>8}")
    for n, r in resultaten.items():
        vloer = r["vloer (Markdown + Jinja)"]["seconden"]
        for fase, m in r.items():
            if fase.startswith("_"):
                continue
            print(
                f"{n:>6} {r['_paginas']:>6}  {fase:<30} {m['seconden']:>9.2f} {m['seconden'] / vloer:>8.2f} "
                f"{m['piek_mb']:>8.0f}"
            )
    print()
    _doelen(resultaten)


def _doelen(r: dict) -> None:
    if 1000 not in r:
        return
    bouw = lambda n: r[n]["mkdocs build --strict"]["seconden"]
    regels = [
        ("volledige bouw 1.000 ≤ 2,3 × vloer", bouw(1000) / r[1000]["vloer (Markdown + Jinja)"]["seconden"], 2.3),
        ("agenda controleer 1.000 ≤ 10 % van de bouw", r[1000]["agenda controleer"]["seconden"] / bouw(1000), 0.10),
    ]
    if 3000 in r:
        regels.append(("bouw 3.000 / bouw 1.000 ≤ 3,2", bouw(3000) / bouw(1000), 3.2))
        regels += [
            (f"piekgeheugen 3.000, {fase} ≤ 150 MB", r[3000][fase]["piek_mb"], 150)
            for fase in ("agenda controleer", "samenstellen (zonder MkDocs)", "mkdocs build --strict")
        ]
    for naam, waarde, grens in regels:
        print(f"{'gehaald ' if waarde <= grens else 'NIET    '} {naam}: {waarde:.2f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 3000])
