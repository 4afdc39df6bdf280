"""Each record is read once: parsed once per load, its data turned into model objects by one builder, and every
object keeps where it came from."""

from __future__ import annotations

import ast
import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from regioagenda.records import opslag, verzamelen
from regioagenda.records.laden import laad
from regioagenda.model.markdown import Markdown
from regioagenda.records.yamlbron import YamlDocument

ROOT = Path(__file__).resolve().parent.parent
GRONINGEN = ROOT / "tests" / "programmas" / "groningen-ontwikkeltafels"


@pytest.fixture
def gelezen(monkeypatch):
    """Counts every parse of a record file, and every slower parse for line positions."""
    telling: Counter[str] = Counter()
    posities: Counter[str] = Counter()
    for module in (verzamelen, opslag):
        for naam in ("lees_markdown_record", "lees_yaml_bestand"):
            if hasattr(module, naam):
                echt = getattr(module, naam)

                def geteld(pad, *args, _echt=echt, **kwargs):
                    telling[pad] += 1
                    return _echt(pad, *args, **kwargs)

                monkeypatch.setattr(module, naam, geteld)
    echte_posities = YamlDocument._lees_posities

    def posities_geteld(self):
        posities[self.pad] += 1
        return echte_posities(self)

    monkeypatch.setattr(YamlDocument, "_lees_posities", posities_geteld)
    return telling, posities


@pytest.mark.parametrize("root", [ROOT, GRONINGEN], ids=["3noord", "groningen"])
def test_a_load_parses_every_record_file_once_and_never_for_positions(root, gelezen):
    telling, posities = gelezen
    resultaat = laad(root)
    assert resultaat.problemen == ()
    assert telling, "no record was read"
    assert "agenda/programma.yml" in telling
    assert {pad: n for pad, n in telling.items() if n != 1} == {}
    # A clean programme never needs the second parse that gives line numbers.
    assert posities == Counter()
    assert len(telling) == len(list(verzamelen.verzamel(root).documenten()))


def test_every_model_object_knows_its_file_and_line():
    resultaat = laad(GRONINGEN)
    agenda, herkomst = resultaat.agenda, resultaat.herkomst
    besluit = next(iter(agenda.besluiten.values()))
    tekst = (GRONINGEN / besluit.bestand).read_text("utf-8").splitlines()
    assert herkomst.bestand(besluit) == besluit.bestand
    assert tekst[herkomst.regel(besluit, "titel") - 1].startswith("titel:")
    stap = besluit.stappen[-1]
    assert herkomst.bestand(stap) == besluit.bestand
    assert "uitkomst" in tekst[herkomst.regel(stap, "uitkomst") - 1]
    programma = (GRONINGEN / "agenda" / "programma.yml").read_text("utf-8").splitlines()
    regio = agenda.programma.regios[-1]
    assert f"id: {regio.id}" in programma[herkomst.regel(regio, "id") - 1]
    gremium = agenda.programma.gremia[0]
    assert f"id: {gremium.id}" in programma[herkomst.regel(gremium) - 1]


def test_an_impossible_date_is_a_problem_of_the_builder_with_its_line(programma):
    pad = next(programma.pad("decisions").glob("*.md"))
    tekst = pad.read_text("utf-8")
    datum = next(r for r in tekst.splitlines() if "datum:" in r).split("datum:")[1].split(",")[0].strip()
    pad.write_text(tekst.replace(datum, "2023-02-30", 1), "utf-8")
    regel = next(i for i, r in enumerate(pad.read_text("utf-8").splitlines(), 1) if "2023-02-30" in r)
    relatief = pad.relative_to(programma.root).as_posix()
    assert programma.problemen() == [
        f"{relatief}:{regel}: '2023-02-30' bestaat niet: februari 2023 heeft geen dag 30 — een bestaande datum als "
        "JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ)"
    ]


# Modules that may read a record document's data: the input checks and schema (verzamelen, schema), the storage
# settings that decide which folders are read (opslag), the model builder, and the commands that edit a record's
# text in place (bewerken, and programmabeheer, which finds where in programma.yml an item goes) or bring it to
# a newer format (bijwerken).
LEZERS = {
    "generator/werkstroom/programmabeheer.py",
    "generator/records/verzamelen.py",
    "generator/records/schema.py",
    "generator/records/opslag.py",
    "generator/records/modelbouw.py",
    "generator/records/yamlbron.py",
    "generator/werkstroom/bewerken.py",
    # edits a meeting record field by field (a status, an item's outcome), proving each edit by parsing it again
    "generator/werkstroom/vergaderopdrachten.py",
}


