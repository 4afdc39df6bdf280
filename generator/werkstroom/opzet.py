"""'agenda start': a new programme with its own regions, bodies and routes that builds at once."""

from __future__ import annotations

from pathlib import Path

from generator.model.vocab import RecordSoort
from generator.werkstroom.bewerken import schrijf_atomair, yaml_waarde
from generator.patronen import SLUG
from generator.records.laden import laad
from generator.records.paden import MAPPEN, PROGRAMMA, recordpad
from generator.werkstroom.opdrachten import Geweigerd


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
    gremia,
    kortenaam: str | None = None,
    van: int | None = None,
    tot: int | None = None,
) -> Path:
    """Write programma.yml, a first chapter, mkdocs.yml and a contribution page; refuse a non-empty folder."""
    map_ = Path(map_)
    if map_.exists() and any(map_.iterdir()):
        raise Geweigerd([f"{map_} is niet leeg — kies een nieuwe of lege map"])
    regio_paren = [_paar(r, "regio") for r in regios]
    gremium_paren = [_paar(g, "gremium") for g in gremia]
    van = van or 2025
    tot = tot or van + 3
    regels = [f"titel: {yaml_waarde(titel)}"]
    if kortenaam:
        regels.append(f"kortenaam: {yaml_waarde(kortenaam)}")
    regels += [f"periode: {{van: {van}, tot: {tot}}}", "regios:"]
    for id_, naam in regio_paren:
        regels += [
            f"  - id: {id_}",
            f"    naam: {yaml_waarde(naam)}",
            "    besluitvormingsroute:",
            "      - id: besluitvorming",
            '        naam: "Besluitvorming in de eigen route"',
            '        toelichting: "Stappen en termijn nader in te vullen."',
        ]
    regels.append("gremia:")
    regels += [f"  - {{id: {id_}, naam: {yaml_waarde(naam)}}}" for id_, naam in gremium_paren]
    adviseur, besluiter = gremium_paren[0][0], gremium_paren[-1][0]
    regels += ["besluitvormingsroute:", '  - {id: voorstel, naam: "Voorstel ingebracht", uitkomsten: [ingebracht]}']
    if len(gremium_paren) > 1:
        regels.append(f'  - {{id: advies, naam: "Advies", gremium: {adviseur}, uitkomsten: [besproken, geadviseerd]}}')
    regels += [
        f'  - {{id: besluit, naam: "Besluit", gremium: {besluiter}, uitkomsten: [geaccordeerd, afgewezen]}}',
        "opbouw:",
        "  - hoofdstuk: inleiding",
        "  - sectie: deelopdrachten",
        '    nummer: "2"',
        '    titel: "Deelopdrachten"',
        "",
    ]
    bestanden = {
        PROGRAMMA: "\n".join(regels),
        recordpad(
            RecordSoort.HOOFDSTUK, "inleiding"
        ): '---\ntitel: "Inleiding"\nnummer: "1"\n---\n\nNader in te vullen.\n',
        "mkdocs.yml": _mkdocs(titel),
        "docs/bijdragen.md": "# Bijdragen\n\nStel een wijziging voor met een pull request. Controleer records met "
        "`agenda controleer`.\n",
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


def _mkdocs(titel: str) -> str:
    return f"""site_name: {yaml_waarde(titel)}
docs_dir: docs
strict: true
theme:
  name: material
  language: nl
  font: false
  features: [content.action.edit, navigation.top, search.highlight]
plugins:
  - search:
      lang: nl
  - uitvoeringsagenda
markdown_extensions:
  - tables
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.superfences
  - toc:
      permalink: true
      toc_depth: 4
nav:
  - Home: index.md
  - Uitvoeringsagenda: uitvoeringsagenda/index.md
  - Deelopdrachten: deelopdrachten/index.md
  - Besluiten: besluiten/index.md
  - Nulplaten: nulplaten/index.md
  - Planning: planning/index.md
  - Regio's: regios/index.md
  - Vergaderagenda's: vergaderingen/index.md
  - Open data: open-data/index.md
  - Bijdragen: bijdragen.md
"""
