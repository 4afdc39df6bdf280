"""Each record rule, with a fixture that breaks it: the problem names file, line and expectation in Dutch."""

from __future__ import annotations

BESLUIT = "decisions/0001-crisisbedden-borgen.md"
CHARTER = "agenda/deelopdrachten/crisisopvang.md"
PROGRAMMA = "agenda/programma.yml"


def test_minimal_programme_is_valid(programma):
    assert programma.problemen() == []


def test_tab_indentation(programma):
    programma.vervang(BESLUIT, "verloop:\n  - {datum: 2024-01-10", "verloop:\n\t- {datum: 2024-01-10")
    assert programma.problemen() == [
        f"{BESLUIT}:8: tab gebruikt om in te springen — spring in met spaties, niet met tabs"
    ]


def test_tab_inside_a_key(programma):
    # libyaml (the fast parser) reads "so<TAB>ort" as a key, ruamel's round-trip parser refuses it:
    # both the unknown key and the refusal are reported, with their lines, never as a traceback.
    programma.vervang(BESLUIT, "soort: besluit\n", "so\tort: besluit\n")
    problemen = programma.problemen()
    assert (
        f"{BESLUIT}:4: ongeldige YAML: een teken dat hier niet mag (bijvoorbeeld een tab of een '@') — "
        "geldige YAML; controleer inspringing en dubbele punten" in problemen
    )
    assert any(p.startswith(f"{BESLUIT}:") and "onbekende sleutel 'so\\u0009ort'" in p for p in problemen)


def test_duplicate_key(programma):
    programma.vervang(BESLUIT, "soort: besluit\n", "soort: besluit\nsoort: signaal\n")
    assert programma.problemen() == [
        f"{BESLUIT}:5: sleutel 'soort' komt twee keer voor — elke sleutel maar één keer per blok"
    ]


def test_unknown_key_with_suggestion(programma):
    programma.vervang(BESLUIT, "soort: besluit\n", "soort: besluit\nvertrouwlijk: true\n")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{BESLUIT}:5: onbekende sleutel 'vertrouwlijk' — ")
    assert probleem.endswith("bedoelde u 'vertrouwelijk'?")


def test_vertrouwelijk_nee_is_not_a_boolean(programma):
    programma.vervang(BESLUIT, "soort: besluit\n", "soort: besluit\nvertrouwelijk: nee\n")
    assert programma.problemen() == [
        f"{BESLUIT}:5: 'vertrouwelijk' heeft de waarde 'nee' — true of false (YAML 1.2 kent geen ja/nee of yes/no)"
    ]


def test_impossible_date(programma):
    programma.vervang(BESLUIT, "{datum: 2024-02-14, gremium: bestuur", "{datum: 2024-02-30, gremium: bestuur")
    problemen = programma.problemen()
    assert (
        f"{BESLUIT}:10: '2024-02-30' bestaat niet: februari 2024 heeft geen dag 30 — een bestaande datum als "
        "JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ)" in problemen
    )


def test_dangling_vervangt(programma):
    programma.vervang("decisions/0002-nazorg-verkennen.md", "vervangt: [1]", "vervangt: [7]")
    [probleem] = programma.problemen()
    assert probleem.startswith(
        "decisions/0002-nazorg-verkennen.md:7: besluit 7 bestaat niet — een bestaand besluitnummer"
    )


def test_vervangt_cycle(programma):
    programma.vervang(BESLUIT, "soort: besluit\n", "soort: besluit\nvervangt: [2]\n")
    assert programma.problemen() == [
        f"{BESLUIT}:5: 'vervangt' vormt een kring: 1 → 2 → 1 — een besluit vervangt alleen eerdere besluiten, nooit "
        "(via via) zichzelf"
    ]


def test_vervangt_itself(programma):
    programma.vervang("decisions/0002-nazorg-verkennen.md", "vervangt: [1]", "vervangt: [2]")
    assert programma.problemen() == [
        "decisions/0002-nazorg-verkennen.md:7: een besluit vervangt zichzelf — het nummer van een ander besluit"
    ]


def test_unclosed_front_matter(programma):
    programma.schrijf("decisions/0003-open.md", "---\nnummer: 3\ntitel: Open\n\nGeen afsluiter.\n")
    assert programma.problemen() == [
        "decisions/0003-open.md:1: de front matter wordt niet afgesloten — een regel met alleen '---' na de laatste "
        "sleutel"
    ]


def test_file_name_must_match_number(programma):
    programma.vervang(BESLUIT, "nummer: 1\n", "nummer: 12\n")
    assert programma.problemen() == [
        f"{BESLUIT}:2: nummer 12 past niet bij de bestandsnaam — nummer: 1, of hernoem het bestand naar 0012-….md"
    ]