def test_only_the_builder_turns_record_data_into_facts():
    lezers = set()
    for bestand in sorted((ROOT / "generator").rglob("*.py")):
        relatief = bestand.relative_to(ROOT).as_posix()
        if relatief == "generator/records/mkdocsbeleid.py":
            continue  # mkdocs.yml is not a record: its policy reads its own parse (a 'Waarde' tree)
        boom = ast.parse(bestand.read_text("utf-8"))
        methoden = {id(k.func) for k in ast.walk(boom) if isinstance(k, ast.Call)}  # 'adres.data(…)' is a call
        if any(isinstance(k, ast.Attribute) and k.attr == "data" and id(k) not in methoden for k in ast.walk(boom)):
            lezers.add(relatief)
    assert lezers <= LEZERS
    assert "generator/records/modelbouw.py" in lezers
    assert not any(p.startswith("generator/records/regels/") for p in lezers)


def test_a_new_decision_reads_programma_yml_for_its_settings_and_for_the_check_only(programma, gelezen):
    from regioagenda.werkstroom.opdrachten import nieuw_besluit

    telling, _ = gelezen
    uit = nieuw_besluit(
        programma.root, titel="Een nieuw voorstel", soort="besluit", samenvatting="Kort.", datum="2024-01-10"
    )
    assert (programma.root / uit.pad).is_file()
    # once for where and what to write (storage, headings), once in the check of the whole programme
    assert telling["agenda/programma.yml"] == 2


def _objecten(waarde: object):
    """Every dataclass instance reachable from ``waarde``."""
    stapel, gezien = [waarde], set()
    while stapel:
        x = stapel.pop()
        if id(x) in gezien:
            continue
        gezien.add(id(x))
        if dataclasses.is_dataclass(x) and not isinstance(x, type):
            yield x
            stapel.extend(getattr(x, f.name) for f in dataclasses.fields(x))
        elif isinstance(x, dict):
            stapel.extend(x.values())
        elif isinstance(x, (tuple, list)):
            stapel.extend(x)


@pytest.mark.parametrize("root", [ROOT, GRONINGEN], ids=["3noord", "groningen"])
def test_markdown_is_typed_as_trusted_text_from_the_moment_it_is_read(root):
    """A field the model declares Markdown holds Markdown; no other field does: the type shows where it begins."""
    agenda = laad(root).agenda
    gezien = set()
    for obj in _objecten(agenda):
        for veld in dataclasses.fields(obj):
            waarde = getattr(obj, veld.name)
            if "Markdown" in str(veld.type):
                assert waarde is None or isinstance(waarde, Markdown), (type(obj).__name__, veld.name)
                gezien.add((type(obj).__name__, veld.name)) if waarde else None
            else:
                assert not isinstance(waarde, Markdown), (type(obj).__name__, veld.name)
    assert ("Besluit", "body") in gezien and ("Hoofdstuk", "body") in gezien


def test_a_record_with_a_value_that_cannot_be_converted_is_still_checked_for_everything_else(programma):
    """An impossible date leaves that field open; every other rule on the record, and on others, still runs."""
    besluit = "decisions/0001-crisisbedden-borgen.md"
    programma.vervang(besluit, "{datum: 2024-01-20, gremium: kernteam", "{datum: 2024-02-30, gremium: kernteem")
    programma.vervang(besluit, "stap: raad", "stap: rad")
    problemen = programma.problemen()
    assert [p.split(": ", 1)[1].split(" — ")[0] for p in problemen] == [
        "'2024-02-30' bestaat niet: februari 2024 heeft geen dag 30",
        "onbekend gremium 'kernteem'",
        "onbekende routestap van noordoever 'rad'",
    ]
    assert all(p.startswith(f"{besluit}:") for p in problemen)


def test_agenda_bouw_reads_every_record_once_also_for_where_it_may_write(programma, gelezen, tmp_path):
    import datetime as dt

    from regioagenda.publiceren.boom import bouw_boom

    telling, _ = gelezen
    assert bouw_boom(programma.root, tmp_path / "boom", dt.date(2026, 11, 30)) == []
    assert (tmp_path / "boom" / "index.md").is_file()
    # the private source the output guard keeps clear of comes from the same load
    assert {pad: n for pad, n in telling.items() if n != 1} == {}
