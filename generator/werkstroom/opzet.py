"""'agenda start': a new programme with its own regions, bodies and routes that builds at once."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
import subprocess
from pathlib import Path

from regioagenda.model.programma import Termen
from regioagenda.model.vocab import Faseveld, Kenmerk, RecordSoort
from regioagenda.samenstellen.adressen import Adressen
from regioagenda.werkstroom.bewerken import schrijf_atomair, yaml_waarde
from regioagenda.patronen import SLUG
from regioagenda.records.laden import laad
from regioagenda.records.paden import MAPPEN, PROGRAMMA, recordpad
from regioagenda.records.schema import schema
from regioagenda.werkstroom.opdrachten import Geweigerd
from regioagenda.werkstroom.repository import (
    VEREISTEN,
    WORKFLOWS,
    Generatorbron,
    codeowners,
    pre_commit,
    vereisten,
    workflow,
)


_EIGENAAR = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$")
"""A code owner as GitHub names one: @user or @organisation/team."""


def _paar(tekst: str, soort: str) -> tuple[str, str]:
    if "=" not in tekst:
        raise Geweigerd([f"{soort} '{tekst}' heeft geen id — schrijf id=Naam, bijvoorbeeld noord=Regio Noord"])
    id_, naam = (deel.strip() for deel in tekst.split("=", 1))
    if not SLUG.match(id_) or not naam:
        raise Geweigerd(
            [
                f"{soort} '{tekst}': de id moet bestaan uit kleine letters, cijfers en streepjes, en er moet een naam "
                "volgen"
            ]
        )
    return id_, naam


def nieuw_programma(
    map_: Path,
    *,
    titel: str,
    regios,
    gremia=(),
    kortenaam: str | None = None,
    van: int | None = None,
    tot: int | None = None,
    termen: dict[str, str] | None = None,
    samenstelling=(),
    rol=(),
    adres: str | None = None,
    repository: str | None = None,
    generator: str | None = None,
    eigenaren: tuple[str, ...] = (),
) -> Path:
    """Write programma.yml, a first chapter, mkdocs.yml, a contribution page, a README and a .gitignore; refuse a
    non-empty folder. ``adres``: the site's published address; ``repository``: its repository (edit buttons).
    ``generator``: the pinned, hashed requirement line of the generator release (``repository.generatorregel``);
    ``eigenaren``: who approves changes (CODEOWNERS). Also writes the check and publish workflows and pre-commit.

    Only what is given is written: no bodies, no route, no period the coordinator did not name.
    """
    map_ = Path(map_)
    if map_.exists() and any(map_.iterdir()):
        raise Geweigerd([f"{map_} is niet leeg — kies een nieuwe of lege map"])
    slecht = [e for e in eigenaren if not _EIGENAAR.match(e)]
    if slecht:
        raise Geweigerd(
            [f"--eigenaar '{e}' is geen GitHub-naam — schrijf @gebruikersnaam of @organisatie/team" for e in slecht]
        )
    regio_paren = [_paar(r, "regio") for r in regios]
    gremium_paren = [_paar(g, "gremium") for g in gremia]
    bekend = {id_ for id_, _ in gremium_paren}
    extra = {"samenstelling": dict(_paar(x, "samenstelling") for x in samenstelling)}
    extra["rol"] = dict(_paar(x, "rol") for x in rol)
    onbekend = sorted({id_ for waarden in extra.values() for id_ in waarden} - bekend)
    if onbekend:
        raise Geweigerd(
            [f"--samenstelling/--rol voor onbekend gremium '{id_}' — noem het eerst met --gremium" for id_ in onbekend]
        )
    termen = {k: v for k, v in (termen or {}).items() if v}
    woorden = Termen(**termen)
    regels = [f"titel: {yaml_waarde(titel)}"]
    if kortenaam:
        regels.append(f"kortenaam: {yaml_waarde(kortenaam)}")
    # Every word written out, the defaults too: a programme without 'termen:' is one from before the programme
    # named its own words, and 'agenda bijwerken' would give it those earlier ones.
    regels += ["# Hoe het programma zijn document, onderdelen en regio's noemt (in titels, navigatie en adressen)."]
    regels += ["termen:"] + [f"  {veld.name}: {yaml_waarde(getattr(woorden, veld.name))}" for veld in fields(woorden)]
    periode = {k: v for k, v in (("van", van), ("tot", tot)) if v is not None}
    if periode:
        regels.append("periode: {" + ", ".join(f"{k}: {v}" for k, v in periode.items()) + "}")
    regels.append("regios:")
    for id_, naam in regio_paren:
        regels += [f"  - id: {id_}", f"    naam: {yaml_waarde(naam)}"]
    regels.append(
        "# Per regio haar eigen besluitvormingsroute: agenda nieuw routestap --regio <id> --naam … [--termijn <dagen>]."
    )
    regels.append("gremia:" + ("" if gremium_paren else " []"))
    for id_, naam in gremium_paren:
        regels += [f"  - id: {id_}", f"    naam: {yaml_waarde(naam)}"]
        regels += [f"    {veld}: {yaml_waarde(waarden[id_])}" for veld, waarden in extra.items() if id_ in waarden]
    regels += [
        "# De programmabrede route, in volgorde; leeg tot ze beschreven is. Een stap toevoegen:",
        "# agenda nieuw routestap --naam Advies --gremium <id> --uitkomst besproken --uitkomst geadviseerd",
        "besluitvormingsroute: []",
        "# Eigen uitkomsten naast de ingebouwde (ingebracht, besproken, geadviseerd, geaccordeerd, afgewezen, …;",
        "# in een regio: geagendeerd, vastgesteld, niet-vastgesteld), elk met wat ze betekent: doorgeleid,",
        "# positief, negatief, aangehouden, kennisname, ingebracht, ingetrokken of opvolging. Bijvoorbeeld:",
        "# uitkomsten:",
        "#   - {id: kennisgenomen, betekenis: kennisname}",
        "#   - {id: ingestemd, betekenis: positief}",
        *_sjabloon(woorden),
        "opbouw:",
        "  - hoofdstuk: inleiding",
        "  - sectie: onderdelen",
        '    nummer: "2"',
        f"    titel: {yaml_waarde(woorden.Onderdelen)}",
        "",
    ]
    bestanden = {
        PROGRAMMA: "\n".join(regels),
        recordpad(
            RecordSoort.HOOFDSTUK, "inleiding"
        ): '---\ntitel: "Inleiding"\nnummer: "1"\n---\n\nNader in te vullen.\n',
        "mkdocs.yml": _mkdocs(titel, woorden, adres, repository),
        "docs/bijdragen.md": _bijdragen(titel, woorden),
        "README.md": _leesmij(titel, woorden),
        ".gitignore": GITIGNORE,
        VEREISTEN: vereisten(generator),
        ".pre-commit-config.yaml": pre_commit(),
        ".github/CODEOWNERS": codeowners(tuple(eigenaren)),
        **{pad: workflow(pad, Generatorbron.UITGAVE) for pad in WORKFLOWS},
    }
    for leeg in MAPPEN.values():
        bestanden[f"{leeg}/.gitkeep"] = ""
    resultaat = laad(
        map_, {k: v for k, v in bestanden.items() if k.endswith((".yml", ".md")) and not k.startswith("docs/")}
    )
    if resultaat.problemen:
        raise Geweigerd(resultaat.problemen)
    for relatief, tekst in bestanden.items():
        schrijf_atomair(map_ / relatief, tekst)
    return map_


def _sjabloon(w: Termen) -> list[str]:
    """The charter template written out in full: every field of a charter and of a phase, in the order of their
    vocabularies, which reads exactly as no template at all, so that a new programme sees what it can leave out.

    Its names for blocks are shown commented out: the blocks that can be renamed are the schema's, and an empty
    'namen:' would not be valid. The template stands before 'opbouw:', never last: a command that adds a key at
    the end of the file would otherwise split its closing comment from it.
    """
    blokken = ", ".join(schema(RecordSoort.PROGRAMMA)["properties"]["sjabloon"]["properties"]["namen"]["properties"])
    return [
        f"# Het sjabloon: de velden van een {w.onderdeel} en van de fasen daarin. Haal de velden weg die het",
        "# programma niet gebruikt: alleen de velden die blijven staan, heten 'nader in te vullen' als ze leeg zijn,",
        "# en 'agenda nieuw onderdeel' zet alleen die klaar. Zonder 'sjabloon:' gelden alle velden.",
        "sjabloon:",
        "  onderdeel:",
        *(f"    - {veld.value}" for veld in Kenmerk),
        "  fase:",
        *(f"    - {veld.value}" for veld in Faseveld),
        f"  # Een eigen naam voor een blok ({blokken}) komt onder 'namen:'.",
        "  # Haal daarvoor in de twee regels hieronder de '# ' weg en kies uw eigen naam:",
        "  # namen:",
        f"  #   subopdrachten: {yaml_waarde('Deelprojecten')}",
    ]


def eerste_commit(map_: Path, titel: str) -> str:
    """Make ``map_`` a git repository with one commit of what 'agenda start' wrote; returns what happened, in Dutch.

    Nothing is done inside an existing repository (the programme is then a folder of it), nor without git.
    """
    git = shutil.which("git")
    if git is None:
        return "git is niet gevonden, dus de map is nog geen repository — installeer git en voer daar 'git init' uit"
    binnen = subprocess.run(
        [git, "-C", str(Path(map_).resolve().parent), "rev-parse", "--is-inside-work-tree"],
        capture_output=True,
        text=True,
    )
    if binnen.returncode == 0 and binnen.stdout.strip() == "true":
        return "de map ligt al in een git-repository; er is geen nieuwe repository gemaakt"
    naam = subprocess.run([git, "config", "user.name"], capture_output=True, text=True, cwd=map_).stdout.strip()
    # Without a configured identity the first commit says who made it: this command, on behalf of the user.
    wie = [] if naam else ["-c", "user.name=agenda start", "-c", "user.email=agenda-start@localhost"]
    for opdracht in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        [*wie, "-c", "commit.gpgsign=false", "commit", "-q", "--no-verify", "-m", f"Nieuw programma: {titel}"],
    ):
        uit = subprocess.run([git, *opdracht], capture_output=True, text=True, cwd=map_)
        if uit.returncode:
            melding = (uit.stderr or uit.stdout).strip().splitlines()[-1:] or ["onbekende fout"]
            return f"de git-repository kon niet worden gemaakt ({melding[0]}) — de bestanden staan er wel"
    return "git-repository gemaakt, met een eerste commit op de tak 'main'"


def _bijdragen(titel: str, w: Termen) -> str:
    """The contribution page of a new programme, in its own words: where what is, how to propose, what a record
    cannot hold. It names only commands and checks every programme has."""
    inhoud = f"Het programma: {w.regios}, gremia, de route van voorstel tot besluit, bronnen en de opbouw van "
    inhoud += w.het_document
    return f"""# Bijdragen aan {w.het_document}

