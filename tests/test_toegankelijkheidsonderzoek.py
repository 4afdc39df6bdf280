"""The evaluation an accessibility status rests on: one field through the builder, one rule, one sentence."""

from __future__ import annotations

import datetime as dt

from regioagenda.model.vocab import Toegankelijkheidsstatus
from regioagenda.records.laden import laad
from regioagenda.samenstellen import stel_samen


def _regel(programma, tekst: str) -> int:
    regels = programma.pad("agenda/programma.yml").read_text("utf-8").splitlines()
    return next(i for i, r in enumerate(regels, 1) if tekst in r)


def _verklaring(agenda) -> str:
    return next(p.inhoud for p in stel_samen(agenda, dt.date(2026, 11, 30)) if p.uri == "toegankelijkheid.md")


def test_the_evaluation_is_read_into_the_model_with_its_place(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write("toegankelijkheid:\n  status: B\n  contact: toegankelijkheid@voorbeeld.nl\n")
        f.write('  onderzoek: {datum: 2026-03-12, uitvoerder: "Stichting Toegankelijk", verslag: "Rapport 2026-03"}\n')
    resultaat = laad(programma.root)
    assert resultaat.problemen == ()
    p = resultaat.agenda.programma
    assert p.toegankelijkheidsstatus is Toegankelijkheidsstatus.B
    assert p.toegankelijkheidsonderzoek.datum.iso == "2026-03-12"
    assert p.toegankelijkheidsonderzoek.uitvoerder == "Stichting Toegankelijk"
    assert resultaat.herkomst.regel(p.toegankelijkheidsonderzoek) == _regel(programma, "onderzoek:")
    verklaring = _verklaring(resultaat.agenda)
    assert (
        "volledig\nonderzocht volgens de WCAG-EM-methode: onderzoek afgerond 12 maart 2026, uitgevoerd door "
        "Stichting Toegankelijk (onderzoeksrapport: Rapport 2026-03)."
    ) in verklaring
    assert "Status volgens de Nederlandse indeling: B." in verklaring
    assert "is nog niet gedaan" not in verklaring


def test_status_a_or_b_without_its_evaluation_is_refused_at_the_status(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write("toegankelijkheid:\n  status: A\n")
    assert programma.problemen() == [
        f"agenda/programma.yml:{_regel(programma, 'status: A')}: toegankelijkheidsstatus A zonder het onderzoek "
        "waarop ze rust — 'onderzoek: {datum: JJJJ-MM-DD, uitvoerder: …, verslag: …}' onder 'toegankelijkheid' "
        "(een volledig onderzoek volgens WCAG-EM), of status C, D of E zolang dat onderzoek er niet is"
    ]


def test_status_c_needs_no_evaluation_and_the_statement_says_none_was_done(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write("toegankelijkheid:\n  status: C\n")
    agenda = programma.agenda()
    assert agenda.programma.toegankelijkheidsonderzoek is None
    verklaring = _verklaring(agenda)
    assert "Status volgens de Nederlandse indeling: C." in verklaring
    assert "met een onderzoeksrapport, is nog niet gedaan" in verklaring


def test_an_impossible_evaluation_date_is_reported_by_the_builder_with_its_line(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write("toegankelijkheid:\n  status: A\n  onderzoek: {datum: 2026-02-30}\n")
    assert programma.problemen() == [
        f"agenda/programma.yml:{_regel(programma, 'onderzoek:')}: '2026-02-30' bestaat niet: februari 2026 heeft "
        "geen dag 30 — een bestaande datum als JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ)"
    ]


def test_a_status_outside_the_dutch_classification_is_refused(programma):
    with programma.pad("agenda/programma.yml").open("a", encoding="utf-8") as f:
        f.write("toegankelijkheid:\n  status: voldoet volledig\n")
    problemen = programma.problemen()
    assert len(problemen) == 1
    assert problemen[0].startswith(f"agenda/programma.yml:{_regel(programma, 'status:')}: ")
    assert "'A', 'B', 'C', 'D', 'E'" in problemen[0]
