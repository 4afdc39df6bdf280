"""mkdocs.yml is a record too: everything outside the written policy is refused with 'mkdocs.yml:regel'.

MkDocs reads mkdocs.yml with an unsafe YAML loader and runs hooks, plugins and extensions it names, so the
check ('agenda controleer', the first step of the pull request workflow) reads it itself; the build holds the
settings it really uses to the same rules. Theme overrides are read whole, not line by line.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitebouw import agenda, mkdocs_build

from regioagenda.records.mkdocsbeleid import (
    EXTRA,
    PLUGINS,
    SLEUTELS,
    THEMA,
    UITBREIDINGEN,
    _regels,
    controleer_mkdocs,
    uit_python,
)
from regioagenda.records.sitebestanden import _thema

ROOT = Path(__file__).resolve().parent.parent
GRONINGEN = ROOT / "tests" / "programmas" / "groningen-ontwikkeltafels"


def _regel(tekst: str, doel: str) -> int:
    return next(i for i, r in enumerate(tekst.splitlines(), start=1) if doel in r)


def _geweigerd(programma, oud: str, nieuw: str, doel: str, melding: str) -> None:
    """Change mkdocs.yml; 'agenda controleer' stops and names the line that holds ``doel``."""
    programma.vervang("mkdocs.yml", oud, nieuw)
    regel = _regel(programma.pad("mkdocs.yml").read_text("utf-8"), doel)
    uit = agenda("controleer", cwd=programma.root)
    assert uit.returncode == 1, uit.stdout
    assert "Traceback" not in uit.stderr
    assert f"mkdocs.yml:{regel}: {melding}" in uit.stderr, uit.stderr


EIND = "nav:"
"""Text in the minimal programme's mkdocs.yml before which a new top-level key goes."""

