"""Commands that edit records: byte-exact splices, refusals that leave files untouched, new records."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from regioagenda.werkstroom.opdrachten import Geweigerd, nieuw_besluit, nieuwe_deelopdracht, nieuwe_nulplaat, zet_stap

RONDGANG = Path(__file__).parent / "fixtures" / "rondgang"
NAZORG = "decisions/0002-nazorg-verkennen.md"
CRISIS = "decisions/0001-crisisbedden-borgen.md"


def _alleen_ingevoegd(oud: bytes, nieuw: bytes) -> bytes:
    """The bytes that were inserted, asserting everything else is unchanged and in place."""
    begin = 0
    while begin < len(oud) and oud[begin] == nieuw[begin]:
        begin += 1
    einde = 0
    while einde < len(oud) - begin and oud[len(oud) - 1 - einde] == nieuw[len(nieuw) - 1 - einde]:
        einde += 1
    assert oud[:begin] + oud[len(oud) - einde :] == oud
    return nieuw[begin : len(nieuw) - einde]


@pytest.mark.parametrize("variant", sorted(p.name for p in RONDGANG.glob("*.md")))
def test_step_is_spliced_byte_exact(programma, variant):
    shutil.copy(RONDGANG / variant, programma.pad(NAZORG))
    oud = programma.pad(NAZORG).read_bytes()
    zet_stap(
        programma.root, 2, datum="2024-04-05", gremium="kernteam", uitkomst="besproken", toelichting='Eerste "ronde"'
    )
    nieuw = programma.pad(NAZORG).read_bytes()
    ingevoegd = _alleen_ingevoegd(oud, nieuw)
    assert b"2024-04-05" in ingevoegd and b"kernteam" in ingevoegd and b'Eerste \\"ronde\\"' in ingevoegd
    if b"\r\n" in oud:
        assert ingevoegd.count(b"\n") == ingevoegd.count(b"\r\n")
    assert nieuw.startswith(b"\xef\xbb\xbf") == oud.startswith(b"\xef\xbb\xbf")
    agenda = programma.agenda()
    laatste = agenda.besluiten[2].verloop[-1]
    verwacht = ("2024-04-05", "besproken", 'Eerste "ronde"')
    assert (laatste.datum.iso, laatste.uitkomst.id, laatste.toelichting) == verwacht


def test_regional_steps_create_missing_levels_and_append(programma):
    oud = programma.pad(CRISIS).read_bytes()
    zet_stap(programma.root, 1, regio="zuidoever", datum="2024-03-02", uitkomst="geagendeerd")
    zet_stap(programma.root, 1, regio="zuidoever", datum="2024-03-20", uitkomst="vastgesteld")
    ingevoegd = _alleen_ingevoegd(oud, programma.pad(CRISIS).read_bytes())
    assert ingevoegd == (
        b"  zuidoever:\n    - {datum: 2024-03-02, stap: algemeen-bestuur, uitkomst: geagendeerd}\n"
        b"    - {datum: 2024-03-20, stap: algemeen-bestuur, uitkomst: vastgesteld}\n"
    )
    assert programma.agenda().besluiten[1].regio_status("zuidoever").value == "vastgesteld"


@pytest.mark.parametrize(
    ("besluit", "argumenten", "melding"),
    [
        (
            2,
            {"gremium": "bestuurr", "uitkomst": "besproken", "datum": "2024-04-05"},
            "onbekend gremium 'bestuurr'",
        ),
        (
            2,
            {"gremium": "kernteam", "uitkomst": "besproken", "datum": "2024-03-01"},
            "stap van 2024-03-01 staat na een stap van 2024-04-01",
        ),
        (2, {"gremium": "kernteam", "uitkomst": "besproken", "datum": "2024-02-30"}, "'2024-02-30' bestaat niet"),
        (
            2,
            {"regio": "zuidoever", "stap": "raad", "uitkomst": "vastgesteld", "datum": "2024-05-01"},
            "onbekende routestap van zuidoever 'raad'",
        ),
        (
            1,
            {"regio": "noordoever", "stap": "raad", "uitkomst": "vastgesteld", "datum": "2024-04-01"},
            "stap nadat noordoever al 'vastgesteld' heeft besloten",
        ),
        (
            1,
            {"regio": "westoever", "uitkomst": "vastgesteld", "datum": "2024-04-01"},
            "onbekende regio 'westoever' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met hun "
            "'onderdelen') in agenda/programma.yml",
        ),
        (
            1,
            {"regio": "noordoever", "uitkomst": "vastgesteld", "datum": "2024-04-01"},
            "regio 'noordoever' heeft meer routestappen — geef --stap, een van: college, raad",
        ),
        (9, {"gremium": "kernteam", "uitkomst": "besproken", "datum": "2024-04-05"}, "besluit 9 bestaat niet"),
        (
            2,
            {"gremium": "kernteam", "uitkomst": "gewonnen", "datum": "2024-04-05"},
            "onbekende waarde 'gewonnen' voor 'uitkomst'",
        ),
    ],
)
def test_refused_steps_leave_the_file_untouched(programma, besluit, argumenten, melding):
    voor = {p: p.read_bytes() for p in programma.root.rglob("*") if p.is_file()}
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, besluit, **argumenten)
    assert any(melding in p for p in fout.value.problemen), fout.value.problemen
    assert {p: p.read_bytes() for p in programma.root.rglob("*") if p.is_file()} == voor


def test_stap_command_in_dutch(programma):
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "stap",
            "2",
            "--map",
            str(programma.root),
            "--gremium",
            "kernteam",
            "--uitkomst",
            "geadviseerd",
            "--datum",
            "2024-04-08",
        ],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, uit.stderr
    assert (
        uit.stdout.strip()
        == "Stap vastgelegd in decisions/0002-nazorg-verkennen.md. Besluit 2 is nu: ter besluitvorming."
    )
    fout = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "stap",
            "2",
            "--map",
            str(programma.root),
            "--gremium",
            "bestuur",
            "--uitkomst",
            "geaccordeerd",
            "--datum",
            "2024-04-01",
        ],
        capture_output=True,
        text=True,
    )
    assert fout.returncode == 1
    assert fout.stderr.endswith("Er is niets gewijzigd.\n") and "Traceback" not in fout.stderr


def test_new_records_are_valid_scaffolds(programma):
    besluit = nieuw_besluit(
        programma.root,
        titel="Één extra crisisbed",
        soort="signaal",
        samenvatting="Er is meer vraag.",
        datum="2024-05-01",
        deelopdrachten=["crisisopvang"],
    )
    assert besluit.pad == "decisions/0003-een-extra-crisisbed.md"
    tekst = programma.pad(besluit.pad).read_text(encoding="utf-8")
    for kop in ("## Aanleiding", "## Besluit", "## Gevolgen", "## Overwogen alternatieven"):
        assert kop in tekst
    deel = nieuwe_deelopdracht(programma.root, titel="Nazorg thuis", prioriteit="normaal", kruisverbanden=["nazorg"])
    assert deel.pad == "agenda/deelopdrachten/nazorg-thuis.md"
    plaat = nieuwe_nulplaat(
        programma.root, titel="Nulplaat crisisopvang 2026", peildatum="2026-01-15", vervangt="crisisopvang-2025"
    )
    agenda = programma.agenda()
    nieuw = agenda.nulplaten["nulplaat-crisisopvang-2026"]
    assert plaat.pad.endswith("nulplaat-crisisopvang-2026.md")
    assert [k.wat for k in nieuw.knoppen] == [k.wat for k in agenda.nulplaten["crisisopvang-2025"].knoppen]
    assert nieuw.deelopdracht == "crisisopvang" and agenda.besluiten[3].soort.value == "signaal"


def test_new_refuses_invalid_input_and_writes_nothing(programma):
    voor = sorted(programma.root.rglob("*"))
    with pytest.raises(Geweigerd) as fout:
        nieuw_besluit(
            programma.root,
            titel="X",
            soort="signaal",
            samenvatting="Y",
            datum="2024-05-01",
            deelopdrachten=["bestaat-niet"],
        )
    assert any("onbekende deelopdracht 'bestaat-niet'" in p for p in fout.value.problemen)
    with pytest.raises(Geweigerd):
        nieuwe_deelopdracht(programma.root, titel="Nazorg")  # nazorg.md exists
    assert sorted(programma.root.rglob("*")) == voor


def test_new_without_terminal_names_the_missing_flag(programma):
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "new",
            "besluit",
            "--map",
            str(programma.root),
            "--titel",
            "X",
            "--soort",
            "signaal",
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert uit.returncode == 2
    assert uit.stderr.startswith("Fout: --samenvatting ontbreekt")


def test_step_in_a_file_with_cr_line_endings(programma):
    programma.pad(NAZORG).write_bytes(programma.pad(NAZORG).read_bytes().replace(b"\n", b"\r"))
    zet_stap(programma.root, 2, datum="2024-04-05", gremium="kernteam", uitkomst="besproken")
    nieuw = programma.pad(NAZORG).read_bytes()
    assert b"\n" not in nieuw and b"{datum: 2024-04-05, gremium: kernteam, uitkomst: besproken}\r" in nieuw
    assert programma.agenda().besluiten[2].verloop[-1].uitkomst.id == "besproken"


@pytest.mark.parametrize("teken", ["\u2028", "\x85", "\x0c"])
def test_step_refused_cleanly_when_the_record_has_a_line_separator(programma, teken):
    programma.vervang(NAZORG, 'titel: "Nazorg verkennen"', f'titel: "Nazorg{teken}verkennen"')
    oud = programma.pad(NAZORG).read_bytes()
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, 2, datum="2024-04-05", gremium="kernteam", uitkomst="besproken")
    assert fout.value.problemen[0] == f"{NAZORG} bevat fouten; los die eerst op:"
    assert any(f"U+{ord(teken):04X}" in p for p in fout.value.problemen[1:])
    assert programma.pad(NAZORG).read_bytes() == oud


def test_future_steps_are_refused_unless_planned(programma):
    import datetime as dt

    oud = programma.pad(NAZORG).read_bytes()
    with pytest.raises(Geweigerd) as fout:
        zet_stap(
            programma.root,
            2,
            datum="2024-06-01",
            gremium="kernteam",
            uitkomst="geadviseerd",
            peildatum=dt.date(2024, 5, 1),
        )
    assert "na vandaag (2024-05-01)" in fout.value.problemen[0] and "--gepland" in fout.value.problemen[0]
    assert programma.pad(NAZORG).read_bytes() == oud
    zet_stap(
        programma.root,
        2,
        datum="2024-06-01",
        gremium="kernteam",
        uitkomst="geadviseerd",
        gepland=True,
        peildatum=dt.date(2024, 5, 1),
    )
    assert b"gepland: true}" in programma.pad(NAZORG).read_bytes()
    besluit = programma.agenda().besluiten[2]
    assert programma.agenda().status(besluit).value == "voorgesteld"  # a plan is not a fact
    assert [s.uitkomst.id for s in besluit.gepland] == ["geadviseerd"]


def test_a_step_taken_after_a_planned_one_is_refused(programma):
    programma.vervang(
        NAZORG,
        "uitkomst: ingebracht}",
        "uitkomst: ingebracht}\n  - {datum: 2024-06-01, gremium: kernteam, uitkomst: geadviseerd, gepland: true}",
    )
    assert programma.problemen() == []
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, 2, datum="2024-06-02", gremium="kernteam", uitkomst="geadviseerd")
    assert "gezette stap na een geplande stap" in str(fout.value)


@pytest.mark.parametrize("id_", ["../../../escape", "/tmp/x/y", "a/b", "Hoofd", "..", "x" * 81])
def test_new_record_ids_are_checked_before_any_path_is_built(programma, tmp_path, id_):
    voor = sorted(p for p in tmp_path.rglob("*"))
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "new",
            "deelopdracht",
            "--map",
            str(programma.root),
            "--titel",
            "Weg",
            "--id",
            id_,
        ],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1 and "Traceback" not in uit.stderr
    assert f"'{id_}' is geen geldige id — kleine letters, cijfers en streepjes" in uit.stderr
    assert sorted(p for p in tmp_path.rglob("*")) == voor
