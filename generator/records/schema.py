"""Validate record data against the published JSON Schemas, in Dutch, with lines."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from collections.abc import Iterator
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

from regioagenda.model.vocab import RecordSoort
from regioagenda.problemen import Probleem
from regioagenda.records.suggesties import bedoelde_u, opsomming
from regioagenda.records.yamlbron import YamlDocument

SOORTEN = tuple(RecordSoort)

_JA_NEE = {"ja", "nee", "yes", "no", "on", "off", "j", "n", "y"}

_TYPEN = {
    "string": "een tekst",
    "integer": "een geheel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst (regels die met '- ' beginnen)",
    "object": "een blok met sleutels",
}


@cache
def schema(soort: str) -> dict[str, Any]:
    """The JSON Schema of a record kind, as shipped in ``generator/schemas``."""
    tekst = resources.files("regioagenda.records").joinpath("schemas", f"{soort}.schema.json").read_text("utf-8")
    return json.loads(tekst)


def _geheel_getal(checker, waarde: object) -> bool:
    # JSON Schema counts 3.0 as an integer; a record number or year written as 3.0 is a typo, not a count.
    return isinstance(waarde, int) and not isinstance(waarde, bool)


@cache
def _heel(patroon: str) -> re.Pattern[str]:
    """A schema pattern with JSON Schema's meaning of ``$``: the end of the text, as ``\\Z`` in Python.

    Python's ``$`` also matches before a final line break, so ``^[a-z]+$`` would take 'abc\\n' for an id.
    """
    uit, in_klasse, i = [], False, 0
    while i < len(patroon):
        teken = patroon[i]
        if teken == "\\":
            uit.append(patroon[i : i + 2])
            i += 2
            continue
        if teken == "[":
            in_klasse = True
        elif teken == "]":
            in_klasse = False
        uit.append("\\Z" if teken == "$" and not in_klasse else teken)
        i += 1
    return re.compile("".join(uit))


def _patroon(validator, patroon: str, waarde: object, schema_: dict) -> Iterator[ValidationError]:
    if validator.is_type(waarde, "string") and not _heel(patroon).search(waarde):
        yield ValidationError(f"{waarde!r} does not match {patroon!r}")


_StrengeValidator = validators.extend(
    Draft202012Validator,
    validators={"pattern": _patroon},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _geheel_getal),
)


@cache
def _validator(soort: str) -> Draft202012Validator:
    return _StrengeValidator(schema(soort))


@cache
def markdownvelden(soort: str) -> tuple[tuple[str, ...], ...]:
    """Paths of the fields a record kind's schema marks as Markdown (``*`` for every item of a list)."""
    volledig = schema(soort)
    uit: list[tuple[str, ...]] = []
    # Each entry carries the definitions it passed through, so that a recursive definition (regions within
    # regions) ends the walk instead of looping. Such a definition must not hold Markdown fields of its own:
    # their paths below the first level would not be listed (test_kern checks that none does).
    stapel: list[tuple[tuple[str, ...], dict, frozenset[str]]] = [((), volledig, frozenset())]
    while stapel:
        pad, deel, gezien = stapel.pop()
        if "$ref" in deel:
            naam = deel["$ref"].rsplit("/", 1)[1]
            if naam in gezien:
                continue
            gezien = gezien | {naam}
            deel = volledig["$defs"][naam]
        if deel.get("contentMediaType") == "text/markdown":
            uit.append(pad)
        for sleutel, kind in deel.get("properties", {}).items():
            stapel.append(((*pad, sleutel), kind, gezien))
        if isinstance(deel.get("items"), dict):
            stapel.append(((*pad, "*"), deel["items"], gezien))
    return tuple(sorted(uit))


@dataclass(frozen=True)
class Woordenlijst:
    """A closed vocabulary a schema names with a 'title' ('uitkomst van een regio'), and where it is used."""

    titel: str
    woorden: tuple[str, ...]
    soort: str
    """The record kind whose schema has it."""
    sleutel: str
    """The top-level key of that record it sits under ('verloop', 'regionaal')."""


