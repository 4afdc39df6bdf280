"""Model: dates with precision, statuses derived from dated steps, regional terms."""

from __future__ import annotations

import datetime as dt

import pytest

from regioagenda import nederlands
from regioagenda.model.datum import Datum, OngeldigeDatum, Precisie
from regioagenda.model.vocab import BesluitStatus, RegioStatus, Soort

BESLUIT = "decisions/0001-crisisbedden-borgen.md"


@pytest.mark.parametrize(
    ("invoer", "precisie", "nl", "begin", "eind"),
    [
        ("2024-02-14", Precisie.DAG, "14 februari 2024", dt.date(2024, 2, 14), dt.date(2024, 2, 14)),
        ("2024-02", Precisie.MAAND, "februari 2024", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-Q3", Precisie.KWARTAAL, "3e kwartaal 2023", dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
        (2030, Precisie.JAAR, "2030", dt.date(2030, 1, 1), dt.date(2030, 12, 31)),
    ],
)
def test_dates_keep_their_precision(invoer, precisie, nl, begin, eind):
    datum = Datum.lees(invoer)
    assert (datum.precisie, nederlands.datum(datum), datum.begin, datum.eind) == (precisie, nl, begin, eind)
    assert Datum.lees(datum.iso) == datum


@pytest.mark.parametrize("invoer", ["2024-02-30", "2023-13", "2024-Q5", "gisteren", "24-02-2024"])
def test_impossible_dates_are_refused(invoer):
    with pytest.raises(OngeldigeDatum):
        Datum.lees(invoer)


def test_vague_dates_only_conflict_when_certainly_earlier():
    assert Datum.lees(2023).zeker_voor(Datum.lees("2024-01-01"))
    assert not Datum.lees(2023).zeker_voor(Datum.lees("2023-06-01"))
    assert not Datum.lees("2023-06-01").zeker_voor(Datum.lees(2023))


def _met_verloop(programma, regels: str) -> None:
    """Replace the decision's steps (and drop its regional steps) by ``regels``."""
    tekst = programma.pad(BESLUIT).read_text(encoding="utf-8")
    kop = tekst[: tekst.index("verloop:\n")]
    programma.schrijf(BESLUIT, kop + ("verloop:\n" + regels if regels else "verloop: []\n") + "---\n\nTekst.\n")


@pytest.mark.parametrize(
    ("regels", "status"),
    [
        ("", BesluitStatus.VOORGESTELD),
        ("  - {datum: 2024-01-10, uitkomst: ingebracht}\n", BesluitStatus.VOORGESTELD),
        ("  - {datum: 2024-01-10, gremium: kernteam, uitkomst: besproken}\n", BesluitStatus.VOORGESTELD),
        ("  - {datum: 2024-01-10, gremium: kernteam, uitkomst: geadviseerd}\n", BesluitStatus.TER_BESLUITVORMING),
        ("  - {datum: 2024-01-10, gremium: bestuur, uitkomst: afgewezen}\n", BesluitStatus.AFGEWEZEN),
        (
            "  - {datum: 2024-01-10, uitkomst: ingebracht}\n  - {datum: 2024-01-12, uitkomst: ingetrokken}\n",
            BesluitStatus.INGETROKKEN,
        ),
    ],
)
def test_status_is_derived_from_steps(programma, regels, status):
    _met_verloop(programma, regels)
    agenda = programma.agenda()
    assert agenda.status(agenda.besluiten[1]) is status


def test_accorded_decision_and_regional_statuses(programma):
    agenda = programma.agenda()
    besluit = agenda.besluiten[1]
    assert besluit.soort is Soort.BESLUIT
    assert agenda.status(besluit) is BesluitStatus.GEACCORDEERD
    assert besluit.accordering == Datum.lees("2024-02-14")
    assert besluit.regio_status("noordoever") is RegioStatus.VASTGESTELD
    assert besluit.regio_status("zuidoever") is RegioStatus.OPEN


def test_region_is_late_once_its_term_has_passed(programma):
    agenda = programma.agenda()
    besluit = agenda.besluiten[1]
    zuidoever = agenda.programma.regio("zuidoever")  # term: 45 days after accordering on 2024-02-14
    assert besluit.dagen_wachtend(dt.date(2024, 3, 30)) == 45
    assert not besluit.regio_te_laat(zuidoever, dt.date(2024, 3, 30))
    assert besluit.regio_te_laat(zuidoever, dt.date(2024, 3, 31))
    noordoever = agenda.programma.regio("noordoever")
    assert not besluit.regio_te_laat(noordoever, dt.date(2030, 1, 1))  # already vastgesteld


def test_unknown_term_is_never_late(programma):
    programma.vervang(
        "agenda/programma.yml",
        '{id: algemeen-bestuur, naam: "Algemeen bestuur", termijn_dagen: 45}',
        '{id: algemeen-bestuur, naam: "Algemeen bestuur"}',
    )
    agenda = programma.agenda()
    assert agenda.programma.regio("zuidoever").termijn_dagen is None
    assert not agenda.besluiten[1].regio_te_laat(agenda.programma.regio("zuidoever"), dt.date(2030, 1, 1))


def test_replaced_only_by_an_accorded_decision(programma):
    agenda = programma.agenda()
    assert agenda.status(agenda.besluiten[1]) is BesluitStatus.GEACCORDEERD  # 2 is only proposed
    programma.vervang(
        "decisions/0002-nazorg-verkennen.md",
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n",
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n  - {datum: 2024-05-01, gremium: bestuur, uitkomst: "
        "geaccordeerd}\n",
    )
    agenda = programma.agenda()
    assert agenda.status(agenda.besluiten[1]) is BesluitStatus.VERVANGEN
    assert [b.nummer for b in agenda.vervangen_door(agenda.besluiten[1])] == [2]


def test_milestone_late_against_peildatum(programma):
    agenda = programma.agenda()
    [(fase, mijlpaal)] = agenda.deelopdrachten["crisisopvang"].mijlpalen
    assert fase.titel == "Fase 1"
    assert not mijlpaal.te_laat(dt.date(2024, 6, 30))
    assert mijlpaal.te_laat(dt.date(2024, 7, 1))


def test_charter_regions_default_to_all(programma):
    agenda = programma.agenda()
    assert agenda.deelopdrachten["nazorg"].regios == ("noordoever", "zuidoever")


def test_confidential_decisions_leave_the_public_view(programma):
    programma.vervang(
        "agenda/programma.yml", 'titel: "Testprogramma Zuid"', 'titel: "Testprogramma Zuid"\nrepository: besloten'
    )
    programma.vervang("decisions/0002-nazorg-verkennen.md", "soort: signaal\n", "soort: signaal\nvertrouwelijk: true\n")
    agenda = programma.agenda()
    publiek = agenda.openbaar()
    assert sorted(publiek.besluiten) == [1]
    assert publiek.vertrouwelijk == frozenset({2})