Deze site ({titel}) wordt gemaakt uit gewone tekstbestanden in de repository. Wie iets wil voorstellen, past een
bestand aan of voegt er een toe, en opent een *pull request*. Na controle en akkoord wordt de site opnieuw gebouwd.

## Waar staat wat?

| Map of bestand | Inhoud |
|---|---|
| `agenda/programma.yml` | {inhoud}. |
| `agenda/hoofdstukken/` | De tekst van de hoofdstukken van {w.het_document}. |
| `{MAPPEN[RecordSoort.DEELOPDRACHT]}/` | Eén bestand per {w.onderdeel}: fasen, mijlpalen, kengetallen. |
| `{MAPPEN[RecordSoort.NULPLAAT]}/` | Nulplaten: de ambitie en de knoppen om aan te draaien, op een peildatum. |
| `{MAPPEN[RecordSoort.BESLUIT]}/` | Eén bestand per besluit: `0001-korte-omschrijving.md`. |

## Een voorstel doen vanuit de browser

Op de pagina [Een voorstel doen]({Adressen(w).VOORSTEL}) maakt een kort formulier het bestand van een nieuw voorstel
voor u, of de regel voor een stap die een gremium zette, en opent het de repository om het als pull request in te
dienen. U hebt daarvoor alleen een account bij het platform van de repository nodig. Op elke pagina van een
record brengt de knop **Bewerken** u naar het bestand waar die pagina uit komt.