@cache
def woordenlijsten() -> tuple[Woordenlijst, ...]:
    """Every named vocabulary in the record schemas: an enum with a 'title'.

    A value of one named vocabulary written where another applies (a programme-route outcome in a region's
    step) is reported as such, instead of with a look-alike word of the right one.
    """
    uit: list[Woordenlijst] = []
    for soort in SOORTEN:
        stapel: list[tuple[str, Any]] = [("", schema(soort))]
        while stapel:
            sleutel, deel = stapel.pop()
            if isinstance(deel, dict):
                if "enum" in deel and isinstance(deel.get("title"), str):
                    uit.append(Woordenlijst(deel["title"], tuple(map(str, deel["enum"])), soort, sleutel))
                for naam, kind in deel.items():
                    if naam == "properties" and isinstance(kind, dict):
                        stapel.extend((sleutel or k, v) for k, v in kind.items())
                    elif naam != "enum":
                        stapel.append((sleutel, kind))
            elif isinstance(deel, list):
                stapel.extend((sleutel, kind) for kind in deel)
    return tuple(uit)


def _andere_woordenlijst(waarde: object, titel: str, recordsoort: str) -> Woordenlijst | None:
    """The named vocabulary, other than the one titled ``titel``, that has ``waarde``: the one of the same record
    kind first (its place in the record can be named)."""
    lijsten = sorted(woordenlijsten(), key=lambda w: w.soort != recordsoort)
    return next((w for w in lijsten if w.titel != titel and str(waarde) in w.woorden), None)


def _heeft_komma_geheel(data: Any) -> bool:
    """Whether any value is a float with an integral value (3.0), which the fast check would take for an integer."""
    stapel = [data]
    while stapel:
        waarde = stapel.pop()
        if isinstance(waarde, float) and waarde.is_integer():
            return True
        if isinstance(waarde, dict):
            stapel.extend(waarde.values())
        elif isinstance(waarde, list):
            stapel.extend(waarde)
    return False


@cache
def _snelle_controle(soort: str):
    """The same schema compiled to Python code: a fast yes/no before the thorough, slower report."""
    return fastjsonschema.compile(schema(soort))


def valideer(soort: str, document: YamlDocument) -> list[Probleem]:
    """All schema problems of one record, each with its file line."""
    try:
        _snelle_controle(soort)(document.data)
        if not _heeft_komma_geheel(document.data):
            return []
    except fastjsonschema.JsonSchemaException:
        pass  # invalid: let jsonschema find every problem, with paths for the line numbers
    fouten = sorted(_validator(soort).iter_errors(document.data), key=lambda f: list(map(str, f.absolute_path)))
    problemen: list[Probleem] = []
    for fout in fouten:
        problemen.extend(_vertaal(fout, document, soort))
    return problemen


