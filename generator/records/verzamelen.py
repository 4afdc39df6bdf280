"""Collect every record file of a programme, parsed and schema-checked, before any rule runs."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from regioagenda.records import invoercontrole as invoer
from regioagenda.patronen import SLUG
from regioagenda.problemen import Probleem, RecordFout
from regioagenda.records.opslag import Opslag, opslag_van
from regioagenda.records.schema import markdownvelden, valideer
from regioagenda.records.sitebestanden import controleer_map
from regioagenda.model.vocab import RecordSoort
from regioagenda.records.paden import (
    MAPPEN,
    Besluitnaam,
    lees_besluitnaam,
    PROGRAMMA,
    RISICOS,
    SITEMAPPEN,
    THEMAMAP,
    VERSIENAAM,
)
from regioagenda.records.yamlbron import MeerdereFouten, YamlDocument, lees_markdown_record, lees_yaml_bestand


@dataclass
class Bronnen:
    """Parsed record documents by kind; ``geldig`` holds those that passed their schema."""

    root: Path
    programma: YamlDocument | None = None
    risicos: YamlDocument | None = None
    per_soort: dict[RecordSoort, dict[str, YamlDocument]] = field(default_factory=lambda: {s: {} for s in MAPPEN})
    """Records with one file each, by kind and id (the file name without .md)."""
    geldig: set[str] = field(default_factory=set)
    vervangen: dict[str, str] = field(default_factory=dict)
    """Record texts to use instead of what is on disk (paths relative to root): an edit checked before writing."""
    cache: bool = False
    """Keep parsed records by content hash across loads (long-running 'mkdocs serve' only)."""
    aanwezig: dict[RecordSoort, set[str]] = field(default_factory=lambda: {s: set() for s in MAPPEN})
    """Ids (file stems) of every record file present, readable or not: references resolve against these."""
    besluitnamen: dict[str, Besluitnaam] = field(default_factory=dict)
    """The number and slug of every decision file present, by file stem: its name is parsed once, here."""
    problemen: list[Probleem] = field(default_factory=list)
    opslag: Opslag = field(default_factory=lambda: Opslag(True, False, None))
    prive: str | None = None
    """The folder of confidential decisions that was read (relative to the programme), or None."""

    @property
    def openbare_repository(self) -> bool:
        return self.opslag.openbaar

    @property
    def prive_ingesteld(self) -> bool:
        return self.opslag.prive_ingesteld

    def uit_prive(self, pad: str) -> bool:
        """Whether the record at ``pad`` was read from the private source."""
        return self.prive is not None and pad.startswith(self.prive + "/")

    def besluitnaam(self, stam: str) -> Besluitnaam:
        """The number and slug in the file name of the decision ``stam`` (a file present)."""
        return self.besluitnamen[stam]

    @property
    def hoofdstuk(self) -> dict[str, YamlDocument]:
        return self.per_soort[RecordSoort.HOOFDSTUK]

    @property
    def deelopdracht(self) -> dict[str, YamlDocument]:
        return self.per_soort[RecordSoort.DEELOPDRACHT]

    @property
    def nulplaat(self) -> dict[str, YamlDocument]:
        return self.per_soort[RecordSoort.NULPLAAT]

    @property
    def besluit(self) -> dict[str, YamlDocument]:
        return self.per_soort[RecordSoort.BESLUIT]

    @property
    def versie(self) -> dict[str, YamlDocument]:
        return self.per_soort[RecordSoort.VERSIE]

    def is_geldig(self, doc: YamlDocument | None) -> bool:
        return doc is not None and doc.pad in self.geldig

    def documenten(self) -> list[YamlDocument]:
        """Every parsed record document, of every kind."""
        enkel = [doc for doc in (self.programma, self.risicos) if doc is not None]
        return enkel + [doc for docs in self.per_soort.values() for doc in docs.values()]

    def besluitnummers(self) -> set[int]:
        """Numbers of every decision file present, taken from the file names."""
        return {self.besluitnamen[stam].nummer for stam in self.aanwezig[RecordSoort.BESLUIT]}


def verzamel(
    root: Path, vervangen: dict[str, str] | None = None, cache: bool = False, vertrouwelijk: bool = False
) -> Bronnen:
    """Read and schema-check every record below ``root``; collect all problems.

    ``vertrouwelijk``: also read the confidential decisions from the private source, when one is set
    and present. The public build never asks for it.
    """
    bronnen = Bronnen(root, vervangen=dict(vervangen or {}), cache=cache)
    bronnen.programma = _lees(bronnen, PROGRAMMA, RecordSoort.PROGRAMMA, verplicht=True)
    bronnen.risicos = _lees(bronnen, RISICOS, RecordSoort.RISICOS, verplicht=False)
    for map_ in SITEMAPPEN:
        bronnen.problemen += controleer_map(root, root / map_)
    bronnen.problemen += controleer_map(root, root / THEMAMAP, thema=True)
    for soort, map_ in MAPPEN.items():
        _lees_map(bronnen, soort, map_)
    bronnen.opslag = opslag_van(root, bronnen.programma)
    if bronnen.opslag.probleem is not None:
        bronnen.problemen.append(bronnen.opslag.probleem)  # every load: a public build would publish it
    if vertrouwelijk and bronnen.opslag.zonder_besluitmap is not None:
        bronnen.problemen.append(bronnen.opslag.zonder_besluitmap)
    if vertrouwelijk and bronnen.opslag.prive is not None:
        bronnen.prive = bronnen.opslag.prive
        _lees_map(bronnen, RecordSoort.BESLUIT, bronnen.prive, bezet=_openbare_nummers(bronnen))
    return bronnen


def _openbare_nummers(bronnen: Bronnen) -> dict[int, str]:
    """The public decision files by number (from their names), before the private source is read."""
    map_ = MAPPEN[RecordSoort.BESLUIT]
    return {bronnen.besluitnamen[stam].nummer: f"{map_}/{stam}.md" for stam in bronnen.aanwezig[RecordSoort.BESLUIT]}


def controleer_record(root: Path, relatief: str, soort: RecordSoort) -> list[Probleem]:
    """One record on its own: input safety, YAML and schema — what an edit needs before it splices the text."""
    bronnen = Bronnen(Path(root))
    _lees(bronnen, relatief, soort, verplicht=True)
    return bronnen.problemen


def programmadocument(root: Path) -> tuple[YamlDocument | None, bool]:
    """programma.yml on its own: the parsed document (None when it cannot be parsed), and whether it passes its
    input checks and schema."""
    bronnen = Bronnen(Path(root))
    doc = _lees(bronnen, PROGRAMMA, RecordSoort.PROGRAMMA, verplicht=True)
    return doc, bronnen.is_geldig(doc)


def _lees_map(bronnen: Bronnen, soort: RecordSoort, map_: str, bezet: dict[int, str] | None = None) -> None:
    """Every record file of one kind in one folder (``map_`` relative to the programme, possibly '../…').

    ``bezet``: decision numbers already taken by the public decisions/ (when this is the private source).
    """
    root = bronnen.root
    if _is_link(bronnen, map_):
        return
    paden = set((root / map_).iterdir()) if (root / map_).is_dir() else set()
    paden |= {root / r for r in bronnen.vervangen if r.rpartition("/")[0] == map_}
    for pad in sorted(paden):
        relatief = f"{map_}/{pad.name}"
        nieuw = relatief in bronnen.vervangen
        if soort is RecordSoort.VERGADERING and _stukkenmap(paden, pad):
            continue  # a meeting's papers: checked with the meeting (records/stukken.py), never read as records
        if (
            not nieuw
            and not _verwacht_bestand(bronnen, relatief, pad)
            or not _naam_klopt(bronnen, soort, relatief, pad.name)
        ):
            continue
        besluitnaam = lees_besluitnaam(pad.name) if soort is RecordSoort.BESLUIT else None
        if bezet is not None and _dubbel(bronnen, relatief, besluitnaam.nummer, bezet):
            continue
        if besluitnaam is not None:
            bronnen.besluitnamen[pad.stem] = besluitnaam
        bronnen.aanwezig[soort].add(pad.stem)
        doc = _lees(bronnen, relatief, soort, verplicht=True)
        if doc is not None:
            bronnen.per_soort[soort][pad.stem] = doc


def _stukkenmap(paden: set[Path], pad: Path) -> bool:
    """A folder beside a meeting's record with the same name holds that meeting's papers."""
    return pad.is_dir() and not pad.is_symlink() and pad.with_name(pad.name + ".md") in paden


def _dubbel(bronnen: Bronnen, relatief: str, nummer: int, bezet: dict[int, str]) -> bool:
    """A private decision with the number (or name) of a public one: refused in both, neither replaces the other."""
    openbaar = bezet.get(nummer)
    if openbaar is None:
        return False
    verwacht = "één nummer per besluit over beide bronnen; geef een van beide het volgende vrije nummer"
    bronnen.problemen += [
        Probleem(relatief, 1, f"besluitnummer {nummer} staat ook in de openbare {openbaar}", verwacht),
        Probleem(openbaar, 1, f"besluitnummer {nummer} staat ook in de vertrouwelijke bron ({relatief})", verwacht),
    ]
    return True


def _is_link(bronnen: Bronnen, relatief: str) -> bool:
    """Whether a record path, or a folder on the way to it, is a symbolic link; such a path is not read at all."""
    delen = relatief.split("/")
    for i in range(1, len(delen) + 1):
        deel = "/".join(delen[:i])
        if (bronnen.root / deel).is_symlink():
            bronnen.problemen.append(
                Probleem(
                    deel,
                    1,
                    "symbolische link in plaats van een recordmap of record",
                    "een gewone map of een gewoon bestand in de repository",
                )
            )
            return True
    return False


def _verwacht_bestand(bronnen: Bronnen, relatief: str, pad: Path) -> bool:
    """Only Markdown record files belong in a record folder: no links, folders or stray files."""
    if pad.name == ".gitkeep":
        return False
    if pad.is_symlink():
        bronnen.problemen.append(Probleem(relatief, 1, "symbolische link in een recordmap", "een gewoon bestand"))
        return False
    if not pad.is_file() or pad.suffix != ".md":
        soort = "onverwachte map" if pad.is_dir() else "onverwacht bestand"
        bronnen.problemen.append(
            Probleem(relatief, 1, f"{soort} in een recordmap", "alleen .md-records; zet andere bestanden elders")
        )
        return False
    return True


def _naam_klopt(bronnen: Bronnen, soort: RecordSoort, relatief: str, naam: str) -> bool:
    if soort is RecordSoort.BESLUIT:
        if lees_besluitnaam(naam) is not None:
            return True
        bronnen.problemen.append(
            Probleem(
                relatief,
                1,
                f"bestandsnaam '{naam}' past niet bij een besluit",
                "NNNN-onderwerp.md, bijvoorbeeld 0012-centrale-toegang.md",
            )
        )
        return False
    if soort is RecordSoort.VERSIE:
        if VERSIENAAM.fullmatch(naam):
            return True
        bronnen.problemen.append(
            Probleem(
                relatief,
                1,
                f"bestandsnaam '{naam}' past niet bij een versie",
                "JJJJ.N.md, bijvoorbeeld 2024.1.md (maak versies met 'agenda vaststellen')",
            )
        )
        return False
    if SLUG.fullmatch(naam[:-3]):  # whole: '$' would let 'abc⏎.md' through
        return True
    bronnen.problemen.append(
        Probleem(
            relatief,
            1,
            f"bestandsnaam '{naam}' is geen geldige id",
            "kleine letters, cijfers en streepjes, bijvoorbeeld jeugdhulpplus.md",
        )
    )
    return False


def _lees(bronnen: Bronnen, relatief: str, soort: RecordSoort, verplicht: bool) -> YamlDocument | None:
    pad = bronnen.root / relatief
    if relatief in bronnen.vervangen:
        return _verwerk(bronnen, relatief, soort, bronnen.vervangen[relatief].encode("utf-8"))
    if _is_link(bronnen, relatief):
        return None
    if not pad.is_file():
        if verplicht:
            bronnen.problemen.append(Probleem(relatief, 1, "bestand ontbreekt", f"een {soort}-bestand op deze plek"))
        return None
    return _verwerk(bronnen, relatief, soort, pad.read_bytes())


_CACHE: dict[tuple[str, str, str], tuple[YamlDocument | None, list[Probleem], bool]] = {}
"""Parsed and checked records by path, kind and content hash: 'mkdocs serve' re-reads only what changed."""


def _verwerk(bronnen: Bronnen, relatief: str, soort: RecordSoort, inhoud: bytes) -> YamlDocument | None:
    if not bronnen.cache:
        return _verwerk_nieuw(bronnen, relatief, soort, inhoud)
    sleutel = (relatief, soort, hashlib.sha256(inhoud).hexdigest())
    if sleutel not in _CACHE:
        if len(_CACHE) > 50_000:
            _CACHE.clear()
        probe = Bronnen(bronnen.root)
        doc = _verwerk_nieuw(probe, relatief, soort, inhoud)
        _CACHE[sleutel] = (doc, probe.problemen, relatief in probe.geldig)
    doc, problemen, geldig = _CACHE[sleutel]
    bronnen.problemen.extend(problemen)
    if geldig:
        bronnen.geldig.add(relatief)
    return doc


def _verwerk_nieuw(bronnen: Bronnen, relatief: str, soort: RecordSoort, inhoud: bytes) -> YamlDocument | None:
    """The guarded boundary around one record: whatever goes wrong inside becomes a problem of this file."""
    try:
        return _lees_record(bronnen, relatief, soort, inhoud)
    except Exception as fout:
        del fout  # the Python detail means nothing to a project group; the file and the advice do
        bronnen.problemen.append(
            Probleem(
                relatief,
                1,
                "het record kan niet worden verwerkt",
                "een eenvoudiger record; meld het aan de beheerders als het bestand in orde lijkt",
            )
        )
        return None


def _lees_record(bronnen: Bronnen, relatief: str, soort: RecordSoort, inhoud: bytes) -> YamlDocument | None:
    if len(inhoud) > invoer.MAX_BYTES:
        bronnen.problemen.append(
            Probleem(
                relatief,
                1,
                f"het bestand is {len(inhoud) // 1024} KiB groot",
                f"hoogstens {invoer.MAX_BYTES // 1024} KiB per record; splits het op",
            )
        )
        return None
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError:
        bronnen.problemen.append(Probleem(relatief, 1, "het bestand is geen UTF-8-tekst", "opslaan als UTF-8"))
        return None
    tekenproblemen = invoer.tekens(relatief, tekst)
    try:
        doc = (
            lees_yaml_bestand(relatief, tekst, snel=True)
            if relatief.endswith(".yml")
            else lees_markdown_record(relatief, tekst, snel=True)
        )
    except MeerdereFouten as fouten:
        bronnen.problemen.extend(tekenproblemen + fouten.problemen)
        return None
    except RecordFout as fout:
        bronnen.problemen.extend(tekenproblemen + [fout.probleem])
        return None
    problemen = tekenproblemen + _inhoud(soort, doc)
    bronnen.problemen.extend(problemen)
    if not problemen:
        bronnen.geldig.add(relatief)
    return doc


def _inhoud(soort: RecordSoort, doc: YamlDocument) -> list[Probleem]:
    """Decoded values, Markdown texts and the schema of a parsed record."""
    problemen = []
    if "\\" in doc.yaml_tekst:  # only an escape in a quoted string can decode to what the raw text lacks
        problemen += invoer.waarden(doc.pad, doc.data, doc.regel)
    if not doc.pad.endswith(".yml"):
        problemen += invoer.markdown_tekst(doc.pad, doc.body, doc.body_regel)
    if isinstance(doc.data, dict):
        for pad in markdownvelden(soort):
            for plek, waarde in _op_pad(doc.data, pad):
                if isinstance(waarde, str):
                    # The field's line is looked up only for a problem: it costs a second, slower parse.
                    gevonden = invoer.markdown_tekst(doc.pad, waarde, 0, vaste_regel=True)
                    problemen += [dataclasses.replace(p, regel=doc.regel(*plek)) for p in gevonden]
    return problemen + _schema(soort, doc)


def _op_pad(data: object, pad: tuple[str, ...], plek: tuple = ()):
    """(concrete path, value) for every value at ``pad`` ('*' stands for every item of a list)."""
    if not pad:
        yield plek, data
        return
    kop, rest = pad[0], pad[1:]
    if kop == "*" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from _op_pad(item, rest, (*plek, i))
    elif isinstance(data, dict) and kop in data:
        yield from _op_pad(data[kop], rest, (*plek, kop))


def _schema(soort: RecordSoort, doc: YamlDocument) -> list[Probleem]:
    if not isinstance(doc.data, dict):
        return [Probleem(doc.pad, doc.eerste_regel, "de velden vormen geen blok met sleutels", "regels als 'titel: …'")]
    problemen = []
    if soort is RecordSoort.BESLUIT and "status" in doc.data:
        problemen.append(
            Probleem(
                doc.pad,
                doc.regel("status"),
                "'status' is met de hand ingevuld",
                "laat 'status' weg: de status volgt uit de stappen in 'verloop'",
            )
        )
        del doc.data["status"]
    return problemen + valideer(soort, doc)
