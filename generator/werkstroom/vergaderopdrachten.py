"""Commands for meetings: draft one from a body's docket, record its besluitenlijst, add a paper, publish it.

Every change is checked against the whole programme in memory first and written atomically; the record's text
changes only on the lines the command touches, proven by parsing it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tempfile
from dataclasses import replace, dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from regioagenda.model.overzicht import dossier
from regioagenda.model.vocab import RecordSoort, VergaderStatus, Verzameling
from regioagenda.patronen import SLUG
from regioagenda.problemen import RecordFout, zichtbaar
from regioagenda.records.laden import instellingen, laad
from regioagenda.records.paden import MAPPEN, PROGRAMMA, recordpad, stukpad
from regioagenda.records.stukken import MAX_GROOTTE, controleer_stuk
from regioagenda.records.suggesties import onbekende_verwijzing, vindplaats
from regioagenda.werkstroom.bewerken import Frontmatter, Onbewerkbaar, _gewoon, schrijf_atomair, voeg_item_toe
from regioagenda.werkstroom.bewerken import yaml_waarde
from regioagenda.werkstroom.opdrachten import (
    Geweigerd,
    Resultaat,
    _nieuw,
    _schrijf_na_controle,
    _zonder_problemen,
    slug,
)

TIJD = re.compile(r"\A([01]\d|2[0-3]):[0-5]\d\Z")
DAG = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
MAP = MAPPEN[RecordSoort.VERGADERING]


@dataclass(frozen=True)
class Concept(Resultaat):
    """A drafted meeting: the record written, its number of items and the confidential decisions left out."""

    punten: int = 0
    weggelaten: int = 0


def vergaderpad(vergadering: str) -> str:
    """The record of meeting ``vergadering`` relative to the root; Geweigerd for an id that is no file name."""
    if not SLUG.fullmatch(vergadering) or len(vergadering) > 80:
        raise Geweigerd(
            [
                f"'{zichtbaar(vergadering)}' is geen vergadering — geef de naam van het bestand in {MAP}/ zonder .md, "
                "bijvoorbeeld 2024-06-12-bestuur"
            ]
        )
    return recordpad(RecordSoort.VERGADERING, vergadering)


def _bestaande(root: Path, vergadering: str) -> tuple[str, str]:
    """Path and text of an existing meeting record that passes its own checks."""
    relatief = vergaderpad(vergadering)
    if not (root / relatief).is_file():
        raise Geweigerd([f"vergadering '{vergadering}' bestaat niet — kies een bestand uit {MAP}/ (zonder .md)"])
    _zonder_problemen(root, relatief, RecordSoort.VERGADERING)
    return relatief, (root / relatief).read_bytes().decode("utf-8")


def tijden(tijd: str | None) -> tuple[str | None, str | None]:
    """'10:00-12:00' → ('10:00', '12:00'); '10:00' → ('10:00', None); refused otherwise."""
    if tijd is None:
        return None, None
    delen = [d.strip() for d in tijd.split("-")]
    if len(delen) > 2 or not all(TIJD.fullmatch(d) for d in delen):
        raise Geweigerd([f"'{zichtbaar(tijd)}' is geen tijd — verwacht UU:MM of UU:MM-UU:MM, bijvoorbeeld 10:00-12:00"])
    if len(delen) == 2 and delen[1] <= delen[0]:
        raise Geweigerd([f"de vergadering eindigt om {delen[1]}, voor ze begint ({delen[0]}) — geef begin-eind"])
    return delen[0], delen[1] if len(delen) == 2 else None


def nieuwe_vergadering(
    root: Path, *, gremium: str, datum: str, tijd: str | None = None, plaats: str | None = None
) -> Concept:
    """A planned meeting whose agenda is drafted from what waits on the body: one item per decision."""
    inst = instellingen(root)
    if inst.programma is None:
        raise Geweigerd([f"{PROGRAMMA} kan niet worden gelezen — los eerst de fouten op (agenda controleer)"])
    gremia = inst.programma.ids(Verzameling.GREMIA)
    if gremium not in gremia:
        wat, verwacht = onbekende_verwijzing(gremium, gremia, "gremium", vindplaats(Verzameling.GREMIA))
        raise Geweigerd([f"{wat} — {verwacht}"])
    try:
        if not DAG.fullmatch(datum):
            raise ValueError
        dt.date.fromisoformat(datum)
    except ValueError:
        raise Geweigerd([f"'{zichtbaar(datum)}' is geen dag — verwacht JJJJ-MM-DD, bijvoorbeeld 2024-06-12"]) from None
    begin, eind = tijden(tijd)
    relatief = vergaderpad(f"{datum}-{gremium}")
    if (root / relatief).exists():
        raise Geweigerd([f"{relatief} bestaat al — pas die vergadering aan, of kies een andere datum"])
    resultaat = laad(root, vertrouwelijk=True)
    if resultaat.problemen:
        raise Geweigerd(["de records bevatten fouten; los die eerst op (agenda controleer):", *resultaat.problemen])
    wachtend = dossier(resultaat.agenda, gremium)
    # A meeting record is public: a confidential decision's title must not be written into it.
    openbaar = [b for b in wachtend if not b.vertrouwelijk]
    regels = ["---", f"gremium: {gremium}", f"datum: {datum}"]
    regels += [f"begin: {yaml_waarde(begin)}"] if begin else []
    regels += [f"eind: {yaml_waarde(eind)}"] if eind else []
    regels += [f"plaats: {yaml_waarde(plaats)}"] if plaats else []
    regels.append(f"status: {VergaderStatus.GEPLAND.value}")
    if openbaar:
        regels.append("agenda:")
        for b in openbaar:
            regels += [f"  - titel: {yaml_waarde(b.titel)}", f"    besluit: {b.nummer}"]
    else:
        regels.append("agenda: []")
    regels += ["---", ""]
    uit = _nieuw(root, relatief, "\n".join(regels), inst.opslag)
    return Concept(uit.pad, uit.agenda, len(openbaar), len(wachtend) - len(openbaar))


# --- editing values in place -------------------------------------------------------------------------------------

_GEQUOTEERD = re.compile(r"\"(?:[^\"\\\r\n]|\\.)*\"|'(?:[^'\r\n]|'')*'")


def _vervang(fm: Frontmatter, ouder: CommentedMap, sleutel: str, waarde: Any) -> str:
    """The text with the one-line value of ``ouder[sleutel]`` replaced (what follows it on the line is kept)."""
    regel, kolom = ouder.lc.value(sleutel)
    index = fm.regel(regel)
    tekst = fm.regels[index]
    rest = tekst[kolom:]
    m = _GEQUOTEERD.match(rest)
    if m:
        lengte = m.end()
    else:
        patroon = r"[^,}\]\r\n#]*" if ouder.fa.flow_style() else r"[^\r\n]*?(?=\s+#|[ \t]*[\r\n]*\Z)"
        lengte = len(re.match(patroon, rest).group(0).rstrip())
    if not lengte or rest[0] in "|>":
        raise Onbewerkbaar(f"'{sleutel}' staat over meer regels — pas het bestand met de hand aan")
    nieuw = tekst[:kolom] + yaml_waarde(waarde) + rest[lengte:]
    return "".join(fm.regels[:index] + [nieuw] + fm.regels[index + 1 :])


def _voeg_toe(fm: Frontmatter, lijst: CommentedSeq, index: int, sleutel: str, waarde: Any, grens: int) -> str:
    """The text with ``sleutel: waarde`` added to the mapping that is item ``index`` of ``lijst``."""
    item = lijst[index]
    if item.fa.flow_style():
        regelnr = fm.regel(lijst.lc.item(index)[0])
        tekst = fm.regels[regelnr]
        sluit = tekst.rfind("}")
        if sluit < 0 or "{" not in tekst[:sluit]:
            raise Onbewerkbaar(f"agendapunt {index + 1} loopt over meer regels — zet zijn velden onder elkaar")
        nieuw = tekst[:sluit] + f", {sleutel}: {yaml_waarde(waarde)}" + tekst[sluit:]
        return "".join(fm.regels[:regelnr] + [nieuw] + fm.regels[regelnr + 1 :])
    kolom = item.lc.key(next(iter(item)))[1]
    return fm.met_ingevoegd(fm.einde_blok(lijst, index, grens), [" " * kolom + f"{sleutel}: {yaml_waarde(waarde)}"])


def _zet(pad: str, tekst: str, status: str | None, punten: dict[int, dict[str, str]]) -> str:
    """The record text with its status and these fields of agenda items (0-based index) set; proven by parsing."""
    fm = Frontmatter(pad, tekst)
    verwacht = _gewoon(fm.data)
    if status is not None:
        verwacht["status"] = status
        tekst = _vervang(fm, fm.data, "status", status)
    for index, velden in punten.items():
        for sleutel, waarde in velden.items():
            verwacht["agenda"][index][sleutel] = waarde
            fm = Frontmatter(pad, tekst)
            lijst = fm.data["agenda"]
            if not isinstance(lijst, CommentedSeq) or lijst.fa.flow_style():
                raise Onbewerkbaar("de agenda staat op één regel — zet de punten onder elkaar ('- ' per punt)")
            if not isinstance(lijst[index], CommentedMap):
                raise Onbewerkbaar(f"agendapunt {index + 1} is geen lijst van velden — verwacht 'titel: …'")
            if sleutel in lijst[index]:
                tekst = _vervang(fm, lijst[index], sleutel, waarde)
            else:
                grens = fm.einde_blok(fm.data, "agenda", fm.sluit)
                tekst = _voeg_toe(fm, lijst, index, sleutel, waarde, grens)
    if _gewoon(Frontmatter(pad, tekst).data) != verwacht:
        raise Onbewerkbaar("de wijziging kon niet exact worden aangebracht — pas het bestand met de hand aan")
    return tekst


def _bewerk(relatief: str, tekst: str, status: str | None, punten: dict[int, dict[str, str]]) -> str:
    try:
        return _zet(relatief, tekst, status, punten)
    except Onbewerkbaar as fout:
        raise Geweigerd([f"{relatief}: {fout}"]) from None
    except RecordFout as fout:
        raise Geweigerd([fout.probleem]) from None


def _punt(nummer: int, aantal: int) -> int:
    """A 1-based item number as on the site → its index; refused outside the agenda."""
    if not aantal:
        raise Geweigerd(
            [f"agendapunt {nummer} bestaat niet — de agenda is nog leeg; zet eerst de punten onder 'agenda:'"]
        )
    if not 1 <= nummer <= aantal:
        raise Geweigerd(
            [f"agendapunt {nummer} bestaat niet — de punten zijn genummerd zoals op de site (1 tot en met {aantal})"]
        )
    return nummer - 1


def _agenda(fm_tekst: str, relatief: str) -> list:
    data = Frontmatter(relatief, fm_tekst).data
    punten = data.get("agenda") or []
    return list(punten)


# --- the commands -----------------------------------------------------------------------------------------------


def besluitenlijst(
    root: Path,
    vergadering: str,
    *,
    uitkomsten: dict[int, str],
    toelichtingen: dict[int, str] | None = None,
    peildatum: dt.date | None = None,
) -> Resultaat:
    """Record the outcomes of a meeting's items (1-based numbers) and mark it held, in one checked write."""
    toelichtingen = toelichtingen or {}
    inst = instellingen(root)
    relatief, tekst = _bestaande(root, vergadering)
    data = Frontmatter(relatief, tekst).data
    status = str(data.get("status"))
    if status == VergaderStatus.AFGELAST.value:
        raise Geweigerd([f"vergadering '{vergadering}' is afgelast — een afgelaste vergadering heeft geen besluiten"])
    datum = str(data.get("datum"))
    vandaag = peildatum or dt.date.today()
    if DAG.fullmatch(datum) and dt.date.fromisoformat(datum) > vandaag:
        raise Geweigerd(
            [
                f"de vergadering is op {datum}, na vandaag ({vandaag.isoformat()}) — leg de besluitenlijst vast "
                "nadat de vergadering is gehouden"
            ]
        )
    if not uitkomsten:
        raise Geweigerd(["geef minstens één --uitkomst, bijvoorbeeld --uitkomst 2=geaccordeerd"])
    aantal = len(_agenda(tekst, relatief))
    punten: dict[int, dict[str, str]] = {}
    for nummer in sorted({*uitkomsten, *toelichtingen}):
        velden = {}
        if nummer in uitkomsten:
            velden["uitkomst"] = uitkomsten[nummer]
        if nummer in toelichtingen:
            velden["toelichting"] = toelichtingen[nummer]
        punten[_punt(nummer, aantal)] = velden
    nieuw = _bewerk(relatief, tekst, VergaderStatus.GEHOUDEN.value, punten)
    return _schrijf_na_controle(root, relatief, nieuw, inst.opslag)


