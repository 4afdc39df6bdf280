"""No command destroys what it did not make, writes outside its output, or puts a confidential record in reach.

Issue 20, classes 1 (a private source inside the repository), 2 (data loss through the output folder),
the writer's last line (nothing outside the output folder) and record file names that are not whole ids.
Every destructive case asserts the tree byte for byte before and after, .git included.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sitebouw import agenda, mkdocs_build

from regioagenda.publiceren.bouwveiligheid import (
    MERKTEKEN,
    OnveiligeUitvoermap,
    bewaak_uitvoermap,
    nieuwe_bouwmap,
    ruim_op,
)
from regioagenda.records.laden import laad
from regioagenda.records.paden import repository
from regioagenda.records.opslag import prive_bron
from regioagenda.records.verzamelen import verzamel
from regioagenda.samenstellen.paginas import OnveiligAdres, Pagina, veilig_adres
from regioagenda.werkstroom import Geweigerd, nieuw_besluit, zet_stap

PEIL = ("--peildatum", "2024-03-01")
GEHEIM = """---
nummer: {nummer}
titel: "Overname locatie Noord door zorgaanbieder A"
soort: besluit
samenvatting: "Zorgaanbieder A neemt locatie Noord over."
vertrouwelijk: true
verloop:
  - {{datum: 2024-03-01, uitkomst: ingebracht}}
---

## Besluit

De onderhandelingen over de koopsom lopen nog en zijn niet openbaar.
"""


def _vingerafdruk(map_: Path) -> dict[str, str]:
    """Every entry below ``map_`` (files by content, folders and links by kind): what 'byte for byte' compares."""
    uit = {}
    for pad in sorted(map_.rglob("*")):
        relatief = pad.relative_to(map_).as_posix()
        if pad.is_symlink():
            uit[relatief] = "link:" + os.readlink(pad)
        elif pad.is_dir():
            uit[relatief] = "map"
        else:
            uit[relatief] = hashlib.sha256(pad.read_bytes()).hexdigest()
    return uit


@pytest.fixture
def werkboom(programma):
    """The fixture programme as a git work tree with a commit and an uncommitted edit, as a coordinator has it."""
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], cwd=programma.root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=programma.root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "begin"], cwd=programma.root, check=True)
    programma.vervang("docs/over.md", "# ", "# Nog niet vastgelegd: ")
    return programma


def _met_bron(programma, instelling: str, nummer: int = 3, naam: str = "0003-overname-locatie-noord.md") -> Path:
    """Set 'vertrouwelijke_bron' and put one confidential decision in that source's decisions/."""
    programma.vervang(
        "agenda/programma.yml",
        'titel: "Testprogramma Zuid"',
        f'titel: "Testprogramma Zuid"\nvertrouwelijke_bron: {instelling}',
    )
    bron = (programma.root / instelling).resolve()
    (bron / "decisions").mkdir(parents=True, exist_ok=True)
    (bron / "decisions" / naam).write_text(GEHEIM.format(nummer=nummer), encoding="utf-8")
    return bron


# --- Class 2: an output folder that is, holds or lies in what a build did not make ---------------------------


@pytest.mark.parametrize(
    "uit",
    [".", "decisions", "agenda", "agenda/deelopdrachten", "docs", ".git", ".git/objects", "..", "decisions/site"],
)
def test_the_tree_build_never_replaces_the_repository_or_its_records(werkboom, uit):
    bewaakt = werkboom.root.parent
    voor = _vingerafdruk(bewaakt)
    resultaat = agenda("bouw", "--map", str(werkboom.root), "--out", uit, *PEIL, cwd=werkboom.root)
    assert resultaat.returncode == 1, resultaat.stdout
    assert "Traceback" not in resultaat.stderr
    assert "Fout: de uitvoermap" in resultaat.stderr and "Er is niets gewijzigd." in resultaat.stderr
    assert _vingerafdruk(bewaakt) == voor


