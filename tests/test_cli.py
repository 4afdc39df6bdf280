"""The agenda command as a project group and a coordinator use it."""

from __future__ import annotations


from sitebouw import agenda


def test_check_on_the_real_programme_is_clean():
    uit = agenda("check")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("Alles in orde. Besluiten: 4, deelopdrachten: 7, hoofdstukken: 21, nulplaten: 1.")


def test_check_reports_every_problem_in_dutch_and_exits_1(programma):
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    programma.schrijf("decisions/0003-open.md", "---\nnummer: 3\n")
    programma.vervang("agenda/deelopdrachten/nazorg.md", "volgorde: 2\n", "volgorde: 2\n\tfout: ja\n")
    uit = agenda("check", "--map", str(programma.root))
    assert uit.returncode == 1
    regels = uit.stderr.strip().splitlines()
    assert regels == [
        "agenda/deelopdrachten/nazorg.md:4: tab gebruikt om in te springen — spring in met spaties, niet met tabs",
        "decisions/0001-crisisbedden-borgen.md:4: onbekende waarde 'besluitt' voor 'soort' — een van "
        "'agendawijziging', "
        "'besluit', 'signaal', 'vaststelling'; bedoelde u 'besluit'?",
        "decisions/0003-open.md:1: de front matter wordt niet afgesloten — een regel met alleen '---' na de laatste "
        "sleutel",
        "3 problemen gevonden in 3 bestanden.",
    ]
    assert "Traceback" not in uit.stderr + uit.stdout


def test_build_writes_a_markdown_tree_without_mkdocs(programma, tmp_path):
    uit = agenda("build", "--map", str(programma.root), "--out", str(tmp_path / "boom"), "--peildatum", "2024-03-01")
    assert uit.returncode == 0, uit.stderr
    boom = tmp_path / "boom"
    assert (boom / "over.md").read_text(encoding="utf-8").startswith("# Over deze site")  # hand-written docs/
    besluit = (boom / "besluiten" / "0001-crisisbedden-borgen.md").read_text(encoding="utf-8")
    assert besluit.startswith("# Besluit 1: Crisisbedden borgen")
    assert "agenda-status--geaccordeerd" in besluit
    assert (boom / "schemas" / "besluit.schema.json").is_file()
    assert "peildatum 2024-03-01" in uit.stdout


def test_failed_build_leaves_the_previous_tree_intact(programma, tmp_path):
    boom = tmp_path / "boom"
    assert (
        agenda("build", "--map", str(programma.root), "--out", str(boom), "--peildatum", "2024-03-01").returncode == 0
    )
    voor = sorted(p.relative_to(boom).as_posix() for p in boom.rglob("*"))
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    uit = agenda("build", "--map", str(programma.root), "--out", str(boom), "--peildatum", "2024-03-01")
    assert uit.returncode == 1
    assert "Er is niets geschreven." in uit.stderr
    assert sorted(p.relative_to(boom).as_posix() for p in boom.rglob("*")) == voor


def test_same_input_gives_the_same_bytes(programma, tmp_path):
    for naam in ("a", "b"):
        assert (
            agenda(
                "build", "--map", str(programma.root), "--out", str(tmp_path / naam), "--peildatum", "2024-03-01"
            ).returncode
            == 0
        )
    a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert a == b and len(a) > 5


def test_bad_peildatum_is_explained():
    uit = agenda("build", "--out", "/tmp/niet-gebruikt", "--peildatum", "14-02-2024")
    assert uit.returncode == 2
    assert "'14-02-2024' is geen datum — verwacht JJJJ-MM-DD" in uit.stderr


