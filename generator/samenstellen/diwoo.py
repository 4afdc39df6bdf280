"""DiWoo sitemaps: the meetings' published documents, described for the Woo-index harvester (DiWoo metadata 0.9.8).

The Wet open overheid requires active publication of agendas and besluitenlijsten (art. 3.3 lid 2 d) and of
vergaderstukken (art. 3.3 lid 2 c). The government's harvester (open.overheid.nl) finds them through the
robots.txt at the root of a registered (sub)domain, which names one sitemap index per information category; each
index names sitemaps of at most 50,000 documents (and 50 MB), and each ``<url>`` carries the document's metadata
in a ``diwoo:Document`` after its ``loc`` and ``lastmod``.

Everything here is pure and deterministic: no I/O, no clock. Times come from the records; where a record gives
only a day, the moment is 00:00 Europe/Amsterdam of that day (never a time the record does not give).

Categories. Agendas and besluitenlijsten go to 3.3.2d (index ``…infocat009``), papers to 3.3.2c
(``…infocat008``). The programme's decisions and the vastgestelde versions of its agenda are deliberately not
published under 3.3.1b "overige besluiten van algemene strekking" (002) or any other category: a regional
programme is not a bestuursorgaan, and what it decides is an agreement between its members, not a besluit with
legal effect. The decisions that have that effect are taken by each member's own college or council, which
publishes them itself (in its Gemeenteblad, and the adopted text as that council's own vergaderstuk); the
programme publishing them again would misattribute them and give the index duplicates. What the programme's
bodies decide is in their besluitenlijsten (009), and the documents they decided on are their papers (008).

Constants are taken literally from the value lists of the 0.9.8 XSD (``diwoo-metadata-lijsten.xsd``), never from
third-party code (woo-hoo's enums, for one, hold codes that do not exist).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from urllib.parse import quote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from regioagenda.model.datum import Datum, Precisie
from regioagenda.model.vergadering import Stuk, Vergadering
from regioagenda.model.vocab import VergaderStatus
from regioagenda.nederlands import datum as nl_datum
from regioagenda.patronen import TOOI_ORGANISATIE

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

MAX_URLS = 50_000
"""Entries in one sitemap, and sitemaps in one index (sitemaps.org; the harvesting rules repeat it)."""
MAX_BYTES = 50 * 1024 * 1024
"""Size of one sitemap file, uncompressed."""

_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"

# The form of an organisation's TOOI identifier lives with the other shared patterns (the check uses it too).


class Informatiecategorie(Enum):
    """The Woo information categories these sitemaps publish: (Woo article, NNN of the index name, TOOI URI, label).

    NNN is the category's place in art. 3.3 (lid 1 a–e, then lid 2 a–l), which the harvesting rules use in the
    index name ``sitemapindex-diwoo-infocatNNN.xml``; it is not a TOOI code.
    """

    VERGADERSTUKKEN = ("3.3.2c", "008", _KERN + "c_db4862c3", "vergaderstukken decentrale overheden")
    AGENDAS_EN_BESLUITENLIJSTEN = (
        "3.3.2d",
        "009",
        _KERN + "c_3a248e3a",
        "agenda\u2019s en besluitenlijsten bestuurscolleges",  # the list's own typographic apostrophe
    )

    def __init__(self, artikel: str, nummer: str, uri: str, label: str):
        self.artikel = artikel
        self.nummer = nummer
        self.uri = uri
        self.label = label


class Documentsoort(Enum):
    """Kinds of document (``documentsoortlijst``, ccw_plooi_documentsoorten v7): (TOOI URI, label)."""

    AGENDA = (_KERN + "c_f90465b3", "agenda")
    BESLUITENLIJST = (_KERN + "c_d4a4792f", "besluitenlijst")
    VERGADERSTUK = (_KERN + "c_7f9dffa7", "vergaderstuk")

    def __init__(self, uri: str, label: str):
        self.uri = uri
        self.label = label


class Handeling(Enum):
    """What was done to a document, and when (``soorthandelinglijst``, ccw_plooi_documenthandelingen v2).

    These three are the whole list: there is no 'publicatie'.
    """

    VASTSTELLING = (_KERN + "c_641ecd76", "vaststelling")
    ONTVANGST = (_KERN + "c_dfcee535", "ontvangst")
    ONDERTEKENING = (_KERN + "c_e1ec050e", "ondertekening")

    def __init__(self, uri: str, label: str):
        self.uri = uri
        self.label = label


class Taal(Enum):
    """A document's language (``taallijst``: the EU's authority URIs, which are http)."""

    NLD = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
    FRY = ("http://publications.europa.eu/resource/authority/language/FRY", "Fries")
    ENG = ("http://publications.europa.eu/resource/authority/language/ENG", "Engels")

    def __init__(self, uri: str, label: str):
        self.uri = uri
        self.label = label


_FILETYPE = "http://publications.europa.eu/resource/authority/file-type/"


class Bestandsformaat(Enum):
    """The file types the harvester accepts (``formatlijst``, ccw_plooi_filetypes v4), by media type."""

    HTML = (_FILETYPE + "HTML", "HTML", ("text/html", "application/xhtml+xml"))
    PDF = (_FILETYPE + "PDF", "PDF", ("application/pdf",))
    ODT = (_FILETYPE + "ODT", "ODT", ("application/vnd.oasis.opendocument.text",))
    ODS = (_FILETYPE + "ODS", "ODS", ("application/vnd.oasis.opendocument.spreadsheet",))
    ODP = (_FILETYPE + "ODP", "ODP", ("application/vnd.oasis.opendocument.presentation",))
    DOCX = (
        _FILETYPE + "DOCX",
        "Word DOCX",
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    )
    XLSX = (_FILETYPE + "XLSX", "Excel XLSX", ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",))
    PPTX = (
        _FILETYPE + "PPTX",
        "PowerPoint PPTX",
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation",),
    )
    DOC = (_FILETYPE + "DOC", "Word DOC", ("application/msword",))
    XLS = (_FILETYPE + "XLS", "Excel XLS", ("application/vnd.ms-excel",))
    PPT = (_FILETYPE + "PPT", "PowerPoint PPT", ("application/vnd.ms-powerpoint",))
    RTF = (_FILETYPE + "RTF", "RTF", ("application/rtf", "text/rtf"))
    TXT = (_FILETYPE + "TXT", "Plain text", ("text/plain",))
    CSV = (_FILETYPE + "CSV", "CSV", ("text/csv",))
    ZIP = (_FILETYPE + "ZIP", "ZIP", ("application/zip",))

    def __init__(self, uri: str, label: str, mediatypes: tuple[str, ...]):
        self.uri = uri
        self.label = label
        self.mediatypes = mediatypes

    @classmethod
    def van_mediatype(cls, mediatype: str) -> Bestandsformaat | None:
        """The format of a media type ('application/pdf; …' too); None for one the harvester does not take."""
        soort = mediatype.split(";", 1)[0].strip().lower()
        return next((f for f in cls if soort in f.mediatypes), None)


@dataclass(frozen=True)
class Publisher:
    """An organisation as the DiWoo metadata names it: its name and its TOOI identifier."""

    naam: str
    tooi_uri: str

    def __post_init__(self):
        if not TOOI_ORGANISATIE.fullmatch(self.tooi_uri):
            raise ValueError(
                f"'{self.tooi_uri}' is geen TOOI-identifier van een organisatie — verwacht is bijvoorbeeld "
                "https://identifier.overheid.nl/tooi/id/gemeente/gm0014 of …/tooi/id/so/so1089"
            )
        if not _tekst(self.naam):
            raise ValueError(f"de organisatie {self.tooi_uri} heeft geen naam")


@dataclass(frozen=True)
class Woodocument:
    """One published document as the harvester sees it: where it is, what it is, and what was done to it when."""

    url: str
    """Absolute https URL of the document itself (the file, or the page that is the document; never an overview
    page, and without a fragment: the harvester fetches the whole resource)."""
    titel: str
    """Its official title (record text: cleaned and escaped when written)."""
    informatiecategorie: Informatiecategorie
    documentsoort: Documentsoort
    handeling: Handeling
    moment: dt.datetime
    """When the ``handeling`` took place: timezone-aware (xs:dateTime)."""
    publisher: Publisher
    lastmod: dt.date | dt.datetime
    """When the document last changed, from the records (a day, or an aware commit time); never the build clock."""
    medeverantwoordelijken: tuple[Publisher, ...] = ()
    taal: Taal = Taal.NLD
    formaat: Bestandsformaat | None = None
    """None: not known; the harvester then takes it from the media type the server sends."""
    creatiedatum: dt.date | None = None

    def __post_init__(self):
        delen = urlsplit(self.url)
        if delen.scheme != "https" or not delen.hostname:
            raise ValueError(f"'{self.url}' is geen absolute https-URL")
        if delen.fragment or self.url.endswith("#"):
            raise ValueError(f"'{self.url}' wijst naar een deel van een pagina — verwacht is het document zelf")
        if self.moment.utcoffset() is None:
            raise ValueError(f"het moment van '{self.url}' heeft geen tijdzone")
        if isinstance(self.lastmod, dt.datetime) and self.lastmod.utcoffset() is None:
            raise ValueError(f"de wijzigingsdatum van '{self.url}' heeft geen tijdzone")
        if not _tekst(self.titel):
            raise ValueError(f"'{self.url}' heeft geen titel")


# --- From meetings to documents ---------------------------------------------------------------------------------

UrlVanVergadering = Callable[[Vergadering, Documentsoort], "str | None"]
UrlVanStuk = Callable[[Vergadering, Stuk], "str | None"]


def _dag(datum: Datum | None) -> dt.date | None:
    return datum.begin if datum is not None and datum.precisie is Precisie.DAG else None


def _moment(dag: dt.date, tijd: dt.time | None = None) -> dt.datetime:
    """The moment on a day in Europe/Amsterdam; 00:00 when the record gives no time."""
    return dt.datetime.combine(dag, tijd or dt.time(), AMSTERDAM)


def _uiterlijk(moment: dt.datetime, peildatum: dt.date | None) -> dt.datetime:
    """A moment no later than the peildatum: an agenda published for a meeting still to come was set by now, not on
    the meeting's day, and a paper without its own date was received by now (the records say no more)."""
    return moment if peildatum is None else min(moment, _moment(peildatum))


