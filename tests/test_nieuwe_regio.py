"""A new region, end to end, as it would really happen: the generator released as a wheel, installed by a coordinator
from a hashed requirements file, 'agenda start', records added with commands, pushed to a (local, bare) remote, and
the repository's own workflows run step by step from their YAML — checkout, install, check, build, publish.

This is the slowest test of the suite after the browser tests (two fresh virtual environments), and the only one
that proves a region's repository works without this repository beside it.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
EIGENAAR, NAAM = "regio-drenthe", "akkoord"
PAGES = f"https://{EIGENAAR}.github.io/{NAAM}/"
REPOSITORY = f"https://github.com/{EIGENAAR}/{NAAM}"


def _run(opdracht: list[str], cwd: Path, env: dict[str, str] | None = None, ok: bool = True):
    uit = subprocess.run(opdracht, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if ok:
        assert uit.returncode == 0, f"{' '.join(opdracht)}\n{uit.stdout}\n{uit.stderr}"
    return uit


def _schone_omgeving(**extra: str) -> dict[str, str]:
    """What a runner or a coordinator's shell has: no address of this suite, no virtual environment of ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AGENDA_", "VIRTUAL_ENV", "PYTHON"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(sys.prefix))
    env.update(GIT_AUTHOR_NAME="Coördinator", GIT_AUTHOR_EMAIL="c@example.org")
    env.update(GIT_COMMITTER_NAME="Coördinator", GIT_COMMITTER_EMAIL="c@example.org")
    return env | extra


def _venv(plek: Path) -> Path:
    """A fresh virtual environment (what setup-python and a coordinator's 'python3 -m venv' give); its bin/."""
    _run([sys.executable, "-m", "venv", str(plek)], cwd=plek.parent)
    return plek / "bin"


@pytest.fixture(scope="module")
def uitgave(tmp_path_factory) -> Path:
    """A release of the generator as its workflow makes one: the wheel and the requirements.txt for programmes."""
    werk = tmp_path_factory.mktemp("uitgave")
    bron = werk / "bron"  # built from a copy: setuptools leaves build/ and egg-info where it builds
    shutil.copytree(ROOT / "generator", bron / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / naam, bron / naam)
    dist = werk / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist)],
        cwd=bron,
        env=os.environ | {"SOURCE_DATE_EPOCH": "1764720000"},
    )
    (wiel,) = dist.glob("regioagenda-*.whl")
    vereisten = _run([str(Path(sys.executable).with_name("agenda")), "vereisten", "--generator", str(wiel)], cwd=werk)
    (dist / "requirements.txt").write_text(vereisten.stdout, encoding="utf-8")
    return dist


@pytest.fixture(scope="module")
def regio(uitgave, tmp_path_factory):
    """The coordinator's machine: the generator installed from the release, a new programme, a bare remote."""
    werk = tmp_path_factory.mktemp("regio")
    bin_ = _venv(werk / "venv")
    env = _schone_omgeving(PATH=f"{bin_}{os.pathsep}{_schone_omgeving()['PATH']}")
    _run(
        [
            "python",
            "-m",
            "pip",
            "install",
            "-q",
            "--require-hashes",
            "--no-deps",
            "-r",
            str(uitgave / "requirements.txt"),
        ],
        cwd=werk,
        env=env,
    )
    start = _run(
        [
            "agenda",
            "start",
            "akkoord",
            "--titel",
            "Bestuurlijk akkoord transformatie jeugdhulp Drenthe",
            "--document",
            "akkoord",
            "--lidwoord",
            "het",
            "--onderdeel",
            "spoor",
            "--onderdelen",
            "sporen",
            "--regio",
            "drenthe=Jeugdhulpregio Drenthe",
            "--gremium",
            "bestuurlijk-overleg=Bestuurlijk overleg",
            "--repository",
            REPOSITORY,
            "--eigenaar",
            f"@{EIGENAAR}/coordinatoren",
        ],
        cwd=werk,
        env=env,
    )
    repo = werk / "akkoord"
    remote = werk / "remote.git"
    _run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], cwd=werk)
    _run(["git", "remote", "add", "origin", str(remote)], cwd=repo)
    _run(["git", "push", "-q", "-u", "origin", "main"], cwd=repo)
    return {"werk": werk, "repo": repo, "remote": remote, "env": env, "start": start}


