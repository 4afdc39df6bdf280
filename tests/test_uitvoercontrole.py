"""The built site is checked, not only its inputs: hostile constructs in the output are found with file and line.

Both programmes are built once per module and must give no finding; then a copy of a built site gets one
hostile construct per test, of every class the check refuses, and the finding must name that file and line.
A property test mixes one hostile fragment into random benign HTML.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regioagenda.publiceren.uitvoercontrole import KOP, Bevinding, controleer_uitvoer, uitvoermelding
from sitebouw import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
GRONINGEN = Path(__file__).parent / "programmas" / "groningen-ontwikkeltafels"
ADRES = os.environ["AGENDA_SITE_URL"]  # conftest sets it for every build in the suite
PAGINA = "besluiten/index.html"
"""A page one folder deep: its links to the theme's files start with '../'."""


def _bouw(tmp_path_factory, config: Path, naam: str) -> Path:
    site = tmp_path_factory.mktemp(naam) / "site"
    resultaat = mkdocs_build(config, site, "2026-11-30")
    assert resultaat.returncode == 0, resultaat.stderr
    return site


@pytest.fixture(scope="module")
def drienoord(tmp_path_factory) -> Path:
    return _bouw(tmp_path_factory, ROOT / "mkdocs.yml", "drienoord")


@pytest.fixture(scope="module")
def groningen(tmp_path_factory) -> Path:
    return _bouw(tmp_path_factory, GRONINGEN / "mkdocs.yml", "groningen")


@pytest.fixture
def kopie(drienoord, tmp_path) -> Path:
    doel = tmp_path / "site"
    shutil.copytree(drienoord, doel, symlinks=True)
    return doel


def _voeg_in(site: Path, pad: str, fragment: str) -> int:
    """Put ``fragment`` on a line of its own right after the page's ``<article …>`` line; returns its line."""
    regels = (site / pad).read_text(encoding="utf-8").split("\n")
    na = next(i for i, r in enumerate(regels) if "<article" in r) + 1
    regels.insert(na, fragment)
    (site / pad).write_text("\n".join(regels), encoding="utf-8")
    return na + 1


def _alleen_daar(bevindingen: list[Bevinding], pad: str, regel: int) -> list[str]:
    assert bevindingen, "expected a finding"
    assert {(b.pad, b.regel) for b in bevindingen} == {(pad, regel)}, bevindingen
    return [b.wat for b in bevindingen]


def test_both_programmes_build_without_a_finding(drienoord, groningen):
    for site in (drienoord, groningen):
        assert (site / "index.html").is_file() and (site / "404.html").is_file()
        assert controleer_uitvoer(site, ADRES) == [], uitvoermelding(controleer_uitvoer(site, ADRES))


def test_the_sites_own_address_is_what_makes_its_absolute_urls_same_origin(drienoord):
    # Canonical links are absolute and the 404 page links the theme by root-relative path under the address:
    # without knowing the address, the check cannot tell them from another origin and says so.
    zonder = controleer_uitvoer(drienoord)
    assert any(b.pad == "404.html" for b in zonder) and any(f'<link href="{ADRES}' in b.wat for b in zonder)
    assert all(b.pad == "404.html" or f'<link href="{ADRES}' in b.wat for b in zonder), uitvoermelding(zonder)


