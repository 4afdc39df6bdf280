"""Commands that change records: scaffold a new record, record a step, fix a version. Checked in memory, written
atomically."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from regioagenda.model.vocab import Kenmerk, RecordSoort
from regioagenda.nederlands import label
from regioagenda.werkstroom.bewerken import Onbewerkbaar, schrijf_samen, voeg_item_toe, yaml_waarde
from regioagenda.records.paden import (
    MAPPEN,
    PROGRAMMA,
    VERSIENAAM,
    VERTROUWELIJK_OMGEVING,
    besluitnaam,
    lees_besluitnaam,
    recordpad,
)
from regioagenda.records.laden import Instellingen, Laadresultaat, instellingen, laad
from regioagenda.records.opslag import Opslag
from regioagenda.records.suggesties import onbekende_verwijzing, vindplaats
from regioagenda.records.verzamelen import controleer_record
from regioagenda.records.regels import onzekere_vaststelling  # the same rule the check applies to versions
from regioagenda.model.datum import Datum, OngeldigeDatum
from regioagenda.model.agenda import Agenda
from regioagenda.model.programma import STANDAARDKOPJES
from regioagenda.model.besluit import Vaststellingsbezwaar
from regioagenda.model.vocab import BesluitStatus, Verzameling
from regioagenda.patronen import SLUG, VERSIE
from regioagenda.problemen import Probleem, RecordFout, zichtbaar


class Geweigerd(Exception):
    """The change is refused; nothing was written. Carries the problems to show."""

    def __init__(self, problemen: list[Probleem] | list[str]):
        super().__init__("\n".join(map(str, problemen)))
        self.problemen = [str(p) for p in problemen]


@dataclass(frozen=True)
class Resultaat:
    """What a command wrote and the agenda as it is now."""

    pad: str
    agenda: Agenda


def slug(tekst: str, maximum: int = 60) -> str:
    """An ASCII id from a Dutch title: 'Één centrale toegang' → 'een-centrale-toegang'."""
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    woorden = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return woorden[:maximum].rstrip("-") or "record"


def besluitmappen(opslag: Opslag) -> list[str]:
    """The folders that hold decisions: the repository's, and the private source's when it is set and present."""
    return [MAPPEN[RecordSoort.BESLUIT], *([opslag.prive] if opslag.prive else [])]


def besluitbestand(root: Path, nummer: int, opslag: Opslag) -> str:
    """The path of decision ``nummer`` relative to root (public or confidential); Geweigerd when there is none."""
    for map_ in besluitmappen(opslag):
        for pad in sorted((root / map_).glob(f"{nummer:04d}-*.md")):
            if lees_besluitnaam(pad.name) is not None:
                return f"{map_}/{pad.name}"
    _bron_buiten_de_repository(opslag)  # a confidential decision in a source inside the repository is never edited
    raise Geweigerd([f"besluit {nummer} bestaat niet — kies een nummer uit decisions/"])


def _bron_buiten_de_repository(opslag: Opslag) -> None:
    """Refuse to write while the private source is set inside the repository: whatever lands there is published."""
    probleem = opslag.probleem
    if probleem is not None:
        raise Geweigerd(
            [
                probleem,
                "er wordt niets geschreven zolang de vertrouwelijke bron binnen de repository ligt — verplaats haar "
                "naar een map buiten de repository en pas 'vertrouwelijke_bron' (of "
                f"{VERTROUWELIJK_OMGEVING}) aan",
            ]
        )


def _vertrouwelijke_map(opslag: Opslag) -> str:
    """Where a new confidential decision goes: the private source's decisions/; refused when there is none."""
    _bron_buiten_de_repository(opslag)
    if opslag.prive:
        return opslag.prive
    if opslag.zonder_besluitmap is not None:
        raise Geweigerd([opslag.zonder_besluitmap])
    if opslag.prive_ingesteld:
        raise Geweigerd(
            [
                "de vertrouwelijke bron is ingesteld maar niet aanwezig op deze computer — haal haar op "
                f"(zie README, 'Vertrouwelijke besluiten') of zet {VERTROUWELIJK_OMGEVING}"
            ]
        )
    if not opslag.openbaar:
        return MAPPEN[RecordSoort.BESLUIT]  # the repository itself is closed
    raise Geweigerd(
        [
            "er is geen vertrouwelijke bron ingesteld — een vertrouwelijk besluit hoort niet in de openbare "
            "repository; zet 'vertrouwelijke_bron: ../map' in agenda/programma.yml (zie README)"
        ]
    )


