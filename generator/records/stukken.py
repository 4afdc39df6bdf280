"""The papers of a meeting (stukken): checked one by one before they can reach the site.

A pull request can add any file beside a meeting, so a paper is untrusted input. Each one must be a plain file
inside the meetings' folder, of a type the site publishes as its *content* shows it (never as its name claims),
and without anything a reader's PDF viewer or office suite would run or fetch: scripts, automatic actions,
macros, embedded files or programs, links to other files or to unencrypted addresses.

The rules, in the order they are applied:

- the path: relative, below ``agenda/vergaderingen/<vergadering>/``, with '/' and without '..', empty or hidden
  parts or invisible characters; no symbolic link anywhere on the way; a regular file, not empty, at most
  ``MAX_GROOTTE`` bytes;
- the type, by content: PDF, PNG, JPEG, OpenDocument (text, spreadsheet, presentation), Office Open XML (Word,
  Excel, PowerPoint) or UTF-8 text; the name's extension must fit that type;
- a PDF (``_pdf_vondsten``): read strictly, every object walked; a PDF that cannot be read that way is refused;
- an OpenDocument or Office package (``_pakket_vondsten``): limited in size and entries, no macros, no embedded
  objects, no relationships or references outside the package.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from regioagenda.problemen import Probleem
from regioagenda.records.sitebestanden import BEELDEN, TEKST

STUKKENMAP = "agenda/vergaderingen"
"""Papers live beside their meeting: ``agenda/vergaderingen/<vergadering>/<bestand>``. Anything else the repository
holds (a decision record, perhaps a confidential one) must never be published by naming it as a paper."""
MAX_GROOTTE = 25 * 1024 * 1024
"""Largest paper, in bytes. A meeting's paper is a few MiB at most; a file this size is read whole and parsed, on
every pull request, and is kept forever in the repository's history (Git hosts warn at 50 MiB, refuse 100 MiB)."""
MAX_UITGEPAKT = 100 * 1024 * 1024
"""Largest total size of an OpenDocument or Office package once unpacked: a zip bomb stops here, read or not."""
MAX_ONDERDELEN = 5000
"""Most entries in one package: a long report has a few hundred (one per picture)."""

Vondst = tuple[str, str]
"""(what is wrong with the paper, what is expected instead)."""

GEEN_ACTIES = "een PDF zonder scripts of acties; sla het opnieuw op als PDF/A"
GEEN_MACROS = (
    "een document zonder macro's, ingesloten objecten of koppelingen naar andere bestanden; of lever het aan als PDF"
)
VEILIGE_LINK = "alleen links naar adressen die met https: of mailto: beginnen"
GEWOON_BESTAND = "een gewoon bestand in de repository; links naar andere plekken worden nooit gepubliceerd"
GOED_PAD = f"een pad als '{STUKKENMAP}/<vergadering>/<bestand>', met '/' tussen de delen en zonder '..'"
ONLEESBAAR_PDF = (
    "kan niet worden gelezen: het PDF-bestand is beschadigd of wijkt af van de PDF-norm",
    "een onbeschadigd PDF-bestand; sla het opnieuw op als PDF/A",
)
ONLEESBAAR_PAKKET = (
    "kan niet worden gelezen: het document is beschadigd of anders opgeslagen dan een kantoorpakket doet",
    "een onbeschadigd document; sla het opnieuw op, of lever het aan als PDF",
)


@dataclass(frozen=True)
class Soort:
    """A type of paper the site publishes."""

    mediatype: str
    omschrijving: str
    """How the Dutch messages name it ('een PDF-bestand')."""
    extensies: tuple[str, ...]
    """The extensions a file of this type may have (lower case, with the dot)."""


