"""DiWoo sitemaps of a programme's meetings: which documents, with which metadata, valid against the 0.9.8 XSD."""

from __future__ import annotations

import copy
import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from regioagenda.model.datum import Datum
from regioagenda.model.uitkomst import STANDAARD
from regioagenda.model.vergadering import Agendapunt, Stuk, Vergadering
from regioagenda.model.vocab import VergaderStatus
from regioagenda.samenstellen.diwoo import (
    DIWOO,
    SITEMAP,
    Bestandsformaat,
    Documentsoort,
    Handeling,
    Informatiecategorie,
    Publisher,
    Woodocument,
    robots_regels,
    sitemaps,
    woodocumenten,
)

XSD = Path(__file__).parent / "schemas" / "diwoo"
BASIS = "https://jeugdregio.example.nl/agenda/"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
SM = f"{{{SITEMAP}}}"
DW = f"{{{DIWOO}}}"

GRONINGEN = Publisher("gemeente Groningen", "https://identifier.overheid.nl/tooi/id/gemeente/gm0014")
STADSKANAAL = Publisher("gemeente Stadskanaal", "https://identifier.overheid.nl/tooi/id/gemeente/gm0037")
GREMIA = {"rbo": "Regionaal bestuurlijk overleg jeugd"}
PDF = "application/pdf"

GEHOUDEN = Vergadering(
    id="2025-03-12-rbo",
    gremium="rbo",
    datum=Datum.lees("2025-03-12"),
    status=VergaderStatus.GEHOUDEN,
    begin=dt.time(10, 0),
    eind=dt.time(12, 30),
    bestand="vergaderingen/2025-03-12-rbo.md",
    stukken=(Stuk("vergaderingen/2025-03-12-rbo/uitnodiging.pdf", "Uitnodiging", mediatype=PDF),),
    punten=(
        Agendapunt(
            "Inkoop jeugdhulp",
            uitkomst=STANDAARD[3],  # geaccordeerd: the meeting has a besluitenlijst
            stukken=(
                Stuk(
                    "vergaderingen/2025-03-12-rbo/notitie inkoop.pdf",
                    "Notitie inkoop & <tarieven>\x0b\n 2025",
                    datum=Datum.lees("2025-03-01"),
                    mediatype=PDF,
                ),
                Stuk(
                    "vergaderingen/2025-03-12-rbo/bijlage-geheim.pdf",
                    "Geheime bijlage",
                    vertrouwelijk=True,
                    mediatype=PDF,
                ),
                Stuk("vergaderingen/2025-03-12-rbo/foto.png", "Foto van de sessie", mediatype="image/png"),
            ),
        ),
        Agendapunt(
            "Personele kwestie",
            vertrouwelijk=True,
            stukken=(Stuk("vergaderingen/2025-03-12-rbo/personeel.pdf", "Dossier personeelszaak", mediatype=PDF),),
        ),
    ),
)
AGENDA_GEPUBLICEERD = Vergadering(
    id="2025-04-09-rbo",
    gremium="rbo",
    datum=Datum.lees("2025-04-09"),
    status=VergaderStatus.AGENDA_GEPUBLICEERD,
    bestand="vergaderingen/2025-04-09-rbo.md",
    punten=(
        Agendapunt(
            "Regiovisie",
            stukken=(
                Stuk(
                    "vergaderingen/2025-04-09-rbo/regiovisie.odt",
                    "Concept regiovisie",
                    datum=Datum.lees("2025-04"),  # only a month: received on the meeting's day
                    mediatype="application/vnd.oasis.opendocument.text",
                ),
                # named again, and confidential where it was named first: never listed
                Stuk("vergaderingen/2025-03-12-rbo/personeel.pdf", "Dossier personeelszaak", mediatype=PDF),
                # named twice: listed once
                Stuk("vergaderingen/2025-03-12-rbo/uitnodiging.pdf", "Uitnodiging", mediatype=PDF),
            ),
        ),
    ),
)
GEPLAND = Vergadering(
    id="2025-05-14-rbo",
    gremium="rbo",
    datum=Datum.lees("2025-05-14"),
    status=VergaderStatus.GEPLAND,
    bestand="vergaderingen/2025-05-14-rbo.md",
    punten=(Agendapunt("Jaarplan 2026"),),
)
AFGELAST = Vergadering(
    id="2025-06-11-rbo",
    gremium="rbo",
    datum=Datum.lees("2025-06-11"),
    status=VergaderStatus.AFGELAST,
    punten=(Agendapunt("Evaluatie"),),
)
VERTROUWELIJK = Vergadering(
    id="2025-03-26-beraad",
    gremium="rbo",
    datum=Datum.lees("2025-03-26"),
    status=VergaderStatus.GEHOUDEN,
    titel="Besloten beraad",
    vertrouwelijk=True,
    bestand="vergaderingen/2025-03-26-beraad.md",
    stukken=(Stuk("vergaderingen/2025-03-26-beraad/verslag-beraad.pdf", "Verslag besloten beraad", mediatype=PDF),),
    punten=(
        Agendapunt("Onderhandelingsruimte", stukken=(Stuk("vergaderingen/2025-03-26-beraad/ruimte.pdf", "Ruimte"),)),
    ),
)
VERGADERINGEN = [GEHOUDEN, VERTROUWELIJK, AGENDA_GEPUBLICEERD, GEPLAND, AFGELAST]