def _schrijf_na_controle(
    root: Path, relatief: str, tekst: str, opslag: Opslag, meer: dict[str, str] | None = None
) -> Resultaat:
    """Load the programme with the new text in memory; write only if this record has no problems.

    ``meer``: other files that change with it (relative path → text), checked and written together, after it.
    """
    _bron_buiten_de_repository(opslag)
    teksten = {relatief: tekst, **(meer or {})}
    resultaat: Laadresultaat = laad(root, teksten, vertrouwelijk=True)
    eigen = [p for p in resultaat.problemen if p.pad in teksten]
    if eigen:
        raise Geweigerd(eigen)
    if resultaat.problemen:
        # Problems elsewhere are not this command's to fix, but the check must pass before writing.
        raise Geweigerd(["andere records bevatten fouten; los die eerst op (agenda controleer):", *resultaat.problemen])
    schrijf_samen(root, teksten)
    return Resultaat(relatief, resultaat.agenda)


def zet_stap(
    root: Path,
    nummer: int,
    *,
    datum: str,
    uitkomst: str,
    gremium: str | None = None,
    regio: str | None = None,
    stap: str | None = None,
    toelichting: str | None = None,
    gepland: bool = False,
    peildatum: dt.date | None = None,
    aantal: int | None = None,
    van: int | None = None,
    orgaan: str | None = None,
) -> Resultaat:
    """Append a dated step to a decision's route (``regio`` given: to that region's own route; ``aantal`` and
    ``van``: taken by that many of its members, whom the source does not name).

    A step dated after ``peildatum`` (default: today) has not happened yet: it is refused unless
    ``gepland``, which records it as planned, so that it never counts as a fact.
    """
    inst = instellingen(root)
    relatief = besluitbestand(root, nummer, inst.opslag)
    _zonder_problemen(root, relatief)
    _niet_in_de_toekomst(datum, gepland, peildatum or dt.date.today())
    tekst = (root / relatief).read_bytes().decode("utf-8")
    if regio is None:
        if stap is not None or aantal is not None or van is not None or orgaan is not None:
            raise Geweigerd(["--stap, --aantal, --van en --orgaan horen bij een regionale stap — geef ook --regio"])
        sleutels, item = ("verloop",), {"datum": datum, "gremium": gremium, "uitkomst": uitkomst}
    else:
        if gremium is not None:
            raise Geweigerd(["--gremium hoort bij de programmaroute — laat het weg bij een regionale stap"])
        stap = stap or _enige_stap(root, inst, regio)
        # A region without a route of its own records its decision without a step.
        sleutels, item = ("regionaal", regio), {"datum": datum, "stap": stap, "uitkomst": uitkomst}
    if regio is not None:
        item.update(orgaan=orgaan, aantal=aantal, van=van)
    item["toelichting"] = toelichting
    item["gepland"] = True if gepland else None
    item = {k: v for k, v in item.items() if v is not None}
    try:
        nieuw = voeg_item_toe(relatief, tekst, sleutels, item)
    except Onbewerkbaar as fout:
        raise Geweigerd([f"{relatief}: {fout}"]) from None
    except RecordFout as fout:
        raise Geweigerd([fout.probleem]) from None
    return _schrijf_na_controle(root, relatief, nieuw, inst.opslag)


def _zonder_problemen(root: Path, relatief: str, soort: RecordSoort = RecordSoort.BESLUIT) -> None:
    """An edit starts from a record that passes its own checks: the splice relies on what the parser reports.

    Problems across records are the check after the edit's business; reading them all twice is not needed here.
    """
    eigen = controleer_record(root, relatief, soort)
    if eigen:
        raise Geweigerd([f"{relatief} bevat fouten; los die eerst op:", *eigen])


def _niet_in_de_toekomst(datum: str, gepland: bool, peildatum: dt.date) -> None:
    try:
        begin = Datum.lees(datum).begin
    except OngeldigeDatum:
        return  # the check after the edit reports it with its line
    if begin > peildatum and not gepland:
        raise Geweigerd(
            [
                f"de stap is gedateerd op {datum}, na vandaag ({peildatum.isoformat()}) — leg een stap vast "
                "nadat ze gezet is, of geef --gepland om haar als geplande stap vast te leggen"
            ]
        )