def publiceer(root: Path, vergadering: str) -> Resultaat:
    """Mark the meeting's agenda and papers as published (status agenda-gepubliceerd)."""
    inst = instellingen(root)
    relatief, tekst = _bestaande(root, vergadering)
    status = str(Frontmatter(relatief, tekst).data.get("status"))
    if status in (VergaderStatus.GEHOUDEN.value, VergaderStatus.AFGELAST.value):
        raise Geweigerd([f"vergadering '{vergadering}' is al {status} — alleen een geplande agenda wordt gepubliceerd"])
    if status == VergaderStatus.AGENDA_GEPUBLICEERD.value:
        raise Geweigerd([f"de agenda van vergadering '{vergadering}' is al gepubliceerd"])
    nieuw = _bewerk(relatief, tekst, VergaderStatus.AGENDA_GEPUBLICEERD.value, {})
    return _schrijf_na_controle(root, relatief, nieuw, inst.opslag)


def stuknaam(naam: str) -> str:
    """A paper's file name as the record takes it: 'Advies Nazorg (def).PDF' → 'advies-nazorg-def.pdf'."""
    stam, punt, extensie = naam.rpartition(".")
    extensie = re.sub(r"[^a-z0-9]", "", extensie.lower())
    if not punt or not stam.strip(".") or not extensie:
        raise Geweigerd(
            [f"'{zichtbaar(naam)}' heeft geen extensie — verwacht een naam als advies.pdf, notitie.docx of lijst.csv"]
        )
    return f"{slug(stam, 80)}.{extensie}"


