"""Partial and unknown ratifications, said as the source says them: '17 van de 18 gemeenteraden; welke, staat niet
in de bron', and a member whose state the source does not give. Never open, never waiting, never late."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator
from sitebouw import agenda, mkdocs_build, pagina, tekst

from regioagenda.model.vocab import RegioStatus
from regioagenda.model import overzicht


@pytest.fixture
def gedeeld(programma):
    """Noordoever with two municipalities; an accorded decision adopted by one of them (unnamed), Zuidoever
    unknown."""
    root = str(programma.root)
    for naam in ("Oostdorp", "Westdorp"):
        uit = agenda("nieuw", "regio", "--map", root, "--naam", naam, "--boven", "noordoever")
        assert uit.returncode == 0, uit.stderr
    uit = agenda(
        "nieuw",
        "besluit",
        "--map",
        root,
        "--titel",
        "Regiovisie",
        "--soort",
        "besluit",
        "--samenvatting",
        "De regiovisie jeugd.",
        "--datum",
        "2021-01-04",
    )
    assert uit.returncode == 0, uit.stderr
    nummer = max(programma.agenda().besluiten)
    for gremium, uitkomst, datum in (
        ("kernteam", "geadviseerd", "2021-02-01"),
        ("bestuur", "geaccordeerd", "2021-03-01"),
    ):
        uit = agenda("stap", str(nummer), "--map", root, "--gremium", gremium, "--uitkomst", uitkomst, "--datum", datum)
        assert uit.returncode == 0, uit.stderr
    uit = agenda(
        "stap",
        str(nummer),
        "--map",
        root,
        "--regio",
        "noordoever",
        "--stap",
        "raad",
        "--uitkomst",
        "vastgesteld",
        "--datum",
        "2021",
        "--aantal",
        "1",
        "--van",
        "2",
        "--toelichting",
        "welke, staat niet in de bron",
    )
    assert uit.returncode == 0, uit.stderr
    assert "in Noordoever: deels vastgesteld" in uit.stdout
    bestand = next(programma.root.glob(f"decisions/{nummer:04d}-*.md"))
    tekst_ = bestand.read_text("utf-8").replace("regionaal:\n", "regionaal:\n  zuidoever: onbekend\n", 1)
    bestand.write_text(tekst_, "utf-8")
    return programma, nummer, bestand


def test_a_count_without_names_and_an_unknown_member_are_neither_open_nor_late(gedeeld):
    programma, nummer, _ = gedeeld
    a = programma.agenda()
    b = a.besluiten[nummer]
    assert a.regio_status(b, "noordoever") is RegioStatus.DEELS_VASTGESTELD
    assert a.regio_status(b, "oostdorp") is RegioStatus.ONBEKEND  # it may or may not be the one that adopted it
    assert a.regio_status(b, "zuidoever") is RegioStatus.ONBEKEND
    laat = dt.date(2030, 1, 1)  # long after every term
    for regio in a.programma.regios:
        assert not b.regio_te_laat(regio, laat, a.regio_status(b, regio.id))
    assert a.status(b).value == "geaccordeerd"
    assert [w for w in overzicht.wachtende_bekrachtigingen(a, laat) if w.besluit.nummer == nummer] == []


def test_the_site_says_how_many_and_that_the_rest_is_not_known(gedeeld, tmp_path):
    programma, nummer, _ = gedeeld
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2026-06-01")
    assert resultaat.returncode == 0, resultaat.stderr
    besluit = tekst(pagina(site, f"besluiten/{nummer:04d}-regiovisie"))
    # the rows: status, last step, date, days waiting — no days for either
    assert "Noordoever deels vastgesteld (1 van 2) Gemeenteraad 2021 —" in besluit
    assert "Zuidoever onbekend — — —" in besluit
    assert "Samen: 1 deels vastgesteld; 1 onbekend." in besluit
    assert "Noordoever, 2021 (Gemeenteraad: vastgesteld): welke, staat niet in de bron" in besluit
    assert "te laat" not in besluit
    spoor = tekst(pagina(site, "regios/zuidoever"))
    nog_te_besluiten, alle = spoor.split("Nog te besluiten", 1)[1].split("Alle besluiten", 1)
    assert "Regiovisie" not in nog_te_besluiten and f"Besluit {nummer}: Regiovisie geaccordeerd onbekend —" in alle
    data = json.loads((site / "data" / "besluiten.json").read_text("utf-8"))
    schema = json.loads((site / "schemas" / "data-besluiten.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    (regels,) = [b["regionaal"] for b in data["besluiten"] if b["nummer"] == nummer]
    assert regels["noordoever"]["status"] == "deels-vastgesteld" and regels["zuidoever"]["status"] == "onbekend"


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        ("aantal: 1, van: 2", "aantal: 3, van: 2", "aantal 3 is meer dan van 2 — hoogstens 2"),
        ("aantal: 1, van: 2", "aantal: 1, van: 18", "van 18, maar Noordoever heeft 2 onderdelen"),
        (
            "uitkomst: vastgesteld, aantal: 1",
            "uitkomst: geagendeerd, aantal: 1",
            "'aantal' bij de uitkomst 'geagendeerd'",
        ),
        ("zuidoever: onbekend", "nergensoord: onbekend", "onbekende regio 'nergensoord'"),
        ("zuidoever: onbekend", "zuidoever: onbekent", "past niet bij 'zuidoever'"),
    ],
)
def test_counts_and_unknowns_that_cannot_be_true_are_refused_with_their_line(gedeeld, oud, nieuw, melding):
    programma, _, bestand = gedeeld
    programma.vervang(str(bestand.relative_to(programma.root)), oud, nieuw)
    problemen = programma.problemen()
    assert any(melding in p for p in problemen), problemen
    assert all(p.startswith(str(bestand.relative_to(programma.root)) + ":") for p in problemen)


def test_which_regions_a_record_concerns_can_be_unknown_besides_all_some_and_none(programma, tmp_path):
    programma.vervang("decisions/0002-nazorg-verkennen.md", "titel:", "regios: onbekend\ntitel:")
    onderdeel = next(programma.root.glob("agenda/deelopdrachten/*.md"))
    relatief = str(onderdeel.relative_to(programma.root))
    programma.vervang(relatief, "titel:", "regios: onbekend\ntitel:")
    a = programma.agenda()
    assert not a.besluiten[2].regios_bekend and a.besluiten[2].regios == ()
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2026-06-01")
    assert resultaat.returncode == 0, resultaat.stderr
    besluit = tekst(pagina(site, "besluiten/0002-nazorg-verkennen"))
    assert "Welke regio's dit besluit moeten bekrachtigen, staat niet in de bron." in besluit
    assert "niet van toepassing" not in besluit
    charter = tekst(pagina(site, f"deelopdrachten/{onderdeel.stem}"))
    assert "welke regio's, staat niet in de bron" in charter and "alle regio's" not in charter
    data = json.loads((site / "data" / "besluiten.json").read_text("utf-8"))
    assert [b["regios"] for b in data["besluiten"] if b["nummer"] == 2] == ["onbekend"]
    schema = json.loads((site / "schemas" / "data-besluiten.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []


def test_a_regional_step_names_the_organ_that_decided_from_the_programme_s_list(programma, tmp_path):
    programma.vervang(
        "agenda/programma.yml",
        "gremia:",
        'organen:\n  - {id: raad, naam: "Gemeenteraad"}\n  - {id: college, naam: "College van B&W"}\ngremia:',
    )
    root = str(programma.root)
    uit = agenda(
        "stap",
        "1",
        "--map",
        root,
        "--regio",
        "zuidoever",
        "--uitkomst",
        "vastgesteld",
        "--datum",
        "2024-03-20",
        "--orgaan",
        "raad",
    )
    assert uit.returncode == 0, uit.stderr
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2024-06-01")
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Zuidoever, 20 maart 2024 (Algemeen bestuur: vastgesteld door Gemeenteraad)" in tekst(
        pagina(site, "besluiten/0001-crisisbedden-borgen")
    )
    assert "vastgesteld door Gemeenteraad" in tekst(pagina(site, "regios/zuidoever"))
    uit = agenda(
        "stap",
        "2",
        "--map",
        root,
        "--regio",
        "zuidoever",
        "--uitkomst",
        "geagendeerd",
        "--datum",
        "2024-04-20",
        "--orgaan",
        "raadd",
    )
    assert uit.returncode == 1 and "onbekend orgaan 'raadd'" in uit.stderr and "bedoelde u 'raad'?" in uit.stderr


def test_each_level_of_the_region_tree_has_its_own_words(gedeeld, tmp_path):
    programma, nummer, _ = gedeeld
    programma.vervang(
        "agenda/programma.yml", "gremia:", "niveaus:\n  - {enkelvoud: gemeente, meervoud: gemeenten}\ngremia:"
    )
    assert agenda("nieuw", "onderdeel", "--map", str(programma.root), "--titel", "Lokale teams").returncode == 0
    programma.vervang("agenda/deelopdrachten/lokale-teams.md", "titel:", "regios: [oostdorp, westdorp]\ntitel:")
    site = tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, "2026-06-01")
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Bestaat uit de gemeenten: Oostdorp, Westdorp." in tekst(pagina(site, "regios/noordoever"))
    assert "Gemeenten Oostdorp, Westdorp" in tekst(pagina(site, "deelopdrachten/lokale-teams"))
    # the programme's own level keeps the programme's word
    assert "Regio Status Laatste stap" in tekst(pagina(site, f"besluiten/{nummer:04d}-regiovisie"))
