"""Where every generated page and data file lives, and how the engine turns that into a URL (nowhere else)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from regioagenda.model.vergadering import Stuk, Vergadering
from regioagenda.model.besluit import Besluit
from regioagenda.model.programma import Termen


@dataclass(frozen=True)
class Opties:
    """How the site is built: the reference date, and how the engine turns page paths into URLs."""

    peildatum: dt.date
    basis_url: str = ""
    directory_urls: bool = True
    intern: bool = False
    """Internal build: confidential decisions included, each marked with a banner."""
    root: Path | None = None
    """The programme's folder, for when each record last changed (its git history: the feeds' dates); None: not
    read, and an entry whose record gives no day is dated by the peildatum."""


class Adressen:
    """The URL scheme of generated pages; the only place that knows it.

    The document's, the parts' and the regions' folders are the programme's own words ('uitvoeringsagenda/',
    'ontwikkeltafels/'), so that an address reads like the programme speaks.
    """

    HOME = "index.md"
    BESLUITEN = "besluiten/index.md"
    NULPLATEN = "nulplaten/index.md"
    PLANNING = "planning/index.md"
    VERGADERINGEN = "vergaderingen/index.md"
    OPVOLGING = "vergaderingen/opvolging.md"
    OPEN_DATA = "open-data/index.md"
    VOORSTEL = "besluiten/voorstel.md"
    """'Een voorstel doen': next to the decisions, where no decision (NNNN-…) or filter folder can take its name."""
    SCHEMAS = "schemas/index.md"
    TOEGANKELIJKHEID = "toegankelijkheid.md"
    ICAL = "planning.ics"
    ATOM = "besluiten.xml"
    """The Atom feeds lie at the site's root: Material fetches 'sitemap.xml' beside every page's alternate link, so a
    feed in a folder of its own would cost each page view a failed request."""

    def __init__(self, termen: Termen | None = None):
        termen = termen or Termen()
        self.termen = termen
        mappen = termen.mappen()
        self.documentmap = mappen["document"][0]
        self.onderdelenmap = mappen["onderdelen"][0]
        self.regiomap = mappen["regios"][0]
        self._filtermappen = {"deelopdracht": mappen["onderdeel"][0], "regio": mappen["regio"][0]}
        self.AGENDA = f"{self.documentmap}/index.md"
        self.WERKVERSIE = f"{self.documentmap}/werkversie.md"
        self.VERSIES = f"{self.documentmap}/versies/index.md"
        self.DEELOPDRACHTEN = f"{self.onderdelenmap}/index.md"
        self.REGIOS = f"{self.regiomap}/index.md"

    NAAR_BEHOEFTE = frozenset({NULPLATEN, VERGADERINGEN, OPVOLGING})
    """Pages that exist only when the programme has records for them; a 'nav' entry for one is left out until then."""

    def versie(self, versie_id: str) -> str:
        return f"{self.documentmap}/versies/{versie_id}.md"

    def regio(self, regio_id: str) -> str:
        return f"{self.regiomap}/{regio_id}.md"

    @staticmethod
    def regiofeed(regio_id: str) -> str:
        return f"regio-{regio_id}.xml"

    @staticmethod
    def vergaderfeed(gremium_id: str) -> str:
        """A body's meetings as an Atom feed: each published agenda and besluitenlijst."""
        return f"vergaderingen-{gremium_id}.xml"

    @staticmethod
    def vergadering(gremium_id: str) -> str:
        """A body's page: what waits on it, and its meetings."""
        return f"vergaderingen/{gremium_id}.md"

    @staticmethod
    def vergaderpagina(vergadering: Vergadering) -> str:
        """One meeting: its agenda and besluitenlijst, under its body's folder, by its id (kept when it moves)."""
        return f"vergaderingen/{vergadering.gremium}/{vergadering.id}.md"

    @staticmethod
    def besluitenlijst(vergadering: Vergadering) -> str:
        """A held meeting's besluitenlijst: a page of its own, as the Woo counts it as a document of its own."""
        return f"vergaderingen/{vergadering.gremium}/{vergadering.id}/besluitenlijst.md"

    @staticmethod
    def stuk(vergadering: Vergadering, stuk: Stuk) -> str:
        """A paper, published beside its meeting's page under its own file name."""
        return f"vergaderingen/{vergadering.gremium}/{vergadering.id}/{stuk.naam}"

    def filter(self, soort: str, waarde: str) -> str:
        return f"besluiten/{self.filtermap(soort)}/{waarde}.md"

    def filtermap(self, soort: str) -> str:
        """The folder of one filter: the programme's words for its parts and regions, the rest as named."""
        return self._filtermappen.get(soort, soort)

    def vaste_namen(self, map_: str) -> frozenset[str]:
        """Names the site itself uses in a folder ('' the root), which no word or id of the programme may take."""
        return self.termen.vaste_namen(map_)

    @staticmethod
    def data(naam: str) -> str:
        return f"data/{naam}.json"

    @staticmethod
    def besluit(besluit: Besluit) -> str:
        return f"besluiten/{besluit.code}-{besluit.slug}.md"

    def deelopdracht(self, deelopdracht_id: str) -> str:
        return f"{self.onderdelenmap}/{deelopdracht_id}.md"

    @staticmethod
    def nulplaat(nulplaat_id: str) -> str:
        return f"nulplaten/{nulplaat_id}.md"

    @staticmethod
    def schema(soort: str) -> str:
        return f"schemas/{soort}.schema.json"


def pagina_url(uri: str, opties: Opties) -> str:
    """The URL of a page relative to the site root, as the engine will serve it."""
    if not uri.endswith(".md"):
        return uri
    zonder = uri.removesuffix(".md")
    if not opties.directory_urls:
        return zonder + ".html"
    if zonder == "index" or zonder.endswith("/index"):
        return zonder.removesuffix("index")
    return zonder + "/"
