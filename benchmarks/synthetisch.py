"""Write a synthetic programme: N decisions with full routes, 30 charters with phases and milestones, nulplaten."""

from __future__ import annotations

import random
from pathlib import Path

REGIOS = ("noord", "midden", "zuid")
ALINEA = (
    "De projectgroep heeft de vraag en het aanbod in kaart gebracht en bespreekt de uitkomsten met de aanbieders. "
    "Daarbij is aandacht voor ervaringsdeskundigheid, de inzet van de expertteams en stabiliteit in contractering."
)


def schrijf(root: Path, besluiten: int, deelopdrachten: int = 30, nulplaten: int = 10, zaad: int = 7) -> Path:
    """Create the programme below ``root`` (which must not exist) and return root."""
    kans = random.Random(zaad)
    (root / "agenda" / "hoofdstukken").mkdir(parents=True)
    for map_ in ("agenda/deelopdrachten", "agenda/nulplaten", "decisions", "docs"):
        (root / map_).mkdir(parents=True, exist_ok=True)
    (root / "agenda" / "programma.yml").write_text(_programma(), encoding="utf-8")
    for i in range(1, 6):
        (root / "agenda" / "hoofdstukken" / f"hoofdstuk-{i}.md").write_text(
            f'---\ntitel: "Hoofdstuk {i}"\nnummer: "{i}"\n---\n\n' + "\n\n".join([ALINEA] * 6) + "\n", encoding="utf-8"
        )
    for d in range(1, deelopdrachten + 1):
        (root / "agenda" / "deelopdrachten" / f"deelopdracht-{d:02d}.md").write_text(
            _charter(d, kans), encoding="utf-8"
        )
    for n in range(1, nulplaten + 1):
        vervangt = f"vervangt: nulplaat-{n - 1:02d}\n" if n > 1 else ""
        knoppen = "".join(f'  - wat: "Knop {k}"\n    hoe: ["Stap a", "Stap b"]\n' for k in range(1, 9))
        (root / "agenda" / "nulplaten" / f"nulplaat-{n:02d}.md").write_text(
            f'---\ntitel: "Nulplaat {n}"\ndeelopdracht: deelopdracht-{n:02d}\npeildatum: {2020 + n}-01-15\n{vervangt}'
            f'ambitie: "Passende hulp dichtbij huis."\nknoppen:\n{knoppen}---\n',
            encoding="utf-8",
        )
    for nummer in range(1, besluiten + 1):
        pad = root / "decisions" / f"{nummer:04d}-besluit-{nummer}.md"
        pad.write_text(_besluit(nummer, deelopdrachten, kans), encoding="utf-8")
    (root / "docs" / "over.md").write_text("# Over\n\nSynthetisch programma voor de benchmark.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    return root


def _programma() -> str:
    regios = "".join(
        f'  - id: {r}\n    naam: "Regio {r.title()}"\n    besluitvormingsroute:\n'
        f'      - {{id: college, naam: "College", termijn_dagen: 30}}\n      - '
        f'{{id: raad, naam: "Raad", termijn_dagen: 60}}\n'
        for r in REGIOS
    )
    opbouw = "".join(f"  - hoofdstuk: hoofdstuk-{i}\n" for i in range(1, 6))
    return f"""titel: "Synthetisch programma"
kortenaam: "Synthetisch"
periode: {{van: 2020, tot: 2030}}
termen: {{document: uitvoeringsagenda, onderdeel: deelopdracht, onderdelen: deelopdrachten}}
regios:
{regios}gremia:
  - {{id: regiegroep, naam: "Regiegroep"}}
  - {{id: stuurgroep, naam: "Stuurgroep"}}
  - {{id: coordinatoren, naam: "Coördinatoren"}}
besluitvormingsroute:
  - {{id: signaal, naam: "Signaal", uitkomsten: [ingebracht]}}
  - {{id: bespreking, naam: "Bespreking", gremium: regiegroep, uitkomsten: [besproken]}}
  - {{id: advies, naam: "Advies", gremium: regiegroep, uitkomsten: [geadviseerd]}}
  - {{id: besluit, naam: "Besluit", gremium: stuurgroep, uitkomsten: [geaccordeerd, afgewezen]}}
  - {{id: terugkoppeling, naam: "Terugkoppeling", gremium: regiegroep, uitkomsten: [teruggekoppeld]}}
  - {{id: impact, naam: "Impact", gremium: coordinatoren, uitkomsten: [impact-beschreven]}}
fasen:
  - {{id: fase-1, titel: "Fase 1", van: 2020, tot: 2025}}
  - {{id: fase-2, titel: "Fase 2", van: 2025, tot: 2030}}
opbouw:
{opbouw}  - sectie: deelopdrachten
    nummer: "6"
    titel: "Deelopdrachten"
"""


def _charter(d: int, kans: random.Random) -> str:
    fasen = ""
    for f in (1, 2):
        jaar = 2020 + kans.randint(0, 6)
        mijlpalen = "".join(f'      - {{titel: "Mijlpaal {f}.{m}", datum: {jaar + m}-0{m + 2}-15}}\n' for m in (1, 2))
        fasen += (
            f'  - titel: "Fase {f}"\n    van: {jaar}\n    tot: {jaar + 2}\n'
            f'    omschrijving: "{ALINEA}"\n    mijlpalen:\n{mijlpalen}'
        )
    return (
        f'---\ntitel: "Deelopdracht {d}"\nvolgorde: {d}\nprioriteit: {"hoog" if d <= 10 else "normaal"}\n'
        f'status: in-uitvoering\nfasen:\n{fasen}kengetallen:\n  - id: plekken\n    naam: "Plekken"\n'
        f"    basis: {{waarde: 40, datum: 2020}}\n    doel: {{waarde: 10, datum: 2030}}\n"
        f"    metingen: [{{waarde: 35, datum: 2022}}, {{waarde: 30, datum: 2024}}]\n---\n\n## "
        f"Aanleiding\n\n{ALINEA}\n\n## Doel\n\n{ALINEA}\n"
    )


def _besluit(nummer: int, deelopdrachten: int, kans: random.Random) -> str:
    jaar, maand = 2020 + nummer % 9, 1 + nummer % 9
    verloop = (
        f"  - {{datum: {jaar}-0{maand}-01, uitkomst: ingebracht}}\n"
        f"  - {{datum: {jaar}-0{maand}-08, gremium: regiegroep, uitkomst: besproken}}\n"
        "  - "
        f'{{datum: {jaar}-0{maand}-15, gremium: regiegroep, uitkomst: geadviseerd, toelichting: "Positief advies."}}\n'
        f"  - {{datum: {jaar}-0{maand}-22, gremium: stuurgroep, uitkomst: geaccordeerd}}\n"
    )
    regionaal = "".join(
        f"  {r}:\n    - {{datum: {jaar}-0{maand}-25, stap: college, uitkomst: geagendeerd}}\n"
        f"    - {{datum: {jaar + 1}-0{maand}-10, stap: raad, uitkomst: vastgesteld}}\n"
        for r in REGIOS
        if kans.random() < 0.7
    )
    deel = f"deelopdracht-{1 + nummer % deelopdrachten:02d}"
    return (
        f'---\nnummer: {nummer}\ntitel: "Besluit {nummer} over {deel}"\nsoort: besluit\n'
        f'samenvatting: "Samenvatting van besluit {nummer}."\ndeelopdrachten: [{deel}]\nverloop:\n{verloop}'
        f"regionaal:\n{regionaal or '  {}'}\n---\n\n## Aanleiding\n\n{ALINEA}\n\n## Besluit\n\n{ALINEA}\n\n"
        f"## Gevolgen\n\n{ALINEA}\n\n## Overwogen alternatieven\n\nGeen.\n"
    ).replace("regionaal:\n  {}\n", "")


MKDOCS = """site_name: Synthetisch programma
docs_dir: docs
strict: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
  - uitvoeringsagenda:
      peildatum: "2026-01-01"
markdown_extensions: [tables, admonition, attr_list, md_in_html, {toc: {permalink: true}}]
nav:
  - Home: index.md
  - Uitvoeringsagenda: uitvoeringsagenda/index.md
  - Deelopdrachten: deelopdrachten/index.md
  - Besluiten: besluiten/index.md
  - Planning: planning/index.md
  - Over: over.md
"""
