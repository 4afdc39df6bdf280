"""Third-party check of every Atom feed the two sites publish, against RFC 4287 (The Atom Syndication Format).

Three independent judges: the RFC's own RELAX NG schema (Appendix B, vendored in tests/schemas/atom/atom.rnc,
converted with rnc2rng and applied with lxml), feedparser (which must parse each feed without complaint), and the
rules the RFC states in prose beyond that schema. The last test asks that each feed's page announces it to feed
readers (``<link rel="alternate" type="application/atom+xml">``, autodiscovery).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
import pytest
from lxml import etree
from rnc2rng import parser as rnc_parser
from rnc2rng import serializer as rnc_serializer

from regioagenda.samenstellen.adressen import Adressen
from sitebouw import VOORBEELDSITES, bouw_voorbeeldsite

ADRES = os.environ["AGENDA_SITE_URL"]  # conftest sets it for every build in the suite: a Pages sub-path
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NS = {"atom": ATOM}
RNC = Path(__file__).parent / "schemas" / "atom" / "atom.rnc"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
"""RFC 4287 3.3: a Date construct is an RFC 3339 date-time, with its offset (xsd:dateTime alone allows none)."""


@pytest.fixture(scope="module", params=sorted(VOORBEELDSITES))
def site(request, tmp_path_factory) -> Path:
    return bouw_voorbeeldsite(request.param, tmp_path_factory.mktemp(f"atom-{request.param}") / "site")


@functools.cache
def _relaxng() -> etree.RelaxNG:
    """The RFC's schema as RELAX NG XML. rnc2rng declares the schema's ``namespace local = ""`` as
    ``xmlns:local=""``, which XML namespaces forbid (a prefix cannot be undeclared in XML 1.0); the prefix is used
    nowhere in the output (``local:*`` becomes ``<nsName ns=""/>``), so the declaration is dropped."""
    rng = rnc_serializer.XMLSerializer().toxml(rnc_parser.parse(RNC.read_text("utf-8")))
    assert rng.count('xmlns:local=""') == 1 and "local:" not in rng.replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.replace(' xmlns:local=""', "").encode("utf-8")))


def _feeds(site: Path) -> dict[str, etree._ElementTree]:
    """Every Atom feed in the built site, by its path: every XML file whose root is atom:feed."""
    uit = {}
    for bestand in sorted(site.rglob("*.xml")):
        boom = etree.parse(bestand)
        if boom.getroot().tag == f"{{{ATOM}}}feed":
            uit[bestand.relative_to(site).as_posix()] = boom
    return uit


def _links(element, rel: str) -> list:
    """An element's own atom:link children with ``rel`` (a link without rel is 'alternate', RFC 4287 4.2.7.2)."""
    return [link for link in element.findall("atom:link", NS) if link.get("rel", "alternate") == rel]


def _lokaal(site: Path, adres: str) -> Path:
    """The built file the site serves at ``adres``, an absolute address under the site's."""
    assert adres.startswith(ADRES), f"{adres} ligt niet onder het adres van de site {ADRES}"
    pad = adres.removeprefix(ADRES)
    return site / (pad + "index.html" if pad == "" or pad.endswith("/") else pad)


def test_the_sites_publish_their_feeds_and_the_open_data_page_links_them(site):
    feeds = _feeds(site)
    assert Adressen.ATOM in feeds
    anders = {
        b.relative_to(site).as_posix(): etree.parse(b).getroot().tag
        for b in site.rglob("*.xml")
        if b.relative_to(site).as_posix() not in feeds
    }
    assert set(anders.values()) <= {f"{{{SITEMAP}}}urlset", f"{{{SITEMAP}}}sitemapindex"}, anders
    bron = (site / "open-data" / "index.html").read_text("utf-8")
    gelinkt = {urljoin(ADRES + "open-data/", h) for h in re.findall(r'href="([^"]+\.xml)"', bron)}
    assert gelinkt == {ADRES + f for f in feeds}, "the open-data page lists other feeds than the site publishes"


def test_every_feed_is_valid_against_the_relax_ng_schema_of_rfc_4287(site):
    schema = _relaxng()
    for pad, boom in _feeds(site).items():
        assert schema.validate(boom), (pad, [str(f) for f in schema.error_log][:10])


