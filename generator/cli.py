"""The ``agenda`` command: check records and build the site, in Dutch."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from .boom import Lek, bouw_boom
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


def main() -> None:
    """Console-script entry point."""
    agenda(prog_name="agenda")
