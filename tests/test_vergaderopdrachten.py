"""Commands for meetings: draft from a docket, record the besluitenlijst, add a paper, publish; all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from regioagenda.model.overzicht import dossier
from regioagenda.model.vocab import BesluitStatus, VergaderStatus
from regioagenda.records.laden import laad
from regioagenda.werkstroom.cli import agenda

ID = "2024-06-12-kernteam"
RECORD = f"agenda/vergaderingen/{ID}.md"
MAP = f"agenda/vergaderingen/{ID}"


def _pdf(pad: Path, javascript: bool = False) -> None:
    schrijver = PdfWriter()
    schrijver.add_blank_page(595, 842)
    if javascript:
        actie = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
        schrijver._root_object[NameObject("/OpenAction")] = schrijver._add_object(actie)
    with open(pad, "wb") as f:
        schrijver.write(f)


def _agenda(root: Path, *args: str):
    return CliRunner().invoke(agenda, [*args, "--map", str(root)])


def _inhoud(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def gepland(programma):
    """The small programme with a planned kernteam meeting drafted from its docket."""
    uit = _agenda(programma.root, "vergadering", "nieuw", "--gremium", "kernteam", "--datum", "2024-06-12")
    assert uit.exit_code == 0, uit.output
    return programma


def test_a_new_meeting_s_agenda_is_what_waits_on_the_body(gepland):
    agenda_ = laad(gepland.root).agenda
    vergadering = agenda_.vergaderingen[ID]
    wachtend = dossier(agenda_, "kernteam")
    assert [b.nummer for b in wachtend] == [2]
    assert [(p.titel, p.besluit) for p in vergadering.punten] == [("Nazorg verkennen", 2)]
    assert vergadering.status is VergaderStatus.GEPLAND
    assert gepland.pad(RECORD).read_text(encoding="utf-8") == (
        "---\ngremium: kernteam\ndatum: 2024-06-12\nstatus: gepland\nagenda:\n"
        '  - titel: "Nazorg verkennen"\n    besluit: 2\n---\n'
    )


def test_a_new_meeting_with_time_and_place(programma):
    uit = _agenda(
        programma.root, "vergadering", "nieuw", "--gremium", "bestuur", "--datum", "2024-07-01",
        "--tijd", "10:00-12:00", "--plaats", "Raadzaal",
    )  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert "agenda/vergaderingen/2024-07-01-bestuur.md (0 agendapunten" in uit.output
    vergadering = laad(programma.root).agenda.vergaderingen["2024-07-01-bestuur"]
    assert (str(vergadering.begin), str(vergadering.eind), vergadering.plaats) == ("10:00:00", "12:00:00", "Raadzaal")
    assert vergadering.punten == ()


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (
            ["--gremium", "kernteem", "--datum", "2024-06-12"],
            "onbekend gremium 'kernteem' — een van 'bestuur', 'kernteam'",
        ),
        (["--gremium", "kernteam", "--datum", "2024-06"], "'2024-06' is geen dag"),
        (["--gremium", "kernteam", "--datum", "2024-06-12", "--tijd", "12:00-10:00"], "eindigt om 10:00"),
        (["--gremium", "kernteam", "--datum", "2024-06-12", "--tijd", "10"], "'10' is geen tijd"),
    ],
)
def test_a_new_meeting_is_refused_for_bad_input(programma, argumenten, melding):
    voor = _inhoud(programma.root)
    uit = _agenda(programma.root, "vergadering", "nieuw", *argumenten)
    assert uit.exit_code == 1 and melding in uit.output, uit.output
    assert _inhoud(programma.root) == voor


def test_an_existing_meeting_is_not_overwritten(gepland):
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "nieuw", "--gremium", "kernteam", "--datum", "2024-06-12")
    assert uit.exit_code == 1 and f"{RECORD} bestaat al" in uit.output
    assert _inhoud(gepland.root) == voor


def test_the_besluitenlijst_is_the_step_in_the_decision_s_route(gepland):
    uit = _agenda(gepland.root, "vergadering", "besluitenlijst", ID, "--uitkomst", "1=geadviseerd", "--toelichting",
                  "1=Positief advies")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert "Punt 1: besluit 2 (Nazorg verkennen) is nu: ter besluitvorming." in uit.output
    agenda_ = laad(gepland.root).agenda
    besluit = agenda_.besluiten[2]
    assert agenda_.status(besluit) is BesluitStatus.TER_BESLUITVORMING
    stap = besluit.verloop[-1]
    assert (stap.gremium, stap.uitkomst.id, stap.toelichting, stap.vergadering) == (
        "kernteam", "geadviseerd", "Positief advies", ID,
    )  # fmt: skip
    assert agenda_.vergaderingen[ID].gehouden
    assert (
        gepland.pad(RECORD)
        .read_text(encoding="utf-8")
        .endswith(
            'status: gehouden\nagenda:\n  - titel: "Nazorg verkennen"\n    besluit: 2\n'
            '    uitkomst: geadviseerd\n    toelichting: "Positief advies"\n---\n'
        )
    )


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["--uitkomst", "1=goedgekeurd"], f"{RECORD}:8: onbekende waarde 'goedgekeurd' voor 'uitkomst'"),
        (["--uitkomst", "2=geadviseerd"], "agendapunt 2 bestaat niet"),
        (["--uitkomst", "1"], "verwacht PUNT=WAARDE"),
    ],
)
def test_a_refused_besluitenlijst_leaves_every_file_as_it_was(gepland, argumenten, melding):
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "besluitenlijst", ID, *argumenten)
    assert uit.exit_code != 0 and melding in uit.output, uit.output
    assert _inhoud(gepland.root) == voor


def test_an_outcome_also_typed_in_the_decision_is_refused(gepland):
    gepland.vervang(
        "decisions/0002-nazorg-verkennen.md",
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n",
        "  - {datum: 2024-04-01, uitkomst: ingebracht}\n"
        "  - {datum: 2024-06-12, gremium: kernteam, uitkomst: geadviseerd}\n",
    )
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "besluitenlijst", ID, "--uitkomst", "1=geadviseerd")
    assert uit.exit_code == 1
    assert "decisions/0002-nazorg-verkennen.md:10: deze stap (12 juni 2024) staat al in de besluitenlijst" in uit.output
    assert "Er is niets gewijzigd." in uit.output
    assert _inhoud(gepland.root) == voor


def test_a_clean_paper_is_copied_and_listed(gepland, tmp_path):
    bron = tmp_path / "Advies Nazorg.PDF"
    _pdf(bron)
    uit = _agenda(gepland.root, "vergadering", "stuk", ID, "--bestand", str(bron), "--titel", "Advies", "--punt", "1",
                  "--datum", "2024-06-03")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert gepland.pad(f"{MAP}/advies-nazorg.pdf").read_bytes() == bron.read_bytes()
    stuk = laad(gepland.root).agenda.vergaderingen[ID].punten[0].stukken[0]
    assert (stuk.naam, stuk.titel, stuk.datum.iso, stuk.mediatype) == (
        "advies-nazorg.pdf", "Advies", "2024-06-03", "application/pdf",
    )  # fmt: skip
    # once there, the same name is refused and nothing changes
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "stuk", ID, "--bestand", str(bron), "--titel", "Nog eens")
    assert uit.exit_code == 1 and "advies-nazorg.pdf bestaat al" in uit.output
    assert _inhoud(gepland.root) == voor


def test_a_paper_of_the_meeting_as_a_whole(gepland, tmp_path):
    bron = tmp_path / "convocatie.pdf"
    _pdf(bron)
    # a public repository holds nothing confidential: refused, and nothing copied
    uit = _agenda(gepland.root, "vergadering", "stuk", ID, "--bestand", str(bron), "--titel", "Convocatie",
                  "--vertrouwelijk")  # fmt: skip
    assert uit.exit_code == 1 and "vertrouwelijk stuk 'convocatie.pdf' in de openbare repository" in uit.output
    assert not gepland.pad(MAP).exists()
    gepland.vervang("agenda/programma.yml", "titel:", "repository: besloten\ntitel:")
    uit = _agenda(gepland.root, "vergadering", "stuk", ID, "--bestand", str(bron), "--titel", "Convocatie",
                  "--vertrouwelijk")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    stuk = laad(gepland.root).agenda.vergaderingen[ID].stukken[0]
    assert (stuk.naam, stuk.vertrouwelijk) == ("convocatie.pdf", True)


def test_a_paper_with_javascript_is_refused_and_not_copied(gepland, tmp_path):
    bron = tmp_path / "advies.pdf"
    _pdf(bron, javascript=True)
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "stuk", ID, "--bestand", str(bron), "--titel", "Advies")
    assert uit.exit_code == 1 and "bevat JavaScript" in uit.output, uit.output
    assert _inhoud(gepland.root) == voor
    assert not gepland.pad(MAP).exists()


def test_a_paper_is_removed_again_when_the_record_cannot_be_written(gepland, tmp_path, monkeypatch):
    def kapot(root, teksten):
        raise OSError("schijf vol")

    monkeypatch.setattr("regioagenda.werkstroom.opdrachten.schrijf_samen", kapot)
    bron = tmp_path / "advies.pdf"
    _pdf(bron)
    voor = _inhoud(gepland.root)
    from regioagenda.werkstroom.vergaderopdrachten import voeg_stuk_toe

    with pytest.raises(OSError):
        voeg_stuk_toe(gepland.root, ID, bestand=bron, titel="Advies")
    assert _inhoud(gepland.root) == voor
    assert not gepland.pad(MAP).exists()


def test_publishing_changes_only_the_status_line(gepland):
    voor = gepland.pad(RECORD).read_text(encoding="utf-8")
    uit = _agenda(gepland.root, "vergadering", "publiceer", ID)
    assert uit.exit_code == 0, uit.output
    na = gepland.pad(RECORD).read_text(encoding="utf-8")
    assert na == voor.replace("status: gepland\n", "status: agenda-gepubliceerd\n")
    assert laad(gepland.root).agenda.vergaderingen[ID].status is VergaderStatus.AGENDA_GEPUBLICEERD


def test_a_held_meeting_is_not_published_again(gepland):
    assert _agenda(gepland.root, "vergadering", "besluitenlijst", ID, "--uitkomst", "1=besproken").exit_code == 0
    voor = _inhoud(gepland.root)
    uit = _agenda(gepland.root, "vergadering", "publiceer", ID)
    assert uit.exit_code == 1 and "is al gehouden" in uit.output
    assert _inhoud(gepland.root) == voor


def test_messages_say_what_to_do_first(programma, tmp_path):
    uit = _agenda(programma.root, "vergadering", "nieuw", "--gremium", "bestuur", "--datum", "2024-03-01")
    assert uit.exit_code == 0 and "(0 agendapunten" in uit.output, uit.output
    leeg = "2024-03-01-bestuur"
    uit = _agenda(programma.root, "vergadering", "besluitenlijst", leeg, "--uitkomst", "1=geaccordeerd")
    assert "agendapunt 1 bestaat niet — de agenda is nog leeg; zet eerst de punten onder 'agenda:'" in uit.output
    # a meeting still to come is refused as such, whatever else is missing
    uit = _agenda(programma.root, "vergadering", "nieuw", "--gremium", "bestuur", "--datum", "2099-03-01")
    assert uit.exit_code == 0, uit.output
    uit = _agenda(programma.root, "vergadering", "besluitenlijst", "2099-03-01-bestuur", "--toelichting", "1=x")
    assert uit.exit_code == 1 and "na vandaag" in uit.output, uit.output
    # a refused paper is named as the coordinator gave it, not by a path in the repository it never reached
    bron = tmp_path / "Advies Nazorg.pdf"
    _pdf(bron, javascript=True)
    uit = _agenda(programma.root, "vergadering", "stuk", leeg, "--bestand", str(bron), "--titel", "Advies")
    assert uit.exit_code == 1 and "stuk 'Advies Nazorg.pdf' bevat JavaScript" in uit.output, uit.output
    assert not programma.pad(f"agenda/vergaderingen/{leeg}").exists()
