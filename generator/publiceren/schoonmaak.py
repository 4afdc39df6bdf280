"""Second line of defence: rendered HTML passes an allowlist that keeps what the site itself produces.

Beyond tags and attributes, the values that could hijack the page are limited too: an ``id`` may
not take a name of the theme's own controls (``__search``), a ``class`` keeps only the site's own
classes (not ``md-header``), ``aria-hidden`` cannot hide content, and a picture never comes from
another address. ``herstel_titel`` escapes the page title in ``<title>`` again after the theme un-escaped it.
Engine-free: the plugin passes every rendered page through ``schoon`` and every finished page through
``herstel_titel``.
"""

from __future__ import annotations

import html as html_
import re

import nh3
from markupsafe import Markup

_TEKST = {
    "a",
    "abbr",
    "b",
    "br",
    "cite",
    "code",
    "del",
    "em",
    "i",
    "ins",
    "kbd",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
}
_BLOK = {
    "article",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
_SVG = {"svg", "title", "desc", "g", "line", "polyline", "circle", "rect", "path", "text"}
_ALGEMEEN = {
    "class",
    "id",
    "title",
    "role",
    "lang",
    "tabindex",
    "style",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
}
_ATTRIBUTEN = {
    "*": _ALGEMEEN,
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "time": {"datetime"},
    "ol": {"start", "type"},
    "details": {"open"},
    "svg": {"viewBox", "xmlns", "width", "height", "preserveAspectRatio"},
    "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"},
    "circle": {"cx", "cy", "r"},
    "rect": {"x", "y", "width", "height"},
    "path": {"d"},
    "text": {"x", "y", "text-anchor"},
}
_STIJL = {"grid-column", "--kwartalen", "text-align"}


_EIGEN_KLASSE = re.compile(
    r"^(?:(?:agenda|planning|kengetal|nulplaat)(?:[-_][a-z0-9_-]*)?|headerlink|toclink|admonition(?:-title)?|"
    r"note|abstract|info|tip|success|question|warning|failure|danger|bug|example|quote)\Z"
)
_EIGEN_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,127}\Z")
_ROLLEN = {"img", "group", "list", "listitem", "region", "note", "presentation"}
_VERBORGEN = {"div", "span"}
"""Elements on which the site itself hides decoration from screen readers (the timeline's axis and diamonds)."""


def _attribuut(element: str, naam: str, waarde: str) -> str | None:
    """Keep an attribute value only when it is one the site's own markup uses."""
    if naam == "class":
        klassen = [k for k in waarde.split() if _EIGEN_KLASSE.match(k)]
        return " ".join(klassen) or None
    if naam == "id":
        return waarde if _EIGEN_ID.match(waarde) else None
    if naam == "aria-hidden":
        return "true" if element in _VERBORGEN and waarde == "true" else None
    if naam == "role":
        return waarde if waarde in _ROLLEN else None
    if naam == "tabindex":
        return "0" if waarde == "0" else None
    if naam == "src" and (waarde.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*:", waarde, re.I)):
        return None  # a picture from another address would tell that address who reads the page
    return waarde


def schoon(html: str) -> str:
    """Drop scripts, event handlers, iframes, comments and unsafe URLs; keep the site's own markup."""
    return nh3.clean(
        html,
        tags=_TEKST | _BLOK | _SVG,
        attributes=_ATTRIBUTEN,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties=_STIJL,
        link_rel=None,
        strip_comments=True,
        attribute_filter=_attribuut,
    )


def herstel_titel(pagina: str, titel: str | None) -> str:
    """Re-escape the page title in ``<title>``: themes print ``title | striptags``, which un-escapes entities.

    A record title such as "</title><script>" would otherwise come out raw.
    """
    if not titel:
        return pagina
    ruw = Markup(titel).striptags()
    return pagina.replace(f"<title>{ruw} - ", f"<title>{html_.escape(ruw, quote=False)} - ", 1)


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'


def zonder_losse_labels(pagina: str) -> str:
    """Material titles a page's table of contents with a label for the '__toc' toggle, which exists only where the
    page is in the navigation: elsewhere (a decision, a region, a filtered list) the title becomes plain text, so no
    label points at a control that is not there (the Nu Html Checker's error)."""
    if _TOC_LABEL not in pagina or 'id="__toc"' in pagina:
        return pagina
    begin = pagina.index(_TOC_LABEL)
    eind = pagina.index("</label>", begin)
    binnen = pagina[begin + len(_TOC_LABEL) : eind]
    return pagina[:begin] + f'<span class="md-nav__title">{binnen}</span>' + pagina[eind + len("</label>") :]
