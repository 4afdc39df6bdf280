"""The ``agenda`` command: check records and build the site, in Dutch."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import werkstroom
from .boom import Lek, bouw_boom
from .model.vocab import DeelopdrachtStatus, Prioriteit, Soort
from .werkstroom import Geweigerd
from .laden import laad
from .problemen import Probleem, samenvatting


def _peildatum(ctx: click.Context, param: click.Parameter, waarde: str | None) -> dt.date:
    if waarde is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"'{waarde}' is geen datum — verwacht JJJJ-MM-DD, bijvoorbeeld 2024-02-14") from None


_ROOT = click.option("--map", "root", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                     show_default=True, help="Map van het programma (met agenda/ en decisions/).")


def _meld(problemen: list[Probleem] | tuple[Probleem, ...]) -> None:
    for probleem in problemen:
        click.echo(str(probleem), err=True)
    click.echo(samenvatting(list(problemen)), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def agenda() -> None:
    """Uitvoeringsagenda als docs-as-code: records controleren en de site bouwen."""


@agenda.command()
@_ROOT
def check(root: Path) -> None:
    """Controleer alle records en meld elk probleem met bestand en regel."""
    resultaat = laad(root)
    if resultaat.problemen:
        _meld(resultaat.problemen)
        sys.exit(1)
    a = resultaat.agenda
    click.echo(f"Alles in orde. Besluiten: {len(a.besluiten)}, deelopdrachten: {len(a.deelopdrachten)}, "
               f"hoofdstukken: {len(a.hoofdstukken)}, nulplaten: {len(a.nulplaten)}.")


@agenda.command()
@_ROOT
@click.option("--out", "uit", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Map waarin de Markdown-boom van de site komt.")
@click.option("--peildatum", callback=_peildatum, help="Datum waartegen 'te laat' wordt bepaald (JJJJ-MM-DD); standaard vandaag.")
@click.option("--intern", is_flag=True, help="Interne versie mét vertrouwelijke besluiten (nooit publiceren).")
def build(root: Path, uit: Path, peildatum: dt.date, intern: bool) -> None:
    """Schrijf de hele site als Markdown-boom, zonder MkDocs."""
    try:
        problemen = bouw_boom(root, uit, peildatum, intern)
    except Lek as lek:
        for pad, code in lek.lekken:
            click.echo(f"{pad}: bevat tekst uit vertrouwelijk besluit {code}", err=True)
        click.echo("Vertrouwelijke inhoud gevonden; er is niets geschreven.", err=True)
        sys.exit(1)
    if problemen:
        _meld(problemen)
        click.echo("Er is niets geschreven.", err=True)
        sys.exit(1)
    soort = "Interne site (met vertrouwelijke besluiten)" if intern else "Site"
    click.echo(f"{soort} geschreven naar {uit} (peildatum {peildatum.isoformat()}).")


def _dutch(fout: click.ClickException) -> str:
    """Click's own error messages, in Dutch."""
    if isinstance(fout, click.MissingParameter) and fout.param is not None:
        naam = fout.param.opts[0] if getattr(fout.param, "opts", None) else fout.param.name
        return f"{naam} ontbreekt — zie 'agenda {fout.ctx.command.name if fout.ctx else ''} --help'"
    if isinstance(fout, click.NoSuchOption):
        suggestie = f"; bedoelde u {fout.possibilities[0]}?" if fout.possibilities else ""
        return f"onbekende optie {fout.option_name}{suggestie}"
    if isinstance(fout, click.BadParameter):
        naam = fout.param.opts[0] if fout.param is not None and getattr(fout.param, "opts", None) else "waarde"
        keuzes = getattr(getattr(fout.param, "type", None), "choices", None)
        if keuzes:
            return f"ongeldige waarde voor {naam} — een van: {', '.join(keuzes)}"
        if isinstance(getattr(fout.param, "type", None), click.types.IntParamType):
            return f"ongeldige waarde voor {naam} — verwacht een geheel getal"
        return f"ongeldige waarde voor {naam}: {fout.message}"
    if isinstance(fout, click.UsageError) and "No such command" in fout.message:
        return f"onbekend commando — zie 'agenda --help' ({fout.message.split(chr(39))[1] if chr(39) in fout.message else ''})"
    return fout.message