def test_out_dot_names_the_repository(werkboom):
    resultaat = agenda("bouw", "--map", ".", "--out", ".", *PEIL, cwd=werkboom.root)
    assert f"de uitvoermap {werkboom.root.resolve()} is de repository" in resultaat.stderr


def test_a_link_to_a_record_folder_is_judged_by_where_it_leads(werkboom, tmp_path):
    (tmp_path / "link").symlink_to(werkboom.root / "decisions")
    voor = _vingerafdruk(werkboom.root)
    resultaat = agenda("bouw", "--map", str(werkboom.root), "--out", str(tmp_path / "link"), *PEIL)
    assert resultaat.returncode == 1 and "is de recordmap decisions/" in resultaat.stderr
    assert _vingerafdruk(werkboom.root) == voor and (tmp_path / "link").is_symlink()


def test_the_private_source_and_what_lies_in_it_are_never_an_output(programma, tmp_path):
    bron = _met_bron(programma, "../prive")
    voor = _vingerafdruk(tmp_path)
    for uit in (bron, bron / "decisions", bron / "site"):
        resultaat = agenda("bouw", "--map", str(programma.root), "--out", str(uit), *PEIL)
        assert resultaat.returncode == 1 and "de vertrouwelijke bron" in resultaat.stderr, resultaat.stderr
    assert _vingerafdruk(tmp_path) == voor


def test_a_folder_with_content_is_replaced_only_when_an_earlier_build_made_it(programma, tmp_path):
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "scriptie.docx").write_bytes(b"drie jaar werk")
    voor = _vingerafdruk(tmp_path)
    resultaat = agenda("bouw", "--map", str(programma.root), "--out", str(eigen), *PEIL)
    assert resultaat.returncode == 1
    assert f"het merkteken {MERKTEKEN} ontbreekt" in resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    assert _vingerafdruk(tmp_path) == voor

    site = tmp_path / "site"
    assert agenda("bouw", "--map", str(programma.root), "--out", str(site), *PEIL).returncode == 0
    assert (site / MERKTEKEN).read_text(encoding="utf-8").startswith("Deze map is gemaakt door 'agenda bouw'")
    (site / "index.md").write_text("oud", encoding="utf-8")
    assert agenda("bouw", "--map", str(programma.root), "--out", str(site), *PEIL).returncode == 0
    assert (site / "index.md").read_text(encoding="utf-8") != "oud" and (site / MERKTEKEN).is_file()

    leeg = tmp_path / "leeg"
    leeg.mkdir()
    assert agenda("bouw", "--map", str(programma.root), "--out", str(leeg), *PEIL).returncode == 0


def test_a_file_is_never_an_output_folder(programma, tmp_path):
    bestand = tmp_path / "notities.txt"
    bestand.write_text("eigen", encoding="utf-8")
    with pytest.raises(OnveiligeUitvoermap, match="is geen map"):
        bewaak_uitvoermap(bestand, programma.root, None)
    assert bestand.read_text(encoding="utf-8") == "eigen"


@pytest.mark.parametrize("uit", ["decisions", ".", "docs", "agenda", ".git"])
def test_mkdocs_never_replaces_the_records_with_the_site(werkboom, uit):
    # Several layers refuse these (MkDocs itself, the mkdocs.yml policy, the output guard): none may lose a byte.
    voor = _vingerafdruk(werkboom.root)
    resultaat = mkdocs_build(werkboom.root / "mkdocs.yml", werkboom.root / uit)
    assert resultaat.returncode == 1
    assert "Traceback" not in resultaat.stderr
    assert _vingerafdruk(werkboom.root) == voor


def test_mkdocs_never_replaces_a_folder_no_build_made(programma, tmp_path):
    eigen = tmp_path / "eigen"
    eigen.mkdir()
    (eigen / "scriptie.docx").write_bytes(b"drie jaar werk")
    voor = _vingerafdruk(tmp_path)
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", eigen)
    assert resultaat.returncode == 1
    assert f"het merkteken {MERKTEKEN} ontbreekt" in resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    assert _vingerafdruk(tmp_path) == voor


