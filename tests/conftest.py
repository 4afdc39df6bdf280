"""Shared fixtures: a copy of a small valid programme that each test may break."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from regioagenda.records.laden import laad
from vergaderhulp import MAP, RECORD, VERGADERING, maak_pdf

ROOT = Path(__file__).resolve().parent.parent

# A public build needs its address (feeds, calendar and sitemap point there): every build in the suite is
# published under this example sub-path, unless a test says otherwise.
os.environ.setdefault("AGENDA_SITE_URL", "https://voorbeeld.example/programma/")
MINIMAAL = Path(__file__).parent / "fixtures" / "minimaal"


@dataclass
class Programma:
    """A programme on disk with helpers to break it."""

    root: Path

    def pad(self, relatief: str) -> Path:
        return self.root / relatief

    def schrijf(self, relatief: str, tekst: str) -> None:
        self.pad(relatief).parent.mkdir(parents=True, exist_ok=True)
        self.pad(relatief).write_text(tekst, encoding="utf-8")

    def vervang(self, relatief: str, oud: str, nieuw: str) -> None:
        tekst = self.pad(relatief).read_text(encoding="utf-8")
        assert oud in tekst, f"{oud!r} staat niet in {relatief}"
        self.pad(relatief).write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")

    def problemen(self) -> list[str]:
        return [str(p) for p in laad(self.root).problemen]

    def agenda(self):
        resultaat = laad(self.root)
        assert not resultaat.problemen, resultaat.problemen
        return resultaat.agenda


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium, one per test module (Playwright, without a browser download of its own)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert os.path.exists(chromium), "Debian's chromium is needed: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield b
        b.close()


@pytest.fixture
def programma(tmp_path: Path) -> Programma:
    doel = tmp_path / "programma"
    shutil.copytree(MINIMAAL, doel)
    return Programma(doel)


@pytest.fixture
def vergaderd(programma: Programma) -> Programma:
    """The small programme with one held meeting of its board, with papers and a confidential item; its repository
    is closed (a public one may hold nothing confidential), its site public."""
    programma.vervang("agenda/programma.yml", "titel:", "repository: besloten\ntitel:")
    programma.schrijf(VERGADERING, RECORD)
    for naam in ("convocatie.pdf", "advies-nazorg.pdf", "notitie-personeel.pdf"):
        maak_pdf(programma.pad(f"{MAP}/{naam}"), naam)
    return programma
