"""'agenda wijzigingen BASIS': a Dutch summary of a pull request, for a comment or the job summary."""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

from regioagenda.samenstellen.woorden import regiostand, statuswoord
from regioagenda.model.vocab import RecordSoort
from regioagenda.records.laden import laad
from regioagenda.model.agenda import Agenda
from regioagenda.model.overig import kopnummer
from regioagenda.patronen import letterlijk
from regioagenda.records.opslag import opslag_van
from regioagenda.records.paden import PROGRAMMA, RECORDMAPPEN, RISICOS, MAPPEN, SITEMAPPEN
from regioagenda.werkstroom.opdrachten import Geweigerd

_SOORT = {"A": "Toegevoegd", "M": "Gewijzigd", "D": "Verwijderd", "R": "Hernoemd", "C": "Gekopieerd", "T": "Gewijzigd"}


def _git(root: Path, *args: str, tekst: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=tekst)


def _gewijzigd(root: Path, basis: str) -> list[tuple[str, str]]:
    """(kind, path) of record files changed against ``basis``, including untracked new ones."""
    diff = _git(root, "diff", "--name-status", "--relative", basis, "--", *RECORDMAPPEN)
    if diff.returncode:
        raise Geweigerd([f"git kan niet vergelijken met '{basis}' — {diff.stderr.strip()}"])
    uit = []
    for regel in diff.stdout.splitlines():
        delen = regel.split("\t")
        uit.append((_SOORT.get(delen[0][0], "Gewijzigd"), delen[-1]))
    nieuw = _git(root, "ls-files", "--others", "--exclude-standard", "--", *RECORDMAPPEN)
    uit += [("Toegevoegd", pad) for pad in nieuw.stdout.splitlines()]
    return sorted(set(uit), key=lambda p: p[1])


def _technisch(root: Path, basis: str) -> list[tuple[str, str]]:
    """(kind, path) of every changed file that is not content: code, workflows, settings, theme, dependencies.

    Everything outside the record folders and the hand-written pages can run code in the check workflow or change
    what the build publishes, so a maintainer has to look at it. Paths are from the top of the repository, since
    a change to the generator matters as much to a programme kept in a subfolder.
    """
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    inhoud = tuple(f"{prefix}{map_}/" for map_ in (*RECORDMAPPEN, *SITEMAPPEN))
    top = _git(root, "rev-parse", "--show-toplevel").stdout.strip() or str(root)
    diff = _git(Path(top), "diff", "--name-status", "--no-renames", basis)
    nieuw = _git(Path(top), "ls-files", "--others", "--exclude-standard")
    paden = [(_SOORT.get(r.split("\t")[0][:1], "Gewijzigd"), r.split("\t")[-1]) for r in diff.stdout.splitlines()]
    paden += [("Toegevoegd", pad) for pad in nieuw.stdout.splitlines()]
    return sorted({(soort, pad) for soort, pad in paden if pad and not pad.startswith(inhoud)}, key=lambda p: p[1])


def _opslaginstellingen(root: Path) -> dict[str, str]:
    """What programma.yml says about where confidential decisions are kept, as written."""
    opslag = opslag_van(root)
    return {
        "repository": "openbaar" if opslag.openbaar else "besloten",
        "vertrouwelijke_bron": opslag.instelling or "(geen)",
    }


def _vertrouwelijkheid(oud: Path, nieuw: Path) -> list[str]:
    """Lines for each change to where confidential decisions are kept: a pull request may not decide that alone."""
    voor, na = _opslaginstellingen(oud), _opslaginstellingen(nieuw)
    regels = [
        f"- {_code(sleutel)} was {_code(voor[sleutel])}, wordt {_code(na[sleutel])}"
        for sleutel in sorted(voor)
        if voor[sleutel] != na[sleutel]
    ]
    if not regels:
        return []
    return [
        "**Vertrouwelijkheid gewijzigd: laat een beheerder meekijken**",
        "",
        "Deze instellingen bepalen waar vertrouwelijke besluiten worden bewaard. Met `repository: besloten` "
        "komen ze in `decisions/` van deze repository: dat klopt alleen als de repository echt niet openbaar is.",
        "",
        *regels,
        "",
    ]