## Een besluit voorstellen

Met de opdrachtregel maakt `agenda nieuw besluit` het bestand met het volgende vrije nummer:

```sh
agenda nieuw besluit --titel "Korte titel" --soort signaal --samenvatting "In gewone taal: wat en waarom."
```

Zonder opdrachtregel maakt u in `{MAPPEN[RecordSoort.BESLUIT]}/` een bestand met het volgende vrije nummer (of
kopieert u een bestaand besluit) en vult u bovenaan (tussen de twee regels `---`) de velden in: `nummer`, `titel`,
`soort` (besluit, signaal, agendawijziging of vaststelling), `samenvatting` en onder `verloop` de eerste stap.
Daaronder komt de tekst, met de kopjes die het programma gebruikt. Typ **geen** status: die volgt vanzelf uit de
stappen onder `verloop`.

Een stap in de route leggen coördinatoren vast met `agenda stap`, bijvoorbeeld
`agenda stap 1 --gremium <gremium> --uitkomst geaccordeerd --datum JJJJ-MM-DD`.

## Controleren en bekijken

- `agenda controleer` meldt elke fout met bestand en regel, en wat er verwacht wordt.
- `agenda bekijk` toont de site in de browser terwijl u records aanpast.
- Wat de bron nog openlaat, laat u weg: de site toont het als *nader in te vullen*.