def test_decision_file_name_pattern(programma):
    programma.pad(BESLUIT).rename(programma.pad("decisions/crisisbedden.md"))
    problemen = programma.problemen()
    assert (
        "decisions/crisisbedden.md:1: bestandsnaam 'crisisbedden.md' past niet bij een besluit — "
        "NNNN-onderwerp.md, bijvoorbeeld 0012-centrale-toegang.md"
    ) in problemen
    # the badly named file is not a decision, so decision 2 cannot replace it
    assert "decisions/0002-nazorg-verkennen.md:7: besluit 1 bestaat niet — een bestaand besluitnummer" in problemen


def test_unknown_region_with_suggestion(programma):
    programma.vervang(BESLUIT, "  noordoever:\n", "  noordoevr:\n")
    assert programma.problemen() == [
        f"{BESLUIT}:12: onbekende regio 'noordoevr' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met "
        "hun 'onderdelen') in agenda/programma.yml; bedoelde u 'noordoever'?"
    ]


def test_unknown_regional_route_step(programma):
    programma.vervang(BESLUIT, "stap: raad", "stap: rad")
    assert programma.problemen() == [
        f"{BESLUIT}:13: onbekende routestap van noordoever 'rad' — een van 'college', 'raad' uit de "
        "'besluitvormingsroute' van regio 'noordoever' in agenda/programma.yml; bedoelde u 'raad'?"
    ]


def test_regional_steps_in_route_order(programma):
    programma.vervang(
        BESLUIT,
        "    - {datum: 2024-03-01, stap: raad, uitkomst: vastgesteld}",
        "    - {datum: 2024-03-01, stap: raad, uitkomst: geagendeerd}\n"
        "    - {datum: 2024-03-05, stap: college, uitkomst: vastgesteld}",
    )
    assert programma.problemen() == [
        f"{BESLUIT}:14: stap 'college' komt in de route van noordoever eerder — stappen in de volgorde van de route "
        "van de regio"
    ]


def test_a_region_may_decide_without_a_programme_accordering(programma):
    # A council decides directly: no programme-level 'geaccordeerd' has to be invented first.
    programma.vervang(BESLUIT, "  - {datum: 2024-02-14, gremium: bestuur, uitkomst: geaccordeerd}\n", "")
    assert programma.problemen() == []
    besluit = programma.agenda().besluiten[1]
    assert besluit.accordering is None
    assert besluit.regio_status("noordoever").value == "vastgesteld"


def test_an_endorsement_may_predate_the_accordering(programma):
    programma.vervang(BESLUIT, "{datum: 2024-03-01, stap: raad", "{datum: 2024-02-01, stap: raad")
    assert programma.problemen() == []
    assert programma.agenda().besluiten[1].regionaal["noordoever"][0].datum.iso == "2024-02-01"


def test_a_region_without_its_own_route_records_its_decision_without_a_step(programma):
    programma.vervang(
        BESLUIT,
        "{datum: 2024-03-01, stap: raad, uitkomst: vastgesteld}",
        "{datum: 2024-03-01, uitkomst: vastgesteld, toelichting: Raad}",
    )
    assert programma.problemen() == []
    programma.vervang(
        PROGRAMMA,
        '      - {id: college, naam: "College van B&W", termijn_dagen: 30}\n'
        '      - {id: raad, naam: "Gemeenteraad", termijn_dagen: 60}\n',
        "",
    )
    programma.vervang(PROGRAMMA, '    naam: "Noordoever"\n    besluitvormingsroute:\n', '    naam: "Noordoever"\n')
    assert programma.problemen() == []
    programma.vervang(
        BESLUIT, "{datum: 2024-03-01, uitkomst: vastgesteld", "{datum: 2024-03-01, stap: raad, uitkomst: vastgesteld"
    )
    assert programma.problemen() == [
        f"{BESLUIT}:13: noordoever heeft nog geen eigen route, dus geen stap 'raad' — laat 'stap' weg, of beschrijf "
        "de route van de regio in programma.yml"
    ]


def test_steps_must_be_chronological(programma):
    programma.vervang(BESLUIT, "{datum: 2024-01-20, gremium: kernteam", "{datum: 2023-12-20, gremium: kernteam")
    assert programma.problemen() == [
        f"{BESLUIT}:9: stap van 2023-12-20 staat na een stap van 2024-01-10 — stappen in de volgorde waarin ze zijn "
        "gezet"
    ]


def test_route_order(programma):
    programma.vervang(BESLUIT, "  - {datum: 2024-01-20, gremium: kernteam, uitkomst: geadviseerd}\n", "")
    programma.vervang(
        BESLUIT,
        "uitkomst: geaccordeerd}\n",
        "uitkomst: geaccordeerd}\n  - {datum: 2024-02-20, gremium: kernteam, uitkomst: besproken}\n",
    )
    assert programma.problemen() == [
        f"{BESLUIT}:10: stap 'Voorbereiding' komt in de route voor 'Besluit' — stappen in de volgorde van de "
        "besluitvormingsroute"
    ]


