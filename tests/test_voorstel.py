"""'Een voorstel doen' in a real browser: fill the form, decode what it would open at the repository host, put that
file (or line) into a copy of the repository and run the record check on it.

Both programmes: 3Noord (a GitHub repository, so the form opens the host's editor) and the Groningen ontwikkeltafels
(no repository named: the form still makes the text, and says how to hand it in). The page is axe-clean, reads at
320 px, loads nothing from elsewhere and degrades honestly without JavaScript; the built-output check trusts the
form's script only byte for byte.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT
from regioagenda.publiceren.uitvoercontrole import controleer_uitvoer
from regioagenda.records.laden import laad
from regioagenda.werkstroom.opdrachten import nieuw_besluit
from sitebouw import mkdocs_build
from test_browser import BUITEN_BEELD, WCAG, _gepubliceerd

GRONINGEN = ROOT / "tests" / "programmas" / "groningen-ontwikkeltafels"
PAD = "besluiten/voorstel/"
REPO = "https://github.com/voorbeeld-organisatie/uitvoeringsagenda-3noord"
LASTIGE_TITEL = 'Toegang: "sneller" <script>alert(1)</script> & één loket'


@pytest.fixture(scope="module")
def adres(tmp_path_factory):
    server, basis = _gepubliceerd(tmp_path_factory, "uitvoeringsagenda-3noord", ROOT / "mkdocs.yml")
    yield basis
    server.shutdown()


@pytest.fixture(scope="module")
def groningen_adres(tmp_path_factory):
    server, basis = _gepubliceerd(tmp_path_factory, "ontwikkeltafels", GRONINGEN / "mkdocs.yml")
    yield basis
    server.shutdown()


def _open(browser, basis: str, breedte: int = 1280, script: bool = True):
    context = browser.new_context(
        viewport={"width": breedte, "height": 900}, locale="nl-NL", java_script_enabled=script
    )
    pagina = context.new_page()
    pagina.elders = []
    pagina.on(
        "request", lambda r: pagina.elders.append(r.url) if not r.url.startswith((basis, "data:", "blob:")) else None
    )
    assert pagina.goto(basis + PAD).ok
    return context, pagina


def _kopie(tmp_path: Path, bron: Path) -> Path:
    """The programme's repository as a contributor's pull request would find it."""
    root = tmp_path / "repo"
    for deel in ("agenda", "decisions", "docs"):
        shutil.copytree(bron / deel, root / deel)
    shutil.copy(bron / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _schoon(root: Path) -> None:
    problemen = laad(root).problemen
    assert problemen == (), "\n".join(map(str, problemen))


def _vul_nieuw(pagina, titel: str, samenvatting: str, soort: str, onderdelen=(), regios=None, koppen=None) -> None:
    formulier = pagina.locator("#voorstel-nieuw")
    formulier.get_by_label("Titel", exact=True).fill(titel)
    formulier.get_by_label("Samenvatting", exact=True).fill(samenvatting)
    formulier.locator(f"#voorstel-soort-{soort}").check()
    for naam in onderdelen:
        formulier.get_by_label(naam, exact=True).check()
    if regios == []:
        formulier.locator("#voorstel-regios-geen").check()
    elif regios:
        formulier.locator("#voorstel-regios-sommige").check()
        for regio in regios:
            formulier.locator(f"#voorstel-regio-{regio}").check()
    for kop, tekst in (koppen or {}).items():
        formulier.get_by_label(kop, exact=True).fill(tekst)
    formulier.get_by_role("button", name="Maak het bestand").click()


def _bestand_uit_adres(href: str, map_: str = "decisions") -> tuple[str, str]:
    """The file name and content the host's new-file page would be opened with."""
    delen = urlsplit(href)
    assert f"{delen.scheme}://{delen.netloc}{delen.path}" == f"{REPO}/new/main/{map_}"
    vraag = parse_qs(delen.query, keep_blank_values=True, strict_parsing=True)
    assert set(vraag) == {"filename", "value"}
    return vraag["filename"][0], vraag["value"][0]