GEWEIGERD = [
    # code from the pull request, and files from elsewhere
    (EIND, "hooks: [haak.py]\nnav:", "hooks", "'hooks' wordt niet ondersteund (voert Python-code uit"),
    (EIND, "INHERIT: ../ander.yml\nnav:", "INHERIT", "'INHERIT' wordt niet ondersteund (leest instellingen uit"),
    (EIND, "extra_javascript: [x.js]\nnav:", "extra_javascript", "'extra_javascript' wordt niet ondersteund"),
    (EIND, "extra_templates: [x.html]\nnav:", "extra_templates", "'extra_templates' wordt niet ondersteund"),
    (EIND, "google_analytics: [UA-1, x]\nnav:", "google_analytics", "'google_analytics' wordt niet ondersteund"),
    (EIND, "remote_branch: main\nnav:", "remote_branch", "'remote_branch' wordt niet ondersteund — alleen de"),
    (EIND, "x: !!python/object/apply:os.system [id]\nnav:", "x: !!", "YAML-tag 'tag:yaml.org,2002:python/object/"),
    (EIND, "x: !!python/name:os.system\nnav:", "x: !!", "YAML-tag 'tag:yaml.org,2002:python/name:os.system'"),
    (EIND, "x: &a 1\ny: *a\nnav:", "y: *a", "verwijzing '*a' naar een anker"),
    (EIND, "<<: {site_author: x}\nnav:", "<<", "merge-sleutel '<<'"),
    (EIND, "docs_dir: tweede\nnav:", "tweede", "sleutel 'docs_dir' komt twee keer voor"),
    (EIND, "site_description: !ENV [AGENDA_X, '<b>']\nnav:", "site_description", "'site_description': '<b>' bevat"),
    (EIND, "copyright: !ENV [HOME, x]\nnav:", "copyright", "'!ENV' leest de omgevingsvariabele 'HOME' — die kan"),
    (EIND, "copyright: !ENV GITHUB_TOKEN\nnav:", "copyright", "'!ENV' leest de omgevingsvariabele 'GITHUB_TOKEN'"),
    (EIND, "copyright: !ENV [AGENDA_A, CI, x]\nnav:", "copyright", "'!ENV' leest de omgevingsvariabele 'CI'"),
    ("lang: nl", "lang: !ENV TAAL", "lang: !ENV", "'!ENV' bij 'plugins.0.search.lang'"),
    (
        "pymdownx.superfences]",
        "pymdownx.superfences, pymdownx.snippets]",
        "snippets",
        "'markdown_extensions' noemt 'pymdownx.snippets', die niet wordt ondersteund (leest bestanden",
    ),
    (
        "[tables,",
        "[markdown_include.include, tables,",
        "markdown_include",
        "'markdown_extensions' noemt 'markdown_include.include', die niet wordt",
    ),
    (
        "[tables,",
        "[pymdownx.emoji, tables,",
        "emoji",
        "'markdown_extensions' noemt 'pymdownx.emoji', die niet wordt ondersteund (noemt",
    ),
    (
        "[tables,",
        "[{pymdownx.superfences: {custom_fences: []}}, tables,",
        "custom_fences",
        "'markdown_extensions.pymdownx.superfences.custom_fences' wordt niet ondersteund (noemt Python-functies)",
    ),
    ("[tables,", "[{toc: {slugify: x}}, tables,", "slugify", "'markdown_extensions.toc.slugify' wordt niet"),
    ("  - search:", "  - macros\n  - search:", "macros", "'plugins' noemt 'macros', die niet wordt ondersteund"),
    (
        '      peildatum: "2024-04-01"',
        '      peildatum: "2024-04-01"\n      intern: true',
        "intern",
        "'plugins.uitvoeringsagenda.intern' staat aan in mkdocs.yml",
    ),
    ('peildatum: "2024-04-01"', "peildatum: 2024-04-01", "peildatum", "'plugins.uitvoeringsagenda.peildatum' heeft"),
    ("      lang: nl", "      lang: nl\n      jieba_dict: /etc/passwd", "jieba", "'plugins.search.jieba_dict' wordt"),
    ("  - uitvoeringsagenda:\n", "  - x:\n", "  - x:", "'plugins' noemt 'x'"),
    # third-party code and fonts
    ("  font: false\n", "", "theme:", "'theme' mist 'font'"),
    ("font: false", "font: {text: Roboto}", "font", "'theme.font' is niet 'false' — Material haalt dan lettertypen"),
    ("name: material", "name: readthedocs", "readthedocs", "'theme.name' is 'readthedocs'"),
    ("theme:\n  name: material\n  language: nl\n  font: false\n", "theme: material\n", "theme", "'theme' is geen blok"),
    ("font: false", "font: false\n  static_templates: [x.html]", "static_templates", "'theme.static_templates' wordt"),
    (EIND, "extra:\n  analytics: {provider: google, property: G-1}\nnav:", "analytics", "'extra.analytics' wordt"),
    (EIND, "extra:\n  consent: {title: x}\nnav:", "consent", "'extra.consent' wordt niet ondersteund"),
    (EIND, "extra:\n  polyfills: [https://x.example/p.js]\nnav:", "polyfills", "'extra.polyfills' wordt niet"),
    (
        EIND,
        "extra_css: [https://cdn.example/x.css]\nnav:",
        "extra_css",
        "'extra_css' haalt 'https://cdn.example/x.css'",
    ),
    (EIND, "extra_css: [//cdn.example/x.css]\nnav:", "extra_css", "'extra_css' haalt '//cdn.example/x.css' van een"),
    ("font: false", "font: false\n  logo: https://x.example/l.png", "logo", "'theme.logo' haalt 'https://x.example"),
    ("font: false", "font: false\n  favicon: ../../x.png", "favicon", "'theme.favicon': '../../x.png' gaat met '..'"),
    # icons that are paths
    (
        "font: false",
        "font: false\n  icon:\n    repo: ../../etc/passwd",
        "repo:",
        "'theme.icon.repo': '../../etc/passwd' is geen naam van een icoon",
    ),
    ("font: false", "font: false\n  icon: {logo: /etc/passwd}", "icon:", "'theme.icon.logo': '/etc/passwd' is geen"),
    (
        "font: false",
        "font: false\n  icon: {logo: material/bestaat-niet}",
        "icon",
        "'theme.icon.logo': icoon 'material/bestaat-niet' bestaat niet",
    ),
    # addresses
    (
        "- Home: index.md",
        "- Home: javascript:alert(1)",
        "Home",
        "'nav': 'javascript:alert(1)' begint met 'javascript:'",
    ),
    ("- Home: index.md", "- Home: 'java&#x73;cript:alert(1)'", "Home", "'nav': 'java&#x73;cript:alert(1)' begint met"),
    ("- Home: index.md", '- Home: "JAVA\\tSCRIPT:alert(1)"', "Home", "'nav': 'JAVA\\u0009SCRIPT:alert(1)' bevat een"),
    ("- Home: index.md", "- Home: //evil.example/", "Home", "'nav': '//evil.example/' verwijst naar een ander domein"),
    ("- Home: index.md", "- Home: data:text/html,x", "Home", "'nav': 'data:text/html,x' begint met 'data:'"),
    (EIND, "repo_url: javascript:alert(1)\nnav:", "repo_url", "'repo_url': 'javascript:alert(1)' begint met"),
    (EIND, "repo_url: http://github.com/a/b\nnav:", "repo_url", "'repo_url': 'http://github.com/a/b' begint met"),
    (EIND, "edit_uri: JaVaScRiPt:x\nnav:", "edit_uri", "'edit_uri': 'JaVaScRiPt:x' begint met 'javascript:'"),
    (EIND, "site_url: 'https://x.example/\"a'\nnav:", "site_url", "'site_url': 'https://x.example/\"a' bevat een"),
    (EIND, "site_url: /alleen-een-pad/\nnav:", "site_url", "'site_url': '/alleen-een-pad/' is geen volledig"),
    (
        EIND,
        "extra:\n  social:\n    - icon: fontawesome/brands/github\n      link: javascript:alert(1)\nnav:",
        "link:",
        "'extra.social.link': 'javascript:alert(1)' begint met 'javascript:'",
    ),
    (EIND, "extra:\n  homepage: vbscript:x\nnav:", "homepage", "'extra.homepage': 'vbscript:x' begint met"),
    (
        EIND,
        "extra:\n  alternate:\n    - {name: English, link: 'javascript:x', lang: en}\nnav:",
        "English",
        "'extra.alternate.link': 'javascript:x' begint met",
    ),
    # folders
    ("docs_dir: docs", "docs_dir: ../elders", "docs_dir", "'docs_dir': '../elders' gaat met '..' omhoog"),
    ("docs_dir: docs", "docs_dir: /etc", "docs_dir", "'docs_dir': '/etc' is een absoluut pad of een adres"),
    ("docs_dir: docs", "docs_dir: .", "docs_dir", "'docs_dir': '.' is de repository zelf"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: decisions", "site_dir", "'site_dir': 'decisions' valt samen met"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: agenda/site", "site_dir", "'site_dir': 'agenda/site' valt samen"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: .git", "site_dir", "'site_dir': '.git' valt samen met '.git/'"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: docs/site", "site_dir", "'docs_dir' en 'site_dir' overlappen"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: generator", "site_dir", "'site_dir': 'generator' valt samen met"),
    ("font: false", "font: false\n  custom_dir: /tmp", "custom_dir", "'theme.custom_dir': '/tmp' is een absoluut pad"),
    ("font: false", "font: false\n  custom_dir: decisions", "custom_dir", "'theme.custom_dir': 'decisions' valt samen"),
    (EIND, "watch: [../..]\nnav:", "watch", "'watch': '../..' gaat met '..' omhoog"),
    # names are plain text
    ("site_name: Testprogramma Zuid", "site_name: <script>alert(1)</script>", "site_name", "'site_name': '<script>"),
    ("site_name: Testprogramma Zuid", 'site_name: "Zuid\\nNoord"', "site_name", "'site_name': de tekst heeft een"),
    ("site_name: Testprogramma Zuid", 'site_name: "Zuid\\u202e"', "site_name", "'site_name': de tekst bevat een"),
    (EIND, "copyright: <b>x</b>\nnav:", "copyright", "'copyright': '<b>x</b>' bevat '<', '>' of '\"'"),
    ("- Home: index.md", "- '<img src=x>': index.md", "img", "'nav': '<img src=x>' bevat '<'"),
    # keys nobody asked for
    (EIND, "onbekend: 1\nnav:", "onbekend", "'onbekend' wordt niet ondersteund — alleen de instellingen 'site_name',"),
    (EIND, "dev_addr: 0.0.0.0:8000\nnav:", "dev_addr", "'dev_addr' heeft de waarde '0.0.0.0:8000'"),
    ("strict: true", "strict: misschien", "strict: misschien", "'strict' heeft de waarde 'misschien' — true of false"),
]


@pytest.mark.parametrize(
    ("oud", "nieuw", "doel", "melding"), GEWEIGERD, ids=[g[2] + "-" + g[3][:30] for g in GEWEIGERD]
)
def test_agenda_controleer_refuses_mkdocs_yml_outside_the_policy(programma, oud, nieuw, doel, melding):
    _geweigerd(programma, oud, nieuw, doel, melding)


def test_the_plugin_must_be_listed(programma):
    programma.vervang("mkdocs.yml", '  - uitvoeringsagenda:\n      peildatum: "2024-04-01"\n', "")
    assert (
        "mkdocs.yml:8: 'plugins' noemt de plugin van de agenda niet" in agenda("controleer", cwd=programma.root).stderr
    )


def test_a_symlinked_mkdocs_yml_is_refused(programma, tmp_path):
    buiten = tmp_path / "buiten.yml"
    buiten.write_text(programma.pad("mkdocs.yml").read_text("utf-8"), "utf-8")
    programma.pad("mkdocs.yml").unlink()
    os.symlink(buiten, programma.pad("mkdocs.yml"))
    uit = agenda("controleer", cwd=programma.root)
    assert uit.returncode == 1 and "mkdocs.yml:1: mkdocs.yml is een symbolische link" in uit.stderr


def test_mkdocs_yml_that_is_not_utf8_or_not_yaml(programma):
    programma.pad("mkdocs.yml").write_bytes(b"site_name: Zuid \xff\n")
    assert "mkdocs.yml:1: mkdocs.yml is geen UTF-8-tekst" in agenda("controleer", cwd=programma.root).stderr
    programma.schrijf("mkdocs.yml", "site_name: Zuid\ntheme: [\n")
    uit = agenda("controleer", cwd=programma.root)
    assert uit.returncode == 1 and "mkdocs.yml:3: ongeldige YAML" in uit.stderr and "Traceback" not in uit.stderr


def test_a_symlinked_custom_dir_that_leaves_the_repository(programma, tmp_path):
    os.symlink(tmp_path, programma.pad("thema"))
    _geweigerd(
        programma, "font: false", "font: false\n  custom_dir: thema", "custom_dir", "'theme.custom_dir': 'thema'"
    )


@pytest.mark.parametrize("root", [ROOT, GRONINGEN])
def test_the_real_programmes_pass(root):
    assert controleer_mkdocs(root) == []
    uit = agenda("controleer", cwd=root)
    assert uit.returncode == 0 and uit.stdout.startswith("Alles in orde."), uit.stderr


def test_what_the_policy_allows_passes(programma):
    programma.vervang(
        "mkdocs.yml",
        "font: false",
        "font: false\n  features: [navigation.top]\n  palette: {scheme: default, primary: indigo}\n"
        "  icon: {repo: fontawesome/brands/github, admonition: {note: material/pencil}}\n  logo: assets/logo.png",
    )
    programma.vervang(
        "mkdocs.yml",
        EIND,
        "site_url: !ENV [AGENDA_SITE_URL, 'https://x.example/']\nrepo_url: https://github.com/a/b\n"
        "edit_uri: edit/main/docs/\ncopyright: Gemeente Zuid & Noord\nextra_css: [assets/extra.css]\n"
        "extra:\n  generator: false\n  homepage: https://x.example/\n  social:\n"
        "    - {icon: fontawesome/brands/github, link: 'https://github.com/a', name: GitHub}\n"
        "    - {icon: material/email, link: 'mailto:info@x.example'}\n"
        "markdown_extensions:\n  - toc: {permalink: true}\n  - pymdownx.details\n" + EIND,
    )
    programma.vervang("mkdocs.yml", "markdown_extensions: [tables,", "# [tables,")
    assert controleer_mkdocs(programma.root) == []


# --- the build holds the settings it really uses to the same policy ----------------------------------------------


def _bouw_stopt(programma, tmp_path, melding: str, extra_env=None, uit: Path | None = None) -> None:
    site = uit or tmp_path / "site"
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), site, extra_env=extra_env)
    assert resultaat.returncode == 1
    assert melding in resultaat.stderr, resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    assert not site.exists() or not any(site.rglob("*.html"))
    assert not list(site.parent.glob(".*-bouw-*"))