def test_mkdocs_never_replaces_the_private_source(programma, tmp_path):
    bron = _met_bron(programma, "../prive")
    voor = _vingerafdruk(bron)
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", bron)
    assert resultaat.returncode == 1 and "Er is niets gewijzigd." in resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    assert _vingerafdruk(bron) == voor


def test_the_mark_survives_mkdocs_own_clean_and_the_checks_of_the_output(programma, tmp_path):
    _met_bron(programma, "../prive")  # confidential records present: the leak check has traces to look for
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.root / "mkdocs.yml", site)
    assert resultaat.returncode == 0, resultaat.stderr
    assert (site / MERKTEKEN).is_file()
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0  # marked: replaced again


@pytest.mark.parametrize(
    "naam,opgeruimd",
    [
        (".site-bouw-{dood}-abc12345", True),
        (".site-bouw-oud-{dood}", True),
        (".site-bouw-eigen", False),
        (".site-bouw-{dood}", False),
        (".site-bouw-{dood}-ABC", False),
        (".site-bouw-x{dood}-abc", False),
    ],
)
def test_leftovers_are_removed_only_when_a_build_named_them(tmp_path, naam, opgeruimd):
    dood = subprocess.Popen([sys.executable, "-c", "pass"])
    dood.wait()
    rest = tmp_path / naam.format(dood=dood.pid)
    (rest / "inhoud").mkdir(parents=True)
    map_ = nieuwe_bouwmap(tmp_path / "site")
    try:
        assert rest.exists() is not opgeruimd
    finally:
        ruim_op(map_)


def test_cleaning_up_removes_only_this_process_build_folder(tmp_path):
    eigen = tmp_path / "eigen"
    (eigen / "werk").mkdir(parents=True)
    ruim_op(eigen)
    ruim_op(tmp_path / f".site-bouw-{os.getpid() + 1}-abc12345")
    assert (eigen / "werk").is_dir()
    map_ = nieuwe_bouwmap(tmp_path / "site")
    ruim_op(map_)
    assert not map_.exists()


# --- The writer's last line: nothing is written outside the output folder ---------------------------------


@pytest.mark.parametrize(
    "uri",
    ["/index.md", "../x.md", "a//b.md", "a\\b.md", "a/\nb.md", "a\x00.md", "a\x1b[31m.md", "", ".", "..", "a/./b.md"]
    + [".verborgen/index.md", "a/", "Hoofd.md", "é/index.md", "a b.md", "a/../../etc/passwd"],
)
def test_a_page_outside_the_site_cannot_be_made(uri):
    assert not veilig_adres(uri)
    with pytest.raises(OnveiligAdres):
        Pagina(uri, "inhoud")


@pytest.mark.parametrize("uri", ["index.md", "besluiten/0001-x.md", "data/besluiten.json", "schemas/a.schema.json"])
def test_ordinary_pages_are_made(uri):
    assert Pagina(uri, "x").uri == uri


def test_the_tree_writer_refuses_a_target_outside_its_folder_even_past_the_page_check(tmp_path):
    from regioagenda.publiceren.boom import _schrijf

    map_, buiten = tmp_path / "bouw", tmp_path / "buiten"
    map_.mkdir()
    buiten.mkdir()
    (map_ / "link").symlink_to(buiten)
    for relatief in ("../buiten/x.md", "link/x.md", str(buiten / "y.md"), ""):
        with pytest.raises(OnveiligAdres):
            _schrijf(map_, relatief, b"weg")
    assert list(buiten.iterdir()) == []
    _schrijf(map_, "a/b.md", b"goed")
    assert (map_ / "a" / "b.md").read_bytes() == b"goed"


