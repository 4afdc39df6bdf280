"""'agenda start' writes the charter template in full, so that a new programme sees which fields its charters have
and can leave out the ones it does not use."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from sitebouw import agenda

from regioagenda.model.vocab import Faseveld, Kenmerk
from regioagenda.records.laden import laad

PROGRAMMA = "agenda/programma.yml"
PEILDATUM = "2026-03-01"


def _start(map_: Path, *extra: str) -> Path:
    uit = agenda("start", str(map_), "--titel", "Jeugdhulp Zuid", "--regio", "west=Regio West", *extra)
    assert uit.returncode == 0, uit.stderr
    return map_


def _in_orde(map_: Path) -> None:
    uit = agenda("controleer", "--map", str(map_))
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.startswith("Alles in orde."), uit.stdout


def _vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text("utf-8")
    assert oud in tekst, f"{oud!r} staat niet in {pad}"
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")


def _charter_met_fase(map_: Path, titel: str = "Wachttijden") -> Path:
    """A charter from 'agenda nieuw onderdeel', left empty but for one phase without any of its fields."""
    uit = agenda("nieuw", "onderdeel", "--map", str(map_), "--titel", titel)
    assert uit.returncode == 0, uit.stderr
    (charter,) = (map_ / "agenda" / "deelopdrachten").glob("*.md")
    _vervang(charter, f'titel: "{titel}"\n', f'titel: "{titel}"\nfasen:\n  - titel: Verkennen\n')
    return charter


def _bouw(map_: Path, uit: Path) -> dict[str, bytes]:
    resultaat = agenda("build", "--map", str(map_), "--out", str(uit), "--peildatum", PEILDATUM)
    assert resultaat.returncode == 0, resultaat.stderr
    return {p.relative_to(uit).as_posix(): p.read_bytes() for p in sorted(uit.rglob("*")) if p.is_file()}


def _open(pagina: str) -> list[list[str]]:
    """Each 'Nader in te vullen: …' list of a built Markdown page, as its field names."""
    return [regel.split(", ") for regel in re.findall(r"^\*Nader in te vullen:\* (.+)\.$", pagina, re.M)]


def test_start_writes_every_charter_and_phase_field_in_vocabulary_order(tmp_path):
    map_ = _start(tmp_path / "zuid")
    tekst = (map_ / PROGRAMMA).read_text("utf-8")
    sjabloon = yaml.safe_load(tekst)["sjabloon"]
    assert sjabloon == {"onderdeel": Kenmerk.waarden(), "fase": Faseveld.waarden()}  # no 'namen' in force
    # how to name a block is shown, commented out, with the blocks the schema lets a programme rename
    assert "  # namen:\n" in tekst and '  #   subopdrachten: "Deelprojecten"\n' in tekst
    assert "(team, subopdrachten, voorzieningen, aanbieders, werkgroepen)" in tekst
    assert "Haal de velden weg die het\n# programma niet gebruikt" in tekst and "'nader in te vullen'" in tekst
    programma = laad(map_).agenda.programma
    assert programma.sjabloon.onderdeel == frozenset(Kenmerk) and programma.sjabloon.fase == frozenset(Faseveld)
    assert programma.sjabloon.namen == {}
    _in_orde(map_)
    leesmij = (map_ / "README.md").read_text("utf-8")
    leesmij = " ".join(leesmij.split())
    assert "onder `sjabloon:`. Haal daar weg wat het programma niet gebruikt" in leesmij
    assert "*nader in te vullen* als ze leeg zijn, en `agenda nieuw onderdeel` zet alleen die klaar." in leesmij


def test_the_template_speaks_of_the_programme_s_own_word_for_its_parts(tmp_path):
    map_ = _start(tmp_path / "oost", "--onderdeel", "projectopdracht", "--onderdelen", "projectopdrachten")
    tekst = (map_ / PROGRAMMA).read_text("utf-8")
    assert "# Het sjabloon: de velden van een projectopdracht en van de fasen daarin." in tekst
    assert "een nieuw projectopdracht" not in tekst  # no adjective that would have to agree with the word
    _in_orde(map_)


def test_the_full_template_builds_the_same_site_as_no_template(tmp_path):
    map_ = _start(tmp_path / "zuid")
    charter = _charter_met_fase(map_)
    met = _bouw(map_, tmp_path / "met")
    nieuw_met = charter.read_text("utf-8")
    tekst = (map_ / PROGRAMMA).read_text("utf-8")
    zonder_tekst, n = re.subn(r"# Het sjabloon:.*?(?=^opbouw:)", "", tekst, flags=re.S | re.M)
    assert n == 1 and "sjabloon" not in zonder_tekst
    (map_ / PROGRAMMA).write_text(zonder_tekst, encoding="utf-8")
    _in_orde(map_)
    assert laad(map_).agenda.programma.sjabloon.onderdeel is None
    zonder = _bouw(map_, tmp_path / "zonder")
    assert sorted(met) == sorted(zonder)
    assert [pad for pad in met if met[pad] != zonder[pad]] == []
    # the open fields really are on the page, all of them: the comparison above is not of two empty pages
    velden, fase = _open(met["onderdelen/wachttijden.md"].decode("utf-8"))
    assert "budget" in velden and "werkgroepen" in velden and fase == Faseveld.waarden()
    # and a new charter suggests the same fields either way
    charter.unlink()
    assert agenda("nieuw", "onderdeel", "--map", str(map_), "--titel", "Wachttijden").returncode == 0
    assert charter.read_text("utf-8") == nieuw_met.replace("fasen:\n  - titel: Verkennen\n", "")


def test_fields_deleted_from_the_template_leave_new_charters_and_the_site(tmp_path):
    map_ = _start(tmp_path / "zuid")
    programma = map_ / PROGRAMMA
    _vervang(programma, "    - budget\n", "")
    _vervang(programma, "    - disciplines\n", "")
    _in_orde(map_)
    sjabloon = laad(map_).agenda.programma.sjabloon
    assert Kenmerk.BUDGET not in sjabloon.onderdeel and Faseveld.DISCIPLINES not in sjabloon.fase
    assert sjabloon.onderdeel == frozenset(Kenmerk) - {Kenmerk.BUDGET}

    charter = _charter_met_fase(map_)
    inhoud = charter.read_text("utf-8")
    assert "# budget:" not in inhoud
    assert "# doel:" in inhoud and "# capaciteit:" in inhoud and "# team:" in inhoud  # the others stay
    _in_orde(map_)

    velden, fase = _open(_bouw(map_, tmp_path / "site")["onderdelen/wachttijden.md"].decode("utf-8"))
    assert "budget" not in velden and "disciplines" not in fase
    assert velden[:3] == ["doel", "prioriteit", "status"] and "capaciteit" in velden
    assert fase == ["omschrijving", "resultaten", "activiteiten", "mijlpalen"]

    # a charter that fills a field the programme left out is told where to add it
    _vervang(charter, "fasen:\n", 'budget: "€ 10.000"\nfasen:\n')
    uit = agenda("controleer", "--map", str(map_))
    assert uit.returncode == 1 and "'budget' staat niet in het sjabloon van het programma" in uit.stderr


def test_the_example_name_works_once_its_comment_signs_are_taken_away(tmp_path):
    map_ = _start(tmp_path / "zuid")
    _vervang(
        map_ / PROGRAMMA,
        '  # namen:\n  #   subopdrachten: "Deelprojecten"\n',
        "  namen:\n    subopdrachten: Deelprojecten\n",
    )
    _in_orde(map_)
    assert laad(map_).agenda.programma.sjabloon.namen == {"subopdrachten": "Deelprojecten"}


def test_commands_that_add_to_programma_yml_leave_the_template_whole(tmp_path):
    """The template stands before 'opbouw:': a chapter joins the outline, a source the end of the file, and the
    template with its comments stays as it was."""
    map_ = _start(tmp_path / "zuid")
    tekst = (map_ / PROGRAMMA).read_text("utf-8")
    blok = re.search(r"# Het sjabloon:.*?(?=^opbouw:)", tekst, re.S | re.M).group(0)
    for opdracht in (
        ["nieuw", "hoofdstuk", "--titel", "Werkwijze", "--nummer", "3"],
        ["nieuw", "bron", "--titel", "Regiovisie", "--datum", "2025-06"],
        ["nieuw", "gremium", "--naam", "Bestuurlijk overleg"],
        ["nieuw", "routestap", "--naam", "Besluit", "--gremium", "bestuurlijk-overleg", "--uitkomst", "geaccordeerd"],
    ):
        uit = agenda(*opdracht, "--map", str(map_))
        assert uit.returncode == 0, (opdracht, uit.stderr)
    na = (map_ / PROGRAMMA).read_text("utf-8")
    assert blok in na
    data = yaml.safe_load(na)
    assert data["sjabloon"] == {"onderdeel": Kenmerk.waarden(), "fase": Faseveld.waarden()}
    assert data["bronnen"][0]["id"] == "regiovisie" and data["opbouw"][-1] == {"hoofdstuk": "werkwijze"}
    _in_orde(map_)
