"""Where the programme stands on a peildatum: what regions and bodies still have to do.

Used by the site's pages and by 'agenda status'.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from regioagenda.model.agenda import Agenda
from regioagenda.model.besluit import Besluit
from regioagenda.model.programma import Regio
from regioagenda.model.vocab import Betekenis, BesluitStatus, RegioStatus


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
            if status.wacht:
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


ADVIES = frozenset({Betekenis.DOORGELEID})
BESLUIT = frozenset({Betekenis.POSITIEF, Betekenis.NEGATIEF})


def _betekenissen(stap) -> set[Betekenis]:
    return {u.betekenis for u in stap.uitkomsten}


def dossiergremia(agenda: Agenda) -> list[str]:
    """Bodies that advise or decide in the programme route, in route order."""
    uit: list[str] = []
    for stap in agenda.programma.besluitvormingsroute:
        if stap.gremium and (ADVIES | BESLUIT) & _betekenissen(stap) and stap.gremium not in uit:
            uit.append(stap.gremium)
    return uit


def _wacht_bij(agenda: Agenda, gremium_id: str) -> set[BesluitStatus]:
    """The statuses in which a decision awaits this body: advice for proposals, or a decision for advised ones."""
    statussen: set[BesluitStatus] = set()
    for stap in agenda.programma.besluitvormingsroute:
        if stap.gremium == gremium_id and ADVIES & _betekenissen(stap):
            statussen.add(BesluitStatus.VOORGESTELD)
        if stap.gremium == gremium_id and BESLUIT & _betekenissen(stap):
            statussen.add(BesluitStatus.TER_BESLUITVORMING)
    return statussen


def _houder(besluit: Besluit) -> str | None:
    """The body that postponed a decision it was to advise or decide on ('aangehouden'), if it named one."""
    stap = besluit.statusstap
    return stap.gremium if stap is not None and stap.uitkomst.betekenis is Betekenis.AANGEHOUDEN else None


def alleen_kennisgenomen(besluit: Besluit) -> bool:
    """Whether the latest step only took note: nothing says a next step follows, so it waits on nobody."""
    return bool(besluit.verloop) and besluit.verloop[-1].uitkomst.betekenis is Betekenis.KENNISNAME


def dossier(agenda: Agenda, gremium_id: str) -> list[Besluit]:
    """What awaits this body: advice for proposals, a decision for advised proposals, what it postponed."""
    wacht_op = _wacht_bij(agenda, gremium_id)
    return [
        b
        for b in agenda.besluiten_op_nummer()
        if not alleen_kennisgenomen(b)
        and (
            agenda.status(b) in wacht_op or (agenda.status(b) is BesluitStatus.AANGEHOUDEN and _houder(b) == gremium_id)
        )
    ]


def wacht_op(agenda: Agenda, besluit: Besluit) -> list[str]:
    """The bodies on whose docket one decision is (the other side of ``dossier``), in route order."""
    status = agenda.status(besluit)
    if alleen_kennisgenomen(besluit):
        return []
    if status is BesluitStatus.AANGEHOUDEN:
        houder = _houder(besluit)
        return [houder] if houder in dossiergremia(agenda) else []
    return [g for g in dossiergremia(agenda) if status in _wacht_bij(agenda, g)]


def advies(besluit: Besluit) -> str | None:
    """The explanation of the latest advice step, if any."""
    adviezen = [s for s in besluit.verloop if s.uitkomst.betekenis in ADVIES]
    return adviezen[-1].toelichting if adviezen else None


def opvolgstappen(agenda: Agenda) -> list[str]:
    """The names of the route's follow-up steps (feedback, an impact description), in route order."""
    return [
        stap.naam
        for stap in agenda.programma.besluitvormingsroute
        if any(u.betekenis is Betekenis.OPVOLGING for u in stap.uitkomsten)
    ]


def opvolging(agenda: Agenda) -> list[tuple[Besluit, list[str]]]:
    """Decided proposals still awaiting a follow-up step of the route (feedback, an impact description), with the
    names of those steps, where the route has them."""
    vervolg = [
        (stap, {u.id for u in stap.uitkomsten if u.betekenis is Betekenis.OPVOLGING})
        for stap in agenda.programma.besluitvormingsroute
    ]
    vervolg = [(stap, ids) for stap, ids in vervolg if ids]
    uit = []
    for b in agenda.besluiten_op_nummer():
        if agenda.status(b) not in (BesluitStatus.GEACCORDEERD, BesluitStatus.AFGEWEZEN):
            continue
        gezet = {s.uitkomst.id for s in b.verloop}
        open_ = [stap.naam for stap, ids in vervolg if not ids & gezet]
        if open_:
            uit.append((b, open_))
    return uit