def test_a_folder_word_that_addresses_nothing_stops_the_build_and_keeps_the_site(programma, tmp_path, monkeypatch):
    from regioagenda.publiceren.boom import bouw_boom
    from regioagenda.samenstellen import adressen

    import datetime as dt

    site = tmp_path / "site"
    assert bouw_boom(programma.root, site, dt.date(2024, 3, 1)) == []
    voor = _vingerafdruk(tmp_path)
    oorspronkelijk = adressen.Adressen.__init__

    def leeg_woord(self, termen=None):
        oorspronkelijk(self, termen)
        self.onderdelenmap = ""  # what a word that slugifies to nothing gave: '/index.md'
        self.DEELOPDRACHTEN = f"{self.onderdelenmap}/index.md"

    monkeypatch.setattr(adressen.Adressen, "__init__", leeg_woord)
    with pytest.raises(OnveiligAdres):
        bouw_boom(programma.root, site, dt.date(2024, 3, 1))
    assert _vingerafdruk(tmp_path) == voor


# --- Class 1: the private source lives outside the repository ------------------------------------------------


@pytest.mark.parametrize("instelling", ["docs/prive", "decisions/prive", "prive", ".", "agenda"])
def test_a_private_source_inside_the_programme_is_refused_and_never_read(programma, tmp_path, instelling):
    _met_bron(programma, instelling)
    regel = 1 + programma.pad("agenda/programma.yml").read_text(encoding="utf-8").splitlines().index(
        f"vertrouwelijke_bron: {instelling}"
    )
    uit = agenda("controleer", "--map", str(programma.root))
    assert uit.returncode == 1
    assert f"agenda/programma.yml:{regel}: de vertrouwelijke bron 'vertrouwelijke_bron:" in uit.stderr
    assert "de repository" in uit.stderr
    bronnen = verzamel(programma.root, vertrouwelijk=True)
    assert bronnen.prive is None
    assert all(doc.pad == f"decisions/{Path(doc.pad).name}" for doc in bronnen.besluit.values())
    # The public build, which never reads the private source, refuses the setting just the same.
    assert any(str(p).startswith(f"agenda/programma.yml:{regel}:") for p in laad(programma.root).problemen)


