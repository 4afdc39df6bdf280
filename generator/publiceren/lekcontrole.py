"""After a public build: no trace of a confidential record may be found in any output file.

A trace is text that only a confidential decision holds: its file name, "Besluit N: titel", and
its title, summary and sentences, but only where they are distinctive. A fragment that public
text also contains (public records, the templates, the theme's own words)
proves nothing, and a single word such as "Besluiten" is too common to count: checking those
would make every public build fail for an ordinary title.

Engine-free: ``publicatie.zonder_lekken`` applies it to every public build, the Markdown tree and the site.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import html
import io
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from pypdf import PdfReader

from regioagenda.model.agenda import Agenda

MIN_LENGTE = 24
"""Body phrases shorter than this are too common to count as a trace."""
MIN_WOORDEN, MIN_TEKENS = 2, 12
"""A title or summary counts as a trace from two words and twelve characters on."""

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _normaal(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip().casefold()


def _zinnen(tekst: str) -> list[str]:
    schoon = re.sub(r"[#*_`>\[\]()|-]", " ", tekst)
    return [z for z in (_normaal(z) for z in re.split(r"(?<=[.!?:;])\s+|\n", schoon)) if len(z) >= MIN_LENGTE]


def _onderscheidend(fragment: str) -> bool:
    return len(fragment) >= MIN_TEKENS and len(fragment.split()) >= MIN_WOORDEN


def sporen(agenda: Agenda, publiek: Iterable[str] = ()) -> dict[str, str]:
    """What would betray a confidential decision (fragment → decision code), minus what public text holds too.

    ``publiek``: further text every build shows anyway, such as the theme's words.
    """
    openbaar = agenda.openbaar()
    bekend = _normaal(" ".join([*teksten(openbaar), *_sjabloonteksten(), *publiek]))
    uit: dict[str, str] = {}
    for b in agenda.besluiten.values():
        if not b.vertrouwelijk:
            continue
        uit[_normaal(f"{b.code}-{b.slug}")] = b.code
        uit[_normaal(f"besluit {b.nummer}: {b.titel}")] = b.code
        kandidaten = [b.titel, b.samenvatting, *_zinnen(b.body), *_zinnen(b.samenvatting)]
        kandidaten += [s.toelichting for s in (*b.verloop, *b.gepland) if s.toelichting]
        for fragment in (_normaal(k) for k in kandidaten):
            if _onderscheidend(fragment) and fragment not in bekend:
                uit.setdefault(fragment, b.code)
    return uit


def teksten(waarde: object) -> Iterator[str]:
    """Every string in a value (the public model, parsed JSON), keys included, whatever object holds it."""
    stapel = [waarde]
    while stapel:
        x = stapel.pop()
        if isinstance(x, str):
            yield x
        elif dataclasses.is_dataclass(x) and not isinstance(x, type):
            stapel.extend(getattr(x, f.name) for f in dataclasses.fields(x))
        elif isinstance(x, dict):
            stapel.extend(x.keys())
            stapel.extend(x.values())
        elif isinstance(x, (tuple, list, set, frozenset)):
            stapel.extend(x)


def _sjabloonteksten() -> Iterator[str]:
    """The words the templates write themselves (headings, labels), without their Jinja code."""
    for bestand in sorted(
        resources.files("regioagenda.samenstellen").joinpath("templates").iterdir(), key=lambda b: b.name
    ):
        if bestand.name.endswith(".j2"):
            yield _JINJA.sub(" ", bestand.read_text("utf-8"))


def bestandsteksten(map_: Path, patroon: str = "**/*.md") -> Iterator[str]:
    """The text of files every build shows anyway (the theme's words), for ``sporen(publiek=…)``."""
    if Path(map_).is_dir():
        for pad in sorted(Path(map_).glob(patroon)):
            if pad.is_file() and not pad.is_symlink():
                yield pad.read_text("utf-8", errors="replace")


def _pdftekst(inhoud: bytes) -> str:
    """The text of a PDF (its streams are compressed: the bytes alone would hide a leak), and its metadata."""
    with contextlib.suppress(Exception):
        lezer = PdfReader(io.BytesIO(inhoud))
        metadata = " ".join(str(w) for w in (lezer.metadata or {}).values())
        return metadata + " " + " ".join(blad.extract_text() or "" for blad in lezer.pages)
    return inhoud.decode("utf-8", errors="replace")  # not readable as a PDF: searched as it is


def _lees(pad: Path) -> str:
    inhoud = pad.read_bytes()
    if pad.suffix == ".pdf":
        return _normaal(_pdftekst(inhoud))
    if pad.suffix == ".gz":
        inhoud = gzip.decompress(inhoud)
    tekst = inhoud.decode("utf-8", errors="replace")
    if pad.suffix == ".json":
        with contextlib.suppress(ValueError):
            tekst += " " + json.dumps(json.loads(tekst), ensure_ascii=False)
    return _normaal(html.unescape(tekst) + " " + tekst)


def _bevat(tekst: str, fragment: str) -> bool:
    """The fragment as words of their own: 'sluiting accare' is not found inside 'ontsluiting accare-breed'."""
    if fragment not in tekst:
        return False
    return re.search(r"(?<!\w)" + re.escape(fragment) + r"(?!\w)", tekst) is not None


def zoek_lekken(map_: Path, fragmenten: dict[str, str]) -> list[tuple[str, str]]:
    """(file, decision code) for every output file that contains a confidential fragment."""
    if not fragmenten:
        return []
    lekken = []
    for pad in sorted(p for p in Path(map_).rglob("*") if p.is_file()):
        tekst = _lees(pad)
        for fragment, code in fragmenten.items():
            if _bevat(tekst, fragment):
                lekken.append((pad.relative_to(map_).as_posix(), code))
                break
    return lekken


def lekmelding(lekken: list[tuple[str, str]]) -> str:
    """The Dutch report of a failed leak check: which file holds text of which confidential decision."""
    return "\n".join(
        [
            "Vertrouwelijke inhoud in de openbare site:",
            *(f"{pad}: bevat tekst uit vertrouwelijk besluit {code}" for pad, code in lekken),
        ]
    )
