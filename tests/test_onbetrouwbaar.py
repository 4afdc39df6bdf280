"""Untrusted pull requests: every hostile record gets a Dutch 'pad:regel' problem, never a traceback.

One test per class of attack from the issue; the property-based test in test_vijandig_eigenschappen.py
fills every field with hostile text on top of these.
"""

from __future__ import annotations

import re

import pytest

BESLUIT = "decisions/0001-crisisbedden-borgen.md"
CHARTER = "agenda/deelopdrachten/crisisopvang.md"
TITEL = 'titel: "Crisisbedden borgen"'


def _enige(programma) -> list[str]:
    problemen = programma.problemen()
    assert problemen, "expected the record to be refused"
    for p in problemen:
        assert "Traceback" not in p and "Error" not in p, p
    return problemen


@pytest.mark.parametrize(
    "diep",
    [
        "bron: " + "[" * 300 + "]" * 300,
        "bron: " + "{a: " * 300 + "1" + "}" * 300,
        "bron:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 300)) + "  " * 300 + "x: 1",
        "bron:\n" + "".join("  " * i + "-\n" for i in range(1, 300)) + "  " * 300 + "- 1",
    ],
)
def test_deep_nesting_in_front_matter_is_refused_before_parsing(programma, diep):
    programma.vervang(BESLUIT, TITEL, TITEL + "\n" + diep)
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:") and "meer dan 12 niveaus diep genest" in p for p in problemen), problemen


def test_deep_nesting_in_a_yaml_file(programma):
    programma.schrijf("agenda/risicos.yml", "toelichting: " + "[" * 500 + "]" * 500 + "\n")
    assert any(p.startswith("agenda/risicos.yml:1: meer dan 12 niveaus diep genest") for p in _enige(programma))


def test_a_five_thousand_digit_number(programma):
    programma.vervang(BESLUIT, "nummer: 1", "nummer: " + "9" * 5000)
    assert (
        f"{BESLUIT}:2: getal van 5000 cijfers — hoogstens 15 cijfers; zet een code of kenmerk tussen "
        "aanhalingstekens" in _enige(programma)
    )


def test_a_number_written_as_a_decimal(programma):
    programma.vervang(BESLUIT, "nummer: 1", "nummer: 1.0")
    assert f"{BESLUIT}:2: 'nummer' heeft de waarde '1.0' — een geheel getal" in _enige(programma)


@pytest.mark.parametrize("datum", ["0000-01", '"0000"', "0000-Q1", "0000-01-01", "9999-12-31"])
def test_year_zero_and_far_years(programma, datum):
    programma.vervang(BESLUIT, "{datum: 2024-01-10, uitkomst: ingebracht}", f"{{datum: {datum}, uitkomst: ingebracht}}")
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:8: '") and "ligt buiten 1900–2199" in p for p in problemen), problemen


@pytest.mark.parametrize(
    ("waarde", "teken"),
    [
        (r'"\u202Eeguh"', "U+202E"),
        (r'"a\0b"', "U+0000"),
        (r'"\e[2J"', "U+001B"),
        (r'"a\u200Bb"', "U+200B"),
        (r'"a\u2028b"', "U+2028"),
        (r'"a\ud800b"', "U+D800"),
        (r'"a\x85b"', "U+0085"),
    ],
)
def test_escaped_characters_are_checked_after_decoding(programma, waarde, teken):
    programma.vervang(BESLUIT, TITEL, f"titel: {waarde}")
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:3: ") and teken in p for p in problemen), problemen


@pytest.mark.parametrize(
    "teken", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029", "\u200b", "\u00ad"]
)
def test_raw_separators_and_invisible_characters(programma, teken):
    programma.vervang(BESLUIT, "Borgen.", f"Bor{teken}gen.")
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:18: ") and f"U+{ord(teken):04X}" in p for p in problemen), problemen


def test_zero_width_character_in_an_id(programma):
    programma.vervang(BESLUIT, "deelopdrachten: [crisisopvang]", "deelopdrachten: [crisis\u200bopvang]")
    assert any(p.startswith(f"{BESLUIT}:6: onzichtbaar teken U+200B") for p in _enige(programma))


