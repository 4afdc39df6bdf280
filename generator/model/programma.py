"""The programme: regions and their routes, bodies, the shared route, phases and the outline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from regioagenda.model.markdown import Markdown
from regioagenda.model.datum import Datum
from regioagenda.model.vocab import (
    Faseveld,
    Kenmerk,
    RecordSoort,
    Sectie,
    Toegankelijkheidsstatus,
    Verzameling,
)
from regioagenda.model.uitkomst import Uitkomst, Uitkomsten


_LETTERS = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}
)
"""Letters that Unicode does not decompose into an ASCII letter and an accent: spelt out, not dropped."""


def padnaam(woord: str) -> str:
    """A word as a URL folder: 'Regio's' → 'regios', 'Ontwikkeltafels' → 'ontwikkeltafels', 'Straße' → 'strasse'.

    May be empty (a word of letters from another script): the check refuses such a word (records/regels.py).
    """
    ascii_ = unicodedata.normalize("NFKD", woord.translate(_LETTERS)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower().replace("'", "")).strip("-")


VASTE_MAPPEN = frozenset(
    {"index", "besluiten", "nulplaten", "planning", "vergaderingen", "open-data", "data", "feeds", "schemas"}
    | {"toegankelijkheid", "bijdragen"}
    | {"assets", "search", "404", "sitemap"}
)
"""Names at the site root that the site uses whatever a programme calls its parts: its own pages and folders, the
theme's assets, the search index, the 404 page, the sitemap and the contribution page every new programme gets.
No word of a programme may take one: the check refuses it, and the addresses (samenstellen/adressen.py) use the
same list through ``Termen.vaste_namen``."""

VASTE_FILTERS = ("status", "soort", "gremium")
"""Filter folders under besluiten/ with fixed names; the parts' and regions' filters take the programme's words."""


def hoofdletter(woord: str) -> str:
    """The word as it starts a heading or a sentence: 'gemeenten' → 'Gemeenten'."""
    return woord[:1].upper() + woord[1:]


STANDAARDKOPJES = {
    "besluit": ("Aanleiding", "Besluit", "Gevolgen", "Overwogen alternatieven"),
    "onderdeel": ("Aanleiding", "Aandachtspunten"),
}
"""The headings of a new record when the programme names none of its own under ``kopjes:``."""


@dataclass(frozen=True)
class Niveau:
    """The words for the regions one level down the tree ('subregio', "subregio's"; 'gemeente', 'gemeenten')."""

    enkelvoud: str
    meervoud: str


@dataclass(frozen=True)
class Sjabloon:
    """Which fields of a charter and of a phase the programme uses (None: all), and its own names for some
    blocks ('subopdrachten': 'Deelprojecten'). Only a used field is said to be open when it is empty."""

    onderdeel: frozenset[Kenmerk] | None = None
    fase: frozenset[Faseveld] | None = None
    namen: dict[str, str] = field(default_factory=dict)

    def gebruikt(self, veld: Kenmerk | Faseveld) -> bool:
        velden = self.onderdeel if isinstance(veld, Kenmerk) else self.fase
        return velden is None or veld in velden

    def naam(self, blok: str, standaard: str) -> str:
        """The programme's name for a block of the charter, or the generator's."""
        return self.namen.get(blok, standaard)


@dataclass(frozen=True)
class Termen:
    """The programme's own words for its document, its parts and its regions, as they stand mid-sentence.

    The defaults are plain Dutch that fits any programme; a programme names its own in ``termen:``.
    """

    document: str = "agenda"
    lidwoord: str = "de"
    """The document's article: 'de' (uitvoeringsagenda) or 'het' (advies)."""
    onderdeel: str = "onderdeel"
    onderdelen: str = "onderdelen"
    regio: str = "regio"
    regios: str = "regio's"

    @property
    def Document(self) -> str:
        return hoofdletter(self.document)

    def mappen(self) -> dict[str, tuple[str, str]]:
        """Where each word becomes a folder of the site: term → (folder, the folder it lies in; '' the root)."""
        return {
            "document": (padnaam(self.document), ""),
            "onderdelen": (padnaam(self.onderdelen), ""),
            "regios": (padnaam(self.regios), ""),
            "onderdeel": (padnaam(self.onderdeel), "besluiten"),  # the parts' filter of the decision list
            "regio": (padnaam(self.regio), "besluiten"),
        }

    def idmap(self, soort: Verzameling | RecordSoort) -> str:
        """The folder in which each id of a kind (regions, bodies, parts, nulplaten) gets its own page."""
        return {
            Verzameling.REGIOS: padnaam(self.regios),
            Verzameling.GREMIA: "vergaderingen",
            RecordSoort.DEELOPDRACHT: padnaam(self.onderdelen),
            RecordSoort.NULPLAAT: "nulplaten",
        }[soort]

    def vaste_namen(self, map_: str) -> frozenset[str]:
        """Names the site itself gives pages and folders in ``map_`` ('' the root): no word or id may take one."""
        vast = {
            padnaam(self.document): frozenset({"index", "werkversie", "versies"}),
            "": VASTE_MAPPEN,
            "besluiten": frozenset({"index", *VASTE_FILTERS}),
            "vergaderingen": frozenset({"index", "opvolging"}),
        }
        return vast.get(map_, frozenset({"index"}))

    @property
    def het_document(self) -> str:
        """The document with its article, mid-sentence: 'de uitvoeringsagenda', 'het advies'."""
        return f"{self.lidwoord} {self.document}"

    @property
    def Onderdeel(self) -> str:
        return hoofdletter(self.onderdeel)

    @property
    def Onderdelen(self) -> str:
        return hoofdletter(self.onderdelen)

    @property
    def Regio(self) -> str:
        return hoofdletter(self.regio)

    @property
    def Regios(self) -> str:
        return hoofdletter(self.regios)