VIJANDIG = [
    ("inline-script", "<script>alert(1)</script>", "inline script dat het thema niet schrijft: alert(1)"),
    ("script-elders", '<script src="https://evil.example/x.js"></script>', "laadt een script van een ander adres"),
    ("script-zonder-schema", '<script src="//evil.example/x.js"></script>', "laadt een script van een ander adres"),
    ("script-eigen-bestand", '<script src="../assets/agenda.css"></script>', "geen script van het thema"),
    ("script-bestaat-niet", '<script src="../assets/javascripts/x.js"></script>', "geen script van het thema"),
    ("script-in-svg", '<svg><script href="https://evil.example/x.js"></script></svg>', "ander adres"),
    ("onerror", "<img src=x onerror=alert(1)>", "gebeurtenis-attribuut onerror= op <img>"),
    ("onclick-hoofdletters", '<p ONCLICK="alert(1)">x</p>', "gebeurtenis-attribuut onclick= op <p>"),
    ("entiteit-in-schema", '<a href="java&#x73;cript:alert(1)">x</a>', "javascript:-adres in href= op <a>"),
    ("tab-in-schema", '<a href="JAVA\tSCRIPT:alert(1)">x</a>', "javascript:-adres in href= op <a>"),
    ("spatie-voor-schema", '<a href=" &#10;javascript:alert(1)">x</a>', "javascript:-adres"),
    ("vbscript", '<a href="vbscript:msgbox(1)">x</a>', "vbscript:-adres"),
    ("data-link", '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "data:-adres"),
    ("data-in-srcset", '<img srcset="data:image/svg+xml,x 1x">', "data:-adres in srcset="),
    ("svg-animatie", '<svg><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>', "javascript:-adres"),
    ("stylesheet-elders", "<link rel=stylesheet href=https://evil.example/x.css>", "ander adres"),
    ("preload-zonder-schema", "<link rel=preload href=//evil.example/x>", "ander adres"),
    ("icoon-elders", '<link rel="icon" href="https://evil.example/i.png">', "ander adres"),
    ("feed-elders", '<link rel="alternate" href="https://evil.example/feed.xml">', "ander adres"),
    ("afbeelding-elders", '<img src="https://evil.example/p.gif">', "ander adres"),
    ("afbeelding-lijkt-eigen", f'<img src="{ADRES.rstrip("/")}.evil.example/p.gif">', "ander adres"),
    ("srcset-elders", '<img srcset="a.png 1x, https://evil.example/b.png 2x">', "ander adres"),
    ("video-poster", '<video poster="//evil.example/p.jpg"></video>', "ander adres"),
    ("formulier-elders", '<form action="https://evil.example/"></form>', "ander adres"),
    ("stylesheet-buiten-de-site", '<link rel="stylesheet" href="/ander-project/x.css">', "geen stylesheet"),
    ("meta-refresh", '<meta http-equiv=refresh content="0;url=https://evil.example">', "stuurt de bezoeker door"),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', "<iframe> mag niet"),
    ("object", '<object data="x.swf"></object>', "<object> mag niet"),
    ("embed", '<embed src="x.swf">', "<embed> mag niet"),
    ("base", '<base href="https://evil.example/">', "<base> mag niet"),
    ("import-met-escape", "<style>@\\69mport url(https://evil.example/x.css)</style>", "'@import' in <style>"),
    ("url-met-escape", "<style>p{background:u\\72l(//evil.example/x)}</style>", "url(//evil.example/x)"),
    ("commentaar-in-string", '<style>p{content:"/*";background:url(//evil.example/x);content:"*/"}</style>', "url("),
    ("expression", '<p style="width:expression(alert(1))">x</p>', "'expression('"),
    ("moz-binding", '<p style="-moz-binding:url(x.xml#x)">x</p>', "'-moz-binding'"),
    ("image-set", "<p style=\"background:image-set('https://evil.example/x.png' 1x)\">x</p>", "wijst naar een ander"),
    ("data-url-in-css", '<p style="background:url(data:image/svg+xml,x)">x</p>', "url(data:image/svg+xml,x)"),
    ("commentaar-kort", "<!--> <img src=x onerror=alert(1)> -->", "commentaar dat een browser eerder afsluit"),
    ("commentaar-uitroep", "<!-- --!> <img src=x onerror=alert(1)> -->", "commentaar dat een browser eerder afsluit"),
    ("svg-style", "<svg><style><img src=x onerror=alert(1)></style></svg>", "'<' in <style>"),
    ("style-slordig-gesloten", "<style>p{}</style x><img src=x onerror=alert(1)></style>", "'<' in <style>"),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "gebeurtenis-attribuut"),
    ("cdata", "<![CDATA[ x ]]>", "]>-blok"),
    ("onleesbaar", "<![ x > <script>alert(1)</script>", "HTML die deze controle niet kan lezen"),
]


@pytest.mark.parametrize(("fragment", "melding"), [v[1:] for v in VIJANDIG], ids=[v[0] for v in VIJANDIG])
def test_a_hostile_construct_in_a_page_is_found_at_its_line(kopie, fragment, melding):
    regel = _voeg_in(kopie, PAGINA, fragment)
    meldingen = _alleen_daar(controleer_uitvoer(kopie, ADRES), PAGINA, regel)
    assert any(melding in m for m in meldingen), meldingen


@pytest.mark.parametrize(
    "fragment",
    [
        '<a href="https://elders.example/">een gewone link naar elders</a>',
        '<p title="javascript:alert(1)">javascript:alert(1) &lt;script&gt;alert(1)&lt;/script&gt;</p>',
        f'<img src="{ADRES}assets/images/favicon.png" alt="">',
        '<img src="../assets/images/favicon.png" srcset="../assets/images/favicon.png 2x" alt="">',
        "<p style=\"content: 'Noot: zie elders'; grid-column: 2 / span 1\">x</p>",
        '<a href="mailto:secretariaat@example.org">mail</a> <a href="#kop">kop</a>',
    ],
)
def test_benign_lookalikes_are_not_findings(kopie, fragment):
    _voeg_in(kopie, PAGINA, fragment)
    assert controleer_uitvoer(kopie, ADRES) == []