## Wat een record niet kan bevatten

Alles in een record wordt openbaar en staat vaak op meer dan één pagina. Daarom weigert de controle:

- HTML, verborgen commentaar (`<!-- … -->`) en attributen tussen accolades (`{{: … }}`);
- afbeeldingen en links naar andere pagina's van de site; link naar een volledig `https://`-adres en noem een
  besluit of {w.onderdeel} bij naam;
- onzichtbare tekens en tekens die de leesrichting omdraaien;
- stappen met een datum na vandaag, tenzij ze als gepland zijn vastgelegd (`gepland: true`).

## Schema's voor uw editor

Voor elk soort record is er een JSON Schema, zodat editors als VS Code kunnen aanvullen en waarschuwen: zie het
[overzicht van de schema's](schemas/index.md).
"""


GITIGNORE = """# Gemaakt bij het bouwen of installeren; hoort niet in de repository.
.venv/
site/
.*-bouw-*/
__pycache__/
*.egg-info/
build/
dist/
"""


def _leesmij(titel: str, w: Termen) -> str:
    """The programme's own README: what this repository is, and how to set up, propose, check, preview, publish
    and update the generator — naming only what the repository 'agenda start' wrote really has."""
    return f"""# {titel}

Deze repository bevat {w.het_document} als tekstbestanden: het programma (`agenda/programma.yml`),
de hoofdstukken, de {w.onderdelen} en de besluiten (`decisions/`). Uit deze bestanden wordt een website gemaakt
met de generator *regioagenda*.

Welke velden een {w.onderdeel} en de fasen daarin hebben, staat in `agenda/programma.yml` onder `sjabloon:`.
Haal daar weg wat het programma niet gebruikt: alleen de velden die blijven staan, noemt de site *nader in te
vullen* als ze leeg zijn, en `agenda nieuw onderdeel` zet alleen die klaar.

## Een voorstel doen

Iedereen met een account op het platform van deze repository kan een wijziging voorstellen, zonder iets te
installeren: op de site staat de pagina **Een voorstel doen** met een kort formulier, en op elke pagina van een
record brengt de knop **Bewerken** u naar het bestand. U slaat uw wijziging op als *pull request*. De workflow
**Controle** controleert dan elk record en bouwt de site; een fout staat bij de regel waar ze zit, met wat er
verwacht wordt. Na akkoord van een coördinator komt de wijziging op `main` en wordt de site opnieuw gepubliceerd.
Meer uitleg staat op de pagina Bijdragen (`docs/bijdragen.md`).

## Eenmalig: de generator installeren op uw computer

Nodig: Python 3.11 of nieuwer en git. In de map van deze repository:

```sh
python3 -m venv .venv
.venv/bin/python -m pip install --require-hashes --no-deps -r requirements.txt
```

`requirements.txt` legt de generator en alles wat hij gebruikt vast, met versie en hash: op elke computer en in
elke workflow wordt precies hetzelfde geïnstalleerd. Daarna staat het commando `agenda` in `.venv/bin/`
(op Windows `.venv\\Scripts\\`). Wilt u de records ook vóór elke commit laten controleren:
`pipx run pre-commit install` (het gebruikt `.pre-commit-config.yaml`).

## Werken met de records

| Commando | Wat het doet |
|---|---|
| `agenda controleer` | alle records controleren; elke fout met bestand en regel |
| `agenda bekijk` | de site bekijken in de browser terwijl u records aanpast (het adres staat in de uitvoer) |
| `agenda nieuw besluit --titel … --soort signaal --samenvatting …` | een nieuw besluit met het volgende vrije nummer |
| `agenda nieuw onderdeel --titel …` | een {w.onderdeel} toevoegen |
| `agenda nieuw gremium --naam …` / `agenda nieuw regio --naam … --gemeente …` | het programma aanvullen |
| `agenda nieuw bron …` / `agenda nieuw hoofdstuk --titel …` | een brondocument of een hoofdstuk toevoegen |
| `agenda nieuw routestap --naam … --gremium … --uitkomst …` | een stap in de route van voorstel tot besluit |
| `agenda nieuw routestap --regio … --naam …` | een stap in de eigen route van een regio |
| `agenda stap 1 --gremium … --uitkomst … --datum JJJJ-MM-DD` | vastleggen wat een gremium besloot |
| `agenda bouw` | de site bouwen zoals ze gepubliceerd wordt (met het adres van de site) |
| `agenda bijwerken` | de records bijwerken na een nieuwe versie van de generator |

Elk commando legt met `--help` uit wat het doet en wat het verwacht.

## Publiceren

De workflow **Publiceren** (`.github/workflows/publiceren.yml`) bouwt na elke wijziging op `main` de openbare
site en zet die op GitHub Pages. Eenmalig: zet in de instellingen van de repository bij *Pages* de bron op
*GitHub Actions*. Het adres van de site is het adres dat Pages de repository geeft; bij een eigen domein zet u
dat adres in de repositoryvariabele `AGENDA_SITE_URL` (bij *Secrets and variables → Actions → Variables*).
Zet ook bij *Branches* een
regel op `main`: wijzigingen alleen via een pull request, met een geslaagde Controle en een review van wie in
`.github/CODEOWNERS` staat.

## De generator bijwerken

Een nieuwe versie van de generator is een *uitgave* met een eigen `requirements.txt`. Zo werkt u bij:

1. Vervang `requirements.txt` door die van de nieuwe uitgave en installeer opnieuw (de opdracht hierboven).
2. `agenda bijwerken` past records die voor een eerdere versie geschreven zijn aan, zonder iets anders te
   veranderen; `agenda controleer` laat zien of alles in orde is.
3. Stel de wijziging voor als pull request: de Controle bouwt de site met de nieuwe versie voordat ze
   gepubliceerd wordt.
"""


def _mkdocs(titel: str, woorden: Termen, site_adres: str | None = None, repository: str | None = None) -> str:
    adres = Adressen(woorden)
    plekken = "".join(
        [
            "# Het adres van de site; de workflow Publiceren geeft het adres van GitHub Pages mee (of de variabele\n"
            "# AGENDA_SITE_URL van de repository, bij een eigen domein) en dat gaat voor.\n"
            f"site_url: {yaml_waarde(site_adres)}\n"
            if site_adres
            else "",
            f"repo_url: {yaml_waarde(repository)}\nedit_uri: edit/main/docs/\n" if repository else "",
        ]
    )
    return f"""site_name: {yaml_waarde(titel)}
{plekken}docs_dir: docs
strict: true
theme:
  name: material
  language: nl
  font: false
  features: [content.action.edit, navigation.top, search.highlight]
plugins:
  - search:
      lang: nl
  - agenda
markdown_extensions:
  - tables
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.superfences
  - sane_lists
  - toc:
      permalink: true
      toc_depth: 4
nav:
  - Home: index.md
  - {yaml_waarde(woorden.Document)}: {adres.AGENDA}
  - {yaml_waarde(woorden.Onderdelen)}: {adres.DEELOPDRACHTEN}
  - Besluiten: besluiten/index.md
  - Nulplaten: nulplaten/index.md
  - Planning: planning/index.md
  - {yaml_waarde(woorden.Regios)}: {adres.REGIOS}
  - Vergaderagenda's: vergaderingen/index.md
  - Open data: open-data/index.md
  - Bijdragen: bijdragen.md
  - Een voorstel doen: {adres.VOORSTEL}
  - Toegankelijkheid: toegankelijkheid.md
"""