@dataclass(frozen=True)
class Toegankelijkheidsonderzoek:
    """The evaluation of the site by the WCAG-EM method on which an accessibility status rests."""

    datum: Datum
    uitvoerder: str | None = None
    verslag: str | None = None
    """The report's title or where it can be read."""


@dataclass(frozen=True)
class Organisatie:
    """An organisation as the Woo names it: its name and its TOOI identifier."""

    naam: str
    tooi: str


@dataclass(frozen=True)
class Woo:
    """Who publishes the programme's meeting documents under the Wet open overheid ('woo:' in programma.yml)."""

    publisher: Organisatie
    medeverantwoordelijken: tuple[Organisatie, ...] = ()


@dataclass(frozen=True)
class Brondocument:
    """A document in the programme's register of sources; records cite it by its ``verwijzing``."""

    id: str
    titel: str
    verwijzing: str
    datum: Datum | None = None
    status: str | None = None
    uitgever: str | None = None
    vindplaats: str | None = None


@dataclass(frozen=True)
class Benoemd:
    """Anything the programme names with an id: a provider, a facility, a knowledge workshop."""

    id: str
    naam: str
    toelichting: str | None = None
    regio: str | None = None


@dataclass(frozen=True)
class RegioRouteStap:
    """One step of a region's own decision route, with its expected term."""

    id: str
    naam: str
    termijn_dagen: int | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class Regio:
    """A region that takes part and ratifies decisions through its own route; it may hold regions of its own."""

    id: str
    naam: str
    besluitvormingsroute: tuple[RegioRouteStap, ...]
    organisatie: str | None = None
    toelichting: str | None = None
    bron: str | None = None
    soort: str | None = None
    """What kind of participant, in the source's words ('subregio', 'gemeente')."""
    boven: str | None = None
    """The region this one is part of (None: a region of the programme itself)."""
    onderdelen: tuple[str, ...] = ()
    """Ids of the regions within this one, in record order."""
    niveau: int = 0

    @property
    def termijn_dagen(self) -> int | None:
        """Total expected term of the route; None while the route or any step's term is still open."""
        termijnen = [s.termijn_dagen for s in self.besluitvormingsroute]
        return None if not termijnen or any(t is None for t in termijnen) else sum(termijnen)

    def stap(self, stap_id: str) -> RegioRouteStap | None:
        return next((s for s in self.besluitvormingsroute if s.id == stap_id), None)


@dataclass(frozen=True)
class Gremium:
    """A body in the programme structure (stuurgroep, regiegroep, …)."""

    id: str
    naam: str
    samenstelling: str | None = None
    rol: str | None = None
    bron: str | None = None


@dataclass(frozen=True)
class RouteStap:
    """One step of the programme-wide route: which body gives which outcomes."""

    id: str
    naam: str
    uitkomsten: tuple[Uitkomst, ...]
    gremium: str | None = None
    toelichting: str | None = None


@dataclass(frozen=True)
class ProgrammaFase:
    """A phase of the whole programme."""

    id: str
    titel: str
    van: Datum | None = None
    tot: Datum | None = None
    omschrijving: Markdown | None = None
    bron: str | None = None


@dataclass(frozen=True)
class OpbouwOnderdeel:
    """One entry of the agenda outline: a prose chapter or a generated section."""

    hoofdstuk: str | None = None
    sectie: Sectie | None = None
    nummer: str | None = None
    titel: str | None = None