def _plak_stap(root: Path, bestand: str, regel: str) -> None:
    """Do what the page asks: the line under the last step of 'verloop:' (or replacing 'verloop: []')."""
    regels = (root / bestand).read_text(encoding="utf-8").split("\n")
    if "verloop: []" in regels:
        i = regels.index("verloop: []")
        regels[i : i + 1] = ["verloop:", regel]
    else:
        i = regels.index("verloop:") + 1
        while regels[i].startswith("  "):
            i += 1
        regels.insert(i, regel)
    (root / bestand).write_text("\n".join(regels), encoding="utf-8")


# --- a new decision ------------------------------------------------------------------------------------------------


def test_a_proposal_typed_in_the_form_opens_the_host_with_a_record_that_passes_the_check(browser, adres, tmp_path):
    context, pagina = _open(browser, adres)
    _vul_nieuw(
        pagina,
        LASTIGE_TITEL,
        "Eén centrale toegang,\nzodat jeugdigen sneller \\ de juiste plek vinden: 100%.",
        "agendawijziging",
        onderdelen=["JeugdhulpPlus", "Forensisch"],
        regios=["drenthe", "friesland"],
        koppen={"Aanleiding": "Wachtlijsten.\r\n\r\n- te lang\n- te veel", "Gevolgen": "Zie <b>vet</b>"},
    )
    uitkomst = pagina.locator("#voorstel-nieuw .agenda-voorstel__uitkomst")
    # The record check refuses HTML in a record's text: the form says so before anything is opened.
    assert pagina.locator("#voorstel-nieuw-fouten li").all_inner_texts() == [
        "Bij 'Gevolgen': schrijf gewone tekst zonder HTML-codes zoals <b>; die worden niet gepubliceerd."
    ]
    assert not uitkomst.is_visible()
    pagina.get_by_label("Gevolgen", exact=True).fill("### Kop\nMinder **wachten** & 1 < 2.")
    pagina.get_by_role("button", name="Maak het bestand").click()
    assert uitkomst.is_visible()
    assert pagina.evaluate("document.activeElement.id") == "voorstel-nieuw-klaar"
    naam, tekst = _bestand_uit_adres(uitkomst.locator("a.agenda-voorstel__open").get_attribute("href"))
    assert naam == "0005-toegang-sneller-script-alert-1-script-een-loket.md"
    assert uitkomst.locator(".agenda-voorstel__bestand").inner_text() == "decisions/" + naam
    assert uitkomst.locator(".agenda-voorstel__tekst").inner_text() == tekst  # what you copy is what opens
    assert pagina.elders == []
    context.close()

    root = _kopie(tmp_path, ROOT)
    (root / "decisions" / naam).write_text(tekst, encoding="utf-8")
    _schoon(root)
    b = laad(root).agenda.besluiten[5]
    assert b.titel == LASTIGE_TITEL
    assert b.samenvatting == "Eén centrale toegang, zodat jeugdigen sneller \\ de juiste plek vinden: 100%."
    assert b.soort.value == "agendawijziging"
    assert b.deelopdrachten == ("jeugdhulpplus", "forensisch")
    assert tuple(b.regios) == ("drenthe", "friesland")
    [stap] = b.stappen
    assert stap.uitkomst.id == "ingebracht" and stap.gremium is None
    assert str(stap.datum) == dt.date.today().isoformat()
    assert "Wachtlijsten.\n\n- te lang\n- te veel" in tekst and "\r" not in tekst
    assert tekst.count("Nader in te vullen.") == 2  # the headings left empty, as the command writes them


