"""Reviewers see what matters: a pull request's changes outside record content are named first."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitebouw import agenda

ROOT = Path(__file__).resolve().parent.parent


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)


def _basis(root: Path) -> None:
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "basis")


def test_summary_opens_with_technical_changes(programma):
    _basis(programma.root)
    programma.vervang("mkdocs.yml", "site_name:", "# een opmerking\nsite_name:")
    programma.schrijf(".github/workflows/controle.yml", "name: x\n")
    programma.schrijf("overrides/main.html", "{% extends 'base.html' %}\n")
    programma.schrijf("requirements/site.txt", "mkdocs==1.6.1\n")
    programma.vervang("decisions/0002-nazorg-verkennen.md", "titel:", "titel:")  # content only: not technical
    uit = agenda("wijzigingen", "--map", str(programma.root), "HEAD")
    assert uit.returncode == 0, uit.stderr
    kop = uit.stdout.index("**Technische wijzigingen: laat een beheerder meekijken**")
    assert kop < uit.stdout.index("Deze wijziging raakt geen records.")
    technisch = uit.stdout[kop:].split("\n\n", 3)[2]
    assert technisch.splitlines() == [
        "- Toegevoegd: `.github/workflows/controle.yml`",
        "- Gewijzigd: `mkdocs.yml`",
        "- Toegevoegd: `overrides/main.html`",
        "- Toegevoegd: `requirements/site.txt`",
    ]


def test_content_changes_alone_need_no_maintainer(programma):
    _basis(programma.root)
    programma.vervang("docs/over.md", "\n", "\n\nEen extra zin.\n")
    uit = agenda("wijzigingen", "--map", str(programma.root), "HEAD")
    assert uit.returncode == 0, uit.stderr
    assert "Technische wijzigingen" not in uit.stdout


def test_codeowners_give_technical_paths_to_maintainers():
    regels = [r.split() for r in (ROOT / ".github/CODEOWNERS").read_text("utf-8").splitlines()]
    eigenaars = {r[0]: r[1:] for r in regels if r and not r[0].startswith("#")}
    for pad in ("/generator/", "/mkdocs.yml", "/.github/", "/requirements/", "/pyproject.toml", "/overrides/"):
        assert eigenaars.get(pad), f"{pad} heeft geen eigenaar in CODEOWNERS"
    # content stays open to every project group: no owner for records or pages
    assert not any(p.startswith(("/decisions", "/agenda", "/docs")) for p in eigenaars)


def test_a_change_to_where_confidential_decisions_are_kept_is_named(programma):
    _basis(programma.root)
    programma.vervang(
        "agenda/programma.yml", 'titel: "Testprogramma Zuid"\n', 'titel: "Testprogramma Zuid"\nrepository: besloten\n'
    )
    uit = agenda("wijzigingen", "--map", str(programma.root), "HEAD")
    assert uit.returncode == 0, uit.stderr
    blok = uit.stdout.split("**Vertrouwelijkheid gewijzigd: laat een beheerder meekijken**", 1)[1]
    assert blok.split("\n\n", 3)[2].splitlines() == ["- `repository` was `openbaar`, wordt `besloten`"]
    assert uit.stdout.index("Vertrouwelijkheid gewijzigd") < uit.stdout.index("**Records**")