def test_a_modified_stylesheet_is_read_with_its_escapes(kopie):
    css = kopie / "assets" / "agenda.css"
    tekst = css.read_text(encoding="utf-8").rstrip("\n")
    css.write_text(
        tekst + "\n.x { background: url(//evil.example/x) }\n.y { background: u\\72l('https://evil.example/y') }\n"
    )
    regel = tekst.count("\n") + 2
    bevindingen = controleer_uitvoer(kopie, ADRES)
    assert {(b.pad, b.regel) for b in bevindingen} == {("assets/agenda.css", regel), ("assets/agenda.css", regel + 1)}
    assert any("url(https://evil.example/y)" in b.wat for b in bevindingen), bevindingen


def test_a_theme_bundle_that_differs_from_the_package_is_no_longer_trusted(kopie):
    stijl = next((kopie / "assets" / "stylesheets").glob("main.*.min.css"))
    stijl.write_bytes(stijl.read_bytes() + b"\n")  # one byte more: no longer the package's file
    bundel = next((kopie / "assets" / "javascripts").glob("bundle.*.min.js"))
    bundel.write_bytes(bundel.read_bytes() + b";")
    bevindingen = controleer_uitvoer(kopie, ADRES)
    # the theme's own CSS carries data: SVG icons, allowed only while it is the package's bundle
    assert any(b.pad == stijl.relative_to(kopie).as_posix() and "url(data:" in b.wat for b in bevindingen)
    pagina_met_bundel = [b for b in bevindingen if b.pad == PAGINA]
    assert pagina_met_bundel and all("geen script van het thema" in b.wat for b in pagina_met_bundel)


def test_theme_scripts_only_as_the_theme_writes_them(kopie):
    tekst = (kopie / PAGINA).read_text(encoding="utf-8")
    begin = tekst.index("<script>__md_scope=new URL(")
    regel = tekst[:begin].count("\n") + 1
    # The template's {{ base_url }} may only write URL characters: a quote would leave the JavaScript string.
    (kopie / PAGINA).write_text(tekst.replace('new URL("..",', 'new URL("..",alert(1),"",', 1), encoding="utf-8")
    [melding] = _alleen_daar(controleer_uitvoer(kopie, ADRES), PAGINA, regel)
    assert melding.startswith('inline script dat het thema niet schrijft: __md_scope=new URL("..",alert(1),"",')


@pytest.mark.parametrize(
    ("oud", "nieuw", "melding"),
    [
        ('"base": ".."', '"base": "https://evil.example/"', "'base' is geen adres binnen de site"),
        ('"annotate": null', '"annotate": null, "extra": 1', "sleutel 'extra' komt niet uit het sjabloon"),
        ('"search": "../', '"search": "../search/search_index.json#', "'search'"),
        ('"clipboard.copy": "', '"clipboard.copy": "\\u003cimg src=x onerror=alert(1)\\u003e', "'<' in een waarde"),
        ('"annotate": null,', '"annotate": null,,', "geen JSON"),
    ],
)
def test_the_theme_configuration_keeps_its_shape(kopie, oud, nieuw, melding):
    tekst = (kopie / PAGINA).read_text(encoding="utf-8")
    assert oud in tekst
    regel = tekst[: tekst.index('<script id="__config"')].count("\n") + 1
    (kopie / PAGINA).write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    meldingen = _alleen_daar(controleer_uitvoer(kopie, ADRES), PAGINA, regel)
    assert any(melding in m for m in meldingen), meldingen


def test_a_symbolic_link_is_reported_not_followed(kopie, tmp_path):
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "x.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (kopie / "besluiten" / "wachtwoorden").symlink_to("/etc/passwd")
    (kopie / "map").symlink_to(buiten, target_is_directory=True)
    assert controleer_uitvoer(kopie, ADRES) == [
        Bevinding("besluiten/wachtwoorden", 1, "symbolische link in de uitvoer"),
        Bevinding("map", 1, "symbolische link in de uitvoer"),
    ]


def test_the_report_names_every_finding_in_dutch(kopie):
    hier = _voeg_in(kopie, PAGINA, "<script>alert(1)</script>")
    daar = _voeg_in(kopie, "index.html", '<iframe title="\u202e"></iframe>')
    assert uitvoermelding(controleer_uitvoer(kopie, ADRES)).split("\n") == [
        KOP,
        f"{PAGINA}:{hier}: inline script dat het thema niet schrijft: alert(1)",
        f"index.html:{daar}: <iframe> mag niet in de site staan",
    ]


# --- Property: one hostile fragment anywhere in benign HTML is always found --------------------------------

