"""The papers of a meeting: only plain, inert files of a published type reach the site.

Every test file is made here (PDFs with pypdf or by hand, packages with zipfile), so the hostile ones are
readable in the test itself and nothing binary is committed.
"""

from __future__ import annotations

import io
import logging
import os
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, TextStringObject

from regioagenda.records import stukken
from regioagenda.records.stukken import Stukgegevens, controleer_stuk

MAP = "agenda/vergaderingen/2024-05-02-stuurgroep"
RECORD = "agenda/vergaderingen/2024-05-02-stuurgroep.md"
GEEN_ACTIES = "een PDF zonder scripts of acties; sla het opnieuw op als PDF/A"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def _schrijf(root: Path, naam: str, inhoud: bytes) -> str:
    relatief = f"{MAP}/{naam}"
    (root / relatief).parent.mkdir(parents=True, exist_ok=True)
    (root / relatief).write_bytes(inhoud)
    return relatief


def _controleer(root: Path, relatief: str) -> tuple[Stukgegevens | None, list[str]]:
    gegevens, problemen = controleer_stuk(root, relatief, 7, RECORD)
    assert all(p.pad == RECORD and p.regel == 7 for p in problemen)
    assert all(f"stuk '{relatief}' " in p.wat for p in problemen)  # every problem names its paper
    return gegevens, [f"{p.wat} — {p.verwacht}" for p in problemen]


def _wat(root: Path, naam: str, inhoud: bytes) -> list[str]:
    """The problems of one paper, without the 'stuk …' in front: what is wrong — what is expected."""
    relatief = _schrijf(root, naam, inhoud)
    gegevens, problemen = _controleer(root, relatief)
    assert (gegevens is None) == bool(problemen)  # facts only for a paper without problems
    return [p.removeprefix(f"stuk '{relatief}' ") for p in problemen]


# --- PDFs -------------------------------------------------------------------------------------------------------


def _pdf(bewerk=None, **opties) -> bytes:
    """A one-page PDF from pypdf; ``bewerk(writer, pagina)`` adds what a test needs."""
    schrijver = PdfWriter()
    pagina = schrijver.add_blank_page(200, 200)
    if bewerk:
        bewerk(schrijver, pagina)
    if opties:
        schrijver.encrypt(**opties)
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _n(naam: str) -> NameObject:
    return NameObject(naam)


def _link(actie: dict) -> DictionaryObject:
    """A link annotation on the page, with an action."""
    return DictionaryObject(
        {
            _n("/Type"): _n("/Annot"),
            _n("/Subtype"): _n("/Link"),
            _n("/Rect"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(10), FloatObject(10)]),
            _n("/A"): DictionaryObject({_n(k): v for k, v in actie.items()}),
        }
    )


def _met_links(*acties: dict):
    def bewerk(schrijver, pagina):
        pagina[_n("/Annots")] = ArrayObject([schrijver._add_object(_link(a)) for a in acties])

    return bewerk


def _script_bij_het_document(schrijver, _):
    """A document-level script, in the catalog's name tree (what pypdf's removed add_js wrote)."""
    actie = schrijver._add_object(
        DictionaryObject({_n("/S"): _n("/JavaScript"), _n("/JS"): TextStringObject("app.alert(1)")})
    )
    schrijver.root_object[_n("/Names")] = DictionaryObject(
        {_n("/JavaScript"): DictionaryObject({_n("/Names"): ArrayObject([TextStringObject("welkom"), actie])})}
    )


def _uri(adres: str) -> dict:
    return {"/S": _n("/URI"), "/URI": TextStringObject(adres)}


def _ruw(objecten: list[bytes]) -> bytes:
    """A PDF written by hand (object 1 is the catalog), for what pypdf would not write: escaped names, orphans."""
    uit, plekken = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), []
    for nummer, tekst in enumerate(objecten, start=1):
        plekken.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, tekst)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    uit += b"".join(b"%010d 00000 n \n" % plek for plek in plekken)
    uit += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(uit)


def _met_objectstroom(gewoon: list[bytes], in_stroom: list[bytes]) -> bytes:
    """A PDF whose last objects sit compressed in an object stream, with a cross-reference stream (PDF 1.5)."""
    uit, plekken = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), []
    for nummer, tekst in enumerate(gewoon, start=1):
        plekken.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, tekst)
    eerste, kop, lijf = len(gewoon) + 1, [], b""
    for i, tekst in enumerate(in_stroom):
        kop.append(b"%d %d" % (eerste + i, len(lijf)))
        lijf += tekst + b"\n"
    kop_tekst = b" ".join(kop) + b"\n"
    data = zlib.compress(kop_tekst + lijf)
    stroom, xref = eerste + len(in_stroom), eerste + len(in_stroom) + 1
    plek_stroom = len(uit)
    uit += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        stroom,
        len(in_stroom),
        len(kop_tekst),
        len(data),
    )
    uit += data + b"\nendstream\nendobj\n"
    plek_xref = len(uit)
    rijen = [struct.pack(">BIH", 0, 0, 65535)]
    rijen += [struct.pack(">BIH", 1, plek, 0) for plek in plekken]
    rijen += [struct.pack(">BIH", 2, stroom, i) for i in range(len(in_stroom))]
    rijen += [struct.pack(">BIH", 1, plek_stroom, 0), struct.pack(">BIH", 1, plek_xref, 0)]
    tabel = b"".join(rijen)
    uit += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (
        xref,
        xref + 1,
        len(tabel),
    )
    uit += tabel + b"\nendstream\nendobj\n"
    uit += b"startxref\n%d\n%%%%EOF\n" % plek_xref
    return bytes(uit)