def _enige_stap(root: Path, inst: Instellingen, regio: str) -> str | None:
    """The one step of a region's own route (None: it has none); asks the programme, not every record."""
    if inst.programma is None:
        raise Geweigerd(
            [
                f"{PROGRAMMA} kan niet worden gelezen, dus de route van regio '{regio}' is niet te bepalen — los "
                f"eerst de fouten in {PROGRAMMA} op (agenda controleer)",
                *controleer_record(root, PROGRAMMA, RecordSoort.PROGRAMMA),
            ]
        )
    if regio not in inst.programma.ids(Verzameling.REGIOS):
        wat, verwacht = onbekende_verwijzing(
            regio, inst.programma.ids(Verzameling.REGIOS), "regio", vindplaats(Verzameling.REGIOS)
        )
        raise Geweigerd([f"{wat} — {verwacht}"])
    route = inst.programma.regio(regio).besluitvormingsroute
    if not route:
        return None
    if len(route) != 1:
        opties = ", ".join(s.id for s in route)
        raise Geweigerd([f"regio '{regio}' heeft meer routestappen — geef --stap, een van: {opties}"])
    return route[0].id


def _regels(sleutel: str, waarden: list | tuple) -> list[str]:
    return [f"{sleutel}: [{', '.join(yaml_waarde(w) for w in waarden)}]"] if waarden else []


def _lichaam(*koppen: str) -> list[str]:
    """The closing '---' and the body: each heading with 'Nader in te vullen.' under it."""
    return ["---", ""] + [regel for kop in koppen for regel in (f"## {kop}", "", "Nader in te vullen.", "")]


def _id(id_: str | None, titel: str) -> str:
    """The record id: given, or derived from the title; checked before any path is built from it."""
    if id_ is None:
        return slug(titel)
    if not SLUG.fullmatch(id_) or len(id_) > 80:  # whole: '$' would accept a trailing newline
        raise Geweigerd(
            [
                f"'{zichtbaar(id_)}' is geen geldige id — kleine letters, cijfers en streepjes, bijvoorbeeld "
                "centrale-toegang (hoogstens 80 tekens)"
            ]
        )
    return id_


def _nieuw(
    root: Path,
    relatief: str,
    tekst: str,
    opslag: Opslag,
    extra_map: str | None = None,
    meer: dict[str, str] | None = None,
) -> Resultaat:
    map_, _, naam = relatief.rpartition("/")
    if map_ not in {*MAPPEN.values(), extra_map}:
        raise Geweigerd([f"{relatief} ligt niet in een recordmap"])  # ids are checked above: this never happens
    if not _schone_naam(map_, naam):
        raise Geweigerd(
            [f"'{zichtbaar(naam)}' is geen geldige bestandsnaam voor een record — kleine letters, cijfers en streepjes"]
        )
    if (root / relatief).exists():
        raise Geweigerd([f"{relatief} bestaat al — kies een andere id of titel"])
    return _schrijf_na_controle(root, relatief, tekst, opslag, meer)


def _schone_naam(map_: str, naam: str) -> bool:
    """The last guard before a path is made: the whole file name fits its kind, nothing trails or escapes."""
    if map_ == MAPPEN[RecordSoort.BESLUIT] or map_ not in MAPPEN.values():  # the private decisions/ too
        return lees_besluitnaam(naam) is not None
    if map_ == MAPPEN[RecordSoort.VERSIE]:
        return VERSIENAAM.fullmatch(naam) is not None
    return naam.endswith(".md") and SLUG.fullmatch(naam.removesuffix(".md")) is not None


def nieuw_besluit(
    root: Path,
    *,
    titel: str,
    soort: str,
    samenvatting: str,
    datum: str,
    deelopdrachten=(),
    regios=None,
    vervangt=(),
    vertrouwelijk: bool = False,
    bron: str | None = None,
    zonder_route: bool = False,
) -> Resultaat:
    """A new proposal with the next free number, its first step ('ingebracht') and the four sections.

    ``zonder_route``: a decision outside the programme route (the municipalities decide themselves): 'verloop: []',
    its regional steps follow with 'agenda stap --regio'.
    """
    inst = instellingen(root)
    map_ = _vertrouwelijke_map(inst.opslag) if vertrouwelijk else MAPPEN[RecordSoort.BESLUIT]
    nummers = [
        naam.nummer
        for d in besluitmappen(inst.opslag)
        for p in (root / d).glob("*.md")
        if (naam := lees_besluitnaam(p.name))
    ]
    nummer = max(nummers, default=0) + 1  # one number space for public and confidential decisions
    regels = [
        "---",
        f"nummer: {nummer}",
        f"titel: {yaml_waarde(titel)}",
        f"soort: {soort}",
        f"samenvatting: {yaml_waarde(samenvatting)}",
        *_regels("deelopdrachten", deelopdrachten),
    ]
    if regios is not None:
        regels += _regels("regios", regios) or ["regios: []"]
    regels += _regels("vervangt", [int(v) for v in vervangt])
    if vertrouwelijk:
        regels.append("vertrouwelijk: true")
    if zonder_route:
        regels.append("verloop: []")
    else:
        regels += ["verloop:", f"  - {{datum: {yaml_waarde(datum)}, uitkomst: ingebracht}}"]
    if bron:
        regels.append(f"bron: {yaml_waarde(bron)}")
    regels += _lichaam(*inst.kopjes("besluit", STANDAARDKOPJES["besluit"]))
    return _nieuw(root, f"{map_}/{besluitnaam(nummer, slug(titel))}", "\n".join(regels), inst.opslag, map_)


