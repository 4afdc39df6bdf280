"""The agenda as a PDF people can file: made by the build for the werkversie and every version, tagged (PDF/UA-1),
in Dutch, with bookmarks from its headings, the print footer and embedded fonts; linked from its page."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import pytest
from pypdf import PdfReader
from sitebouw import mkdocs_build, pagina

from conftest import MINIMAAL, ROOT
from regioagenda.publiceren.lekcontrole import zoek_lekken
from regioagenda.publiceren.pdf import maak_pdf
from regioagenda.records.laden import laad
from regioagenda.records.stukken import inhoudsvondsten
from regioagenda.samenstellen.adressen import Opties
from regioagenda.samenstellen.afdrukken import Afdruk, afdrukken

BASIS = "https://voorbeeld.github.io/uitvoeringsagenda-3noord/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    uit = tmp_path_factory.mktemp("pdf") / "site"
    resultaat = mkdocs_build(ROOT / "mkdocs.yml", uit, "2026-11-22", extra_env={"AGENDA_SITE_URL": BASIS})
    assert resultaat.returncode == 0, resultaat.stderr
    return uit


def _lezer(pad) -> PdfReader:
    return PdfReader(io.BytesIO(pad.read_bytes()))


def _bladwijzers(lijst) -> list[str]:
    return [t for w in lijst for t in (_bladwijzers(w) if isinstance(w, list) else [w.title])]


def test_the_agenda_page_links_its_pdf_which_the_build_made(site):
    html = pagina(site, "uitvoeringsagenda")
    [link] = re.findall(r'<p class="agenda-pdf"><a href="([^"]+)" download>Download als PDF</a> \(A4, (\d+) kB\)', html)
    assert link[0] == "werkversie.pdf"
    pdf = site / "uitvoeringsagenda" / "werkversie.pdf"
    assert round(pdf.stat().st_size / 1024) == int(link[1])
    # right under the title, before the text
    assert '</h1>\n<p class="agenda-pdf">' in html


def test_the_pdf_is_tagged_dutch_with_bookmarks_footer_and_embedded_fonts(site):
    lezer = _lezer(site / "uitvoeringsagenda" / "werkversie.pdf")
    catalogus = lezer.trailer["/Root"]
    assert catalogus["/Lang"] == "nl"
    assert bool(catalogus["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalogus
    xmp = catalogus["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid" in xmp and re.search(r"pdfuaid:part[^0-9]*1", xmp)
    assert lezer.metadata.title == "Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord — werkversie"
    bladwijzers = _bladwijzers(lezer.outline)
    assert bladwijzers[0] == "Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord"
    assert "1. Inleiding" in bladwijzers and len(bladwijzers) > 10
    aantal = len(lezer.pages)
    assert aantal > 10
    for nummer, blad in enumerate(lezer.pages, 1):
        tekst = blad.extract_text()
        assert f"pagina {nummer} van {aantal}" in tekst
        assert (
            "Uitvoeringsagenda Schaarse voorzieningen Jeugd 3Noord · werkversie · peildatum 22 november 2026" in tekst
        )
        for lettertype in (blad["/Resources"].get("/Font") or {}).values():
            lettertype = lettertype.get_object()
            beschrijving = lettertype["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(beschrijving), lettertype["/BaseFont"]
    assert "Werkversie (concept): de stand op 22 november 2026" in lezer.pages[0].extract_text()


def test_the_pdf_passes_the_check_every_published_paper_passes(site):
    inhoud = (site / "uitvoeringsagenda" / "werkversie.pdf").read_bytes()
    vondsten, gegevens = inhoudsvondsten(inhoud, "werkversie.pdf")
    assert vondsten == [] and gegevens.mediatype == "application/pdf"
    assert b"/JavaScript" not in inhoud and b"/Launch" not in inhoud and b"/URI" not in inhoud


def test_the_same_records_give_the_same_bytes():
    agenda = laad(ROOT).agenda
    [werk] = afdrukken(agenda, Opties(dt.date(2026, 11, 22)))
    assert maak_pdf(werk, "Programma") == maak_pdf(werk, "Programma")


def test_every_vastgestelde_version_has_its_own_pdf(tmp_path):
    from regioagenda.werkstroom.opdrachten import nieuw_besluit, vaststellen, zet_stap

    root = tmp_path / "programma"
    shutil.copytree(MINIMAAL, root)
    nieuw_besluit(root, titel="Agenda 2024", soort="vaststelling", samenvatting="V.", datum="2024-03-01")
    zet_stap(root, 3, gremium="bestuur", uitkomst="geaccordeerd", datum="2024-03-15")
    vaststellen(root, versie="2024.1", besluit=3)
    site = tmp_path / "site"
    resultaat = mkdocs_build(root / "mkdocs.yml", site, "2026-11-22")
    assert resultaat.returncode == 0, resultaat.stderr
    versie = _lezer(site / "uitvoeringsagenda" / "versies" / "2024.1.pdf")
    eerste = versie.pages[0].extract_text()
    assert "Vastgestelde versie 2024.1, geaccordeerd op 15 maart 2024 met besluit 3: Agenda 2024" in eerste
    assert " · versie 2024.1 · vastgesteld 15 maart 2024" in eerste
    # the version's page and the agenda's own address (the latest version) offer it; the werkversie its own
    assert 'href="../2024.1.pdf"' in pagina(site, "uitvoeringsagenda/versies/2024.1")
    assert 'href="versies/2024.1.pdf"' in pagina(site, "uitvoeringsagenda")
    assert 'href="../werkversie.pdf"' in pagina(site, "uitvoeringsagenda/werkversie")
    assert "werkversie" in _lezer(site / "uitvoeringsagenda" / "werkversie.pdf").pages[0].extract_text()


def test_a_programme_can_leave_the_pdf_out(tmp_path):
    root = tmp_path / "programma"
    shutil.copytree(MINIMAAL, root)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - uitvoeringsagenda:", "  - uitvoeringsagenda:\n      pdf: false", 1),
        "utf-8",
    )
    site = tmp_path / "site"
    resultaat = mkdocs_build(config, site, "2026-11-22")
    assert resultaat.returncode == 0, resultaat.stderr
    assert not list(site.rglob("*.pdf")) and "agenda-pdf" not in pagina(site, "uitvoeringsagenda")


def test_the_leak_check_reads_inside_a_pdf(tmp_path):
    """A PDF's text is compressed: the check of the built output reads it, so a confidential text cannot hide."""
    afdruk = Afdruk(
        "a.pdf", ("a.md",), "Titel", "Voet", "# Titel\n\nHet geheime overleg met zorgaanbieder Noorderlicht.\n"
    )
    (tmp_path / "a.pdf").write_bytes(maak_pdf(afdruk, "Programma"))
    assert b"Noorderlicht" not in (tmp_path / "a.pdf").read_bytes()
    assert zoek_lekken(tmp_path, {"zorgaanbieder noorderlicht": "0007"}) == [("a.pdf", "0007")]
