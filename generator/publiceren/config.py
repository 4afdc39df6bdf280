"""The plugin's options in mkdocs.yml, and what the rest of mkdocs.yml may and may not ask of a build."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from generator.peildatum import OngeldigePeildatum, kies_peildatum

from generator.problemen import samenvatting, zichtbaar
from generator.publiceren.lekcontrole import bestandsteksten
from generator.records.mkdocsbeleid import adresfout, adresverwachting, controleer_instellingen


class AgendaConfig(base.Config):
    peildatum = c.Optional(c.Type(str))
    """Reference date for 'te laat' (JJJJ-MM-DD); default: the day of the build."""
    intern = c.Type(bool, default=False)
    """Refused when true (see mkdocsbeleid): an internal build is asked for with AGENDA_INTERN=1."""


def peildatum(optie: str | None) -> dt.date:
    """The reference date: the plugin option, else AGENDA_PEILDATUM, else today (``kies_peildatum``)."""
    try:
        return kies_peildatum(optie, "mkdocs.yml")
    except OngeldigePeildatum as fout:
        raise PluginError(str(fout)) from None


ADRES_UIT_OMGEVING = "AGENDA_SITE_URL"
"""The site's published address, set by the publishing workflow; it goes before site_url in mkdocs.yml."""
REPOSITORY_UIT_OMGEVING = "AGENDA_REPO_URL"
"""The repository's address, so that edit links open the real repository rather than mkdocs.yml's example."""


def adres(config, opdracht: str | None, intern_: bool) -> None:
    """Give the build its address; a public build without one stops, since feeds, calendar and sitemap need it.

    The addresses from the environment are held to the rule for site_url and repo_url in mkdocs.yml: an absolute
    https address without quotes, spaces or control characters (they reach every page's links unescaped).
    """
    uit_omgeving = _adres_uit_omgeving(ADRES_UIT_OMGEVING, "https://organisatie.github.io/uitvoeringsagenda/")
    if uit_omgeving:  # the deployment knows where the site lands; it goes before mkdocs.yml's example
        config.site_url = uit_omgeving if uit_omgeving.endswith("/") else uit_omgeving + "/"
    repository = _adres_uit_omgeving(REPOSITORY_UIT_OMGEVING, "https://github.com/organisatie/uitvoeringsagenda")
    if repository:
        config.repo_url = repository
    if opdracht in ("build", "gh-deploy") and not intern_ and not config.site_url:
        raise PluginError(
            "Het adres van de site ontbreekt — zet site_url in mkdocs.yml, of geef het mee als "
            f"{ADRES_UIT_OMGEVING} (de publicatieworkflow doet dat). Zonder adres wijzen feeds, kalender en "
            "sitemap nergens heen. Om alleen te bekijken: mkdocs serve."
        )


def _adres_uit_omgeving(variabele: str, voorbeeld: str) -> str | None:
    """The variable's address, or None when it is not set; a PluginError naming the variable when it is unsafe."""
    waarde = os.environ.get(variabele, "")
    if not waarde:
        return None
    fout = adresfout(waarde, absoluut=True)
    if fout:
        raise PluginError(f"{variabele}: {zichtbaar(fout)} — {adresverwachting(True)}, bijvoorbeeld {voorbeeld}")
    return waarde


def intern() -> bool:
    """Whether this is an internal build: only AGENDA_INTERN=1 asks for one, never a file a pull request changes."""
    return os.environ.get("AGENDA_INTERN") == "1"


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
