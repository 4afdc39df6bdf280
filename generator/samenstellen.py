"""Compose the whole site as a tree of Markdown pages (and data files), engine-neutral."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources

from .model.agenda import Agenda
from .model.besluit import Besluit
from .model.deelopdracht import Deelopdracht
from .model.overig import Nulplaat
from .model.nulplaatverschil import vergelijk
from .model.vocab import BesluitStatus, RegioStatus
from .schemavalidatie import SOORTEN
from .weergave import NADER, relatief, render


@dataclass(frozen=True)
class Pagina:
    """One generated file: its path in the site tree, its content, and the record it comes from."""

    uri: str
    inhoud: str | bytes
    bron: str | None = None


class Adressen:
    """The URL scheme of generated pages; the only place that knows it."""

    HOME = "index.md"
    AGENDA = "uitvoeringsagenda/index.md"
    DEELOPDRACHTEN = "deelopdrachten/index.md"
    BESLUITEN = "besluiten/index.md"
    NULPLATEN = "nulplaten/index.md"

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


class Context:
    """What templates may ask about the agenda: names, links and derived statuses."""

    def __init__(self, agenda: Agenda, peildatum: dt.date, uri: str):
        self.agenda = agenda
        self.programma = agenda.programma
        self.peildatum = peildatum
        self.uri = uri
        self.adres = Adressen

    def link(self, naar: str) -> str:
        return relatief(self.uri, naar)

    def status(self, besluit: Besluit) -> BesluitStatus:
        return self.agenda.status(besluit)

    def regionaam(self, regio_id: str) -> str:
        return self.programma.regio(regio_id).naam

    def gremiumnaam(self, gremium_id: str | None) -> str:
        return self.programma.gremium(gremium_id).naam if gremium_id else NADER

    def aanbiedernaam(self, aanbieder_id: str) -> str:
        return self.programma.aanbieder(aanbieder_id).naam

    def voorzieningnaam(self, voorziening_id: str) -> str:
        return self.programma.voorziening(voorziening_id).naam

    def deelopdracht(self, deelopdracht_id: str) -> Deelopdracht:
        return self.agenda.deelopdrachten[deelopdracht_id]

    def besluit(self, nummer: int) -> Besluit | None:
        """A public decision, or None when it is confidential (templates then say so without a link)."""
        return self.agenda.besluiten.get(nummer)

    def verschil(self, oud: Nulplaat, nieuw: Nulplaat):
        return vergelijk(oud, nieuw)

    def knopgroepen(self, nulplaat: Nulplaat) -> list[tuple[str | None, list]]:
        """Levers grouped by segment and role as the record gives them, in the record's order."""
        namen = dict(nulplaat.segmenten) | dict(nulplaat.rollen)
        groepen: dict[tuple, list] = {}
        for knop in nulplaat.knoppen:
            groepen.setdefault((knop.segment, knop.rol), []).append(knop)
        return [(" — ".join(namen[x] for x in sleutel if x) or None, knoppen) for sleutel, knoppen in groepen.items()]

    def routestap(self, besluit: Besluit, stap) -> str:
        gevonden = self.programma.routestap_voor(stap.gremium, stap.uitkomst)
        return gevonden[1].naam if gevonden else stap.uitkomst.label

    def regiorij(self, besluit: Besluit, regio_id: str) -> dict:
        regio = self.programma.regio(regio_id)
        stappen = besluit.regionaal.get(regio_id, ())
        status = besluit.regio_status(regio_id)
        wachtend = besluit.dagen_wachtend(self.peildatum) if status in (RegioStatus.OPEN, RegioStatus.IN_PROCEDURE) else None
        return {
            "regio": regio, "status": status, "stappen": stappen, "wachtend": wachtend,
            "te_laat": besluit.regio_te_laat(regio, self.peildatum),
            "laatste_stap": regio.stap(stappen[-1].stap).naam if stappen else None,
        }

    def nog_te_bekrachtigen(self) -> list[tuple[Besluit, dict]]:
        """Accorded decisions a region has not finished, oldest first."""
        rijen = []
        for besluit in self.agenda.besluiten_op_nummer():
            if self.status(besluit) is not BesluitStatus.GEACCORDEERD:
                continue
            for regio_id in besluit.regios:
                rij = self.regiorij(besluit, regio_id)
                if rij["status"] in (RegioStatus.OPEN, RegioStatus.IN_PROCEDURE):
                    rijen.append((besluit, rij))
        return sorted(rijen, key=lambda p: (p[0].accordering, p[0].nummer, p[1]["regio"].id))

    def laatste_besluiten(self, aantal: int = 5) -> list[Besluit]:
        besluiten = self.agenda.besluiten_op_nummer()
        def sleutel(b: Besluit) -> tuple:
            laatste = b.laatste_datum
            return ((laatste.begin, laatste.eind) if laatste else (dt.date.min, dt.date.min), b.nummer)

        return sorted(besluiten, key=sleutel, reverse=True)[:aantal]

    def komende_mijlpalen(self, aantal: int = 5) -> list[tuple[Deelopdracht, object]]:
        paren = [(d, m) for d in self.agenda.deelopdrachten_op_volgorde() for _, m in d.mijlpalen
                 if m.datum.eind >= self.peildatum and m.status.value == "open"]
        return sorted(paren, key=lambda p: (p[1].datum, p[0].volgorde or 10**6, p[1].titel))[:aantal]


def stel_samen(agenda: Agenda, peildatum: dt.date) -> list[Pagina]:
    """Every page of the public site, sorted by path; confidential decisions are left out."""
    publiek = agenda.openbaar()
    pagina = lambda uri, template, bron=None, **extra: Pagina(  # noqa: E731
        uri, render(template, z=Context(publiek, peildatum, uri), **extra), bron)
    paginas = [
        pagina(Adressen.HOME, "home.md.j2", "agenda/programma.yml"),
        pagina(Adressen.AGENDA, "agenda.md.j2", "agenda/programma.yml"),
        pagina(Adressen.DEELOPDRACHTEN, "deelopdrachten.md.j2"),
        pagina(Adressen.BESLUITEN, "besluiten.md.j2"),
        pagina(Adressen.NULPLATEN, "nulplaten.md.j2"),
    ]
    for d in publiek.deelopdrachten.values():
        paginas.append(pagina(Adressen.deelopdracht(d.id), "deelopdracht.md.j2", d.bestand, d=d))
    for b in publiek.besluiten.values():
        paginas.append(pagina(Adressen.besluit(b), "besluit.md.j2", b.bestand, b=b))
    for n in publiek.nulplaten.values():
        paginas.append(pagina(Adressen.nulplaat(n.id), "nulplaat.md.j2", n.bestand, n=n))
    paginas.extend(_schemas())
    return sorted(paginas, key=lambda p: p.uri)


def _schemas() -> list[Pagina]:
    """The JSON Schemas, published so that editors can offer completion."""
    uit = []
    for soort in SOORTEN:
        tekst = resources.files("generator").joinpath("schemas", f"{soort}.schema.json").read_text("utf-8")
        json.loads(tekst)  # shipped schemas must be valid JSON
        uit.append(Pagina(Adressen.schema(soort), tekst))
    return uit


__all__ = ["Adressen", "Context", "Nulplaat", "Pagina", "stel_samen"]
