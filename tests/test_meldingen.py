"""Messages that lead to the fix: each says where the thing it names is declared, or what was meant."""

from __future__ import annotations

import pytest
from sitebouw import agenda

from regioagenda.werkstroom.opdrachten import Geweigerd, zet_stap

BESLUIT = "decisions/0001-crisisbedden-borgen.md"
CHARTER = "agenda/deelopdrachten/crisisopvang.md"
PROGRAMMA = "agenda/programma.yml"


def test_unknown_gremium_says_where_bodies_are_declared(programma):
    programma.vervang(
        PROGRAMMA,
        '  - {id: kernteam, naam: "Kernteam"}\n  - {id: bestuur, naam: "Bestuurlijk overleg"}\n',
        '  - {id: werkgroep, naam: "Werkgroep"}\n',
    )
    programma.vervang(PROGRAMMA, "gremium: kernteam, ", "gremium: werkgroep, ")
    programma.vervang(PROGRAMMA, "gremium: bestuur, ", "gremium: werkgroep, ")
    programma.vervang(BESLUIT, "gremium: kernteam, uitkomst: geadviseerd", "gremium: werkgroep, uitkomst: geadviseerd")
    programma.vervang(
        BESLUIT, "gremium: bestuur, uitkomst: geaccordeerd", "gremium: dagelijks-bestuur, uitkomst: geaccordeerd"
    )
    assert programma.problemen() == [
        f"{BESLUIT}:10: onbekend gremium 'dagelijks-bestuur' — een van 'werkgroep' uit de lijst 'gremia' in "
        "agenda/programma.yml"
    ]


def test_unknown_gremium_that_is_a_regional_step(programma):
    programma.vervang(
        BESLUIT, "gremium: bestuur, uitkomst: geaccordeerd", "gremium: gemeenteraden, uitkomst: geaccordeerd"
    )
    assert programma.problemen() == [
        f"{BESLUIT}:10: onbekend gremium 'gemeenteraden' — een van 'bestuur', 'kernteam' uit de lijst 'gremia' in "
        "agenda/programma.yml; 'gemeenteraden' lijkt op stap 'raad' (Gemeenteraad) van de route van regio "
        "'noordoever'; de eigen route van een regio staat onder 'regionaal:' met 'stap:', niet onder 'verloop'"
    ]


def test_unknown_gremium_named_as_a_regional_step_id(programma):
    programma.vervang(BESLUIT, "gremium: bestuur, uitkomst: geaccordeerd", "gremium: college, uitkomst: geaccordeerd")
    assert programma.problemen() == [
        f"{BESLUIT}:10: onbekend gremium 'college' — een van 'bestuur', 'kernteam' uit de lijst 'gremia' in "
        "agenda/programma.yml; 'college' is een stap van de route van regio 'noordoever' (College van B&W); de "
        "eigen route van een regio staat onder 'regionaal:' met 'stap:', niet onder 'verloop'"
    ]


def test_unknown_gremium_with_suggestion_keeps_it(programma):
    programma.vervang(BESLUIT, "gremium: bestuur", "gremium: bestuurr")
    assert programma.problemen() == [
        f"{BESLUIT}:10: onbekend gremium 'bestuurr' — een van 'bestuur', 'kernteam' uit de lijst 'gremia' in "
        "agenda/programma.yml; bedoelde u 'bestuur'?"
    ]


def test_unknown_gremium_in_the_programme_route(programma):
    programma.vervang(PROGRAMMA, "gremium: kernteam, ", "gremium: kernteem, ")
    assert programma.problemen() == [
        f"{PROGRAMMA}:18: onbekend gremium 'kernteem' — een van 'bestuur', 'kernteam' uit de lijst 'gremia' in "
        "agenda/programma.yml; bedoelde u 'kernteam'?"
    ]


def test_unknown_region_in_regios(programma):
    programma.vervang(
        BESLUIT, "deelopdrachten: [crisisopvang]\n", "deelopdrachten: [crisisopvang]\nregios: [noordoever, texel]\n"
    )
    assert programma.problemen() == [
        f"{BESLUIT}:7: onbekende regio 'texel' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met hun "
        "'onderdelen') in agenda/programma.yml"
    ]