def test_every_help_screen_is_dutch():
    schermen = [
        [],
        ["check"],
        ["build"],
        ["bekijk"],
        ["init"],
        ["new"],
        ["new", "besluit"],
        ["new", "deelopdracht"],
        ["new", "nulplaat"],
        ["stap"],
        ["status"],
        ["vaststellen"],
        ["wijzigingen"],
    ]
    for scherm in schermen:
        uit = agenda(*scherm, "--help")
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout.startswith(f"Gebruik: agenda {' '.join(scherm)}".rstrip()), uit.stdout
        assert "Opties:" in uit.stdout and "Toon deze hulp en stop." in uit.stdout
        for engels in (
            "Usage",
            "Options",
            "Commands",
            "Show this message",
            "default:",
            "required",
            " TEXT",
            "DIRECTORY",
        ):
            assert engels not in uit.stdout, (scherm, engels)
        # every option explains itself: no option line without a help text
        opties = [r for r in uit.stdout.splitlines() if r.startswith("  -")]
        kaal = [r for r in opties if len(r.split()) <= 2 and not r.rstrip().endswith("]")]
        assert kaal == [], (scherm, kaal)


def test_dutch_verbs_with_the_earlier_ones_as_aliases(programma, tmp_path):
    hulp = agenda("--help").stdout
    for werkwoord in ("controleer", "bouw", "nieuw", "start", "stap", "vaststellen", "status", "wijzigingen"):
        assert f"  {werkwoord} " in hulp
    for oud in ("check", "build", "new", "init"):
        assert f"  {oud} " not in hulp
    assert (
        agenda("controleer", "--map", str(programma.root)).stdout
        == agenda("check", "--map", str(programma.root)).stdout
    )
    assert agenda("new", "deelopdracht", "--map", str(programma.root), "--titel", "Oud werkwoord").returncode == 0
    assert agenda("nieuw", "deelopdracht", "--map", str(programma.root), "--titel", "Nieuw werkwoord").returncode == 0
    assert (
        agenda(
            "bouw", "--map", str(programma.root), "--out", str(tmp_path / "boom"), "--peildatum", "2024-03-01"
        ).returncode
        == 0
    )


def test_a_programme_is_filled_in_with_commands_not_by_editing_yaml(programma):
    """Bodies, regions with their municipalities, sources and chapters, each with one command; the check passes."""
    stappen = [
        (["gremium", "--naam", "Regiegroep Oost", "--rol", "Bereidt voor."], "Gremium toegevoegd aan"),
        (["regio", "--naam", "Fryslân", "--gemeente", "Súdwest-Fryslân", "--gemeente", "Leeuwarden"], "Regio"),
        (["bron", "--titel", "Transformatieagenda Oost", "--datum", "2023-09-25"], "Bron toegevoegd aan"),
        (["hoofdstuk", "--titel", "Slot", "--nummer", "3"], "Hoofdstuk aangemaakt: agenda/hoofdstukken/slot.md"),
    ]
    for argumenten, begin in stappen:
        uit = agenda("nieuw", *argumenten, "--map", str(programma.root))
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout.startswith(begin)
    assert agenda("controleer", "--map", str(programma.root)).returncode == 0
    agenda_ = programma.agenda()
    assert agenda_.programma.gremium("regiegroep-oost").naam == "Regiegroep Oost"
    assert [r.naam for r in agenda_.programma.delen(agenda_.programma.regio("fryslan"))] == [
        "Súdwest-Fryslân",
        "Leeuwarden",
    ]
    assert "slot" in agenda_.hoofdstukken
    dubbel = agenda("nieuw", "gremium", "--naam", "Regiegroep Oost", "--map", str(programma.root))
    assert dubbel.returncode == 1
    assert "gremium 'regiegroep-oost' bestaat al — kies een andere id" in dubbel.stderr


def test_a_decision_without_a_programme_route_gets_an_empty_route(programma):
    uit = agenda(
        "nieuw", "besluit", "--titel", "Verordening jeugdhulp", "--soort", "besluit", "--samenvatting", "Elke raad.",
        "--zonder-route", "--map", str(programma.root),
    )  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    pad = uit.stdout.split("Nieuw besluit: ")[1].split(". ")[0]
    assert "\nverloop: []\n" in (programma.root / pad).read_text("utf-8")
    besluit = next(b for b in programma.agenda().besluiten.values() if b.titel == "Verordening jeugdhulp")
    assert besluit.stappen == ()
    stap = agenda(
        "stap", str(besluit.nummer), "--regio", "zuidoever", "--uitkomst", "vastgesteld", "--datum", "2024-03-01",
        "--map", str(programma.root),
    )  # fmt: skip
    assert stap.returncode == 0, stap.stderr
