"""A failed build never destroys the site that was there before."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from sitebouw import mkdocs_build
from test_bekijk import ctrl_c_als_in_een_terminal


def _bestanden(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))


def test_broken_record_keeps_the_previous_site(programma, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    voor = _bestanden(site)
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 1
    assert _bestanden(site) == voor and len(voor) > 40


def test_quiet_flag_does_not_switch_off_strict_warnings(programma, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    voor = _bestanden(site)
    programma.schrijf("docs/over.md", "# Over\n\n[kapotte link](bestaat-niet.md)\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "--strict",
            "-f",
            str(programma.root / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    assert uit.returncode == 1
    assert "waarschuwing(en) in strikte modus — de vorige site blijft staan" in uit.stderr
    assert _bestanden(site) == voor


def _resten(map_):
    return sorted(p.name for p in map_.iterdir() if "-bouw-" in p.name)


@pytest.mark.parametrize("sein", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_nothing_behind(programma, tmp_path, sein):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    voor = _bestanden(site)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    bouw = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(programma.root / "mkdocs.yml"),
            "-d",
            str(site),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=ctrl_c_als_in_een_terminal,
    )
    eind = time.monotonic() + 60
    while not _resten(tmp_path) and bouw.poll() is None and time.monotonic() < eind:
        time.sleep(0.005)
    assert _resten(tmp_path), "the build never started its temporary folder"
    bouw.send_signal(sein)
    bouw.wait(timeout=60)
    assert bouw.returncode != 0
    assert "Traceback" not in bouw.stderr.read()
    assert _resten(tmp_path) == []
    assert _bestanden(site) == voor


def test_a_killed_build_is_cleaned_up_by_the_next(programma, tmp_path):
    site = tmp_path / "site"
    dood = subprocess.Popen([sys.executable, "-c", "pass"])
    dood.wait()
    rest = tmp_path / f".site-bouw-{dood.pid}-abc"
    (rest / "sub").mkdir(parents=True)
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    assert _resten(tmp_path) == []


def test_the_swap_never_leaves_the_site_missing(tmp_path):
    from regioagenda.publiceren.bouwveiligheid import MERKTEKEN, MERKTEKST, nieuwe_bouwmap, wissel

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("0")
    (site / MERKTEKEN).write_text(MERKTEKST)  # an earlier build's output: only such a folder is replaced
    gezien_zonder = []
    klaar = threading.Event()

    def kijk():
        while not klaar.is_set():
            if not (site / "index.html").exists():
                gezien_zonder.append(True)

    kijker = threading.Thread(target=kijk)
    kijker.start()
    try:
        for i in range(1, 200):
            nieuw = nieuwe_bouwmap(site)
            (nieuw / "index.html").write_text(str(i))
            wissel(nieuw, site)
    finally:
        klaar.set()
        kijker.join()
    assert (site / "index.html").read_text() == "199"
    assert gezien_zonder == [] and _resten(tmp_path) == []


# --- the one publication both builds go through ---------------------------------------------------------------------


def _gepubliceerd(tmp_path):
    from regioagenda.publiceren.bouwveiligheid import MERKTEKEN, MERKTEKST

    uit = tmp_path / "programma" / "site"
    uit.mkdir(parents=True)
    (uit / MERKTEKEN).write_text(MERKTEKST, encoding="utf-8")
    (uit / "index.md").write_text("oud", encoding="utf-8")
    return uit


def test_a_publication_swaps_in_only_what_its_check_passed(tmp_path):
    from regioagenda.publiceren.publicatie import Publicatie

    uit = _gepubliceerd(tmp_path)
    gezien = []
    with Publicatie(uit, gezien.append, root=tmp_path / "programma") as map_:
        assert map_.parent == uit.parent and map_ != uit
        (map_ / "index.md").write_text("nieuw", encoding="utf-8")
    assert gezien == [map_] and not map_.exists()
    assert (uit / "index.md").read_text(encoding="utf-8") == "nieuw"


@pytest.mark.parametrize("waar", ["bouw", "controle"])
def test_a_failed_publication_removes_its_folder_and_keeps_the_old_output(tmp_path, waar):
    from regioagenda.publiceren.publicatie import Geweigerd, Publicatie

    def controle(map_):
        raise Geweigerd("afgekeurd")

    uit = _gepubliceerd(tmp_path)
    with (
        pytest.raises((Geweigerd, RuntimeError)) as fout,
        Publicatie(uit, controle, root=tmp_path / "programma") as map_,
    ):
        (map_ / "index.md").write_text("nieuw", encoding="utf-8")
        if waar == "bouw":
            raise RuntimeError("halverwege")
    assert str(fout.value) == ("halverwege" if waar == "bouw" else "afgekeurd")
    assert not map_.exists() and [p.name for p in uit.parent.iterdir()] == ["site"]
    assert (uit / "index.md").read_text(encoding="utf-8") == "oud"


def test_a_preview_publication_checks_its_own_folder_and_never_swaps_or_removes_it(tmp_path):
    from regioagenda.publiceren.publicatie import Geweigerd, Publicatie

    eigen = tmp_path / "mkdocs_voorvertoning"
    eigen.mkdir()

    def controle(map_):
        raise Geweigerd("afgekeurd")

    publicatie = Publicatie(eigen, controle, root=tmp_path, ernaast=False)
    assert publicatie.__enter__() == eigen
    with pytest.raises(Geweigerd):
        publicatie.__exit__(None, None, None)
    assert eigen.is_dir()
    publicatie.__exit__(None, None, None)  # leaving twice does nothing
