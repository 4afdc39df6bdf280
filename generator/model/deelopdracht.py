"""Deelopdracht charters: phases, milestones and key figures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from regioagenda.model.markdown import Markdown
from regioagenda.model.datum import Datum
from regioagenda.model.vocab import DeelopdrachtStatus, Faseveld, Kenmerk, MijlpaalStatus, MijlpaalToestand, Prioriteit


@dataclass(frozen=True)
class Mijlpaal:
    """A dated milestone; 'te laat' is derived against a peildatum."""

    titel: str
    datum: Datum
    status: MijlpaalStatus = MijlpaalStatus.OPEN
    toelichting: str | None = None
    bron: str | None = None
    id: str | None = None
    """The record's own name for the milestone ('id:'), unique within its charter; it keeps the milestone's calendar
    event when the milestone is reworded, moved or put elsewhere in the record."""
    vergadering: str | None = None
    """The meeting this milestone is held as ('vergadering:', a meeting's id, on the milestone's day): its time and
    place are the meeting's, and the calendar carries the meeting's event only."""
    plek: str = ""
    """Where the record writes the milestone, as a path of fields and 0-based places: 'mijlpalen/0',
    'fasen/1/mijlpalen/2', 'subopdrachten/0/fasen/1/mijlpalen/0'."""

    @property
    def sleutel(self) -> str:
        """What names the milestone within its charter, stable under rewording and moving: its id, else its place in
        the record (which no id can be: an id has no '/')."""
        return self.id or self.plek

    def te_laat(self, peildatum: dt.date) -> bool:
        """Late only when a known deadline passed and the milestone is not recorded as done, dropped or unknown."""
        return self.toestand(peildatum) is MijlpaalToestand.TE_LAAT

    def toestand(self, peildatum: dt.date) -> MijlpaalToestand:
        """Done, dropped, unknown, undated, ongoing, late or upcoming, against ``peildatum``."""
        vast = {
            MijlpaalStatus.GEREED: MijlpaalToestand.GEREED,
            MijlpaalStatus.VERVALLEN: MijlpaalToestand.VERVALLEN,
            MijlpaalStatus.ONBEKEND: MijlpaalToestand.ONBEKEND,
        }
        if self.status in vast:
            return vast[self.status]
        if self.datum.open_einde:
            return MijlpaalToestand.DOORLOPEND
        if not self.datum.bekend:
            return MijlpaalToestand.ZONDER_DATUM
        return MijlpaalToestand.TE_LAAT if self.datum.eind < peildatum else MijlpaalToestand.KOMEND


@dataclass(frozen=True)
class Fase:
    """A phase of a deelopdracht."""

    titel: str
    deel: str | None = None
    """The grouping the source puts phases in ('Deel 1')."""
    van: Datum | None = None
    tot: Datum | None = None
    omschrijving: Markdown | None = None
    doel: Markdown | None = None
    resultaten: tuple[str, ...] = ()
    activiteiten: tuple[str, ...] = ()
    disciplines: tuple[str, ...] = ()
    mijlpalen: tuple[Mijlpaal, ...] = ()

    @property
    def lijsten(self) -> list[tuple[str, tuple[str, ...]]]:
        """The phase's filled lists of results, activities and disciplines, as (field, items) in that order."""
        velden = ("resultaten", "activiteiten", "disciplines")
        return [(veld, getattr(self, veld)) for veld in velden if getattr(self, veld)]

    @property
    def open_velden(self) -> list[str]:
        """The phase's fields the record leaves empty, named once instead of 'nader in te vullen' under each."""
        return self.open_velden_van(None)

    def open_velden_van(self, gebruikt) -> list[str]:
        """The empty fields among those the programme uses (``gebruikt(Faseveld)``; None: all of them)."""
        return [
            veld.value for veld in Faseveld if not getattr(self, veld.value) and (gebruikt is None or gebruikt(veld))
        ]


@dataclass(frozen=True)
class Waarde:
    """A value of a key figure at a moment: a number, a change against a reference, or still open."""

    waarde: float | None
    """None while the source leaves the value open (see ``open_tekst``)."""
    datum: Datum | None = None
    toelichting: str | None = None
    open_tekst: str | None = None
    """The source's placeholder ('XX %') for a value it has not fixed yet."""
    eenheid: str | None = None
    ten_opzichte_van: str | None = None
    """Set for a relative value: a change against this reference ('1-1-2014')."""

    @property
    def bepaald(self) -> bool:
        return self.waarde is not None

    @property
    def relatief(self) -> bool:
        return self.ten_opzichte_van is not None


@dataclass(frozen=True)
class Persoon:
    """A person or a role, as a charter names them: a text, or name, role and organisation."""

    naam: str | None = None
    rol: str | None = None
    organisatie: str | None = None

    def __str__(self) -> str:
        """'Jan Jansen (trekker, gemeente X)', 'Programmamanager', 'Gemeente X'."""
        hoofd = self.naam or self.rol or self.organisatie or ""
        rest = [x for x in (self.rol if self.naam else None, self.organisatie if self.naam or self.rol else None) if x]
        return f"{hoofd} ({', '.join(rest)})" if rest else hoofd