class Runner:
    """Runs one job of a workflow from its YAML, as a GitHub runner would: each 'run' in bash -eo pipefail with the
    runner's variables, and the few actions the workflows use done by hand (any other action fails the test)."""

    def __init__(self, werk: Path, remote: Path, ref: str, gebeurtenis: str):
        self.werk, self.remote, self.ref, self.gebeurtenis = werk, remote, ref, gebeurtenis
        self.workspace = werk / "workspace"
        self.samenvatting = werk / "summary.md"
        self.artefact: Path | None = None
        self.env = _schone_omgeving(
            GITHUB_REPOSITORY=f"{EIGENAAR}/{NAAM}",
            GITHUB_REPOSITORY_OWNER=EIGENAAR,
            GITHUB_SERVER_URL="https://github.com",
            GITHUB_STEP_SUMMARY=str(self.samenvatting),
            GITHUB_EVENT_NAME=gebeurtenis,
            CI="true",
        )
        if gebeurtenis == "pull_request":
            self.env["GITHUB_BASE_REF"] = "main"

    def taak(self, workflow: Path, naam: str) -> list[str]:
        stappen = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"][naam]["steps"]
        gedaan = []
        for stap in stappen:
            if "if" in stap and not self._voorwaarde(stap["if"]):
                continue
            if "uses" in stap:
                self._actie(stap["uses"].split("@")[0], stap.get("with", {}))
            else:
                env = self.env | {k: self._waarde(v) for k, v in stap.get("env", {}).items()}
                uit = _run(
                    ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", stap["run"]],
                    cwd=self.workspace,
                    env=env,
                    ok=False,
                )
                assert uit.returncode == 0, f"stap {stap.get('name', stap['run'])!r}:\n{uit.stdout}\n{uit.stderr}"
                gedaan.append(uit.stdout + uit.stderr)
        return gedaan

    def _voorwaarde(self, tekst: str) -> bool:
        if tekst == "github.event_name == 'pull_request'":
            return self.gebeurtenis == "pull_request"
        raise AssertionError(f"deze test kent de voorwaarde {tekst!r} niet")

    @staticmethod
    def _waarde(tekst: str) -> str:
        if tekst == "${{ vars.AGENDA_SITE_URL }}":
            return ""  # the repository variable is not set: the Pages address is used
        assert "${{" not in tekst, tekst
        return tekst

    def _actie(self, actie: str, met: dict) -> None:
        if actie == "actions/checkout":
            assert met.get("persist-credentials") is False
            _run(["git", "clone", "-q", "--branch", self.ref, str(self.remote), str(self.workspace)], cwd=self.werk)
        elif actie == "actions/setup-python":
            bin_ = _venv(self.werk / "runner-python")
            self.env["PATH"] = f"{bin_}{os.pathsep}{self.env['PATH']}"
        elif actie == "actions/upload-pages-artifact":
            self.artefact = self.workspace / met["path"]
            assert (self.artefact / "index.html").is_file()
        else:
            raise AssertionError(f"deze test kent de actie {actie} niet: voer haar hier na")


def test_the_new_repository_has_everything_and_says_what_to_do(regio, uitgave):
    repo = regio["repo"]
    for pad in (
        ".github/workflows/controle.yml",
        ".github/workflows/publiceren.yml",
        ".github/CODEOWNERS",
        ".pre-commit-config.yaml",
        ".gitignore",
        "README.md",
        "requirements.txt",
        "docs/bijdragen.md",
    ):
        assert (repo / pad).is_file(), pad
    (wiel,) = uitgave.glob("*.whl")
    vereisten = (repo / "requirements.txt").read_text(encoding="utf-8")
    # the generator pinned to the very release it was installed from, by its hash
    assert f"regioagenda @ {wiel.resolve().as_uri()}" in vereisten
    assert f"--hash=sha256:{hashlib.sha256(wiel.read_bytes()).hexdigest()}" in vereisten
    assert "noemt de generator nog niet" not in regio["start"].stderr
    assert "wijst naar een wiel op deze computer (file://…)" in regio["start"].stderr  # a local release
    assert f"@{EIGENAAR}/coordinatoren" in (repo / ".github/CODEOWNERS").read_text(encoding="utf-8")
    log = _run(["git", "log", "--format=%s"], cwd=repo).stdout.splitlines()
    assert log == ["Nieuw programma: Bestuurlijk akkoord transformatie jeugdhulp Drenthe"]
    assert _run(["git", "status", "--porcelain"], cwd=repo).stdout == ""
    # the printed next step runs as printed, from where 'agenda start' ran ('bekijk' would serve until stopped)
    volgende = [r.strip().split("    (")[0] for r in regio["start"].stdout.splitlines() if r.startswith("  cd ")]
    assert volgende[0] == "cd akkoord && agenda controleer", volgende
    assert "Alles in orde" in _run(["bash", "-c", volgende[0]], cwd=regio["werk"], env=regio["env"]).stdout


def test_its_workflows_pass_zizmor(regio):
    zizmor = Path(sys.executable).with_name("zizmor")
    uit = _run([str(zizmor), "--offline", "--persona", "auditor", ".github/workflows"], cwd=regio["repo"], ok=False)
    assert uit.returncode == 0 and "No findings to report" in uit.stdout + uit.stderr, uit.stdout + uit.stderr


def test_its_own_check_passes_on_the_first_commit(regio, tmp_path):
    runner = Runner(tmp_path, regio["remote"], "main", "push")
    uitvoer = "\n".join(runner.taak(regio["repo"] / ".github/workflows/controle.yml", "controle"))
    assert "Alles in orde" in uitvoer
    assert (runner.workspace / "site" / "index.html").is_file()