PDF = Soort("application/pdf", "een PDF-bestand", (".pdf",))
PNG = Soort("image/png", "een PNG-afbeelding", (".png",))
JPEG = Soort("image/jpeg", "een JPEG-afbeelding", (".jpg", ".jpeg"))
TEKSTSOORT = Soort("text/plain", "een tekstbestand", tuple(sorted(TEKST)))
CSV = Soort("text/csv", "een tekstbestand", tuple(sorted(TEKST)))
ODF = {
    "application/vnd.oasis.opendocument.text": Soort(
        "application/vnd.oasis.opendocument.text", "een OpenDocument-tekst", (".odt",)
    ),
    "application/vnd.oasis.opendocument.spreadsheet": Soort(
        "application/vnd.oasis.opendocument.spreadsheet", "een OpenDocument-rekenblad", (".ods",)
    ),
    "application/vnd.oasis.opendocument.presentation": Soort(
        "application/vnd.oasis.opendocument.presentation", "een OpenDocument-presentatie", (".odp",)
    ),
}
"""OpenDocument types by the content of the package's first entry, 'mimetype'."""
OOXML = {
    "word/document.xml": Soort(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "een Word-document", (".docx",)
    ),
    "xl/workbook.xml": Soort(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "een Excel-werkmap", (".xlsx",)
    ),
    "ppt/presentation.xml": Soort(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "een PowerPoint-presentatie",
        (".pptx",),
    ),
}
"""Office Open XML types by their main part."""
EXTENSIES = frozenset(e for s in (PDF, PNG, JPEG, TEKSTSOORT, *ODF.values(), *OOXML.values()) for e in s.extensies)
TOEGESTAAN = "een PDF, PNG, JPEG, OpenDocument-, Word-, Excel- of PowerPoint-bestand, of UTF-8-tekst (.txt, .csv)"


@dataclass(frozen=True)
class Stukgegevens:
    """What the site publishes about a paper that passed every check."""

    mediatype: str
    """Its type as its content shows it (``application/pdf`` …)."""
    grootte: int
    """Its size in bytes."""


def controleer_stuk(
    root: Path, relatief: str, regel: int, record: str | None = None
) -> tuple[Stukgegevens | None, list[Probleem]]:
    """Check one paper of a meeting: its facts when it may be published, else None, and every problem found.

    ``relatief`` is the paper's path as the meeting record names it (relative to the programme root ``root``);
    problems are reported at ``record:regel`` (the meeting record's line that names the paper), or at
    ``relatief:regel`` without a record. Every problem says which paper it is about. The facts are only given for
    a paper without problems, so a caller cannot publish a refused one by mistake. Never raises on bad input.
    """
    waar = record or str(relatief)
    try:
        vondsten, gegevens = _controleer(Path(root), relatief)
    except Exception:  # the boundary: whatever a hostile file does to a library ends as one clear problem
        vondsten, gegevens = [("kan niet worden gecontroleerd", TOEGESTAAN + " dat gelezen kan worden")], None
    problemen = [Probleem(waar, regel, f"stuk '{relatief}' {wat}", verwacht) for wat, verwacht in vondsten]
    return (None if problemen else gegevens), problemen


def _controleer(root: Path, relatief: str) -> tuple[list[Vondst], Stukgegevens | None]:
    vondsten = _pad_vondsten(relatief)
    if vondsten:
        return vondsten, None
    inhoud, vondst = _lees(root, relatief)
    if inhoud is None:
        return [vondst], None
    return inhoudsvondsten(inhoud, relatief)