def voeg_stuk_toe(
    root: Path,
    vergadering: str,
    *,
    bestand: Path,
    titel: str,
    punt: int | None = None,
    datum: str | None = None,
    vertrouwelijk: bool = False,
) -> Resultaat:
    """Copy a checked paper into the meeting's folder and list it with the meeting (or item ``punt``)."""
    inst = instellingen(root)
    relatief, tekst = _bestaande(root, vergadering)
    naam = stuknaam(Path(bestand).name)
    doel = stukpad(vergadering, naam)
    if (root / doel).exists() or (root / doel).is_symlink():
        raise Geweigerd([f"{doel} bestaat al — geef het stuk een andere naam, of vervang het met de hand"])
    sleutels: tuple[str | int, ...] = ("stukken",)
    if punt is not None:
        sleutels = ("agenda", _punt(punt, len(_agenda(tekst, relatief))), "stukken")
    try:
        with open(bestand, "rb") as f:
            inhoud = f.read(MAX_GROOTTE + 1)
    except OSError as fout:
        raise Geweigerd([f"{zichtbaar(str(bestand))} kan niet worden gelezen: {fout.strerror}"]) from None
    # The paper is checked as it would lie beside the meeting, in a scratch copy of that folder: a refused
    # paper never touches the repository.
    with tempfile.TemporaryDirectory() as kladmap:
        proef = Path(kladmap) / doel
        proef.parent.mkdir(parents=True)
        proef.write_bytes(inhoud)
        _, problemen = controleer_stuk(Path(kladmap), doel, 1, zichtbaar(str(bestand)))
        # the check names the paper where it would go; say it of the file as given, which is what was refused
        problemen = [replace(p, wat=p.wat.replace(f"'{doel}'", f"'{bestand.name}'")) for p in problemen]
    if problemen:
        raise Geweigerd(problemen)
    item: dict[str, Any] = {"bestand": naam, "titel": titel}
    if datum:
        item["datum"] = datum
    if vertrouwelijk:
        item["vertrouwelijk"] = True
    try:
        nieuw = voeg_item_toe(relatief, tekst, sleutels, item, woorden=("stuk", "stukken"))
    except Onbewerkbaar as fout:
        raise Geweigerd([f"{relatief}: {fout}"]) from None
    except RecordFout as fout:
        raise Geweigerd([fout.probleem]) from None
    map_ = (root / doel).parent
    nieuwe_map = not map_.exists()
    schrijf_atomair(root / doel, inhoud)  # the check below reads the paper where the record names it
    try:
        return _schrijf_na_controle(root, relatief, nieuw, inst.opslag)
    except BaseException:
        (root / doel).unlink(missing_ok=True)  # only what this command created
        if nieuwe_map:
            with contextlib.suppress(OSError):
                map_.rmdir()  # left when something else was put there meanwhile
        raise
