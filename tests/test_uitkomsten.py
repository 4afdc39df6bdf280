"""Outcomes in the programme's own words, each with what it means for the derived state.

A programme names its outcomes ('kennisgenomen', 'ingestemd', 'aangehouden', 'onderschreven') under
``uitkomsten:``; the status of a decision and of a region follows from their meanings, and the site and the
command line say the programme's words. The built-in words stay the default.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from jsonschema import Draft202012Validator
from sitebouw import agenda as agenda_cli

from regioagenda.model import overzicht
from regioagenda.model.vocab import Betekenis, BesluitStatus, RegioStatus
from regioagenda.records.schema import schema
from regioagenda.samenstellen.adressen import Opties
from regioagenda.samenstellen.context import Context
from regioagenda.samenstellen.opendata import besluiten as besluiten_json
from regioagenda.samenstellen.woorden import regiostand, statuswoord

PROGRAMMA = "agenda/programma.yml"
CRISIS = "decisions/0001-crisisbedden-borgen.md"
NAZORG = "decisions/0002-nazorg-verkennen.md"
PEILDATUM = dt.date(2026, 11, 30)

EIGEN = """uitkomsten:
  - {id: kennisgenomen, betekenis: kennisname}
  - {id: ingestemd, betekenis: positief}
  - {id: aangehouden, betekenis: aangehouden, toelichting: "Het bestuur besluit later."}
  - {id: onderschreven, betekenis: positief, route: regio}
