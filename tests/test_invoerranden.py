"""Input at the edges of the records (issue 20, classes 5-8): words and ids that become addresses, line ends,
numbers, versions fixed on an unknown day, YAML outside 1.2, reference links, table labels, 'agenda bijwerken'.

Each test states the exact 'pad:regel' and the Dutch message a project group sees.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAAL
from regioagenda.model.programma import VASTE_MAPPEN, Termen, padnaam
from regioagenda.patronen import DATUM, SLUG, VERSIE
from regioagenda.publiceren.schoonmaak import schoon
from regioagenda.records.laden import laad
from regioagenda.samenstellen.adressen import Adressen
from sitebouw import agenda, mkdocs_build

PROGRAMMA = "agenda/programma.yml"
TERMEN = "termen: {document: uitvoeringsagenda, onderdeel: deelopdracht, onderdelen: deelopdrachten}"
BESLUIT = "decisions/0001-crisisbedden-borgen.md"
CHARTER = "agenda/deelopdrachten/crisisopvang.md"


def _termen(programma, **woorden: str) -> None:
    """Replace the fixture's words with a block, one word a line: 'termen:' is line 29, the first word line 30."""
    regels = "".join(f"\n  {sleutel}: {json.dumps(woord)}" for sleutel, woord in woorden.items())
    programma.vervang(PROGRAMMA, TERMEN, "termen:" + regels)


# --- 1. Words and ids that become addresses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("woord", "adres"),
    [
        ("besluiten", "/besluiten/"),
        ("Assets", "/assets/"),
        ("search", "/search/"),
        ("Toegankelijkheid", "/toegankelijkheid/"),
        ("Open data", "/open-data/"),
        ("bijdragen", "/bijdragen/"),
        ("Index", "/index/"),
    ],
)
def test_a_word_that_takes_a_folder_of_the_site_is_refused_at_its_line(programma, woord, adres):
    _termen(programma, document="uitvoeringsagenda", onderdeel="deelopdracht", onderdelen=woord)
    vast = ", ".join(f"'{n}'" for n in sorted(VASTE_MAPPEN))
    assert programma.problemen() == [
        f"{PROGRAMMA}:32: termen.onderdelen '{woord}' krijgt het adres {adres}, dat de site zelf al gebruikt "
        f"— een ander woord: niet {vast}"
    ]


def test_a_filter_word_that_takes_a_fixed_filter_folder(programma):
    _termen(programma, document="uitvoeringsagenda", onderdeel="Status", onderdelen="deelopdrachten")
    assert programma.problemen() == [
        f"{PROGRAMMA}:31: termen.onderdeel 'Status' krijgt het adres /besluiten/status/, dat de site zelf al "
        "gebruikt — een ander woord: niet 'gremium', 'index', 'soort', 'status'"
    ]


def test_two_words_in_one_folder_are_refused_at_the_word_written(programma):
    # 'regio's' is the default for the regions' folder: the parts may not take it too
    _termen(programma, document="uitvoeringsagenda", onderdeel="deelopdracht", onderdelen="Regio's")
    assert programma.problemen() == [
        f"{PROGRAMMA}:32: termen.onderdelen 'Regio's' krijgt hetzelfde adres /regios/ als termen.regios 'regio's' "
        "(standaard) — voor elk een eigen woord: elk wordt een eigen map van de site"
    ]


def test_the_document_and_the_parts_in_one_folder(programma):
    _termen(programma, document="Tafels", onderdeel="tafel", onderdelen="tafels")
    assert programma.problemen() == [
        f"{PROGRAMMA}:32: termen.onderdelen 'tafels' krijgt hetzelfde adres /tafels/ als termen.document 'Tafels' "
        "— voor elk een eigen woord: elk wordt een eigen map van de site"
    ]


def test_letters_without_an_ascii_form_are_spelt_out_not_dropped(programma):
    # 'Ææ' and 'ßß' used to give an empty folder, so pages at '/index.md' outside the site
    _termen(programma, document="Ææ", onderdeel="ßß", onderdelen="Øer")
    adres = Adressen(programma.agenda().programma.termen)
    assert (adres.AGENDA, adres.DEELOPDRACHTEN, adres.filtermap("deelopdracht")) == (
        "aeae/index.md",
        "oer/index.md",
        "ssss",
    )