GEWIJZIGD = {"vergaderingen/2025-03-12-rbo.md": dt.datetime(2025, 3, 13, 9, 15, tzinfo=dt.UTC)}
"""The held meeting's record was last committed the day after: its agenda and besluitenlijst say so."""


def url_van_vergadering(v: Vergadering, soort: Documentsoort) -> str:
    return f"{BASIS}vergaderingen/{v.id}/{soort.label}/"


def url_van_stuk(v: Vergadering, stuk: Stuk) -> str:
    return BASIS + stuk.bestand


def documenten(**extra) -> list[Woodocument]:
    return woodocumenten(
        VERGADERINGEN,
        GRONINGEN,
        extra.pop("url_van_vergadering", url_van_vergadering),
        extra.pop("url_van_stuk", url_van_stuk),
        gremiumnaam=GREMIA.__getitem__,
        medeverantwoordelijken=(STADSKANAAL,),
        gewijzigd=GEWIJZIGD,
        **extra,
    )


# --- Which documents ------------------------------------------------------------------------------------------


def test_meetings_give_their_agendas_besluitenlijsten_and_public_papers():
    gezien = [
        (d.url.removeprefix(BASIS), d.documentsoort.label, d.informatiecategorie.nummer, d.handeling.label,
         d.moment.isoformat(), d.lastmod.isoformat())
        for d in documenten()
    ]  # fmt: skip
    commit = "2025-03-13T09:15:00+00:00"
    map_ = "vergaderingen/2025-03-12-rbo/"
    assert gezien == [
        # held: the agenda set at its start, the besluitenlijst at its end, dated by the record's last commit
        (map_ + "agenda/", "agenda", "009", "vaststelling", "2025-03-12T10:00:00+01:00", commit),
        (map_ + "besluitenlijst/", "besluitenlijst", "009", "vaststelling", "2025-03-12T12:30:00+01:00", commit),
        # a paper without a date is received on the meeting's day, one with a day on that day; 00:00, no time known
        (map_ + "uitnodiging.pdf", "vergaderstuk", "008", "ontvangst", "2025-03-12T00:00:00+01:00", "2025-03-12"),
        (map_ + "notitie inkoop.pdf", "vergaderstuk", "008", "ontvangst", "2025-03-01T00:00:00+01:00", "2025-03-01"),
        # agenda published, not yet held: no besluitenlijst; summer time; no start recorded, so 00:00
        ("vergaderingen/2025-04-09-rbo/agenda/", "agenda", "009", "vaststelling", "2025-04-09T00:00:00+02:00",
         "2025-04-09"),
        ("vergaderingen/2025-04-09-rbo/regiovisie.odt", "vergaderstuk", "008", "ontvangst",
         "2025-04-09T00:00:00+02:00", "2025-04-09"),
    ]  # fmt: skip


def test_the_uris_are_those_of_the_xsd_lists():
    assert Informatiecategorie.VERGADERSTUKKEN.uri == KERN + "c_db4862c3"
    assert Informatiecategorie.VERGADERSTUKKEN.nummer == "008"
    assert Informatiecategorie.AGENDAS_EN_BESLUITENLIJSTEN.uri == KERN + "c_3a248e3a"
    assert Informatiecategorie.AGENDAS_EN_BESLUITENLIJSTEN.nummer == "009"
    assert Documentsoort.AGENDA.uri == KERN + "c_f90465b3"
    assert Documentsoort.BESLUITENLIJST.uri == KERN + "c_d4a4792f"
    assert Documentsoort.VERGADERSTUK.uri == KERN + "c_7f9dffa7"
    assert Handeling.VASTSTELLING.uri == KERN + "c_641ecd76"
    assert Handeling.ONTVANGST.uri == KERN + "c_dfcee535"