def test_a_build_with_hooks_stops_in_dutch_without_a_site(programma, tmp_path):
    programma.schrijf("haak.py", "def on_post_page(output, **kw):\n    return output + '<script>x</script>'\n")
    programma.vervang("mkdocs.yml", EIND, "hooks: [haak.py]\n" + EIND)
    _bouw_stopt(programma, tmp_path, "'hooks' wordt niet ondersteund (voert Python-code uit de pull request uit")


def test_a_build_with_snippets_stops(programma, tmp_path):
    programma.vervang("mkdocs.yml", "pymdownx.superfences]", "pymdownx.superfences, pymdownx.snippets]")
    _bouw_stopt(programma, tmp_path, "'markdown_extensions' noemt 'pymdownx.snippets', die niet wordt ondersteund")


def test_a_build_with_script_in_the_site_name_stops(programma, tmp_path):
    programma.vervang("mkdocs.yml", "site_name: Testprogramma Zuid", "site_name: <script>alert(1)</script>")
    _bouw_stopt(programma, tmp_path, "mkdocs.yml:1: 'site_name': '<script>alert(1)</script>' bevat '<'")


def test_a_build_with_javascript_in_nav_stops(programma, tmp_path):
    programma.vervang("mkdocs.yml", "- Home: index.md", "- Home: index.md\n  - Klik: javascript:alert(1)")
    _bouw_stopt(programma, tmp_path, "'nav': 'javascript:alert(1)' begint met 'javascript:'")