VOORBEELDVELDEN_ONDERDEEL = [
    (None, "# Vul aan wat de bron noemt en laat weg wat ze openlaat (de site zegt dan 'nader in te vullen'):"),
    (Kenmerk.DOEL, '# doel: "…"'),
    (Kenmerk.OPDRACHTGEVER, '# opdrachtgever: {naam: "…", rol: "…", organisatie: "…"}'),
    (Kenmerk.TREKKERS, '# trekkers: ["…"]'),
    (Kenmerk.TEAM, '# team: [{rol: "…", naam: "…", organisatie: "…", uren: 8}]'),
    (Kenmerk.BUDGET, '# budget: "…"'),
    (Kenmerk.CAPACITEIT, '# capaciteit: "…"'),
    (Kenmerk.BETROKKEN_PARTIJEN, '# betrokken_partijen: ["…"]'),
    (None, '# fasen: [{titel: "…", deel: "…", van: 2025-Q1, tot: 2025-H2, mijlpalen: [{titel: "…", datum: 2025-06}]}]'),
    (Kenmerk.SUBOPDRACHTEN, '# subopdrachten: [{titel: "…", fasen: [{titel: "…"}]}]'),
]
"""Commented examples in a new charter: every field the programme's template uses, none of them invented."""


def nieuwe_deelopdracht(
    root: Path,
    *,
    titel: str,
    id_: str | None = None,
    prioriteit: str | None = None,
    status: str | None = None,
    aanspreekpunt: str | None = None,
    voorzieningen=(),
    aanbieders=(),
    kruisverbanden=(),
    bron: str | None = None,
) -> Resultaat:
    """A new charter: the given fields, the others as comments to fill in, and the programme's own headings."""
    regels = ["---", f"titel: {yaml_waarde(titel)}"]
    for sleutel, waarde in (("prioriteit", prioriteit), ("status", status), ("aanspreekpunt", aanspreekpunt)):
        if waarde:
            regels.append(f"{sleutel}: {yaml_waarde(waarde)}")
    regels += (
        _regels("voorzieningen", voorzieningen)
        + _regels("aanbieders", aanbieders)
        + _regels("kruisverbanden", kruisverbanden)
    )
    if bron:
        regels.append(f"bron: {yaml_waarde(bron)}")
    inst = instellingen(root)
    sjabloon = inst.programma.sjabloon if inst.programma is not None else None
    regels += [
        r for veld, r in VOORBEELDVELDEN_ONDERDEEL if veld is None or sjabloon is None or sjabloon.gebruikt(veld)
    ]
    regels += _lichaam(*inst.kopjes("onderdeel", STANDAARDKOPJES["onderdeel"]))
    return _nieuw(root, recordpad(RecordSoort.DEELOPDRACHT, _id(id_, titel)), "\n".join(regels), inst.opslag)