def main() -> None:
    """Console-script entry point: Dutch messages, exit 1 for record problems, 2 for wrong use."""
    try:
        code = agenda.main(prog_name="agenda", standalone_mode=False)
    except click.ClickException as fout:
        click.echo(f"Fout: {_dutch(fout)}", err=True)
        sys.exit(fout.exit_code)
    except click.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _vraag(waarde: str | None, optie: str, vraag: str) -> str:
    """A required value: from its flag, asked for in a terminal, or a clear error without one."""
    if waarde:
        return waarde
    if sys.stdin.isatty():
        return click.prompt(vraag)
    raise click.UsageError(f"{optie} ontbreekt — geef het mee, of start het commando in een terminal om het te laten vragen")


def _weigering(fout: Geweigerd) -> None:
    for regel in fout.problemen:
        click.echo(regel, err=True)
    click.echo("Er is niets gewijzigd.", err=True)
    sys.exit(1)


@agenda.group()
def new() -> None:
    """Maak een nieuw record met alle velden en kopjes (besluit, deelopdracht, nulplaat)."""


@new.command("besluit")
@_ROOT
@click.option("--titel")
@click.option("--soort", type=click.Choice(Soort.waarden()), help="besluit, signaal, agendawijziging of vaststelling")
@click.option("--samenvatting", help="In gewone taal: wat wordt er voorgesteld en waarom.")
@click.option("--datum", help="Datum van indienen (JJJJ-MM-DD); standaard vandaag.")
@click.option("--deelopdracht", "deelopdrachten", multiple=True, help="Id van een betrokken deelopdracht (herhaalbaar).")
@click.option("--regio", "regios", multiple=True, help="Regio die moet bekrachtigen (herhaalbaar); standaard alle regio's.")
@click.option("--geen-regios", is_flag=True, help="Geen regionale bekrachtiging nodig.")
@click.option("--vervangt", multiple=True, type=int, help="Nummer van een besluit dat dit besluit vervangt (herhaalbaar).")
@click.option("--vertrouwelijk", is_flag=True, help="Niet openbaar: komt nooit in de openbare site.")
@click.option("--bron", help="Herkomst, bijvoorbeeld een verslag en datum.")
def new_besluit(root, titel, soort, samenvatting, datum, deelopdrachten, regios, geen_regios, vervangt, vertrouwelijk, bron):
    """Nieuw voorstel met het volgende vrije nummer."""
    titel = _vraag(titel, "--titel", "Titel")
    soort = soort or (click.prompt("Soort", type=click.Choice(Soort.waarden())) if sys.stdin.isatty() else None)
    if not soort:
        raise click.UsageError("--soort ontbreekt — een van: " + ", ".join(Soort.waarden()))
    samenvatting = _vraag(samenvatting, "--samenvatting", "Samenvatting in gewone taal")
    try:
        uit = werkstroom.nieuw_besluit(root, titel=titel, soort=soort, samenvatting=samenvatting,
                                       datum=datum or dt.date.today().isoformat(), deelopdrachten=deelopdrachten,
                                       regios=[] if geen_regios else (list(regios) or None), vervangt=vervangt,
                                       vertrouwelijk=vertrouwelijk, bron=bron)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Nieuw besluit: {uit.pad}. Vul de kopjes in en controleer met 'agenda check'.")


