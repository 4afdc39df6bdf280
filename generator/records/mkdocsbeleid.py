"""mkdocs.yml is a record too: what it may ask of a build, checked before MkDocs ever reads it.

MkDocs reads mkdocs.yml with PyYAML's unsafe loader, so a tag such as ``!!python/object/apply`` runs code the
moment ``mkdocs build`` starts, before any plugin. ``agenda controleer`` (the first step of every pull request
check) therefore reads the file itself, safely: the YAML is parsed into events and nodes and never constructed,
and everything outside this policy is refused with ``mkdocs.yml:regel``. The plugin holds the settings the build
really uses (after ``-d``, environment variables and ``!ENV``) to the same rules, through the same functions.

The policy — allowlists, not denylists:

- YAML: no tags but ``!ENV`` (only on a setting the build checks again: the names, addresses and folders below,
  and the plugin's ``peildatum``) and ``!relative`` (which no allowed option takes, so it is refused where it
  stands); no anchors, aliases or merge keys (``<<``), no key twice, at most 12 levels deep.
- Top-level keys: only those in ``SLEUTELS``. Refused by name: ``hooks`` (runs Python from the pull request),
  ``INHERIT`` (reads another file), ``extra_javascript`` and ``extra_templates`` (scripts and templates),
  ``google_analytics`` (third-party code), and every key not in the list.
- ``plugins``: ``search`` (options lang, separator, pipeline) and this generator's own plugin, which must be listed
  (options peildatum, and ``intern: false`` only — an internal build is asked for with ``AGENDA_INTERN=1``, never
  by a file a pull request can change).
- ``markdown_extensions``: only those that read no file and run no code named in the configuration, each with the
  options listed in ``UITBREIDINGEN``. Options that name a Python function (``custom_fences``, ``slugify``,
  ``*_format``, ``generator``) are not among them. Refused for example: ``pymdownx.snippets`` and
  ``markdown_include`` (read files), ``pymdownx.emoji`` (Python names as generators, and images from a CDN).
- ``theme``: ``name: material``, and ``font: false`` (Material otherwise loads Google Fonts: a request to another
  site on every page view); ``custom_dir`` a folder in the repository; ``logo`` and ``favicon`` relative paths;
  ``icon.*`` names of icons that exist (``material/library``); ``palette``, ``features`` and ``language`` with
  plain values. Nothing else.
- ``extra``: ``social`` (icon, link, name), ``generator``, ``homepage``, ``alternate`` (name, link, lang). Refused
  for example: analytics, consent, polyfills, scope. ``extra_css``: relative paths on the site itself.
- Addresses (``nav``, ``repo_url``, ``edit_uri``, ``site_url``, ``extra``): read as a browser reads them (character
  references decoded, tabs and line breaks dropped, case ignored), then ``https:`` with a host, ``mailto:``, or
  relative (never ``//``); ``site_url`` and ``repo_url`` absolute ``https:`` (``http:`` only on this machine,
  127.0.0.1 or localhost, for a preview). No quotes, spaces, backslashes or control characters.
- Folders (``docs_dir``, ``site_dir``, ``theme.custom_dir``, ``watch``): relative, without ``..``, inside the
  repository after following links, never the repository itself and never overlapping (equal to, inside or
  containing) a record folder, ``.git`` or ``generator/``; ``docs_dir``, ``site_dir`` and ``custom_dir`` never
  overlap each other. A build may put its site outside the repository (``-d``), never over those folders.
- Names and descriptions (``site_name``, ``site_description``, ``site_author``, ``copyright``, ``repo_name``,
  ``nav`` titles and the names under ``extra`` and ``theme``): plain text, one line, without ``<``, ``>``,
  ``"`` or control characters. The plugin escapes them as well, because the theme prints them unescaped.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from regioagenda.problemen import Probleem
from regioagenda.records import invoercontrole as invoer
from regioagenda.records.paden import RECORDMAPPEN

NAAM = "mkdocs.yml"
PLUGINNAMEN = ("agenda", "uitvoeringsagenda")
"""Names under which mkdocs.yml lists this generator's plugin."""
BESCHERMD = (*RECORDMAPPEN, ".git", "generator")
"""Folders no configured folder may be, lie in or contain."""
OMGEVING = "!ENV"
RELATIEF = "!relative"

Melding = tuple[int, str, str]
"""(line, what is wrong, what is expected)."""


# --- the values a reader hands to the rules ---------------------------------------------------------------------


@dataclass
class Waarde:
    """A setting as a reader found it: plain data (text, bool, number, None, lists and blocks of Waarde) and a line.

    ``tag`` is '!ENV' or '!relative' when the file wrote one (the other tags never get this far).
    """

    data: Any
    regel: int
    tag: str | None = None
    sleutelregels: dict[str, int] = field(default_factory=dict)

    def blok(self) -> dict[str, Waarde] | None:
        return self.data if isinstance(self.data, dict) else None

    def lijst(self) -> list[Waarde] | None:
        return self.data if isinstance(self.data, list) else None

    def regel_van(self, sleutel: str) -> int:
        return self.sleutelregels.get(sleutel, self.regel)


def uit_python(data: Any, bron: Waarde | None = None) -> Waarde:
    """The effective configuration as the rules read it, with the line of the same setting in ``bron`` (the file).

    A setting the file does not have (it came from the command line or the environment) is reported at line 1.
    """
    regel = bron.regel if bron is not None else 1
    if isinstance(data, dict):
        blok = bron.blok() if bron is not None else None
        kinderen = {str(k): uit_python(v, (blok or {}).get(str(k))) for k, v in data.items()}
        regels = {k: (bron.regel_van(k) if blok and k in blok else regel) for k in kinderen}
        for k, kind in kinderen.items():
            kind.regel = regels[k]
        return Waarde(kinderen, regel, sleutelregels=regels)
    if isinstance(data, (list, tuple)):
        lijst = (bron.lijst() if bron is not None else None) or []
        return Waarde([uit_python(v, lijst[i] if i < len(lijst) else bron) for i, v in enumerate(data)], regel)
    return Waarde(data, regel)