@pytest.mark.parametrize(
    ("regel", "melding"),
    [
        ("![p](https://tracker.example/p.gif)", "afbeelding in een record"),
        ("![p](p.gif)", "afbeelding in een record"),
        ("[x](//tracker.example/x)", "adres zonder schema"),
        ('<img\nsrc="https://tracker.example/p.gif">', "HTML-element <img> in de tekst"),
        ("Tekst\n{: src=https://tracker.example/p.gif }", "attributen tussen accolades"),
        ('[Besluit 2](https://phish.example){: href="https://phish.example" }', "attributen tussen accolades"),
        ("## Kop {#__search}", "attributen tussen accolades"),
        ("Verborgen {: .md-header aria-hidden=true }", "attributen tussen accolades"),
        (
            "[besluit 2](../besluiten/0002-nazorg-verkennen.md)",
            "link naar '../besluiten/0002-nazorg-verkennen.md' binnen de site",
        ),
        ("![p][r]\n\n[r]: https://tracker.example/p.gif", "afbeelding via een verwijzing"),
        ("<!DOCTYPE html>", "HTML-declaratie in de tekst"),
    ],
)
def test_outside_resources_and_attributes_in_a_body(programma, regel, melding):
    programma.vervang(BESLUIT, "Borgen.", "Borgen.\n\n" + regel)
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:") and melding in p for p in problemen), problemen


def test_markdown_fields_in_front_matter_are_scanned_like_bodies(programma):
    programma.vervang(
        CHARTER,
        'omschrijving: "Crisisbedden borgen voor de hele regio."',
        'omschrijving: "Zie ![p](https://tracker.example/p.gif)"\n    doel: "<img src=x onerror=alert(1)>"',
    )
    problemen = _enige(programma)
    assert (
        f"{CHARTER}:12: afbeelding in een record — geen afbeeldingen in records: de site haalt niets van elders en "
        "een record staat op meerdere pagina's; zet een afbeelding op een pagina in docs/" in problemen
    )
    assert any(p.startswith(f"{CHARTER}:13: HTML-element <img> met een event-handler") for p in problemen)


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("[" * 30_000, "meer dan 300 haken '[' in één alinea"),
        ("[a" * 250 + "x" * 60_000, "alinea te zwaar om op te maken (250 haken '[' in 60501 tekens)"),
        ("<a " * 60_000, "HTML-element <a> in de tekst"),
        ("\n\n".join(["[" * 250] * 20), "meer dan 3000 haken '[' in één tekst"),
        ("\n".join("# Kop" for _ in range(200)), "meer dan 150 koppen"),
        ("".join("    " * i + "- x\n" for i in range(100)), "tekens ingesprongen"),
        (">" * 50 + " x", "citaat van meer dan 8 niveaus"),
    ],
)
def test_render_cost_is_limited_before_markdown_runs(programma, tekst, melding):
    programma.vervang(BESLUIT, "Borgen.", tekst)
    problemen = _enige(programma)
    assert any(p.startswith(f"{BESLUIT}:") and melding in p for p in problemen), problemen


def test_ordinary_markdown_passes(programma):
    programma.vervang(
        BESLUIT,
        "Borgen.",
        "Borgen, zie [de wet](https://wetten.overheid.nl/) en [boven](#besluit).\n\n"
        "- een\n    - twee\n\n> citaat\n\n---\n\nKop\n---\n\n`<b>` in code, and: `{: .x }`\n\n```\n<b>{: #x "
        "}</b>\n```\n",
    )
    assert programma.problemen() == []


def test_plain_fields_are_escaped_in_the_engine_neutral_tree(programma, tmp_path):
    """Without MkDocs and nh3, the Markdown tree itself carries no live HTML, link or attribute from a plain field."""
    import datetime as dt

    from regioagenda.publiceren.boom import bouw_boom

    vijandig = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) {: #__search } **vet**"
    programma.vervang(CHARTER, 'titel: "Fase 1"', f"titel: {vijandig!r}".replace("'", '"'))
    programma.vervang(BESLUIT, TITEL, f"titel: {vijandig!r}".replace("'", '"'))
    assert programma.problemen() == []
    assert bouw_boom(programma.root, tmp_path / "boom", dt.date(2025, 1, 1)) == []
    teksten = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "boom").rglob("*.md"))
    assert "onerror" in teksten  # the text is shown …
    # Raw HTML blocks (the timeline) are not Markdown: there only HTML escaping counts.
    teksten = "\n".join(r for r in teksten.splitlines() if not r.startswith("<"))
    for levend in (
        r"<img",
        r"(?<!\\)\]\(javascript:",
        r"(?<!\\)\{: #__search",
        r"(?<!\\)\*\*vet",
    ):  # … but never as markup
        assert not re.search(levend, teksten), levend