def _oude_stand(root: Path, basis: str, doel: Path) -> None:
    """Extract the record folders as they are in ``basis`` into ``doel``."""
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.strip()
    boom = f"{basis}:{prefix}" if prefix else basis
    archief = _git(root, "archive", "--format=tar", boom, *RECORDMAPPEN, tekst=False)
    if archief.returncode == 0:
        with tarfile.open(fileobj=io.BytesIO(archief.stdout)) as tar:
            tar.extractall(doel, filter="data")


def pr_samenvatting(root: Path, basis: str) -> str:
    """Records added, changed or removed; what they touch in the agenda; the status transitions they cause."""
    root = Path(root)
    if _git(root, "rev-parse", "--verify", "--quiet", f"{basis}^{{commit}}").returncode:
        raise Geweigerd([f"'{basis}' is geen bekende git-referentie (een tak, tag of commit)"])
    wijzigingen = _gewijzigd(root, basis)
    technisch = _technisch(root, basis)
    with tempfile.TemporaryDirectory() as tmp:
        _oude_stand(root, basis, Path(tmp))
        oud = laad(Path(tmp)).agenda
        vertrouwelijkheid = _vertrouwelijkheid(Path(tmp), root)
    nieuw_resultaat = laad(root)
    nieuw = nieuw_resultaat.agenda
    regels = [f"## Wijzigingen ten opzichte van {_code(basis)}", ""]
    if technisch:
        regels += [
            "**Technische wijzigingen: laat een beheerder meekijken**",
            "",
            "Deze bestanden zijn geen records: ze bepalen hoe de site wordt gebouwd en wat de controle uitvoert. "
            "Publiceer pas nadat een beheerder ze heeft beoordeeld.",
            "",
            *(f"- {soort}: {_code(pad)}" for soort, pad in technisch),
            "",
        ]
    regels += vertrouwelijkheid
    if not wijzigingen:
        return "\n".join(regels + ["Deze wijziging raakt geen records.", ""])
    regels += ["**Records**", ""]
    regels += [f"- {soort}: {_code(pad)}{_omschrijving(nieuw or oud, oud, pad)}" for soort, pad in wijzigingen]
    onderdelen, deelopdrachten = _raakt(nieuw or oud, [pad for _, pad in wijzigingen])
    termen = (nieuw or oud).programma.termen if (nieuw or oud) else None
    regels += ["", f"**Raakt {termen.het_document if termen else 'de agenda'}**", ""]
    regels += [f"- {o}" for o in onderdelen] or ["- geen hoofdstuk of gegenereerd onderdeel"]
    if deelopdrachten:
        regels += ["", f"**{termen.Onderdelen if termen else 'Onderdelen'}:** " + ", ".join(deelopdrachten)]
    regels += ["", "**Statusovergangen**", ""]
    regels += [f"- {o}" for o in _overgangen(oud, nieuw)] or ["- geen"]
    regels += ["", "**Controle**", ""]
    if nieuw_resultaat.problemen:
        regels += [
            f"{len(nieuw_resultaat.problemen)} probleem/problemen; zie de annotaties of draai `agenda controleer`:",
            "",
        ]
        regels += [f"- {letterlijk(p)}" for p in nieuw_resultaat.problemen[:20]]
    else:
        regels.append("Alle records zijn in orde.")
    return "\n".join(regels) + "\n"


def _omschrijving(agenda: Agenda | None, oud: Agenda | None, pad: str) -> str:
    """' — besluit 3: …' for the record at ``pad``, looked up in the new state, then the old."""
    for bron in (agenda, oud):
        if bron is None:
            continue
        labels = {
            b.bestand: f"vertrouwelijk besluit {b.nummer}"
            if b.vertrouwelijk
            else f"besluit {b.nummer}: {letterlijk(b.titel)}"
            for b in bron.besluiten.values()
        }
        labels |= {
            d.bestand: f"{bron.programma.termen.onderdeel} {letterlijk(d.titel)}" for d in bron.deelopdrachten.values()
        }
        labels |= {h.bestand: f"hoofdstuk {letterlijk(h.kop)}" for h in bron.hoofdstukken.values()}
        labels |= {n.bestand: f"nulplaat {letterlijk(n.titel)}" for n in bron.nulplaten.values()}
        if pad in labels:
            return f" — {labels[pad]}"
    return ""