CATALOGUS = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGINAS = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGINA = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def test_a_clean_pdf_passes_with_its_type_and_size(tmp_path):
    inhoud = _pdf()
    gegevens, problemen = _controleer(tmp_path, _schrijf(tmp_path, "advies.pdf", inhoud))
    assert problemen == []
    assert gegevens == Stukgegevens("application/pdf", len(inhoud))


def test_javascript_run_on_opening_is_refused_with_the_message_in_the_standard_form(tmp_path):
    def bewerk(schrijver, _):
        schrijver.root_object[_n("/OpenAction")] = DictionaryObject(
            {_n("/S"): _n("/JavaScript"), _n("/JS"): TextStringObject("app.alert(1)")}
        )

    relatief = _schrijf(tmp_path, "advies.pdf", _pdf(bewerk))
    gegevens, problemen = controleer_stuk(tmp_path, relatief, 7, RECORD)
    assert gegevens is None
    assert [str(p) for p in problemen] == [
        f"{RECORD}:7: stuk '{relatief}' bevat JavaScript (/JS, /JavaScript) — {GEEN_ACTIES}",
        f"{RECORD}:7: stuk '{relatief}' bevat een actie die vanzelf start (bij openen of bekijken) (/OpenAction) "
        f"— {GEEN_ACTIES}",
    ]


def test_a_document_level_script_is_refused(tmp_path):
    assert _wat(tmp_path, "a.pdf", _pdf(_script_bij_het_document)) == [
        f"bevat JavaScript (/JS, /JavaScript) — {GEEN_ACTIES}"
    ]


def test_hex_escaped_names_are_read_decoded(tmp_path):
    verstopt = b"<< /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >>"
    actie = b"<< /S /J#61vaScript /#4AS (app.alert\\(1\\)) >>"
    assert _wat(tmp_path, "a.pdf", _ruw([verstopt, PAGINAS, PAGINA, actie])) == [
        f"bevat JavaScript (/JS, /JavaScript) — {GEEN_ACTIES}",
        f"bevat een actie die vanzelf start (bij openen of bekijken) (/OpenAction) — {GEEN_ACTIES}",
    ]


def test_the_hand_written_pdfs_are_valid_when_clean(tmp_path):
    # the builders below make files pypdf reads strictly: a refusal in the other tests is the content's doing
    assert _wat(tmp_path, "a.pdf", _ruw([CATALOGUS, PAGINAS, PAGINA])) == []
    assert _wat(tmp_path, "b.pdf", _met_objectstroom([CATALOGUS, PAGINAS], [PAGINA, b"<< /Titel (x) >>"])) == []


