"""Rules on milestones: an id once within its charter, and a milestone held as a meeting is on that meeting's day."""

from __future__ import annotations

from collections import Counter

from regioagenda.model.datum import Precisie
from regioagenda.model.deelopdracht import Deelopdracht, Mijlpaal
from regioagenda.nederlands import datum as nl_datum
from regioagenda.records.regels.controle import Controle


def controleer_mijlpalen(c: Controle) -> None:
    """Every rule on the charters' milestones."""
    for deel in c.bouwsel.deelopdrachten.values():
        with c.bewaakt(deel):
            mijlpalen = [m for _, m in deel.mijlpalen]
            _unieke_ids(c, deel, mijlpalen)
            for m in mijlpalen:
                if m.vergadering is not None:
                    _als_vergadering(c, m)


def _unieke_ids(c: Controle, d: Deelopdracht, mijlpalen: list[Mijlpaal]) -> None:
    """An id names one milestone of the charter: a reader's calendar follows it. Every repeat is reported, in the
    order the record writes them."""
    tellingen = Counter(m.id for m in mijlpalen if m.id is not None)
    gezien: set[str] = set()
    for m in sorted(mijlpalen, key=lambda m: _volgorde(m.plek)):
        if m.id is None or tellingen[m.id] == 1:
            continue
        if m.id in gezien:
            c.fout(
                m,
                ("id",),
                f"de mijlpaal-id '{m.id}' komt vaker voor in {d.id}",
                "een id die binnen deze opdracht één mijlpaal noemt (ook over fasen en sub-opdrachten heen)",
            )
        gezien.add(m.id)


def _volgorde(plek: str) -> tuple:
    """A place such as 'fasen/1/mijlpalen/0' as a sort key in record order (10 after 9)."""
    return tuple((0, int(deel), "") if deel.isdigit() else (1, 0, deel) for deel in plek.split("/"))


def _als_vergadering(c: Controle, m: Mijlpaal) -> None:
    """The meeting exists, and the milestone is dated to that meeting's day."""
    vergaderingen = c.bouwsel.vergaderingen
    if not c.verwijzing(m, ("vergadering",), m.vergadering, vergaderingen, "vergadering", "agenda/vergaderingen/"):
        return
    v = vergaderingen[m.vergadering]
    if m.datum is None or v.datum is None:
        return  # a date that could not be read is reported already
    if m.datum.precisie is not Precisie.DAG:
        c.fout(
            m,
            ("datum",),
            f"de mijlpaal vindt plaats in vergadering {m.vergadering}, maar '{m.datum}' is geen dag",
            f"de dag van die vergadering, {v.datum}",
        )
    elif m.datum.begin != v.datum.begin:
        c.fout(
            m,
            ("datum",),
            f"de mijlpaal staat op {nl_datum(m.datum)}, maar vergadering {m.vergadering} is op {nl_datum(v.datum)}",
            f"dezelfde dag als de vergadering ({v.datum}), of een andere vergadering",
        )
