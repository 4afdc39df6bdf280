"""Hostile input: refused by 'agenda check' with path and line, and neutralised in the output."""

from __future__ import annotations

import os

import pytest
from sitebouw import mkdocs_build, pagina, tekst

from regioagenda.publiceren.schoonmaak import schoon

BESLUIT = "decisions/0001-crisisbedden-borgen.md"
EINDE = "## Besluit\n\nBorgen.\n"


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("<script>alert(1)</script>", "HTML-element <script> in de tekst"),
        ('<img src="x" onerror="alert(1)">', "HTML-element <img> met een event-handler in de tekst"),
        ('<iframe src="https://example.org"></iframe>', "HTML-element <iframe> in de tekst"),
        ("<!-- verborgen -->", "HTML-commentaar in de tekst"),
        ("[klik](javascript:alert(1))", "link met 'javascript:'"),
        ("[plaatje](data:text/html;base64,PHNjcmlwdD4=)", "link met 'data:'"),
        ("[x]: vbscript:msgbox", "link met 'vbscript:'"),
    ],
)
def test_body_html_and_unsafe_links_are_refused(programma, regel, melding):
    programma.vervang(BESLUIT, EINDE, EINDE + "\n" + regel + "\n")
    [probleem] = programma.problemen()
    assert probleem.startswith(f"{BESLUIT}:20: {melding} — ")


def test_html_in_code_is_allowed(programma):
    programma.vervang(
        BESLUIT, EINDE, EINDE + "\nGebruik nooit `<script>` in een record.\n\n```\n<b>voorbeeld</b>\n```\n"
    )
    assert programma.problemen() == []


def test_yaml_tags_anchors_aliases_are_refused(programma):
    programma.vervang(
        BESLUIT, 'titel: "Crisisbedden borgen"', 'titel: !!python/object:os.system "x"\nbron: &anker "x"\nextra: *anker'
    )
    meldingen = [p.split(" — ")[0] for p in programma.problemen()]
    for verwacht in (
        f"{BESLUIT}:3: YAML-tag 'tag:yaml.org,2002:python/object:os.system'",
        f"{BESLUIT}:4: anker '&anker'",
        f"{BESLUIT}:5: verwijzing '*anker' naar een anker",
    ):
        assert verwacht in meldingen


def test_excessive_nesting(programma):
    diep = "bron: " + "[" * 14 + "x" + "]" * 14
    programma.vervang(BESLUIT, 'titel: "Crisisbedden borgen"', 'titel: "Crisisbedden borgen"\n' + diep)
    assert any(p.startswith(f"{BESLUIT}:4: meer dan 12 niveaus diep genest") for p in programma.problemen())


def test_control_and_bidi_characters(programma):
    programma.vervang(BESLUIT, "Borgen.", "Borgen\u202e.gnidolsnaab\n\nBel\x07 ons.")
    assert programma.problemen() == [
        f"{BESLUIT}:18: onzichtbaar richtingsteken U+202E in de tekst — gewone tekst zonder tekens die de "
        "leesrichting omdraaien",
        f"{BESLUIT}:20: stuurteken U+0007 in de tekst — gewone tekst zonder stuurtekens",
    ]


def test_file_over_the_size_limit(programma):
    programma.vervang(BESLUIT, "Borgen.", "Borgen. " * 40000)
    assert programma.problemen() == [
        f"{BESLUIT}:1: het bestand is 312 KiB groot — hoogstens 256 KiB per record; splits het op"
    ]


def test_symlinks_and_stray_files(programma):
    os.symlink(programma.pad(BESLUIT), programma.pad("decisions/0009-link.md"))
    programma.schrijf("decisions/notities.txt", "los bestand")
    programma.pad("agenda/deelopdrachten/oud").mkdir()
    assert programma.problemen() == [
        "agenda/deelopdrachten/oud:1: onverwachte map in een recordmap — alleen .md-records; zet andere bestanden "
        "elders",
        "decisions/0009-link.md:1: symbolische link in een recordmap — een gewoon bestand",
        "decisions/notities.txt:1: onverwacht bestand in een recordmap — alleen .md-records; zet andere bestanden "
        "elders",
    ]