def test_javascript_inside_a_compressed_object_stream_is_found(tmp_path):
    inhoud = _met_objectstroom([CATALOGUS, PAGINAS], [PAGINA, b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"])
    assert b"JavaScript" not in inhoud  # invisible to a byte scanner such as pdfid
    assert _wat(tmp_path, "a.pdf", inhoud) == [f"bevat JavaScript (/JS, /JavaScript) — {GEEN_ACTIES}"]


def test_an_orphan_object_no_page_reaches_is_checked_too(tmp_path):
    wees = b"<< /S /Launch /F (calc.exe) >>"
    assert _wat(tmp_path, "a.pdf", _ruw([CATALOGUS, PAGINAS, PAGINA, wees])) == [
        f"kan een programma starten (/Launch) — {GEEN_ACTIES}"
    ]


def test_additional_actions_and_launch_are_refused(tmp_path):
    def met_aa(_, pagina):
        pagina[_n("/AA")] = DictionaryObject(
            {_n("/O"): DictionaryObject({_n("/S"): _n("/Named"), _n("/N"): _n("/NextPage")})}
        )

    assert _wat(tmp_path, "aa.pdf", _pdf(met_aa)) == [
        f"bevat een actie die vanzelf start (bij openen of bekijken) (/AA) — {GEEN_ACTIES}"
    ]
    launch = _met_links({"/S": _n("/Launch"), "/F": TextStringObject("calc.exe")})
    assert _wat(tmp_path, "launch.pdf", _pdf(launch)) == [f"kan een programma starten (/Launch) — {GEEN_ACTIES}"]
    anders = _met_links({"/S": _n("/GoToR"), "/F": TextStringObject("ander.pdf")}, {"/S": _n("/SubmitForm")})
    assert _wat(tmp_path, "anders.pdf", _pdf(anders)) == [
        f"opent een ander bestand of verstuurt gegevens (/GoToR, /SubmitForm) — {GEEN_ACTIES}"
    ]


def test_opening_at_a_page_is_no_action(tmp_path):
    def bestemming(schrijver, pagina):  # open at the first page, whole page visible
        schrijver.root_object[_n("/OpenAction")] = ArrayObject([pagina.indirect_reference, _n("/Fit")])

    def ga_naar(schrijver, pagina):  # the same as an action: what LaTeX's hyperref writes
        schrijver.root_object[_n("/OpenAction")] = DictionaryObject(
            {_n("/S"): _n("/GoTo"), _n("/D"): ArrayObject([pagina.indirect_reference, _n("/Fit")])}
        )

    def en_dan(schrijver, pagina):  # ... followed by another action: no longer only a page
        ga_naar(schrijver, pagina)
        schrijver.root_object["/OpenAction"][_n("/Next")] = DictionaryObject(
            {_n("/S"): _n("/Named"), _n("/N"): _n("/Print")}
        )

    assert _wat(tmp_path, "a.pdf", _pdf(bestemming)) == []
    assert _wat(tmp_path, "b.pdf", _pdf(ga_naar)) == []
    assert _wat(tmp_path, "c.pdf", _pdf(en_dan)) == [
        f"bevat een actie die vanzelf start (bij openen of bekijken) (/OpenAction) — {GEEN_ACTIES}"
    ]


def test_links_are_allowed_to_https_and_mailto_only(tmp_path):
    veilig = _met_links(_uri("https://3noord.example/stukken"), _uri("mailto:griffie@3noord.example"))
    assert _wat(tmp_path, "veilig.pdf", _pdf(veilig)) == []
    onveilig = _met_links(_uri("http://3noord.example/"), _uri("javascript:app.alert(1)"), _uri("HTTPS://ok"))
    assert _wat(tmp_path, "onveilig.pdf", _pdf(onveilig)) == [
        "bevat een link naar 'http://3noord.example/', 'javascript:app.alert(1)' — "
        "alleen links naar adressen die met https: of mailto: beginnen"
    ]


def test_a_link_address_kept_in_an_object_of_its_own_is_followed(tmp_path):
    def bewerk(schrijver, pagina):
        adres = schrijver._add_object(TextStringObject("file:///etc/passwd"))
        pagina[_n("/Annots")] = ArrayObject([schrijver._add_object(_link({"/S": _n("/URI"), "/URI": adres}))])

    assert _wat(tmp_path, "a.pdf", _pdf(bewerk)) == [
        "bevat een link naar 'file:///etc/passwd' — alleen links naar adressen die met https: of mailto: beginnen"
    ]


def test_an_embedded_file_is_refused(tmp_path):
    assert _wat(tmp_path, "a.pdf", _pdf(lambda s, _: s.add_attachment("virus.exe", b"MZ"))) == [
        "bevat een ingesloten bestand (/EF, /EmbeddedFile, /EmbeddedFiles) — "
        "een PDF zonder bijlagen; lever een bijlage aan als apart stuk"
    ]


def test_an_update_appended_to_a_clean_pdf_is_what_a_viewer_reads(tmp_path):
    schrijver = PdfWriter(io.BytesIO(_pdf()), incremental=True)
    schrijver.root_object[_n("/OpenAction")] = DictionaryObject(
        {_n("/S"): _n("/Launch"), _n("/F"): TextStringObject("calc.exe")}
    )
    uit = io.BytesIO()
    schrijver.write(uit)
    assert uit.getvalue().startswith(_pdf()[:8]) and uit.getvalue().count(b"%%EOF") == 2
    assert _wat(tmp_path, "a.pdf", uit.getvalue()) == [
        f"bevat een actie die vanzelf start (bij openen of bekijken) (/OpenAction) — {GEEN_ACTIES}",
        f"kan een programma starten (/Launch) — {GEEN_ACTIES}",
    ]


ONLEESBAAR = (
    "kan niet worden gelezen: het PDF-bestand is beschadigd of wijkt af van de PDF-norm — "
    "een onbeschadigd PDF-bestand; sla het opnieuw op als PDF/A"
)


@pytest.mark.parametrize(
    "inhoud",
    [
        pytest.param(_pdf()[: len(_pdf()) // 2], id="afgekapt"),
        pytest.param(b"%PDF-1.7\n" + bytes(range(256)) * 4, id="rommel"),
        pytest.param(_ruw([CATALOGUS, PAGINAS, PAGINA]).replace(b"startxref\n", b"startxref\n9"), id="kapotte-xref"),
        pytest.param(_ruw([CATALOGUS, PAGINAS, PAGINA, b"[" * 3000 + b"]" * 3000]), id="diep-genest"),
    ],
)
def test_a_pdf_that_cannot_be_read_strictly_is_refused(tmp_path, inhoud):
    assert _wat(tmp_path, "a.pdf", inhoud) == [ONLEESBAAR]


def test_a_pdf_pypdf_can_only_read_by_repairing_it_is_refused_and_its_warnings_stay_quiet(tmp_path, capsys):
    # the cross-reference table starts at object 1 instead of 0: pypdf renumbers, and says so in a warning
    inhoud = _ruw([CATALOGUS, PAGINAS, PAGINA]).replace(b"xref\n0 4\n0000000000 65535 f \n", b"xref\n1 3\n")
    logger = logging.getLogger("pypdf")
    voor = (logger.propagate, logger.level, list(logger.handlers))
    assert _wat(tmp_path, "a.pdf", inhoud) == [ONLEESBAAR]
    assert (logger.propagate, logger.level, list(logger.handlers)) == voor  # logging as it was
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("gebruiker", ["", "geheim"])
def test_an_encrypted_pdf_is_refused(tmp_path, gebruiker):
    inhoud = _pdf(user_password=gebruiker, owner_password="eigenaar", algorithm="RC4-128")
    assert _wat(tmp_path, "a.pdf", inhoud) == [
        "is versleuteld of met een wachtwoord beveiligd — een PDF zonder wachtwoord of versleuteling"
    ]


def test_the_sites_own_weasyprint_pdf_passes(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        '<html lang="nl"><head><title>Agenda</title></head><body><h1 id="a">Uitvoeringsagenda</h1>'
        '<p><a href="https://3noord.example/">site</a> <a href="mailto:griffie@3noord.example">mail</a> '
        '<a href="#a">boven</a></p></body></html>'
    )
    inhoud = weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    gegevens, problemen = _controleer(tmp_path, _schrijf(tmp_path, "agenda.pdf", inhoud))
    assert problemen == [] and gegevens == Stukgegevens("application/pdf", len(inhoud))


# --- the type, by content -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "inhoud", "mediatype"),
    [
        ("kaart.png", PNG, "image/png"),
        ("foto.jpg", JPEG, "image/jpeg"),
        ("foto.JPEG", JPEG, "image/jpeg"),
        ("notulen.txt", "Notulen van de stuurgroep, één pagina.\n".encode(), "text/plain"),
        ("cijfers.csv", b"regio;plaatsen\nnoord;36\n", "text/csv"),
    ],
)
def test_images_and_text_pass_with_the_type_their_content_shows(tmp_path, naam, inhoud, mediatype):
    gegevens, problemen = _controleer(tmp_path, _schrijf(tmp_path, naam, inhoud))
    assert problemen == [] and gegevens == Stukgegevens(mediatype, len(inhoud))


def test_a_name_that_contradicts_the_content_is_refused(tmp_path):
    assert _wat(tmp_path, "advies.pdf", PNG) == [
        "heet '.pdf' maar is een PNG-afbeelding — een naam die eindigt op .png, zoals de inhoud is"
    ]
    assert _wat(tmp_path, "advies.pdf", _docx()) == [
        "heet '.pdf' maar is een Word-document — een naam die eindigt op .docx, zoals de inhoud is"
    ]
    assert _wat(tmp_path, "kaart.png", _pdf()) == [
        "heet '.png' maar is een PDF-bestand — een naam die eindigt op .pdf, zoals de inhoud is"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    assert _wat(tmp_path, "advies.txt", _pdf(_script_bij_het_document)) == [
        "heet '.txt' maar is een PDF-bestand — een naam die eindigt op .pdf, zoals de inhoud is",
        f"bevat JavaScript (/JS, /JavaScript) — {GEEN_ACTIES}",
    ]


TOEGESTAAN = "een PDF, PNG, JPEG, OpenDocument-, Word-, Excel- of PowerPoint-bestand, of UTF-8-tekst (.txt, .csv)"


@pytest.mark.parametrize(
    ("naam", "inhoud", "wat"),
    [
        ("pagina.html", b"<script>alert(1)</script>", "heeft een bestandstype dat niet wordt gepubliceerd ('.html')"),
        ("tekening.svg", b"<svg onload='alert(1)'/>", "heeft een bestandstype dat niet wordt gepubliceerd ('.svg')"),
        ("LEESMIJ", b"tekst", "heeft een bestandstype dat niet wordt gepubliceerd (zonder extensie)"),
        ("oud.txt", "Notulen één".encode("latin-1"), "heeft een inhoud die niet wordt gepubliceerd"),
        ("nul.txt", b"tekst\x00met een nul", "heeft een inhoud die niet wordt gepubliceerd"),
        ("plaatje.gif", b"GIF89a\x01\x00\x01\x00\x80\xff\x00", "heeft een inhoud die niet wordt gepubliceerd"),
        ("map.zip", b"PK\x03\x04rommel", "heeft een inhoud die niet wordt gepubliceerd"),
    ],
)
def test_other_types_are_refused(tmp_path, naam, inhoud, wat):
    assert _wat(tmp_path, naam, inhoud) == [f"{wat} — {TOEGESTAAN}"]


def test_a_plain_zip_is_no_document(tmp_path):
    assert _wat(tmp_path, "archief.docx", _zip({"leesmij.txt": "x"})) == [
        f"heeft een inhoud die niet wordt gepubliceerd — {TOEGESTAAN}"
    ]


# --- OpenDocument and Office packages ---------------------------------------------------------------------------

GEEN_MACROS = (
    "een document zonder macro's, ingesloten objecten of koppelingen naar andere bestanden; of lever het aan als PDF"
)
MACRO = f"bevat macro's of scripts — {GEEN_MACROS}"
OBJECT = f"bevat een ingesloten object of programma — {GEEN_MACROS}"
BUITEN = f"haalt iets op van buiten het document (een koppeling naar een ander bestand of adres) — {GEEN_MACROS}"
ONLEESBAAR_PAKKET = (
    "kan niet worden gelezen: het document is beschadigd of anders opgeslagen dan een kantoorpakket doet — "
    "een onbeschadigd document; sla het opnieuw op, of lever het aan als PDF"
)
XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _zip(onderdelen: dict[str, str | bytes], opgeslagen: tuple[str, ...] = ()) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as pakket:
        for naam, inhoud in onderdelen.items():
            pakket.writestr(naam, inhoud, zipfile.ZIP_STORED if naam in opgeslagen else zipfile.ZIP_DEFLATED)
    return uit.getvalue()


def _relaties(*regels: str) -> str:
    ruimte = "http://schemas.openxmlformats.org/package/2006/relationships"
    return f'{XML}<Relationships xmlns="{ruimte}">{"".join(regels)}</Relationships>'


def _docx(extra: dict[str, str | bytes] | None = None, relaties: str = "", typen: str = "") -> bytes:
    """A minimal Word document; ``relaties`` are the document's own relationships."""
    return _zip(
        {
            "[Content_Types].xml": f'{XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            f"{typen}</Types>",
            "_rels/.rels": _relaties(f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>'),
            "word/document.xml": f'{XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            'main"><w:body><w:p><w:r><w:t>Advies aan de stuurgroep</w:t></w:r></w:p></w:body></w:document>',
            "word/_rels/document.xml.rels": _relaties(relaties),
            **(extra or {}),
        }
    )


ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"'
)


def _odt(tekst: str = "<text:p>Advies</text:p>", extra: dict[str, str | bytes] | None = None, manifest="") -> bytes:
    """A minimal OpenDocument text: 'mimetype' first and stored, as ODF requires; an empty entry as LibreOffice
    writes one."""
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": f"{XML}<office:document-content {ODF_NS}><office:body><office:text>{tekst}"
            "</office:text></office:body></office:document-content>",
            "META-INF/manifest.xml": f'{XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
            'xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            f"{manifest}</manifest:manifest>",
            "Configurations2/accelerator/current.xml": "",
            **(extra or {}),
        },
        opgeslagen=("mimetype",),
    )


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"


def test_clean_office_and_opendocument_files_pass(tmp_path):
    for naam, inhoud, mediatype in (("advies.docx", _docx(), DOCX), ("advies.odt", _odt(), ODT)):
        gegevens, problemen = _controleer(tmp_path, _schrijf(tmp_path, naam, inhoud))
        assert problemen == [] and gegevens == Stukgegevens(mediatype, len(inhoud))


def test_opendocument_is_known_by_its_mimetype_entry_not_its_name(tmp_path):
    assert _wat(tmp_path, "advies.docx", _odt()) == [
        "heet '.docx' maar is een OpenDocument-tekst — een naam die eindigt op .odt, zoals de inhoud is"
    ]


def test_macros_are_refused(tmp_path):
    assert _wat(tmp_path, "a.docx", _docx({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})) == [MACRO]
    macrotype = (
        '<Override PartName="/word/x.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
    )
    assert _wat(tmp_path, "b.docx", _docx(typen=macrotype)) == [MACRO]
    assert _wat(tmp_path, "c.odt", _odt(extra={"Basic/Standard/Module1.xml": f"{XML}<module/>"})) == [MACRO]
    assert _wat(tmp_path, "d.odt", _odt(extra={"Scripts/python/x.py": "import os"})) == [MACRO]


def test_a_script_bound_to_an_event_is_found_whatever_prefix_the_document_chose(tmp_path):
    gebeurtenis = (
        '<text:p xmlns:s="urn:oasis:names:tc:opendocument:xmlns:script:1.0">'
        '<s:event-listener s:language="ooo:script" s:event-name="dom:load" '
        'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document"/></text:p>'
    )
    assert _wat(tmp_path, "a.odt", _odt(gebeurtenis)) == [MACRO]


def test_external_relationships_are_refused_but_secure_hyperlinks_pass(tmp_path):
    sjabloon = (
        f'<Relationship Id="rId9" Type="{R}/attachedTemplate" Target="https://x.example/s.dotm" TargetMode="External"/>'
    )
    assert _wat(tmp_path, "sjabloon.docx", _docx(relaties=sjabloon)) == [BUITEN]
    # an entity is the attribute's value for Word as for us
    verstopt = sjabloon.replace('TargetMode="External"', 'TargetMode="&#69;xternal"')
    assert _wat(tmp_path, "verstopt.docx", _docx(relaties=verstopt)) == [BUITEN]
    link = f'<Relationship Id="rId5" Type="{R}/hyperlink" Target="%s" TargetMode="External"/>'
    assert _wat(tmp_path, "link.docx", _docx(relaties=link % "https://3noord.example/")) == []
    assert _wat(tmp_path, "mail.docx", _docx(relaties=link % "mailto:griffie@3noord.example")) == []
    assert _wat(tmp_path, "http.docx", _docx(relaties=link % "http://3noord.example/")) == [
        "bevat een link naar 'http://3noord.example/' — alleen links naar adressen die met https: of mailto: beginnen"
    ]


def test_embedded_objects_are_refused(tmp_path):
    ole = {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}
    assert _wat(tmp_path, "a.docx", _docx(ole)) == [OBJECT]
    odf_ole = _odt(
        extra={"Object 1": b"\xd0\xcf\x11\xe0"},
        manifest='<manifest:file-entry manifest:full-path="Object 1" '
        'manifest:media-type="application/vnd.sun.star.oleobject"/>',
    )
    assert _wat(tmp_path, "b.odt", odf_ole) == [OBJECT]
    grafiek = _odt(extra={"Object 1/content.xml": f"{XML}<x/>", "ObjectReplacements/Object 1": b"\x89PNG"})
    assert _wat(tmp_path, "c.odt", grafiek) == []  # a chart is an embedded document, not a program


def test_opendocument_references_outside_the_package_are_refused(tmp_path):
    plaatje = '<draw:frame><draw:image xlink:href="%s"/></draw:frame>'
    assert _wat(tmp_path, "a.odt", _odt(plaatje % "Pictures/kaart.png")) == []
    assert _wat(tmp_path, "b.odt", _odt(plaatje % "https://volg.example/pixel.png")) == [BUITEN]
    assert _wat(tmp_path, "c.odt", _odt(plaatje % "../../geheim.png")) == [BUITEN]
    assert (
        _wat(tmp_path, "d.odt", _odt('<text:p><text:a xlink:href="https://3noord.example/">x</text:a></text:p>')) == []
    )
    assert _wat(tmp_path, "e.odt", _odt('<text:p><text:a xlink:href="#kop">x</text:a></text:p>')) == []
    assert _wat(tmp_path, "f.odt", _odt('<text:p><text:a xlink:href="http://x.example/">x</text:a></text:p>')) == [
        "bevat een link naar 'http://x.example/' — alleen links naar adressen die met https: of mailto: beginnen"
    ]


@pytest.mark.parametrize(
    "onderdeel",
    ["../../.github/workflows/x.yml", "/etc/passwd", "word\\..\\..\\x", "C:/Windows/x"],
)
def test_package_entries_with_a_path_outside_the_document_are_refused(tmp_path, onderdeel):
    assert _wat(tmp_path, "a.docx", _docx({onderdeel: "x"})) == [
        "bevat een onderdeel met een pad buiten het document — een document zoals een kantoorpakket het opslaat"
    ]


def test_xml_with_a_document_type_or_another_encoding_is_not_read(tmp_path):
    dtd = _relaties().replace("<Relationships", '<!DOCTYPE x [<!ENTITY e "External">]><Relationships')
    assert _wat(tmp_path, "a.docx", _docx({"word/_rels/x.rels": dtd})) == [ONLEESBAAR_PAKKET]
    utf16 = _relaties().replace("UTF-8", "UTF-16").encode("utf-16")
    assert _wat(tmp_path, "b.docx", _docx({"word/_rels/y.rels": utf16})) == [ONLEESBAAR_PAKKET]
    latijn = _relaties().replace("UTF-8", "ISO-8859-1")
    assert _wat(tmp_path, "c.docx", _docx({"word/_rels/z.rels": latijn})) == [ONLEESBAAR_PAKKET]
    assert _wat(tmp_path, "d.odt", _odt("<text:p>niet gesloten")) == [ONLEESBAAR_PAKKET]


def test_a_package_that_unpacks_too_far_is_refused_without_unpacking_it(tmp_path, monkeypatch):
    monkeypatch.setattr(stukken, "MAX_UITGEPAKT", 1024 * 1024)
    bom = _docx({"word/media/leeg.bin": b"\x00" * (2 * 1024 * 1024)})
    assert len(bom) < 20_000  # a zip bomb in miniature: small on disk, large unpacked
    assert _wat(tmp_path, "a.docx", bom) == ["pakt uit tot 2,1 MiB — hoogstens 1 MiB uitgepakt"]


def test_a_package_that_lies_about_its_unpacked_size_is_not_read(tmp_path):
    inhoud = bytearray(_docx({"word/media/leeg.bin": b"\x00" * 100_000}))
    # the central directory entry of the big part declares 10 bytes unpacked (its field at offset 24)
    plek = next(
        i
        for i in range(len(inhoud))
        if inhoud.startswith(b"PK\x01\x02", i) and inhoud[i + 46 :].startswith(b"word/media/leeg.bin")
    )
    inhoud[plek + 24 : plek + 28] = struct.pack("<I", 10)
    assert zipfile.ZipFile(io.BytesIO(bytes(inhoud))).getinfo("word/media/leeg.bin").file_size == 10
    assert _wat(tmp_path, "a.docx", bytes(inhoud)) == [ONLEESBAAR_PAKKET]


def test_too_many_entries_or_encrypted_entries_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(stukken, "MAX_ONDERDELEN", 8)
    veel = _docx({f"word/media/{i}.png": PNG for i in range(10)})
    assert _wat(tmp_path, "a.docx", veel) == ["bestaat uit 14 onderdelen — hoogstens 8"]
    # an entry marked as encrypted (bit 0 of its flags in the central directory): its content cannot be checked
    geheim = bytearray(_docx())
    plek = geheim.index(b"PK\x01\x02")
    geheim[plek + 8] |= 1
    assert zipfile.ZipFile(io.BytesIO(bytes(geheim))).infolist()[0].flag_bits & 1
    assert _wat(tmp_path, "b.docx", bytes(geheim)) == [
        "is versleuteld of met een wachtwoord beveiligd — een document zonder wachtwoord"
    ]


def test_an_entry_twice_is_refused(tmp_path):
    uit = io.BytesIO(_docx())
    with pytest.warns(UserWarning), zipfile.ZipFile(uit, "a") as pakket:
        pakket.writestr("word/document.xml", f"{XML}<w:document xmlns:w='x'/>")
    assert _wat(tmp_path, "a.docx", uit.getvalue()) == [
        "bevat een onderdeel twee keer — een document zoals een kantoorpakket het opslaat"
    ]


# --- the path and the file -------------------------------------------------------------------------------------

GOED_PAD = "een pad als 'agenda/vergaderingen/<vergadering>/<bestand>', met '/' tussen de delen en zonder '..'"
GEWOON = "een gewoon bestand in de repository; links naar andere plekken worden nooit gepubliceerd"


@pytest.mark.parametrize(
    ("relatief", "wat"),
    [
        ("/etc/passwd", f"heeft een absoluut pad — {GOED_PAD}"),
        ("C:/stukken/advies.pdf", f"heeft een absoluut pad — {GOED_PAD}"),
        ("../advies.pdf", f"heeft een pad met '..', '.' of een leeg deel — {GOED_PAD}"),
        (f"{MAP}/../../../decisions/0001-x.md", f"heeft een pad met '..', '.' of een leeg deel — {GOED_PAD}"),
        (f"{MAP}//advies.pdf", f"heeft een pad met '..', '.' of een leeg deel — {GOED_PAD}"),
        (f"{MAP}/./advies.pdf", f"heeft een pad met '..', '.' of een leeg deel — {GOED_PAD}"),
        (f"{MAP}\\advies.pdf", f"heeft een backslash in het pad — {GOED_PAD}"),
        (f"{MAP}/.advies.pdf", "is verborgen (een naam met een punt ervoor) — een naam die niet met een punt begint"),
        (
            "decisions/0001-geheim.md",
            f"staat niet in een map van een vergadering onder 'agenda/vergaderingen/' — {GOED_PAD}",
        ),
        (
            "agenda/vergaderingen/advies.pdf",
            f"staat niet in een map van een vergadering onder 'agenda/vergaderingen/' — {GOED_PAD}",
        ),
        (
            f"{MAP}/advies\u202efdp.exe",
            "heeft een naam met onzichtbare tekens of stuurtekens — een naam met gewone tekens",
        ),
        ("", f"heeft geen bestandsnaam — {GOED_PAD}"),
    ],
)
def test_a_path_that_leaves_the_meetings_folder_is_refused_before_anything_is_read(tmp_path, relatief, wat):
    (tmp_path / "decisions").mkdir()
    (tmp_path / "decisions" / "0001-geheim.md").write_text("vertrouwelijk", encoding="utf-8")
    gegevens, problemen = _controleer(tmp_path, relatief)
    assert gegevens is None
    assert problemen == [f"stuk '{relatief}' {wat}"]


def test_the_record_path_is_the_paper_itself_without_a_record(tmp_path):
    gegevens, problemen = controleer_stuk(tmp_path, "../x.pdf", 3)
    assert gegevens is None and [(p.pad, p.regel) for p in problemen] == [("../x.pdf", 3)]


def test_a_symbolic_link_is_refused_wherever_it_is_on_the_way(tmp_path):
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "advies.pdf").write_bytes(_pdf())
    (tmp_path / MAP).mkdir(parents=True)
    (tmp_path / MAP / "link.pdf").symlink_to(buiten / "advies.pdf")
    assert _controleer(tmp_path, f"{MAP}/link.pdf") == (
        None,
        [f"stuk '{MAP}/link.pdf' is een symbolische link — {GEWOON}"],
    )
    (tmp_path / "agenda/vergaderingen/2024-06-01-regiegroep").symlink_to(buiten, target_is_directory=True)
    relatief = "agenda/vergaderingen/2024-06-01-regiegroep/advies.pdf"
    assert _controleer(tmp_path, relatief) == (
        None,
        [
            f"stuk '{relatief}' ligt in een map die een symbolische link is "
            f"('agenda/vergaderingen/2024-06-01-regiegroep') — {GEWOON}"
        ],
    )


def test_a_missing_file_a_folder_and_an_empty_file_are_refused(tmp_path):
    (tmp_path / MAP / "map.pdf").mkdir(parents=True)
    assert _controleer(tmp_path, f"{MAP}/weg.pdf")[1] == [
        f"stuk '{MAP}/weg.pdf' bestaat niet — een bestand op die plek in de repository, naast de vergadering"
    ]
    assert _controleer(tmp_path, f"{MAP}/map.pdf/x.pdf")[1] == [
        f"stuk '{MAP}/map.pdf/x.pdf' bestaat niet — een bestand op die plek in de repository, naast de vergadering"
    ]
    assert _controleer(tmp_path, f"{MAP}/map.pdf")[1] == [f"stuk '{MAP}/map.pdf' is een map — een bestand"]
    assert _wat(tmp_path, "leeg.pdf", b"") == ["is leeg — een bestand met inhoud"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_no_file_and_is_never_opened(tmp_path):
    (tmp_path / MAP).mkdir(parents=True)
    os.mkfifo(tmp_path / MAP / "pijp.txt")  # opening it would wait forever for a writer
    assert _controleer(tmp_path, f"{MAP}/pijp.txt")[1] == [f"stuk '{MAP}/pijp.txt' is geen gewoon bestand — {GEWOON}"]


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    relatief = _schrijf(tmp_path, "groot.pdf", b"")
    with open(tmp_path / relatief, "r+b") as bestand:  # sparse: no 25 MiB is written
        bestand.truncate(stukken.MAX_GROOTTE + 1)
    assert _controleer(tmp_path, relatief)[1] == [
        f"stuk '{relatief}' is 25,1 MiB groot — hoogstens 25 MiB; lever een kleinere versie aan"
    ]
    assert stukken.MAX_GROOTTE == 25 * 1024 * 1024


def test_the_limit_is_the_named_constant(tmp_path, monkeypatch):
    monkeypatch.setattr(stukken, "MAX_GROOTTE", 1024)
    assert _wat(tmp_path, "a.pdf", _pdf().ljust(1536, b"%")) == [
        "is 1,5 KiB groot — hoogstens 1 KiB; lever een kleinere versie aan"
    ]


def test_whatever_goes_wrong_inside_becomes_one_clear_problem(tmp_path, monkeypatch):
    def kapot(*_):
        raise RecursionError("diep")

    monkeypatch.setattr(stukken, "_soort", kapot)
    assert _wat(tmp_path, "a.pdf", _pdf()) == [f"kan niet worden gecontroleerd — {TOEGESTAAN} dat gelezen kan worden"]


def test_the_check_never_follows_the_name_but_always_the_bytes(tmp_path):
    # the same bytes under every allowed name: only the name that fits passes
    namen = ["a.pdf", "a.png", "a.jpg", "a.txt", "a.csv", "a.odt", "a.docx", "a.xlsx", "a.pptx", "a.ods", "a.odp"]
    geslaagd = [naam for naam in namen if not _wat(tmp_path, naam, PNG)]
    assert geslaagd == ["a.png"]