def test_the_form_writes_the_file_exactly_as_the_command_does(browser, adres, tmp_path):
    context, pagina = _open(browser, adres)
    _vul_nieuw(pagina, "Ruimte voor één pilot", "Kort.", "besluit", regios=[])
    naam, tekst = _bestand_uit_adres(pagina.locator("#voorstel-nieuw a.agenda-voorstel__open").get_attribute("href"))
    context.close()
    root = _kopie(tmp_path, ROOT)
    uit = nieuw_besluit(
        root, titel="Ruimte voor één pilot", soort="besluit", samenvatting="Kort.", datum=dt.date.today().isoformat(),
        regios=[],
    )  # fmt: skip
    assert uit.pad == "decisions/" + naam
    assert (root / uit.pad).read_text(encoding="utf-8") == tekst


def test_a_decision_outside_the_route_starts_without_steps(browser, adres, tmp_path):
    context, pagina = _open(browser, adres)
    pagina.locator("#voorstel-zonder-route").check()
    _vul_nieuw(pagina, "Besluit van de gemeenten", "De gemeenten besluiten zelf.", "besluit")
    naam, tekst = _bestand_uit_adres(pagina.locator("#voorstel-nieuw a.agenda-voorstel__open").get_attribute("href"))
    context.close()
    assert "verloop: []\n" in tekst and "regios" not in tekst  # every region: the field left out
    root = _kopie(tmp_path, ROOT)
    (root / "decisions" / naam).write_text(tekst, encoding="utf-8")
    _schoon(root)


def test_what_is_missing_is_said_in_words_at_the_field_and_on_top(browser, adres):
    context, pagina = _open(browser, adres)
    formulier = pagina.locator("#voorstel-nieuw")
    formulier.locator("#voorstel-regios-sommige").check()
    formulier.get_by_role("button", name="Maak het bestand").click()
    fouten = formulier.locator(".agenda-voorstel__fouten")
    assert fouten.is_visible()
    assert pagina.evaluate("document.activeElement.id") == "voorstel-nieuw-fouten"
    assert fouten.locator("li").all_inner_texts() == [
        "Vul een titel in.",
        "Vul een samenvatting in.",
        "Kies wat voor voorstel het is.",
        "Kies ten minste één van de regio's, of kies 'alle' of 'geen'.",
    ]
    assert formulier.get_by_label("Titel", exact=True).get_attribute("aria-invalid") == "true"
    assert not formulier.locator(".agenda-voorstel__uitkomst").is_visible()
    resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    # Fixed, the messages go away.
    _vul_nieuw(pagina, "Titel", "Samenvatting.", "signaal", regios=["groningen"])
    assert not fouten.is_visible() and formulier.locator(".agenda-voorstel__fout").count() == 0
    context.close()


# --- a step on an existing decision ---------------------------------------------------------------------------------


def test_a_step_offers_only_the_outcomes_of_that_body_and_its_line_passes_the_check(browser, adres, tmp_path):
    context, pagina = _open(browser, adres)
    formulier = pagina.locator("#voorstel-stap")
    formulier.get_by_label("Besluit", exact=True).select_option(label="3: Uitvoeringsagenda Schaarse voorzieningen "
                                                             "Jeugd 3Noord 2023 – 2026 (voorgesteld)")  # fmt: skip
    uitkomst = formulier.get_by_label("Uitkomst", exact=True)
    formulier.get_by_label("Gremium", exact=True).select_option(label="Stuurgroep")
    assert uitkomst.locator("option").all_inner_texts()[1:] == ["geaccordeerd", "afgewezen", "ingetrokken"]
    formulier.get_by_label("Gremium", exact=True).select_option(label="Regiegroep")
    assert uitkomst.locator("option").all_inner_texts()[1:] == [
        "besproken", "geadviseerd", "teruggekoppeld", "ingetrokken",
    ]  # fmt: skip
    uitkomst.select_option("besproken")
    formulier.get_by_label("Datum", exact=True).fill("2023-10-12")
    formulier.get_by_label("Toelichting (niet verplicht)").fill('Besproken; "positief"')
    formulier.get_by_role("button", name="Maak de regel").click()
    klaar = formulier.locator(".agenda-voorstel__uitkomst")
    regel = klaar.locator(".agenda-voorstel__tekst").inner_text()
    assert (
        regel
        == '  - {datum: 2023-10-12, gremium: regiegroep, uitkomst: besproken, toelichting: "Besproken; \\"positief\\""}'
    )
    href = klaar.locator("a.agenda-voorstel__open").get_attribute("href")
    assert href == f"{REPO}/edit/main/decisions/0003-vaststelling-uitvoeringsagenda-2023-2026.md"
    assert klaar.locator(".agenda-voorstel__met-stappen").is_visible()
    assert not klaar.locator(".agenda-voorstel__zonder-stappen").is_visible()
    resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    context.close()

    root = _kopie(tmp_path, ROOT)
    _plak_stap(root, "decisions/0003-vaststelling-uitvoeringsagenda-2023-2026.md", regel)
    _schoon(root)
    agenda = laad(root).agenda
    laatste = agenda.besluiten[3].verloop[-1]
    assert (laatste.datum.iso, laatste.gremium, laatste.uitkomst.id) == ("2023-10-12", "regiegroep", "besproken")
    assert agenda.status(agenda.besluiten[3]).value == "voorgesteld"  # taking note moves nothing