_TEKST = st.text(st.sampled_from("abc XYZ0:/\"'<>&;()=javascript"), max_size=12)
_ADRES = st.sampled_from(["../x/", "#kop", "x.html", "https://elders.example/", "mailto:a@example.org", "?q=1"])


def _element(kinderen):
    """A benign element around some children, as a list of tokens (tags and text)."""
    return st.one_of(
        st.builds(lambda k: ["<p>", *k, "</p>"], kinderen),
        st.builds(lambda k: ["<div class='x'>", *k, "</div>"], kinderen),
        st.builds(lambda t, k: [f'<span title="{html.escape(t)}">', *k, "</span>"], _TEKST, kinderen),
        st.builds(lambda a, k: [f'<a href="{html.escape(a)}">', *k, "</a>"], _ADRES, kinderen),
        st.builds(lambda k: ["<ul><li>", *k, "</li></ul>"], kinderen),
        st.builds(lambda k: ["<table><tr><td data-kop='x'>", *k, "</td></tr></table>"], kinderen),
    )


_TOKENS = st.recursive(
    st.one_of(
        st.builds(lambda t: [html.escape(t)], _TEKST),
        st.just(['<img src="../assets/images/favicon.png" alt="">']),
        st.just(['<svg viewBox="0 0 2 2"><path d="M0 0h2"></path></svg>']),
        st.just(['<span style="grid-column:2 / span 1">x</span>']),
        st.just(["<br>"]),
    ),
    lambda kinderen: _element(st.lists(kinderen, max_size=3).map(lambda ks: [t for k in ks for t in k])),
    max_leaves=12,
)
_VIJANDIGE_FRAGMENTEN = [v[1] for v in VIJANDIG]


def _pagina(tokens: list[str]) -> str:
    return '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>x</title></head>\n<body>\n' + (
        "\n".join(tokens) + "\n</body></html>\n"
    )


@pytest.fixture(scope="module")
def losse_map():
    with tempfile.TemporaryDirectory() as map_:
        (Path(map_) / "besluiten").mkdir()
        yield Path(map_)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tokens=_TOKENS, vijandig=st.sampled_from(_VIJANDIGE_FRAGMENTEN), plek=st.integers(min_value=0))
def test_one_hostile_fragment_anywhere_in_benign_html_is_found(losse_map, tokens, vijandig, plek):
    pagina = losse_map / "besluiten" / "index.html"
    pagina.write_text(_pagina(tokens), encoding="utf-8")
    assert controleer_uitvoer(losse_map, ADRES) == []
    tokens = [*tokens[: plek % (len(tokens) + 1)], vijandig, *tokens[plek % (len(tokens) + 1) :]]
    pagina.write_text(_pagina(tokens), encoding="utf-8")
    bevindingen = controleer_uitvoer(losse_map, ADRES)
    assert bevindingen and all(b.pad == "besluiten/index.html" for b in bevindingen), bevindingen


def test_the_build_stops_on_a_finding_and_the_published_site_stays(drienoord, tmp_path):
    """The plugin's last step: a built folder with a finding is not swapped in; the previous site stays."""
    import datetime as dt
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from regioagenda.publiceren.plugin import AgendaPlugin
    from regioagenda.publiceren.programmabouw import Programmabouw
    from regioagenda.publiceren.publicatie import Publicatie

    gepubliceerd = tmp_path / "site"
    shutil.copytree(drienoord, gepubliceerd)
    plugin = AgendaPlugin()  # as on_config leaves it: the publication entered, its build folder beside the site
    plugin.bouw = Programmabouw(tmp_path, dt.date(2026, 11, 30), intern=False, adres=ADRES, waarschuwingen=lambda: 0)
    plugin.publicatie = Publicatie(gepubliceerd, plugin.bouw.controleer, root=tmp_path)
    nieuw = plugin.publicatie.__enter__()
    shutil.copytree(drienoord, nieuw, dirs_exist_ok=True)
    pagina = nieuw / PAGINA
    pagina.write_text(pagina.read_text(encoding="utf-8").replace("</body>", "<script>alert(1)</script></body>"))
    config = SimpleNamespace(site_dir=str(nieuw), site_url=ADRES, strict=True)
    with pytest.raises(PluginError) as fout:
        plugin.on_post_build(config=config)
    assert str(fout.value).startswith(KOP) and f"{PAGINA}:" in str(fout.value) and "alert(1)" in str(fout.value)
    assert "alert(1)" not in (gepubliceerd / PAGINA).read_text(encoding="utf-8")
    assert config.site_dir == str(nieuw)  # not swapped
    assert not nieuw.exists()  # and the publication removed the refused build folder itself