def test_inside_the_git_work_tree_is_inside_the_repository(programma, tmp_path):
    """A programme in a subfolder of a repository: '../prive' is still in the repository."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    assert repository(programma.root) == tmp_path.resolve()
    _met_bron(programma, "../prive")
    assert any("ligt binnen de repository" in str(p) for p in laad(programma.root).problemen)


def test_a_source_that_holds_the_repository_is_refused(programma):
    _met_bron(programma, "..")
    assert any("bevat de repository" in str(p) for p in laad(programma.root).problemen)


def test_a_link_outside_that_leads_inside_is_refused(programma, tmp_path):
    (programma.root / "docs" / "prive" / "decisions").mkdir(parents=True)
    (tmp_path / "prive").symlink_to(programma.root / "docs" / "prive")
    _met_bron(programma, "../prive")
    assert any("ligt binnen de repository" in str(p) for p in laad(programma.root).problemen)


def test_the_environment_variable_is_named_when_it_points_inside(programma, monkeypatch):
    (programma.root / "docs" / "prive" / "decisions").mkdir(parents=True)
    monkeypatch.setenv("AGENDA_VERTROUWELIJK", str(programma.root / "docs" / "prive"))
    problemen = [str(p) for p in laad(programma.root).problemen]
    assert any(p.startswith("agenda/programma.yml:1: de vertrouwelijke bron AGENDA_VERTROUWELIJK") for p in problemen)


def test_commands_never_write_confidential_records_into_a_source_inside(programma, tmp_path):
    _met_bron(programma, "docs/prive")
    voor = _vingerafdruk(tmp_path)
    uit = agenda(
        "nieuw", "besluit", "--map", str(programma.root), "--titel", "Geheim", "--soort", "besluit",
        "--samenvatting", "G.", "--datum", "2024-05-01", "--vertrouwelijk",
    )  # fmt: skip
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
    assert "er wordt niets geschreven zolang de vertrouwelijke bron binnen de repository ligt" in uit.stderr
    stap = agenda(
        "stap", "3", "--map", str(programma.root), "--gremium", "kernteam", "--uitkomst", "besproken",
        "--datum", "2024-03-05",
    )  # fmt: skip
    assert stap.returncode == 1 and "binnen de repository" in stap.stderr
    assert _vingerafdruk(tmp_path) == voor
    with pytest.raises(Geweigerd, match="binnen de repository"):
        zet_stap(programma.root, 3, datum="2024-03-05", gremium="kernteam", uitkomst="besproken")


def test_a_private_source_without_decisions_is_a_problem(programma, tmp_path):
    (tmp_path / "prive").mkdir()
    programma.vervang(
        "agenda/programma.yml",
        'titel: "Testprogramma Zuid"',
        'titel: "Testprogramma Zuid"\nvertrouwelijke_bron: ../prive',
    )
    problemen = [str(p) for p in laad(programma.root, vertrouwelijk=True).problemen]
    assert "agenda/programma.yml:2: de vertrouwelijke bron ../prive/ heeft geen map decisions/" in "\n".join(problemen)
    with pytest.raises(Geweigerd, match="heeft geen map decisions/"):
        nieuw_besluit(
            programma.root, titel="G", soort="besluit", samenvatting="G.", datum="2024-05-01", vertrouwelijk=True
        )
    assert not (tmp_path / "prive" / "decisions").exists()


@pytest.mark.parametrize("naam", ["0002-nazorg-verkennen.md", "0002-iets-anders.md"])
def test_a_number_in_both_sources_is_refused_in_both(programma, naam):
    _met_bron(programma, "../prive", nummer=2, naam=naam)
    problemen = [str(p) for p in laad(programma.root, vertrouwelijk=True).problemen]
    assert (
        f"../prive/decisions/{naam}:1: besluitnummer 2 staat ook in de openbare decisions/0002-nazorg-verkennen.md"
        in ("\n".join(problemen))
    )
    assert any(
        p.startswith("decisions/0002-nazorg-verkennen.md:1: besluitnummer 2 staat ook in de vertrouwelijke")
        for p in problemen
    )
    assert "Traceback" not in agenda("controleer", "--map", str(programma.root)).stderr


def test_prive_bron_answers_without_reading_records(programma, tmp_path):
    assert prive_bron(programma.root) is None
    _met_bron(programma, "docs/prive")
    assert prive_bron(programma.root) == (programma.root / "docs" / "prive").resolve()
    programma.vervang("agenda/programma.yml", "vertrouwelijke_bron: docs/prive", "vertrouwelijke_bron: ../weg")
    assert prive_bron(programma.root) == (tmp_path / "weg").resolve()  # set but absent: still named


# --- File names: whole ids only -----------------------------------------------------------------------------


def test_a_new_record_id_with_a_trailing_newline_writes_nothing(programma, tmp_path):
    voor = _vingerafdruk(tmp_path)
    uit = agenda("nieuw", "onderdeel", "--map", str(programma.root), "--titel", "Weg", "--id", "abc\n")
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
    assert "'abc\\n' is geen geldige id" in uit.stderr
    assert _vingerafdruk(tmp_path) == voor


@pytest.mark.parametrize(
    "pad",
    [
        "agenda/deelopdrachten/abc\n.md",
        "agenda/deelopdrachten/Hoofd.md",
        "agenda/deelopdrachten/een twee.md",
        "agenda/deelopdrachten/café.md",
        "decisions/0003-nieuw\n.md",
        "decisions/0003-Nieuw.md",
        "agenda/versies/2024.1\n.md",
    ],
)
def test_a_record_file_name_that_is_not_a_whole_id_is_a_problem(programma, pad):
    programma.schrijf(pad, "---\ntitel: x\n---\n")
    problemen = [str(p) for p in laad(programma.root).problemen]
    zichtbaar = pad.replace("\n", "\\n")
    assert any(p.startswith(f"{zichtbaar}:1: bestandsnaam") for p in problemen), problemen
    uit = agenda("controleer", "--map", str(programma.root))
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