def test_a_word_that_leaves_no_address_is_refused(programma):
    assert padnaam("日本") == ""
    _termen(programma, document="日本", onderdeel="deelopdracht", onderdelen="deelopdrachten")
    assert programma.problemen() == [
        f"{PROGRAMMA}:30: '日本' is geen geldige waarde voor 'document' — een woord of een paar woorden, letters, "
        "spaties, streepjes en apostrof"
    ]


def test_a_word_with_a_trailing_newline_is_refused(programma):
    _termen(programma, document="uitvoeringsagenda\n", onderdeel="deelopdracht", onderdelen="deelopdrachten")
    assert programma.problemen() == [
        f"{PROGRAMMA}:30: 'uitvoeringsagenda\\n' is geen geldige waarde voor 'document' — een woord of een paar "
        "woorden, letters, spaties, streepjes en apostrof"
    ]


def test_a_region_at_any_depth_may_not_take_the_regions_index(programma):
    programma.vervang(
        PROGRAMMA,
        '    naam: "Zuidoever"\n',
        '    naam: "Zuidoever"\n    onderdelen:\n      - {id: index, naam: "Wijk", besluitvormingsroute: []}\n',
    )
    assert programma.problemen() == [
        f"{PROGRAMMA}:12: regio 'index' krijgt het adres /regios/index/, dat de site zelf al gebruikt — een andere "
        "id: niet 'index'"
    ]


def test_a_body_may_not_take_a_page_of_the_meetings_folder(programma):
    programma.vervang(PROGRAMMA, "{id: bestuur,", "{id: opvolging,")
    for bestand in (PROGRAMMA, "decisions/0001-crisisbedden-borgen.md", "decisions/0002-nazorg-verkennen.md"):
        tekst = programma.pad(bestand).read_text(encoding="utf-8")
        programma.schrijf(bestand, tekst.replace("gremium: bestuur", "gremium: opvolging"))
    assert programma.problemen() == [
        f"{PROGRAMMA}:15: gremium 'opvolging' krijgt het adres /vergaderingen/opvolging/, dat de site zelf al "
        "gebruikt — een andere id: niet 'index', 'opvolging'"
    ]


def test_a_charter_file_named_index(programma):
    shutil.copy(programma.pad(CHARTER), programma.pad("agenda/deelopdrachten/index.md"))
    problemen = programma.problemen()
    assert (
        "agenda/deelopdrachten/index.md:1: de bestandsnaam 'index' geeft het adres /deelopdrachten/index/, dat de "
        "site zelf al gebruikt — hernoem het bestand: niet 'index.md'"
    ) in problemen


def test_agenda_controleer_names_the_word_and_its_address(programma):
    _termen(programma, document="besluiten", onderdeel="deelopdracht", onderdelen="deelopdrachten")
    uit = agenda("controleer", "--map", str(programma.root))
    assert uit.returncode == 1
    assert f"{PROGRAMMA}:30: termen.document 'besluiten' krijgt het adres /besluiten/" in uit.stdout + uit.stderr
    assert "Traceback" not in uit.stderr


def test_every_fixed_address_lies_in_a_reserved_folder():
    """The reserved list is the one Adressen lives by: every fixed page or file starts with a name in it."""
    adres = Adressen(Termen())
    vast = [adres.HOME, adres.BESLUITEN, adres.NULPLATEN, adres.PLANNING, adres.VERGADERINGEN, adres.OPVOLGING]
    vast += [adres.OPEN_DATA, adres.TOEGANKELIJKHEID, adres.ICAL, adres.ATOM, adres.data("x"), adres.schema("x")]
    vast += [adres.vergadering("x"), adres.nulplaat("x")]
    assert {re.split(r"[/.]", a)[0] for a in vast} <= VASTE_MAPPEN
    # the feeds lie at the root beside the folders; no page or folder ends in '.xml', so no word can take theirs
    feeds = [adres.ATOM, adres.regiofeed("x"), adres.vergaderfeed("x")]
    assert all("/" not in f and f.endswith(".xml") for f in feeds)
    assert {adres.OPVOLGING.split("/")[1].removesuffix(".md")} <= adres.vaste_namen("vergaderingen")