def test_a_build_into_the_decisions_folder_stops_and_keeps_them(programma, tmp_path):
    voor = sorted(p.name for p in programma.pad("decisions").iterdir())
    resultaat = mkdocs_build(programma.pad("mkdocs.yml"), programma.pad("decisions"))
    assert resultaat.returncode == 1
    assert "in de bouw: 'site_dir':" in resultaat.stderr and "valt samen met 'decisions/'" in resultaat.stderr
    assert sorted(p.name for p in programma.pad("decisions").iterdir()) == voor


def test_an_environment_default_is_checked_again_by_the_build(programma, tmp_path):
    programma.vervang("mkdocs.yml", EIND, "copyright: !ENV [AGENDA_COPYRIGHT_VOOR_TEST]\n" + EIND)
    assert controleer_mkdocs(programma.root) == []  # no default: only the build knows the value
    regel = _regel(programma.pad("mkdocs.yml").read_text("utf-8"), "AGENDA_COPYRIGHT_VOOR_TEST")
    _bouw_stopt(
        programma,
        tmp_path,
        f"mkdocs.yml:{regel}: in de bouw: 'copyright': '<script>x</script>' bevat '<'",
        {"AGENDA_COPYRIGHT_VOOR_TEST": "<script>x</script>"},
    )


@pytest.mark.parametrize(
    ("variabele", "waarde", "melding"),
    [
        ("AGENDA_SITE_URL", 'https://x.example/"><script>', "AGENDA_SITE_URL: 'https://x.example/\"><script>' bevat"),
        ("AGENDA_SITE_URL", "https://x.example/\n", "AGENDA_SITE_URL: 'https://x.example/\\n' bevat een spatie"),
        ("AGENDA_SITE_URL", "ftp://x.example/", "AGENDA_SITE_URL: 'ftp://x.example/' begint met 'ftp:'"),
        ("AGENDA_REPO_URL", "javascript:alert(1)", "AGENDA_REPO_URL: 'javascript:alert(1)' begint met 'javascript:'"),
        ("AGENDA_REPO_URL", "https://github.com/a b", "AGENDA_REPO_URL: 'https://github.com/a b' bevat een spatie"),
    ],
)
def test_addresses_from_the_environment(programma, tmp_path, variabele, waarde, melding):
    _bouw_stopt(programma, tmp_path, melding, {variabele: waarde})