_AGENDA_OPENBAAR = frozenset({VergaderStatus.AGENDA_GEPUBLICEERD, VergaderStatus.GEHOUDEN})
"""The states in which a meeting's agenda is public."""


def woodocumenten(
    vergaderingen: Iterable[Vergadering],
    publisher: Publisher,
    url_van_vergadering: UrlVanVergadering,
    url_van_stuk: UrlVanStuk,
    *,
    gremiumnaam: Callable[[str], str],
    medeverantwoordelijken: tuple[Publisher, ...] = (),
    gewijzigd: Mapping[str, dt.datetime] | None = None,
    peildatum: dt.date | None = None,
) -> list[Woodocument]:
    """The documents the meetings of one programme publish under the Woo, in the meetings' order.

    - A meeting whose agenda is published (agenda-gepubliceerd, gehouden) gives its agenda: 'vaststelling' at the
      meeting's start (its day at 00:00 when no start is recorded). A body sets its agenda when the meeting opens,
      and the record knows no earlier moment (not when the chair drew it up, nor when it was put online); for a
      meeting still to come this is the moment it is planned for.
    - A held meeting gives its besluitenlijst: 'vaststelling' at the meeting's end (00:00 when no end is recorded).
    - Each paper of the meeting or of an item gives a vergaderstuk, whatever the meeting's status (a paper the
      site publishes is published): 'ontvangst' on its own day when the record dates it to the day, else on the
      meeting's day (00:00: no time is known). Its own day is also its creatiedatum. A paper whose media type
      the harvester does not take (an image, say) is left out; one with no known media type is listed without a
      format, and one without a title under its file's name.
    - A confidential meeting gives nothing; a confidential item none of its papers; a confidential paper never
      appears, also where another item names the same file. A file named twice appears once, the first time.
    - A meeting not dated to the day cannot say when anything happened, and gives no agenda or besluitenlijst.

    ``url_van_vergadering(vergadering, soort)`` is the absolute URL of the page that is the agenda or the
    besluitenlijst (one page each: the harvester takes a URL as one document), ``url_van_stuk(vergadering, stuk)``
    that of the paper's file; either gives None for a document the site does not publish, which then is not
    listed. ``gremiumnaam`` names a body by its id, for the titles. ``lastmod`` is the last commit time of the
    meeting's record (for its agenda and besluitenlijst) or of the paper's file (``gewijzigd``: path → commit time,
    from ``records.wijzigingen``), or else the day of its ``handeling``.
    """
    gewijzigd = gewijzigd or {}
    vergaderingen = list(vergaderingen)
    # Files confidential anywhere (in a confidential meeting or item, or marked so) are never listed anywhere.
    vertrouwelijk = {
        s.bestand
        for v in vergaderingen
        for geheim, stukken in (
            (v.vertrouwelijk, v.stukken),
            *((v.vertrouwelijk or p.vertrouwelijk, p.stukken) for p in v.punten),
        )
        for s in stukken
        if geheim or s.vertrouwelijk
    }
    vergaderingen = [v for v in vergaderingen if not v.vertrouwelijk]
    uit: list[Woodocument] = []
    gezien: set[str] = set()

    def document(**velden) -> Woodocument:
        return Woodocument(publisher=publisher, medeverantwoordelijken=medeverantwoordelijken, **velden)

    for v in vergaderingen:
        dag = _dag(v.datum)
        naam = f"{_tekst(gremiumnaam(v.gremium))}, {nl_datum(v.datum)}"
        if v.titel:
            naam += f": {_tekst(v.titel)}"
        bijgewerkt = gewijzigd.get(v.bestand)
        # the agenda once it is published, the besluitenlijst once the meeting is held: each set when it starts or ends
        for soort, kop, statussen, tijd in (
            (Documentsoort.AGENDA, "Agenda", _AGENDA_OPENBAAR, v.begin),
            (
                Documentsoort.BESLUITENLIJST,
                "Besluitenlijst",
                {VergaderStatus.GEHOUDEN} if v.heeft_besluitenlijst else set(),
                v.eind,
            ),
        ):
            url = url_van_vergadering(v, soort) if dag is not None and v.status in statussen else None
            if url is None:
                continue
            moment = _uiterlijk(_moment(dag, tijd), peildatum)
            uit.append(
                document(
                    url=url,
                    titel=f"{kop} {naam}",
                    informatiecategorie=Informatiecategorie.AGENDAS_EN_BESLUITENLIJSTEN,
                    documentsoort=soort,
                    handeling=Handeling.VASTSTELLING,
                    moment=moment,
                    lastmod=bijgewerkt or moment.date(),
                    formaat=Bestandsformaat.HTML,
                )
            )
        openbaar = (*v.stukken, *(s for p in v.punten if not p.vertrouwelijk for s in p.stukken))
        for stuk in openbaar:
            if stuk.vertrouwelijk or stuk.bestand in vertrouwelijk or stuk.bestand in gezien:
                continue
            eigen_dag = _dag(stuk.datum)
            ontvangen = eigen_dag or dag
            formaat = Bestandsformaat.van_mediatype(stuk.mediatype) if stuk.mediatype else None
            if ontvangen is None or (stuk.mediatype and formaat is None):
                continue
            url = url_van_stuk(v, stuk)
            if url is None:
                continue
            gezien.add(stuk.bestand)
            moment = _uiterlijk(_moment(ontvangen), peildatum)
            uit.append(
                document(
                    url=url,
                    titel=stuk.titel if _tekst(stuk.titel) else stuk.naam,
                    informatiecategorie=Informatiecategorie.VERGADERSTUKKEN,
                    documentsoort=Documentsoort.VERGADERSTUK,
                    handeling=Handeling.ONTVANGST,
                    moment=moment,
                    lastmod=gewijzigd.get(stuk.bestand) or moment.date(),
                    formaat=formaat,
                    creatiedatum=eigen_dag,
                )
            )
    return uit