def test_any_declared_body_may_take_a_step_outside_the_route(programma):
    # The route says the bestuur accords; in reality the kernteam did. That is recorded, not refused.
    programma.vervang(BESLUIT, "gremium: bestuur, uitkomst: geaccordeerd", "gremium: kernteam, uitkomst: geaccordeerd")
    assert programma.problemen() == []
    besluit = programma.agenda().besluiten[1]
    assert [s.gremium for s in besluit.verloop] == [None, "kernteam", "kernteam"]
    assert besluit.eigen_status.value == "geaccordeerd"


def test_unknown_gremium(programma):
    programma.vervang(BESLUIT, "gremium: bestuur", "gremium: bestuurr")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{BESLUIT}:10: onbekend gremium 'bestuurr' — ")
    assert probleem.endswith("bedoelde u 'bestuur'?")


def test_hand_typed_status_is_an_error(programma):
    programma.vervang(BESLUIT, "soort: besluit\n", "soort: besluit\nstatus: geaccordeerd\n")
    assert programma.problemen() == [
        f"{BESLUIT}:5: 'status' is met de hand ingevuld — laat 'status' weg: de status volgt uit de stappen in "
        "'verloop'"
    ]


def test_unknown_enum_value_with_suggestion(programma):
    programma.vervang(BESLUIT, "soort: besluit", "soort: besluitt")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{BESLUIT}:4: onbekende waarde 'besluitt' voor 'soort' — een van ")
    assert probleem.endswith("bedoelde u 'besluit'?")


def test_missing_required_key(programma):
    programma.vervang(BESLUIT, 'samenvatting: "De crisisbedden worden voor twee jaar geborgd."\n', "")
    assert programma.problemen() == [
        f"{BESLUIT}:2: verplichte sleutel 'samenvatting' ontbreekt — een regel 'samenvatting: …'"
    ]


def test_unknown_deelopdracht_reference(programma):
    programma.vervang(BESLUIT, "deelopdrachten: [crisisopvang]", "deelopdrachten: [crisisopvng]")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{BESLUIT}:6: onbekende deelopdracht 'crisisopvng' — ")


def test_unknown_provider_and_facility_in_charter(programma):
    programma.vervang(CHARTER, "voorzieningen: [crisisbedden]", "voorzieningen: [crisisbed]")
    programma.vervang(CHARTER, "aanbieders: [zorgaanbieder-a]", "aanbieders: [zorgaanbieder-b]")
    problemen = programma.problemen()
    assert [p.split(" — ")[0] for p in problemen] == [
        f"{CHARTER}:4: onbekende voorziening 'crisisbed'",
        f"{CHARTER}:6: onbekende aanbieder 'zorgaanbieder-b'",
    ]


def test_phase_ends_before_it_starts(programma):
    programma.vervang(CHARTER, "tot: 2024-12", "tot: 2023-12")
    assert programma.problemen() == [
        f"{CHARTER}:11: 'tot' (2023-12) ligt voor 'van' (2024-01) — een einddatum na de begindatum"
    ]


def test_duplicate_region_id(programma):
    programma.vervang(
        PROGRAMMA, '  - id: zuidoever\n    naam: "Zuidoever"', '  - id: noordoever\n    naam: "Zuidoever"'
    )
    problemen = programma.problemen()
    assert [f"{PROGRAMMA}:9: id 'noordoever' komt vaker voor — een unieke id binnen 'regios'"] == problemen


def test_outline_references_unknown_chapter(programma):
    programma.vervang(PROGRAMMA, "  - hoofdstuk: inleiding", "  - hoofdstuk: inleidng")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{PROGRAMMA}:25: onbekend hoofdstuk 'inleidng' — ")
    assert probleem.endswith("bedoelde u 'inleiding'?")


def test_missing_programme_file(programma):
    programma.pad(PROGRAMMA).unlink()
    assert f"{PROGRAMMA}:1: bestand ontbreekt — een programma-bestand op deze plek" in programma.problemen()


def test_not_utf8(programma):
    programma.pad("agenda/hoofdstukken/inleiding.md").write_bytes("---\ntitel: Café\n---\n".encode("latin-1"))
    assert programma.problemen() == [
        "agenda/hoofdstukken/inleiding.md:1: het bestand is geen UTF-8-tekst — opslaan als UTF-8"
    ]


def test_all_problems_in_one_run(programma):
    programma.vervang(BESLUIT, "soort: besluit", "soort: besluitt")
    programma.vervang(CHARTER, "prioriteit: hoog", "prioriteit: hoogst")
    programma.schrijf("decisions/0003-kapot.md", "---\nnummer: 3\n")
    paden = {p.split(":")[0] for p in programma.problemen()}
    assert paden == {BESLUIT, CHARTER, "decisions/0003-kapot.md"}
