"""Click through the built 3Noord site in headless Chromium (Debian's), with axe-core on every page type."""

from __future__ import annotations

import functools
import io
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader
from sitebouw import PAGINATYPEN, mkdocs_build

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class _StilleHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _gepubliceerd(tmp_path_factory, naam: str, config):
    """Build a site for a Pages-like sub-path and serve it there; yields the site's address."""
    www = tmp_path_factory.mktemp(naam)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(www)))
    basis = f"http://127.0.0.1:{server.server_address[1]}/{naam}/"
    resultaat = mkdocs_build(config, www / naam, "2026-11-22", extra_env={"AGENDA_SITE_URL": basis})
    assert resultaat.returncode == 0, resultaat.stderr
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    return server, basis


@pytest.fixture(scope="module")
def adres(tmp_path_factory):
    server, basis = _gepubliceerd(tmp_path_factory, "uitvoeringsagenda-3noord", ROOT / "mkdocs.yml")
    yield basis
    server.shutdown()


@pytest.fixture
def pagina(browser, adres):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.elders = []
    page.on("request", lambda r: page.elders.append(r.url) if not r.url.startswith((adres, "data:", "blob:")) else None)
    # a request of the site's own that fails is an error in every visitor's console (Lighthouse: best practices)
    page.mislukt = []
    page.on("response", lambda r: page.mislukt.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield page
    context.close()


@pytest.mark.parametrize("pad", PAGINATYPEN)
def test_page_type_loads_is_accessible_and_stays_on_its_origin(pagina, adres, pad):
    antwoord = pagina.goto(adres + pad)
    assert antwoord.ok
    assert pagina.locator("article h1").first.is_visible()
    pagina.wait_for_load_state("networkidle")
    resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert pagina.elders == []
    assert pagina.mislukt == []


def test_sidebar_navigation(pagina, adres):
    pagina.goto(adres)
    pagina.locator(".md-sidebar--primary").get_by_role("link", name="Deelopdrachten", exact=True).click()
    pagina.wait_for_url(adres + "deelopdrachten/")
    assert pagina.locator("article h1").inner_text().rstrip("¶") == "Deelopdrachten"
    pagina.get_by_role("link", name="JeugdhulpPlus", exact=True).first.click()
    pagina.wait_for_url(adres + "deelopdrachten/jeugdhulpplus/")
    assert pagina.locator("article h1").inner_text().rstrip("¶") == "JeugdhulpPlus"


def test_dutch_search_finds_the_charter(pagina, adres):
    with pagina.expect_response(lambda r: r.url.endswith("search/search_index.json")):
        pagina.goto(adres)
    pagina.wait_for_load_state("networkidle")
    zoekveld = pagina.locator("input.md-search__input")
    zoekveld.click()
    resultaat = pagina.locator('.md-search-result__link[href*="deelopdrachten/jeugdhulpplus/"]').first
    for _ in range(3):  # the search worker may still be indexing when the first query arrives
        zoekveld.fill("")
        zoekveld.press_sequentially("JeugdhulpPlus", delay=40)
        try:
            resultaat.wait_for(timeout=8000)
            break
        except Exception:
            continue
    assert "JeugdhulpPlus" in resultaat.inner_text()
    assert pagina.elders == []


def test_edit_link_opens_the_source_record(pagina, adres):
    pagina.goto(adres + "deelopdrachten/jeugdhulpplus/")
    knop = pagina.locator("a.md-content__button").first
    assert knop.is_visible()
    assert knop.get_attribute("href").endswith("/edit/main/agenda/deelopdrachten/jeugdhulpplus.md")


def test_print_view_of_the_agenda_is_complete(pagina, adres):
    pagina.goto(adres + "uitvoeringsagenda/")
    pagina.emulate_media(media="print")
    for kop in ("1. Inleiding", "5.3 Deelopdrachten", "Overige klinische functies", "8. Risico's", "9.3 Aanbieders"):
        assert pagina.get_by_role("heading", name=kop, exact=True).first.is_visible(), kop
    assert not pagina.locator(".md-sidebar--primary").is_visible()
    assert not pagina.locator(".md-header").is_visible()
    pdf = pagina.pdf(format="A4")
    assert (
        pdf.startswith(b"%PDF")
        and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/") > 10
    )


def test_nulplaat_board_reads_left_to_right_with_ambition_top_right(pagina, adres):
    pagina.goto(adres + "nulplaten/uitvoeringsagenda-2023/")
    ambitie = pagina.locator(".nulplaat__ambitie").bounding_box()
    knoppen = pagina.locator(".nulplaat__knop")
    eerste, tweede = knoppen.nth(0).bounding_box(), knoppen.nth(1).bounding_box()
    assert ambitie["x"] > eerste["x"] and ambitie["y"] <= eerste["y"] + 60
    assert tweede["x"] > eerste["x"] and abs(tweede["y"] - eerste["y"]) < 5
    pagina.set_viewport_size({"width": 390, "height": 800})
    ambitie, eerste = pagina.locator(".nulplaat__ambitie").bounding_box(), knoppen.nth(0).bounding_box()
    assert ambitie["y"] < eerste["y"]  # on a phone the ambition comes first


@pytest.fixture(scope="module")
def versie_adres(tmp_path_factory):
    """The fixture programme with two vastgestelde versions, served locally."""
    from conftest import MINIMAAL
    from regioagenda.werkstroom.opdrachten import nieuw_besluit, vaststellen, zet_stap

    root = tmp_path_factory.mktemp("versies") / "programma"
    shutil.copytree(MINIMAAL, root)
    for nummer, (jaar, versie) in enumerate([("2024", "2024.1"), ("2025", "2025.1")], start=3):
        nieuw_besluit(root, titel=f"Agenda {jaar}", soort="vaststelling", samenvatting="V.", datum=f"{jaar}-03-01")
        zet_stap(root, nummer, gremium="bestuur", uitkomst="geaccordeerd", datum=f"{jaar}-03-15")
        if versie == "2025.1":
            tekst = (root / "agenda/hoofdstukken/inleiding.md").read_text(encoding="utf-8")
            (root / "agenda/hoofdstukken/inleiding.md").write_text(
                tekst.replace("Dit is", "Dit is nu"), encoding="utf-8"
            )
        vaststellen(root, versie=versie, besluit=nummer)
    site = root.parent / "site"
    assert mkdocs_build(root / "mkdocs.yml", site).returncode == 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StilleHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize(
    "pad",
    [
        "uitvoeringsagenda/",
        "uitvoeringsagenda/versies/",
        "uitvoeringsagenda/versies/2025.1/",
        "uitvoeringsagenda/werkversie/",
    ],
)
def test_version_pages_are_accessible(browser, versie_adres, pad):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    assert page.goto(versie_adres + pad).ok
    assert "versie" in page.locator("article").inner_text().lower()
    resultaat = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    context.close()
    assert resultaat.violations_count == 0, resultaat.generate_report()


GRONINGEN_PAGINAS = [
    "",
    "advies/",
    "ontwikkeltafels/",
    "ontwikkeltafels/toegang-via-verschillende-verwijzers/",
    "besluiten/0001-opdrachtformuleringen-ontwikkeltafels/",
    "besluiten/0002-regiovisie-groningse-gemeenten/",
    "nulplaten/de-juiste-zorg/",
    "planning/",
    "regios/",
    "vergaderingen/adviescommissie-jeugdhulp/",
]


@pytest.fixture(scope="module")
def groningen_adres(tmp_path_factory):
    config = ROOT / "tests" / "programmas" / "groningen-ontwikkeltafels" / "mkdocs.yml"
    server, basis = _gepubliceerd(tmp_path_factory, "ontwikkeltafels", config)
    yield basis
    server.shutdown()


@pytest.mark.parametrize("pad", GRONINGEN_PAGINAS)
def test_the_second_programme_is_accessible_too(browser, groningen_adres, pad):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    elders = []
    pagina.on("request", lambda r: elders.append(r.url) if not r.url.startswith((groningen_adres, "data:")) else None)
    assert pagina.goto(groningen_adres + pad).ok
    pagina.wait_for_load_state("networkidle")
    resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert elders == []
    context.close()


BUITEN_BEELD = """() => {
  const breedte = document.documentElement.clientWidth;
  const buiten = [];
  const lezer = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  while (lezer.nextNode()) {
    const knoop = lezer.currentNode;
    if (!knoop.textContent.trim()) continue;
    // a chart needs its two-dimensional layout (WCAG 1.4.10's exception) and scrolls in its own frame; the table
    // under it gives every value in text that reflows
    if (knoop.parentElement.closest(".kengetal-kader")) continue;
    const bereik = document.createRange();
    bereik.selectNodeContents(knoop);
    if ([...bereik.getClientRects()].some((r) => r.width > 0 && (r.right > breedte + 1 || r.left < -1))) {
      buiten.push(knoop.textContent.trim().slice(0, 40));
    }
  }
  return buiten;
}"""
"""Text of the article that lies (partly) outside the viewport: what a reader would have to scroll sideways for
(a chart's labels aside: the chart scrolls in its own frame)."""


def _buiten_beeld(browser, adres: str, paden: list[str], breedte: int, afdruk: bool = False) -> dict[str, list[str]]:
    """Per page: the text a reader at this width (or on paper) would not see without scrolling sideways."""
    context = browser.new_context(viewport={"width": breedte, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    if afdruk:
        pagina.emulate_media(media="print")
    buiten = {}
    for pad in paden:
        assert pagina.goto(adres + pad).ok
        gevonden = pagina.evaluate(BUITEN_BEELD)
        if gevonden:
            buiten[pad] = gevonden[:5]
    context.close()
    return buiten


@pytest.mark.parametrize("breedte", [320, 390, 1366])
def test_every_page_type_reads_without_sideways_scrolling(browser, adres, breedte):
    assert _buiten_beeld(browser, adres, PAGINATYPEN, breedte) == {}


def test_every_page_type_fits_the_printable_width_of_a4(browser, adres):
    # A4 is 210 mm wide; agenda.css leaves 182 mm between the margins: 688 CSS pixels.
    assert _buiten_beeld(browser, adres, PAGINATYPEN, 688, afdruk=True) == {}


def test_the_agenda_prints_to_a4_with_a_line_saying_what_it_is(browser, adres):
    context = browser.new_context(locale="nl-NL")
    pagina = context.new_page()
    pagina.goto(adres + "uitvoeringsagenda/")
    stijl = pagina.locator('style[media="print"]').inner_text()
    assert "werkversie" in stijl and "peildatum 22 november 2026" in stijl
    assert "Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord" in stijl
    pdf = pagina.pdf(prefer_css_page_size=True)
    context.close()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) > 10
    # the footer line and page number are in the page's own sans-serif, not the browser's default serif
    lettertypen = set()
    for blad in PdfReader(io.BytesIO(pdf)).pages:
        lettertypen |= {str(f.get_object()["/BaseFont"]) for f in (blad["/Resources"].get("/Font") or {}).values()}
    assert lettertypen and not [f for f in lettertypen if "serif" in f.lower().replace("sans", "")], lettertypen


@pytest.mark.parametrize("breedte", [320, 390])
def test_the_second_programme_reads_on_a_phone_too(browser, groningen_adres, breedte):
    assert _buiten_beeld(browser, groningen_adres, GRONINGEN_PAGINAS, breedte) == {}


_GEBROKEN_WOORDEN = """() => {
  const uit = [];
  for (const kop of document.querySelectorAll("article h1")) {
    const tekst = document.createTreeWalker(kop, NodeFilter.SHOW_TEXT);
    for (let n = tekst.nextNode(); n; n = tekst.nextNode()) {
      if (n.parentElement.closest(".headerlink")) continue;
      for (const m of n.data.matchAll(/\\S+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const regels = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
        if (regels.size > 1) uit.push(m[0]);
      }
    }
    uit.push("hyphens=" + getComputedStyle(kop).hyphens);
  }
  return uit;
}"""


def test_titles_keep_their_words_whole_on_a_phone(browser, adres):
    """At 320 px a title's words stay whole, up to twenty letters; a longer Dutch compound is left to the browser's
    hyphenation (hyphens: auto, the page is lang="nl"), never cut without a hyphen by the theme alone."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    page = context.new_page()
    gebroken = {}
    for pad in PAGINATYPEN:
        page.goto(adres + pad)
        uit = page.evaluate(_GEBROKEN_WOORDEN)
        assert "hyphens=auto" in uit, pad
        lang = [w for w in uit if not w.startswith("hyphens=") and len(w) <= 20]
        if lang:
            gebroken[pad] = lang
    context.close()
    assert gebroken == {}


def test_key_figure_labels_stay_readable_on_a_phone(browser, adres):
    """The chart's labels render at 10 px or more at 320 px: the chart scrolls in its own frame (focusable, named)
    instead of shrinking, and the page itself does not scroll sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.goto(adres + "deelopdrachten/jeugdhulpplus/")
    maten = page.evaluate(
        """() => [...document.querySelectorAll("svg.kengetal text")].map((t) => t.getBoundingClientRect().height)"""
    )
    kader = page.locator(".kengetal-kader").first
    assert kader.get_attribute("tabindex") == "0" and kader.get_attribute("aria-label").startswith("Grafiek: ")
    breedte = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    assert maten and min(maten) >= 10, maten
    assert breedte[0] <= breedte[1]
