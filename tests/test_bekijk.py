"""'agenda bekijk' and 'agenda bouw' run MkDocs from the agenda command itself, in Dutch, and 'agenda start' prints
next steps that work as printed."""

from __future__ import annotations

import os
import queue
import re
import shlex
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from sitebouw import agenda

ENGELS = ("INFO", "WARNING", "Traceback", "The following pages", "Serving on", "Building documentation", "Aborted")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _omgeving(**extra: str | None) -> dict[str, str]:
    """The test environment, a value of None taking a variable away."""
    return {k: v for k, v in {**os.environ, **extra}.items() if v is not None}


def ctrl_c_als_in_een_terminal() -> None:
    """Ctrl+C as a user's terminal delivers it: a suite started in the background (SIGINT ignored, inherited by
    every child) would otherwise test a program that cannot be interrupted at all."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def _voorvertoning(opdracht: list[str] | str, env: dict[str, str], cwd: Path | None = None):
    """Start a preview (a shell line when ``opdracht`` is a string), wait for the address it prints, and stop it
    with Ctrl+C afterwards; yields the address and, after the block, the full output in ``uitvoer``."""
    proces = subprocess.Popen(
        opdracht,
        shell=isinstance(opdracht, str),
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=ctrl_c_als_in_een_terminal,
    )
    regels: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [regels.put(r) for r in proces.stdout], daemon=True).start()
    uitvoer: dict[str, str] = {"stdout": ""}
    try:
        einde = time.monotonic() + 120
        url = None
        while url is None and time.monotonic() < einde and proces.poll() is None:
            try:
                regel = regels.get(timeout=1)
            except queue.Empty:
                continue
            uitvoer["stdout"] += regel
            gevonden = re.search(r"staat klaar op (http://\S+)", regel)
            url = gevonden and gevonden.group(1)
        assert url, (uitvoer["stdout"], proces.stderr.read() if proces.poll() is not None else "")
        yield url, uitvoer
    finally:
        if proces.poll() is None:
            os.killpg(proces.pid, signal.SIGINT)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()
        time.sleep(0.2)  # the reader thread takes the last lines
        while not regels.empty():
            uitvoer["stdout"] += regels.get()
        uitvoer["stderr"] = proces.stderr.read()
        uitvoer["code"] = proces.returncode


def _haal(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as antwoord:
        return antwoord.status, antwoord.read().decode("utf-8")


def test_bekijk_serves_the_preview_at_the_root_without_an_address_and_says_so_in_dutch(programma):
    poort = _vrije_poort()
    env = _omgeving(AGENDA_SITE_URL=None)
    opdracht = [sys.executable, "-m", "regioagenda", "bekijk", "--map", str(programma.root), "--poort", str(poort)]
    with _voorvertoning(opdracht, env) as (url, uitvoer):
        assert url == f"http://127.0.0.1:{poort}/"
        status, html = _haal(url)
        assert status == 200 and "Testprogramma Zuid" in html
        status, html = _haal(url + "schemas/")
        assert status == 200 and "besluit.schema.json" in html
    assert uitvoer["code"] == 0, uitvoer
    assert "De voorvertoning staat klaar op" in uitvoer["stdout"]
    assert uitvoer["stdout"].rstrip().endswith("Voorvertoning gestopt.")
    for engels in ENGELS:
        assert engels not in uitvoer["stdout"] + uitvoer["stderr"], (engels, uitvoer)


def test_bekijk_serves_under_the_sub_path_of_the_sites_address(programma):
    poort = _vrije_poort()
    env = _omgeving(AGENDA_SITE_URL="https://voorbeeld.example/programma/")
    opdracht = [sys.executable, "-m", "regioagenda", "bekijk", "--poort", str(poort)]
    with _voorvertoning(opdracht, env, cwd=programma.root) as (url, _):  # --map defaults to the current folder
        assert url == f"http://127.0.0.1:{poort}/programma/"
        assert _haal(url)[0] == 200


def test_bekijk_checks_the_records_first(programma):
    programma.vervang("decisions/0002-nazorg-verkennen.md", "soort: signaal", "soort: signal")
    uit = agenda("bekijk", "--map", str(programma.root), "--poort", str(_vrije_poort()))
    assert uit.returncode == 1
    assert "decisions/0002-nazorg-verkennen.md:4:" in uit.stderr and "Er is niets getoond" in uit.stderr
    assert "Traceback" not in uit.stderr and "staat klaar" not in uit.stdout


def test_bouw_without_out_builds_the_real_site_quietly(programma):
    uit = agenda("bouw", "--map", str(programma.root))
    assert uit.returncode == 0, uit.stderr
    site = programma.root / "site"
    assert uit.stdout == f"Site gebouwd in {site} (peildatum 2024-04-01).\n" and uit.stderr == ""
    assert "Testprogramma Zuid" in (site / "index.html").read_text("utf-8")
    schemas = (site / "schemas" / "index.html").read_text("utf-8")
    assert "<h1" in schemas and "Schema's" in schemas
    assert 'href="besluit.schema.json"' in schemas and "Besluit (decisions/NNNN-korte-titel.md)" in schemas
    assert (site / "schemas" / "besluit.schema.json").is_file()


def test_a_public_build_without_an_address_says_how_to_give_it(programma):
    uit = agenda("bouw", "--map", str(programma.root), env=_omgeving(AGENDA_SITE_URL=None))
    assert uit.returncode == 1
    assert "Het adres van de site ontbreekt — zet site_url in mkdocs.yml, of geef het mee als AGENDA_SITE_URL" in (
        uit.stderr
    )
    assert "agenda bekijk" in uit.stderr and "De site is niet gebouwd" in uit.stderr
    for engels in ENGELS:
        assert engels not in uit.stdout + uit.stderr, engels
    assert not (programma.root / "site").exists()


def test_start_prints_next_steps_that_run_as_printed(tmp_path):
    uit = agenda("start", "nieuw programma", "--titel", "Agenda Oost", "--regio", "oost=Regio Oost", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    assert "mkdocs" not in uit.stdout
    stappen = re.findall(r"^  (cd .+?)\s{2,}\(", uit.stdout, re.M)
    assert len(stappen) == 2 and stappen[0].endswith(" controleer") and stappen[1].endswith(" bekijk"), uit.stdout
    assert stappen[0].startswith(f"cd {shlex.quote('nieuw programma')} && ")
    controle = subprocess.run(stappen[0], shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert controle.returncode == 0 and controle.stdout.startswith("Alles in orde."), controle.stderr
    env = _omgeving(AGENDA_SITE_URL=None)
    with _voorvertoning(f"{stappen[1]} --poort {_vrije_poort()}", env, cwd=tmp_path) as (url, _):
        status, html = _haal(url)
        assert status == 200 and "Agenda Oost" in html