def inhoudsvondsten(inhoud: bytes, naam: str) -> tuple[list[Vondst], Stukgegevens | None]:
    """What is wrong with a paper's bytes under its name (type, scripts, actions, macros), and its facts.

    The part of the check that needs no repository: the built site's check runs it again on what it publishes.
    """
    vondsten: list[Vondst] = []
    relatief = naam
    achtervoegsel = os.path.splitext(relatief)[1].lower()
    soort = _soort(inhoud, achtervoegsel)
    if soort is None:
        return [("heeft een inhoud die niet wordt gepubliceerd", TOEGESTAAN)], None
    if achtervoegsel not in EXTENSIES:
        naam = f"'{achtervoegsel}'" if achtervoegsel else "zonder extensie"
        vondsten.append((f"heeft een bestandstype dat niet wordt gepubliceerd ({naam})", TOEGESTAAN))
    elif achtervoegsel not in soort.extensies:
        vondsten.append(
            (
                f"heet '{achtervoegsel}' maar is {soort.omschrijving}",
                f"een naam die eindigt op {' of '.join(soort.extensies)}, zoals de inhoud is",
            )
        )
    if soort is PDF:
        vondsten += _pdf_vondsten(inhoud)
    elif soort in ODF.values() or soort in OOXML.values():
        vondsten += _pakket_vondsten(inhoud, odf=soort in ODF.values())
    return vondsten, Stukgegevens(soort.mediatype, len(inhoud))


# --- the path and the file -----------------------------------------------------------------------------------


def _pad_vondsten(relatief: str) -> list[Vondst]:
    """What is wrong with the path as written, before anything on disk is touched."""
    if not isinstance(relatief, str) or not relatief:
        return [("heeft geen bestandsnaam", GOED_PAD)]
    vondsten: list[Vondst] = []
    delen = relatief.split("/")
    if not relatief.isprintable():
        vondsten.append(("heeft een naam met onzichtbare tekens of stuurtekens", "een naam met gewone tekens"))
    if relatief.startswith("/") or re.match(r"[A-Za-z]:", relatief):
        vondsten.append(("heeft een absoluut pad", GOED_PAD))
    elif "\\" in relatief:
        vondsten.append(("heeft een backslash in het pad", GOED_PAD))
    elif any(deel in ("", ".", "..") for deel in delen):
        vondsten.append(("heeft een pad met '..', '.' of een leeg deel", GOED_PAD))
    elif any(deel.startswith(".") for deel in delen):
        vondsten.append(("is verborgen (een naam met een punt ervoor)", "een naam die niet met een punt begint"))
    elif len(delen) < 4 or "/".join(delen[:2]) != STUKKENMAP:
        vondsten.append((f"staat niet in een map van een vergadering onder '{STUKKENMAP}/'", GOED_PAD))
    return vondsten


def _lees(root: Path, relatief: str) -> tuple[bytes, None] | tuple[None, Vondst]:
    """The file's bytes, or what keeps it from being read: a link on the way, no file, too large, empty."""
    pad = root
    delen = relatief.split("/")
    for i, deel in enumerate(delen):
        pad = pad / deel
        if pad.is_symlink():
            if i == len(delen) - 1:
                return None, ("is een symbolische link", GEWOON_BESTAND)
            return None, (f"ligt in een map die een symbolische link is ('{'/'.join(delen[: i + 1])}')", GEWOON_BESTAND)
    try:
        gegevens = os.lstat(pad)
    except (FileNotFoundError, NotADirectoryError):
        return None, ("bestaat niet", "een bestand op die plek in de repository, naast de vergadering")
    if stat.S_ISDIR(gegevens.st_mode):
        return None, ("is een map", "een bestand")
    if not stat.S_ISREG(gegevens.st_mode):
        return None, ("is geen gewoon bestand", GEWOON_BESTAND)
    te_groot = (
        f"is {_omvang(gegevens.st_size)} groot",
        f"hoogstens {_omvang(MAX_GROOTTE)}; lever een kleinere versie aan",
    )
    if gegevens.st_size > MAX_GROOTTE:
        return None, te_groot
    if gegevens.st_size == 0:
        return None, ("is leeg", "een bestand met inhoud")
    # the file may be swapped between the look above and the read: no link followed (O_NOFOLLOW), no wait for a
    # writer of a named pipe (O_NONBLOCK), and what was opened must still be a regular file
    vlaggen = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(pad, vlaggen), "rb") as bestand:
        if not stat.S_ISREG(os.fstat(bestand.fileno()).st_mode):
            return None, ("is geen gewoon bestand", GEWOON_BESTAND)
        inhoud = bestand.read(MAX_GROOTTE + 1)
    if len(inhoud) > MAX_GROOTTE:
        return None, te_groot
    return inhoud, None


