"""The ``agenda`` command: check records and build the site, in Dutch."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import shutil
import sys
from pathlib import Path

import click

from regioagenda.samenstellen.woorden import regiostand, statuswoord
from regioagenda.werkstroom import opdrachten as werkstroom
from regioagenda.werkstroom import programmabeheer
from regioagenda.werkstroom.clihulp import NederlandseGroep
from regioagenda.model.vocab import DeelopdrachtStatus, Prioriteit, Soort
from regioagenda.werkstroom.bijwerken import werk_bij
from regioagenda.werkstroom.opzet import eerste_commit, nieuw_programma
from regioagenda.werkstroom.peildatum import OngeldigePeildatum, standaard_peildatum
from regioagenda.werkstroom.prsamenvatting import pr_samenvatting
from regioagenda.model.stand import statusoverzicht
from regioagenda.werkstroom.statustekst import statustekst
from regioagenda.werkstroom.opdrachten import Geweigerd
from regioagenda.werkstroom import repository
from regioagenda.werkstroom.repository import generatorregel, geinstalleerde_uitgave, vereisten, wiel_hash
from regioagenda.records.laden import laad
from regioagenda.problemen import Probleem, samenvatting, zichtbaar


def _stapdatum(ctx: click.Context, param: click.Parameter, waarde: str) -> str:
    """A step's date as a record takes it, refused here with the option's name rather than a line not yet written."""
    from regioagenda.model.datum import Datum, OngeldigeDatum

    try:
        Datum.lees(waarde)
    except OngeldigeDatum as fout:
        raise click.BadParameter(
            f"{fout} — JJJJ-MM-DD, bijvoorbeeld 2026-03-06 (zegt de bron niet meer: JJJJ-MM, JJJJ-Qn, JJJJ-Hn of JJJJ)",
            param_hint="--datum",
        ) from None
    return waarde


def _peildatum(ctx: click.Context, param: click.Parameter, waarde: str | None) -> dt.date | None:
    if waarde is None:
        return None  # each command has its own default: the site's peildatum, or today
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"'{waarde}' is geen datum — verwacht JJJJ-MM-DD, bijvoorbeeld 2024-02-14") from None


_ROOT = click.option(
    "--map",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Map van het programma (met agenda/ en decisions/).",
)


def _meld(problemen: list[Probleem] | tuple[Probleem, ...]) -> None:
    for probleem in problemen:
        click.echo(str(probleem), err=True)
    click.echo(samenvatting(list(problemen)), err=True)


@click.group(cls=NederlandseGroep, context_settings={"help_option_names": ["-h", "--help"]})
def agenda() -> None:
    """Een programma-agenda als tekstbestanden: records controleren, aanvullen en de site bouwen."""


def _github(tekst: str) -> str:
    """Escape a value for a GitHub Actions workflow command."""
    return tekst.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


@agenda.command("controleer")
@_ROOT
@click.option(
    "--format",
    "vorm",
    type=click.Choice(["tekst", "github"]),
    default="tekst",
    show_default=True,
    help="github: meldingen als annotaties op de regels van de pull request.",
)
def controleer(root: Path, vorm: str) -> None:
    """Controleer alle records en meld elk probleem met bestand en regel."""
    resultaat = laad(root, vertrouwelijk=True)
    if resultaat.problemen:
        if vorm == "github":
            for p in resultaat.problemen:
                bericht = zichtbaar(f"{p.wat} — {p.verwacht}" if p.verwacht else p.wat)
                click.echo(
                    f"::error file={_github(zichtbaar(p.pad))},line={p.regel},title=agenda controleer::"
                    f"{bericht.replace('%', '%25')}"
                )
        _meld(resultaat.problemen)
        sys.exit(1)
    a = resultaat.agenda
    tellingen = [
        ("besluiten", len(a.besluiten)),
        (a.programma.termen.onderdelen, len(a.deelopdrachten)),
        ("hoofdstukken", len(a.hoofdstukken)),
        ("nulplaten", len(a.nulplaten)),
        ("vergaderingen", len(a.vergaderingen)),
    ]
    # what the programme has none of (nulplaten, meetings) is not counted: it is not part of this programme
    delen = [f"{naam}: {n}" for i, (naam, n) in enumerate(tellingen) if n or i < 3]
    click.echo(f"Alles in orde. {', '.join(delen)[:1].upper()}{', '.join(delen)[1:]}.")


@agenda.command("bouw")
@_ROOT
@click.option(
    "--out",
    "uit",
    type=click.Path(file_okay=False, path_type=Path),
    help="Schrijf de site als Markdown-boom in deze map, zonder MkDocs. Zonder --out: de echte site, in de map "
    "die mkdocs.yml noemt (site_dir).",
)
@click.option(
    "--peildatum",
    callback=_peildatum,
    help="Datum waartegen 'te laat' wordt bepaald (JJJJ-MM-DD); standaard die van de site (mkdocs.yml, "
    "AGENDA_PEILDATUM), anders vandaag.",
)
@click.option(
    "--intern", is_flag=True, help="Interne versie mét vertrouwelijke besluiten (nooit publiceren); alleen met --out."
)
def bouw(root: Path, uit: Path | None, peildatum: dt.date, intern: bool) -> None:
    """Bouw de site van het programma (met --out: als Markdown-boom)."""
    if uit is None:
        if intern:
            raise click.UsageError(
                "--intern kan alleen met --out: een interne site komt nooit in de map van de openbare site"
            )
        _bouw_site(root, peildatum)
        return
    # Imported here: 'agenda controleer' should not pay for loading Jinja, Babel and the templates.
    from regioagenda.publiceren.boom import Lek, bouw_boom
    from regioagenda.publiceren.bouwveiligheid import OnveiligeUitvoermap
    from regioagenda.samenstellen.paginas import OnveiligAdres

    try:
        peildatum = peildatum or _site_peildatum(root)
        problemen = bouw_boom(root, uit, peildatum, intern)
    except OnveiligeUitvoermap as fout:
        click.echo(f"Fout: {zichtbaar(str(fout))}", err=True)
        sys.exit(1)
    except OnveiligAdres as fout:  # the records passed, yet a page would land outside the site: a generator bug
        click.echo(
            f"Fout: {zichtbaar(str(fout))} — meld dit aan de beheerders van de generator. Er is niets geschreven.",
            err=True,
        )
        sys.exit(1)
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


def _voor_mkdocs(root: Path, wat: str) -> Path:
    """What 'agenda bouw' and 'agenda bekijk' do before MkDocs runs: the records checked as 'agenda controleer'
    does (MkDocs runs what mkdocs.yml names before the site's own check), and the mkdocs.yml to use."""
    resultaat = laad(root, vertrouwelijk=True)
    if resultaat.problemen:
        _meld(resultaat.problemen)
        click.echo(f"Er is niets {wat}; los eerst de problemen hierboven op.", err=True)
        sys.exit(1)
    mkdocs_yml = root / "mkdocs.yml"
    if not mkdocs_yml.is_file():
        click.echo(
            f"Fout: {root / 'mkdocs.yml'} ontbreekt — start in de map van het programma, of noem die met --map",
            err=True,
        )
        sys.exit(1)
    return mkdocs_yml


def _melding(tekst: str, fout: bool) -> None:
    """One report of MkDocs' run; a message of several lines (the record problems) keeps its lines."""
    for regel in tekst.splitlines() or [""]:
        click.echo(zichtbaar(regel), err=fout)


def _bouw_site(root: Path, peildatum: dt.date | None) -> None:
    """The real site, as 'mkdocs build --strict' builds it, into the folder mkdocs.yml names."""
    mkdocs_yml = _voor_mkdocs(root, "gebouwd")
    getoond = peildatum or _site_peildatum(root)
    from regioagenda.publiceren.mkdocsbouw import Mislukt, bouw_site  # MkDocs only loads when it is needed

    try:
        site = bouw_site(mkdocs_yml, _melding, peildatum)
    except Mislukt as fout:
        click.echo(zichtbaar(str(fout)), err=True)
        sys.exit(1)
    click.echo(f"Site gebouwd in {site} (peildatum {getoond.isoformat()}).")


@agenda.command("bekijk")
@_ROOT
@click.option(
    "--poort",
    type=int,
    default=8000,
    show_default=True,
    help="Poort op deze computer waarop de voorvertoning te zien is.",
)
@click.option(
    "--snel",
    is_flag=True,
    help="Na een wijziging alleen de veranderde pagina's opnieuw maken (voor grote programma's); zoeken kan dan "
    "achterlopen tot de volgende start.",
)
def bekijk(root: Path, poort: int, snel: bool) -> None:
    """Bekijk de site op deze computer terwijl u records aanpast; de pagina ververst vanzelf (stoppen: Ctrl+C)."""
    if not 1 <= poort <= 65535:
        raise click.UsageError(
            f"--poort {poort} bestaat niet — kies een getal van 1 tot en met 65535, bijvoorbeeld 8001"
        )
    mkdocs_yml = _voor_mkdocs(root, "getoond")
    from regioagenda.publiceren.mkdocsbouw import Mislukt, bekijk as serveer

    def klaar(url: str) -> None:
        click.echo(f"De voorvertoning staat klaar op {url}")
        click.echo(
            "Open dat adres in de browser. Wijzigt u een record, dan ververst de pagina vanzelf. Stoppen: Ctrl+C."
        )

    click.echo("De site wordt gemaakt…")
    try:
        serveer(mkdocs_yml, poort, _melding, klaar, snel=snel)
    except Mislukt as fout:
        click.echo(zichtbaar(str(fout)), err=True)
        sys.exit(1)
    click.echo("Voorvertoning gestopt.")


@agenda.command()
@_ROOT
@click.option("--versie", required=True, help="Versienummer, bijvoorbeeld 2024.1.")
@click.option("--besluit", required=True, type=int, help="Nummer van het geaccordeerde besluit (soort vaststelling).")
def vaststellen(root, versie, besluit):
    """Leg de huidige samenstelling van het document vast als vastgestelde versie."""
    try:
        uit = werkstroom.vaststellen(root, versie=versie, besluit=besluit)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(
        f"Versie {versie} vastgelegd in {uit.pad}. De site toont haar nu als geldende versie van "
        f"{uit.agenda.programma.termen.het_document}."
    )


@agenda.command()
@_ROOT
@click.argument("basis")
def wijzigingen(root, basis):
    """Samenvatting voor een pull request: wat verandert er ten opzichte van BASIS (een git-referentie)?"""
    try:
        click.echo(pr_samenvatting(root, basis))
    except Geweigerd as fout:
        for regel in fout.problemen:
            click.echo(f"Fout: {regel}", err=True)
        sys.exit(2)


@agenda.command("start")
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option("--titel", help="Titel van het programma.")
@click.option("--kortenaam", help="Korte naam, bijvoorbeeld de naam van het samenwerkingsverband.")
@click.option("--document", help="Hoe het programma zijn document noemt: uitvoeringsagenda, transformatieagenda, …")
@click.option("--lidwoord", type=click.Choice(["de", "het"]), help="Lidwoord van het document (de of het).")
@click.option("--onderdeel", help="Hoe het programma één onderdeel noemt: deelopdracht, projectopdracht, …")
@click.option("--onderdelen", help="Meervoud daarvan: deelopdrachten, projectopdrachten, …")
@click.option("--regionaam", help="Hoe het programma één deelnemer noemt die zelf bekrachtigt: regio, gemeente, …")
@click.option("--regionamen", help="Meervoud daarvan: regio's, gemeenten, …")
@click.option(
    "--regio", "regios", multiple=True, help="Regio als id=Naam, bijvoorbeeld noord=Regio Noord (herhaalbaar)."
)
@click.option("--gremium", "gremia", multiple=True, help="Gremium als id=Naam (herhaalbaar).")
@click.option("--samenstelling", multiple=True, help="Samenstelling van een gremium als id=tekst (herhaalbaar).")
@click.option("--rol", multiple=True, help="Rol van een gremium als id=tekst (herhaalbaar).")
@click.option("--van", "van", type=int, help="Eerste jaar van het programma (weglaten als het nog open is).")
@click.option("--tot", "tot", type=int, help="Laatste jaar van het programma (weglaten als het nog open is).")
@click.option("--adres", help="Het adres waarop de site gepubliceerd wordt (https://…); kan ook later, in mkdocs.yml.")
@click.option("--repository", help="Het adres van de repository (https://…), voor de knop 'Bewerken' op elke pagina.")
@click.option(
    "--generator",
    help="De uitgave van de generator voor requirements.txt: het adres van het wiel (.whl), of het pad ernaar op "
    "deze computer. Standaard de uitgave waaruit deze generator geïnstalleerd is.",
)
@click.option("--generator-hash", help="De sha256 van dat wiel (niet nodig als --generator een bestand is).")
@click.option(
    "--eigenaar",
    "eigenaren",
    multiple=True,
    help="Wie wijzigingen goedkeurt (CODEOWNERS): @gebruikersnaam of @organisatie/team (herhaalbaar).",
)
def start(
    map_,
    titel,
    kortenaam,
    document,
    lidwoord,
    onderdeel,
    onderdelen,
    regionaam,
    regionamen,
    regios,
    gremia,
    samenstelling,
    rol,
    van,
    tot,
    adres,
    repository,
    generator,
    generator_hash,
    eigenaren,
):
    """Zet een nieuw programma op in MAP met alleen wat u opgeeft (regio's, gremia, woorden).

    Het nieuwe programma is meteen in orde en een git-repository met een eerste commit, met workflows die het
    controleren en publiceren en een requirements.txt die de generator vastlegt: bekijk het met 'agenda bekijk'
    in die map."""
    titel = _vraag(titel, "--titel", "Titel van het programma")
    if not regios and sys.stdin.isatty():
        regios = tuple(click.prompt("Regio's als id=Naam, gescheiden door komma's").split(","))
    if not regios:
        raise click.UsageError('--regio ontbreekt — geef minstens één regio, bijvoorbeeld --regio noord="Regio Noord"')
    woorden = {
        "document": document,
        "lidwoord": lidwoord,
        "onderdeel": onderdeel,
        "onderdelen": onderdelen,
        "regio": regionaam,
        "regios": regionamen,
    }
    regel = _generatorregel(generator, generator_hash)
    try:
        uit = nieuw_programma(
            map_,
            titel=titel,
            kortenaam=kortenaam,
            regios=regios,
            gremia=gremia,
            van=van,
            tot=tot,
            termen=woorden,
            samenstelling=samenstelling,
            rol=rol,
            adres=adres,
            repository=repository,
            generator=regel,
            eigenaren=eigenaren,
        )
    except Geweigerd as fout:
        _weigering(fout)
    opdracht, map_tekst = _deze_opdracht(), shlex.quote(str(uit))
    click.echo(f"Nieuw programma in {uit}; {eerste_commit(uit, titel)}. Zo gaat u verder:")
    click.echo(f"  cd {map_tekst} && {opdracht} controleer    (de records controleren)")
    click.echo(f"  cd {map_tekst} && {opdracht} bekijk        (de site bekijken in de browser)")
    if regel is None:
        click.echo(
            "Let op: requirements.txt noemt de generator nog niet, want deze generator is niet uit een uitgave "
            "geïnstalleerd. Neem de regel over uit de requirements.txt van een uitgave (of geef --generator), "
            "anders kan de workflow Controle hem niet installeren.",
            err=True,
        )
    elif "@ file://" in regel:
        click.echo(
            "Let op: requirements.txt wijst naar een wiel op deze computer (file://…): de workflows op GitHub kunnen "
            "het niet installeren. Zet er vóór de eerste push het adres van een uitgave in: "
            f"{opdracht} vereisten --generator https://…/regioagenda-<versie>-py3-none-any.whl "
            "--generator-hash <sha256> > requirements.txt",
            err=True,
        )
    if not eigenaren:
        click.echo(
            "Tip: noem in .github/CODEOWNERS wie wijzigingen goedkeurt (of geef --eigenaar @organisatie/team).",
        )
    click.echo(
        "Zet de repository op GitHub (git remote add origin … && git push -u origin main) en zet bij Pages de bron "
        "op 'GitHub Actions': de workflow Publiceren zet de site dan online. Zie README.md."
    )


@agenda.command("vereisten")
@click.option("--generator", required=True, help="Het adres van het wiel (.whl) van de uitgave, of het pad ernaar.")
@click.option("--generator-hash", help="De sha256 van dat wiel (niet nodig als --generator een bestand is).")
def vereisten_(generator, generator_hash):
    """Schrijf de requirements.txt van een programma voor deze uitgave van de generator (naar de uitvoer)."""
    click.echo(vereisten(_generatorregel(generator, generator_hash)), nl=False)


def _generatorregel(generator: str | None, sha256: str | None) -> str | None:
    """The generator's pinned requirement for a new programme: the release named, else the one this generator was
    installed from; None when neither is known (an editable install from source)."""
    if generator is None:
        bekend = geinstalleerde_uitgave()
        return generatorregel(*bekend) if bekend else None
    bestand = Path(generator)
    if "://" not in generator:
        if not bestand.is_file() or bestand.suffix != ".whl":
            raise click.BadParameter(
                f"'{generator}' is geen wielbestand (.whl) op deze computer", param_hint="--generator"
            )
        generator, sha256 = bestand.resolve().as_uri(), sha256 or wiel_hash(bestand)
    if not generator.endswith(".whl"):
        raise click.BadParameter(f"'{generator}' is geen adres van een wiel (.whl)", param_hint="--generator")
    if not sha256:
        raise click.UsageError("--generator-hash ontbreekt — de sha256 van het wiel staat bij de uitgave")
    try:
        return generatorregel(generator, sha256.removeprefix("sha256:").lower())
    except ValueError as fout:
        raise click.BadParameter(str(fout), param_hint="--generator-hash") from None


def _deze_opdracht() -> str:
    """This same agenda command as a shell can run it from any folder: 'agenda' when that is the one on PATH, else
    its full path (it may live in a virtual environment that is not on PATH, as MkDocs does)."""
    programma = Path(sys.argv[0])
    if programma.name == "agenda":
        op_pad = shutil.which("agenda")
        if op_pad and Path(op_pad).resolve() == programma.resolve():
            return "agenda"
        return shlex.quote(str(programma.resolve()))
    return f"{shlex.quote(sys.executable)} -m regioagenda"  # 'python -m regioagenda', the same interpreter


@agenda.command("bijwerken")
@_ROOT
@click.option(
    "--workflows",
    is_flag=True,
    help="Zet ook de workflows en .pre-commit-config.yaml van deze versie neer (eigen aanpassingen daarin gaan "
    "verloren; git toont het verschil).",
)
def bijwerken(root, workflows):
    """Werk records uit een eerdere versie van de generator bij, zonder iets te verliezen."""
    try:
        gedaan = werk_bij(root)
        anders = repository.verouderd(root, ontbrekend=workflows)
        if workflows and anders:
            repository.vernieuw(root, anders)
            gedaan += [f"{pad}: die van deze versie van de generator" for pad in anders]
            anders = []
    except Geweigerd as fout:
        _weigering(fout)
    for regel in gedaan:
        click.echo(regel)
    click.echo("Bijgewerkt; controleer met 'agenda controleer'." if gedaan else "Niets bij te werken.")
    if anders:
        click.echo(
            f"Let op: {', '.join(anders)} {'is' if len(anders) == 1 else 'zijn'} niet zoals deze versie van de "
            "generator ze schrijft. 'agenda bijwerken --workflows' zet die van deze versie neer.",
        )


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
        if isinstance(getattr(fout.param, "type", None), click.Path):
            return f"ongeldige waarde voor {naam} — verwacht een map (geen bestand) die te lezen is"
        return f"ongeldige waarde voor {naam}: {fout.message}"
    if isinstance(fout, click.UsageError) and "No such command" in fout.message:
        naam = fout.message.split("'")[1] if "'" in fout.message else ""
        return f"onbekend commando — zie 'agenda --help' ({naam})"
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
    except OSError as fout:  # disk full, no permission, folder gone: not a record problem, still no traceback
        click.echo(
            f"Fout: {fout.strerror or fout} ({fout.filename or 'bestand'}) — controleer de map en de rechten", err=True
        )
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _site_peildatum(root: Path) -> dt.date:
    """The peildatum the site is built with, so that the terminal and the site agree."""
    try:
        return standaard_peildatum(root)
    except OngeldigePeildatum as fout:
        raise click.UsageError(str(fout)) from None


def _vraag(waarde: str | None, optie: str, vraag: str) -> str:
    """A required value: from its flag, asked for in a terminal, or a clear error without one."""
    if waarde:
        return waarde
    if sys.stdin.isatty():
        return click.prompt(vraag)
    raise click.UsageError(
        f"{optie} ontbreekt — geef het mee, of start het commando in een terminal om het te laten vragen"
    )


def _weigering(fout: Geweigerd) -> None:
    for regel in fout.problemen:
        click.echo(regel, err=True)
    click.echo("Er is niets gewijzigd.", err=True)
    sys.exit(1)


@agenda.group("nieuw")
def nieuw() -> None:
    """Maak een nieuw record met alle velden en kopjes (besluit, onderdeel, nulplaat)."""


@nieuw.command("besluit")
@_ROOT
@click.option("--titel", help="Korte titel van het besluit; zonder deze optie wordt ernaar gevraagd.")
@click.option("--soort", type=click.Choice(Soort.waarden()), help="besluit, signaal, agendawijziging of vaststelling")
@click.option("--samenvatting", help="In gewone taal: wat wordt er voorgesteld en waarom.")
@click.option("--datum", help="Datum van indienen (JJJJ-MM-DD); standaard vandaag (niet bij --zonder-route).")
@click.option("--deelopdracht", "deelopdrachten", multiple=True, help="Id van een betrokken onderdeel (herhaalbaar).")
@click.option(
    "--regio", "regios", multiple=True, help="Regio die moet bekrachtigen (herhaalbaar); standaard alle regio's."
)
@click.option("--geen-regios", is_flag=True, help="Geen regionale bekrachtiging nodig.")
@click.option(
    "--vervangt", multiple=True, type=int, help="Nummer van een besluit dat dit besluit vervangt (herhaalbaar)."
)
@click.option(
    "--vertrouwelijk",
    is_flag=True,
    help="Niet openbaar: komt in de vertrouwelijke bron (vertrouwelijke_bron), nooit in de openbare repository.",
)
@click.option(
    "--zonder-route",
    is_flag=True,
    help="Geen stap in de programmaroute (verloop: []): bijvoorbeeld een besluit dat de gemeenten zelf nemen.",
)
@click.option("--bron", help="Herkomst, bijvoorbeeld een verslag en datum.")
def nieuw_besluit_opdracht(
    root,
    titel,
    soort,
    samenvatting,
    datum,
    deelopdrachten,
    regios,
    geen_regios,
    vervangt,
    vertrouwelijk,
    zonder_route,
    bron,
):
    """Nieuw voorstel met het volgende vrije nummer."""
    titel = _vraag(titel, "--titel", "Titel")
    soort = soort or (click.prompt("Soort", type=click.Choice(Soort.waarden())) if sys.stdin.isatty() else None)
    if not soort:
        raise click.UsageError("--soort ontbreekt — een van: " + ", ".join(Soort.waarden()))
    samenvatting = _vraag(samenvatting, "--samenvatting", "Samenvatting in gewone taal")
    try:
        uit = werkstroom.nieuw_besluit(
            root,
            titel=titel,
            soort=soort,
            samenvatting=samenvatting,
            datum=datum or dt.date.today().isoformat(),
            deelopdrachten=deelopdrachten,
            regios=[] if geen_regios else (list(regios) or None),
            vervangt=vervangt,
            vertrouwelijk=vertrouwelijk,
            zonder_route=zonder_route,
            bron=bron,
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Nieuw besluit: {uit.pad}. Vul de kopjes in en controleer met 'agenda controleer'.")


@nieuw.command("onderdeel")
@_ROOT
@click.option("--titel", help="Naam van het onderdeel; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Bestandsnaam zonder .md; standaard afgeleid van de titel.")
@click.option("--prioriteit", type=click.Choice(Prioriteit.waarden()), help="Prioriteit in het programma.")
@click.option("--status", type=click.Choice(DeelopdrachtStatus.waarden()), help="Hoe ver het onderdeel is.")
@click.option("--aanspreekpunt", help="Id van de regio die aanspreekpunt is.")
@click.option(
    "--voorziening", "voorzieningen", multiple=True, help="Id van een voorziening uit programma.yml (herhaalbaar)."
)
@click.option("--aanbieder", "aanbieders", multiple=True, help="Id van een aanbieder uit programma.yml (herhaalbaar).")
@click.option("--kruisverband", "kruisverbanden", multiple=True, help="Id van een verwant onderdeel.")
@click.option("--bron", help="Herkomst: brondocument en paragraaf.")
def nieuwe_deelopdracht_opdracht(
    root, titel, id_, prioriteit, status, aanspreekpunt, voorzieningen, aanbieders, kruisverbanden, bron
):
    """Nieuw onderdeel van het programma (deelopdracht, projectopdracht, ontwikkeltafel: zie programma.yml)."""
    titel = _vraag(titel, "--titel", "Titel")
    try:
        uit = werkstroom.nieuwe_deelopdracht(
            root,
            titel=titel,
            id_=id_,
            prioriteit=prioriteit,
            status=status,
            aanspreekpunt=aanspreekpunt,
            voorzieningen=voorzieningen,
            aanbieders=aanbieders,
            kruisverbanden=kruisverbanden,
            bron=bron,
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(
        f"{uit.agenda.programma.termen.Onderdeel} aangemaakt: {uit.pad}. Vul fasen, mijlpalen en kopjes in en "
        "controleer met 'agenda controleer'."
    )


@nieuw.command("gremium")
@_ROOT
@click.option(
    "--naam", help="Naam van het gremium, bijvoorbeeld 'Regiegroep'; zonder deze optie wordt ernaar gevraagd."
)
@click.option("--id", "id_", help="Korte id (kleine letters, cijfers, streepjes); standaard afgeleid van de naam.")
@click.option("--samenstelling", help="Wie erin zitten.")
@click.option("--rol", help="Wat het gremium doet in de besluitvorming.")
@click.option("--bron", help="Herkomst: brondocument en paragraaf.")
def nieuw_gremium_opdracht(root, naam, id_, samenstelling, rol, bron):
    """Nieuw gremium in agenda/programma.yml (de rest van het bestand blijft zoals het is)."""
    naam = _vraag(naam, "--naam", "Naam van het gremium")
    try:
        uit = programmabeheer.nieuw_gremium(root, id=id_, naam=naam, samenstelling=samenstelling, rol=rol, bron=bron)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(
        f"Gremium toegevoegd aan {uit.pad}. Noem het in de besluitvormingsroute en controleer met 'agenda controleer'."
    )


@nieuw.command("routestap")
@_ROOT
@click.option("--naam", help="Naam van de stap, bijvoorbeeld 'Advies'; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Korte id (kleine letters, cijfers, streepjes); standaard afgeleid van de naam.")
@click.option("--gremium", help="Gremium dat deze stap zet (de programmaroute).")
@click.option(
    "--uitkomst",
    "uitkomsten",
    multiple=True,
    help="Een uitkomst die het gremium bij deze stap kan geven, bijvoorbeeld geadviseerd (herhaalbaar).",
)
@click.option("--regio", help="Id van de regio: de stap hoort dan bij haar eigen besluitvormingsroute.")
@click.option("--termijn", "termijn_dagen", type=click.IntRange(min=1), help="Verwachte termijn in dagen (regio).")
@click.option("--toelichting", help="Toelichting bij de stap (regio).")
def nieuwe_routestap_opdracht(root, naam, id_, gremium, uitkomsten, regio, termijn_dagen, toelichting):
    """Nieuwe stap achteraan in de besluitvormingsroute: die van het programma, of met --regio die van een regio."""
    naam = _vraag(naam, "--naam", "Naam van de stap")
    try:
        uit = programmabeheer.nieuwe_routestap(
            root,
            id=id_,
            naam=naam,
            gremium=gremium,
            uitkomsten=uitkomsten,
            regio=regio,
            termijn_dagen=termijn_dagen,
            toelichting=toelichting,
        )
    except Geweigerd as fout:
        _weigering(fout)
    waar = f"de route van regio '{regio}'" if regio else "de programmaroute"
    click.echo(f"Stap toegevoegd aan {waar} in {uit.pad}. Controleer met 'agenda controleer'.")


@nieuw.command("regio")
@_ROOT
@click.option("--naam", help="Naam van de regio; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Korte id (kleine letters, cijfers, streepjes); standaard afgeleid van de naam.")
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    help="Een gemeente van de regio (herhaalbaar); 'id=Naam' als de afgeleide id al bestaat.",
)
@click.option("--boven", help="Id van de regio waar deze regio onder valt (een deelregio).")
@click.option("--organisatie", help="De organisatie die voor de regio optreedt.")
@click.option("--soort", help="Wat voor regio het is, bijvoorbeeld 'jeugdzorgregio'.")
def nieuwe_regio_opdracht(root, naam, id_, gemeenten, boven, organisatie, soort):
    """Nieuwe regio (met haar gemeenten) in agenda/programma.yml."""
    naam = _vraag(naam, "--naam", "Naam van de regio")
    try:
        uit = programmabeheer.nieuwe_regio(
            root, id=id_, naam=naam, gemeenten=gemeenten, boven=boven, organisatie=organisatie, soort=soort
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(
        f"Regio toegevoegd aan {uit.pad}. Beschrijf haar eigen besluitvormingsroute daar als die er is, en "
        "controleer met 'agenda controleer'."
    )


@nieuw.command("bron")
@_ROOT
@click.option("--titel", help="Titel van het brondocument; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Korte id; standaard afgeleid van de titel.")
@click.option("--verwijzing", help="Hoe records het document in 'bron:' noemen; standaard de id.")
@click.option("--datum", help="Datum van het document (JJJJ-MM-DD, JJJJ-MM of JJJJ).")
@click.option("--status", help="Bijvoorbeeld 'concept' of 'vastgesteld'.")
@click.option("--uitgever", help="Wie het document uitgaf.")
@click.option("--vindplaats", help="Waar lezers het document kunnen krijgen.")
def nieuwe_bron_opdracht(root, titel, id_, verwijzing, datum, status, uitgever, vindplaats):
    """Nieuw brondocument in het register van agenda/programma.yml."""
    titel = _vraag(titel, "--titel", "Titel van het brondocument")
    try:
        uit = programmabeheer.nieuwe_bron(
            root,
            id=id_,
            titel=titel,
            verwijzing=verwijzing,
            datum=datum,
            status=status,
            uitgever=uitgever,
            vindplaats=vindplaats,
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Bron toegevoegd aan {uit.pad}. Records noemen haar in 'bron:' met haar verwijzing.")


@nieuw.command("hoofdstuk")
@_ROOT
@click.option("--titel", help="Titel van het hoofdstuk; zonder deze optie wordt ernaar gevraagd.")
@click.option("--nummer", help="Nummer in het document, bijvoorbeeld 5.1; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Bestandsnaam zonder .md; standaard afgeleid van de titel.")
@click.option(
    "--na", "plaats", help="Id van het hoofdstuk (of de sectie) in de opbouw waarna het komt; standaard achteraan."
)
def nieuw_hoofdstuk_opdracht(root, titel, nummer, id_, plaats):
    """Nieuw hoofdstuk: het bestand in agenda/hoofdstukken/ en zijn plaats in de opbouw (samen, of geen van beide)."""
    titel = _vraag(titel, "--titel", "Titel van het hoofdstuk")
    nummer = _vraag(nummer, "--nummer", "Nummer (bijvoorbeeld 5.1)")
    try:
        uit = programmabeheer.nieuw_hoofdstuk(root, id=id_, titel=titel, nummer=nummer, plaats=plaats)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Hoofdstuk aangemaakt: {uit.pad}. Schrijf de tekst en controleer met 'agenda controleer'.")


@nieuw.command("nulplaat")
@_ROOT
@click.option("--titel", help="Naam van de nulplaat; zonder deze optie wordt ernaar gevraagd.")
@click.option("--id", "id_", help="Bestandsnaam zonder .md; standaard afgeleid van de titel.")
@click.option("--peildatum", help="De datum van deze momentopname (JJJJ-MM-DD).")
@click.option("--deelopdracht", help="Id van het onderdeel waar de plaat bij hoort.")
@click.option("--ambitie", help="De ambitie rechtsboven op de plaat.")
@click.option("--knop", "knoppen", multiple=True, help="Het 'wat' van een knop (herhaalbaar).")
@click.option("--vervangt", help="Id van de vorige nulplaat: haar ambitie en knoppen zijn het vertrekpunt.")
@click.option("--bron", help="Herkomst: brondocument en paragraaf.")
def nieuwe_nulplaat_opdracht(root, titel, id_, peildatum, deelopdracht, ambitie, knoppen, vervangt, bron):
    """Nieuwe nulplaat of herziening van een eerdere."""
    titel = _vraag(titel, "--titel", "Titel")
    peildatum = _vraag(peildatum, "--peildatum", "Peildatum (JJJJ-MM-DD)")
    try:
        uit = werkstroom.nieuwe_nulplaat(
            root,
            titel=titel,
            peildatum=peildatum,
            id_=id_,
            deelopdracht=deelopdracht,
            ambitie=ambitie,
            knoppen=knoppen,
            vervangt=vervangt,
            bron=bron,
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Nieuwe nulplaat: {uit.pad}. Vul bij elke knop het 'hoe' in en controleer met 'agenda controleer'.")


@agenda.command()
@_ROOT
@click.argument("nummer", type=int)
@click.option(
    "--datum",
    required=True,
    callback=_stapdatum,
    help="Datum van de stap (JJJJ-MM-DD); zegt de bron niet meer, dan JJJJ-MM, JJJJ-Qn, JJJJ-Hn of JJJJ.",
)
@click.option(
    "--uitkomst", required=True, help="Bijvoorbeeld besproken, geadviseerd, geaccordeerd; per regio: vastgesteld."
)
@click.option("--gremium", help="Gremium dat de stap zette (programmaroute).")
@click.option("--regio", help="Regio, voor een stap in haar eigen besluitvormingsroute.")
@click.option("--stap", help="Stap uit de route van de regio (mag weg als die route één stap heeft).")
@click.option("--toelichting", help="Bijvoorbeeld het advies of een verwijzing naar het verslag.")
@click.option("--gepland", is_flag=True, help="De stap is gepland, nog niet gezet (telt niet mee voor de status).")
@click.option(
    "--aantal",
    type=click.IntRange(min=1),
    help="Regio: door hoeveel van haar leden (gemeenteraden) genomen, als de bron ze niet bij naam noemt.",
)
@click.option("--van", type=click.IntRange(min=1), help="Regio: van hoeveel leden (bij --aantal).")
@click.option("--orgaan", help="Regio: het orgaan dat besloot, een id uit 'organen' in programma.yml (raad, college).")
@click.option(
    "--peildatum", callback=_peildatum, help="Wat 'vandaag' is voor de controle op toekomstige data (JJJJ-MM-DD)."
)
def stap(root, nummer, datum, uitkomst, gremium, regio, stap, toelichting, gepland, aantal, van, orgaan, peildatum):
    """Leg een stap in de route van een besluit vast (het bestand verandert alleen op de nieuwe regels)."""
    try:
        uit = werkstroom.zet_stap(
            root,
            nummer,
            datum=datum,
            uitkomst=uitkomst,
            gremium=gremium,
            regio=regio,
            stap=stap,
            toelichting=toelichting,
            gepland=gepland,
            peildatum=peildatum,
            aantal=aantal,
            van=van,
            orgaan=orgaan,
        )
    except Geweigerd as fout:
        _weigering(fout)
    besluit = uit.agenda.besluiten[nummer]
    soort = "Geplande stap" if gepland else "Stap"
    status = statuswoord(uit.agenda.programma, uit.agenda.status(besluit))
    regel = f"{soort} vastgelegd in {uit.pad}. Besluit {nummer} is nu: {status}"
    if regio:
        regel += f"; in {uit.agenda.programma.regio(regio).naam}: {regiostand(uit.agenda, besluit, regio)[1]}"
    click.echo(regel + ".")


@agenda.command()
@_ROOT
@click.option(
    "--peildatum",
    callback=_peildatum,
    help="Datum waartegen 'te laat' wordt bepaald (JJJJ-MM-DD); standaard die van de site (mkdocs.yml, "
    "AGENDA_PEILDATUM), anders vandaag.",
)
@click.option("--json", "als_json", is_flag=True, help="Als JSON, voor scripts en dashboards.")
def status(root, peildatum, als_json):
    """Overzicht voor coördinatoren: wat moet er nog gebeuren, wat is te laat."""
    resultaat = laad(root, vertrouwelijk=True)
    if resultaat.problemen:
        _meld(resultaat.problemen)
        sys.exit(1)
    stand = statusoverzicht(resultaat.agenda, peildatum or _site_peildatum(root))
    if als_json:
        click.echo(json.dumps(stand, ensure_ascii=False, indent=2))
    else:
        click.echo(statustekst(stand))


def _genummerd(ctx: click.Context, param: click.Parameter, waarden: tuple[str, ...]) -> dict[int, str]:
    """'2=geaccordeerd' → {2: 'geaccordeerd'}: the item's number as on the site, then its value."""
    uit: dict[int, str] = {}
    for waarde in waarden:
        nummer, is_, rest = waarde.partition("=")
        if not is_ or not nummer.strip().isdigit() or not rest.strip():
            raise click.BadParameter(
                f"'{zichtbaar(waarde)}' — verwacht PUNT=WAARDE, bijvoorbeeld 2=geaccordeerd (het nummer van het "
                "agendapunt zoals op de site)"
            )
        if int(nummer) in uit:
            raise click.BadParameter(f"agendapunt {int(nummer)} staat er twee keer in")
        uit[int(nummer)] = rest.strip()
    return uit


@agenda.group("vergadering", cls=NederlandseGroep)
def vergadering() -> None:
    """Vergaderingen: een agenda opstellen, de besluitenlijst vastleggen, stukken toevoegen, publiceren."""


@vergadering.command("nieuw")
@_ROOT
@click.option("--gremium", required=True, help="Het gremium dat vergadert (een id uit 'gremia' in programma.yml).")
@click.option("--datum", required=True, help="De dag van de vergadering, JJJJ-MM-DD.")
@click.option("--tijd", help="Begin en eind, UU:MM-UU:MM (bijvoorbeeld 10:00-12:00), of alleen het begin.")
@click.option("--plaats", help="Waar de vergadering is.")
def vergadering_nieuw(root, gremium, datum, tijd, plaats):
    """Plan een vergadering; de agenda wordt opgesteld uit wat bij het gremium ligt."""
    from regioagenda.werkstroom import vergaderopdrachten

    try:
        uit = vergaderopdrachten.nieuwe_vergadering(root, gremium=gremium, datum=datum, tijd=tijd, plaats=plaats)
    except Geweigerd as fout:
        _weigering(fout)
    punten = "1 agendapunt" if uit.punten == 1 else f"{uit.punten} agendapunten"
    click.echo(f"Vergadering aangemaakt: {uit.pad} ({punten} uit wat bij het gremium ligt).")
    if uit.weggelaten:
        click.echo(
            f"Er liggen ook {uit.weggelaten} vertrouwelijke besluiten bij het gremium; die staan niet in het "
            "openbare vergaderrecord."
        )


@vergadering.command("besluitenlijst")
@_ROOT
@click.argument("vergadering_id", metavar="VERGADERING")
@click.option(
    "--uitkomst",
    "uitkomsten",
    multiple=True,
    callback=_genummerd,
    help="PUNT=UITKOMST, bijvoorbeeld 2=geaccordeerd; bij een besluit de stap in zijn route. Mag vaker.",
)
@click.option(
    "--toelichting", "toelichtingen", multiple=True, callback=_genummerd, help='PUNT="tekst" bij een agendapunt.'
)
@click.option(
    "--peildatum", callback=_peildatum, help="Wat 'vandaag' is voor de controle op een toekomstige datum (JJJJ-MM-DD)."
)
def vergadering_besluitenlijst(root, vergadering_id, uitkomsten, toelichtingen, peildatum):
    """Leg de besluitenlijst van een vergadering vast; de vergadering is daarna gehouden."""
    from regioagenda.werkstroom import vergaderopdrachten

    try:
        uit = vergaderopdrachten.besluitenlijst(
            root, vergadering_id, uitkomsten=uitkomsten, toelichtingen=toelichtingen, peildatum=peildatum
        )
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Besluitenlijst vastgelegd in {uit.pad}.")
    for nummer, punt in enumerate(uit.agenda.vergaderingen[vergadering_id].punten, start=1):
        besluit = uit.agenda.besluiten.get(punt.besluit) if punt.besluit is not None else None
        if besluit is not None and punt.uitkomst is not None:
            status = statuswoord(uit.agenda.programma, uit.agenda.status(besluit))
            click.echo(f"Punt {nummer}: besluit {besluit.nummer} ({besluit.titel}) is nu: {status}.")


@vergadering.command("stuk")
@_ROOT
@click.argument("vergadering_id", metavar="VERGADERING")
@click.option(
    "--bestand",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Het stuk (PDF, OpenDocument, Word, Excel, PowerPoint, PNG, JPEG of tekst).",
)
@click.option("--titel", required=True, help="De titel van het stuk, zoals lezers die zien.")
@click.option(
    "--punt", type=click.IntRange(min=1), help="Het agendapunt (nummer zoals op de site); weg: de vergadering."
)
@click.option(
    "--datum", callback=lambda c, p, w: None if w is None else _stapdatum(c, p, w), help="Datum van het stuk."
)
@click.option("--vertrouwelijk", is_flag=True, help="Het stuk komt niet op de openbare site.")
def vergadering_stuk(root, vergadering_id, bestand, titel, punt, datum, vertrouwelijk):
    """Voeg een stuk toe aan een vergadering: het wordt gecontroleerd, gekopieerd en in het record gezet."""
    from regioagenda.werkstroom import vergaderopdrachten

    try:
        uit = vergaderopdrachten.voeg_stuk_toe(
            root, vergadering_id, bestand=bestand, titel=titel, punt=punt, datum=datum, vertrouwelijk=vertrouwelijk
        )
    except Geweigerd as fout:
        _weigering(fout)
    bij = f"agendapunt {punt}" if punt else "de vergadering"
    naam = vergaderopdrachten.stuknaam(bestand.name)
    click.echo(f"Stuk '{naam}' toegevoegd aan {bij} in {uit.pad}.")


@vergadering.command("publiceer")
@_ROOT
@click.argument("vergadering_id", metavar="VERGADERING")
def vergadering_publiceer(root, vergadering_id):
    """Publiceer de agenda en stukken van een vergadering (status agenda-gepubliceerd)."""
    from regioagenda.werkstroom import vergaderopdrachten

    try:
        uit = vergaderopdrachten.publiceer(root, vergadering_id)
    except Geweigerd as fout:
        _weigering(fout)
    click.echo(f"Agenda gepubliceerd: {uit.pad} heeft nu status agenda-gepubliceerd.")
