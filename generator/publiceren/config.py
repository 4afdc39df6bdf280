"""The MkDocs side of the settings: the plugin's options in mkdocs.yml, and the build's MkDocs config adjusted and
checked before anything is built.

Here: the peildatum option, the site's and repository's address put into the config (the rule itself is
``siteadres``), the settings held to ``records.mkdocsbeleid``, the names escaped once for Material's templates,
the plugin's theme folder and stylesheet added, the folders no build may replace, the text every build shows
anyway (for the leak check) and the check that every page 'nav' names exists. Each raises MkDocs' PluginError.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from regioagenda.peildatum import OngeldigePeildatum, kies_peildatum

from regioagenda.problemen import samenvatting
from regioagenda.publiceren.lekcontrole import bestandsteksten
from regioagenda.publiceren.programmabouw import Huisstijl
from regioagenda.publiceren.siteadres import Adresfout, kies_adressen
from regioagenda.records.mkdocsbeleid import controleer_instellingen


class AgendaConfig(base.Config):
    peildatum = c.Optional(c.Type(str))
    """Reference date for 'te laat' (JJJJ-MM-DD); default: the day of the build."""
    intern = c.Type(bool, default=False)
    """Refused when true (see mkdocsbeleid): an internal build is asked for with AGENDA_INTERN=1."""
    pdf = c.Type(bool, default=True)
    """The agenda (werkversie and every version) as a PDF to download; never in a preview ('mkdocs serve')."""


def peildatum(optie: str | None) -> dt.date:
    """The reference date: the plugin option, else AGENDA_PEILDATUM, else today (``kies_peildatum``)."""
    try:
        return kies_peildatum(optie, "mkdocs.yml")
    except OngeldigePeildatum as fout:
        raise PluginError(str(fout)) from None


def adres(config, opdracht: str | None, intern_: bool) -> None:
    """Give the build its address (``siteadres.kies_adressen``): 'build' and 'gh-deploy' publish, so a public
    build of theirs without one stops."""
    try:
        site_url, repo_url = kies_adressen(
            config.site_url, config.repo_url, verplicht=opdracht in ("build", "gh-deploy") and not intern_
        )
    except Adresfout as fout:
        raise PluginError(str(fout)) from None
    if site_url != config.site_url:
        config.site_url = site_url
    if repo_url != config.repo_url:
        config.repo_url = repo_url


def beschermde_mappen(config) -> list[Path]:
    """The folders mkdocs.yml names that no build may replace: docs_dir and the theme's custom_dir."""
    return [Path(config.docs_dir)] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])


def met_huisstijl(config, huisstijl: Huisstijl) -> None:
    """Every programme gets the plugin's partials (before the theme's own) and its stylesheet."""
    if str(huisstijl.map) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(huisstijl.map))
    if huisstijl.stijl not in config.extra_css:
        config.extra_css.append(huisstijl.stijl)
    toc = config.mdx_configs.get("toc") if "toc" in config.markdown_extensions else None
    if isinstance(toc, dict) and toc.get("permalink") and not toc.get("permalink_title"):
        toc["permalink_title"] = PERMALINK_TITEL  # else Python-Markdown's English, read aloud on every heading


PERMALINK_TITEL = "Link naar deze kop"
"""The title of a heading's own link, unless mkdocs.yml gives one (toc: permalink_title)."""


def volgens_beleid(root: Path, config) -> None:
    """Stop the build when the settings it really uses break the policy that 'agenda controleer' applies."""
    problemen = controleer_instellingen(root, config)
    if problemen:
        raise PluginError(
            "\n".join(
                ["mkdocs.yml vraagt iets wat de site niet toestaat:", *map(str, problemen), samenvatting(problemen)]
            )
        )


NAMEN = ("site_name", "site_description", "site_author", "copyright", "repo_name")
"""Settings the theme prints as they are, in text and in attributes: escaped once here."""


def ontsnap_namen(config) -> None:
    """Escape the names for HTML, as Markup: the theme's templates print them unescaped (no autoescape), and
    where a template escapes ('| e') Markup is left as it is, so '&' still comes out as one '&'."""
    for sleutel in NAMEN:
        waarde = config.get(sleutel)
        if isinstance(waarde, str) and not isinstance(waarde, Markup):
            config[sleutel] = escape(waarde)


def ruw(waarde: str | None) -> str:
    """A name as mkdocs.yml wrote it, also after ``ontsnap_namen``."""
    return waarde.unescape() if isinstance(waarde, Markup) else (waarde or "")


def publieke_teksten(config) -> list[str]:
    """Text every build shows anyway: titles from mkdocs.yml and the theme's own words.

    Hand-written pages do not count: a page that repeats a confidential title publishes it.
    """
    teksten = [ruw(config.site_name), ruw(config.site_description)]
    teksten += [str(x) for x in _waarden(config.nav or [])]
    taal = config.theme.get("language") or "en"
    for map_ in config.theme.dirs:
        teksten += bestandsteksten(Path(map_) / "partials" / "languages", f"{taal}.html")
    return teksten


def _waarden(data) -> list:
    if isinstance(data, dict):
        return [*data.keys(), *(w for v in data.values() for w in _waarden(v))]
    if isinstance(data, list):
        return [w for v in data for w in _waarden(v)]
    return [data]


def navigatie_naar_bestaande_paginas(config, files, adres) -> None:
    """Every page mkdocs.yml's 'nav' names exists; a name from an earlier version gets a hint, not MkDocs' English.

    An entry for a page the programme does not use yet (``Adressen.NAAR_BEHOEFTE``: no nulplaten) is left out of
    the navigation, so that a scaffold's 'nav' can name it before the first record exists.
    """
    ongebruikt = {d for d in adres.NAAR_BEHOEFTE if files.get_file_from_path(d) is None}
    if ongebruikt and config.nav:
        config.nav = _zonder(config.nav, ongebruikt)
    ontbrekend = [doel for doel in _nav_doelen(config.nav or []) if files.get_file_from_path(doel) is None]
    if ontbrekend:
        raise PluginError(
            f"mkdocs.yml: 'nav' noemt {', '.join(repr(d) for d in ontbrekend)}, maar die pagina bestaat niet — "
            f"dit programma heeft zijn pagina's onder '{adres.AGENDA}', '{adres.DEELOPDRACHTEN}' en '{adres.REGIOS}' "
            "(de woorden uit 'termen' in agenda/programma.yml). Pas 'nav' aan, of zet met 'agenda bijwerken' de "
            "woorden van een eerdere versie terug."
        )


def _zonder(nav, weg: set[str]):
    """'nav' without the entries that point to a page in ``weg`` (and without sections left empty by that)."""
    if isinstance(nav, list):
        uit = [_zonder(item, weg) for item in nav if not (isinstance(item, str) and item in weg)]
        return [item for item in uit if item not in ({}, [])]
    if isinstance(nav, dict):
        uit = {}
        for titel, waarde in nav.items():
            if isinstance(waarde, str) and waarde in weg:
                continue
            waarde = _zonder(waarde, weg)
            if waarde != []:
                uit[titel] = waarde
        return uit
    return nav


def _nav_doelen(nav) -> list[str]:
    """The local Markdown pages a 'nav' names, at any depth."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [doel for waarde in nav.values() for doel in _nav_doelen(waarde)]
    if isinstance(nav, list):
        return [doel for item in nav for doel in _nav_doelen(item)]
    return []