def _omvang(grootte: int) -> str:
    """'25 MiB', '25,1 MiB', '1,5 KiB': rounded up, so that a file over a limit never reads as the limit itself."""
    eenheid, deler = ("MiB", 1024 * 1024) if grootte >= 1024 * 1024 else ("KiB", 1024)
    tienden = -(-grootte * 10 // deler)
    return f"{tienden // 10}{f',{tienden % 10}' if tienden % 10 else ''} {eenheid}"


# --- the type, by content --------------------------------------------------------------------------------------


def _soort(inhoud: bytes, achtervoegsel: str) -> Soort | None:
    """The type as the content shows it; the name's extension only tells CSV from other text."""
    for soort, extensie in ((PDF, ".pdf"), (PNG, ".png"), (JPEG, ".jpg")):
        if inhoud.startswith(BEELDEN[extensie]):
            return soort
    if inhoud.startswith(b"PK\x03\x04"):
        return _pakketsoort(inhoud)
    if b"\x00" not in inhoud and _utf8(inhoud):
        return CSV if achtervoegsel == ".csv" else TEKSTSOORT
    return None


def _utf8(inhoud: bytes) -> bool:
    try:
        inhoud.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _pakketsoort(inhoud: bytes) -> Soort | None:
    """OpenDocument (first entry 'mimetype' names the type) or Office Open XML (content types and a main part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as pakket:
            onderdelen = pakket.infolist()
            eerste = onderdelen[0] if onderdelen else None
            if eerste and eerste.filename == "mimetype" and not eerste.flag_bits & 1:
                with pakket.open(eerste) as bestand:
                    soort = ODF.get(bestand.read(100).decode("ascii", "replace"))
                if soort:
                    return soort
            namen = {o.filename for o in onderdelen}
    except Exception:  # anything zipfile raises on a damaged package: not a document we can name
        return None
    if "[Content_Types].xml" in namen:
        return next((soort for deel, soort in OOXML.items() if deel in namen), None)
    return None


# --- PDF ---------------------------------------------------------------------------------------------------------

_JS = ("bevat JavaScript", GEEN_ACTIES)
_VANZELF = ("bevat een actie die vanzelf start (bij openen of bekijken)", GEEN_ACTIES)
_PROGRAMMA = ("kan een programma starten", GEEN_ACTIES)
_EXTERN = ("opent een ander bestand of verstuurt gegevens", GEEN_ACTIES)
_MEDIA = ("bevat multimedia of 3D-inhoud", GEEN_ACTIES)
_BIJLAGE = ("bevat een ingesloten bestand", "een PDF zonder bijlagen; lever een bijlage aan als apart stuk")
_FORMULIER = ("bevat een XFA-formulier", GEEN_ACTIES)
PDF_MERKEN = {
    "/JS": _JS,
    "/JavaScript": _JS,
    "/OpenAction": _VANZELF,
    "/AA": _VANZELF,
    "/Launch": _PROGRAMMA,
    "/GoToR": _EXTERN,
    "/GoToE": _EXTERN,
    "/ImportData": _EXTERN,
    "/SubmitForm": _EXTERN,
    "/RichMedia": _MEDIA,
    "/RichMediaExecute": _MEDIA,
    "/3D": _MEDIA,
    "/Movie": _MEDIA,
    "/Sound": _MEDIA,
    "/Rendition": _MEDIA,
    "/Screen": _MEDIA,
    "/EmbeddedFile": _BIJLAGE,
    "/EmbeddedFiles": _BIJLAGE,
    "/EF": _BIJLAGE,
    "/FileAttachment": _BIJLAGE,
    "/XFA": _FORMULIER,
}
"""Names refused in a PDF, as a dictionary key or as the value of /S (an action's type), /Subtype or /Type."""
_TYPESLEUTELS = ("/S", "/Subtype", "/Type")
VEILIGE_SCHEMAS = ("https:", "mailto:")


def _pdf_vondsten(inhoud: bytes) -> list[Vondst]:
    """Everything in a PDF a viewer could run, start, fetch or unpack; fails closed.

    Every object the cross-reference data names is walked, those inside object streams included, not only what
    the catalog reaches: a viewer may find an orphan too. Names are compared decoded (``/J#61vaScript`` is
    ``/JavaScript``). A file pypdf cannot read strictly, or reads only after repairing it (a warning), is refused:
    a viewer could read it differently from us. Encrypted files are refused: their objects cannot be checked.

    Links (/URI) are allowed when they start with ``https:`` or ``mailto:``: the site's own print PDF (WeasyPrint)
    turns every external link into one, and following such a link is the reader's choice. Any other scheme
    (``http:``, ``file:``, ``javascript:``, a relative address) is refused. An /OpenAction that only says which
    page to open at (a destination, or a GoTo action to one, as LaTeX's hyperref writes it) is allowed; any other
    /OpenAction is refused.
    """
    merken: dict[Vondst, set[str]] = {}
    links: list[str] = []
    try:
        with _pypdf_meldingen() as meldingen:
            for waarde in _pdf_waarden(_pdf_objecten(inhoud)):
                for merk, doel in _pdf_merken(waarde):
                    if merk == "/URI":
                        links += _onveilige_link(doel)
                    elif not (merk == "/OpenAction" and _naar_een_pagina(doel)):
                        merken.setdefault(PDF_MERKEN[merk], set()).add(merk)
    except _Versleuteld:
        return [("is versleuteld of met een wachtwoord beveiligd", "een PDF zonder wachtwoord of versleuteling")]
    except Exception:  # strict reading failed: damaged, or built to confuse a reader
        return [ONLEESBAAR_PDF]
    if meldingen:  # pypdf repaired something: a viewer may read this file differently from us
        return [ONLEESBAAR_PDF]
    vondsten = [(f"{wat} ({', '.join(sorted(namen))})", verwacht) for (wat, verwacht), namen in merken.items()]
    if links:
        vondsten.append((f"bevat een link naar {_opsomming(links)}", VEILIGE_LINK))
    return sorted(vondsten)


class _Versleuteld(Exception):
    pass


@contextmanager
def _pypdf_meldingen() -> Iterator[list[logging.LogRecord]]:
    """The warnings pypdf logs while reading (each one a repair it made), kept from the terminal."""
    logger, meldingen = logging.getLogger("pypdf"), []
    handler = logging.Handler(logging.WARNING)
    handler.emit = meldingen.append  # type: ignore[method-assign]
    propageren, niveau = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield meldingen
    finally:
        logger.removeHandler(handler)
        logger.propagate = propageren
        logger.setLevel(niveau)


def _pdf_objecten(inhoud: bytes) -> list:
    """The trailer and every object of the PDF, read strictly (pypdf's xref tables: pinned and tested)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError
    from pypdf.generic import IndirectObject

    try:
        lezer = PdfReader(io.BytesIO(inhoud), strict=True)
    except DependencyError as fout:  # opening an AES-encrypted file asks for the optional cryptography package
        raise _Versleuteld from fout
    if lezer.is_encrypted:
        raise _Versleuteld
    nummers = {(nummer, generatie) for generatie, tabel in lezer.xref.items() for nummer in tabel}
    nummers |= {(nummer, 0) for nummer in lezer.xref_objStm}  # objects inside compressed object streams
    return [lezer.trailer] + [lezer.get_object(IndirectObject(n, g, lezer)) for n, g in sorted(nummers) if n]


def _pdf_waarden(objecten: list) -> Iterator:
    """Every dictionary and array inside the objects, nested ones too (indirect ones are objects of their own)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stapel = list(objecten)  # an explicit stack: arrays nested thousands deep do not hit the recursion limit
    while stapel:
        waarde = stapel.pop()
        if isinstance(waarde, DictionaryObject):  # a stream is a dictionary too: its dictionary is checked
            yield waarde
            stapel += [v for v in waarde.values() if not isinstance(v, IndirectObject)]
        elif isinstance(waarde, ArrayObject):
            stapel += [v for v in waarde if not isinstance(v, IndirectObject)]


def _pdf_merken(woordenboek) -> Iterator[tuple[str, object]]:
    """(refused name, its value) for each key of one dictionary, and each type value, that is refused or a link."""
    from pypdf.generic import NameObject

    for sleutel, waarde in woordenboek.items():  # keys are decoded NameObjects
        if sleutel in PDF_MERKEN or sleutel == "/URI":
            yield str(sleutel), waarde.get_object() if waarde is not None else waarde
        if sleutel in _TYPESLEUTELS and isinstance(waarde, NameObject) and waarde in PDF_MERKEN:
            yield str(waarde), None


def _naar_een_pagina(actie: object) -> bool:
    """Whether an /OpenAction only opens the file at a page: a destination, or a plain GoTo action to one."""
    from pypdf.generic import ArrayObject, DictionaryObject

    if isinstance(actie, DictionaryObject):
        return actie.get("/S") == "/GoTo" and set(actie) <= {"/Type", "/S", "/D"}
    return isinstance(actie, ArrayObject)


def _onveilige_link(doel: object) -> list[str]:
    """The link itself when a /URI value is not an https: or mailto: address; the catalog's /URI base is no link."""
    from pypdf.generic import DictionaryObject

    if isinstance(doel, DictionaryObject):
        return []
    tekst = doel.decode("latin-1") if isinstance(doel, bytes) else doel if isinstance(doel, str) else ""
    return [] if tekst.lower().startswith(VEILIGE_SCHEMAS) else [tekst or "een adres dat geen tekst is"]


def _opsomming(teksten: list[str], hoogstens: int = 3) -> str:
    uniek = sorted(set(teksten))
    getoond = ", ".join(f"'{t[:80]}'" for t in uniek[:hoogstens])
    return getoond + (f" en {len(uniek) - hoogstens} andere" if len(uniek) > hoogstens else "")


# --- OpenDocument and Office Open XML packages ----------------------------------------------------------------

_MACRO = ("bevat macro's of scripts", GEEN_MACROS)
_OBJECT = ("bevat een ingesloten object of programma", GEEN_MACROS)
_BUITEN = ("haalt iets op van buiten het document (een koppeling naar een ander bestand of adres)", GEEN_MACROS)
_ZIPPAD = ("bevat een onderdeel met een pad buiten het document", "een document zoals een kantoorpakket het opslaat")
NS_RELATIES = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_XLINK = "http://www.w3.org/1999/xlink"
NS_ODF = "urn:oasis:names:tc:opendocument:xmlns:"
NS_MANIFEST = NS_ODF + "manifest:1.0"


def _pakket_vondsten(inhoud: bytes, odf: bool) -> list[Vondst]:
    """Everything in an OpenDocument or Office package that unpacks too far, runs, embeds or reaches outside.

    The entries are judged by name first (paths, macros, embedded objects); their content is read only when the
    package is within ``MAX_UITGEPAKT`` and ``MAX_ONDERDELEN``, and then every entry's checksum is verified, so
    the sizes it declares are the sizes it has.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as pakket:
            onderdelen = pakket.infolist()
            vondsten, omvang = _onderdeel_vondsten(onderdelen, odf), _omvang_vondsten(onderdelen)
            if omvang:
                return sorted(set(vondsten + omvang))
            if pakket.testzip() is not None:
                return [ONLEESBAAR_PAKKET]
            lees = (_odf_xml if odf else _ooxml_xml)(pakket, onderdelen)
    except Exception:  # a damaged package, or XML that cannot be read: refused, never half checked
        return [ONLEESBAAR_PAKKET]
    return sorted(set(vondsten + lees))


def _omvang_vondsten(onderdelen: list[zipfile.ZipInfo]) -> list[Vondst]:
    """Too many entries, too much once unpacked, or encrypted entries (which cannot be checked)."""
    vondsten = []
    if len(onderdelen) > MAX_ONDERDELEN:
        vondsten.append((f"bestaat uit {len(onderdelen)} onderdelen", f"hoogstens {MAX_ONDERDELEN}"))
    uitgepakt = sum(o.file_size for o in onderdelen)
    if uitgepakt > MAX_UITGEPAKT:
        vondsten.append((f"pakt uit tot {_omvang(uitgepakt)}", f"hoogstens {_omvang(MAX_UITGEPAKT)} uitgepakt"))
    if any(o.flag_bits & 1 for o in onderdelen):
        vondsten.append(("is versleuteld of met een wachtwoord beveiligd", "een document zonder wachtwoord"))
    return vondsten


def _onderdeel_vondsten(onderdelen: list[zipfile.ZipInfo], odf: bool) -> list[Vondst]:
    """Judged by the entries' names: paths that leave the package, names twice, macros, embedded objects."""
    vondsten, namen = [], [o.filename for o in onderdelen]
    for naam in namen:
        klein, delen = naam.lower(), naam.split("/")
        if naam.startswith("/") or "\\" in naam or ".." in delen or re.match(r"[A-Za-z]:", naam):
            vondsten.append(_ZIPPAD)
        if (odf and klein.startswith(("basic/", "scripts/"))) or klein.endswith(("vbaproject.bin", "vbadata.xml")):
            vondsten.append(_MACRO)
        # an OLE object is a file 'Object 1'; an embedded chart is a folder, its picture in ObjectReplacements/
        if odf and re.fullmatch(r"Object \d+", delen[-1]) and "ObjectReplacements" not in delen:
            vondsten.append(_OBJECT)
        if not odf and ("/embeddings/" in f"/{klein}" or "oleobject" in klein or "/activex/" in f"/{klein}"):
            vondsten.append(_OBJECT)
    if len(set(namen)) < len(namen):  # two readers may pick different ones of the same name
        vondsten.append(("bevat een onderdeel twee keer", "een document zoals een kantoorpakket het opslaat"))
    return vondsten


def _ooxml_xml(pakket: zipfile.ZipFile, onderdelen: list[zipfile.ZipInfo]) -> list[Vondst]:
    """Content types that are macro-enabled, and relationships that embed or point outside the package.

    An external relationship is refused unless it is a hyperlink to an https: or mailto: address (as in a PDF):
    the others make Word fetch a template, picture or frame from another address when the file is opened.
    """
    vondsten: list[Vondst] = []

    def type_element(tag: str, attributen: dict[str, str]) -> None:
        inhoudstype = attributen.get("ContentType", "").lower()
        if "macroenabled" in inhoudstype or "vbaproject" in inhoudstype:
            vondsten.append(_MACRO)
        elif "oleobject" in inhoudstype or "activex" in inhoudstype:
            vondsten.append(_OBJECT)

    def relatie(tag: str, attributen: dict[str, str]) -> None:
        soort, doel = attributen.get("Type", ""), attributen.get("Target", "")
        if soort.endswith(("/oleObject", "/package", "/control", "/vbaProject")):
            vondsten.append(_OBJECT)
        if "TargetMode" in attributen and attributen["TargetMode"] != "Internal":
            if not soort.endswith("/hyperlink"):
                vondsten.append(_BUITEN)
            elif not doel.lower().startswith(VEILIGE_SCHEMAS):
                vondsten.append((f"bevat een link naar {_opsomming([doel])}", VEILIGE_LINK))

    for onderdeel in onderdelen:
        if onderdeel.filename == "[Content_Types].xml":
            _lees_xml(pakket, onderdeel, type_element)
        elif onderdeel.filename.endswith(".rels"):
            _lees_xml(pakket, onderdeel, relatie)
    return vondsten


def _odf_xml(pakket: zipfile.ZipFile, onderdelen: list[zipfile.ZipInfo]) -> list[Vondst]:
    """Scripts bound to events, DDE links, OLE objects in the manifest, and references outside the package.

    A hyperlink (``text:a``, ``draw:a``) may go to an https: or mailto: address or to a place in the document;
    every other reference (a picture, a linked section or table) must be an entry of the package itself.
    Elements and attributes are compared by namespace, not by prefix: a document may choose its own prefixes.
    """
    vondsten: list[Vondst] = []
    links = {f"{{{NS_ODF}text:1.0}}a", f"{{{NS_ODF}drawing:1.0}}a"}

    def element(tag: str, attributen: dict[str, str]) -> None:
        naam = tag.rsplit("}", 1)[-1]
        if tag.startswith(f"{{{NS_ODF}script:1.0}}"):
            vondsten.append(_MACRO)
        if naam.startswith("dde-"):
            vondsten.append(_BUITEN)
        if "oleobject" in attributen.get(f"{{{NS_MANIFEST}}}media-type", "").lower():
            vondsten.append(_OBJECT)
        adres = attributen.get(f"{{{NS_XLINK}}}href")
        if adres is None:
            return
        if adres.lower().startswith(("vnd.sun.star.script:", "macro:")):
            vondsten.append(_MACRO)
        elif tag in links:
            if not (adres.startswith("#") or adres.lower().startswith(VEILIGE_SCHEMAS)):
                vondsten.append((f"bevat een link naar {_opsomming([adres])}", VEILIGE_LINK))
        elif not _binnen_pakket(adres):
            vondsten.append(_BUITEN)

    for onderdeel in onderdelen:
        if onderdeel.filename.endswith(".xml") and onderdeel.file_size:  # LibreOffice writes empty ones
            _lees_xml(pakket, onderdeel, element)
    return vondsten


def _binnen_pakket(adres: str) -> bool:
    """Whether a reference names an entry of the package: relative, no scheme, not leaving it with '..'."""
    delen = adres.removeprefix("./").split("/")
    return bool(adres) and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|/|\\", adres) and ".." not in delen


def _lees_xml(pakket: zipfile.ZipFile, onderdeel: zipfile.ZipInfo, bij_element: Callable) -> None:
    """Hand each element of one XML entry, namespaces resolved, to ``bij_element``; raise when it is not plain XML.

    Plain means UTF-8 (what office suites write) and without a document type: a DTD is where entity expansion
    and outside references live, and no office document needs one. Nothing is built: a target gets the tags.
    """
    with pakket.open(onderdeel) as bestand:
        data = bestand.read(MAX_UITGEPAKT + 1)
    aanhef = re.match(rb"(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)", data)
    if b"\x00" in data or not _utf8(data) or b"<!DOCTYPE" in data:
        raise ValueError(f"{onderdeel.filename}: geen gewone XML")
    if aanhef and aanhef.group(1).lower() not in (b"utf-8", b"utf8"):
        raise ValueError(f"{onderdeel.filename}: geen UTF-8")

    class Doel:
        def start(self, tag: str, attributen: dict[str, str]) -> None:
            bij_element(tag, attributen)

        def close(self) -> None:
            return None

    lezer = ET.XMLParser(target=Doel())
    lezer.feed(data)
    lezer.close()