def test_names_are_escaped_once_where_the_theme_prints_them(programma, tmp_path):
    programma.vervang("mkdocs.yml", "site_name: Testprogramma Zuid", "site_name: Zuid & Noord")
    programma.vervang("mkdocs.yml", EIND, "copyright: Gemeente A & B\nsite_description: Zuid & Noord's agenda\n" + EIND)
    site = tmp_path / "site"
    assert mkdocs_build(programma.pad("mkdocs.yml"), site).returncode == 0
    voorpagina = (site / "index.html").read_text("utf-8")
    assert "<title>Zuid &amp; Noord</title>" in voorpagina
    assert 'title="Zuid &amp; Noord"' in voorpagina  # Material's own '| e' leaves the escaped name as it is
    assert "Gemeente A &amp; B" in voorpagina
    assert 'content="Zuid &amp; Noord&#39;s agenda"' in voorpagina
    assert "&amp;amp;" not in voorpagina and "Zuid & Noord" not in voorpagina


def test_an_internal_build_is_asked_for_by_the_environment_only(monkeypatch):
    from regioagenda.publiceren import programmabouw

    monkeypatch.delenv("AGENDA_INTERN", raising=False)
    assert programmabouw.intern() is False
    monkeypatch.setenv("AGENDA_INTERN", "1")
    assert programmabouw.intern() is True


