"""Commands that add to programma.yml: exact lines in, every other byte kept, refusals that write nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from regioagenda.model.vocab import Verzameling
from regioagenda.werkstroom import bewerken
from regioagenda.werkstroom.opdrachten import Geweigerd
from regioagenda.werkstroom.programmabeheer import nieuw_gremium, nieuw_hoofdstuk, nieuwe_bron, nieuwe_regio

PROGRAMMA = "agenda/programma.yml"


def _regels(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _ingevoegd(oud: bytes, nieuw: bytes) -> dict[int, bytes]:
    """The lines inserted, by the index of the old line they come before; every old line is kept in order."""
    oude, nieuwe = _regels(oud), _regels(nieuw)
    uit: dict[int, bytes] = {}
    i = 0
    for regel in nieuwe:
        if i < len(oude) and regel == oude[i]:
            i += 1
        else:
            uit[i] = uit.get(i, b"") + regel
    assert i == len(oude), "an old line was changed or removed"
    return uit


def _na(oud: bytes, regel: bytes) -> int:
    """The index of the old line that follows ``regel`` (the insertion point after it)."""
    return _regels(oud).index(regel) + 1


def _bestanden(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_new_body_is_one_line_after_the_last(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    uit = nieuw_gremium(
        programma.root, id="regiegroep", naam="Regiegroep", samenstelling="De directeuren", rol="Bereidt voor."
    )
    assert uit.pad == PROGRAMMA
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(oud, b'  - {id: bestuur, naam: "Bestuurlijk overleg"}\n'): (
            b'  - {id: regiegroep, naam: "Regiegroep", samenstelling: "De directeuren", rol: "Bereidt voor."}\n'
        )
    }
    gremium = programma.agenda().programma.gremia[-1]
    assert (gremium.id, gremium.naam, gremium.rol) == ("regiegroep", "Regiegroep", "Bereidt voor.")


def test_new_region_with_municipalities_as_its_parts(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuwe_regio(
        programma.root,
        id="fryslan",
        naam="Fryslân",
        organisatie="SDF",
        soort="regio",
        gemeenten=["Súdwest-Fryslân", "gemeente-leeuwarden=Leeuwarden"],
    )
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(oud, b'      - {id: algemeen-bestuur, naam: "Algemeen bestuur", termijn_dagen: 45}\n'): (
            "  - id: fryslan\n"
            '    naam: "Fryslân"\n'
            '    organisatie: "SDF"\n'
            "    soort: regio\n"
            "    onderdelen:\n"
            '      - {id: sudwest-fryslan, naam: "Súdwest-Fryslân", soort: gemeente}\n'
            '      - {id: gemeente-leeuwarden, naam: "Leeuwarden", soort: gemeente}\n'
        ).encode()
    }
    model = programma.agenda().programma
    assert model.regio("sudwest-fryslan").naam == "Súdwest-Fryslân"
    assert model.regio("sudwest-fryslan").boven == "fryslan"
    assert model.regio("fryslan").onderdelen == ("sudwest-fryslan", "gemeente-leeuwarden")


def test_new_region_under_another_adds_its_parts_list(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuwe_regio(programma.root, naam="Oostkant", boven="noordoever")
    tussen = programma.pad(PROGRAMMA).read_bytes()
    assert _ingevoegd(oud, tussen) == {
        _na(oud, b'      - {id: raad, naam: "Gemeenteraad", termijn_dagen: 60}\n'): (
            b'    onderdelen:\n      - {id: oostkant, naam: "Oostkant"}\n'
        )
    }
    model = programma.agenda().programma
    assert model.regio("oostkant").boven == "noordoever"
    assert model.regio("noordoever").onderdelen == ("oostkant",)


def test_new_region_in_the_parts_of_a_new_region(programma):
    nieuwe_regio(programma.root, naam="Fryslân", gemeenten=["Leeuwarden"])
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuwe_regio(programma.root, naam="Harlingen", boven="fryslan", soort="gemeente")
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(oud, b'      - {id: leeuwarden, naam: "Leeuwarden", soort: gemeente}\n'): (
            b'      - {id: harlingen, naam: "Harlingen", soort: gemeente}\n'
        )
    }
    assert programma.agenda().programma.regio("harlingen").boven == "fryslan"


def test_region_in_a_flow_item_is_refused(programma):
    nieuwe_regio(programma.root, naam="Oostkant", boven="noordoever")
    voor = _bestanden(programma.root)
    with pytest.raises(Geweigerd) as fout:
        nieuwe_regio(programma.root, naam="Dorp", boven="oostkant")
    assert fout.value.problemen == [
        "agenda/programma.yml: 'onderdelen' staat op één regel — zet de onderdelen onder elkaar en probeer het opnieuw"
    ]
    assert _bestanden(programma.root) == voor


def test_new_source_creates_the_missing_register(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuwe_bron(
        programma.root,
        id="transformatieagenda",
        titel="Transformatieagenda Jeugd",
        verwijzing="Transformatieagenda",
        datum="2023-09-25",
        status="concept",
        uitgever="3Noord",
    )
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        len(_regels(oud)): (
            b"bronnen:\n"
            b'  - {id: transformatieagenda, verwijzing: "Transformatieagenda", titel: "Transformatieagenda Jeugd", '
            b'datum: 2023-09-25, status: concept, uitgever: "3Noord"}\n'
        )
    }
    bron = programma.agenda().programma.bronnen[0]
    assert (bron.id, bron.titel, bron.verwijzing, bron.status) == (
        "transformatieagenda",
        "Transformatieagenda Jeugd",
        "Transformatieagenda",
        "concept",
    )


def test_new_source_in_a_flow_list(programma):
    programma.vervang(PROGRAMMA, "opbouw:", "bronnen: []  # het register\nopbouw:")
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuwe_bron(programma.root, titel="Startdocument")
    regel = b"bronnen: []  # het register\n"
    assert _regels(programma.pad(PROGRAMMA).read_bytes()) == [
        b'bronnen: [{id: startdocument, titel: "Startdocument"}]  # het register\n' if r == regel else r
        for r in _regels(oud)
    ]
    nieuwe_bron(programma.root, titel="Verslag")
    assert b'bronnen: [{id: startdocument, titel: "Startdocument"}, {id: verslag, titel: "Verslag"}]' in (
        programma.pad(PROGRAMMA).read_bytes()
    )
    assert [b.id for b in programma.agenda().programma.bronnen] == ["startdocument", "verslag"]


def test_new_chapter_writes_its_record_and_its_place(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    uit = nieuw_hoofdstuk(programma.root, id="slot", titel="Slot", nummer="3")
    assert uit.pad == "agenda/hoofdstukken/slot.md"
    assert programma.pad(uit.pad).read_bytes() == b'---\ntitel: "Slot"\nnummer: "3"\n---\n\nNader in te vullen.\n'
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(oud, b'    titel: "Deelopdrachten"\n'): b"  - hoofdstuk: slot\n"
    }
    agenda = programma.agenda()
    assert agenda.hoofdstukken["slot"].titel == "Slot"
    assert [o.hoofdstuk or o.sectie for o in agenda.programma.opbouw][-1] == "slot"


def test_new_chapter_after_a_given_place(programma):
    oud = programma.pad(PROGRAMMA).read_bytes()
    nieuw_hoofdstuk(programma.root, titel="Aanleiding", nummer="1.1", plaats="inleiding")
    assert _ingevoegd(oud, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(oud, b"  - hoofdstuk: inleiding\n"): b"  - hoofdstuk: aanleiding\n"
    }
    assert [o.hoofdstuk or o.sectie.value for o in programma.agenda().programma.opbouw] == [
        "inleiding",
        "aanleiding",
        "onderdelen",  # 'deelopdrachten', the section's earlier name
    ]


def test_chapter_and_place_are_written_together_or_not_at_all(programma, monkeypatch):
    voor = _bestanden(programma.root)
    echt = bewerken.schrijf_atomair

    def faalt_bij_programma(pad, tekst):
        if Path(pad).name == "programma.yml" and isinstance(tekst, str):
            raise OSError(28, "No space left on device", str(pad))
        echt(pad, tekst)

    monkeypatch.setattr(bewerken, "schrijf_atomair", faalt_bij_programma)
    with pytest.raises(OSError):
        nieuw_hoofdstuk(programma.root, id="slot", titel="Slot", nummer="3")
    assert _bestanden(programma.root) == voor  # the chapter written first is gone again


def test_crlf_file_stays_crlf_and_comments_in_the_list_stay(programma):
    programma.vervang(
        PROGRAMMA,
        '  - {id: bestuur, naam: "Bestuurlijk overleg"}\n',
        '  # het bestuur komt elk kwartaal bijeen\n  - {id: bestuur, naam: "Bestuurlijk overleg"}  # voorzitter\n'
        "  # nog aan te vullen\n",
    )
    crlf = programma.pad(PROGRAMMA).read_bytes().replace(b"\n", b"\r\n")
    programma.pad(PROGRAMMA).write_bytes(crlf)
    nieuw_gremium(programma.root, naam="Werkgroep")
    assert _ingevoegd(crlf, programma.pad(PROGRAMMA).read_bytes()) == {
        _na(crlf, b'  - {id: bestuur, naam: "Bestuurlijk overleg"}  # voorzitter\r\n'): (
            b'  - {id: werkgroep, naam: "Werkgroep"}\r\n'
        )
    }
    assert "werkgroep" in programma.agenda().programma.ids(Verzameling.GREMIA)


def test_crlf_chapter_place(programma):
    crlf = programma.pad(PROGRAMMA).read_bytes().replace(b"\n", b"\r\n")
    programma.pad(PROGRAMMA).write_bytes(crlf)
    nieuw_hoofdstuk(programma.root, titel="Slot", nummer="3")
    assert _ingevoegd(crlf, programma.pad(PROGRAMMA).read_bytes()) == {
        len(_regels(crlf)) - 1: b"  - hoofdstuk: slot\r\n"
    }


@pytest.mark.parametrize(
    ("opdracht", "argumenten", "melding"),
    [
        (
            nieuw_gremium,
            {"id": "kernteam", "naam": "Kernteam"},
            "agenda/programma.yml:14: gremium 'kernteam' bestaat al",
        ),
        (nieuw_gremium, {"id": "Kern Team", "naam": "Kernteam"}, "'Kern Team' is geen geldige id"),
        (nieuwe_regio, {"naam": "Zuidoever"}, "agenda/programma.yml:9: regio 'zuidoever' bestaat al"),
        (
            nieuwe_regio,
            {"naam": "Westkant", "gemeenten": ["Noordoever"]},
            "agenda/programma.yml:4: gemeente 'Noordoever' krijgt de id 'noordoever', maar die regio bestaat al",
        ),
        (nieuwe_regio, {"naam": "Westkant", "gemeenten": ["Dorp", "dorp"]}, "krijgt de id 'dorp', die al bij"),
        (nieuwe_regio, {"naam": "Westkant", "boven": "nergens"}, "onbekende regio 'nergens' — een van 'noordoever'"),
        (nieuwe_bron, {"titel": "Startdocument", "datum": "gisteren"}, "agenda/programma.yml:"),
        (nieuw_hoofdstuk, {"id": "inleiding", "titel": "Inleiding", "nummer": "1"}, "inleiding.md bestaat al"),
        (nieuw_hoofdstuk, {"titel": "Slot", "nummer": "3a"}, "'3a' is geen hoofdstuknummer"),
        (nieuw_hoofdstuk, {"titel": "Slot", "nummer": "3", "plaats": "nergens"}, "onbekend hoofdstuk of sectie"),
        (nieuw_hoofdstuk, {"id": "../slot", "titel": "Slot", "nummer": "3"}, "is geen geldige id"),
    ],
)
def test_refusals_write_nothing(programma, opdracht, argumenten, melding):
    voor = _bestanden(programma.root)
    with pytest.raises(Geweigerd) as fout:
        opdracht(programma.root, **argumenten)
    assert melding in str(fout.value)
    assert "Traceback" not in str(fout.value)
    assert _bestanden(programma.root) == voor


def test_chapter_already_in_the_structure_is_refused(programma):
    programma.vervang(PROGRAMMA, "  - hoofdstuk: inleiding\n", "  - hoofdstuk: inleiding\n  - hoofdstuk: slot\n")
    voor = _bestanden(programma.root)
    with pytest.raises(Geweigerd) as fout:
        nieuw_hoofdstuk(programma.root, id="slot", titel="Slot", nummer="3")
    assert _bestanden(programma.root) == voor
    assert fout.value.problemen == [
        "agenda/programma.yml:26: hoofdstuk 'slot' staat al in 'opbouw' (maar agenda/hoofdstukken/slot.md "
        "ontbreekt) — maak het bestand met de hand of kies een andere id"
    ]


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (
            'gremia:\n  - {id: kernteam, naam: "Kernteam"}\n  - {id: bestuur, naam: "Bestuurlijk overleg"}\n',
            'gremia: [{id: kernteam, naam: "Kernteam"},\n  {id: bestuur, naam: "Bestuurlijk overleg"}]\n',
            "agenda/programma.yml: de lijst 'gremia' loopt over meer regels — zet de gremia onder elkaar "
            "('- ' per gremium)",
        ),
        (
            'gremia:\n  - {id: kernteam, naam: "Kernteam"}\n  - {id: bestuur, naam: "Bestuurlijk overleg"}\n',
            "gremia:\n",
            "agenda/programma.yml bevat fouten; los die eerst op:",
        ),
    ],
)
def test_layouts_that_cannot_be_edited_are_refused(programma, oud, nieuw, melding):
    programma.vervang(PROGRAMMA, oud, nieuw)
    voor = _bestanden(programma.root)
    with pytest.raises(Geweigerd) as fout:
        nieuw_gremium(programma.root, naam="Werkgroep")
    assert melding in str(fout.value)
    assert _bestanden(programma.root) == voor


def test_refused_while_other_records_have_problems(programma):
    programma.vervang("decisions/0002-nazorg-verkennen.md", "titel:", "titelx:")
    voor = _bestanden(programma.root)
    with pytest.raises(Geweigerd) as fout:
        nieuw_gremium(programma.root, naam="Werkgroep")
    assert fout.value.problemen[0] == "andere records bevatten fouten; los die eerst op (agenda controleer):"
    assert _bestanden(programma.root) == voor