# --- Writing ----------------------------------------------------------------------------------------------------

_GEEN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all (control characters, lone surrogates): record text may have them."""


def _tekst(waarde: str) -> str:
    """Record text as one clean line: NFC, no characters XML cannot hold, white space collapsed."""
    return " ".join(_GEEN_XML.sub(" ", unicodedata.normalize("NFC", waarde)).split())


_LOS_PROCENT = re.compile("%(?![0-9A-Fa-f]{2})")
"""A '%' that does not start an escape: part of a name ('50%.pdf'), so itself to be escaped."""


def _uri(url: str) -> str:
    """A URL as a sitemap needs it: percent-encoded (a paper's name may have spaces or accents), already
    encoded parts kept as they are."""
    delen = urlsplit(url)
    host = delen.netloc
    if not host.isascii():
        gebruiker, _, adres = host.rpartition("@")
        naam, dubbelepunt, poort = adres.partition(":")
        host = (gebruiker + "@" if gebruiker else "") + naam.encode("idna").decode("ascii") + dubbelepunt + poort
    veilig = "/%:@!$&'()*+,;=-._~"
    pad, vraag = (_LOS_PROCENT.sub("%25", deel) for deel in (delen.path, delen.query))
    return urlunsplit((delen.scheme, host, quote(pad, safe=veilig), quote(vraag, safe=veilig + "?"), ""))


def _tijd(waarde: dt.date | dt.datetime) -> str:
    """xs:date for a day; xs:dateTime to the second, in Europe/Amsterdam, for a moment."""
    if isinstance(waarde, dt.datetime):
        return waarde.astimezone(AMSTERDAM).isoformat(timespec="seconds")
    return waarde.isoformat()


def _als_moment(waarde: dt.date | dt.datetime) -> dt.datetime:
    return waarde if isinstance(waarde, dt.datetime) else _moment(waarde)


def _sub(ouder: ET.Element, naam: str, tekst: str | None = None, resource: str | None = None) -> ET.Element:
    element = ET.SubElement(ouder, naam, {"resource": resource} if resource else {})
    if tekst is not None:
        element.text = tekst
    return element


def _organisatie(ouder: ET.Element, naam: str, organisatie: Publisher) -> None:
    _sub(ouder, naam, _tekst(organisatie.naam), organisatie.tooi_uri)


def diwoo_document(document: Woodocument) -> ET.Element:
    """The ``diwoo:Document`` element of one document (prefixed names: the enclosing element declares ``diwoo``).

    ``DiWooType`` is an xs:all, so any order is valid; the elements follow the schema's own order.
    """
    root = ET.Element("diwoo:Document")
    diwoo = ET.SubElement(root, "diwoo:DiWoo")
    _organisatie(diwoo, "diwoo:publisher", document.publisher)
    if document.medeverantwoordelijken:
        mede = ET.SubElement(diwoo, "diwoo:medeverantwoordelijken")
        for organisatie in document.medeverantwoordelijken:
            _organisatie(mede, "diwoo:medeverantwoordelijke", organisatie)
    titels = ET.SubElement(diwoo, "diwoo:titelcollectie")
    _sub(titels, "diwoo:officieleTitel", _tekst(document.titel))
    classificatie = ET.SubElement(diwoo, "diwoo:classificatiecollectie")
    categorie = document.informatiecategorie
    categorieen = ET.SubElement(classificatie, "diwoo:informatiecategorieen")
    _sub(categorieen, "diwoo:informatiecategorie", categorie.label, categorie.uri)
    soort = document.documentsoort
    _sub(ET.SubElement(classificatie, "diwoo:documentsoorten"), "diwoo:documentsoort", soort.label, soort.uri)
    if document.creatiedatum is not None:
        _sub(diwoo, "diwoo:creatiedatum", document.creatiedatum.isoformat())
    _sub(diwoo, "diwoo:language", document.taal.label, document.taal.uri)
    if document.formaat is not None:
        _sub(diwoo, "diwoo:format", document.formaat.label, document.formaat.uri)
    handeling = ET.SubElement(ET.SubElement(diwoo, "diwoo:documenthandelingen"), "diwoo:documenthandeling")
    _sub(handeling, "diwoo:soortHandeling", document.handeling.label, document.handeling.uri)
    _sub(handeling, "diwoo:atTime", document.moment.isoformat(timespec="seconds"))
    return root


_KOP = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def _bytes(element: ET.Element, niveau: int = 0) -> bytes:
    ET.indent(element, level=niveau)
    return ET.tostring(element, encoding="utf-8")


def _url(document: Woodocument) -> bytes:
    url = ET.Element("url")
    _sub(url, "loc", _uri(document.url))
    _sub(url, "lastmod", _tijd(document.lastmod))
    url.append(diwoo_document(document))
    return b"  " + _bytes(url, 1) + b"\n"


def _bestandsnaam(categorie: Informatiecategorie, volgnummer: int) -> str:
    """The n-th sitemap of a category; the first keeps its name when a second is added."""
    staart = f"-{volgnummer}" if volgnummer > 1 else ""
    return f"diwoo/sitemap-infocat{categorie.nummer}{staart}.xml"


def indexnaam(categorie: Informatiecategorie) -> str:
    """Where a category's sitemap index is published, relative to the site: named as the harvester requires."""
    return f"diwoo/sitemapindex-diwoo-infocat{categorie.nummer}.xml"


def _basis(basis_url: str) -> str:
    delen = urlsplit(basis_url)
    if delen.scheme != "https" or not delen.hostname or delen.query or delen.fragment:
        raise ValueError(f"'{basis_url}' is geen absolute https-URL van een site")
    return basis_url if basis_url.endswith("/") else basis_url + "/"


def sitemaps(documenten: Iterable[Woodocument], basis_url: str, *, max_per_sitemap: int = MAX_URLS) -> dict[str, bytes]:
    """Every file to publish, by path relative to the site at ``basis_url``: per category with documents its
    sitemaps (``diwoo/sitemap-infocat009.xml``, then ``…009-2.xml`` past ``max_per_sitemap`` entries or 50 MB) and
    its index ``diwoo/sitemapindex-diwoo-infocat009.xml``.

    A category without documents has no files: an empty urlset or index is not valid. Within a category the
    documents are in the order of their ``handeling``, then URL, so new documents go to the last sitemap and the
    same documents always give the same bytes. Each index dates a sitemap by its latest entry.

    Raises ValueError when two documents have the same URL: the harvester identifies a document by its URL and
    would keep one of them at random.
    """
    basis = _basis(basis_url)
    documenten = list(documenten)
    per_url: dict[str, Woodocument] = {}
    for d in documenten:
        if _uri(d.url) in per_url:
            raise ValueError(f"twee documenten hebben dezelfde URL: {d.url}")
        per_url[_uri(d.url)] = d
    kop = _KOP + f'<urlset xmlns="{SITEMAP}" xmlns:diwoo="{DIWOO}">\n'.encode()
    voet = b"</urlset>\n"
    uit: dict[str, bytes] = {}
    for categorie in Informatiecategorie:
        eigen = sorted(
            (d for d in documenten if d.informatiecategorie is categorie), key=lambda d: (d.moment, _uri(d.url))
        )
        if not eigen:
            continue
        delen: list[tuple[list[bytes], dt.date | dt.datetime]] = []
        grootte = 0
        for d in eigen:
            regel = _url(d)
            if not delen or len(delen[-1][0]) >= max_per_sitemap or grootte + len(regel) > MAX_BYTES:
                delen.append(([], d.lastmod))
                grootte = len(kop) + len(voet)
            regels, laatst = delen[-1]
            regels.append(regel)
            grootte += len(regel)
            if _als_moment(d.lastmod) > _als_moment(laatst):
                delen[-1] = (regels, d.lastmod)
        if len(delen) > MAX_URLS:
            raise ValueError(f"meer dan {MAX_URLS} sitemaps voor {categorie.label}")
        index = ET.Element("sitemapindex", {"xmlns": SITEMAP})
        for volgnummer, (regels, laatst) in enumerate(delen, start=1):
            naam = _bestandsnaam(categorie, volgnummer)
            uit[naam] = kop + b"".join(regels) + voet
            verwijzing = ET.SubElement(index, "sitemap")
            _sub(verwijzing, "loc", _uri(basis + naam))
            _sub(verwijzing, "lastmod", _tijd(laatst))
        uit[indexnaam(categorie)] = _KOP + _bytes(index) + b"\n"
    return uit


def robots_regels(bestanden: Iterable[str], basis_url: str) -> str:
    """The ``Sitemap:`` lines for the robots.txt at the root of the domain: absolute URLs of the sitemap indexes
    among ``bestanden`` (the keys of ``sitemaps``), never of the sitemaps themselves."""
    basis = _basis(basis_url)
    indexen = sorted(b for b in bestanden if b.rsplit("/", 1)[-1].startswith("sitemapindex-diwoo-infocat"))
    return "".join(f"Sitemap: {_uri(basis + b)}\n" for b in indexen)
