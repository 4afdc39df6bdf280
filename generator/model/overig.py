"""Prose chapters, nulplaten and the risk register."""

from __future__ import annotations

from dataclasses import dataclass

from regioagenda.model.markdown import Markdown
from regioagenda.model.datum import Datum
from regioagenda.model.vocab import RisicoStatus


def kopnummer(nummer: str) -> str:
    """Chapters get a dot ('1.'), paragraphs keep their own ('5.3')."""
    return nummer if "." in nummer else nummer + "."


@dataclass(frozen=True)
class Hoofdstuk:
    """A prose chapter (or paragraph) of the agenda."""

    id: str
    titel: str
    nummer: str
    body: Markdown
    bron: str | None = None
    bestand: str = ""

    @property
    def kop(self) -> str:
        """The heading as the composed agenda shows it: '1. Inleiding', '5.3 Deelopdrachten'."""
        return f"{kopnummer(self.nummer)} {self.titel}"

    @property
    def niveau(self) -> int:
        """Heading level in the composed agenda: '5' → 2, '5.1' → 3."""
        return self.nummer.count(".") + 2


@dataclass(frozen=True)
class Knop:
    """A lever of a nulplaat: the *wat*, and under it the *hoe*."""

    wat: str
    hoe: tuple[str, ...] = ()
    segment: str | None = None
    rol: str | None = None


@dataclass(frozen=True)
class Nulplaat:
    """A snapshot of an ambition and the levers to reach it, at a peildatum."""

    id: str
    titel: str
    peildatum: Datum
    ambitie: str
    knoppen: tuple[Knop, ...]
    doelen: tuple[str, ...] = ()
    deelopdracht: str | None = None
    vervangt: str | None = None
    segmenten: tuple[tuple[str, str], ...] = ()
    rollen: tuple[tuple[str, str], ...] = ()
    bron: str | None = None
    body: Markdown = Markdown("")
    bestand: str = ""


@dataclass(frozen=True)
class Risico:
    """One risk in the register."""

    id: str
    categorie: str
    omschrijving: str
    beheersmaatregelen: tuple[str, ...] = ()
    eigenaar: str | None = None
    status: RisicoStatus = RisicoStatus.OPEN
    bron: str | None = None


@dataclass(frozen=True)
class Risicoregister:
    """The living register: categories in order, risks per category."""

    categorieen: tuple[tuple[str, str], ...]
    risicos: tuple[Risico, ...]
    toelichting: Markdown | None = None
    bron: str | None = None
    bestand: str = ""

    def per_categorie(self) -> list[tuple[str, str, list[Risico]]]:
        return [(cid, naam, [r for r in self.risicos if r.categorie == cid]) for cid, naam in self.categorieen]

    @property
    def met_beheersmaatregelen(self) -> bool:
        """Whether any risk names a measure (else the column is left out and the field named open once)."""
        return any(r.beheersmaatregelen for r in self.risicos)

    @property
    def met_eigenaar(self) -> bool:
        """Whether any risk names an owner (else the column is left out and the field named open once)."""
        return any(r.eigenaar for r in self.risicos)

    @property
    def open_velden(self) -> list[str]:
        """The fields no risk fills in, named once for the whole register instead of a column of dashes."""
        return [
            veld
            for veld, gevuld in (("beheersmaatregelen", self.met_beheersmaatregelen), ("eigenaar", self.met_eigenaar))
            if not gevuld
        ]


@dataclass(frozen=True)
class Versie:
    """A frozen, vastgestelde version of the composed agenda, accorded by one decision."""

    id: str
    besluit: int
    datum: Datum
    titel: str
    body: Markdown
    bestand: str = ""
    versienummer: str = ""
    """The version as the record writes it ('versie:'); the check holds it to the file name, ``id``."""
