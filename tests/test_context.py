"""What templates ask instead of compute: Context answers, model properties and the Dutch plural helper."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from regioagenda import nederlands
from regioagenda.model.datum import Datum
from regioagenda.model.deelopdracht import Deelopdracht, Fase, Mijlpaal, Persoon
from regioagenda.model.overig import Risico, Risicoregister
from regioagenda.model.planning import Tijdas
from regioagenda.model.vocab import MijlpaalToestand, RegioStatus
from regioagenda.samenstellen.adressen import Opties
from regioagenda.samenstellen.context import Context
from regioagenda.samenstellen.weergave import NADER, omgeving

PEILDATUM = dt.date(2026, 11, 30)


def _context(agenda, peildatum: dt.date = PEILDATUM) -> Context:
    return Context(agenda, Opties(peildatum), "index.md")


@pytest.mark.parametrize(
    ("n", "woord", "met_aantal"),
    [(0, "besluiten", "0 besluiten"), (1, "besluit", "1 besluit"), (2, "besluiten", "2 besluiten")],
)
def test_plural_follows_the_count(n, woord, met_aantal):
    assert nederlands.meervoud(n, "besluit", "besluiten") == woord
    assert nederlands.aantal(n, "besluit", "besluiten") == met_aantal


def test_plural_counts_a_collection_and_groups_thousands():
    assert nederlands.meervoud(["één"], "Trekker", "Trekkers") == "Trekker"
    assert nederlands.meervoud(("a", "b"), "Trekker", "Trekkers") == "Trekkers"
    assert nederlands.aantal(1154, "dag", "dagen") == "1.154 dagen"


def test_templates_get_the_plural_helpers():
    sjabloon = omgeving().from_string('{{ aantal(n, "besluit", "besluiten") }}|{{ meervoud(n, "dag", "dagen") }}')
    assert sjabloon.render(n=1) == "1 besluit|dag"
    assert sjabloon.render(n=3) == "3 besluiten|dagen"


def test_risk_register_names_the_fields_no_risk_fills():
    leeg = Risicoregister((("a", "A"),), (Risico("r1", "a", "Iets"), Risico("r2", "a", "Nog iets")))
    assert (leeg.met_beheersmaatregelen, leeg.met_eigenaar) == (False, False)
    assert leeg.open_velden == ["beheersmaatregelen", "eigenaar"]
    deels = replace(leeg, risicos=(Risico("r1", "a", "Iets", eigenaar="Kernteam"), Risico("r2", "a", "Nog iets")))
    assert (deels.met_beheersmaatregelen, deels.met_eigenaar) == (False, True)
    assert deels.open_velden == ["beheersmaatregelen"]
    vol = replace(deels, risicos=(*deels.risicos, Risico("r3", "a", "Meer", beheersmaatregelen=("Bewaken",))))
    assert vol.open_velden == []


def test_phase_names_its_open_fields_and_its_filled_lists():
    fase = Fase("Fase 1", resultaten=("Plan",), disciplines=("Jeugdzorg", "Onderwijs"))
    assert fase.lijsten == [("resultaten", ("Plan",)), ("disciplines", ("Jeugdzorg", "Onderwijs"))]
    assert fase.open_velden == ["omschrijving", "activiteiten", "mijlpalen"]
    vol = replace(fase, omschrijving="O", activiteiten=("A",), mijlpalen=(Mijlpaal("M", Datum.lees("2024-06-30")),))
    assert vol.open_velden == []
    assert [veld for veld, _ in vol.lijsten] == ["resultaten", "activiteiten", "disciplines"]


def test_charter_names_its_open_fields_in_the_programmes_words():
    d = Deelopdracht("x", "X", ("noord",), doel="Doel", trekkers=(Persoon("Jan"),), budget="€ 10.000")
    open_ = d.open_kenmerken("ontwikkeltafels")
    assert "doel" not in open_ and "trekkers" not in open_ and "budget" not in open_
    assert open_[:2] == ["prioriteit", "status"]
    assert open_[-1] == "samenhang met andere ontwikkeltafels"
    assert "aanspreekpunt" not in replace(d, aanspreekpersoon=Persoon(rol="Coördinator")).open_kenmerken("delen")


def test_timeline_axis_answers_grid_columns_after_the_label():
    as_ = Tijdas(2024, 2025)
    assert as_.eerste_rasterkolom == 2
    assert as_.jaarkoppen == [(2024, 2), (2025, 6)]
    assert as_.kwartaalkoppen[:5] == [("K1", 2), ("K2", 3), ("K3", 4), ("K4", 5), ("K1", 6)]
    assert len(as_.kwartaalkoppen) == as_.kwartalen == 8
    assert as_.raster(as_.kolom(dt.date(2025, 11, 1))) == 9


def test_nulplaten_by_peildatum_then_id_and_the_revised_one(programma):
    programma.schrijf(
        "agenda/nulplaten/aaa-2024.md",
        '---\ntitel: "Nulplaat aaa"\npeildatum: 2024-01-15\nambitie: "Iets."\nknoppen:\n  - wat: "Een knop"\n---\n',
    )
    z = _context(programma.agenda())
    assert [n.id for n in z.nulplaten()] == ["aaa-2024", "crisisopvang-2024", "crisisopvang-2025"]
    herzien = z.agenda.nulplaten["crisisopvang-2025"]
    assert z.vorige_nulplaat(herzien).id == "crisisopvang-2024"
    verschil = z.verschil_met_vorige(herzien)
    assert verschil.oud.id == "crisisopvang-2024" and verschil.nieuw is herzien
    assert z.verschil_met_vorige(z.agenda.nulplaten["crisisopvang-2024"]) is None


def test_a_revision_of_a_snapshot_not_in_the_agenda_has_no_difference(programma):
    z = _context(programma.agenda())
    los = replace(z.agenda.nulplaten["crisisopvang-2025"], vervangt="elders")
    assert z.vorige_nulplaat(los) is None and z.verschil_met_vorige(los) is None


def test_home_limits_are_named_and_the_shortened_list_says_how_many(programma):
    z = _context(programma.agenda())
    alle = z.nog_te_bekrachtigen()
    assert [(b.nummer, w.regio.id) for b, w in alle] == [(1, "zuidoever")]
    assert Context.LANGST_WACHTEND == 10
    volledig = z.langst_wachtend()
    assert (volledig.getoond, volledig.totaal, volledig.limiet, volledig.ingekort) == (alle, 1, 10, False)
    ingekort = z.langst_wachtend(limiet=0)
    assert (ingekort.getoond, ingekort.totaal, ingekort.ingekort) == ([], 1, True)
    assert z.nog_te_bekrachtigen("zuidoever") == alle
    assert z.nog_te_bekrachtigen("noordoever") == []


def test_region_names_terms_and_planned_steps_come_from_context(programma):
    programma.vervang(
        "decisions/0001-crisisbedden-borgen.md",
        "    - {datum: 2024-03-01, stap: raad, uitkomst: vastgesteld}\n",
        "    - {datum: 2024-03-01, stap: college, uitkomst: geagendeerd}\n"
        "    - {datum: 2024-05-01, stap: raad, uitkomst: vastgesteld, gepland: true}\n",
    )
    z = _context(programma.agenda())
    b = z.besluit(1)
    assert z.regiostapnaam("noordoever", "raad") == "Gemeenteraad"
    assert str(z.termijn("noordoever")) == "90 dagen" and str(z.termijn("zuidoever")) == "45 dagen"
    assert [(r, [s.stap for s in stappen]) for r, stappen in z.regionaal_gepland(b)] == [("noordoever", ["raad"])]
    rij = z.regiorij(b, "noordoever")
    assert rij["status"] is RegioStatus.IN_PROCEDURE
    assert rij["laatste_datum"] == Datum.lees("2024-03-01") and rij["laatste_stap"] == "College van B&W"
    assert z.regiorij(b, "zuidoever")["laatste_datum"] is None
    assert z.regiogroepen() == []


def test_a_region_without_terms_is_nader_in_te_vullen(programma):
    programma.vervang("agenda/programma.yml", ", termijn_dagen: 45}", "}")
    assert _context(programma.agenda()).termijn("zuidoever") == NADER


def test_charter_contact_is_a_region_name_or_a_person(programma):
    z = _context(programma.agenda())
    d = z.deelopdracht("crisisopvang")
    assert z.aanspreekpunt(d) is None
    assert z.aanspreekpunt(replace(d, aanspreekpunt="noordoever")) == "Noordoever"
    persoon = Persoon("Piet", rol="coördinator")
    assert z.aanspreekpunt(replace(d, aanspreekpersoon=persoon)) == "Piet (coördinator)"
    assert "aanspreekpunt" in z.open_kenmerken(d) and "trekkers" in z.open_kenmerken(d)


def test_versions_and_period_of_a_programme_without_versions(programma):
    z = _context(programma.agenda())
    assert z.geldende_versie is None and z.versies_nieuwste_eerst() == []
    assert z.werkversie == z.adres.AGENDA
    assert str(z.periode) == "2024 – 2027"
    programma.vervang("agenda/programma.yml", "periode: {van: 2024, tot: 2027}", "periode: {van: 2024}")
    assert str(_context(programma.agenda()).periode) == "2024 – " + NADER


def test_planning_says_whether_to_draw_and_which_lists_to_show(programma):
    z = _context(programma.agenda(), dt.date(2024, 1, 1))
    plan = z.planning(z.deelopdracht("crisisopvang"))
    assert plan["getekend"] is True
    assert [rij["raster"] for rij in plan["rijen"]] == [(2, 6)]
    assert [t for t, _ in plan["lijsten"]] == list(Context.ALTIJD_TONEN)
    assert [p.mijlpaal.titel for p in dict(plan["lijsten"])[MijlpaalToestand.KOMEND]] == ["Contract getekend"]
    leeg = z.planning(z.deelopdracht("nazorg"))
    assert leeg["getekend"] is False and all(not lijst for _, lijst in leeg["lijsten"])
