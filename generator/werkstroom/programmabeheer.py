"""Commands that add to the programme itself: a body, a region (with its municipalities), a source document, a chapter.

Each one splices its lines into agenda/programma.yml byte for byte (``bewerken.voeg_item_toe``), checks the whole
programme with the new text in memory and only then writes, like the commands in ``opdrachten``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from regioagenda.model.vocab import RecordSoort, Verzameling
from regioagenda.patronen import SLUG
from regioagenda.problemen import RecordFout, zichtbaar
from regioagenda.records.laden import instellingen
from regioagenda.records.paden import PROGRAMMA, recordpad
from regioagenda.records.suggesties import onbekende_verwijzing, vindplaats
from regioagenda.records.yamlbron import lees_yaml_bestand
from regioagenda.werkstroom.bewerken import Onbewerkbaar, Sleutel, voeg_item_toe, yaml_waarde
from regioagenda.werkstroom.opdrachten import (
    Geweigerd,
    Resultaat,
    _id,
    _nieuw,
    _schrijf_na_controle,
    _zonder_problemen,
    slug,
)

HOOFDSTUKNUMMER = re.compile(r"\d+(\.\d+)*")
"""A chapter number as the chapter schema wants it: '5' or '5.1' (the whole text)."""

SOORT_GEMEENTE = "gemeente"
"""What a region's part given with ``gemeenten`` is (the schema's 'soort')."""


def nieuw_gremium(
    root: Path,
    *,
    id: str | None = None,
    naam: str,
    samenstelling: str | None = None,
    rol: str | None = None,
    bron: str | None = None,
) -> Resultaat:
    """Append a body to 'gremia:' (``id`` defaults to one derived from ``naam``)."""
    programma = _Programma(root)
    id_ = _id(id, naam)
    programma.nog_vrij(id_, programma.ids("gremia"), "gremium")
    item = _zonder_leeg({"id": id_, "naam": naam, "samenstelling": samenstelling, "rol": rol, "bron": bron})
    return programma.schrijf(("gremia",), item, ("gremium", "gremia"))


def nieuwe_regio(
    root: Path,
    *,
    id: str | None = None,
    naam: str,
    gemeenten: Iterable[str] = (),
    boven: str | None = None,
    organisatie: str | None = None,
    soort: str | None = None,
) -> Resultaat:
    """Append a region to 'regios:', or with ``boven`` to that region's 'onderdelen:'.

    Each of ``gemeenten`` ('Súdwest-Fryslân', or 'id=Naam' for an id of one's own) becomes one of its parts,
    with soort 'gemeente' and an id derived from the name ('sudwest-fryslan').
    """
    programma = _Programma(root)
    id_ = _id(id, naam)
    bestaand = programma.regios()
    programma.nog_vrij(id_, {r: regel for r, (regel, _) in bestaand.items()}, "regio")
    delen: list[dict[str, Any]] = []
    for tekst in gemeenten:
        deel_id, deel_naam = _gemeente(tekst)
        if deel_id == id_ or deel_id in (d["id"] for d in delen):
            raise Geweigerd(
                [
                    f"gemeente '{zichtbaar(deel_naam)}' krijgt de id '{deel_id}', die al bij deze nieuwe regio hoort "
                    f"— geef haar een eigen id: --gemeente '{deel_id}-2={zichtbaar(deel_naam)}'"
                ]
            )
        if deel_id in bestaand:
            regel = bestaand[deel_id][0]
            raise Geweigerd(
                [
                    f"{PROGRAMMA}:{regel}: gemeente '{zichtbaar(deel_naam)}' krijgt de id '{deel_id}', maar die regio "
                    f"bestaat al — geef haar een eigen id: --gemeente 'gemeente-{deel_id}={zichtbaar(deel_naam)}'"
                ]
            )
        delen.append({"id": deel_id, "naam": deel_naam, "soort": SOORT_GEMEENTE})
    item = _zonder_leeg({"id": id_, "naam": naam, "organisatie": organisatie, "soort": soort})
    if delen:
        item["onderdelen"] = delen
    if boven is None:
        return programma.schrijf(("regios",), item, ("regio", "regio's"))
    if boven not in bestaand:
        wat, verwacht = onbekende_verwijzing(boven, bestaand, "regio", vindplaats(Verzameling.REGIOS))
        raise Geweigerd([f"{wat} — {verwacht}"])
    return programma.schrijf((*bestaand[boven][1], "onderdelen"), item, ("regio", "regio's"))


def nieuwe_routestap(
    root: Path,
    *,
    id: str | None = None,
    naam: str,
    gremium: str | None = None,
    uitkomsten: Iterable[str] = (),
    regio: str | None = None,
    termijn_dagen: int | None = None,
    toelichting: str | None = None,
) -> Resultaat:
    """Append a step to the programme's route ('besluitvormingsroute': ``gremium`` and its ``uitkomsten``), or with
    ``regio`` to that region's own route (``termijn_dagen``, ``toelichting``). The check of the whole programme
    says what does not fit (an unknown body, an outcome of the other route)."""
    programma = _Programma(root)
    id_ = _id(id, naam)
    if regio is None:
        if gremium is None or not uitkomsten:
            raise Geweigerd(
                [
                    "een stap in de programmaroute heeft een gremium en zijn uitkomsten — geef --gremium en "
                    "--uitkomst (herhaalbaar), of --regio voor een stap in de route van een regio"
                ]
            )
        programma.nog_vrij(id_, programma.ids("besluitvormingsroute"), "stap")
        item = {"id": id_, "naam": naam, "gremium": gremium, "uitkomsten": list(uitkomsten)}
        return programma.schrijf(("besluitvormingsroute",), item, ("stap", "stappen"))
    if gremium is not None or uitkomsten:
        raise Geweigerd(
            [
                "een stap in de route van een regio heeft geen gremium of uitkomsten (die staan bij de stap van het "
                "besluit: vastgesteld, niet-vastgesteld, …) — laat --gremium en --uitkomst weg"
            ]
        )
    bestaand = programma.regios()
    if regio not in bestaand:
        wat, verwacht = onbekende_verwijzing(regio, bestaand, "regio", vindplaats(Verzameling.REGIOS))
        raise Geweigerd([f"{wat} — {verwacht}"])
    pad = bestaand[regio][1]
    knoop = programma.data
    for sleutel in pad:
        knoop = knoop[sleutel]
    stappen = {
        str(s.get("id")): bestaand[regio][0] for s in knoop.get("besluitvormingsroute") or [] if isinstance(s, dict)
    }
    programma.nog_vrij(id_, stappen, "stap")
    item = _zonder_leeg({"id": id_, "naam": naam, "termijn_dagen": termijn_dagen, "toelichting": toelichting})
    return programma.schrijf((*pad, "besluitvormingsroute"), item, ("stap", "stappen"))


def nieuwe_bron(
    root: Path,
    *,
    id: str | None = None,
    titel: str,
    verwijzing: str | None = None,
    datum: str | None = None,
    status: str | None = None,
    uitgever: str | None = None,
    vindplaats: str | None = None,
) -> Resultaat:
    """Append a source document to the register 'bronnen:' (``id`` defaults to one derived from ``titel``)."""
    programma = _Programma(root)
    id_ = _id(id, titel)
    programma.nog_vrij(id_, programma.ids("bronnen"), "bron")
    item = _zonder_leeg(
        {
            "id": id_,
            "verwijzing": verwijzing,
            "titel": titel,
            "datum": datum,
            "status": status,
            "uitgever": uitgever,
            "vindplaats": vindplaats,
        }
    )
    return programma.schrijf(("bronnen",), item, ("bron", "bronnen"))


def nieuw_hoofdstuk(
    root: Path, *, id: str | None = None, titel: str, nummer: str, plaats: str | None = None
) -> Resultaat:
    """A new chapter record agenda/hoofdstukken/<id>.md and its place in 'opbouw:', written together or not at all.

    ``plaats``: the chapter (its id) or generated section (its name) in 'opbouw' after which it comes; by default
    at the end.
    """
    programma = _Programma(root)
    id_ = _id(id, titel)
    nummer = str(nummer)
    if not HOOFDSTUKNUMMER.fullmatch(nummer):
        raise Geweigerd(
            [f"'{zichtbaar(nummer)}' is geen hoofdstuknummer — cijfers, met punten gescheiden, bijvoorbeeld 5 of 5.1"]
        )
    relatief = recordpad(RecordSoort.HOOFDSTUK, id_)
    if (Path(root) / relatief).exists():
        raise Geweigerd([f"{relatief} bestaat al — kies een andere id of titel"])
    opbouw = programma.data.get("opbouw") or []
    for index, onderdeel in enumerate(opbouw):
        if isinstance(onderdeel, dict) and onderdeel.get("hoofdstuk") == id_:
            raise Geweigerd(
                [
                    f"{PROGRAMMA}:{programma.doc.regel('opbouw', index)}: hoofdstuk '{id_}' staat al in 'opbouw' "
                    f"(maar {relatief} ontbreekt) — maak het bestand met de hand of kies een andere id"
                ]
            )
    na = None if plaats is None else _plaats_in_opbouw(opbouw, plaats)
    nieuw = programma.ingevoegd(("opbouw",), {"hoofdstuk": id_}, ("onderdeel", "onderdelen"), na)
    tekst = "\n".join(
        ["---", f"titel: {yaml_waarde(titel)}", f'nummer: "{nummer}"', "---", "", "Nader in te vullen.", ""]
    )
    return _nieuw(root, relatief, tekst, programma.opslag, meer={PROGRAMMA: nieuw})


def _plaats_in_opbouw(opbouw: list, plaats: str) -> int:
    """The index in 'opbouw' of the chapter or section named ``plaats``."""
    namen = []
    for index, onderdeel in enumerate(opbouw):
        naam = onderdeel.get("hoofdstuk") or onderdeel.get("sectie") if isinstance(onderdeel, dict) else None
        if naam == plaats:
            return index
        if naam:
            namen.append(str(naam))
    wat, verwacht = onbekende_verwijzing(plaats, namen, "hoofdstuk of sectie", f"de lijst 'opbouw' in {PROGRAMMA}")
    raise Geweigerd([f"{wat} — {verwacht}"])


def _gemeente(tekst: str) -> tuple[str, str]:
    """A municipality as given: 'Naam' (id derived from it) or 'id=Naam'."""
    id_, is_, naam = tekst.partition("=")
    if is_ and SLUG.fullmatch(id_.strip()):
        return _id(id_.strip(), naam), naam.strip()
    if not tekst.strip():
        raise Geweigerd(["een gemeente zonder naam — geef de naam, bijvoorbeeld --gemeente 'Súdwest-Fryslân'"])
    return slug(tekst), tekst.strip()


def _zonder_leeg(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v is not None}


class _Programma:
    """programma.yml as an edit starts from it: free of problems of its own, its text and its data with lines."""

    def __init__(self, root: Path):
        self.root = Path(root)
        _zonder_problemen(self.root, PROGRAMMA, RecordSoort.PROGRAMMA)
        self.opslag = instellingen(self.root).opslag
        self.tekst = (self.root / PROGRAMMA).read_bytes().decode("utf-8")
        self.doc = lees_yaml_bestand(PROGRAMMA, self.tekst)
        self.data = self.doc.data

    def ids(self, lijst: str) -> dict[str, int]:
        """The ids of one list of programma.yml, with the line each is declared on."""
        return {
            str(item["id"]): self.doc.regel(lijst, index)
            for index, item in enumerate(self.data.get(lijst) or [])
            if isinstance(item, dict) and "id" in item
        }

    def regios(self) -> dict[str, tuple[int, tuple[Sleutel, ...]]]:
        """Every region at every level: its line and the path to it (('regios', 0, 'onderdelen', 1))."""
        uit: dict[str, tuple[int, tuple[Sleutel, ...]]] = {}

        def loop(lijst: Any, pad: tuple[Sleutel, ...]) -> None:
            for index, regio in enumerate(lijst or []):
                if isinstance(regio, dict) and "id" in regio:
                    uit.setdefault(str(regio["id"]), (self.doc.regel(*pad, index), (*pad, index)))
                    loop(regio.get("onderdelen"), (*pad, index, "onderdelen"))

        loop(self.data.get("regios"), ("regios",))
        return uit

    def nog_vrij(self, id_: str, bestaand: dict[str, int], soort: str) -> None:
        if id_ in bestaand:
            raise Geweigerd([f"{PROGRAMMA}:{bestaand[id_]}: {soort} '{id_}' bestaat al — kies een andere id"])

    def ingevoegd(
        self, sleutels: tuple[Sleutel, ...], item: dict[str, Any], woorden: tuple[str, str], na: int | None = None
    ) -> str:
        """The text of programma.yml with ``item`` spliced in; refused when the layout cannot be edited safely."""
        try:
            return voeg_item_toe(PROGRAMMA, self.tekst, sleutels, item, na=na, woorden=woorden)
        except Onbewerkbaar as fout:
            raise Geweigerd([f"{PROGRAMMA}: {fout}"]) from None
        except RecordFout as fout:
            raise Geweigerd([fout.probleem]) from None

    def schrijf(self, sleutels: tuple[Sleutel, ...], item: dict[str, Any], woorden: tuple[str, str]) -> Resultaat:
        return _schrijf_na_controle(self.root, PROGRAMMA, self.ingevoegd(sleutels, item, woorden), self.opslag)


__all__ = ["nieuw_gremium", "nieuw_hoofdstuk", "nieuwe_bron", "nieuwe_regio", "nieuwe_routestap"]