def test_the_schema_refuses_what_rfc_4287_refuses():
    """Guard against a schema that accepts anything: a feed without id and updated is no Atom feed."""
    kaal = etree.fromstring(f'<feed xmlns="{ATOM}"><title>x</title></feed>'.encode())
    assert not _relaxng().validate(kaal)


def test_feedparser_reads_every_feed_as_atom_1_0_without_complaint(site):
    for pad in _feeds(site):
        gelezen = feedparser.parse((site / pad).read_bytes())
        assert gelezen.bozo == 0, (pad, gelezen.get("bozo_exception"))
        assert gelezen.version == "atom10", (pad, gelezen.version)
        assert gelezen.feed.get("id") and gelezen.feed.get("title")
        assert all(e.get("id") and e.get("link") for e in gelezen.entries), pad


def test_every_feed_keeps_the_rules_of_rfc_4287_beyond_its_schema(site):
    feeds = _feeds(site)
    alle_ids: dict[str, str] = {}
    for pad, boom in feeds.items():
        feed = boom.getroot()
        entries = feed.findall("atom:entry", NS)
        ids = [feed.findtext("atom:id", namespaces=NS)] + [e.findtext("atom:id", namespaces=NS) for e in entries]
        # 4.2.6: an id is an IRI, absolute; an entry's id is its own (4.1.2), and no two feeds share one
        assert all(urlsplit(i).scheme for i in ids), (pad, ids)
        assert len(set(ids)) == len(ids), (pad, "dubbele id's")
        assert not set(ids[:1]) & set(alle_ids), (pad, "feed-id van een andere feed", alle_ids.get(ids[0]))
        alle_ids.update({i: pad for i in ids[:1]})
        # 4.1.1: the feed's own address (rel=self) and the page it is the feed of (rel=alternate)
        (zelf,) = _links(feed, "self")
        assert zelf.get("href") == ADRES + pad and zelf.get("type") == "application/atom+xml"
        alternatief = _links(feed, "alternate")
        assert len(alternatief) == 1, (pad, "feed zonder (of met meer dan een) rel=alternate")
        assert _lokaal(site, alternatief[0].get("href")).is_file(), alternatief[0].get("href")
        # 4.1.1: an author on the feed, or on every entry (the schema's Schematron rule)
        assert feed.find("atom:author", NS) is not None or all(e.find("atom:author", NS) is not None for e in entries)
        for datum in [feed.findtext("atom:updated", namespaces=NS)] + [
            e.findtext(n, namespaces=NS) for e in entries for n in ("atom:updated", "atom:published")
        ]:
            assert datum is None or RFC3339.fullmatch(datum), (pad, datum)
        for entry in entries:
            eigen = entry.findtext("atom:id", namespaces=NS)
            # 4.1.2: at most one alternate per type and hreflang; this site gives each entry exactly one page
            alternatieven = _links(entry, "alternate")
            assert len(alternatieven) == 1, (pad, eigen)
            assert _lokaal(site, alternatieven[0].get("href")).is_file(), (pad, alternatieven[0].get("href"))
            # 4.1.1.1: a summary where the content is not inline text (src, or a non-XML media type)
            inhoud = entry.find("atom:content", NS)
            if inhoud is not None and (
                inhoud.get("src") or inhoud.get("type", "text") not in ("text", "html", "xhtml")
            ):
                assert entry.find("atom:summary", NS) is not None, (pad, eigen)


def test_every_feed_is_announced_by_the_page_it_is_the_feed_of(site):
    """Autodiscovery: the feed's rel=alternate page names the feed in its head, so that a browser or feed reader
    finds it from the page (``<link rel="alternate" type="application/atom+xml" href=…>``)."""
    ontbrekend = []
    for pad, boom in _feeds(site).items():
        (alternatief,) = _links(boom.getroot(), "alternate")
        pagina = alternatief.get("href")
        kop = lxml.html.fromstring(_lokaal(site, pagina).read_bytes()).find("head")
        aangekondigd = {
            urljoin(pagina, link.get("href", ""))
            for link in kop.iter("link")
            if "alternate" in link.get("rel", "").split() and link.get("type") == "application/atom+xml"
        }
        if ADRES + pad not in aangekondigd:
            ontbrekend.append(f"{pagina} kondigt {pad} niet aan")
    assert ontbrekend == []
