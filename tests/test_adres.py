"""The site on its real address: a Pages sub-path, with feeds, calendar and sitemap pointing there."""

from __future__ import annotations

import functools
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest

from conftest import MINIMAAL, ROOT
from sitebouw import mkdocs_build

SUBPAD = "/uitvoeringsagenda-3noord/"


class _Stil(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Verwijzingen(HTMLParser):
    """Every address a page loads or links to: a/href, link/href, script/src, img/src."""

    def __init__(self):
        super().__init__()
        self.adressen: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("a", "link") and a.get("href"):
            self.adressen.append(a["href"])
        if tag in ("script", "img") and a.get("src"):
            self.adressen.append(a["src"])


@pytest.fixture(scope="module")
def gepubliceerd(tmp_path_factory):
    """The 3Noord site built for, and served under, a sub-path — as GitHub Pages serves a project site."""
    www = tmp_path_factory.mktemp("pages")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stil, directory=str(www)))
    basis = f"http://127.0.0.1:{server.server_address[1]}{SUBPAD}"
    resultaat = mkdocs_build(
        ROOT / "mkdocs.yml", www / SUBPAD.strip("/"), "2026-11-22", extra_env={"AGENDA_SITE_URL": basis}
    )
    assert resultaat.returncode == 0, resultaat.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield basis, www / SUBPAD.strip("/")
    server.shutdown()


def _haal(adres: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(adres, timeout=10) as antwoord:
            return antwoord.status, antwoord.read(), antwoord.headers.get_content_type()
    except urllib.error.HTTPError as fout:
        return fout.code, b"", ""


def test_every_link_on_every_page_resolves_under_the_sub_path(gepubliceerd):
    basis, site = gepubliceerd
    host = urlsplit(basis).netloc
    te_doen, gezien, kapot, buiten = [basis, basis + "404.html"], set(), [], []
    while te_doen:
        adres = te_doen.pop()
        if adres in gezien:
            continue
        gezien.add(adres)
        status, inhoud, soort = _haal(adres)
        if status != 200:
            kapot.append(adres)
            continue
        if soort != "text/html":
            continue
        lezer = _Verwijzingen()
        lezer.feed(inhoud.decode("utf-8"))
        for verwijzing in lezer.adressen:
            doel = urldefrag(urljoin(adres, verwijzing)).url
            if urlsplit(doel).netloc != host:
                continue  # the repository's edit links: another site, not this one's business
            if not doel.startswith(basis):
                buiten.append((adres, verwijzing))
            elif doel not in gezien:
                te_doen.append(doel)
    assert kapot == []
    assert buiten == []
    # every page is reachable from another page (or is the 404 page the server shows)
    paginas = {basis + p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")}
    assert len(paginas) > 40
    assert sorted(paginas - gezien) == []


def test_feeds_calendar_and_sitemap_point_at_the_published_address(gepubliceerd):
    basis, site = gepubliceerd
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = sorted(f for f in site.glob("*.xml") if ET.parse(f).getroot().tag == f"{atom}feed")
    assert feeds
    links = [e.find(f"{atom}link").get("href") for f in feeds for e in ET.parse(f).getroot().findall(f"{atom}entry")]
    ical = (site / "planning.ics").read_bytes().decode("utf-8").replace("\r\n ", "")
    agenda_urls = re.findall(r"^URL:(.+?)\r?$", ical, re.M)
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert links and agenda_urls and len(locs) > 30
    for adres in sorted(set(links + agenda_urls + locs)):
        assert adres.startswith(basis), adres
        assert _haal(adres)[0] == 200, adres


def test_a_public_build_without_an_address_stops_in_dutch(tmp_path):
    # a programme whose mkdocs.yml names no site_url, built without the address the workflow passes
    resultaat = mkdocs_build(MINIMAAL / "mkdocs.yml", tmp_path / "s", extra_env={"AGENDA_SITE_URL": None})
    assert resultaat.returncode == 1
    assert "Het adres van de site ontbreekt — zet site_url in mkdocs.yml, of geef het mee als AGENDA_SITE_URL" in (
        resultaat.stderr
    )
    assert "Traceback" not in resultaat.stderr and not (tmp_path / "s").exists()
