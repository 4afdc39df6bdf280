"""Nulplaten: snapshots, what changed between them, and the board on the built site."""

from __future__ import annotations

from sitebouw import mkdocs_build, pagina, tekst

from regioagenda.model.nulplaatverschil import vergelijk

OUD = "agenda/nulplaten/crisisopvang-2024.md"
NIEUW = "agenda/nulplaten/crisisopvang-2025.md"


def test_levers_added_removed_reworded_and_changed(programma):
    agenda = programma.agenda()
    v = vergelijk(agenda.nulplaten["crisisopvang-2024"], agenda.nulplaten["crisisopvang-2025"])
    assert [k.wat for k in v.toegevoegd] == ["Gezinnen versterken"]
    assert [k.wat for k in v.verwijderd] == ["Snelle terugkeer naar huis"]
    assert [(o.wat, n.wat) for o, n in v.herschreven] == [("Eén meldpunt", "Eén centraal meldpunt")]
    assert [n.wat for _, n in v.hoe_gewijzigd] == ["Genoeg crisisbedden"]
    assert not v.ambitie_gewijzigd and not v.leeg


def test_identical_snapshots_have_no_difference(programma):
    agenda = programma.agenda()
    oud = agenda.nulplaten["crisisopvang-2024"]
    assert vergelijk(oud, oud).leeg


def test_snapshot_series_in_order(programma):
    agenda = programma.agenda()
    for id_ in ("crisisopvang-2024", "crisisopvang-2025"):
        assert [n.id for n in agenda.nulplaatreeks(agenda.nulplaten[id_])] == ["crisisopvang-2024", "crisisopvang-2025"]


def test_revision_must_have_a_later_peildatum(programma):
    programma.vervang(NIEUW, "peildatum: 2025-01-15", "peildatum: 2023-12-01")
    assert programma.problemen() == [
        f"{NIEUW}:4: peildatum 2023-12-01 ligt niet na die van 'crisisopvang-2024' (2024-01-15) — "
        "een herziening heeft een latere peildatum dan de nulplaat die ze vervangt"
    ]


def test_unknown_segment_and_replaced_snapshot(programma):
    programma.vervang(OUD, "    segment: jong", "    segment: jonk")
    programma.vervang(NIEUW, "vervangt: crisisopvang-2024", "vervangt: crisisopvang-2023")
    assert [p.split(" — ")[0] for p in programma.problemen()] == [
        f"{OUD}:17: onbekend segment 'jonk'",
        f"{NIEUW}:5: onbekende nulplaat 'crisisopvang-2023'",
    ]


def test_board_and_changes_on_the_site(programma, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    oud = pagina(site, "nulplaten/crisisopvang-2024")
    assert '<h3 class="nulplaat__groep">Verwijzers</h3>' in oud
    assert '<h3 class="nulplaat__groep">0 tot 12 jaar — Aanbieders</h3>' in oud
    assert oud.count('<li class="nulplaat__knop">') == 3
    nieuw = tekst(pagina(site, "nulplaten/crisisopvang-2025"))
    assert "Wat veranderde sinds 15 januari 2024" in nieuw
    assert "Toegevoegd: Gezinnen versterken" in nieuw
    assert "Verwijderd: Snelle terugkeer naar huis" in nieuw
    assert "Anders verwoord: Eén centraal meldpunt (was: Eén meldpunt)" in nieuw
    assert "Hoe gewijzigd: Genoeg crisisbedden" in nieuw
    charter = tekst(pagina(site, "deelopdrachten/crisisopvang"))
    assert "Nulplaat crisisopvang (peildatum 15 januari 2024)" in charter