@dataclass(frozen=True)
class Teamlid(Persoon):
    """A member of the project team, with their time if the charter gives it."""

    uren: str | None = None


@dataclass(frozen=True)
class Subopdracht:
    """A sub-assignment of a charter, with its own phases."""

    titel: str
    omschrijving: Markdown | None = None
    trekker: Persoon | None = None
    fasen: tuple[Fase, ...] = ()


@dataclass(frozen=True)
class Kengetal:
    """A key figure: baseline → target, with measurements over time."""

    id: str
    naam: str
    doel: Waarde
    basis: Waarde | None = None
    eenheid: str | None = None
    metingen: tuple[Waarde, ...] = ()
    toelichting: str | None = None
    bron: str | None = None


@dataclass(frozen=True)
class Werkgroep:
    naam: str
    omschrijving: str | None = None


@dataclass(frozen=True)
class Deelopdracht:
    """The charter of one part of the programme (a deelopdracht, projectopdracht, ontwikkeltafel …)."""

    id: str
    titel: str
    regios: tuple[str, ...]
    volgorde: int | None = None
    regios_bekend: bool = True
    """False when the record says the source does not tell which regions it concerns ('regios: onbekend')."""
    doel: Markdown | None = None
    opdrachtgever: Persoon | None = None
    trekkers: tuple[Persoon, ...] = ()
    aanspreekpersoon: Persoon | None = None
    """The contact when it is a person or role rather than a region ('aanspreekpunt')."""
    team: tuple[Teamlid, ...] = ()
    budget: str | None = None
    capaciteit: str | None = None
    betrokken_partijen: tuple[str, ...] = ()
    kruisverband_toelichting: tuple[tuple[str, str], ...] = ()
    """(id, explanation) for the related parts the charter explains."""
    subopdrachten: tuple[Subopdracht, ...] = ()
    voorzieningen: tuple[str, ...] = ()
    prioriteit: Prioriteit | None = None
    status: DeelopdrachtStatus | None = None
    aanspreekpunt: str | None = None
    aanbieders: tuple[str, ...] = ()
    kruisverbanden: tuple[str, ...] = ()
    werkgroepen: tuple[Werkgroep, ...] = ()
    fasen: tuple[Fase, ...] = ()
    eigen_mijlpalen: tuple[Mijlpaal, ...] = ()
    kengetallen: tuple[Kengetal, ...] = ()
    bron: str | None = None
    body: Markdown = Markdown("")
    bestand: str = ""

    @property
    def plaats(self) -> tuple[int, str, str]:
        """Sort key: the stated order ('volgorde') first, charters without one after them by title."""
        return (self.volgorde if self.volgorde is not None else 10**6, self.titel, self.id)

    @property
    def alle_fasen(self) -> list[Fase]:
        """The charter's phases, then each sub-assignment's, titled 'sub-assignment: phase'."""
        eigen = list(self.fasen)
        return eigen + [
            dataclasses.replace(f, titel=f"{s.titel}: {f.titel}") for s in self.subopdrachten for f in s.fasen
        ]

    @property
    def mijlpalen(self) -> list[tuple[Fase | None, Mijlpaal]]:
        """All milestones with their phase (None: the whole charter), in date order."""
        paren = [(None, m) for m in self.eigen_mijlpalen] + [(f, m) for f in self.alle_fasen for m in f.mijlpalen]
        return sorted(paren, key=lambda p: (p[1].datum, p[1].titel))

    def fasegroepen(self) -> list[tuple[str | None, list[Fase]]]:
        """The charter's own phases grouped by 'deel' in record order (None: phases outside any grouping)."""
        groepen: list[tuple[str | None, list[Fase]]] = []
        for fase in self.fasen:
            if groepen and groepen[-1][0] == fase.deel:
                groepen[-1][1].append(fase)
            else:
                groepen.append((fase.deel, [fase]))
        return groepen

    def waarde(self, veld: Kenmerk):
        """What the charter holds in one of its template's fields (empty when it holds nothing)."""
        if veld is Kenmerk.AANSPREEKPUNT:
            return self.aanspreekpunt or self.aanspreekpersoon
        return getattr(self, veld.value)

    def open_kenmerken(self, onderdelen: str, gebruikt=None, naam=None) -> list[str]:
        """The charter fields the programme uses (``gebruikt(Kenmerk)``; None: all) that this charter leaves open,
        named once, in the programme's words: ``onderdelen`` for its parts, ``naam(veld, standaard)`` for a block."""
        namen = {
            Kenmerk.TEAM: "projectteam",
            Kenmerk.BETROKKEN_PARTIJEN: "betrokken partijen",
            Kenmerk.KRUISVERBANDEN: "samenhang met andere " + onderdelen,
        }
        uit = []
        for veld in Kenmerk:
            if veld in (Kenmerk.SUBOPDRACHTEN, Kenmerk.KENGETALLEN) or (gebruikt is not None and not gebruikt(veld)):
                continue  # sub-assignments and key figures are blocks of their own, each says itself what is open
            if not self.waarde(veld):
                standaard = namen.get(veld, veld.value)
                uit.append(naam(veld.value, standaard).lower() if naam else standaard)
        return uit

    def kruisverband_uitleg(self, ander: str) -> str | None:
        return dict(self.kruisverband_toelichting).get(ander)
