"""Second line of defence: rendered HTML passes an allowlist that keeps what the site itself produces."""

from __future__ import annotations

import nh3

_TEKST = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s", "small", "span",
          "strong", "sub", "sup", "time", "u"}
_BLOK = {"article", "blockquote", "caption", "col", "colgroup", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
         "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "li", "ol", "p", "pre", "section", "summary", "table", "tbody",
         "td", "tfoot", "th", "thead", "tr", "ul"}
_SVG = {"svg", "title", "desc", "g", "line", "polyline", "circle", "rect", "path", "text"}
_ALGEMEEN = {"class", "id", "title", "role", "lang", "tabindex", "style", "aria-label", "aria-labelledby", "aria-describedby",
             "aria-hidden"}
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
    )