# --- theme overrides -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("naam", "inhoud", "regel", "melding"),
    [
        ("main.html", "{% extends 'base.html' %}\n{{ '<scr' ~ 'ipt>' }}", 2, "Jinja-tekst '<scr' met tekens"),
        ("main.html", "<p>\n<meta\n http-equiv=refresh content='0;url=https://x.example'>", 2, "<meta http-equiv>"),
        ("main.html", '<a href="java&#x73;cript:alert(1)">x</a>', 1, "javascript:-adres in attribuut 'href'"),
        ("main.html", "<img\n  src='https://x.example/p.gif'>", 2, "verwijzing naar een ander adres in attribuut"),
        ("main.html", "<a href='//x.example/'>x</a>", 1, "verwijzing naar een ander adres in attribuut 'href'"),
        ("main.html", "<button\n  onclick='x()'>", 2, "script of event-handler in een thema-bestand"),
        ("main.html", "<SCRIPT >x</SCRIPT>", 1, "script of event-handler in een thema-bestand (<script>)"),
        ("main.html", "<base href='https://x.example/'>", 1, "<base> verandert waar elke link heen gaat"),
        ("main.html", "<iframe src='x.html'></iframe>", 1, "ingebed object of frame"),
        ("main.html", "<style>\n@\\69mport 'x.css';\n</style>", 2, "'@import' in een stijl"),
        ("main.html", "<div style=\"background: image-set('x.png' 1x)\">", 1, "'image-set(' in een stijl"),
        ("main.html", "{{ cycler.__init__.__globals__.os }}", 1, "Jinja-naam '__init__' (met '_' ervoor"),
        ("main.html", "{{ page.content | safe }}", 1, "Jinja-filter 'safe'"),
        ("main.html", "{% autoescape false %}{{ x }}{% endautoescape %}", 1, "Jinja-opdracht 'autoescape'"),
        ("main.html", "{{ page.content[0] }}script", 1, "Jinja-operator '['"),
        ("main.html", "{{ page.content.0 }}script", 1, "Jinja pakt een los teken uit een waarde"),
        ("main.html", "{{ '%c' % 60 }}", 1, "Jinja-operator '%'"),
        ("main.html", "{{ 'x'.replace('x', 'y') }}", 1, "Jinja roept 'replace' aan"),
        ("main.html", "{{ x | format(60) }}", 1, "Jinja-filter 'format'"),
        ("main.html", "{{ x ", 1, "Jinja die niet gelezen kan worden"),
        ("extra.css", "a { color: red }\n@\\69mport 'https://x.example/x.css';", 2, "'@import' in een stijl"),
        ("extra.css", "a {\n  background: u\\72l(x.png) }", 2, "'url(' in een stijl"),
        ("extra.css", "a { background: image-set('x.png' 1x) }", 1, "'image-set(' in een stijl"),
        ("extra.css", "a { content: 'htt\\\nps://x' }", 1, "'https:' in een stijl"),
        ("extra.css", "a { behavior: x }", 1, "'behavior' in een stijl"),
        ("extra.css", "a { -moz-binding: x }", 1, "'-moz-binding' in een stijl"),
        ("extra.css", "a { width: expr\\65ssion(1) }", 1, "'expression(' in een stijl"),
    ],
)
def test_theme_overrides_are_read_whole(programma, naam, inhoud, regel, melding):
    programma.schrijf(f"overrides/{naam}", inhoud)
    uit = agenda("controleer", cwd=programma.root)
    assert uit.returncode == 1
    assert f"overrides/{naam}:{regel}: {melding}" in uit.stderr, uit.stderr


def test_plain_overrides_pass():
    gewoon = (
        "{% extends 'base.html' %}\n{% block content %}{{ super() }}<p class=\"x\">Hallo</p>"
        "<a href=\"{{ config.repo_url | e }}\">{{ lang.t('source') }}</a>{% endblock %}\n"
    )
    assert _thema("overrides/main.html", gewoon) == []
    assert _thema("overrides/extra.css", "a { color: red; } /* url(x) in a comment */", ".css") == []


