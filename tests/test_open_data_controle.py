"""Third-party check of the published open data: every data file against the schema it names, by two validators.

Both sites are built as they are published (under the suite's example sub-path, ``AGENDA_SITE_URL``). Each data
file names its schema by absolute address in ``$schema``; each published schema names that same address in
``$id``. Every data file is then validated against that published schema by ``jsonschema`` (Draft 2020-12, with
its format checker) and independently by ``jsonschema_rs`` (with format validation).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema_rs
import pytest
from jsonschema import Draft202012Validator

from regioagenda.samenstellen import opendata
from regioagenda.samenstellen.adressen import Opties
from regioagenda.samenstellen.paginas import stel_samen
from sitebouw import VOORBEELDSITES, bouw_voorbeeldsite

ADRES = os.environ["AGENDA_SITE_URL"]  # conftest sets it for every build in the suite: a Pages sub-path


@pytest.fixture(scope="module", params=sorted(VOORBEELDSITES))
def site(request, tmp_path_factory) -> Path:
    return bouw_voorbeeldsite(request.param, tmp_path_factory.mktemp(f"open-data-{request.param}") / "site")


def _lokaal(site: Path, adres: str) -> Path:
    """The built file that the site publishes at ``adres`` (an absolute address under the site's)."""
    assert adres.startswith(ADRES), f"{adres} ligt niet onder het adres van de site {ADRES}"
    return site / adres.removeprefix(ADRES)


def _datafiles(site: Path) -> list[Path]:
    bestanden = sorted((site / "data").glob("*.json"))
    assert bestanden, "geen open data gepubliceerd"
    return bestanden


def _schemas_volgens_de_pagina(site: Path) -> dict[str, str]:
    """Each data file's schema as the open-data page pairs them for a reader: file name -> schema's address."""
    bron = (site / "open-data" / "index.html").read_text("utf-8")
    pagina = ADRES + "open-data/"
    rij = r'<a href="([^"]*data/[^"/]+\.json)">.*?<a href="([^"]*schemas/[^"/]+\.schema\.json)">'
    paren = re.findall(rij, bron, re.S)
    return {urlsplit(urljoin(pagina, d)).path.rsplit("/", 1)[1]: urljoin(pagina, s) for d, s in paren}


def _absoluut(adres: str) -> bool:
    delen = urlsplit(adres)
    return delen.scheme == "https" and bool(delen.netloc)


def test_every_data_file_names_its_published_schema_by_absolute_address(site):
    volgens_de_pagina = _schemas_volgens_de_pagina(site)
    assert sorted(volgens_de_pagina) == [b.name for b in _datafiles(site)]
    for bestand in _datafiles(site):
        data = json.loads(bestand.read_text("utf-8"))
        assert "$schema" in data, f"{bestand.name} noemt zijn schema niet"
        assert _absoluut(data["$schema"]), data["$schema"]
        assert data["$schema"] == volgens_de_pagina[bestand.name]
        assert _lokaal(site, data["$schema"]).is_file(), f"{data['$schema']} is niet gepubliceerd"


def test_every_published_schema_has_the_absolute_id_it_is_published_at(site):
    schemas = sorted((site / "schemas").glob("*.schema.json"))
    assert len(schemas) >= 4
    for bestand in schemas:
        schema = json.loads(bestand.read_text("utf-8"))
        assert _absoluut(schema["$id"]), f"{bestand.name}: $id {schema['$id']!r} is niet absoluut"
        assert schema["$id"] == ADRES + f"schemas/{bestand.name}"


def _schema_van(site: Path, bestand: Path) -> dict:
    """The published schema of a data file, as the open-data page pairs them (whether or not the file names it)."""
    return json.loads(_lokaal(site, _schemas_volgens_de_pagina(site)[bestand.name]).read_text("utf-8"))


def test_every_data_file_validates_against_its_schema_with_jsonschema(site):
    for bestand in _datafiles(site):
        data = json.loads(bestand.read_text("utf-8"))
        schema = _schema_van(site, bestand)
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        fouten = [f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in validator.iter_errors(data)]
        assert fouten == [], (bestand.name, fouten[:10])


def test_every_data_file_validates_against_its_schema_with_jsonschema_rs(site):
    for bestand in _datafiles(site):
        data = json.loads(bestand.read_text("utf-8"))
        validator = jsonschema_rs.Draft202012Validator(_schema_van(site, bestand), validate_formats=True)
        fouten = [f"{'/'.join(map(str, f.instance_path))}: {f.message}" for f in validator.iter_errors(data)]
        assert fouten == [], (bestand.name, fouten[:10])


def test_the_schemas_check_the_fields_they_promise():
    """Guard against a validator that accepts anything: a wrong value and an unknown field are refused by both."""
    schema = json.loads(opendata.gepubliceerd_schema("data-planning", _verzonden("data-planning"), ADRES))
    fout = {"$schema": "geen adres", "programma": "x", "peildatum": "30-11-2026", "fasen": [], "mijlpalen": []}
    jsonschema_fouten = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert {f.json_path for f in jsonschema_fouten.iter_errors(fout)} >= {"$.peildatum"}
    rs_fouten = jsonschema_rs.Draft202012Validator(schema, validate_formats=True).iter_errors(fout)
    assert {tuple(f.instance_path) for f in rs_fouten} >= {("$schema",), ("peildatum",)}
    onbekend = {"programma": "x", "peildatum": "2026-11-30", "fasen": [], "mijlpalen": [], "extra": 1}
    assert not Draft202012Validator(schema).is_valid(onbekend)
    assert not jsonschema_rs.Draft202012Validator(schema).is_valid(onbekend)


def _verzonden(soort: str) -> str:
    return resources.files("regioagenda.records").joinpath("schemas", f"{soort}.schema.json").read_text("utf-8")


def test_a_published_schema_differs_from_the_shipped_one_in_its_id_alone():
    for soort in ("data-besluiten", "data-deelopdrachten", "data-planning", "data-vergaderingen", "besluit"):
        verzonden = _verzonden(soort)
        gepubliceerd = opendata.gepubliceerd_schema(soort, verzonden, ADRES)
        assert json.loads(gepubliceerd)["$id"] == ADRES + f"schemas/{soort}.schema.json"
        assert {**json.loads(gepubliceerd), "$id": None} == {**json.loads(verzonden), "$id": None}
        anders = [(a, b) for a, b in zip(verzonden.splitlines(), gepubliceerd.splitlines(), strict=True) if a != b]
        assert len(anders) == 1 and anders[0][0] == f'  "$id": "{soort}.schema.json",'
        assert opendata.gepubliceerd_schema(soort, verzonden, "") == verzonden  # no address: as shipped


def test_without_the_site_s_address_a_data_file_names_no_schema_rather_than_a_guessed_one(programma):
    """A local preview does not know where the site lands: no ``$schema`` and the shipped relative ``$id``."""
    bestanden = {p.uri: p.als_bytes for p in stel_samen(programma.agenda(), Opties(dt.date(2026, 6, 1)))}
    for uri, inhoud in bestanden.items():
        if uri.startswith("data/") and uri.endswith(".json"):
            assert "$schema" not in json.loads(inhoud), uri
        if uri.startswith("schemas/") and uri.endswith(".schema.json"):
            assert json.loads(inhoud)["$id"] == uri.removeprefix("schemas/"), uri