@dataclass(frozen=True)
class Programma:
    """Everything ``programma.yml`` says; nothing about a particular region is hard-coded."""

    titel: str
    periode: tuple[int | None, int | None]
    """First and last year; None where the source does not say."""
    regios: tuple[Regio, ...]
    gremia: tuple[Gremium, ...]
    besluitvormingsroute: tuple[RouteStap, ...]
    opbouw: tuple[OpbouwOnderdeel, ...]
    fasen: tuple[ProgrammaFase, ...] = ()
    aanbieders: tuple[Benoemd, ...] = ()
    voorzieningen: tuple[Benoemd, ...] = ()
    kenniswerkplaatsen: tuple[Benoemd, ...] = ()
    organen: tuple[Benoemd, ...] = ()
    """The organs that decide in a region (college, raad, algemeen bestuur), as a regional step names them."""
    ondertitel: str | None = None
    kortenaam: str | None = None
    versie: str | None = None
    motto: str | None = None
    bron: str | None = None
    termen: Termen = Termen()
    bronnen: tuple[Brondocument, ...] = ()
    toegankelijkheidscontact: str | None = None
    toegankelijkheidsstatus: Toegankelijkheidsstatus | None = None
    toegankelijkheidsonderzoek: Toegankelijkheidsonderzoek | None = None
    werkwijze_onderdelen: Markdown | None = None
    """How the programme runs its parts, in the source's words (checked Markdown)."""
    eigen_termen: frozenset[str] = frozenset()
    """The words of ``termen`` the programme wrote itself; the others are the defaults."""
    kopjes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The headings 'agenda nieuw' puts in a new record, by kind ('onderdeel', 'besluit'), where the programme
    names its own."""
    sjabloon: Sjabloon = Sjabloon()
    woo: Woo | None = None
    """The publisher of its agendas, besluitenlijsten and papers for the Woo; None: no DiWoo metadata is published."""
    uitkomsten: Uitkomsten = Uitkomsten()
    """The outcome words its bodies and regions use: the built-in ones and the programme's own ('uitkomsten:')."""
    niveaus: tuple[Niveau, ...] = ()
    """The words of each level below the programme's own regions, top down; a level not named uses 'termen'."""
    vertrouwelijke_bron: str | None = None
    """Where confidential decisions are kept, as programma.yml writes it (the environment may set it instead)."""
    openbare_repository: bool = True
    """False when the repository itself is closed ('repository: besloten')."""
    bestand: str = ""
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for soort in Verzameling:
            index: dict = {}
            for x in getattr(self, soort.value):
                index.setdefault(x.id, x)  # with a duplicate id (refused by the check) the first one counts
            self._index[soort] = index

    def niveauwoorden(self, niveau: int) -> tuple[str, str]:
        """The singular and plural for regions at ``niveau`` (0: the programme's own, with the words of 'termen')."""
        if 0 < niveau <= len(self.niveaus):
            woord = self.niveaus[niveau - 1]
            return woord.enkelvoud, woord.meervoud
        return self.termen.regio, self.termen.regios

    @property
    def korte_naam(self) -> str:
        """How the programme names itself in short: 'kortenaam', else its title."""
        return self.kortenaam or self.titel

    def regio(self, regio_id: str) -> Regio:
        return self._index[Verzameling.REGIOS][regio_id]

    @property
    def hoofdregios(self) -> tuple[Regio, ...]:
        """The regions of the programme itself; ``regios`` holds every level, parents before their parts."""
        return tuple(r for r in self.regios if r.boven is None)

    def delen(self, regio: Regio) -> tuple[Regio, ...]:
        """The regions directly within ``regio``, in record order."""
        return tuple(self.regio(o) for o in regio.onderdelen)

    def bovenliggende(self, regio_id: str) -> list[Regio]:
        """The regions this one lies within, nearest first."""
        uit, huidige = [], self.regio(regio_id)
        while (
            huidige.boven is not None
            and huidige.boven in self._index[Verzameling.REGIOS]
            and len(uit) < len(self.regios)
        ):
            huidige = self.regio(huidige.boven)
            uit.append(huidige)
        return uit

    def valt_onder(self, regio_id: str, selectie: set[str] | frozenset[str] | tuple[str, ...]) -> bool:
        """True when the region, or a region it lies within, is in ``selectie``."""
        return regio_id in selectie or any(r.id in selectie for r in self.bovenliggende(regio_id))

    def gremium(self, gremium_id: str) -> Gremium:
        return self._index[Verzameling.GREMIA][gremium_id]

    def aanbieder(self, aanbieder_id: str) -> Benoemd:
        return self._index[Verzameling.AANBIEDERS][aanbieder_id]

    def voorziening(self, voorziening_id: str) -> Benoemd:
        return self._index[Verzameling.VOORZIENINGEN][voorziening_id]

    def orgaan(self, orgaan_id: str) -> Benoemd:
        return self._index[Verzameling.ORGANEN][orgaan_id]

    def ids(self, soort: Verzameling) -> set[str]:
        """The known ids of one collection (a KeyError for anything that is not a ``Verzameling``)."""
        return set(self._index[soort])

    def brondocument_in(self, tekst: str) -> tuple[Brondocument, str] | None:
        """The registered document a 'bron:' text starts with, and what the text says after it (paragraphs)."""
        for document in sorted(self.bronnen, key=lambda d: -len(d.verwijzing)):
            if tekst.startswith(document.verwijzing):
                rest = tekst[len(document.verwijzing) :]
                # 'Agenda (Titel, CONCEPT 2023), §5.3' / 'Agenda: Titel' / 'Agenda, §1': the register says it
                rest = re.sub(r"^\s*\([^)]*\)", "", rest) if rest.lstrip().startswith("(") else rest
                return document, rest.lstrip(" ,:;")
        return None

    def routestap_voor(self, gremium: str | None, uitkomst: Uitkomst) -> tuple[int, RouteStap] | None:
        """The first route step (with its position) that this body can give this outcome in."""
        for positie, stap in enumerate(self.besluitvormingsroute):
            if uitkomst in stap.uitkomsten and (gremium is None or stap.gremium == gremium):
                return positie, stap
        return None
