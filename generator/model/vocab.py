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


class Uitkomst(_Vocab):
    """Outcome of a step in the programme-wide decision route."""

    INGEBRACHT = "ingebracht"
    BESPROKEN = "besproken"
    GEADVISEERD = "geadviseerd"
    GEACCORDEERD = "geaccordeerd"
    AFGEWEZEN = "afgewezen"
    TERUGGEKOPPELD = "teruggekoppeld"
    IMPACT_BESCHREVEN = "impact-beschreven"
    INGETROKKEN = "ingetrokken"


class RegioUitkomst(_Vocab):
    """Outcome of a step in a region's own decision route."""

    GEAGENDEERD = "geagendeerd"
    VASTGESTELD = "vastgesteld"
    NIET_VASTGESTELD = "niet-vastgesteld"


class BesluitStatus(_Vocab):
    """Status of a decision, derived from its dated steps."""

    VOORGESTELD = "voorgesteld"
    TER_ADVISERING = "ter-advisering"
    TER_BESLUITVORMING = "ter-besluitvorming"
    GEACCORDEERD = "geaccordeerd"
    AFGEWEZEN = "afgewezen"
    INGETROKKEN = "ingetrokken"
    VERVANGEN = "vervangen"
    ZONDER_PROGRAMMAROUTE = "zonder-programmaroute"
    """No step on the programme route, but steps in the regions: a council or college decided directly."""


class RegioStatus(_Vocab):
    """Status of a decision in one region's own route."""

    OPEN = "open"
    IN_PROCEDURE = "in-procedure"
    VASTGESTELD = "vastgesteld"
    NIET_VASTGESTELD = "niet-vastgesteld"
    DEELS_VASTGESTELD = "deels-vastgesteld"
    """Some of its members adopted it, and the source does not name them (a step with ``aantal``)."""
    ONBEKEND = "onbekend"
    """The source does not say where it stands there: never open, never waiting, never late."""


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


STATUS_NA_UITKOMST: dict[Uitkomst, BesluitStatus | None] = {
    Uitkomst.INGEBRACHT: BesluitStatus.VOORGESTELD,
    Uitkomst.BESPROKEN: BesluitStatus.TER_ADVISERING,
    Uitkomst.GEADVISEERD: BesluitStatus.TER_BESLUITVORMING,
    Uitkomst.GEACCORDEERD: BesluitStatus.GEACCORDEERD,
    Uitkomst.AFGEWEZEN: BesluitStatus.AFGEWEZEN,
    Uitkomst.INGETROKKEN: BesluitStatus.INGETROKKEN,
    # Feedback and impact follow a decision; they do not change its status.
    Uitkomst.TERUGGEKOPPELD: None,
    Uitkomst.IMPACT_BESCHREVEN: None,
}
"""What each outcome does to a decision's status (None: leaves it as it was)."""


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