"""
ROUTE = (
    '  - {id: besluit, naam: "Besluit", gremium: bestuur, uitkomsten: [geaccordeerd, afgewezen]}',
    '  - {id: besluit, naam: "Besluit", gremium: bestuur, uitkomsten: [ingestemd, afgewezen, aangehouden]}',
)


@pytest.fixture
def eigen(programma):
    """The small programme with its own outcome words; its board agrees ('ingestemd') instead of according."""
    programma.vervang(PROGRAMMA, "aanbieders:\n", EIGEN + "aanbieders:\n")
    programma.vervang(PROGRAMMA, *ROUTE)
    programma.vervang(CRISIS, "gremium: bestuur, uitkomst: geaccordeerd", "gremium: bestuur, uitkomst: ingestemd")
    return programma


def _verloop(programma, bestand: str, regels: str) -> None:
    tekst = programma.pad(bestand).read_text(encoding="utf-8")
    kop, rest = tekst.split("verloop:\n", 1)
    programma.schrijf(bestand, kop + "verloop:\n" + regels + "---" + rest.split("---", 1)[1])


def _context(agenda) -> Context:
    return Context(agenda, Opties(PEILDATUM), "index.md")


def test_the_meaning_of_a_word_decides_the_status_and_the_site_says_the_word(eigen):
    agenda = eigen.agenda()
    besluit = agenda.besluiten[1]
    assert besluit.verloop[-1].uitkomst.betekenis is Betekenis.POSITIEF
    assert agenda.status(besluit) is BesluitStatus.GEACCORDEERD
    assert str(besluit.accordering) == "2024-02-14"
    # the route's one positive word names the status everywhere: pages, filters, command line
    assert statuswoord(agenda.programma, BesluitStatus.GEACCORDEERD) == "ingestemd"
    assert statuswoord(agenda.programma, BesluitStatus.AANGEHOUDEN) == "aangehouden"
    assert statuswoord(agenda.programma, BesluitStatus.VOORGESTELD) == "voorgesteld"


def test_two_positive_words_on_the_route_keep_the_generator_s_word_for_the_status(eigen):
    eigen.vervang(PROGRAMMA, "uitkomsten: [ingestemd, afgewezen, aangehouden]", "uitkomsten: [ingestemd, geaccordeerd]")
    assert statuswoord(eigen.agenda().programma, BesluitStatus.GEACCORDEERD) == "geaccordeerd"


def test_taking_note_moves_nothing_and_claims_no_wait(eigen):
    eigen.vervang(PROGRAMMA, "uitkomsten: [besproken, geadviseerd]", "uitkomsten: [kennisgenomen, geadviseerd]")
    _verloop(eigen, NAZORG, "  - {datum: 2024-04-01, gremium: kernteam, uitkomst: kennisgenomen}\n")
    agenda = eigen.agenda()
    besluit = agenda.besluiten[2]
    assert agenda.status(besluit) is BesluitStatus.VOORGESTELD
    assert _context(agenda).wacht_sinds(besluit) is None
    # the built-in 'besproken' means the same: a body discussed it, nothing says what follows
    eigen.vervang(PROGRAMMA, "uitkomsten: [kennisgenomen, geadviseerd]", "uitkomsten: [besproken, geadviseerd]")
    _verloop(
        eigen,
        NAZORG,
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n"
        "  - {datum: 2024-04-09, gremium: kernteam, uitkomst: besproken}\n",
    )
    agenda = eigen.agenda()
    assert agenda.status(agenda.besluiten[2]) is BesluitStatus.VOORGESTELD
    assert _context(agenda).wacht_sinds(agenda.besluiten[2]) is None
    # before the discussion it did wait, since it was put in, on the body that advises
    _verloop(eigen, NAZORG, "  - {datum: 2024-04-01, uitkomst: ingebracht}\n")
    wacht = _context(eigen.agenda()).wacht_sinds(eigen.agenda().besluiten[2])
    assert (str(wacht.datum), wacht.op) == ("2024-04-01", "Kernteam")


def test_a_postponed_decision_waits_on_the_body_that_held_it_since_that_day(eigen):
    _verloop(
        eigen,
        NAZORG,
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n"
        "  - {datum: 2024-04-10, gremium: kernteam, uitkomst: geadviseerd}\n"
        "  - {datum: 2024-05-02, gremium: bestuur, uitkomst: aangehouden}\n",
    )
    agenda = eigen.agenda()
    besluit = agenda.besluiten[2]
    assert agenda.status(besluit) is BesluitStatus.AANGEHOUDEN
    assert besluit in overzicht.dossier(agenda, "bestuur")
    assert besluit not in overzicht.dossier(agenda, "kernteam")
    wacht = _context(agenda).wacht_sinds(besluit)
    assert (str(wacht.datum), wacht.op) == ("2024-05-02", "Bestuurlijk overleg")


@pytest.mark.parametrize(
    ("woord", "status", "tekst", "wacht"),
    [
        ("kennisgenomen", RegioStatus.KENNISGENOMEN, "kennisgenomen", False),
        ("onderschreven", RegioStatus.VASTGESTELD, "onderschreven", False),
        ("aangehouden", RegioStatus.AANGEHOUDEN, "aangehouden", True),
        ("vastgesteld", RegioStatus.VASTGESTELD, "vastgesteld", False),
    ],
)
def test_a_region_s_own_word_decides_its_state_and_is_what_the_site_says(eigen, woord, status, tekst, wacht):
    eigen.vervang(CRISIS, "stap: raad, uitkomst: vastgesteld", f"stap: raad, uitkomst: {woord}")
    agenda = eigen.agenda()
    besluit = agenda.besluiten[1]
    assert regiostand(agenda, besluit, "noordoever") == (status, tekst)
    assert status.wacht is wacht
    # a region that only took note, or endorsed it, is not waiting, and never late however long ago it was
    wachtend = {w.regio.id for w in overzicht.wachtende_bekrachtigingen(agenda, PEILDATUM)}
    assert ("noordoever" in wachtend) is wacht
    assert besluit.regio_te_laat(agenda.programma.regio("noordoever"), PEILDATUM) is wacht


def test_the_college_agreeing_before_the_council_decides_leaves_the_region_in_procedure(eigen):
    # Noordoever's route is college, then raad: the college's 'vastgesteld' is not the region's last word
    eigen.vervang(CRISIS, "stap: raad, uitkomst: vastgesteld", "stap: college, uitkomst: vastgesteld")
    agenda = eigen.agenda()
    assert regiostand(agenda, agenda.besluiten[1], "noordoever") == (RegioStatus.IN_PROCEDURE, "in procedure")
    eigen.vervang(
        CRISIS,
        "    - {datum: 2024-03-01, stap: college, uitkomst: vastgesteld}\n",
        "    - {datum: 2024-03-01, stap: college, uitkomst: ingestemd}\n"
        "    - {datum: 2024-04-11, stap: raad, uitkomst: ingestemd}\n",
    )
    agenda = eigen.agenda()  # a second positive step, at the route's last step, is accepted
    assert regiostand(agenda, agenda.besluiten[1], "noordoever") == (RegioStatus.VASTGESTELD, "ingestemd")
    laatste = "    - {datum: 2024-04-11, stap: raad, uitkomst: ingestemd}\n"
    eigen.vervang(CRISIS, laatste, laatste + "    - {datum: 2024-05-01, stap: raad, uitkomst: kennisgenomen}\n")
    assert any("al 'ingestemd' heeft besloten" in p for p in eigen.problemen())  # after the last word, nothing


def test_a_count_of_members_that_endorsed_it_reads_in_the_programme_s_word(eigen):
    eigen.vervang(CRISIS, "stap: raad, uitkomst: vastgesteld", "stap: raad, uitkomst: onderschreven, aantal: 1")
    agenda = eigen.agenda()
    assert regiostand(agenda, agenda.besluiten[1], "noordoever") == (
        RegioStatus.DEELS_VASTGESTELD,
        "deels onderschreven",
    )


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        (
            "stap: raad, uitkomst: vastgesteld",
            "stap: raad, uitkomst: gewogen",
            f"{CRISIS}:13: onbekende waarde 'gewogen' voor 'uitkomst' — een van 'aangehouden', 'geagendeerd', "
            "'ingestemd', 'kennisgenomen', 'niet-vastgesteld', 'onderschreven', 'vastgesteld' (of een eigen uitkomst "
            "onder 'uitkomsten:' in agenda/programma.yml)",
        ),
        (
            "gremium: bestuur, uitkomst: ingestemd",
            "gremium: bestuur, uitkomst: onderschreven",
            f"{CRISIS}:10: 'onderschreven' is een uitkomst van een regio (onder 'regionaal'), geen uitkomst van de "
            "programmaroute — een van 'aangehouden', 'afgewezen', 'besproken', 'geaccordeerd', 'geadviseerd', "
            "'impact-beschreven', 'ingebracht', 'ingestemd', 'ingetrokken', 'kennisgenomen', 'teruggekoppeld'",
        ),
    ],
)
def test_a_word_the_route_cannot_give_is_refused_with_its_line(eigen, oud, nieuw, melding):
    eigen.vervang(CRISIS, oud, nieuw)
    assert eigen.problemen() == [melding]


def test_the_declaration_itself_is_checked(eigen):
    eigen.vervang(
        PROGRAMMA,
        "  - {id: onderschreven, betekenis: positief, route: regio}\n",
        "  - {id: onderschreven, betekenis: positief, route: regio}\n"
        "  - {id: kennisgenomen, betekenis: kennisname}\n"
        "  - {id: teruggemeld, betekenis: opvolging, route: regio}\n",
    )
    assert eigen.problemen() == [
        f"{PROGRAMMA}:25: id 'kennisgenomen' komt vaker voor — een unieke id binnen 'uitkomsten'",
        f"{PROGRAMMA}:26: een regio kan geen uitkomst met betekenis 'opvolging' geven — route: programma (alleen de "
        "programmaroute kent ingebracht, ingetrokken en opvolging)",
    ]


def test_an_unknown_meaning_is_the_one_problem_reported(eigen):
    eigen.vervang(PROGRAMMA, "{id: ingestemd, betekenis: positief}", "{id: ingestemd, betekenis: gewichtig}")
    problemen = eigen.problemen()
    # the decisions' own words are not reported as unknown while the declaration they come from is broken
    assert len(problemen) == 1 and problemen[0].startswith(f"{PROGRAMMA}:22:") and "'gewichtig'" in problemen[0]


def test_a_programme_can_give_a_built_in_word_another_meaning(programma):
    programma.vervang(
        PROGRAMMA, "aanbieders:\n", "uitkomsten:\n  - {id: besproken, betekenis: doorgeleid}\naanbieders:\n"
    )
    _verloop(programma, NAZORG, "  - {datum: 2024-04-01, gremium: kernteam, uitkomst: besproken}\n")
    agenda = programma.agenda()
    assert agenda.status(agenda.besluiten[2]) is BesluitStatus.TER_BESLUITVORMING


def test_open_data_give_each_word_with_its_meaning_and_validate(eigen):
    eigen.vervang(CRISIS, "stap: raad, uitkomst: vastgesteld", "stap: raad, uitkomst: kennisgenomen")
    agenda = eigen.agenda()
    data = json.loads(besluiten_json(agenda, PEILDATUM, lambda b: f"besluiten/{b.code}/"))
    Draft202012Validator(schema("data-besluiten")).validate(data)
    een = next(b for b in data["besluiten"] if b["nummer"] == 1)
    assert [(s["uitkomst"], s["betekenis"]) for s in een["verloop"]][-1] == ("ingestemd", "positief")
    noord = een["regionaal"]["noordoever"]
    assert (noord["status"], noord["stappen"][-1]["betekenis"]) == ("kennisgenomen", "kennisname")


def test_the_command_line_says_the_programme_s_words(eigen):
    uit = agenda_cli(
        "stap",
        "2",
        "--map",
        str(eigen.root),
        "--gremium",
        "bestuur",
        "--uitkomst",
        "aangehouden",
        "--datum",
        "2024-05-02",
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.rstrip().endswith("Besluit 2 is nu: aangehouden.")
    uit = agenda_cli(
        "stap",
        "1",
        "--map",
        str(eigen.root),
        "--regio",
        "zuidoever",
        "--uitkomst",
        "onderschreven",
        "--datum",
        "2024-06-01",
    )
    assert uit.returncode == 0, uit.stderr
    assert "Besluit 1 is nu: ingestemd; in Zuidoever: onderschreven." in uit.stdout