_LASTIG = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="abcÆæßøÐþ' -\n\t", max_size=10),
    st.sampled_from(sorted(VASTE_MAPPEN | {"Status", "soort", "Gremium", "regio's", "Regios", "agenda", "ßß"})),
    st.sampled_from(["Ææ", " besluiten", "besluiten ", "a\n", "\nb", "日本", "'", "-", "x" * 80]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(woord=_LASTIG, term=st.sampled_from(["document", "onderdeel", "onderdelen", "regio", "regios"]))
def test_any_word_is_refused_at_its_line_or_becomes_a_free_folder(woord, term):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "p"
        shutil.copytree(MINIMAAL, root)
        pad = root / PROGRAMMA
        tekst = pad.read_text(encoding="utf-8").replace(TERMEN, f"termen:\n  {term}: {json.dumps(woord)}")
        pad.write_text(tekst, encoding="utf-8")
        problemen = [str(p) for p in laad(root).problemen]
    if problemen:
        assert all(p.startswith(f"{PROGRAMMA}:30: ") for p in problemen), problemen
        return
    termen = Termen(**{term: woord})
    map_, waar = termen.mappen()[term]
    assert SLUG.match(map_), map_
    assert map_ not in termen.vaste_namen(waar)
    anderen = [m for t, (m, w) in termen.mappen().items() if t != term and w == waar]
    assert map_ not in anderen


# --- 2. Line ends ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("patroon", "goed"), [(SLUG, "abc"), (DATUM, "2024-01-02"), (VERSIE, "2024.1")])
def test_patterns_match_the_whole_text(patroon, goed):
    assert patroon.match(goed)
    assert patroon.match(goed + "\n") is None


def test_an_id_with_a_trailing_newline_is_refused_by_the_schema(programma):
    programma.vervang(PROGRAMMA, "  - id: noordoever\n", '  - id: "noordoever\\n"\n')
    problemen = programma.problemen()
    assert (
        f"{PROGRAMMA}:4: 'noordoever\\n' is geen geldige waarde voor 'id' — kleine letters, cijfers en streepjes"
    ) in problemen, problemen


def test_the_sanitiser_drops_an_id_with_a_newline():
    assert schoon('<p id="abc&#10;">x</p>') == "<p>x</p>"


# --- 3. Numbers --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("getal", [".nan", ".NaN", ".inf", "-.inf", "+.Inf", "1e999"])
def test_a_number_that_is_not_finite_is_refused_at_its_line(programma, getal):
    programma.vervang(
        CHARTER,
        "prioriteit: hoog\n",
        f"prioriteit: hoog\nkengetallen:\n  - id: bedden\n    naam: Bedden\n    doel: {{waarde: {getal}}}\n",
    )
    assert programma.problemen() == [
        f"{CHARTER}:9: '{getal}' is oneindig of geen getal — een eindig getal, zoals 12 of 0.5"
    ]


def test_a_quoted_nan_is_text(programma):
    programma.vervang(
        CHARTER,
        "prioriteit: hoog\n",
        'prioriteit: hoog\nkengetallen:\n  - id: bedden\n    naam: Bedden\n    doel: {waarde: ".nan"}\n',
    )
    assert programma.problemen() == []


def test_not_finite_in_programma_yml(programma):
    programma.vervang(PROGRAMMA, "termijn_dagen: 30}", "termijn_dagen: .inf}")
    assert f"{PROGRAMMA}:7: '.inf' is oneindig of geen getal — een eindig getal, zoals 12 of 0.5" in (
        programma.problemen()
    )


def test_negative_hours_are_refused(programma):
    programma.vervang(CHARTER, "prioriteit: hoog\n", "prioriteit: hoog\nteam:\n  - {rol: trekker, uren: -8}\n")
    assert programma.problemen() == [f"{CHARTER}:7: 'uren' is -8 — minstens 0"]


def test_a_relative_target_may_be_negative(programma):
    programma.vervang(
        CHARTER,
        "prioriteit: hoog\n",
        "prioriteit: hoog\nteam:\n  - {rol: trekker, uren: 0}\nkengetallen:\n  - id: uhp\n    naam: Plaatsingen\n"
        '    doel: {waarde: -30, eenheid: "%", ten_opzichte_van: "2014"}\n',
    )
    assert programma.problemen() == []


# --- 4. A version fixed on an unknown day ------------------------------------------------------------------


def _vaststelling(programma, accordering: str, versiedatum: str) -> None:
    programma.schrijf(
        "decisions/0003-agenda-vaststellen.md",
        '---\nnummer: 3\ntitel: "Agenda vaststellen"\nsoort: vaststelling\nsamenvatting: "V."\nverloop:\n'
        f"  - {{datum: {accordering}, gremium: bestuur, uitkomst: geaccordeerd}}\n---\n\nTekst.\n",
    )
    programma.schrijf(
        "agenda/versies/2024.1.md",
        f'---\nversie: "2024.1"\nbesluit: 3\ndatum: {versiedatum}\ntitel: "T"\n---\n\nTekst.\n',
    )


@pytest.mark.parametrize("datum", ["onbekend", "2024-03", "2024-Q1", "2024"])
def test_a_version_needs_a_decision_accorded_on_a_known_day(programma, datum):
    _vaststelling(programma, datum, datum)
    assert programma.problemen() == [
        f"agenda/versies/2024.1.md:3: besluit 3 is geaccordeerd op '{datum}', geen bekende dag — een accordering "
        "met een datum als JJJJ-MM-DD"
    ]


@pytest.mark.parametrize("datum", ["onbekend", "2024-03"])
def test_agenda_vaststellen_refuses_a_decision_accorded_on_an_unknown_day(programma, datum):
    from regioagenda.werkstroom.opdrachten import Geweigerd, vaststellen

    programma.schrijf(
        "decisions/0003-agenda-vaststellen.md",
        '---\nnummer: 3\ntitel: "Agenda vaststellen"\nsoort: vaststelling\nsamenvatting: "V."\nverloop:\n'
        f"  - {{datum: {datum}, gremium: bestuur, uitkomst: geaccordeerd}}\n---\n\nTekst.\n",
    )
    voor = sorted(programma.root.rglob("*"))
    with pytest.raises(Geweigerd) as fout:
        vaststellen(programma.root, versie="2024.1", besluit=3)
    assert fout.value.problemen == [
        f"besluit 3 is geaccordeerd op '{datum}', geen bekende dag — leg de accordering vast met een datum als "
        "JJJJ-MM-DD"
    ]
    assert sorted(programma.root.rglob("*")) == voor


def test_a_version_accorded_on_a_day_passes(programma):
    _vaststelling(programma, "2024-03-15", "2024-03-15")
    assert programma.problemen() == []


# --- 5. YAML 1.2: no merge keys ----------------------------------------------------------------------------


def test_a_merge_key_in_programma_yml(programma):
    programma.vervang(PROGRAMMA, 'titel: "Testprogramma Zuid"\n', 'titel: "Testprogramma Zuid"\n<<: {motto: "M"}\n')
    assert programma.problemen() == [
        f"{PROGRAMMA}:2: samenvoegsleutel '<<' (YAML 1.1) — records zijn YAML 1.2: geen '<<', schrijf de sleutels "
        "zelf uit"
    ]


def test_a_merge_key_in_front_matter_inside_a_step(programma):
    programma.vervang(
        BESLUIT,
        "  - {datum: 2024-01-10, uitkomst: ingebracht}",
        "  - {datum: 2024-01-10, <<: {uitkomst: ingebracht}}",
    )
    assert programma.problemen() == [
        f"{BESLUIT}:8: samenvoegsleutel '<<' (YAML 1.1) — records zijn YAML 1.2: geen '<<', schrijf de sleutels "
        "zelf uit"
    ]


def test_two_angle_brackets_as_a_value_are_quoted_or_refused(programma):
    programma.vervang(BESLUIT, 'samenvatting: "De crisisbedden', 'bron: <<\nsamenvatting: "De crisisbedden')
    assert programma.problemen() == [
        f"{BESLUIT}:5: '<<' zonder aanhalingstekens — zet het tussen aanhalingstekens: \"<<\""
    ]
    programma.vervang(BESLUIT, "bron: <<", 'bron: "<<"')
    assert programma.problemen() == []


# --- 6. Reference links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definitie", "regel"),
    [
        ("[x]:\n  javascript:alert(1)", 20),
        ("> [x]:\n> javascript:alert(1)", 20),
        ("- punt\n\n    [x]:\n    <javascript:alert(1)>", 22),
        ('[x]:\n  java&#115;cript:alert(1) "titel"', 20),
        ("- [x]: javascript:alert(1)", 20),
    ],
)
def test_a_reference_definition_is_checked_like_a_link(programma, definitie, regel):
    programma.vervang(BESLUIT, "Borgen.\n", f"Borgen [x].\n\n{definitie}\n")
    problemen = programma.problemen()
    assert (
        f"{BESLUIT}:{regel}: link met 'javascript:' — een link naar een pagina van deze site of een https-adres"
    ) in problemen, problemen