def _vertaal(fout: ValidationError, doc: YamlDocument, recordsoort: str) -> list[Probleem]:
    pad = list(fout.absolute_path)
    veld = next((str(p) for p in reversed(pad) if isinstance(p, str)), "")
    waarde = fout.instance
    regel = doc.regel(*pad)
    soort = fout.validator
    if soort == "additionalProperties":
        toegestaan = fout.schema.get("properties", {}).keys()
        return [
            Probleem(
                doc.pad,
                doc.regel(*pad, sleutel),
                f"onbekende sleutel '{sleutel}'",
                f"een van {opsomming(toegestaan)}{bedoelde_u(sleutel, toegestaan)}",
            )
            for sleutel in waarde
            if sleutel not in fout.schema.get("properties", {})
        ]
    if soort == "required":
        ontbreekt = fout.message.split("'")[1] if "'" in fout.message else "?"
        plek = f" in '{veld}'" if veld else ""
        return [
            Probleem(doc.pad, regel, f"verplichte sleutel '{ontbreekt}' ontbreekt{plek}", f"een regel '{ontbreekt}: …'")
        ]
    if soort == "enum":
        opties = [str(o) for o in fout.validator_value]
        titel = fout.schema.get("title")
        ander = _andere_woordenlijst(waarde, titel, recordsoort) if isinstance(titel, str) else None
        if ander is not None:
            plek = f" (onder '{ander.sleutel}')" if ander.soort == recordsoort and ander.sleutel else ""
            return [
                Probleem(
                    doc.pad,
                    regel,
                    f"'{waarde}' is een {ander.titel}{plek}, geen {titel}",
                    f"een van {opsomming(opties)}",
                )
            ]
        return [
            Probleem(
                doc.pad,
                regel,
                f"onbekende waarde '{waarde}' voor '{veld}'",
                f"een van {opsomming(opties)}{bedoelde_u(waarde, opties)}",
            )
        ]
    if soort == "type":
        typen = fout.validator_value if isinstance(fout.validator_value, list) else [fout.validator_value]
        verwacht = " of ".join(_TYPEN.get(t, t) for t in typen)
        if "boolean" in typen and str(waarde).lower() in _JA_NEE:
            verwacht += " (YAML 1.2 kent geen ja/nee of yes/no)"
        return [Probleem(doc.pad, regel, f"'{veld}' heeft de waarde '{_kort(waarde)}'", verwacht)]
    if soort == "pattern":
        uitleg = fout.schema.get("description", f"tekst volgens het patroon {fout.validator_value}")
        return [Probleem(doc.pad, regel, f"'{_kort(waarde)}' is geen geldige waarde voor '{veld}'", uitleg)]
    if soort == "propertyNames":
        return [
            Probleem(
                doc.pad,
                regel,
                f"'{_kort(waarde)}' is geen geldige id in '{veld}'",
                "kleine letters, cijfers en streepjes",
            )
        ]
    if soort == "minLength":
        return [
            Probleem(
                doc.pad, regel, f"'{veld}' is leeg", "een tekst; laat de sleutel weg als het nog nader in te vullen is"
            )
        ]
    if soort == "minItems":
        return [Probleem(doc.pad, regel, f"de lijst '{veld}' is leeg", "minstens één onderdeel")]
    if soort == "uniqueItems":
        return [Probleem(doc.pad, regel, f"de lijst '{veld}' bevat een waarde twee keer", "elke waarde één keer")]
    if soort in ("minimum", "maximum"):
        grens = "minstens" if soort == "minimum" else "hoogstens"
        return [Probleem(doc.pad, regel, f"'{veld}' is {_kort(waarde)}", f"{grens} {fout.validator_value}")]
    if soort in ("oneOf", "anyOf"):
        beste = best_match(fout.context) if fout.context else None
        if beste is not None and isinstance(waarde, dict) and any(k in waarde for k in ("hoofdstuk", "sectie")):
            return _vertaal(beste, doc, recordsoort)
        # The value has the shape of one of the forms and fails inside it (a regional step's outcome): that inner
        # problem is the one to fix, with its own vocabulary.
        dieper = [e for e in fout.context or () if len(e.absolute_path) > len(fout.absolute_path)]
        if dieper:
            return _vertaal(best_match(dieper), doc, recordsoort)
        if veld == "opbouw" or str(veld).startswith("opbouw"):
            verwacht = "'hoofdstuk: <id>' of 'sectie: <soort>'"
            return [Probleem(doc.pad, regel, f"onderdeel van '{veld}' niet herkend", verwacht)]
        return [Probleem(doc.pad, regel, f"'{_kort(waarde)}' past niet bij '{veld}'", _uitleg(fout))]
    return [Probleem(doc.pad, regel, f"ongeldige waarde voor '{veld}'", _uitleg(fout))]


def _uitleg(fout: ValidationError) -> str:
    """What is expected, from the field's own description: the validator's message is English."""
    uitleg = fout.schema.get("description") if isinstance(fout.schema, dict) else None
    return uitleg[0].lower() + uitleg[1:] if uitleg else "zie het schema van dit soort record"


def _kort(waarde: object) -> str:
    tekst = str(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "…"