# --- shared rules: one rule, two readers -----------------------------------------------------------------------

_LOKAAL_HTTP = re.compile(r"http://(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?(?:[/?#]|\Z)", re.I)
_SCHEMA = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
_C0 = "".join(chr(i) for i in range(0x21))
_ICOON = re.compile(r"[a-z0-9-]+(?:/[a-z0-9-]+)+")
_TAAL = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_WOORD = re.compile(r"[a-z][a-z0-9_-]{0,40}")
ICONEN = Path(__import__("material").__file__).parent / "templates" / ".icons"
"""Material's icon set: an icon name that is not a file here ends the build in a Jinja traceback."""


def zoals_browser(adres: str) -> str:
    """An address as a browser reads it: character references decoded, tabs and line breaks dropped, no lead-in."""
    return re.sub(r"[\t\n\r]", "", html.unescape(adres)).lstrip(_C0)


def adresfout(waarde: Any, absoluut: bool = False) -> str | None:
    """What is wrong with an address in the page chrome, or None.

    ``absoluut`` (site_url, repo_url): ``https:`` with a host, or ``http:`` on this machine. Otherwise also
    ``mailto:`` and relative addresses. The scheme is read as a browser reads it: ``java&#x73;cript:`` is
    ``javascript:``.
    """
    if not isinstance(waarde, str) or not waarde:
        return "is geen webadres"
    if re.search(r"[\s\"'<>`\\]", waarde) or not waarde.isprintable():
        return f"'{waarde}' bevat een spatie, aanhalingsteken, '<', '>', backslash of stuurteken"
    gezien = zoals_browser(waarde)
    if "\\" in gezien or re.search(r"[\s\"'<>`]", gezien):
        return f"'{waarde}' wordt door een browser gelezen als '{gezien}'"
    schema = _SCHEMA.match(gezien)
    if schema is None:
        if absoluut:
            return f"'{waarde}' is geen volledig webadres"
        return f"'{waarde}' verwijst naar een ander domein zonder 'https:'" if gezien.startswith("//") else None
    soort = schema.group(1).lower()
    if soort == "https" and urlsplit(gezien).netloc and gezien[6:8] == "//":
        return None
    if soort == "http" and _LOKAAL_HTTP.match(gezien) and absoluut:
        return None
    if soort == "mailto" and not absoluut and len(gezien) > 7:
        return None
    return f"'{waarde}' begint met '{soort}:'"


def adresverwachting(absoluut: bool = False) -> str:
    if absoluut:
        return (
            "een volledig adres dat met https:// begint (http:// alleen voor 127.0.0.1 of localhost), zonder "
            "aanhalingstekens, spaties of stuurtekens"
        )
    return "een adres dat met https:// of mailto: begint, of een relatief adres op de site zelf"


def tekstfout(waarde: Any) -> str | None:
    """What keeps a name or description from being plain text, or None."""
    if not isinstance(waarde, str):
        return f"'{waarde}' is geen tekst"
    if "\n" in waarde or "\r" in waarde:
        return "de tekst heeft een regeleinde"
    if re.search(r"[<>\"]", waarde):
        return f"'{waarde}' bevat '<', '>' of '\"'"
    if not waarde.isprintable():
        return "de tekst bevat een stuurteken of onzichtbaar teken"
    return None


TEKSTVERWACHTING = "platte tekst op één regel, zonder '<', '>', '\"' of stuurtekens"


def padvormfout(waarde: Any) -> str | None:
    """What is wrong with how a relative path is written (before it is resolved), or None."""
    if not isinstance(waarde, str) or not waarde.strip():
        return "is geen pad"
    if not waarde.isprintable() or re.search(r"[\"'<>`\\]", waarde):
        return f"'{waarde}' bevat een aanhalingsteken, '<', '>', backslash of stuurteken"
    if waarde.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", waarde) or "//" in waarde:
        return f"'{waarde}' is een absoluut pad of een adres"
    if ".." in Path(waarde).parts:
        return f"'{waarde}' gaat met '..' omhoog"
    if not re.fullmatch(r"[\w .\-/]+", waarde):
        return f"'{waarde}' bevat tekens die in een pad niet horen (alleen letters, cijfers, spaties en '._-/')"
    return None


def _overlapt(a: Path, b: Path) -> bool:
    return a == b or a in b.parents or b in a.parents


def mapfout(root: Path, pad: Path, buiten_mag: bool = False, getoond: str | None = None) -> str | None:
    """What is wrong with a configured folder (already made absolute), or None.

    Inside the repository after following links (``buiten_mag``: a site folder given by the build command may
    lie elsewhere), never the repository itself or a folder containing it, never overlapping ``BESCHERMD``.
    """
    repo, doel = Path(root).resolve(), Path(os.path.abspath(pad)).resolve()
    pad = getoond if getoond is not None else pad
    if doel == repo or doel in repo.parents:
        return f"'{pad}' is de repository zelf" if doel == repo else f"'{pad}' bevat de hele repository"
    if repo not in doel.parents and not buiten_mag:
        return f"'{pad}' ligt buiten de repository"
    for map_ in BESCHERMD:
        if _overlapt(doel, repo / map_):
            return f"'{pad}' valt samen met '{map_}/', ligt erin of bevat het"
    return None


MAPVERWACHTING = "een relatieve map in de repository, zonder '..', niet de repository zelf en los van " + ", ".join(
    f"'{m}/'" for m in BESCHERMD
)


SITEVERWACHTING = "een map voor de site die niet de repository is, haar niet bevat en los ligt van " + ", ".join(
    f"'{m}/'" for m in BESCHERMD
)