def nieuwe_nulplaat(
    root: Path,
    *,
    titel: str,
    peildatum: str,
    id_: str | None = None,
    deelopdracht: str | None = None,
    ambitie: str | None = None,
    knoppen=(),
    vervangt: str | None = None,
    bron: str | None = None,
) -> Resultaat:
    """A new snapshot; with ``vervangt`` the earlier snapshot's ambition and levers are the starting point."""
    vorige = None
    if vervangt:
        agenda = laad(root, vertrouwelijk=True).agenda
        vorige = agenda.nulplaten.get(vervangt) if agenda else None
        if vorige is None:
            raise Geweigerd(
                [
                    f"nulplaat '{vervangt}' bestaat niet (of de records bevatten fouten) — kies een id uit "
                    "agenda/nulplaten/"
                ]
            )
    ambitie = ambitie or (vorige.ambitie if vorige else None)
    if not ambitie:
        raise Geweigerd(["geef --ambitie: wat wil deze nulplaat bereiken?"])
    knop_regels = []
    if knoppen:
        knop_regels = [f"  - wat: {yaml_waarde(k)}" for k in knoppen]
    elif vorige:
        for k in vorige.knoppen:
            knop_regels.append(f"  - wat: {yaml_waarde(k.wat)}")
            knop_regels += ["    hoe:"] + [f"      - {yaml_waarde(h)}" for h in k.hoe] if k.hoe else []
    if not knop_regels:
        raise Geweigerd(["geef minstens één --knop: waaraan moet gedraaid worden?"])
    deelopdracht = deelopdracht or (vorige.deelopdracht if vorige else None)
    regels = ["---", f"titel: {yaml_waarde(titel)}", f"peildatum: {yaml_waarde(peildatum)}"]
    regels += [f"deelopdracht: {yaml_waarde(deelopdracht)}"] if deelopdracht else []
    regels += [f"vervangt: {yaml_waarde(vervangt)}"] if vervangt else []
    regels += [f"ambitie: {yaml_waarde(ambitie)}", "knoppen:", *knop_regels]
    if bron:
        regels.append(f"bron: {yaml_waarde(bron)}")
    regels += ["---", ""]
    return _nieuw(root, recordpad(RecordSoort.NULPLAAT, _id(id_, titel)), "\n".join(regels), instellingen(root).opslag)


def vaststellen(root: Path, *, versie: str, besluit: int) -> Resultaat:
    """Freeze the composed agenda as version ``versie``, accorded by decision ``besluit`` (soort vaststelling)."""
    # Composition pulls in Jinja, Babel and the templates: only freezing a version needs it.
    from regioagenda.samenstellen import bevries

    resultaat = laad(root, vertrouwelijk=True)
    if resultaat.problemen:
        raise Geweigerd(["de records bevatten fouten; los die eerst op (agenda controleer):", *resultaat.problemen])
    agenda = resultaat.agenda
    if not VERSIE.fullmatch(versie):
        raise Geweigerd([f"'{zichtbaar(versie)}' is geen versienummer — verwacht JJJJ.N, bijvoorbeeld 2024.1"])
    if versie in agenda.versies:
        raise Geweigerd([f"versie {versie} bestaat al — kies het volgende versienummer"])
    b = agenda.besluiten.get(besluit)
    if b is None:
        raise Geweigerd([f"besluit {besluit} bestaat niet"])
    if b.vertrouwelijk:
        raise Geweigerd(
            [f"besluit {besluit} is vertrouwelijk — een openbare versie wordt met een openbaar besluit vastgesteld"]
        )
    if Vaststellingsbezwaar.GEEN_VASTSTELLING in b.vaststellingsbezwaren:
        raise Geweigerd(
            [
                f"besluit {besluit} is een {label(b.soort)}, geen vaststelling — alleen een besluit van soort "
                "'vaststelling' stelt een versie vast"
            ]
        )
    status = agenda.status(b)
    if Vaststellingsbezwaar.NIET_GEACCORDEERD in b.vaststellingsbezwaren:
        raise Geweigerd(
            [
                f"besluit {besluit} is {label(status)}, niet geaccordeerd — leg eerst de accordering vast, "
                f"bijvoorbeeld: agenda stap {besluit} --gremium <gremium> --uitkomst geaccordeerd --datum JJJJ-MM-DD"
            ]
        )
    if Vaststellingsbezwaar.GEEN_BEKENDE_DAG in b.vaststellingsbezwaren:
        raise Geweigerd([f"{onzekere_vaststelling(b)} — leg de accordering vast met een datum als JJJJ-MM-DD"])
    # Beyond what makes a version valid: a new version is fixed by a decision that stands now.
    if status is not BesluitStatus.GEACCORDEERD:
        raise Geweigerd(
            [
                f"besluit {besluit} is {label(status)} — een nieuwe versie wordt vastgesteld met een besluit dat nu "
                "geldt (geaccordeerd, niet vervangen, afgewezen of ingetrokken)"
            ]
        )
    datum = b.accordering
    toen = agenda.zoals_op(datum.eind)  # the agenda as it stood that day: later steps and records left out
    regels = [
        "---",
        f'versie: "{versie}"',
        f"besluit: {besluit}",
        f"datum: {datum.iso}",
        f"titel: {yaml_waarde(agenda.programma.titel)}",
        "---",
        "",
        bevries(toen, datum.eind),
    ]
    return _nieuw(root, recordpad(RecordSoort.VERSIE, versie), "\n".join(regels), instellingen(root).opslag)
