"""Record text that is Markdown: a body, or a front-matter field the schema marks as Markdown."""

from __future__ import annotations


class Markdown(str):
    """Markdown from a record that passed the input checks (no HTML, no outside resources, limited cost).

    Only the code that builds the model makes these; rendering passes them unescaped and escapes
    every other string.
    """

    __slots__ = ()