def test_parts_decisions_and_a_ratification_by_commands_then_a_pull_request_and_publication(regio, browser, tmp_path):
    repo, env = regio["repo"], regio["env"]
    tak = "voorstel-akkoord"
    _run(["git", "switch", "-q", "-c", tak], cwd=repo)
    for opdracht in (
        [
            "nieuw",
            "bron",
            "--titel",
            "Bestuurlijk akkoord transformatie jeugdhulp Drenthe",
            "--verwijzing",
            "Bestuurlijk akkoord",
            "--datum",
            "2018-12",
            "--status",
            "concept",
        ],
        ["nieuw", "onderdeel", "--titel", "Drentse Jeugdacademie", "--bron", "Bestuurlijk akkoord, Kaders"],
        [
            "nieuw",
            "besluit",
            "--titel",
            "Commitment op het akkoord en een strategische alliantie",
            "--soort",
            "besluit",
            "--samenvatting",
            "In het overleg is vastgesteld dat er een commitment is op het akkoord.",
            "--datum",
            "2018-11-26",
            "--zonder-route",
            "--regio",
            "drenthe",
            "--deelopdracht",
            "drentse-jeugdacademie",
            "--bron",
            "Bestuurlijk akkoord, Vervolgstappen",
        ],
        ["stap", "1", "--regio", "drenthe", "--uitkomst", "vastgesteld", "--datum", "2018-11-26"],
        ["controleer"],
    ):
        _run(["agenda", *opdracht], cwd=repo, env=env)
    _run(["git", "add", "-A"], cwd=repo)
    _run(["git", "commit", "-q", "-m", "Het akkoord: bron, spoor en het eerste besluit"], cwd=repo, env=env)
    _run(["git", "push", "-q", "origin", tak], cwd=repo)

    (tmp_path / "pr").mkdir()
    pr = Runner(tmp_path / "pr", regio["remote"], tak, "pull_request")
    pr.taak(repo / ".github/workflows/controle.yml", "controle")
    samenvatting = pr.samenvatting.read_text(encoding="utf-8")
    assert "Commitment op het akkoord" in samenvatting

    _run(["git", "switch", "-q", "main"], cwd=repo)
    _run(["git", "merge", "-q", "--ff-only", tak], cwd=repo)
    _run(["git", "push", "-q", "origin", "main"], cwd=repo)
    (tmp_path / "pub").mkdir()
    publicatie = Runner(tmp_path / "pub", regio["remote"], "main", "push")
    publicatie.taak(repo / ".github/workflows/publiceren.yml", "bouwen")
    site = publicatie.artefact
    assert site is not None
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Bestuurlijk akkoord transformatie jeugdhulp Drenthe" in home
    assert f'<link rel="canonical" href="{PAGES}"' in home  # the address GitHub Pages gives this repository
    besluit = next(site.glob("besluiten/0001*/index.html")).read_text(encoding="utf-8")
    assert "vastgesteld" in besluit
    bewerken = re.search(r'href="([^"]+)"[^>]*title="Bewerk', besluit) or re.search(
        r'<a href="([^"]+)" title="[^"]*"[^>]*class="md-content__button', besluit
    )
    assert bewerken, "de pagina van het besluit heeft geen knop Bewerken"
    assert html.unescape(bewerken[1]).startswith(f"{REPOSITORY}/edit/main/decisions/0001-")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PAGES}besluiten/" in sitemap
    _een_voorstel_uit_de_browser(browser, site, repo, env)


def _een_voorstel_uit_de_browser(browser, site: Path, repo: Path, env: dict[str, str]) -> None:
    """The published site on its Pages sub-path; a partner fills in 'Een voorstel doen'; what the host would be
    opened with is the file, and the repository's own check accepts it."""
    pages = site.parent / "pages"
    shutil.copytree(site, pages / NAAM)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(pages)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    basis = f"http://127.0.0.1:{server.server_port}/{NAAM}/"
    try:
        with browser.new_context(locale="nl-NL") as context:
            pagina = context.new_page()
            assert pagina.goto(basis).ok
            pagina.locator("article").get_by_role("link", name="een voorstel doen").click()
            formulier = pagina.locator("#voorstel-nieuw")
            formulier.get_by_label("Titel", exact=True).fill("Gezamenlijke analyse van de situatie en de tekorten")
            formulier.get_by_label("Samenvatting", exact=True).fill(
                "Een eerste stap is het uitvoeren van een gezamenlijke analyse van de situatie en de tekorten."
            )
            formulier.locator("#voorstel-soort-besluit").check()
            formulier.get_by_label("Drentse Jeugdacademie", exact=True).check()
            formulier.get_by_role("button", name="Maak het bestand").click()
            href = formulier.locator("a.agenda-voorstel__open").get_attribute("href")
    finally:
        server.shutdown()
    delen = urlsplit(href)
    assert f"{delen.scheme}://{delen.netloc}{delen.path}" == f"{REPOSITORY}/new/main/decisions"
    vraag = parse_qs(delen.query, strict_parsing=True)
    naam, tekst = vraag["filename"][0], vraag["value"][0]
    assert naam == "0002-gezamenlijke-analyse-van-de-situatie-en-de-tekorten.md"
    (repo / "decisions" / naam).write_text(tekst, encoding="utf-8")
    controle = _run(["agenda", "controleer"], cwd=repo, env=env)
    assert "Besluiten: 2" in controle.stdout
