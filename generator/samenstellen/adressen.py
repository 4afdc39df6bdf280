"""Where every generated page and data file lives, and how the engine turns that into a URL (nowhere else)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.model.besluit import Besluit


@dataclass(frozen=True)
class Opties:
    """How the site is built: the reference date, and how the engine turns page paths into URLs."""

    peildatum: dt.date
    basis_url: str = ""
    directory_urls: bool = True
    intern: bool = False
    """Internal build: confidential decisions included, each marked with a banner."""


class Adressen:
    """The URL scheme of generated pages; the only place that knows it."""

    HOME = "index.md"
    AGENDA = "uitvoeringsagenda/index.md"
    WERKVERSIE = "uitvoeringsagenda/werkversie.md"
    VERSIES = "uitvoeringsagenda/versies/index.md"
    DEELOPDRACHTEN = "deelopdrachten/index.md"
    BESLUITEN = "besluiten/index.md"
    NULPLATEN = "nulplaten/index.md"
    PLANNING = "planning/index.md"
    REGIOS = "regios/index.md"
    VERGADERINGEN = "vergaderingen/index.md"
    OPVOLGING = "vergaderingen/opvolging.md"
    OPEN_DATA = "open-data/index.md"
    ICAL = "planning.ics"
    ATOM = "feeds/besluiten.xml"

    @staticmethod
    def versie(versie_id: str) -> str:
        return f"uitvoeringsagenda/versies/{versie_id}.md"

    @staticmethod
    def regio(regio_id: str) -> str:
        return f"regios/{regio_id}.md"

    @staticmethod
    def regiofeed(regio_id: str) -> str:
        return f"feeds/regio-{regio_id}.xml"

    @staticmethod
    def vergadering(gremium_id: str) -> str:
        return f"vergaderingen/{gremium_id}.md"

    @staticmethod
    def filter(soort: str, waarde: str) -> str:
        return f"besluiten/{soort}/{waarde}.md"

    @staticmethod
    def data(naam: str) -> str:
        return f"data/{naam}.json"

    @staticmethod
    def besluit(besluit: Besluit) -> str:
        return f"besluiten/{besluit.code}-{besluit.slug}.md"

    @staticmethod
    def deelopdracht(deelopdracht_id: str) -> str:
        return f"deelopdrachten/{deelopdracht_id}.md"

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