def test_each_document_carries_titles_formats_and_organisations():
    per_url = {d.url.removeprefix(BASIS): d for d in documenten()}
    agenda = per_url["vergaderingen/2025-03-12-rbo/agenda/"]
    assert agenda.titel == "Agenda Regionaal bestuurlijk overleg jeugd, 12 maart 2025"
    assert agenda.formaat is Bestandsformaat.HTML and agenda.creatiedatum is None
    assert per_url["vergaderingen/2025-03-12-rbo/besluitenlijst/"].titel.startswith("Besluitenlijst Regionaal")
    notitie = per_url["vergaderingen/2025-03-12-rbo/notitie inkoop.pdf"]
    assert notitie.formaat is Bestandsformaat.PDF and notitie.creatiedatum == dt.date(2025, 3, 1)
    visie = per_url["vergaderingen/2025-04-09-rbo/regiovisie.odt"]
    assert visie.formaat is Bestandsformaat.ODT and visie.creatiedatum is None  # its date is only a month
    assert {d.publisher for d in per_url.values()} == {GRONINGEN}
    assert {d.medeverantwoordelijken for d in per_url.values()} == {(STADSKANAAL,)}


def test_the_written_metadata_names_the_uris_per_kind_of_document():
    categorie = {"agenda": "c_3a248e3a", "besluitenlijst": "c_3a248e3a", "vergaderstuk": "c_db4862c3"}
    handeling = {"agenda": "c_641ecd76", "besluitenlijst": "c_641ecd76", "vergaderstuk": "c_dfcee535"}
    soorten = []
    for inhoud in sitemaps(documenten(), BASIS).values():
        for document in ET.fromstring(inhoud).iter(DW + "Document"):
            soort = document.find(f".//{DW}documentsoort")
            soorten.append(soort.text)
            assert soort.get("resource") == Documentsoort[soort.text.upper()].uri
            assert document.find(f".//{DW}informatiecategorie").get("resource") == KERN + categorie[soort.text]
            assert document.find(f".//{DW}soortHandeling").get("resource") == KERN + handeling[soort.text]
            assert document.find(f".//{DW}publisher").get("resource") == GRONINGEN.tooi_uri
            assert document.find(f".//{DW}medeverantwoordelijke").get("resource") == STADSKANAAL.tooi_uri
            assert document.find(f".//{DW}language").get("resource").endswith("/language/NLD")
    assert sorted(soorten) == ["agenda", "agenda", "besluitenlijst", "vergaderstuk", "vergaderstuk", "vergaderstuk"]


def test_confidential_meetings_items_and_papers_never_appear():
    urls = {d.url for d in documenten()}
    for naam in ("bijlage-geheim.pdf", "personeel.pdf", "2025-03-26-beraad", "ruimte.pdf"):
        assert not any(naam in u for u in urls)
    bestanden = sitemaps(documenten(), BASIS)
    alles = b"".join(bestanden.values()).decode()
    for geheim in (
        "Geheime bijlage",
        "bijlage-geheim",
        "Personele kwestie",
        "personeel",
        "Besloten beraad",
        "beraad",
        "Onderhandelingsruimte",
        "ruimte.pdf",
    ):
        assert geheim not in alles


def test_a_paper_the_harvester_cannot_take_or_the_site_does_not_publish_is_left_out():
    assert not any(d.url.endswith("foto.png") for d in documenten())  # image/png is not in the format list
    zonder = documenten(url_van_stuk=lambda v, s: None if s.naam == "uitnodiging.pdf" else url_van_stuk(v, s))
    assert not any(d.url.endswith("uitnodiging.pdf") for d in zonder)
    assert len(zonder) == len(documenten()) - 1
    # without a commit date the agenda is dated by its meeting's day, never by the clock
    eerste = woodocumenten([GEHOUDEN], GRONINGEN, url_van_vergadering, url_van_stuk, gremiumnaam=GREMIA.get)[0]
    assert eerste.lastmod == dt.date(2025, 3, 12)


def test_a_planned_or_cancelled_meeting_gives_no_agenda():
    alleen = woodocumenten([GEPLAND, AFGELAST], GRONINGEN, url_van_vergadering, url_van_stuk, gremiumnaam=GREMIA.get)
    assert alleen == []
    assert sitemaps(alleen, BASIS) == {}


