"""Outcomes: the words a programme's bodies and regions decide in, each with what it means for the derived state.

The words are open (a programme names its own under ``uitkomsten:``); their meanings are the closed
``Betekenis``. The built-in words stay the default, so a programme that names none reads as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from regioagenda.model.vocab import Betekenis, Route


@dataclass(frozen=True)
class Uitkomst:
    """One outcome word: how records write it (``id``), what it means, and on which route it can be given."""

    id: str
    betekenis: Betekenis
    route: Route = Route.PROGRAMMA
    naam: str | None = None
    """How the site writes it, when that differs from the id ('impact beschreven')."""
    toelichting: str | None = None
    eigen: bool = False
    """Named by the programme itself (else one of the built-in words)."""

    @property
    def woord(self) -> str:
        """The word as the site writes it mid-sentence."""
        return self.naam or self.id.replace("-", " ")

    def op_route(self, regionaal: bool) -> bool:
        """Whether this word can be given on a region's route (``regionaal``) or on the programme route."""
        return self.route is Route.BEIDE or (self.route is Route.REGIO) == regionaal

    def __str__(self) -> str:
        return self.woord


STANDAARD: tuple[Uitkomst, ...] = (
    Uitkomst("ingebracht", Betekenis.INGEBRACHT),
    Uitkomst("besproken", Betekenis.KENNISNAME),
    Uitkomst("geadviseerd", Betekenis.DOORGELEID),
    Uitkomst("geaccordeerd", Betekenis.POSITIEF),
    Uitkomst("afgewezen", Betekenis.NEGATIEF),
    Uitkomst("teruggekoppeld", Betekenis.OPVOLGING),
    Uitkomst("impact-beschreven", Betekenis.OPVOLGING),
    Uitkomst("ingetrokken", Betekenis.INGETROKKEN),
    Uitkomst("geagendeerd", Betekenis.DOORGELEID, Route.REGIO),
    Uitkomst("vastgesteld", Betekenis.POSITIEF, Route.REGIO),
    Uitkomst("niet-vastgesteld", Betekenis.NEGATIEF, Route.REGIO),
)
"""The built-in words: the programme route's (from proposal to feedback) and a region's own."""

INGETROKKEN = STANDAARD[7]
"""Withdrawal, which every programme route accepts at any point."""


@dataclass(frozen=True)
class Uitkomsten:
    """The outcome words of one programme: the built-in ones, with the programme's own added or redefined."""

    woorden: tuple[Uitkomst, ...] = STANDAARD
    onbekend_toegestaan: bool = False
    """Any word is taken (as only taking note): for reading decisions while the programme's own words are
    unknown because programma.yml is broken — a run that always fails on that problem."""

    @classmethod
    def met(cls, eigen: tuple[Uitkomst, ...]) -> Uitkomsten:
        """The built-in words with the programme's own; a programme's word of the same id replaces the built-in."""
        namen = {u.id for u in eigen}
        return cls(tuple(u for u in STANDAARD if u.id not in namen) + eigen)

    def op_route(self, regionaal: bool) -> tuple[Uitkomst, ...]:
        """The words a region's route (``regionaal``) or the programme route accepts, in declaration order."""
        return tuple(u for u in self.woorden if u.op_route(regionaal))

    def zoek(self, woord: str, regionaal: bool) -> Uitkomst | None:
        """The word as a record writes it on one of the routes; None when that route does not know it."""
        gevonden = next((u for u in self.op_route(regionaal) if u.id == woord), None)
        if gevonden is None and self.onbekend_toegestaan:
            return Uitkomst(woord, Betekenis.KENNISNAME, Route.BEIDE)
        return gevonden

    def ingetrokken(self) -> Uitkomst:
        """The programme's word for a withdrawal (its own, or the built-in one)."""
        return next((u for u in self.op_route(False) if u.betekenis is Betekenis.INGETROKKEN), INGETROKKEN)