def test_unknown_provider_and_facility_say_where_they_are_declared(programma):
    programma.vervang(CHARTER, "voorzieningen: [crisisbedden]", "voorzieningen: [crisisbed]")
    programma.vervang(CHARTER, "aanbieders: [zorgaanbieder-a]", "aanbieders: [zorgaanbieder-b]")
    assert programma.problemen() == [
        f"{CHARTER}:4: onbekende voorziening 'crisisbed' — een van 'crisisbedden' uit de lijst 'voorzieningen' in "
        "agenda/programma.yml; bedoelde u 'crisisbedden'?",
        f"{CHARTER}:6: onbekende aanbieder 'zorgaanbieder-b' — een van 'zorgaanbieder-a' uit de lijst 'aanbieders' "
        "in agenda/programma.yml; bedoelde u 'zorgaanbieder-a'?",
    ]


def test_unknown_region_of_a_knowledge_workshop(programma):
    programma.vervang(
        PROGRAMMA,
        "aanbieders:\n",
        'kenniswerkplaatsen:\n  - {id: kwp-noord, naam: "KWP Noord", regio: noord}\naanbieders:\n',
    )
    assert programma.problemen() == [
        f"{PROGRAMMA}:21: onbekende regio 'noord' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met "
        "hun 'onderdelen') in agenda/programma.yml; bedoelde u 'noordoever'?"
    ]


def test_unknown_provider_when_the_programme_declares_none(programma):
    programma.vervang(PROGRAMMA, 'aanbieders:\n  - {id: zorgaanbieder-a, naam: "Zorgaanbieder A"}\n', "")
    assert programma.problemen() == [
        f"{CHARTER}:6: onbekende aanbieder 'zorgaanbieder-a' — een aanbieder uit de lijst 'aanbieders' in "
        "agenda/programma.yml (die is nog leeg)"
    ]


def _geweigerd(programma, uitkomst="vastgesteld", **argumenten) -> list[str]:
    voor = {p: p.read_bytes() for p in programma.root.rglob("*") if p.is_file()}
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, 2, datum="2024-05-01", uitkomst=uitkomst, **argumenten)
    assert {p: p.read_bytes() for p in programma.root.rglob("*") if p.is_file()} == voor
    return fout.value.problemen


def test_step_for_a_region_that_does_not_exist(programma):
    assert _geweigerd(programma, regio="texel") == [
        "onbekende regio 'texel' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met hun 'onderdelen') "
        "in agenda/programma.yml"
    ]
    assert _geweigerd(programma, regio="zuidoevr") == [
        "onbekende regio 'zuidoevr' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met hun "
        "'onderdelen') in agenda/programma.yml; bedoelde u 'zuidoever'?"
    ]


def test_step_for_a_region_when_the_programme_cannot_be_read(programma):
    programma.vervang(PROGRAMMA, "  - {id: kernteam, ", "  - {onzin: 1, id: kernteam, ")
    assert _geweigerd(programma, regio="texel") == [
        "agenda/programma.yml kan niet worden gelezen, dus de route van regio 'texel' is niet te bepalen — los "
        "eerst de fouten in agenda/programma.yml op (agenda controleer)",
        f"{PROGRAMMA}:14: onbekende sleutel 'onzin' — een van 'bron', 'id', 'naam', 'rol', 'samenstelling'",
    ]


def test_stap_command_names_the_regions(programma):
    uit = agenda(
        "stap",
        "2",
        "--map",
        str(programma.root),
        "--regio",
        "texel",
        "--datum",
        "2024-05-01",
        "--uitkomst",
        "vastgesteld",
    )
    assert uit.returncode == 1
    assert uit.stderr.strip().splitlines() == [
        "onbekende regio 'texel' — een van 'noordoever', 'zuidoever' uit de lijst 'regios' (met hun 'onderdelen') "
        "in agenda/programma.yml",
        "Er is niets gewijzigd.",
    ]