# --- The files ---------------------------------------------------------------------------------------------------


def test_files_are_named_as_the_harvester_reads_them():
    bestanden = sitemaps(documenten(), BASIS)
    assert list(bestanden) == [
        "diwoo/sitemap-infocat008.xml",
        "diwoo/sitemapindex-diwoo-infocat008.xml",
        "diwoo/sitemap-infocat009.xml",
        "diwoo/sitemapindex-diwoo-infocat009.xml",
    ]
    assert robots_regels(bestanden, BASIS) == (
        f"Sitemap: {BASIS}diwoo/sitemapindex-diwoo-infocat008.xml\n"
        f"Sitemap: {BASIS}diwoo/sitemapindex-diwoo-infocat009.xml\n"
    )


def test_same_documents_give_the_same_bytes_in_any_order():
    eerst = sitemaps(documenten(), BASIS)
    assert sitemaps(documenten(), BASIS) == eerst
    assert sitemaps(list(reversed(documenten())), BASIS) == eerst
    assert sitemaps(documenten(), BASIS.rstrip("/")) == eerst


def test_sitemaps_and_indexes_have_the_sitemaps_org_structure():
    bestanden = sitemaps(documenten(), BASIS)
    for naam, inhoud in bestanden.items():
        assert len(inhoud) < 50 * 1024 * 1024
        assert inhoud.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        root = ET.fromstring(inhoud)
        if "sitemapindex-" in naam:
            assert root.tag == SM + "sitemapindex"
            assert len(root) >= 1
            for sitemap in root:
                assert sitemap.tag == SM + "sitemap"
                assert [c.tag for c in sitemap] == [SM + "loc", SM + "lastmod"]
                loc = sitemap.findtext(SM + "loc")
                assert loc.startswith(BASIS) and loc.removeprefix(BASIS) in bestanden
        else:
            assert root.tag == SM + "urlset"
            assert 1 <= len(root) <= 50_000
            for url in root:
                assert url.tag == SM + "url"
                # loc, lastmod, then the extension: sitemap.xsd puts ##other elements after its own
                assert [c.tag for c in url] == [SM + "loc", SM + "lastmod", DW + "Document"]
                assert url.findtext(SM + "loc").startswith(BASIS)


def test_lastmod_of_entries_and_of_each_sitemap_come_from_the_records():
    bestanden = sitemaps(documenten(), BASIS)
    agendas = ET.fromstring(bestanden["diwoo/sitemap-infocat009.xml"])
    assert [(u.findtext(SM + "loc").removeprefix(BASIS), u.findtext(SM + "lastmod")) for u in agendas] == [
        ("vergaderingen/2025-03-12-rbo/agenda/", "2025-03-13T10:15:00+01:00"),
        ("vergaderingen/2025-03-12-rbo/besluitenlijst/", "2025-03-13T10:15:00+01:00"),
        ("vergaderingen/2025-04-09-rbo/agenda/", "2025-04-09"),
    ]
    index = ET.fromstring(bestanden["diwoo/sitemapindex-diwoo-infocat009.xml"])
    assert [(s.findtext(SM + "loc"), s.findtext(SM + "lastmod")) for s in index] == [
        (f"{BASIS}diwoo/sitemap-infocat009.xml", "2025-04-09")
    ]
    stukken = ET.fromstring(bestanden["diwoo/sitemap-infocat008.xml"])
    # in the order of receipt; the paper's name percent-encoded
    assert [u.findtext(SM + "loc").removeprefix(BASIS) for u in stukken] == [
        "vergaderingen/2025-03-12-rbo/notitie%20inkoop.pdf",
        "vergaderingen/2025-03-12-rbo/uitnodiging.pdf",
        "vergaderingen/2025-04-09-rbo/regiovisie.odt",
    ]


def test_record_text_is_escaped_and_cleaned():
    inhoud = sitemaps(documenten(), BASIS)["diwoo/sitemap-infocat008.xml"]
    assert b"Notitie inkoop &amp; &lt;tarieven&gt; 2025" in inhoud
    titels = [t.text for t in ET.fromstring(inhoud).iter(DW + "officieleTitel")]
    assert titels[0] == "Notitie inkoop & <tarieven> 2025"  # the vertical tab XML cannot hold is gone


