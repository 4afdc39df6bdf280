"""Closed vocabularies. Unknown values raise; there are no silent fallbacks."""

from __future__ import annotations

from enum import Enum, StrEnum


class _Vocab(Enum):
    """An Enum whose value is the record spelling (how it is shown is ``regioagenda.nederlands``' business)."""

    @classmethod
    def waarden(cls) -> list[str]:
        return [lid.value for lid in cls]


class Soort(_Vocab):
    """Kind of decision record."""

    BESLUIT = "besluit"
    SIGNAAL = "signaal"
    AGENDAWIJZIGING = "agendawijziging"
    VASTSTELLING = "vaststelling"


class Betekenis(_Vocab):
    """What an outcome means for the derived state: the closed part of a programme's open vocabulary of outcomes.

    A programme names its own outcomes ('kennisgenomen', 'ingestemd') and gives each one of these meanings; the
    status of a decision and of a region follows from the meanings, the site shows the programme's words.
    """

    INGEBRACHT = "ingebracht"
    """Put on the programme route: the proposal awaits its first body."""
    DOORGELEID = "doorgeleid"
    """Moves on: prepared or advised, it goes to the body that decides (in a region: it is in procedure)."""
    POSITIEF = "positief"
    """Decides positively: accorded, adopted, agreed, endorsed."""
    NEGATIEF = "negatief"
    """Decides negatively: rejected, not adopted."""
    AANGEHOUDEN = "aangehouden"
    """Postponed: the body that held it has yet to decide."""
    KENNISNAME = "kennisname"
    """Only takes note (or discussed it): changes nothing and implies no next step, so no wait."""
    INGETROKKEN = "ingetrokken"
    """Withdrawn by whoever proposed it (programme route only)."""
    OPVOLGING = "opvolging"
    """Follow-up after the decision, such as feedback or an impact description (programme route only)."""

    @property
    def regionaal(self) -> bool:
        """Whether a region's own route can give an outcome of this meaning."""
        return self in REGIONALE_BETEKENISSEN

    @property
    def eindbesluit(self) -> bool:
        """An outcome after which a region takes no further step on the decision."""
        return self in (Betekenis.POSITIEF, Betekenis.NEGATIEF)


REGIONALE_BETEKENISSEN = frozenset(
    {Betekenis.DOORGELEID, Betekenis.POSITIEF, Betekenis.NEGATIEF, Betekenis.AANGEHOUDEN, Betekenis.KENNISNAME}
)


class Route(_Vocab):
    """On which route a programme's own outcome can be given."""

    PROGRAMMA = "programma"
    REGIO = "regio"
    BEIDE = "beide"


class BesluitStatus(_Vocab):
    """Status of a decision, derived from its dated steps."""

    VOORGESTELD = "voorgesteld"
    TER_BESLUITVORMING = "ter-besluitvorming"
    GEACCORDEERD = "geaccordeerd"
    AFGEWEZEN = "afgewezen"
    AANGEHOUDEN = "aangehouden"
    """Postponed by the body that was to decide or advise: it waits on that body again."""
    INGETROKKEN = "ingetrokken"
    VERVANGEN = "vervangen"
    ZONDER_PROGRAMMAROUTE = "zonder-programmaroute"
    """No step on the programme route, but steps in the regions: a council or college decided directly."""


class RegioStatus(_Vocab):
    """Status of a decision in one region's own route."""

    OPEN = "open"
    IN_PROCEDURE = "in-procedure"
    AANGEHOUDEN = "aangehouden"
    """Postponed by the region: still to decide, so it can be late."""
    VASTGESTELD = "vastgesteld"
    NIET_VASTGESTELD = "niet-vastgesteld"
    DEELS_VASTGESTELD = "deels-vastgesteld"
    """Some of its members adopted it: counted without names (a step with ``aantal``), or its named members
    decided differently."""
    KENNISGENOMEN = "kennisgenomen"
    """The region only took note: it decides nothing further, so it never waits and is never late."""
    ONBEKEND = "onbekend"
    """The source does not say where it stands there: never open, never waiting, never late."""

    @property
    def wacht(self) -> bool:
        """Whether the region has still to decide: counted as waiting, and late once its term has passed."""
        return self in (RegioStatus.OPEN, RegioStatus.IN_PROCEDURE, RegioStatus.AANGEHOUDEN)


class Kenmerk(_Vocab):
    """A field of a charter that a programme may or may not use (``sjabloon.onderdeel``)."""

    DOEL = "doel"
    PRIORITEIT = "prioriteit"
    STATUS = "status"
    OPDRACHTGEVER = "opdrachtgever"
    TREKKERS = "trekkers"
    TEAM = "team"
    BUDGET = "budget"
    CAPACITEIT = "capaciteit"
    BETROKKEN_PARTIJEN = "betrokken_partijen"
    AANSPREEKPUNT = "aanspreekpunt"
    VOORZIENINGEN = "voorzieningen"
    AANBIEDERS = "aanbieders"
    WERKGROEPEN = "werkgroepen"
    KRUISVERBANDEN = "kruisverbanden"
    SUBOPDRACHTEN = "subopdrachten"
    KENGETALLEN = "kengetallen"