def test_colon_in_a_title_asks_for_double_quotes(programma):
    programma.vervang(BESLUIT, 'titel: "Crisisbedden borgen"', "titel: Besluit: nieuwe toegang")
    assert programma.problemen() == [
        f"{BESLUIT}:3: ongeldige YAML: de ':' in de waarde van 'titel' leest YAML als het begin van een nieuwe "
        'sleutel — zet de waarde tussen dubbele aanhalingstekens: titel: "Besluit: nieuwe toegang"'
    ]


def test_colon_in_a_summary_keeps_the_comment_outside_the_quotes(programma):
    programma.vervang(
        BESLUIT,
        'samenvatting: "De crisisbedden worden voor twee jaar geborgd."',
        'samenvatting: Doel: minder "wachttijd"  # uit het verslag',
    )
    assert programma.problemen() == [
        f"{BESLUIT}:5: ongeldige YAML: de ':' in de waarde van 'samenvatting' leest YAML als het begin van een "
        "nieuwe sleutel — zet de waarde tussen dubbele aanhalingstekens: "
        'samenvatting: "Doel: minder \\"wachttijd\\""  # uit het verslag'
    ]


def test_colon_in_a_list_item_of_programma_yml(programma):
    programma.vervang(
        PROGRAMMA, '  - {id: crisisbedden, naam: "Crisisbedden"}', "  - id: crisisbedden\n    naam: Bedden: crisis"
    )
    assert programma.problemen() == [
        f"{PROGRAMMA}:24: ongeldige YAML: de ':' in de waarde van 'naam' leest YAML als het begin van een nieuwe "
        'sleutel — zet de waarde tussen dubbele aanhalingstekens: naam: "Bedden: crisis"'
    ]


def test_a_misplaced_colon_that_is_not_in_a_value_keeps_the_general_message(programma):
    programma.vervang(BESLUIT, 'titel: "Crisisbedden borgen"', "titel: Crisisbedden borgen\n  soort: besluit")
    assert programma.problemen() == [
        f"{BESLUIT}:4: ongeldige YAML: een ':' staat hier op een plek waar geen sleutel kan beginnen — geldige YAML; "
        "controleer inspringing en dubbele punten"
    ]


def test_programme_route_outcome_in_a_regional_step(programma):
    programma.vervang(BESLUIT, "stap: raad, uitkomst: vastgesteld", "stap: raad, uitkomst: geaccordeerd")
    assert programma.problemen() == [
        f"{BESLUIT}:13: 'geaccordeerd' is een uitkomst van de programmaroute (onder 'verloop'), geen uitkomst van "
        "een regio — een van 'geagendeerd', 'niet-vastgesteld', 'vastgesteld'"
    ]


def test_regional_outcome_in_the_programme_route(programma):
    programma.vervang(BESLUIT, "gremium: kernteam, uitkomst: geadviseerd", "gremium: kernteam, uitkomst: geagendeerd")
    assert programma.problemen() == [
        f"{BESLUIT}:9: 'geagendeerd' is een uitkomst van een regio (onder 'regionaal'), geen uitkomst van de "
        "programmaroute — een van 'afgewezen', 'besproken', 'geaccordeerd', 'geadviseerd', 'impact-beschreven', "
        "'ingebracht', 'ingetrokken', 'teruggekoppeld'"
    ]


def test_regional_outcome_in_the_route_of_programma_yml(programma):
    programma.vervang(PROGRAMMA, "uitkomsten: [ingebracht]", "uitkomsten: [ingebracht, vastgesteld]")
    assert programma.problemen() == [
        f"{PROGRAMMA}:17: 'vastgesteld' is een uitkomst van een regio, geen uitkomst van de programmaroute — een van "
        "'afgewezen', 'besproken', 'geaccordeerd', 'geadviseerd', 'impact-beschreven', 'ingebracht', 'ingetrokken', "
        "'teruggekoppeld'"
    ]