def test_locations_are_percent_encoded_once():
    goed = documenten()[0]
    bestanden = sitemaps([replace(goed, url=f"{BASIS}stukken/50% korting é.pdf?a=1&b=%C3%A9")], BASIS)
    locs = [u.findtext(SM + "loc") for u in ET.fromstring(bestanden["diwoo/sitemap-infocat009.xml"])]
    assert locs == [f"{BASIS}stukken/50%25%20korting%20%C3%A9.pdf?a=1&b=%C3%A9"]


def test_a_category_is_split_past_the_limit_and_the_first_file_keeps_its_name():
    bestanden = sitemaps(documenten(), BASIS, max_per_sitemap=2)
    assert [n for n in bestanden if "infocat009" in n] == [
        "diwoo/sitemap-infocat009.xml",
        "diwoo/sitemap-infocat009-2.xml",
        "diwoo/sitemapindex-diwoo-infocat009.xml",
    ]
    index = ET.fromstring(bestanden["diwoo/sitemapindex-diwoo-infocat009.xml"])
    assert [(s.findtext(SM + "loc").removeprefix(BASIS), s.findtext(SM + "lastmod")) for s in index] == [
        ("diwoo/sitemap-infocat009.xml", "2025-03-13T10:15:00+01:00"),
        ("diwoo/sitemap-infocat009-2.xml", "2025-04-09"),
    ]
    assert sum(len(ET.fromstring(bestanden[n])) for n in bestanden if "/sitemap-infocat009" in n) == 3


def test_bad_documents_are_refused():
    goed = documenten()[0]
    for url in ("http://jeugdregio.example.nl/a/", "/vergaderingen/a/", f"{BASIS}vergaderingen/a/#agenda"):
        with pytest.raises(ValueError):
            replace(goed, url=url)
    with pytest.raises(ValueError, match="tijdzone"):
        replace(goed, moment=dt.datetime(2025, 3, 12, 10))
    with pytest.raises(ValueError, match="TOOI"):
        Publisher("Jeugdregio Voorbeeld", "https://identifier.overheid.nl/tooi/id/regio/jeugd")
    with pytest.raises(ValueError, match="dezelfde URL"):
        sitemaps([goed, replace(goed, titel="Ander document")], BASIS)
    with pytest.raises(ValueError):
        sitemaps([goed], "http://jeugdregio.example.nl/")


# --- Against the XSD ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema():
    """The vendored DiWoo 0.9.8 XSD, compiled offline: its MDTO import is mapped to the local stub."""
    etree = pytest.importorskip("lxml.etree", reason="lxml (the test extra) is needed to validate against the XSD")

    class OfflineMdto(etree.Resolver):
        def resolve(self, url, pubid, context):
            if url.startswith("https://www.nationaalarchief.nl/mdto/"):
                return self.resolve_filename(str(XSD / "mdto-stub.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(OfflineMdto())
    return etree.XMLSchema(etree.parse(str(XSD / "diwoo-metadata.xsd"), parser))


def _fouten(schema, element) -> list[str]:
    return [] if schema.validate(element) else [f"{e.line}: {e.message}" for e in schema.error_log]


def test_every_diwoo_document_is_valid_against_the_xsd(schema):
    from lxml import etree

    aantal = 0
    for naam, inhoud in sitemaps(documenten(), BASIS).items():
        for document in etree.fromstring(inhoud).iter(DW + "Document"):
            assert _fouten(schema, document) == [], naam
            assert document.find(DW + "DiWoo") is not None  # the XSD would take an empty Document
            aantal += 1
    assert aantal == len(documenten()) == 6


def test_the_xsd_does_refuse_what_is_wrong(schema):
    """The check is not vacuous: the compiled schema knows the value lists and the types."""
    from lxml import etree

    inhoud = sitemaps(documenten(), BASIS)["diwoo/sitemap-infocat009.xml"]
    goed = next(etree.fromstring(inhoud).iter(DW + "Document"))
    fout = copy.deepcopy(goed)
    next(fout.iter(DW + "informatiecategorie")).set("resource", KERN + "c_5540d806")  # woo-hoo's invented code
    assert _fouten(schema, fout)
    fout = copy.deepcopy(goed)
    next(fout.iter(DW + "atTime")).text = "2025-03-12"  # xs:dateTime, not a bare date
    assert _fouten(schema, fout)
    fout = copy.deepcopy(goed)
    next(fout.iter(DW + "publisher")).set("resource", "https://identifier.overheid.nl/tooi/id/gemeente/gm9999")
    assert _fouten(schema, fout)