def test_a_reference_definition_to_https_passes(programma):
    programma.vervang(BESLUIT, "Borgen.\n", 'Borgen [x].\n\n[x]:\n  https://voorbeeld.example/a "Titel"\n')
    assert programma.problemen() == []


def test_html_in_a_reference_title_is_refused(programma):
    programma.vervang(BESLUIT, "Borgen.\n", 'Borgen [x].\n\n[x]: https://voorbeeld.example/a\n  "<b>t</b>"\n')
    assert programma.problemen() == [
        f"{BESLUIT}:21: HTML-element <b> in de tekst — gewone Markdown; HTML uit records wordt niet gepubliceerd"
    ]


# --- 7. Table labels ---------------------------------------------------------------------------------------


def test_a_table_label_is_escaped_once_in_the_built_page(programma, tmp_path):
    programma.vervang(BESLUIT, "Borgen.\n", "Borgen.\n\n| A & B `<c>` | Twee | Drie |\n|---|---|---|\n| 1 | 2 | 3 |\n")
    assert programma.problemen() == []
    site = tmp_path / "site"
    uit = mkdocs_build(programma.pad("mkdocs.yml"), site)
    assert uit.returncode == 0, uit.stderr
    html = (site / "besluiten" / "0001-crisisbedden-borgen" / "index.html").read_text(encoding="utf-8")
    labels = re.findall(r'<td data-kop="([^"]*)"', html)
    eerste = labels.index("A &amp; B &lt;c&gt;")  # the page has tables of its own before the body's
    assert labels[eerste : eerste + 3] == ["A &amp; B &lt;c&gt;", "Twee", "Drie"]
    assert "&amp;amp;" not in html


