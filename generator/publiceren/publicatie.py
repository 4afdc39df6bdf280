"""Publishing a build, engine-free: build beside the site → check the output → swap, as one context manager.

``agenda bouw`` (the Markdown tree) and the MkDocs plugin both publish through ``Publicatie``: entering it
makes a fresh folder beside the output (``bouwveiligheid.nieuwe_bouwmap``, which first refuses an output
folder no build made); leaving it without an exception holds the folder to the caller's check and only then
swaps it in (``wissel``); on any exception (a refusing check too) the folder is removed and the previous
output stays. The plugin enters in ``on_config`` and leaves in ``on_post_build`` or
``on_build_error``; ``mkdocs serve`` builds in place (``ernaast=False``): checked, never swapped.

The checks raise ``Geweigerd``, whose message is the Dutch report; an engine turns it into its own error.
No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType

from regioagenda.publiceren.bouwveiligheid import nieuwe_bouwmap, ruim_op, wissel
from regioagenda.publiceren.lekcontrole import lekmelding, zoek_lekken
from regioagenda.publiceren.uitvoercontrole import Bevinding, controleer_uitvoer, uitvoermelding
from regioagenda.records.opslag import prive_bron

Controle = Callable[[Path], None]
"""Holds a built folder to what may be published; raises ``Geweigerd`` when it may not."""


class Geweigerd(Exception):
    """The build is refused (by a check of its output, or before it starts); the message says why, in Dutch.
    Nothing was published."""


class Lek(Geweigerd):
    """Confidential text found in a public build; nothing was published."""

    def __init__(self, lekken: list[tuple[str, str]]):
        super().__init__(lekmelding(lekken))
        self.lekken = lekken


class OnveiligeUitvoer(Geweigerd):
    """The built site holds something a site may not (a foreign script, an event handler, …)."""

    def __init__(self, bevindingen: list[Bevinding]):
        super().__init__(uitvoermelding(bevindingen))
        self.bevindingen = bevindingen


class TeVeelWaarschuwingen(Geweigerd):
    """A strict build that the engine warned about."""

    def __init__(self, aantal: int):
        super().__init__(f"{aantal} waarschuwing(en) in strikte modus — de vorige site blijft staan")
        self.aantal = aantal


def zonder_lekken(map_: Path, sporen: Mapping[str, str]) -> None:
    """``Lek`` when a file of the built folder holds a trace of a confidential decision (``lekcontrole.sporen``)."""
    lekken = zoek_lekken(map_, dict(sporen))
    if lekken:
        raise Lek(lekken)


def zonder_actieve_inhoud(map_: Path, eigen_adres: str | None) -> None:
    """``OnveiligeUitvoer`` when the built site holds what ``uitvoercontrole`` refuses."""
    bevindingen = controleer_uitvoer(map_, eigen_adres)
    if bevindingen:
        raise OnveiligeUitvoer(bevindingen)


class _Onbekend:
    """Not given: the private source is then asked of programma.yml (None means: none is set)."""


class Publicatie:
    """Build beside ``doel``, check, swap: ``with Publicatie(uit, controle, root=root) as map_: <write into map_>``.

    ``root`` is the programme: the output folder is held to ``bewaak_uitvoermap`` with its private source and
    ``beschermd`` (further folders no build may replace). With ``ernaast=False`` the build goes into ``doel``
    itself: it is checked on leaving, and neither guarded, swapped nor removed (a preview's own folder).
    """

    def __init__(
        self,
        doel: Path,
        controle: Controle,
        *,
        root: Path,
        beschermd: Iterable[Path] = (),
        ernaast: bool = True,
        prive: Path | None | type[_Onbekend] = _Onbekend,
    ) -> None:
        """``prive``: the private source as a load already read it; asked of programma.yml when not given."""
        self.doel = Path(doel).resolve() if ernaast else Path(doel)
        self.controle = controle
        self.root = root
        self.beschermd = list(beschermd)
        self.ernaast = ernaast
        self.prive = prive
        self.map: Path | None = None
        """The folder being built into, while the publication is open."""

    def __enter__(self) -> Path:
        if not self.ernaast:
            self.map = self.doel
        else:
            prive = prive_bron(self.root) if self.prive is _Onbekend else self.prive
            self.map = nieuwe_bouwmap(self.doel, root=self.root, prive=prive, beschermd=self.beschermd)
        return self.map

    def __exit__(
        self, soort: type[BaseException] | None, fout: BaseException | None, spoor: TracebackType | None
    ) -> None:
        """Check and swap after a clean build; remove the build folder after any exception (it propagates).

        Leaving twice, or leaving what was never entered, does nothing.
        """
        map_, self.map = self.map, None
        if map_ is None:
            return
        try:
            if soort is None:
                self.controle(map_)
                if self.ernaast:
                    wissel(map_, self.doel)
        except BaseException:
            self._ruim_op(map_)
            raise
        if soort is not None:
            self._ruim_op(map_)

    def _ruim_op(self, map_: Path) -> None:
        if self.ernaast:
            ruim_op(map_)
