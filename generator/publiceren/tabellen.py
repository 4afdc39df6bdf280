"""Pages on a phone and on paper: wide tables that can stack, the line at the foot of every printed page, and the
link to a page's PDF.

Engine-free: the plugin passes every rendered page through ``stapelbaar`` and ``met_pdf``; ``afdrukregel`` is
asked through ``Programmabouw.afdrukregel`` with the version each page shows as the composition decided it
(``Pagina.versie``).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

from regioagenda.nederlands import datum as nl_datum
from regioagenda.model.datum import Datum, Precisie

_TABEL = re.compile(r"<table>(.*?)</table>", re.S)
_KOP = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_RIJ = re.compile(r"<tr>(.*?)</tr>", re.S)
_CEL = re.compile(r"<td(?=[\s>])")

GESTAPELD = "agenda-gestapeld"
"""Class of a table with three or more columns: on a narrow screen every row becomes a block of 'kop: waarde'."""


def stapelbaar(pagina: str) -> str:
    """Tables of three or more columns get a class and, per cell, the heading of its column (``data-kop``)."""
    return _TABEL.sub(_tabel, pagina)


def _tabel(treffer: re.Match) -> str:
    inhoud = treffer.group(1)
    koppen = [_label(k) for k in _KOP.findall(inhoud)]
    if len(koppen) < 3:
        return treffer.group(0)
    return f'<table class="{GESTAPELD}">' + _RIJ.sub(lambda rij: _rij(rij, koppen), inhoud) + "</table>"


def met_pdf(pagina: str, pagina_url: str, pdf: tuple[str, int] | None) -> str:
    """The page with a download link to its PDF (``pdf``: its path and size) right under its title; as it was when
    it offers none. The link is relative to the page's own URL, so it holds on any sub-path."""
    if pdf is None:
        return pagina
    pad, grootte = pdf
    map_ = pagina_url if pagina_url.endswith("/") or not pagina_url else posixpath.dirname(pagina_url)
    href = html.escape(posixpath.relpath(pad, map_ or "."), quote=True)
    kb = max(1, round(grootte / 1024))
    link = f'<p class="agenda-pdf"><a href="{href}" download>Download als PDF</a> (A4, {kb} kB)</p>'
    kop = pagina.find("</h1>")
    return pagina[: kop + 5] + "\n" + link + pagina[kop + 5 :] if kop >= 0 else link + "\n" + pagina


def _label(kop: str) -> str:
    """A heading cell as an attribute value: its text, escaped once.

    The cell is sanitised HTML, so its text is escaped already ('A &amp; B'): unescaped first, or the attribute
    would read 'A &amp;amp; B'.
    """
    return html.escape(html.unescape(re.sub(r"<[^>]+>", "", kop)).strip(), quote=True)


def _rij(treffer: re.Match, koppen: list[str]) -> str:
    teller = iter(koppen)
    cellen = _CEL.sub(lambda _: f'<td data-kop="{next(teller, "")}"', treffer.group(1))
    return f"<tr>{cellen}</tr>"


def afdrukregel(titel: str, versies: dict[str, str], pagina: str, peildatum: dt.date) -> str:
    """'Titel · versie 2024.1 · peildatum 22 november 2026' (or 'werkversie'), as a safe CSS string body."""
    welke = f"versie {versies[pagina]}" if pagina in versies else "werkversie"
    dag = nl_datum(Datum(peildatum, peildatum, Precisie.DAG))
    return css_tekst(f"{titel} · {welke} · peildatum {dag}")


def css_tekst(regel: str) -> str:
    """Text as the body of a CSS string in a <style> element: no quote, backslash, line break or '<' may end it
    early, so every character but letters, digits and plain punctuation is written as its escape."""
    return "".join(c if c.isalnum() or c in " ,.-()" else f"\\{ord(c):x} " for c in regel)
