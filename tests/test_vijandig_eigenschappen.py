"""Property-based: hostile text in any field of any record, through every template and command.

Whatever a pull request writes into a field, the loader either refuses it with Dutch 'pad:regel'
problems, or everything built from it is inert: no live HTML, link or attribute in the
engine-neutral Markdown tree, no control character in any output, valid feeds and open data, and
every command ends with a message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from ruamel.yaml import YAML

from conftest import MINIMAAL
from regioagenda.werkstroom.cli import agenda as agenda_cli
from regioagenda.records.laden import laad
from regioagenda.samenstellen import Opties, stel_samen

RECORDS = sorted(
    p.relative_to(MINIMAAL).as_posix() for p in (MINIMAAL / "agenda").rglob("*") if p.suffix in (".md", ".yml")
) + sorted(p.relative_to(MINIMAAL).as_posix() for p in (MINIMAAL / "decisions").glob("*.md"))
STUKKEN = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img\nsrc=x>",
    "[klik](javascript:alert(1))",
    "![p](https://tracker.example/p.gif)",
    "[x](//tracker.example/x)",
    "{: #__search }",
    "{: .md-header aria-hidden=true }",
    "{{ 7*7 }}",
    "{% raw %}",
    "\u202e",
    "\x00",
    "\x1b[2J",
    "\u2028",
    "\u200b",
    "\x0b",
    "\x85",
    '"',
    "'",
    ": ",
    "#",
    "---",
    "|",
    "*",
    "_",
    "`",
    "&amp;",
    "\n",
    "\r",
    "<!-- x -->",
    "[" * 40,
    "]]>",
    "&",
    "\ud800",
    "0000-01",
    "9" * 30,
    "- ",
    "> ",
    "Besluiten",
    "é€",
    "\t",
]
VIJANDIG = st.lists(st.sampled_from(STUKKEN) | st.text(max_size=4), min_size=1, max_size=6).map("".join)
PROBLEEM = re.compile(r"^(?P<pad>[^:\n]+):(?P<regel>\d+): \S[^\n]*$")
LEVEND = [
    re.compile(p)
    for p in (
        r"<script",
        r"<img",
        r"<iframe",
        r"(?<!\\)\]\(javascript:",
        r"(?<!\\)\{: #__search",
        r"(?<!\\)\{: \.md-header",
    )
]
STUURTEKEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b\u2028\u2029]")


def _tekstvelden(data, pad=()):
    """Paths of every string value in a record's front matter."""
    if isinstance(data, dict):
        for sleutel, waarde in data.items():
            yield from _tekstvelden(waarde, (*pad, sleutel))
    elif isinstance(data, list):
        for i, waarde in enumerate(data):
            yield from _tekstvelden(waarde, (*pad, i))
    elif isinstance(data, str):
        yield pad


def _velden() -> list[tuple[str, tuple]]:
    yaml = YAML(typ="safe")
    uit = []
    for record in RECORDS:
        tekst = (MINIMAAL / record).read_text(encoding="utf-8")
        voorwerk = tekst.split("---\n")[1] if record.endswith(".md") else tekst
        uit += [(record, pad) for pad in _tekstvelden(yaml.load(voorwerk))]
        if record.endswith(".md"):
            uit.append((record, ("<body>",)))
    return uit


VELDEN = _velden()


def _vul_in(root: Path, record: str, pad: tuple, waarde: str) -> None:
    bestand = root / record
    tekst = bestand.read_text(encoding="utf-8")
    if pad == ("<body>",):
        bestand.write_text(
            tekst.split("---\n", 2)[0] + "---\n" + tekst.split("---\n", 2)[1] + "---\n" + waarde + "\n",
            encoding="utf-8",
            errors="surrogatepass",
            newline="",
        )
        return
    yaml = YAML(typ="rt")
    yaml.width = 10_000
    delen = tekst.split("---\n", 2) if record.endswith(".md") else None
    data = yaml.load(delen[1] if delen else tekst)
    doel = data
    for stap in pad[:-1]:
        doel = doel[stap]
    doel[pad[-1]] = waarde
    uit = io.StringIO()
    yaml.dump(data, uit)
    nieuw = f"---\n{uit.getvalue()}---\n{delen[2]}" if delen else uit.getvalue()
    bestand.write_text(nieuw, encoding="utf-8", errors="surrogatepass", newline="")


def _geen_traceback(resultaat) -> None:
    assert resultaat.exception is None or isinstance(resultaat.exception, SystemExit), repr(resultaat.exception)
    assert "Traceback" not in resultaat.output
    assert not STUURTEKEN.search(resultaat.output), repr(resultaat.output)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(veld=st.sampled_from(VELDEN), waarde=VIJANDIG)
def test_hostile_text_in_any_field(veld, waarde):
    record, pad = veld
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "programma"
        shutil.copytree(MINIMAAL, root)
        _vul_in(root, record, pad, waarde)
        resultaat = laad(root)
        for probleem in resultaat.problemen:
            assert PROBLEEM.match(str(probleem)), str(probleem)
            assert (root / probleem.pad).exists() or (root / probleem.pad).is_symlink()
        runner = CliRunner()
        _geen_traceback(runner.invoke(agenda_cli, ["check", "--map", str(root)]))
        _geen_traceback(runner.invoke(agenda_cli, ["status", "--map", str(root), "--peildatum", "2025-01-01"]))
        _geen_traceback(
            runner.invoke(
                agenda_cli,
                [
                    "stap",
                    "2",
                    "--map",
                    str(root),
                    "--datum",
                    "2024-04-05",
                    "--gremium",
                    "kernteam",
                    "--uitkomst",
                    "besproken",
                    "--toelichting",
                    waarde,
                    "--peildatum",
                    "2025-01-01",
                ],
            )
        )
        _geen_traceback(
            runner.invoke(
                agenda_cli,
                [
                    "new",
                    "besluit",
                    "--map",
                    str(root),
                    "--titel",
                    waarde,
                    "--soort",
                    "signaal",
                    "--samenvatting",
                    waarde,
                    "--datum",
                    "2024-05-01",
                ],
            )
        )
        if resultaat.problemen:
            return
        _geen_traceback(
            runner.invoke(
                agenda_cli, ["build", "--map", str(root), "--out", str(Path(tmp) / "boom"), "--peildatum", "2025-01-01"]
            )
        )
        for pagina in stel_samen(resultaat.agenda, Opties(dt.date(2025, 1, 1))):
            inhoud = pagina.als_bytes.decode("utf-8")
            assert not STUURTEKEN.search(inhoud), (pagina.uri, repr(inhoud[:200]))
            if pagina.uri.endswith(".md"):
                markdown = "\n".join(
                    r for r in inhoud.splitlines() if not r.startswith("<")
                )  # raw HTML blocks: HTML-escaped only
                for levend in LEVEND:
                    assert not levend.search(markdown), (pagina.uri, levend.pattern)
            elif pagina.uri.endswith(".xml"):
                ET.fromstring(pagina.als_bytes)
            elif pagina.uri.endswith(".ics"):
                Calendar.from_ical(pagina.als_bytes)
            elif pagina.uri.endswith(".json"):
                json.loads(inhoud)
