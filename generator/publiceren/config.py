"""The plugin's options in mkdocs.yml, and what the rest of mkdocs.yml may and may not ask of a build."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from generator.publiceren.lekcontrole import bestandsteksten


class AgendaConfig(base.Config):
    peildatum = c.Optional(c.Type(str))
    """Reference date for 'te laat' (JJJJ-MM-DD); default: the day of the build."""
    intern = c.Type(bool, default=False)
    """Include confidential decisions (with a banner). Never publish such a build."""


def peildatum(optie: str | None) -> dt.date:
    """The reference date: the option, else AGENDA_PEILDATUM, else today."""
    waarde = optie or os.environ.get("AGENDA_PEILDATUM")
    try:
        return dt.date.fromisoformat(waarde) if waarde else dt.date.today()
    except ValueError:
        raise PluginError(f"peildatum '{waarde}' is geen datum — verwacht JJJJ-MM-DD") from None


ADRES_UIT_OMGEVING = "AGENDA_SITE_URL"
"""The site's published address, set by the publishing workflow; it goes before site_url in mkdocs.yml."""
REPOSITORY_UIT_OMGEVING = "AGENDA_REPO_URL"
"""The repository's address, so that edit links open the real repository rather than mkdocs.yml's example."""


def adres(config, opdracht: str | None, intern_: bool) -> None:
    """Give the build its address; a public build without one stops, since feeds, calendar and sitemap need it."""
    uit_omgeving = os.environ.get(ADRES_UIT_OMGEVING, "").strip()
    if uit_omgeving:  # the deployment knows where the site lands; it goes before mkdocs.yml's example
        if not uit_omgeving.startswith(("https://", "http://")):
            raise PluginError(
                f"{ADRES_UIT_OMGEVING} '{uit_omgeving}' is geen webadres — verwacht bijvoorbeeld "
                "https://organisatie.github.io/uitvoeringsagenda/"
            )
        config.site_url = uit_omgeving if uit_omgeving.endswith("/") else uit_omgeving + "/"
    repository = os.environ.get(REPOSITORY_UIT_OMGEVING, "").strip()
    if repository.startswith("https://"):
        config.repo_url = repository
    if opdracht in ("build", "gh-deploy") and not intern_ and not config.site_url:
        raise PluginError(
            "Het adres van de site ontbreekt — zet site_url in mkdocs.yml, of geef het mee als "
            f"{ADRES_UIT_OMGEVING} (de publicatieworkflow doet dat). Zonder adres wijzen feeds, kalender en "
            "sitemap nergens heen. Om alleen te bekijken: mkdocs serve."
        )


def intern(optie: bool) -> bool:
    return optie or os.environ.get("AGENDA_INTERN") == "1"


def geen_bronnen_van_buiten(config) -> None:
    """Styles, scripts and icons named in mkdocs.yml come from the site itself, never from another address."""
    namen = [str(x) for x in config.extra_css] + [str(getattr(x, "path", x)) for x in config.extra_javascript]
    namen += [str(config.theme.get(sleutel) or "") for sleutel in ("logo", "favicon")]
    buiten = [naam for naam in namen if "://" in naam or naam.startswith("//")]
    if buiten:
        raise PluginError(
            f"mkdocs.yml haalt {', '.join(buiten)} van een ander adres — de site doet geen verzoeken "
            "naar andere adressen; zet het bestand in docs/"
        )
    if config.extra_javascript:
        raise PluginError("mkdocs.yml voegt JavaScript toe (extra_javascript) — de site werkt zonder eigen scripts")


def publieke_teksten(config) -> list[str]:
    """Text every build shows anyway: titles from mkdocs.yml and the theme's own words.

    Hand-written pages do not count: a page that repeats a confidential title publishes it.
    """
    teksten = [config.site_name or "", config.site_description or ""]
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
    """Every page mkdocs.yml's 'nav' names exists; a name from an earlier version gets a hint, not MkDocs' English."""
    ontbrekend = [doel for doel in _nav_doelen(config.nav or []) if files.get_file_from_path(doel) is None]
    if ontbrekend:
        raise PluginError(
            f"mkdocs.yml: 'nav' noemt {', '.join(repr(d) for d in ontbrekend)}, maar die pagina bestaat niet — "
            f"dit programma heeft zijn pagina's onder '{adres.AGENDA}', '{adres.DEELOPDRACHTEN}' en '{adres.REGIOS}' "
            "(de woorden uit 'termen' in agenda/programma.yml). Pas 'nav' aan, of zet met 'agenda bijwerken' de "
            "woorden van een eerdere versie terug."
        )


def _nav_doelen(nav) -> list[str]:
    """The local Markdown pages a 'nav' names, at any depth."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [doel for waarde in nav.values() for doel in _nav_doelen(waarde)]
    if isinstance(nav, list):
        return [doel for item in nav for doel in _nav_doelen(item)]
    return []
