"""Where the programme stands on a peildatum: what regions and bodies still have to do.

Used by the site's pages and by 'agenda status'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regioagenda.model.agenda import Agenda
from regioagenda.model.besluit import Besluit
from regioagenda.model.programma import Regio
from regioagenda.model.vocab import BesluitStatus, RegioStatus, Uitkomst


@dataclass(frozen=True)
class Wachtend:
    """An accorded decision a region has not finished deciding on."""

    besluit: Besluit
    regio: Regio
    status: RegioStatus
    wachtend: int | None
    termijn: int | None
    te_laat: bool


def wachtende_bekrachtigingen(agenda: Agenda, peildatum: dt.date) -> list[Wachtend]:
    """Per accorded decision and region still open or in procedure, oldest accordering first."""
    uit = []
    for b in agenda.besluiten_op_nummer():
        if agenda.status(b) is not BesluitStatus.GEACCORDEERD:
            continue
        for regio_id in b.regios:
            status = agenda.regio_status(b, regio_id)
            if status in (RegioStatus.OPEN, RegioStatus.IN_PROCEDURE):
                regio = agenda.programma.regio(regio_id)
                uit.append(
                    Wachtend(
                        b,
                        regio,
                        status,
                        b.dagen_wachtend(peildatum),
                        regio.termijn_dagen,
                        b.regio_te_laat(regio, peildatum, status),
                    )
                )
    return sorted(uit, key=lambda w: (w.besluit.accordering, w.besluit.nummer, w.regio.id))


def dossiergremia(agenda: Agenda) -> list[str]:
    """Bodies that advise or decide in the programme route, in route order."""
    uit: list[str] = []
    for stap in agenda.programma.besluitvormingsroute:
        if (
            stap.gremium
            and {Uitkomst.GEADVISEERD, Uitkomst.GEACCORDEERD} & set(stap.uitkomsten)
            and stap.gremium not in uit
        ):
            uit.append(stap.gremium)
    return uit


def _wacht_bij(agenda: Agenda, gremium_id: str) -> set[BesluitStatus]:
    """The statuses in which a decision awaits this body: advice for proposals, or a decision for advised ones."""
    statussen: set[BesluitStatus] = set()
    for stap in agenda.programma.besluitvormingsroute:
        if stap.gremium == gremium_id and Uitkomst.GEADVISEERD in stap.uitkomsten:
            statussen |= {BesluitStatus.VOORGESTELD, BesluitStatus.TER_ADVISERING}
        if stap.gremium == gremium_id and Uitkomst.GEACCORDEERD in stap.uitkomsten:
            statussen.add(BesluitStatus.TER_BESLUITVORMING)
    return statussen


def dossier(agenda: Agenda, gremium_id: str) -> list[Besluit]:
    """What awaits this body: advice for proposals, or a decision for advised proposals."""
    wacht_op = _wacht_bij(agenda, gremium_id)
    return [b for b in agenda.besluiten_op_nummer() if agenda.status(b) in wacht_op]


def wacht_op(agenda: Agenda, besluit: Besluit) -> list[str]:
    """The bodies on whose docket one decision is (the other side of ``dossier``), in route order."""
    status = agenda.status(besluit)
    return [g for g in dossiergremia(agenda) if status in _wacht_bij(agenda, g)]


def advies(besluit: Besluit) -> str | None:
    """The explanation of the latest advice step, if any."""
    adviezen = [s for s in besluit.verloop if s.uitkomst is Uitkomst.GEADVISEERD]
    return adviezen[-1].toelichting if adviezen else None


def opvolging(agenda: Agenda) -> list[tuple[Besluit, list[str]]]:
    """Decided proposals still awaiting feedback or an impact description, where the route has those steps."""
    route = {u for s in agenda.programma.besluitvormingsroute for u in s.uitkomsten}
    uit = []
    for b in agenda.besluiten_op_nummer():
        if agenda.status(b) not in (BesluitStatus.GEACCORDEERD, BesluitStatus.AFGEWEZEN):
            continue
        gezet = {s.uitkomst for s in b.verloop}
        open_ = [
            label
            for u, label in (
                (Uitkomst.TERUGGEKOPPELD, "terugkoppeling"),
                (Uitkomst.IMPACT_BESCHREVEN, "impactbeschrijving"),
            )
            if u in route and u not in gezet
        ]
        if open_:
            uit.append((b, open_))
    return uit