@pytest.mark.parametrize("doel", ["../.git/config", "/etc/passwd", "/proc/self/environ"])
def test_symlinks_in_docs_are_refused_and_never_published(programma, tmp_path, doel):
    import os

    from sitebouw import mkdocs_build

    (programma.root / ".git").mkdir(exist_ok=True)
    (programma.root / ".git" / "config").write_text("[remote]\n  token = geheim-token\n")
    os.symlink(doel, programma.pad("docs/c.txt"))
    assert (
        "docs/c.txt:1: symbolische link — een gewoon bestand; links naar andere plekken worden nooit gepubliceerd"
        in _enige(programma)
    )
    site = tmp_path / "site"
    uit = mkdocs_build(programma.root / "mkdocs.yml", site)
    assert uit.returncode == 1 and not site.exists()
    assert "docs/c.txt:1: symbolische link" in uit.stderr


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("docs/x.html", "<script>alert(1)</script>", "bestandstype '.html' wordt niet gepubliceerd"),
        ("docs/x.svg", '<svg onload="alert(1)"/>', "bestandstype '.svg' wordt niet gepubliceerd"),
        ("docs/x.js", "alert(1)", "bestandstype '.js' wordt niet gepubliceerd"),
        ("docs/plaatje.png", "<html><script>alert(1)</script>", "de inhoud is geen PNG-bestand"),
        ("docs/extra.md", "![p](https://tracker.example/p.gif)", "afbeelding van een ander adres"),
        ("overrides/main.html", '{% extends "base.html" %}<script src="x.js"></script>', "script of event-handler"),
        (
            "overrides/main.html",
            '<link rel="stylesheet" href="https://cdn.example/x.css">',
            "verwijzing naar een ander adres",
        ),
    ],
)
def test_other_input_folders_are_checked(programma, naam, inhoud, melding):
    programma.schrijf(naam, inhoud)
    assert any(p.startswith(f"{naam}:1: {melding}") for p in _enige(programma))


def test_pictures_and_pages_in_docs_are_fine(programma):
    programma.pad("docs/plaatje.png").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    programma.schrijf("docs/extra.md", "# Extra\n\n![Plaatje](plaatje.png)\n\n[Over](over.md)\n")
    assert programma.problemen() == []


def test_a_symlinked_record_folder_is_not_read(programma, tmp_path):
    import os
    import shutil

    buiten = tmp_path / "buiten"
    shutil.move(programma.pad("decisions"), buiten)
    os.symlink(buiten, programma.pad("decisions"))
    assert (
        "decisions:1: symbolische link in plaats van een recordmap of record — een gewone map of een gewoon bestand "
        "in de repository" in _enige(programma)
    )


def test_mkdocs_yml_cannot_add_outside_scripts_or_styles(programma, tmp_path):
    from sitebouw import mkdocs_build

    programma.vervang("mkdocs.yml", "plugins:", "extra_css: [https://cdn.example/x.css]\nplugins:")
    uit = mkdocs_build(programma.root / "mkdocs.yml", tmp_path / "site")
    assert uit.returncode == 1
    assert "mkdocs.yml:8: 'extra_css' haalt 'https://cdn.example/x.css' van een ander adres" in uit.stderr


@pytest.mark.parametrize(
    "omheind",
    [
        "  ```\n\n<script>x</script>\n\n  ```",
        "```python {.x}\n\n<img src=x>\n\n```",
        "~~~\n<b>x</b>\n~~~~\n\n<script>x</script>\n~~~",
    ],
)
def test_only_fences_every_renderer_sees_hide_html_from_the_check(programma, omheind):
    programma.vervang(BESLUIT, "Borgen.", "Borgen.\n\n" + omheind)
    assert any("HTML-element" in p for p in _enige(programma))


def test_html_inside_a_real_fence_is_an_example_not_markup(programma):
    programma.vervang(BESLUIT, "Borgen.", "Borgen.\n\n```html\n<b>voorbeeld</b>\n\n<script>ook</script>\n```\n")
    assert programma.problemen() == []