@new.command("deelopdracht")
@_ROOT
@click.option("--titel")
@click.option("--id", "id_", help="Bestandsnaam zonder .md; standaard afgeleid van de titel.")
@click.option("--prioriteit", type=click.Choice(Prioriteit.waarden()))
@click.option("--status", type=click.Choice(DeelopdrachtStatus.waarden()))
@click.option("--aanspreekpunt", help="Id van de regio die aanspreekpunt is.")
@click.option("--voorziening", "voorzieningen", multiple=True)
@click.option("--aanbieder", "aanbieders", multiple=True)
@click.option("--kruisverband", "kruisverbanden", multiple=True, help="Id van een verwante deelopdracht.")
@click.option("--bron")
def new_deelopdracht(root, titel, id_, prioriteit, status, aanspreekpunt, voorzieningen, aanbieders, kruisverbanden, bron):
    """Nieuw charter van een deelopdracht."""
    titel = _vraag(titel, "--titel", "Titel")
    try:
        uit = werkstroom.nieuwe_deelopdracht(root, titel=titel, id_=id_, prioriteit=prioriteit, status=status,
                                             aanspreekpunt=aanspreekpunt, voorzieningen=voorzieningen,
                                             aanbieders=aanbieders, kruisverbanden=kruisverbanden, bron=bron)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Nieuwe deelopdracht: {uit.pad}. Vul fasen, mijlpalen en kopjes in en controleer met 'agenda check'.")


@new.command("nulplaat")
@_ROOT
@click.option("--titel")
@click.option("--id", "id_", help="Bestandsnaam zonder .md; standaard afgeleid van de titel.")
@click.option("--peildatum", help="De datum van deze momentopname (JJJJ-MM-DD).")
@click.option("--deelopdracht", help="Id van de deelopdracht waar de plaat bij hoort.")
@click.option("--ambitie")
@click.option("--knop", "knoppen", multiple=True, help="Het 'wat' van een knop (herhaalbaar).")
@click.option("--vervangt", help="Id van de vorige nulplaat: haar ambitie en knoppen zijn het vertrekpunt.")
@click.option("--bron")
def new_nulplaat(root, titel, id_, peildatum, deelopdracht, ambitie, knoppen, vervangt, bron):
    """Nieuwe nulplaat of herziening van een eerdere."""
    titel = _vraag(titel, "--titel", "Titel")
    peildatum = _vraag(peildatum, "--peildatum", "Peildatum (JJJJ-MM-DD)")
    try:
        uit = werkstroom.nieuwe_nulplaat(root, titel=titel, peildatum=peildatum, id_=id_, deelopdracht=deelopdracht,
                                         ambitie=ambitie, knoppen=knoppen, vervangt=vervangt, bron=bron)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Nieuwe nulplaat: {uit.pad}. Vul bij elke knop het 'hoe' in en controleer met 'agenda check'.")


@agenda.command()
@_ROOT
@click.argument("nummer", type=int)
@click.option("--datum", required=True, help="Datum van de stap (JJJJ-MM-DD).")
@click.option("--uitkomst", required=True, help="Bijvoorbeeld besproken, geadviseerd, geaccordeerd; per regio: vastgesteld.")
@click.option("--gremium", help="Gremium dat de stap zette (programmaroute).")
@click.option("--regio", help="Regio, voor een stap in haar eigen besluitvormingsroute.")
@click.option("--stap", help="Stap uit de route van de regio (mag weg als die route één stap heeft).")
@click.option("--toelichting", help="Bijvoorbeeld het advies of een verwijzing naar het verslag.")
def stap(root, nummer, datum, uitkomst, gremium, regio, stap, toelichting):
    """Leg een stap in de route van een besluit vast (het bestand verandert alleen op de nieuwe regels)."""
    try:
        uit = werkstroom.zet_stap(root, nummer, datum=datum, uitkomst=uitkomst, gremium=gremium, regio=regio,
                                  stap=stap, toelichting=toelichting)
    except Geweigerd as fout:
        _weigering(fout)
    besluit = uit.agenda.besluiten[nummer]
    regel = f"Stap vastgelegd in {uit.pad}. Besluit {nummer} is nu: {uit.agenda.status(besluit).label}"
    if regio:
        regel += f"; in {uit.agenda.programma.regio(regio).naam}: {besluit.regio_status(regio).label}"
    click.echo(regel + ".")
