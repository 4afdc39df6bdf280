"""Rules on versions: a version is fixed by an accorded vaststelling, on the day it was accorded."""

from __future__ import annotations

from regioagenda.model.besluit import Besluit, Vaststellingsbezwaar
from regioagenda.model.overig import Versie
from regioagenda.nederlands import label
from regioagenda.records.regels.controle import Controle


def onzekere_vaststelling(besluit: Besluit) -> str | None:
    """Why a decision cannot fix a version as of its accordering (its date is not one known day), or None.

    A version is frozen as of the day it was accorded; 'onbekend' would freeze it as of 9999-12-31 and a month or
    a year as of a day nobody chose. Said the same way by the check and by 'agenda vaststellen', which asks it
    before the version record exists.
    """
    if Vaststellingsbezwaar.GEEN_BEKENDE_DAG not in besluit.vaststellingsbezwaren:
        return None
    return f"besluit {besluit.nummer} is geaccordeerd op '{besluit.accordering}', geen bekende dag"


def controleer_versies(c: Controle) -> None:
    """Each version names an existing decision, and that decision may fix it."""
    per_nummer = {b.nummer: b for b in c.bouwsel.besluiten.values()}
    eerder: dict[int, Versie] = {}
    for versie in sorted(c.bouwsel.versies.values(), key=lambda v: v.id):
        with c.bewaakt(versie):
            _versie(c, versie, per_nummer)
            ander = eerder.setdefault(versie.besluit, versie)
            if ander is not versie:  # one decision fixes one version: two would each claim the same day's agenda
                c.fout(
                    versie,
                    ("besluit",),
                    f"besluit {versie.besluit} stelt al versie '{ander.id}' vast",
                    "één versie per besluit; een nieuwe versie vraagt een nieuw besluit van soort 'vaststelling'",
                )


def _versie(c: Controle, versie: Versie, per_nummer: dict[int, Besluit]) -> None:
    if versie.versienummer != versie.id:  # the file name is the version's id: the field may not say otherwise
        c.fout(
            versie,
            ("versie",),
            f"versie '{versie.versienummer}' past niet bij de bestandsnaam",
            f'versie: "{versie.id}"',
        )
    if versie.besluit not in c.bronnen.besluitnummers():
        c.fout(
            versie,
            ("besluit",),
            f"besluit {versie.besluit} bestaat niet",
            "het nummer van het besluit dat deze versie vaststelt",
        )
    elif versie.besluit in per_nummer and c.bouwsel.volledig(per_nummer[versie.besluit]):
        _vaststelling(c, versie, per_nummer[versie.besluit])  # a decision's own faults are reported there


def _vaststelling(c: Controle, versie: Versie, besluit: Besluit) -> None:
    """The decision that fixes a version: of kind vaststelling, accorded, on the version's date."""
    nummer, bezwaren = besluit.nummer, besluit.vaststellingsbezwaren
    if Vaststellingsbezwaar.GEEN_VASTSTELLING in bezwaren:
        c.fout(
            versie,
            ("besluit",),
            f"besluit {nummer} is een {label(besluit.soort)}",
            "een besluit van soort 'vaststelling'",
        )
    if Vaststellingsbezwaar.NIET_GEACCORDEERD in bezwaren:
        c.fout(versie, ("besluit",), f"besluit {nummer} is niet geaccordeerd", "een geaccordeerd besluit")
    elif Vaststellingsbezwaar.GEEN_BEKENDE_DAG in bezwaren:
        c.fout(versie, ("besluit",), onzekere_vaststelling(besluit), "een accordering met een datum als JJJJ-MM-DD")
    elif versie.datum is not None and besluit.accordering.iso != versie.datum.iso:
        c.fout(
            versie,
            ("datum",),
            f"datum {versie.datum} is niet de datum van de accordering ({besluit.accordering})",
            "de datum waarop het besluit is geaccordeerd",
        )