def test_a_step_after_today_must_be_marked_planned(browser, adres, tmp_path):
    context, pagina = _open(browser, adres)
    formulier = pagina.locator("#voorstel-stap")
    formulier.get_by_label("Besluit", exact=True).select_option(index=3)
    formulier.get_by_label("Gremium", exact=True).select_option("regiegroep")
    formulier.get_by_label("Uitkomst", exact=True).select_option("besproken")
    morgen = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    formulier.get_by_label("Datum", exact=True).fill(morgen)
    formulier.get_by_role("button", name="Maak de regel").click()
    assert formulier.locator(".agenda-voorstel__fouten li").all_inner_texts() == [
        "Die datum ligt na vandaag. Vink 'gepland' aan als de stap nog moet worden gezet."
    ]
    formulier.get_by_label("Gepland: de stap is nog niet gezet").check()
    formulier.get_by_role("button", name="Maak de regel").click()
    regel = formulier.locator(".agenda-voorstel__tekst").inner_text()
    assert regel == f"  - {{datum: {morgen}, gremium: regiegroep, uitkomst: besproken, gepland: true}}"
    context.close()
    root = _kopie(tmp_path, ROOT)
    _plak_stap(root, "decisions/0003-vaststelling-uitvoeringsagenda-2023-2026.md", regel)
    _schoon(root)


# --- the page itself ------------------------------------------------------------------------------------------------


def test_the_page_is_accessible_reads_at_320_px_and_stays_on_its_origin(browser, adres):
    for breedte in (320, 1280):
        context, pagina = _open(browser, adres, breedte)
        pagina.wait_for_load_state("networkidle")
        assert pagina.locator("#voorstel-nieuw").is_visible() and pagina.locator("#voorstel-stap").is_visible()
        assert not pagina.get_by_text("werkt alleen met JavaScript").is_visible()
        resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert resultaat.violations_count == 0, resultaat.generate_report()
        assert pagina.evaluate(BUITEN_BEELD) == []
        assert pagina.elders == []
        context.close()


def test_the_page_is_in_the_navigation(browser, adres):
    context, pagina = _open(browser, adres)
    assert pagina.locator(".md-sidebar--primary").get_by_role("link", name="Een voorstel doen").count() >= 1
    pagina.goto(adres)
    pagina.locator("article").get_by_role("link", name="een voorstel doen").click()
    pagina.wait_for_url(adres + PAD)
    context.close()


