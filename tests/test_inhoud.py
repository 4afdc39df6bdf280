"""The embedded 3Noord content: complete, and faithful to seed 000 (nothing invented)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from regioagenda.records.laden import laad

SEED = ROOT.parent / "shared" / "seeds" / "000_c83bae2a0d21a542.txt"


@pytest.fixture(scope="module")
def agenda():
    resultaat = laad(ROOT)
    assert not resultaat.problemen
    return resultaat.agenda


@pytest.fixture(scope="module")
def bron() -> str:
    if not SEED.is_file():
        pytest.skip(f"de bron staat niet naast de repository ({SEED})")
    return _normaal(SEED.read_text(encoding="utf-8"))


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst.replace("**", "")).strip()


def _alinea_s(markdown: str) -> list[str]:
    """Prose paragraphs and list items of a body, without headings, notes and our 'nader in te vullen' lines."""
    stukken = []
    for blok in re.split(r"\n\s*\n", markdown):
        blok = blok.strip()
        if not blok or blok.startswith(("#", "!!!", "    ")) or blok.startswith("Nader in te vullen"):
            continue
        for regel in re.split(r"\n(?=- )", blok):
            stukken.append(_normaal(regel.removeprefix("- ").replace("\\*", "*")))
    return stukken


def test_counts(agenda):
    assert len(agenda.deelopdrachten) == 7
    register = agenda.risicoregister
    assert len(register.risicos) == 13
    assert [(naam, len(lijst)) for _, naam, lijst in register.per_categorie()] == [
        ("Commitment", 3),
        ("Financiering", 2),
        ("Bemensing", 2),
        ("Complexiteit", 2),
        ("Informatie en Inzicht", 1),
        ("Toekomst", 3),
    ]
    assert [d.titel for d in agenda.deelopdrachten_op_volgorde()] == [
        "JeugdhulpPlus",
        "Gezinspsychiatrie Beilen – GGZ Drenthe",
        "Klinische GGZ functies - Accare",
        "Transformatie residentieel – kleinschaligheid (O3M / O2M)",
        "Multidisciplinaire voorzieningen LVB",
        "Forensisch",
        "Overige klinische functies",
    ]
    assert [d.prioriteit.value for d in agenda.deelopdrachten_op_volgorde()] == ["hoog"] * 4 + ["normaal"] * 3


def _lijst_na(body: str, inleiding: str) -> list[str]:
    na = body.split(inleiding, 1)[1]
    return re.findall(r"^- (.+)$", na.split("\n\n\n")[0].split("\n\n", 2)[1], re.M)


def test_seven_grondslagen_and_four_points_van_belang(agenda):
    grondslagen = _lijst_na(agenda.hoofdstukken["hoofdlijn"].body, "gemeenschappelijke grondslagen:")
    assert len(grondslagen) == 7
    assert grondslagen[3] == "Bovenregionaal oriënteren is niet altijd bovenregionaal contracteren."
    van_belang = _lijst_na(agenda.hoofdstukken["deelopdrachten"].body, "bij alle deelopdrachten van belang:")
    assert van_belang == [
        "Ervaringsdeskundigheid te betrekken, zodat de behoefte en hulpvraag van de jeugdige en het gezin centraal "
        "blijft staan.",
        "De ervaringen en inzichten van de drie expertteams uit Friesland, Drenthe en Groningen te betrekken en "
        "benutten.",
        "Inzicht te hebben in welke (wetenschappelijke) kennis beschikbaar is vanuit het JENN en Kenniswerkplaatsen, "
        "zodat "
        "beschikbare kennis efficiënt wordt ingezet en geen herhaald onderzoek hoeft te worden gedaan.",
        "Stabiliteit in contractering te bieden.",
    ]


def test_route_follows_section_5_1_and_regional_routes_stay_open(agenda):
    programma = agenda.programma
    assert [(s.gremium, [u.id for u in s.uitkomsten]) for s in programma.besluitvormingsroute] == [
        (None, ["ingebracht"]),
        ("regiegroep", ["besproken"]),
        ("regiegroep", ["geadviseerd"]),
        ("stuurgroep", ["geaccordeerd", "afgewezen"]),
        ("regiegroep", ["teruggekoppeld"]),
        ("coordinatoren", ["impact-beschreven"]),
    ]
    for regio in programma.regios:
        assert regio.termijn_dagen is None  # §9.1 names no terms
        assert "nader in te vullen" in regio.besluitvormingsroute[0].toelichting


def test_every_record_names_its_source(agenda):
    records = [
        *agenda.hoofdstukken.values(),
        *agenda.deelopdrachten.values(),
        *agenda.besluiten.values(),
        *agenda.nulplaten.values(),
        *agenda.risicoregister.risicos,
    ]
    verwijzing = agenda.programma.bronnen[0].verwijzing  # the source in the programme's register
    assert verwijzing == "Uitvoeringsagenda 3Noord"
    assert all(r.bron and r.bron.startswith(verwijzing) for r in records)


def test_prose_is_verbatim_from_the_source(agenda, bron):
    teksten = []
    for record in [*agenda.hoofdstukken.values(), *agenda.deelopdrachten.values(), *agenda.besluiten.values()]:
        teksten += [(record.bestand, a) for a in _alinea_s(record.body)]
    for d in agenda.deelopdrachten.values():
        teksten += [(d.bestand, _normaal(f.omschrijving)) for f in d.fasen]
        teksten += [(d.bestand, _normaal(k.doel.toelichting)) for k in d.kengetallen]
    teksten += [("agenda/risicos.yml", _normaal(r.omschrijving)) for r in agenda.risicoregister.risicos]
    teksten += [("agenda/programma.yml", _normaal(f.omschrijving)) for f in agenda.programma.fasen]
    for n in agenda.nulplaten.values():
        teksten += [(n.bestand, _normaal(t)) for t in (n.ambitie, *n.doelen, *(k.wat for k in n.knoppen))]
        teksten += [(n.bestand, _normaal(h)) for k in n.knoppen for h in k.hoe]
    niet_in_bron = [(pad, t) for pad, t in teksten if t not in bron]
    assert len(teksten) > 150
    assert niet_in_bron == []


def test_built_agenda_contains_verbatim_phrases(tmp_path):
    from sitebouw import mkdocs_build, pagina, tekst

    assert mkdocs_build(ROOT / "mkdocs.yml", tmp_path, "2026-11-22").returncode == 0
    agenda = tekst(pagina(tmp_path, "uitvoeringsagenda"))
    for zin in [
        "Duurzaam passende jeugdhulp voor die jeugdigen en gezinnen die dat in 3Noord nodig hebben!",
        "Contractering en borging functie Gezinspsychiatrie Beilen GGZ Drenthe voor (minimaal) 5 jaar.",
        "Arbeidsmarktproblematiek: beschikking over voldoende (gekwaliceerd) personeel blijft achter bij uitvoering "
        "plannen",
        "Wanneer op het niveau van 3Noord wordt ingekocht staan de regio's voor uniformiteit in voorwaarden en "
        "tarieven.",
        "Aanbieders met een multidisciplinaire voorziening LVB zijn: Alliade, Cosis, Ambiq, De Zijlen, 's Heerenloo.",
    ]:
        assert zin in agenda
    # what the source leaves open is still said, but once per block instead of once per empty field
    assert 20 < agenda.lower().count("nader in te vullen") < 60
    plaat = pagina(tmp_path, "nulplaten/uitvoeringsagenda-2023")
    assert plaat.count('<li class="nulplaat__knop">') == 10
    assert '<p class="nulplaat__wat">gezamenlijke regie</p>' in plaat
    assert "nulplaten/uitvoeringsagenda-2023" in pagina(tmp_path, "")


def test_freezing_the_real_agenda_gives_a_version_that_passes_the_check(tmp_path):
    import shutil

    from regioagenda.werkstroom.opdrachten import nieuw_besluit, vaststellen, zet_stap

    root = tmp_path / "3noord"
    for deel in ("agenda", "decisions", "docs"):
        shutil.copytree(ROOT / deel, root / deel)
    b = nieuw_besluit(
        root, titel="Vaststelling werkversie", soort="vaststelling", samenvatting="Vaststelling.", datum="2026-01-05"
    )
    nummer = int(b.pad.split("/")[1][:4])
    zet_stap(root, nummer, gremium="stuurgroep", uitkomst="geaccordeerd", datum="2026-01-20")
    uit = vaststellen(root, versie="2026.1", besluit=nummer)
    assert uit.pad == "agenda/versies/2026.1.md"
    assert laad(root).problemen == ()
