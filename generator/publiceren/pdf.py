"""A PDF people can file: the Markdown of an ``Afdruk`` rendered by WeasyPrint as PDF/UA-1 — tagged, in Dutch,
with bookmarks from its headings, the print layout's footer and embedded fonts.

The text goes through the same allowlist as every page of the site (``schoon``), and WeasyPrint may fetch
nothing: no file, no address — a PDF holds only what the records say. Same Markdown, same bytes.
"""

from __future__ import annotations

import html
import logging
from importlib import resources

import markdown
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from regioagenda.publiceren.schoonmaak import schoon
from regioagenda.publiceren.tabellen import css_tekst
from regioagenda.samenstellen.afdrukken import Afdruk

UITBREIDINGEN = ["tables", "attr_list", "admonition", "def_list", "sane_lists", "toc"]
"""What the composed agenda's Markdown uses (the templates' tables, sources and notes); headings get ids."""


class _NietsOphalen(URLFetcher):
    """Refuses every resource: a PDF of the agenda is made from its text alone."""

    def fetch(self, url, *args, **kwargs):
        raise ValueError(f"de PDF haalt niets op ({url[:60]})")


def _stijl(voetregel: str) -> str:
    """The stylesheet, with the footer line."""
    css = resources.files("regioagenda.publiceren").joinpath("thema/afdruk.css").read_text("utf-8")
    return f':root {{ --agenda-afdruk: "{css_tekst(voetregel)}"; }}\n{css}'


def als_html(afdruk: Afdruk, auteur: str) -> str:
    """The document WeasyPrint renders: the allowlisted HTML of the Markdown in a Dutch page of its own."""
    inhoud = schoon(markdown.markdown(afdruk.markdown, extensions=UITBREIDINGEN, output_format="html"))
    e = html.escape
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f'<title>{e(afdruk.titel)}</title><meta name="author" content="{e(auteur)}">'
        f"<style>{_stijl(afdruk.voetregel)}</style></head><body>{inhoud}</body></html>"
    )


def maak_pdf(afdruk: Afdruk, auteur: str) -> bytes:
    """The PDF of ``afdruk``; ``auteur`` is the publishing programme (the PDF's metadata)."""
    # WeasyPrint logs every CSS property it does not support; none of ours is a problem worth a build's output
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    document = HTML(string=als_html(afdruk, auteur), url_fetcher=_NietsOphalen())
    return document.write_pdf(pdf_variant="pdf/ua-1")
