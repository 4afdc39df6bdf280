"""The agenda as documents to file: the werkversie and every vastgestelde version, each as the Markdown of one
PDF (``publiceren.pdf`` renders it). Public records only, and no links: a PDF outlives the site it came from."""

from __future__ import annotations

from dataclasses import dataclass

from regioagenda.nederlands import datum as nl_datum
from regioagenda.model.agenda import Agenda
from regioagenda.model.datum import Datum, Precisie
from regioagenda.samenstellen.adressen import Adressen, Opties
from regioagenda.samenstellen.context import Context
from regioagenda.samenstellen.paginas import bevries
from regioagenda.samenstellen.weergave import render


@dataclass(frozen=True)
class Afdruk:
    """One PDF of the site: where it is published, the pages that offer it for download, its title (the PDF's
    metadata), the line at the foot of each page, and its content as Markdown."""

    uri: str
    paginas: tuple[str, ...]
    titel: str
    voetregel: str
    markdown: str


def afdrukken(agenda: Agenda, opties: Opties) -> list[Afdruk]:
    """The werkversie's PDF (offered on the werkversie's page) and one per vastgestelde version (on the version's
    page, and on the agenda's own address while it is the latest), sorted by address."""
    adres = Adressen(agenda.programma.termen)
    publiek = agenda.openbaar()
    versies = agenda.versies_op_volgorde()
    z = Context(publiek, opties, adres.WERKVERSIE, bevroren=True)
    werkpagina = adres.WERKVERSIE if versies else adres.AGENDA
    stand = Datum(opties.peildatum, opties.peildatum, Precisie.DAG)
    uit = [
        Afdruk(
            f"{adres.documentmap}/werkversie.pdf",
            (werkpagina,),
            f"{agenda.programma.titel} — werkversie",
            f"{agenda.programma.titel} · werkversie · peildatum {nl_datum(stand)}",
            render("afdruk.md.j2", z=z, v=None, stand=stand, inhoud=bevries(agenda, opties.peildatum)),
        )
    ]
    for v in versies:
        paginas = (adres.versie(v.id), adres.AGENDA) if v is versies[-1] else (adres.versie(v.id),)
        inhoud = render("afdruk.md.j2", z=z, v=v, inhoud=v.body)
        voet = f"{agenda.programma.titel} · versie {v.id} · vastgesteld {nl_datum(v.datum)}"
        titel = f"{v.titel} — versie {v.id}"
        uit.append(Afdruk(f"{adres.documentmap}/versies/{v.id}.pdf", paginas, titel, voet, inhoud))
    return sorted(uit, key=lambda a: a.uri)