class Faseveld(_Vocab):
    """A field of a phase that a programme may or may not use (``sjabloon.fase``)."""

    OMSCHRIJVING = "omschrijving"
    RESULTATEN = "resultaten"
    ACTIVITEITEN = "activiteiten"
    DISCIPLINES = "disciplines"
    MIJLPALEN = "mijlpalen"


class Prioriteit(_Vocab):
    """Priority of a deelopdracht."""

    HOOG = "hoog"
    NORMAAL = "normaal"


class DeelopdrachtStatus(_Vocab):
    """Where a deelopdracht stands."""

    NIET_GESTART = "niet-gestart"
    VERKENNING = "verkenning"
    IN_UITVOERING = "in-uitvoering"
    AFGEROND = "afgerond"


class MijlpaalStatus(_Vocab):
    """State of a milestone; 'te laat' is derived against the peildatum."""

    OPEN = "open"
    GEREED = "gereed"
    VERVALLEN = "vervallen"
    ONBEKEND = "onbekend"
    """The source does not say whether it happened: never 'te laat', never 'komend'."""


class RisicoStatus(_Vocab):
    """State of a risk in the register."""

    OPEN = "open"
    BEHEERST = "beheerst"
    VERVALLEN = "vervallen"


class Verzameling(_Vocab):
    """The lists of programma.yml whose items other records name by their id."""

    REGIOS = "regios"
    GREMIA = "gremia"
    AANBIEDERS = "aanbieders"
    VOORZIENINGEN = "voorzieningen"
    KENNISWERKPLAATSEN = "kenniswerkplaatsen"
    ORGANEN = "organen"


class VergaderStatus(_Vocab):
    """Where a meeting stands: planned, its agenda published, held (its besluitenlijst then final), called off."""

    GEPLAND = "gepland"
    AGENDA_GEPUBLICEERD = "agenda-gepubliceerd"
    GEHOUDEN = "gehouden"
    AFGELAST = "afgelast"


class Toegankelijkheidsstatus(_Vocab):
    """The Dutch compliance status of an accessibility statement (digitoegankelijk.nl): A to E."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"

    @property
    def vraagt_onderzoek(self) -> bool:
        """A and B rest on a complete evaluation by WCAG-EM; C, D and E do not have one (yet)."""
        return self in (Toegankelijkheidsstatus.A, Toegankelijkheidsstatus.B)


class Sectie(_Vocab):
    """Generated sections the agenda outline can place between prose chapters."""

    ONDERDELEN = "onderdelen"
    FASERING = "fasering"
    RISICOS = "risicos"
    GOVERNANCE = "governance"

    @classmethod
    def _missing_(cls, waarde: object) -> Sectie | None:
        # The spelling from before programmes named their own parts; records written then keep working.
        return cls.ONDERDELEN if waarde == "deelopdrachten" else None


STATUS_NA_BETEKENIS: dict[Betekenis, BesluitStatus | None] = {
    Betekenis.INGEBRACHT: BesluitStatus.VOORGESTELD,
    Betekenis.DOORGELEID: BesluitStatus.TER_BESLUITVORMING,
    Betekenis.POSITIEF: BesluitStatus.GEACCORDEERD,
    Betekenis.NEGATIEF: BesluitStatus.AFGEWEZEN,
    Betekenis.AANGEHOUDEN: BesluitStatus.AANGEHOUDEN,
    Betekenis.INGETROKKEN: BesluitStatus.INGETROKKEN,
    # Taking note, feedback and impact neither move a decision nor decide it.
    Betekenis.KENNISNAME: None,
    Betekenis.OPVOLGING: None,
}
"""What a step on the programme route does to a decision's status, by its outcome's meaning (None: nothing)."""

STATUS_IN_REGIO: dict[Betekenis, RegioStatus] = {
    Betekenis.DOORGELEID: RegioStatus.IN_PROCEDURE,
    Betekenis.POSITIEF: RegioStatus.VASTGESTELD,
    Betekenis.NEGATIEF: RegioStatus.NIET_VASTGESTELD,
    Betekenis.AANGEHOUDEN: RegioStatus.AANGEHOUDEN,
    Betekenis.KENNISNAME: RegioStatus.KENNISGENOMEN,
}
"""Where a decision stands in a region after its latest step there, by that outcome's meaning."""


class MijlpaalToestand(_Vocab):
    """Where a milestone stands against a peildatum, in the order a coordinator reads them."""

    TE_LAAT = "te-laat"
    KOMEND = "komend"
    GEREED = "gereed"
    ZONDER_DATUM = "zonder-datum"
    DOORLOPEND = "doorlopend"
    ONBEKEND = "onbekend"
    VERVALLEN = "vervallen"


class RecordSoort(StrEnum):
    """Kinds of record a programme holds (a string too, so that it can name folders and schemas)."""

    PROGRAMMA = "programma"
    RISICOS = "risicos"
    HOOFDSTUK = "hoofdstuk"
    DEELOPDRACHT = "deelopdracht"
    NULPLAAT = "nulplaat"
    BESLUIT = "besluit"
    VERSIE = "versie"
    VERGADERING = "vergadering"