def test_the_generators_own_theme_passes_the_override_check():
    thema = ROOT / "generator" / "publiceren" / "thema"
    bestanden = sorted(p for p in thema.rglob("*") if p.suffix in (".html", ".css"))
    assert len(bestanden) >= 4
    for pad in bestanden:
        tekst = pad.read_text("utf-8")
        if pad.name in EIGEN_CODE:
            continue
        if pad.name == "main.html":
            # The one script the plugin's theme loads itself: the built-output check trusts it byte for byte
            # (tests/test_voorstel.py), which an override's script never is.
            assert tekst.count(EIGEN_SCRIPT) == 1
            tekst = tekst.replace(EIGEN_SCRIPT, "")
        assert _thema(pad.name, tekst, pad.suffix) == [], pad


EIGEN_CODE = {"language.html"}
"""Theme files that are code of the generator, not markup: Material's lookup of its words, with the few its Dutch
leaves in English (a dictionary and a condition, which no override may hold)."""
EIGEN_SCRIPT = "<script src=\"{{ 'voorstel.js' | url }}\"></script>"


# --- property: every hostile value is refused with a line, or it is allowed -----------------------------------------

VIJANDIG = [
    "javascript:alert(1)",
    "JaVa&#x73;cript:x",
    "java\tscript:x",
    "//evil.example/x",
    "data:text/html,x",
    "https://evil.example/x.js",
    "!!python/name:os.system",
    "../../etc/passwd",
    "/etc",
    "<script>x</script>",
    'x" onmouseover="y',
    "decisions",
    ".git",
    ".",
    "onbekend-iets",
    "material/bestaat-niet",
    True,
    3,
    None,
]
NAMEN = st.sampled_from(sorted(SLEUTELS) + ["hooks", "INHERIT", "extra_javascript", "google_analytics", "onbekend"])
WAARDEN = st.sampled_from(VIJANDIG)


def _yaml(waarde) -> str:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if waarde is None:
        return "null"
    if isinstance(waarde, int):
        return str(waarde)
    if waarde.startswith("!!"):
        return waarde
    return '"' + waarde.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'


# What the policy allows on purpose, by kind of setting, out of the hostile pool; everything else must be refused.
_TEKST = {
    *("onbekend-iets", "decisions", ".git", ".", "../../etc/passwd", "/etc", "material/bestaat-niet"),
    *("javascript:alert(1)", "JaVa&#x73;cript:x", "//evil.example/x", "data:text/html,x", "https://evil.example/x.js"),
}  # names are text: an address in a name is just words, and the plugin escapes it
_RELATIEF = {"onbekend-iets", "decisions", ".git", ".", "../../etc/passwd", "/etc", "material/bestaat-niet"}
_TOEGESTAAN: dict[str, set] = {
    **dict.fromkeys(("site_name", "site_description", "site_author", "copyright", "repo_name"), _TEKST),
    **dict.fromkeys(
        ("edit_uri", "edit_uri_template", "nav", "extra.homepage"), _RELATIEF | {"https://evil.example/x.js"}
    ),
    **dict.fromkeys(("site_url", "repo_url"), {"https://evil.example/x.js"}),
    **dict.fromkeys(("docs_dir", "site_dir", "watch", "theme.custom_dir"), {"onbekend-iets", "material/bestaat-niet"}),
    **dict.fromkeys(
        ("extra_css", "theme.logo", "theme.favicon"),
        {"onbekend-iets", "decisions", ".git", "."} | {"material/bestaat-niet"},
    ),
    # file patterns: they only ever leave files out
    **dict.fromkeys(("exclude_docs", "not_in_nav", "draft_docs"), _RELATIEF | {"//evil.example/x"}),
    **dict.fromkeys(("strict", "use_directory_urls", "extra.generator"), {True}),
}


def _mag(plek: str, waarde) -> bool:
    if waarde is None and plek in SLEUTELS and plek not in ("site_name", "theme", "plugins"):
        return True  # an optional setting left empty
    return waarde in _TOEGESTAAN.get(plek, set())


BASIS = (Path(__file__).parent / "fixtures" / "minimaal" / "mkdocs.yml").read_text("utf-8")


def _zonder(tekst: str, sleutel: str) -> str:
    """``tekst`` without the top-level setting ``sleutel`` (its whole block)."""
    uit, weg = [], False
    for regel in tekst.splitlines():
        if regel and not regel[0].isspace() and not regel.startswith("-"):
            weg = regel.startswith(f"{sleutel}:")
        if not weg:
            uit.append(regel)
    return "\n".join(uit) + "\n"