def icoonfout(waarde: Any, eigen_thema: Path | None) -> str | None:
    """What is wrong with an icon name, or None: a name such as 'material/library' that Material (or the
    programme's own theme folder) has."""
    if not isinstance(waarde, str) or not _ICOON.fullmatch(waarde):
        return f"'{waarde}' is geen naam van een icoon"
    mappen = [ICONEN] + ([eigen_thema / ".icons"] if eigen_thema else [])
    if not any((map_ / f"{waarde}.svg").is_file() for map_ in mappen):
        return f"icoon '{waarde}' bestaat niet"
    return None


ICOONVERWACHTING = "de naam van een icoon uit Material, zoals 'material/library' of 'fontawesome/brands/github'"


# --- the rules per setting ---------------------------------------------------------------------------------------


@dataclass
class Omstandigheden:
    """What a rule needs besides the value: the repository, and whether the file or the build is read."""

    root: Path
    bouw: bool = False
    mappen: dict[str, tuple[Path, int]] = field(default_factory=dict)
    """docs_dir, site_dir, custom_dir as found (absolute), compared with each other at the end."""
    eigen_thema: Path | None = None


Regel = Callable[[Waarde, str, Omstandigheden], Iterator[Melding]]


def _tekst(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    fout = tekstfout(w.data)
    if fout:
        yield w.regel, f"'{naam}': {fout}", TEKSTVERWACHTING


def _absoluut_adres(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    fout = adresfout(w.data, absoluut=True)
    if fout:
        yield w.regel, f"'{naam}': {fout}", adresverwachting(True)


def _adres(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    fout = adresfout(w.data)
    if fout:
        yield w.regel, f"'{naam}': {fout}", adresverwachting()


def _ja_nee(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if not isinstance(w.data, bool):
        yield w.regel, f"'{naam}' heeft de waarde '{w.data}'", "true of false"


def _lokaal_adres(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if not isinstance(w.data, str) or not re.fullmatch(r"(?:127\.0\.0\.1|localhost):\d{1,5}", w.data):
        yield w.regel, f"'{naam}' heeft de waarde '{w.data}'", "127.0.0.1:8000 of localhost:8000 (alleen deze computer)"


def _patronen(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if not isinstance(w.data, str) or not re.fullmatch(r"[\w./*?!\[\]\- \n#]*", w.data):
        yield w.regel, f"'{naam}' heeft de waarde '{w.data}'", "regels met bestandspatronen zoals 'concepten/*.md'"


def _map(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    """docs_dir, site_dir, theme.custom_dir: written relative (file) and placed safely (file and build)."""
    buiten_mag = o.bouw and naam == "site_dir"  # the build command's '-d' may put the site elsewhere
    fout, pad = _mapprobleem(o, w.data, buiten_mag)
    if fout:
        yield w.regel, f"'{naam}': {fout}", SITEVERWACHTING if buiten_mag else MAPVERWACHTING
    else:
        o.mappen[naam] = (pad, w.regel)


def _mapprobleem(o: Omstandigheden, waarde: Any, buiten_mag: bool = False) -> tuple[str | None, Path]:
    """What is wrong with a folder setting, and the folder it names (resolved).

    The file writes it relative to the repository; the build has it absolute (MkDocs resolves it), and then the
    part inside the repository is held to the same form, so that both readers give one verdict.
    """
    if not isinstance(waarde, str) or not (o.bouw and os.path.isabs(waarde)):
        fout = padvormfout(waarde)
        if fout:
            return fout, o.root
        pad = o.root / waarde
    else:
        pad = Path(waarde)
    doel, repo = Path(os.path.abspath(pad)).resolve(), o.root.resolve()
    fout = mapfout(o.root, pad, buiten_mag=buiten_mag, getoond=waarde)
    if fout is None and repo in doel.parents:
        fout = padvormfout(Path(os.path.relpath(pad, o.root)).as_posix())
    return fout, doel


def _mappenlijst(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    for item in _lijst(w):
        fout, _ = _mapprobleem(o, item.data)
        if fout:
            yield item.regel, f"'{naam}': {fout}", MAPVERWACHTING


def _lijst(w: Waarde) -> list[Waarde]:
    return w.lijst() if w.lijst() is not None else [w]


def _stijlen(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    """extra_css, theme.logo, theme.favicon: files of the site itself, never fetched from another address."""
    for item in _lijst(w):
        gezien = zoals_browser(item.data) if isinstance(item.data, str) else ""
        if _SCHEMA.match(gezien) or gezien.startswith("//"):
            fout = f"haalt '{item.data}' van een ander adres — de site doet geen verzoeken naar andere adressen"
        else:
            fout = padvormfout(item.data)
        if fout:
            yield (
                item.regel,
                f"'{naam}' {fout}" if fout.startswith("haalt") else f"'{naam}': {fout}",
                "een relatief pad naar een bestand op de site zelf (in docs/), zoals 'assets/extra.css'",
            )


def _navigatie(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    """'nav': titles are plain text, targets are addresses (pages, or https:/mailto: links)."""
    stapel = [w]
    while stapel:
        huidig = stapel.pop()
        if isinstance(huidig.data, list):
            stapel.extend(reversed(huidig.data))
        elif isinstance(huidig.data, dict):
            for titel, doel in huidig.data.items():
                yield from _tekst(Waarde(titel, huidig.regel_van(titel)), "nav", o)
                stapel.append(doel)
        else:
            yield from _adres(huidig, "nav", o)


def _validatie(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    stapel = [w]
    while stapel:
        huidig = stapel.pop()
        if isinstance(huidig.data, dict):
            stapel.extend(huidig.data.values())
        elif huidig.data not in ("warn", "info", "ignore", "relative_to_docs", "absolute"):
            yield huidig.regel, f"'{naam}' heeft de waarde '{huidig.data}'", "warn, info of ignore"


def _blok(
    w: Waarde, naam: str, toegestaan: dict[str, Regel], o: Omstandigheden, verplicht: tuple[str, ...] = ()
) -> Iterator[Melding]:
    """A block whose keys are an allowlist, each key with its own rule."""
    blok = w.blok()
    if blok is None:
        yield w.regel, f"'{naam}' is geen blok", f"een blok met {_opsomming(toegestaan)}"
        return
    for sleutel, kind in blok.items():
        if sleutel not in toegestaan:
            yield (
                w.regel_van(sleutel),
                f"'{naam}.{sleutel}' wordt niet ondersteund{_waarom(sleutel)}",
                f"alleen {_opsomming(toegestaan)}",
            )
        else:
            yield from toegestaan[sleutel](kind, f"{naam}.{sleutel}", o)
    for sleutel in verplicht:
        if sleutel not in blok:
            yield w.regel, f"'{naam}' mist '{sleutel}'", f"'{sleutel}' in '{naam}'"


def _opsomming(namen) -> str:
    return ", ".join(f"'{n}'" for n in namen) if namen else "geen opties"


def _patroon(patroon: str, verwacht: str) -> Regel:
    def regel(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
        for item in _lijst(w):
            if not isinstance(item.data, str) or not re.fullmatch(patroon, item.data):
                yield item.regel, f"'{naam}' heeft de waarde '{item.data}'", verwacht

    return regel


def _getal_of_tekst(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if (
        isinstance(w.data, bool)
        or not isinstance(w.data, (int, str))
        or not re.fullmatch(r"\d{1,2}(-\d{1,2})?", str(w.data))
    ):
        yield w.regel, f"'{naam}' heeft de waarde '{w.data}'", "een getal zoals 3, of een bereik zoals '2-4'"


def _ja_nee_of_tekst(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    if not isinstance(w.data, bool):
        yield from _tekst(w, naam, o)


def _icoon(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    fout = icoonfout(w.data, o.eigen_thema)
    if fout:
        yield w.regel, f"'{naam}': {fout}", ICOONVERWACHTING


def _iconen(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    """theme.icon: each value an icon name; 'admonition' and 'tag' map plain words to icon names."""
    blok = w.blok()
    if blok is None:
        yield w.regel, f"'{naam}' is geen blok", "een blok zoals 'repo: fontawesome/brands/github'"
        return
    for sleutel, kind in blok.items():
        if not _WOORD.fullmatch(sleutel):
            yield w.regel_van(sleutel), f"'{naam}': sleutel '{sleutel}' is geen eenvoudig woord", "kleine letters"
        elif sleutel in ("admonition", "tag"):
            yield from _iconen(kind, f"{naam}.{sleutel}", o)
        else:
            yield from _icoon(kind, f"{naam}.{sleutel}", o)


def _lettertype(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if w.data is not False:
        yield (
            w.regel,
            "'theme.font' is niet 'false' — Material haalt dan lettertypen bij Google Fonts, een verzoek naar een "
            "ander domein bij elk bezoek",
            "font: false (de site gebruikt de lettertypen van de lezer)",
        )


def _themanaam(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if w.data != "material":
        yield w.regel, f"'{naam}' is '{w.data}'", "name: material (het enige thema dat de site ondersteunt)"


def _eigen_thema(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    yield from _map(w, naam, o)
    if naam in o.mappen:
        o.eigen_thema = o.mappen[naam][0]


def _palet(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    for item in _lijst(w):
        yield from _blok(item, naam, PALET, o)


PALET: dict[str, Regel] = {
    "scheme": _patroon(r"[a-z][a-z -]{0,30}", "een naam zoals 'default' of 'slate'"),
    "primary": _patroon(r"[a-z][a-z -]{0,30}", "een kleur zoals 'indigo'"),
    "accent": _patroon(r"[a-z][a-z -]{0,30}", "een kleur zoals 'indigo'"),
    "media": _patroon(r"[a-z0-9 ():,-]{1,80}", "een mediaquery zoals '(prefers-color-scheme: dark)'"),
    "toggle": lambda w, n, o: _blok(w, n, {"icon": _icoon, "name": _tekst}, o),
}
THEMA: dict[str, Regel] = {
    "name": _themanaam,
    "custom_dir": _eigen_thema,
    "language": _patroon(_TAAL.pattern, "een taalcode zoals 'nl'"),
    "font": _lettertype,
    "features": _patroon(r"[a-z]+(?:\.[a-z]+)+", "een Material-functie zoals 'navigation.top'"),
    "palette": _palet,
    "logo": _stijlen,
    "favicon": _stijlen,
    "icon": _iconen,
}
"""The theme options the site supports; custom_dir comes first so that icon names can be looked up in it."""


def _thema(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    if w.blok() is not None and "custom_dir" in w.blok():  # its icons count for theme.icon
        w = Waarde({"custom_dir": w.blok()["custom_dir"], **w.blok()}, w.regel, w.tag, w.sleutelregels)
    yield from _blok(w, naam, THEMA, o, verplicht=("name", "font"))


def _sociaal(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    for item in _lijst(w):
        yield from _blok(item, naam, {"icon": _icoon, "link": _adres, "name": _tekst}, o, verplicht=("icon", "link"))


def _alternatief(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    taal = _patroon(_TAAL.pattern, "een taalcode zoals 'en'")
    for item in _lijst(w):
        yield from _blok(item, naam, {"name": _tekst, "link": _adres, "lang": taal}, o, verplicht=("link",))


EXTRA: dict[str, Regel] = {"social": _sociaal, "generator": _ja_nee, "homepage": _adres, "alternate": _alternatief}


def _zoekopties() -> dict[str, Regel]:
    taal = _patroon(r"[a-z]{2}(?:-[a-z]{2})?", "een taalcode zoals 'nl'")
    pijplijn = _patroon(r"stemmer|stopWordFilter|trimmer", "stemmer, stopWordFilter of trimmer")
    return {"lang": taal, "separator": _tekst, "pipeline": pijplijn}


def _peildatum(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if w.data is not None and (not isinstance(w.data, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", w.data)):
        yield w.regel, f"'{naam}' heeft de waarde '{w.data}'", 'een datum tussen aanhalingstekens, zoals "2024-04-01"'


def _intern(w: Waarde, naam: str, _: Omstandigheden) -> Iterator[Melding]:
    if w.data is not False:
        yield (
            w.regel,
            f"'{naam}' staat aan in mkdocs.yml — een bestand dat een pull request kan wijzigen mag geen interne "
            "versie met vertrouwelijke besluiten bouwen",
            "laat 'intern' weg; vraag een interne bouw met AGENDA_INTERN=1",
        )


PLUGINS: dict[str, dict[str, Regel]] = {
    "search": _zoekopties(),
    **{naam: {"peildatum": _peildatum, "intern": _intern, "pdf": _ja_nee} for naam in PLUGINNAMEN},
}
"""The plugins the site supports, each with the options it may have."""

_GEEN: dict[str, Regel] = {}
UITBREIDINGEN: dict[str, dict[str, Regel]] = {
    "tables": {"use_align_attribute": _ja_nee},
    "admonition": _GEEN,
    "attr_list": _GEEN,
    "md_in_html": _GEEN,
    "sane_lists": _GEEN,
    "def_list": _GEEN,
    "footnotes": _GEEN,
    "abbr": _GEEN,
    "fenced_code": _GEEN,
    "toc": {
        "permalink": _ja_nee_of_tekst,
        "permalink_title": _tekst,
        "toc_depth": _getal_of_tekst,
        "baselevel": _getal_of_tekst,
        "title": _tekst,
        "anchorlink": _ja_nee,
        "permalink_leading": _ja_nee,
    },
    "pymdownx.superfences": {"disable_indented_code_blocks": _ja_nee, "preserve_tabs": _ja_nee},
    "pymdownx.details": _GEEN,
    "pymdownx.tabbed": {"alternate_style": _ja_nee},
    "pymdownx.tasklist": {"custom_checkbox": _ja_nee},
    "pymdownx.mark": {"smart_mark": _ja_nee},
    "pymdownx.tilde": {"smart_delete": _ja_nee, "subscript": _ja_nee},
    "pymdownx.caret": {"smart_insert": _ja_nee, "superscript": _ja_nee},
    "pymdownx.smartsymbols": {
        k: _ja_nee for k in ("trademark", "copyright", "registered", "plusminus", "arrows", "notequal", "fractions")
    },
}
"""Markdown extensions that read no file and run no code named in the configuration, with their allowed options."""

_WAAROM = {
    "hooks": "voert Python-code uit de pull request uit, ook in de controle",
    "INHERIT": "leest instellingen uit een ander bestand",
    "extra_javascript": "de site werkt zonder eigen scripts",
    "extra_templates": "extra sjablonen zijn code die elke pagina kan veranderen",
    "google_analytics": "laadt code van een ander domein",
    "analytics": "laadt code van een ander domein",
    "consent": "hoort bij analytics, dat de site niet gebruikt",
    "polyfills": "laadt scripts van een ander domein",
    "scope": "komt ongefilterd in een script",
    "custom_fences": "noemt Python-functies",
    "slugify": "noemt een Python-functie",
    "emoji_generator": "noemt een Python-functie",
    "emoji_index": "noemt een Python-functie",
    "pymdownx.snippets": "leest bestanden, ook van buiten de repository",
    "markdown_include": "leest bestanden, ook van buiten de repository",
    "pymdownx.emoji": "noemt Python-functies en haalt afbeeldingen van een ander domein",
    "static_templates": "maakt pagina's van sjablonen",
}


def _waarom(naam: str) -> str:
    reden = _WAAROM.get(naam) or ("noemt een Python-functie" if naam.endswith(("_format", "generator")) else "")
    return f" ({reden})" if reden else ""


def _naam_en_opties(item: Waarde) -> tuple[str | None, Waarde | None, int]:
    """A list item of plugins or markdown_extensions: 'naam', or 'naam: {opties}'."""
    if isinstance(item.data, str):
        return item.data, None, item.regel
    blok = item.blok()
    if blok is not None and len(blok) == 1:
        naam = next(iter(blok))
        return naam, blok[naam], item.regel_van(naam)
    return None, None, item.regel


def _naamitems(w: Waarde) -> list[Waarde]:
    """The items of plugins or markdown_extensions: a list, or (MkDocs accepts it too) a block of name: options."""
    if w.blok() is not None:
        return [Waarde({k: v}, w.regel_van(k), sleutelregels={k: w.regel_van(k)}) for k, v in w.blok().items()]
    return _lijst(w)


def _namenlijst(w: Waarde, naam: str, toegestaan: dict[str, dict[str, Regel]], o: Omstandigheden) -> Iterator[Melding]:
    """plugins and markdown_extensions: a list (or block) of allowed names, each with allowed options."""
    for item in _naamitems(w):
        uitbreiding, opties, regel = _naam_en_opties(item)
        if uitbreiding is None:
            yield regel, f"'{naam}' heeft een onleesbaar item", "een naam, of een naam met een blok opties"
        elif uitbreiding not in toegestaan:
            yield (
                regel,
                f"'{naam}' noemt '{uitbreiding}', die niet wordt ondersteund{_waarom(uitbreiding)}",
                f"alleen {_opsomming(toegestaan)}",
            )
        elif opties is not None and opties.data is not None:
            yield from _blok(opties, f"{naam}.{uitbreiding}", toegestaan[uitbreiding], o)


def _plugins(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    yield from _namenlijst(w, naam, PLUGINS, o)
    namen = {_naam_en_opties(item)[0] for item in _naamitems(w)}
    if not namen & set(PLUGINNAMEN):
        yield (
            w.regel,
            "'plugins' noemt de plugin van de agenda niet — zonder die plugin controleert de bouw niets",
            "'agenda' in 'plugins'",
        )


def _uitbreidingen(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    yield from _namenlijst(w, naam, UITBREIDINGEN, o)


def _extra(w: Waarde, naam: str, o: Omstandigheden) -> Iterator[Melding]:
    yield from _blok(w, naam, EXTRA, o)


SLEUTELS: dict[str, Regel] = {
    "site_name": _tekst,
    "site_description": _tekst,
    "site_author": _tekst,
    "copyright": _tekst,
    "repo_name": _tekst,
    "site_url": _absoluut_adres,
    "repo_url": _absoluut_adres,
    "edit_uri": _adres,
    "edit_uri_template": _adres,
    "docs_dir": _map,
    "site_dir": _map,
    "watch": _mappenlijst,
    "strict": _ja_nee,
    "use_directory_urls": _ja_nee,
    "dev_addr": _lokaal_adres,
    "exclude_docs": _patronen,
    "not_in_nav": _patronen,
    "draft_docs": _patronen,
    "validation": _validatie,
    "theme": _thema,
    "nav": _navigatie,
    "plugins": _plugins,
    "markdown_extensions": _uitbreidingen,
    "extra": _extra,
    "extra_css": _stijlen,
}
"""Every top-level key mkdocs.yml may have, with its rule."""
VERPLICHT = ("site_name", "theme", "plugins")
MET_OMGEVING = frozenset(
    ("site_name", "site_description", "site_author", "copyright", "repo_name", "site_url", "repo_url", "edit_uri")
    + ("edit_uri_template", "docs_dir", "site_dir")
)
"""Settings that may come from the environment (``!ENV``): the build checks their values again."""


def _regels(root: Path, data: Waarde, bouw: bool) -> Iterator[Melding]:
    """Every rule of the policy over one configuration, read from the file or from the build."""
    o = Omstandigheden(Path(root), bouw)
    blok = data.blok()
    if blok is None:
        yield data.regel, "mkdocs.yml is geen blok met instellingen", "instellingen zoals 'site_name: …'"
        return
    for sleutel, w in blok.items():
        if sleutel not in SLEUTELS:
            yield (
                data.regel_van(sleutel),
                f"'{sleutel}' wordt niet ondersteund{_waarom(sleutel)}",
                f"alleen de instellingen {_opsomming(SLEUTELS)}",
            )
        elif w.data is not None or sleutel in VERPLICHT:
            yield from SLEUTELS[sleutel](w, sleutel, o)
    for sleutel in VERPLICHT if not bouw else ():
        if sleutel not in blok:
            yield 1, f"'{sleutel}' ontbreekt", f"'{sleutel}' in mkdocs.yml"
    if not bouw:
        for naam, standaard in (("docs_dir", "docs"), ("site_dir", "site")):
            if naam not in blok:
                yield from _map(Waarde(standaard, 1), naam, o)
    yield from _overlappende_mappen(o)


def _overlappende_mappen(o: Omstandigheden) -> Iterator[Melding]:
    namen = sorted(o.mappen)
    for i, a in enumerate(namen):
        for b in namen[i + 1 :]:
            if _overlapt(o.mappen[a][0], o.mappen[b][0]):
                regel = max(o.mappen[a][1], o.mappen[b][1])
                yield regel, f"'{a}' en '{b}' overlappen", "gescheiden mappen: de site komt nooit over de bronnen"


# --- reader 1: the file ------------------------------------------------------------------------------------------


def controleer_mkdocs(root: Path, naam: str = NAAM, tekst: str | None = None) -> list[Probleem]:
    """Every problem with mkdocs.yml (``tekst``: its text, instead of the file), each with ``mkdocs.yml:regel``."""
    root, pad = Path(root), Path(root) / naam
    if tekst is None:
        if pad.is_symlink():
            return [Probleem(naam, 1, "mkdocs.yml is een symbolische link", "een gewoon bestand in de repository")]
        try:
            ruw = pad.read_bytes()
        except OSError:
            return [Probleem(naam, 1, "mkdocs.yml kan niet gelezen worden", "een gewoon bestand in de repository")]
        if len(ruw) > invoer.MAX_BYTES:
            return [Probleem(naam, 1, f"mkdocs.yml is {len(ruw) // 1024} KiB groot", "hoogstens 256 KiB")]
        try:
            tekst = ruw.decode("utf-8")
        except UnicodeDecodeError:
            return [Probleem(naam, 1, "mkdocs.yml is geen UTF-8-tekst", "opslaan als UTF-8")]
    problemen = invoer.tekens(naam, tekst)
    problemen += [Probleem(naam, *m) for m in _voorcontrole(tekst)]
    if problemen:
        return sorted(set(problemen))
    try:
        data = _lees(tekst)
    except _Leesfout as fout:
        return [Probleem(naam, *fout.melding)]
    return sorted({Probleem(naam, *m) for m in _regels(root, data, bouw=False)})


def pluginoptie(root: Path, optie: str) -> Any | None:
    """The agenda plugin's option ``optie`` as mkdocs.yml writes it, read by this module's own reader; None when
    the file is absent or refused, or does not write it (a value behind !ENV is the build's to know)."""
    pad = Path(root) / NAAM
    if pad.is_symlink() or not pad.is_file():
        return None
    try:
        tekst = pad.read_text("utf-8")
        if next(_voorcontrole(tekst), None) is not None:
            return None  # 'agenda controleer' and the build report why
        plugins = (_lees(tekst).blok() or {}).get("plugins")
    except (OSError, UnicodeDecodeError, _Leesfout):
        return None
    if plugins is None:
        return None
    for item in _naamitems(plugins):
        naam, opties, _ = _naam_en_opties(item)
        waarde = (opties.blok() or {}).get(optie) if naam in PLUGINNAMEN and opties is not None else None
        if waarde is not None and waarde.tag is None and waarde.data:
            return waarde.data.tekst if isinstance(waarde.data, Tijdstip) else waarde.data
    return None


class _Leesfout(Exception):
    def __init__(self, melding: Melding):
        super().__init__(melding[1])
        self.melding = melding


_PYTHON = re.compile(r"python/|tag:yaml\.org,2002:python", re.I)


def _voorcontrole(tekst: str) -> Iterator[Melding]:
    """Tags, anchors, aliases and depth, on the event stream: nothing is constructed, nothing nests recursively."""
    gemeld = yield from _gebeurtenissen(tekst)
    for nummer, regel in enumerate(tekst.split("\n"), start=1):
        # Belt and braces: a Python tag on a line, whatever the parser made of it.
        if nummer not in gemeld and "!" in regel and _PYTHON.search(regel):
            yield nummer, "YAML-tag die Python-code aanroept", "geen tags: MkDocs zou de code uitvoeren"


def _gebeurtenissen(tekst: str) -> Generator[Melding, None, set[int]]:
    """The event-stream checks; returns the lines reported."""
    gemeld: set[int] = set()
    for melding in _gebeurtenisregels(tekst):
        gemeld.add(melding[0])
        yield melding
    return gemeld


def _gebeurtenisregels(tekst: str) -> Iterator[Melding]:
    diepte = 0
    try:
        for event in YAML(typ="safe", pure=True).parse(tekst):
            regel = event.start_mark.line + 1
            if isinstance(event, AliasEvent):
                yield regel, f"verwijzing '*{event.anchor}' naar een anker", "schrijf de waarde gewoon uit"
            elif isinstance(event, NodeEvent) and event.anchor:
                yield regel, f"anker '&{event.anchor}'", "geen ankers; schrijf waarden gewoon uit"
            tag = getattr(event, "tag", None)
            if isinstance(event, NodeEvent) and tag is not None and tag not in (OMGEVING, RELATIEF):
                yield (
                    regel,
                    f"YAML-tag '{tag}'",
                    "geen tags behalve !ENV: MkDocs leest mkdocs.yml zo dat een tag Python-code kan uitvoeren",
                )
            if isinstance(event, CollectionStartEvent):
                diepte += 1
                if diepte > invoer.MAX_DIEPTE:
                    yield regel, f"meer dan {invoer.MAX_DIEPTE} niveaus diep genest", f"hoogstens {invoer.MAX_DIEPTE}"
                    return
            elif isinstance(event, CollectionEndEvent):
                diepte -= 1
    except MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        yield (mark.line + 1 if mark else 1), "ongeldige YAML", "geldige YAML; controleer inspringing en dubbele punten"
    except YAMLError:
        yield 1, "ongeldige YAML", "geldige YAML"


def _lees(tekst: str) -> Waarde:
    """The file as MkDocs would read it (YAML 1.1 booleans: 'no' is false), composed into nodes, never constructed."""
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 1)
    try:
        knoop = yaml.compose(tekst)
    except MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        raise _Leesfout(((mark.line + 1 if mark else 1), "ongeldige YAML", "geldige YAML")) from None
    except YAMLError:
        raise _Leesfout((1, "ongeldige YAML", "geldige YAML")) from None
    if knoop is None:
        return Waarde({}, 1)
    return _waarde(knoop, ())


def _waarde(knoop: Any, plek: tuple) -> Waarde:
    regel = knoop.start_mark.line + 1
    tag = knoop.tag if knoop.tag in (OMGEVING, RELATIEF) else None
    if tag == OMGEVING:
        return _omgeving(knoop, plek, regel)
    if tag == RELATIEF:
        raise _Leesfout(
            (
                regel,
                "'!relative' geeft een pad dat MkDocs per pagina invult; geen toegestane instelling neemt een pad",
                "laat '!relative' weg (het hoort bij uitbreidingen die bestanden lezen, en die zijn niet toegestaan)",
            )
        )
    if isinstance(knoop, MappingNode):
        data, regels = {}, {}
        for sleutelknoop, waardeknoop in knoop.value:
            sleutel = _scalair(sleutelknoop) if isinstance(sleutelknoop, ScalarNode) else None
            if sleutel == "<<" or sleutelknoop.tag.endswith(":merge"):
                raise _Leesfout(
                    (sleutelknoop.start_mark.line + 1, "merge-sleutel '<<'", "schrijf de instellingen gewoon uit")
                )
            if not isinstance(sleutel, str):
                raise _Leesfout((sleutelknoop.start_mark.line + 1, f"sleutel '{sleutel}' is geen tekst", "een naam"))
            if sleutel in data:
                raise _Leesfout(
                    (
                        sleutelknoop.start_mark.line + 1,
                        f"sleutel '{sleutel}' komt twee keer voor",
                        "elke sleutel één keer",
                    )
                )
            regels[sleutel] = sleutelknoop.start_mark.line + 1
            data[sleutel] = _waarde(waardeknoop, (*plek, sleutel))
            data[sleutel].regel = regels[sleutel]
        return Waarde(data, regel, sleutelregels=regels)
    if isinstance(knoop, SequenceNode):
        return Waarde([_waarde(kind, (*plek, i)) for i, kind in enumerate(knoop.value)], regel)
    return Waarde(_scalair(knoop), regel)


def _omgeving(knoop: Any, plek: tuple, regel: int) -> Waarde:
    """'!ENV NAAM' or '!ENV [NAAM, …, standaard]': allowed where the build checks the value again."""
    toegestaan = plek in {(k,) for k in MET_OMGEVING} or (
        len(plek) == 4 and plek[0] == "plugins" and plek[3] == "peildatum"
    )
    if not toegestaan:
        raise _Leesfout(
            (
                regel,
                f"'!ENV' bij '{'.'.join(map(str, plek))}' — daar kan de bouw een waarde uit de omgeving niet opnieuw "
                "controleren",
                "!ENV alleen bij " + ", ".join(f"'{k}'" for k in sorted(MET_OMGEVING)) + " en 'peildatum'",
            )
        )
    # Only the programme's own variables: any other (HOME, a CI token) would put the builder's secrets on the site.
    if isinstance(knoop, SequenceNode):
        namen = knoop.value[:-1] if len(knoop.value) > 1 else knoop.value  # the last of several is the default
    else:
        namen = [knoop]
    for naam in namen:
        if not isinstance(naam, ScalarNode) or not re.fullmatch(r"AGENDA_[A-Z0-9_]{1,40}", str(naam.value)):
            getoond = naam.value if isinstance(naam, ScalarNode) else "…"
            raise _Leesfout(
                (
                    regel,
                    f"'!ENV' leest de omgevingsvariabele '{getoond}' — die kan een geheim van de bouwcomputer zijn",
                    "alleen variabelen van het programma zelf, met een naam als AGENDA_…",
                )
            )
    if isinstance(knoop, SequenceNode) and len(knoop.value) > 1 and isinstance(knoop.value[-1], ScalarNode):
        return Waarde(_scalair(knoop.value[-1]), regel, OMGEVING)  # the default, checked like a value
    return Waarde(None, regel, OMGEVING)  # no default: only the build knows the value


def _scalair(knoop: ScalarNode) -> Any:
    """A scalar as YAML 1.1 types it (no constructor runs: the types below are the only ones MkDocs gets here)."""
    soort, tekst = knoop.tag.rsplit(":", 1)[-1], knoop.value
    if soort == "bool":
        return tekst.lower() in ("yes", "true", "on", "y")
    if soort == "null":
        return None
    if soort == "int":
        try:
            return int(tekst.replace("_", ""), 0)
        except ValueError:
            return tekst
    if soort == "float":
        try:
            return float(tekst.replace("_", ""))
        except ValueError:
            return tekst
    if soort == "timestamp":
        return Tijdstip(tekst)
    return tekst


@dataclass(frozen=True)
class Tijdstip:
    """An unquoted date: MkDocs gets a date object, not text, so every rule that wants text refuses it."""

    tekst: str

    def __str__(self) -> str:
        return self.tekst


# --- reader 2: the build -----------------------------------------------------------------------------------------


def controleer_instellingen(root: Path, config) -> list[Probleem]:
    """The same policy over the configuration the build really uses: after ``-d``, the environment and ``!ENV``.

    Also checks the configuration file itself (it may have another name than mkdocs.yml, or inherit one).
    """
    root = Path(root)
    bestand = Path(config.config_file_path)
    problemen = controleer_mkdocs(bestand.parent, bestand.name) if bestand.is_file() else []
    if problemen:  # the file's own problems first, at their lines; the build's values are read once it is right
        return problemen
    effectief = uit_python(_effectief(config), _bestandswaarden(bestand))
    meldingen = _regels(root, effectief, bouw=True)
    return sorted({Probleem(bestand.name, regel, f"in de bouw: {wat}", verwacht) for regel, wat, verwacht in meldingen})


def _bestandswaarden(bestand: Path) -> Waarde | None:
    """The file's settings with their lines, to report a setting of the build where the file names it."""
    try:
        tekst = bestand.read_text("utf-8")
        return None if list(_voorcontrole(tekst)) else _lees(tekst)
    except (OSError, UnicodeDecodeError, _Leesfout):
        return None


_ALLEEN_UIT_BESTAND = frozenset(
    ("theme", "plugins", "markdown_extensions", "extra", "dev_addr", "validation", "strict", "use_directory_urls")
    + ("exclude_docs", "not_in_nav", "draft_docs")
)
"""Settings that only the file can set, and that MkDocs turns into objects: the file check reads them."""


def _effectief(config) -> dict[str, Any]:
    """The settings the rules read, from the loaded configuration (defaults MkDocs fills in are left out)."""
    data = {k: config.get(k) for k in SLEUTELS if k not in _ALLEEN_UIT_BESTAND}
    data = {k: v for k, v in data.items() if v not in (None, [], {})}
    for sleutel in ("hooks", "extra_javascript", "extra_templates", "google_analytics"):
        if config.get(sleutel):
            data[sleutel] = [str(x) for x in config.get(sleutel)]
    data["watch"] = [str(p) for p in config.get("watch") or []]
    data["theme"] = _thema_effectief(config.theme)
    # Plugin options come from the file alone (checked above); the build's own plugin reads the environment too.
    data["plugins"] = [
        {_pluginnaam(naam): _afwijkend(plugin) if naam in PLUGINNAMEN else None}
        for naam, plugin in config.plugins.items()
        if naam not in (config.get("hooks") or {})  # reported as 'hooks'
    ]
    data["markdown_extensions"] = [
        {str(naam): dict(config.mdx_configs.get(naam) or {})} if isinstance(naam, str) else {type(naam).__name__: {}}
        for naam in config.markdown_extensions
    ]
    data["extra"] = dict(config.extra or {})
    return data


def _thema_effectief(thema) -> dict[str, Any]:
    waarden = {k: thema[k] for k in THEMA if k not in ("name", "custom_dir") and k in thema}
    waarden = {k: v for k, v in waarden.items() if v is not None and not (k == "features" and v == [])}
    waarden["name"] = thema.name
    if thema.custom_dir:
        waarden["custom_dir"] = thema.custom_dir
    return waarden


def _pluginnaam(naam: str) -> str:
    # Material puts its own search plugin in the place of MkDocs' 'search'.
    return "search" if naam == "material/search" else naam


def _afwijkend(plugin) -> dict[str, Any]:
    """A plugin's options that differ from its defaults: what a configuration asked for."""
    try:
        standaard = plugin.config_class()
        standaard.load_dict({})
        standaard.validate()
    except Exception:  # a plugin whose defaults cannot be made: every option counts
        return dict(plugin.config)
    return {k: v for k, v in plugin.config.items() if k != "enabled" and v != standaard.get(k)}