def test_ids_are_ascii_slugs(programma):
    programma.pad("agenda/deelopdrachten/nazorg.md").rename(programma.pad("agenda/deelopdrachten/Nazörg.md"))
    assert (
        "agenda/deelopdrachten/Nazörg.md:1: bestandsnaam 'Nazörg.md' is geen geldige id — kleine letters, cijfers en "
        "streepjes, bijvoorbeeld jeugdhulpplus.md"
    ) in programma.problemen()


def test_record_text_is_data_not_a_template_and_titles_are_escaped(programma, tmp_path):
    programma.vervang(BESLUIT, 'titel: "Crisisbedden borgen"', 'titel: "Crisisbedden <b>borgen</b> {{ 7*7 }}"')
    programma.vervang(BESLUIT, "Borgen.", "Uitkomst: {{ 7*7 }} en {% raw %}.")
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    html_bron = pagina(site, "besluiten/0001-crisisbedden-borgen")
    assert "<title>Besluit 1: Crisisbedden &lt;b&gt;borgen&lt;/b&gt; {{ 7*7 }}" in html_bron
    assert "<b>borgen</b>" not in html_bron
    assert "Uitkomst: {{ 7*7 }} en {% raw %}." in tekst(html_bron)
    assert "49" not in tekst(html_bron)


def test_title_cannot_break_out_of_the_title_element(programma, tmp_path):
    programma.vervang(BESLUIT, 'titel: "Crisisbedden borgen"', 'titel: "</title><script>alert(1)</script>"')
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    html_bron = pagina(site, "besluiten/0001-crisisbedden-borgen")
    assert "<script>alert(1)</script>" not in html_bron
    assert "<title>Besluit 1: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; - " in html_bron


def test_hand_written_pages_are_checked_like_records(programma, tmp_path):
    programma.schrijf(
        "docs/over.md",
        "# Over\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        '[klik](javascript:alert(1))\n\n<iframe src="https://example.org"></iframe>\n\n<!-- geheim -->\n',
    )
    meldingen = [p.split(" — ")[0] for p in programma.problemen()]
    assert meldingen == [
        "docs/over.md:3: HTML-element <script> in de tekst",
        "docs/over.md:5: HTML-element <img> met een event-handler in de tekst",
        "docs/over.md:7: link met 'javascript:'",
        "docs/over.md:9: HTML-element <iframe> in de tekst",
        "docs/over.md:11: HTML-commentaar in de tekst",
    ]
    site = tmp_path / "site"
    uit = mkdocs_build(programma.root / "mkdocs.yml", site)
    assert uit.returncode == 1 and not site.exists()
    assert "docs/over.md:3: HTML-element <script> in de tekst" in uit.stderr


def test_sanitiser_keeps_the_sites_own_markup():
    eigen = (
        '<ol class="agenda-tijdlijn"><li><time datetime="2024-02-14">14 februari 2024</time></li></ol>'
        '<div class="planning__raster" style="--kwartalen:4"><span class="planning__balk" style="grid-column:2 / '
        '6">x</span></div>'
        '<svg class="kengetal" role="img" aria-labelledby="t" viewBox="0 0 1 1"><title id="t">T</title>'
        '<circle cx="1" cy="1" r="5"></circle></svg><table><tbody><tr><th>a</th></tr></tbody></table>'
    )
    assert schoon(eigen) == eigen
    assert schoon('<a href="javascript:alert(1)" onclick="x()">a</a><script>x()</script>') == "<a>a</a>"


def test_sanitiser_limits_ids_classes_and_hiding():
    kaping = (
        '<p id="__search" class="md-header agenda-bron" aria-hidden="true" role="dialog" tabindex="-1">x</p>'
        '<img src="https://tracker.example/p.gif" alt="p"><img src="//tracker.example/p.gif" alt="q">'
        '<img src="../plaatje.png" alt="r"><span aria-hidden="true">◆</span>'
    )
    assert schoon(kaping) == (
        '<p class="agenda-bron">x</p><img alt="p"><img alt="q"><img src="../plaatje.png" alt="r">'
        '<span aria-hidden="true">◆</span>'
    )