def _met(plek: str, waarde) -> str:
    """The minimal mkdocs.yml with one setting (top-level, theme.*, extra.*, a plugin or an extension) set."""
    soort, _, naam = plek.partition(".")
    if soort == "theme":
        if naam == "font":
            return BASIS.replace("  font: false\n", f"  font: {_yaml(waarde)}\n")
        return BASIS.replace("  font: false\n", f"  font: false\n  {naam}: {_yaml(waarde)}\n")
    if soort == "extra":
        return BASIS + f"extra:\n  {naam}: {_yaml(waarde)}\n"
    if soort == "plugin":
        return BASIS.replace("  - search:\n", f"  - {naam}: {{optie: {_yaml(waarde)}}}\n  - search:\n")
    if soort == "extension":
        return BASIS.replace("[tables,", f"[{{{naam}: {{optie: {_yaml(waarde)}}}}}, tables,")
    return _zonder(BASIS, plek) + f"{plek}: {_yaml(waarde)}\n"


PLEKKEN = st.one_of(
    NAMEN,
    st.sampled_from([f"theme.{k}" for k in [*THEMA, "static_templates", "direction", "onbekend"]]),
    st.sampled_from([f"extra.{k}" for k in [*EXTRA, "analytics", "polyfills", "consent", "scope", "onbekend"]]),
    st.sampled_from([f"plugin.{k}" for k in [*PLUGINS, "macros", "onbekend"]]),
    st.sampled_from([f"extension.{k}" for k in [*UITBREIDINGEN, "pymdownx.snippets", "pymdownx.emoji", "onbekend"]]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plek=PLEKKEN, waarde=WAARDEN)
def test_property_every_hostile_setting_is_refused_with_a_line_or_allowed(plek, waarde):
    tekst = _met(plek, waarde)
    problemen = controleer_mkdocs(ROOT / "tests" / "fixtures" / "minimaal", tekst=tekst)
    for p in problemen:
        assert p.pad == "mkdocs.yml" and 1 <= p.regel <= len(tekst.splitlines()), p
        assert p.wat and p.verwacht, p
    if not problemen:
        assert _mag(plek, waarde), (plek, waarde, tekst)


@settings(max_examples=200, deadline=None)
@given(
    naam=st.sampled_from(["site_name", "copyright", "site_url", "repo_url", "edit_uri", "docs_dir", "site_dir"]),
    waarde=WAARDEN,
)
def test_property_the_build_check_agrees_with_the_file_check(naam, waarde):
    """The same value, read from the file and handed over as the build has it, gets the same verdict."""
    root = ROOT / "tests" / "fixtures" / "minimaal"
    tekst = "\n".join(r for r in BASIS.splitlines() if not r.startswith(f"{naam}:")) + f"\n{naam}: {_yaml(waarde)}\n"
    uit_bestand = [p for p in controleer_mkdocs(root, tekst=tekst) if f"'{naam}'" in p.wat]
    effectief = waarde
    if naam in ("docs_dir", "site_dir") and isinstance(waarde, str) and not waarde.startswith("!!"):
        effectief = os.path.join(root, waarde)  # MkDocs hands the build absolute folders
    uit_bouw = list(_regels(root, uit_python({naam: effectief}), bouw=True))
    if naam == "site_dir" and isinstance(waarde, str) and waarde.startswith(("/", "..")):
        return  # the build command's -d may put the site outside the repository; the file may not
    if isinstance(waarde, str) and waarde.startswith("!!"):
        assert uit_bestand == [] and controleer_mkdocs(root, tekst=tekst)  # the tag itself is refused
        return
    assert bool(uit_bestand) == bool(uit_bouw), (naam, waarde, uit_bestand, uit_bouw)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ('{% include "bestaat-niet.html" %}', "het sjabloon 'bestaat-niet.html' bestaat niet in het thema"),
        ("{{ onbekend_iets.y }}", "het sjabloon gebruikt een waarde die er niet is ('onbekend_iets' is undefined)"),
    ],
)
def test_an_override_that_fails_while_rendering_stops_in_dutch_at_its_line(programma, tmp_path, inhoud, melding):
    programma.vervang("mkdocs.yml", "font: false", "font: false\n  custom_dir: overrides")
    programma.schrijf("overrides/partials/header.html", "\n" + inhoud + "\n")
    _bouw_stopt(programma, tmp_path, f"overrides/partials/header.html:2: {melding} — alleen sjablonen en waarden")
