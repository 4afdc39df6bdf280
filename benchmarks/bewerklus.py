"""Editing loop: seconds from saving one record to the reloaded page under 'mkdocs serve' (default N = 1000).

Run: .venv/bin/python benchmarks/bewerklus.py [N]
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetisch


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _haal(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as antwoord:
            return antwoord.read().decode("utf-8")
    except OSError:
        return None


def _wacht_op(url: str, tekst: str, tot: float) -> float:
    while time.monotonic() < tot:
        pagina = _haal(url)
        if pagina is not None and tekst in pagina:
            return time.monotonic()
        time.sleep(0.05)
    raise SystemExit(f"binnen de tijd niet gezien: {tekst!r} op {url}")


def main(n: int) -> None:
    for extra in ([], ["--dirty", "--no-strict"]):
        print(f"mkdocs serve {' '.join(extra)}".strip())
        meet_lus(n, extra)


def meet_lus(n: int, extra: list[str]) -> None:
    werkmap = Path(tempfile.mkdtemp(prefix="agenda-bewerklus-"))
    root = synthetisch.schrijf(werkmap / "programma", n)
    poort = _vrije_poort()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *extra, "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{poort}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        begin = time.monotonic()
        url = f"http://127.0.0.1:{poort}/besluiten/0001-besluit-1/"
        _wacht_op(url, "Besluit 1", begin + 900)
        print(f"eerste bouw onder serve: {time.monotonic() - begin:.1f} s ({n} besluiten)")
        tijden = []
        for ronde in range(1, 4):
            pad = root / "decisions" / "0001-besluit-1.md"
            merk = f"Wijziging nummer {ronde} voor de meting."
            pad.write_text(pad.read_text(encoding="utf-8") + f"\n{merk}\n", encoding="utf-8")
            opgeslagen = time.monotonic()
            tijden.append(_wacht_op(url, merk, opgeslagen + 900) - opgeslagen)
            print(f"  wijziging {ronde}: {tijden[-1]:.1f} s van opslaan tot vernieuwde pagina")
        print(f"mediaan: {statistics.median(tijden):.1f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(werkmap, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