def _sectiekop(agenda: Agenda, sectie: str) -> str:
    """The heading under which a generated section appears in the composed agenda."""
    vorige = None
    for o in agenda.programma.opbouw:
        if o.hoofdstuk:
            vorige = agenda.hoofdstukken.get(o.hoofdstuk)
        elif o.sectie and o.sectie.value == sectie:
            if o.titel:
                return f"{kopnummer(o.nummer) + ' ' if o.nummer else ''}{letterlijk(o.titel)}"
            return letterlijk(vorige.kop) if vorige else sectie
    return "niet in de opbouw"


def _raakt(agenda: Agenda | None, paden: list[str]) -> tuple[list[str], list[str]]:
    if agenda is None:
        return [], []
    onderdelen, deelopdrachten = [], []
    for pad in paden:
        for h in agenda.hoofdstukken.values():
            if h.bestand == pad:
                onderdelen.append(letterlijk(h.kop))
        for d in agenda.deelopdrachten.values():
            if d.bestand == pad:
                onderdelen.append(f"{_sectiekop(agenda, 'onderdelen')} › {letterlijk(d.titel)}")
                deelopdrachten.append(letterlijk(d.titel))
        for b in agenda.besluiten.values():
            if b.bestand == pad:
                deelopdrachten += [
                    letterlijk(agenda.deelopdrachten[d].titel) for d in b.deelopdrachten if d in agenda.deelopdrachten
                ]
        if pad == RISICOS:
            onderdelen.append(_sectiekop(agenda, "risicos"))
        if pad == PROGRAMMA:
            onderdelen.append(
                f"programma: {agenda.programma.termen.regios}, gremia, routes, fasen en opbouw ("
                + _sectiekop(agenda, "governance")
                + ")"
            )
        if pad.startswith(MAPPEN[RecordSoort.VERSIE] + "/"):
            onderdelen.append(f"vastgestelde versies van {agenda.programma.termen.het_document}")
    return list(dict.fromkeys(onderdelen)), sorted(set(deelopdrachten))


def _code(tekst: str) -> str:
    """A path or reference as inline code, or escaped text when it could break out of the code span."""
    return f"`{tekst}`" if re.fullmatch(r"[^`\r\n<>]+", tekst) else letterlijk(tekst)


def _besluitnaam(b) -> str:
    """'Besluit 3 (titel)', escaped; a confidential decision by its number only (the summary is public)."""
    if b.vertrouwelijk:
        return f"Vertrouwelijk besluit {b.nummer}"
    return f"Besluit {b.nummer} ({letterlijk(b.titel)})"


def _overgangen(oud: Agenda | None, nieuw: Agenda | None) -> list[str]:
    if nieuw is None:
        return ["(de records bevatten fouten; overgangen volgen na herstel)"]
    uit = []
    for b in nieuw.besluiten_op_nummer():
        voor = oud.besluiten.get(b.nummer) if oud else None
        status = statuswoord(nieuw.programma, nieuw.status(b))
        if voor is None:
            uit.append(f"{_besluitnaam(b)}: nieuw — {status}")
            continue
        if oud.status(voor) != nieuw.status(b):
            uit.append(f"{_besluitnaam(b)}: {statuswoord(oud.programma, oud.status(voor))} → {status}")
        for regio in b.regios:
            was, wordt = regiostand(oud, voor, regio), regiostand(nieuw, b, regio)
            if regio in voor.regios and was != wordt:
                uit.append(
                    f"Besluit {b.nummer} in {letterlijk(nieuw.programma.regio(regio).naam)}: {was[1]} → {wordt[1]}"
                )
    if oud:
        uit += [
            f"{_besluitnaam(oud.besluiten[n])}: verwijderd" for n in sorted(set(oud.besluiten) - set(nieuw.besluiten))
        ]
    return uit