def test_without_javascript_the_page_shows_the_file_to_write_by_hand(browser, adres, tmp_path):
    context, pagina = _open(browser, adres, script=False)
    assert not pagina.locator("#voorstel-nieuw").is_visible()
    assert pagina.get_by_text("werkt alleen met JavaScript").is_visible()
    assert pagina.locator("article").get_by_role("link", name="de repository").get_attribute("href") == REPO
    assert pagina.get_by_text("ga naar de map decisions en kies Add file").is_visible()
    voorbeeld = pagina.get_by_label("Voorbeeld van een nieuw voorstel").inner_text()
    context.close()  # axe needs JavaScript: the page with it is checked above, and shows the same text
    # Filled in as the page says, the example is a valid record.
    root = _kopie(tmp_path, ROOT)
    tekst = voorbeeld.replace("JJJJ-MM-DD", "2026-01-05") + "\n"
    (root / "decisions" / "0005-korte-titel.md").write_text(tekst, encoding="utf-8")
    _schoon(root)


# --- a second programme, without a repository --------------------------------------------------------------------


def test_the_second_programme_speaks_its_own_words_and_says_how_to_hand_in_without_a_repository(
    browser, groningen_adres, tmp_path
):
    context, pagina = _open(browser, groningen_adres, 320)
    assert pagina.get_by_text("Deze site noemt geen repository").is_visible()
    assert pagina.locator("a.agenda-voorstel__open").count() == 0
    assert pagina.locator("#voorstel-nieuw legend", has_text="Over welke ontwikkeltafels gaat het?").is_visible()
    _vul_nieuw(pagina, LASTIGE_TITEL, "Een advies over preventie.", "signaal", onderdelen=["Preventie"])
    klaar = pagina.locator("#voorstel-nieuw .agenda-voorstel__uitkomst")
    naam = klaar.locator(".agenda-voorstel__bestand").inner_text()
    tekst = klaar.locator(".agenda-voorstel__tekst").inner_text()
    assert naam.startswith("decisions/0010-")
    stap = pagina.locator("#voorstel-stap")
    stap.get_by_label("Besluit", exact=True).select_option("decisions/0004-advies-preventie.md")
    stap.get_by_label("Gremium", exact=True).select_option(label="Ontwikkeltafels")
    assert stap.get_by_label("Uitkomst", exact=True).locator("option").all_inner_texts()[1:] == [
        "geadviseerd", "ingetrokken",
    ]  # fmt: skip
    stap.get_by_label("Gremium", exact=True).select_option(label="Adviescommissie Jeugdhulp")
    stap.get_by_label("Uitkomst", exact=True).select_option("geaccordeerd")
    stap.get_by_label("Datum", exact=True).fill("2022-06-01")
    stap.get_by_role("button", name="Maak de regel").click()
    regel = stap.locator(".agenda-voorstel__tekst").inner_text()
    assert stap.locator(".agenda-voorstel__bestand").inner_text() == "decisions/0004-advies-preventie.md"
    resultaat = Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert pagina.evaluate(BUITEN_BEELD) == []
    assert pagina.elders == []
    context.close()

    root = _kopie(tmp_path, GRONINGEN)
    (root / naam).write_text(tekst, encoding="utf-8")
    _plak_stap(root, "decisions/0004-advies-preventie.md", regel)
    _schoon(root)
    agenda = laad(root).agenda
    assert agenda.besluiten[10].titel == LASTIGE_TITEL
    assert agenda.besluiten[10].deelopdrachten == ("preventie",)
    assert agenda.status(agenda.besluiten[4]).value == "geaccordeerd"


# --- the built-output check --------------------------------------------------------------------------------------


def test_the_output_check_trusts_the_form_script_only_byte_for_byte(tmp_path):
    site = tmp_path / "site"
    resultaat = mkdocs_build(GRONINGEN / "mkdocs.yml", site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    adres = "https://voorbeeld.example/programma/"
    assert controleer_uitvoer(site, adres) == []
    script = site / "voorstel.js"
    script.write_bytes(script.read_bytes() + b"\nfetch('https://evil.example/');")
    bevindingen = controleer_uitvoer(site, adres)
    assert [(b.pad, "geen script van het thema" in b.wat) for b in bevindingen] == [
        ("besluiten/voorstel/index.html", True)
    ]
