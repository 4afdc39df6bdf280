"""Meetings of the programme's bodies: the agenda before, the besluitenlijst after, and the papers with them.

A meeting is where a body takes the steps of the decision route. The outcome of an agenda item is that step:
the decision's route is completed from its meetings (``Agenda``), so the fact is typed once, in the meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from regioagenda.model.datum import Datum
from regioagenda.model.markdown import Markdown
from regioagenda.model.uitkomst import Uitkomst
from regioagenda.model.vocab import VergaderStatus


@dataclass(frozen=True)
class Stuk:
    """A paper of a meeting or of one of its items, kept in the repository beside the meeting."""

    bestand: str
    """Its path relative to the programme root (the meeting's folder, then its own name)."""
    titel: str
    datum: Datum | None = None
    vertrouwelijk: bool = False
    grootte: int = 0
    """Bytes, as the file on disk has them (read when the paper is checked)."""
    mediatype: str = ""
    """Its type as its content shows it (application/pdf …), never as its name claims."""

    @property
    def naam(self) -> str:
        """The file's own name, as it is published."""
        return self.bestand.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Agendapunt:
    """One item of a meeting's agenda, in the agenda's order; after the meeting with its outcome."""

    titel: str
    besluit: int | None = None
    """The decision this item is about (its number), if any."""
    onderdeel: str | None = None
    """The part of the programme it concerns (a charter's id), if any."""
    voorstel: str | None = None
    """What the body is asked to do, in the agenda's words."""
    stukken: tuple[Stuk, ...] = ()
    uitkomst: Uitkomst | None = None
    """What the body decided on it (for an item about a decision: the step in that decision's route)."""
    toelichting: str | None = None
    vertrouwelijk: bool = False


@dataclass(frozen=True)
class Verplaatsing:
    """A date and time the meeting had before it was moved: it keeps its identity (and calendar UID)."""

    datum: Datum
    begin: dt.time | None = None
    eind: dt.time | None = None


@dataclass(frozen=True)
class Vergadering:
    """One meeting of a body. Its id is its file name, kept when it is moved, so links and calendars follow it."""

    id: str
    gremium: str
    datum: Datum
    status: VergaderStatus
    punten: tuple[Agendapunt, ...]
    begin: dt.time | None = None
    eind: dt.time | None = None
    plaats: str | None = None
    titel: str | None = None
    stukken: tuple[Stuk, ...] = ()
    """Papers of the meeting as a whole (the convocation, the minutes)."""
    eerder: tuple[Verplaatsing, ...] = ()
    """Earlier dates and times, oldest first, when it was moved."""
    vertrouwelijk: bool = False
    body: Markdown = Markdown("")
    bestand: str = ""

    @property
    def volgnummer(self) -> int:
        """How often its date or time changed: the calendar's SEQUENCE."""
        return len(self.eerder)

    @property
    def gehouden(self) -> bool:
        return self.status is VergaderStatus.GEHOUDEN

    @property
    def heeft_besluitenlijst(self) -> bool:
        """Held, with an outcome at some item: a besluitenlijst to publish (a meeting the source records without
        outcomes has none, rather than an empty one)."""
        return self.gehouden and any(p.uitkomst is not None for p in self.punten)

    def alle_stukken(self) -> tuple[Stuk, ...]:
        """The meeting's papers, then each item's, in the agenda's order."""
        return self.stukken + tuple(s for p in self.punten for s in p.stukken)

    def besloten_punten(self) -> tuple[Agendapunt, ...]:
        """The items about a decision that have an outcome: each is a step in that decision's route."""
        return tuple(p for p in self.punten if p.besluit is not None and p.uitkomst is not None)

    def openbaar(self, geheime_besluiten: frozenset[int]) -> Vergadering:
        """This meeting as the public may see it: without confidential items and papers, or items about a
        confidential decision."""
        punten = tuple(
            replace(p, stukken=tuple(s for s in p.stukken if not s.vertrouwelijk))
            for p in self.punten
            if not p.vertrouwelijk and p.besluit not in geheime_besluiten
        )
        return replace(self, punten=punten, stukken=tuple(s for s in self.stukken if not s.vertrouwelijk))