# --- 8. 'agenda bijwerken' ---------------------------------------------------------------------------------


def _zonder_termen(programma) -> Path:
    programma.vervang(PROGRAMMA, TERMEN + "\n", "")
    return programma.pad(PROGRAMMA)


def test_bijwerken_adds_the_words_before_a_document_end_marker(programma):
    pad = _zonder_termen(programma)
    oud = pad.read_text(encoding="utf-8") + "...\n# einde\n"
    pad.write_text(oud, encoding="utf-8")
    uit = agenda("bijwerken", "--map", str(programma.root))
    assert uit.returncode == 0, uit.stderr
    nieuw = pad.read_text(encoding="utf-8")
    voor, toegevoegd = nieuw.split("\n\n# Toegevoegd door 'agenda bijwerken'", 1)
    assert voor + "\n" + "...\n# einde\n" == oud
    assert toegevoegd.endswith('  regios: "regio\'s"\n...\n# einde\n')
    assert programma.problemen() == []


def test_bijwerken_refuses_a_symlinked_programma_yml(programma, tmp_path):
    pad = _zonder_termen(programma)
    buiten = tmp_path / "elders.yml"
    buiten.write_bytes(pad.read_bytes())
    pad.unlink()
    pad.symlink_to(buiten)
    voor = buiten.read_bytes()
    uit = agenda("bijwerken", "--map", str(programma.root))
    assert uit.returncode == 1
    assert (
        f"{PROGRAMMA} is een symbolische koppeling (of ligt achter een) — er is niets geschreven; zet het bestand "
        "zelf in de repository"
    ) in uit.stderr
    assert "Traceback" not in uit.stderr
    assert pad.is_symlink() and buiten.read_bytes() == voor


def test_bijwerken_refuses_a_layout_it_cannot_extend(programma):
    pad = programma.pad(PROGRAMMA)
    pad.write_text('{titel: "T", periode: {van: 2024}}\n', encoding="utf-8")
    uit = agenda("bijwerken", "--map", str(programma.root))
    assert uit.returncode == 1
    assert "kon niet zonder verlies worden bijgewerkt" in uit.stderr and "Traceback" not in uit.stderr
    assert pad.read_text(encoding="utf-8") == '{titel: "T", periode: {van: 2024}}\n'
