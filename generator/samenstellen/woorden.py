"""How a programme words the states its records derive: a status in the programme's own outcome words."""

from __future__ import annotations

from regioagenda.model.agenda import Agenda
from regioagenda.model.besluit import Besluit
from regioagenda.model.programma import Programma
from regioagenda.model.vocab import STATUS_NA_BETEKENIS, Betekenis, BesluitStatus, RegioStatus
from regioagenda.nederlands import label


def statuswoord(programma: Programma, status: BesluitStatus) -> str:
    """A status in the programme's words: the state an outcome puts a decision in ('geaccordeerd', 'afgewezen',
    'aangehouden', 'ingetrokken') takes the programme's word when its route gives exactly one word of that meaning
    ('ingestemd'); any other status, or several words, keep the generator's."""
    betekenissen = [b for b, s in STATUS_NA_BETEKENIS.items() if s is status]
    if not betekenissen or status in (BesluitStatus.VOORGESTELD, BesluitStatus.TER_BESLUITVORMING):
        return label(status)
    if programma.besluitvormingsroute:
        woorden = [u for stap in programma.besluitvormingsroute for u in stap.uitkomsten]
        woorden.append(programma.uitkomsten.ingetrokken())
    else:
        woorden = list(programma.uitkomsten.op_route(False))
    gebruikt = {u.woord for u in woorden if u.betekenis in betekenissen}
    return gebruikt.pop() if len(gebruikt) == 1 else label(status)


def regiostand(agenda: Agenda, besluit: Besluit, regio_id: str) -> tuple[RegioStatus, str]:
    """Where a decision stands in a region, and how to say it: the word of the region's own latest step
    ('ingestemd', 'kennisgenomen') where that step decided its state, else the state's own word."""
    status = agenda.regio_status(besluit, regio_id)
    stappen = besluit.regionaal.get(regio_id, ())
    if status is RegioStatus.IN_PROCEDURE and stappen and stappen[-1].uitkomst.betekenis is Betekenis.DOORGELEID:
        return status, stappen[-1].uitkomst.woord  # 'geagendeerd', not only 'in procedure'
    if status in (RegioStatus.OPEN, RegioStatus.ONBEKEND, RegioStatus.IN_PROCEDURE):
        return status, label(status)
    if stappen:
        woord = stappen[-1].uitkomst.woord
        return status, f"deels {woord}" if status is RegioStatus.DEELS_VASTGESTELD else woord
    # a region that decides through its parts: their word, when they share one
    delen = [regiostand(agenda, besluit, d) for d in agenda.programma.regio(regio_id).onderdelen]
    if status is RegioStatus.DEELS_VASTGESTELD:
        positief = {w.removeprefix("deels ") for s, w in delen if s in (RegioStatus.VASTGESTELD, status)}
        return status, f"deels {positief.pop()}" if len(positief) == 1 else label(status)
    woorden = {w for s, w in delen if s is status}
    return status, woorden.pop() if len(woorden) == 1 else label(status)