def test_unknown_regional_outcome_suggests_only_from_the_regional_words(programma):
    # 'besloten' looks like the programme route's 'besproken', which a region cannot give: no suggestion.
    programma.vervang(BESLUIT, "stap: raad, uitkomst: vastgesteld", "stap: raad, uitkomst: besloten")
    assert programma.problemen() == [
        f"{BESLUIT}:13: onbekende waarde 'besloten' voor 'uitkomst' — een van 'geagendeerd', 'niet-vastgesteld', "
        "'vastgesteld' (of een eigen uitkomst onder 'uitkomsten:' in agenda/programma.yml)"
    ]
    programma.vervang(BESLUIT, "uitkomst: besloten", "uitkomst: vastgestled")
    assert programma.problemen() == [
        f"{BESLUIT}:13: onbekende waarde 'vastgestled' voor 'uitkomst' — een van 'geagendeerd', 'niet-vastgesteld', "
        "'vastgesteld' (of een eigen uitkomst onder 'uitkomsten:' in agenda/programma.yml); bedoelde u 'vastgesteld'?"
    ]


def test_stap_with_a_programme_outcome_for_a_region(programma):
    problemen = _geweigerd(programma, regio="zuidoever", stap="algemeen-bestuur", uitkomst="geaccordeerd")
    assert problemen == [
        "decisions/0002-nazorg-verkennen.md:12: 'geaccordeerd' is een uitkomst van de programmaroute (onder "
        "'verloop'), geen uitkomst van een regio — een van 'geagendeerd', 'niet-vastgesteld', 'vastgesteld'"
    ]


def test_mkdocs_own_warnings_reach_a_coordinator_in_dutch_with_what_to_do():
    import logging

    from regioagenda.publiceren.mkdocsbouw import _vertaal

    link = (
        "Doc file 'bijdragen.md' contains a link 'nergens.md', but the target is not found among documentation "
        "files. Did you mean 'bijdragen.md'?"
    )
    assert _vertaal(link, logging.WARNING) == (
        "Waarschuwing: bijdragen.md: de link 'nergens.md' wijst naar een pagina die niet bestaat — verbeter de link "
        "(bedoelde u 'bijdragen.md'?)"
    )
    nav = (
        "A reference to 'oud.md' is included in the 'nav' configuration, which is not found in the documentation files."
    )
    assert _vertaal(nav, logging.WARNING).startswith("Waarschuwing: mkdocs.yml: 'nav' noemt de pagina 'oud.md'")
    # what it does not know stays as MkDocs said it, marked in Dutch, never dropped
    assert _vertaal("Something new", logging.ERROR) == "Fout: Something new"


def test_a_region_as_aanspreekpunt_is_accepted_and_an_unknown_one_named(programma):
    regio = programma.agenda().programma.regios[0].id
    uit = agenda("nieuw", "onderdeel", "--map", str(programma.root), "--titel", "Proef", "--aanspreekpunt", regio)
    assert uit.returncode == 0, uit.stderr
    assert programma.agenda().deelopdrachten["proef"].aanspreekpunt == regio
    programma.vervang("agenda/deelopdrachten/proef.md", f"aanspreekpunt: {regio}", "aanspreekpunt: [1, 2]")
    assert programma.problemen() == [
        "agenda/deelopdrachten/proef.md:3: '[1, 2]' past niet bij 'aanspreekpunt' — wie aanspreekpunt is: de id van "
        "een regio, een rol, of naam/rol/organisatie"
    ]


def test_a_double_quote_inside_a_quoted_title_is_explained_with_the_fixed_line(programma):
    programma.schrijf(
        "decisions/0009-startnotitie.md",
        '---\nnummer: 9\ntitel: "Startnotitie "wachttijden""\nsoort: signaal\nsamenvatting: "x"\nverloop: []\n---\n',
    )
    assert (
        "decisions/0009-startnotitie.md:3: ongeldige YAML: een dubbel aanhalingsteken in de waarde van 'titel' sluit "
        "de tekst al af — gebruik binnen de tekst enkele aanhalingstekens: titel: \"Startnotitie 'wachttijden'\""
    ) in programma.problemen()


def test_a_step_date_the_record_would_refuse_is_refused_by_its_option(programma):
    nummer = min(programma.agenda().besluiten)
    uit = agenda(
        "stap", str(nummer), "--map", str(programma.root), "--regio", "x", "--uitkomst", "x", "--datum", "6-3-2026"
    )
    assert uit.returncode == 2
    assert "ongeldige waarde voor --datum: '6-3-2026' is geen datum — JJJJ-MM-DD, bijvoorbeeld 2026-03-06" in uit.stderr
