"""The site's published address and its repository's, engine-free.

The publishing workflow knows where the site lands and sets ``AGENDA_SITE_URL`` (and ``AGENDA_REPO_URL``);
those go before the examples in the engine's configuration, held to the rule for site_url and repo_url in
mkdocs.yml (``records.mkdocsbeleid``): an absolute https address without quotes, spaces or control characters,
since they reach every page's links unescaped. A public build without an address is refused: feeds, calendar
and sitemap would point nowhere.
"""

from __future__ import annotations

import os

from regioagenda.problemen import zichtbaar
from regioagenda.publiceren.publicatie import Geweigerd
from regioagenda.records.mkdocsbeleid import adresfout, adresverwachting

ADRES_UIT_OMGEVING = "AGENDA_SITE_URL"
"""The site's published address, set by the publishing workflow; it goes before site_url in mkdocs.yml."""
REPOSITORY_UIT_OMGEVING = "AGENDA_REPO_URL"
"""The repository's address, so that edit links open the real repository rather than mkdocs.yml's example."""


class Adresfout(Geweigerd):
    """An address from the environment is unsafe, or a public build has none."""


def kies_adressen(site_url: str | None, repo_url: str | None, *, verplicht: bool) -> tuple[str | None, str | None]:
    """The site's and the repository's address for this build: the environment's, else the ones given.

    ``verplicht``: a public build, which stops without a site address (``Adresfout``).
    """
    uit_omgeving = _adres_uit_omgeving(ADRES_UIT_OMGEVING, "https://organisatie.github.io/uitvoeringsagenda/")
    if uit_omgeving:  # the deployment knows where the site lands; it goes before mkdocs.yml's example
        site_url = uit_omgeving if uit_omgeving.endswith("/") else uit_omgeving + "/"
    repository = _adres_uit_omgeving(REPOSITORY_UIT_OMGEVING, "https://github.com/organisatie/uitvoeringsagenda")
    if repository:
        repo_url = repository
    if verplicht and not site_url:
        raise Adresfout(
            "Het adres van de site ontbreekt — zet site_url in mkdocs.yml, of geef het mee als "
            f"{ADRES_UIT_OMGEVING} (de publicatieworkflow doet dat). Zonder adres wijzen feeds, kalender en "
            "sitemap nergens heen. Om alleen te bekijken is geen adres nodig: agenda bekijk."
        )
    return site_url, repo_url


def _adres_uit_omgeving(variabele: str, voorbeeld: str) -> str | None:
    """The variable's address, or None when it is not set; an Adresfout naming the variable when it is unsafe."""
    waarde = os.environ.get(variabele, "")
    if not waarde:
        return None
    fout = adresfout(waarde, absoluut=True)
    if fout:
        raise Adresfout(f"{variabele}: {zichtbaar(fout)} — {adresverwachting(True)}, bijvoorbeeld {voorbeeld}")
    return waarde
