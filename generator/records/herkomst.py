"""Where every model object came from: its file and the YAML path inside it, its line looked up when asked.

The model builder notes each object it makes (as Jinja keeps ``lineno`` on every node); a rule that finds a
problem asks for the line of the object or of one of its fields. Lines are looked up lazily: positions come
from a second, slower parse that a clean programme never needs (see ``YamlDocument.regel``).
"""

from __future__ import annotations

from dataclasses import dataclass

from regioagenda.records.yamlbron import YamlDocument


@dataclass(frozen=True)
class Plek:
    """One place in one record: the document and the path of keys and list positions to a value."""

    doc: YamlDocument
    pad: tuple[str | int, ...] = ()

    @property
    def bestand(self) -> str:
        """The record's path relative to the programme, as problems name it."""
        return self.doc.pad

    def regel(self, *verder: str | int) -> int:
        """The line of this place, or of ``verder`` below it (the nearest line that exists)."""
        return self.doc.regel(*self.pad, *verder)


class Herkomst:
    """The place of every model object the builder made, by object identity."""

    def __init__(self) -> None:
        # The object itself is kept beside its place: an id is only unique while the object lives.
        self._plekken: dict[int, tuple[object, Plek]] = {}

    def noteer(self, obj: object, plek: Plek) -> None:
        """Remember where ``obj`` came from."""
        self._plekken[id(obj)] = (obj, plek)

    def plek(self, obj: object) -> Plek:
        """Where ``obj`` came from; a KeyError for an object the builder did not make."""
        return self._plekken[id(obj)][1]

    def bestand(self, obj: object) -> str:
        """The file ``obj`` came from."""
        return self.plek(obj).bestand

    def regel(self, obj: object, *veld: str | int) -> int:
        """The line of ``obj``, or of its field ``veld`` (a key, then list positions or keys below it)."""
        return self.plek(obj).regel(*veld)
