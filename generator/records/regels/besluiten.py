"""Rules on decisions as records: their numbers, what they refer to, where they are kept, what they replace."""

from __future__ import annotations

from collections import Counter

from regioagenda.model.besluit import Besluit
from regioagenda.model.vocab import RecordSoort
from regioagenda.model.vocab import Verzameling
from regioagenda.records.regels.controle import Controle
from regioagenda.records.regels.route import controleer_regionaal, controleer_verloop
from regioagenda.records.suggesties import bedoelde_u


def controleer_besluiten(c: Controle) -> None:
    """Every rule on the decisions, their routes included."""
    besluiten = c.bouwsel.besluiten
    nummers = Counter(b.nummer for b in besluiten.values())
    for sleutel, besluit in besluiten.items():
        with c.bewaakt(besluit):
            _nummer(c, besluit, c.bronnen.besluitnaam(sleutel).nummer, nummers)
            _verwijzingen(c, besluit)
            _vindplaats(c, besluit)
            controleer_verloop(c, besluit)
            controleer_regionaal(c, besluit)
    _vervangcycli(c, besluiten)


def _nummer(c: Controle, b: Besluit, bestandsnummer: int, nummers: Counter[int]) -> None:
    """The number in the record is the number in its file name, and no other decision has it."""
    if b.nummer != bestandsnummer:
        c.fout(
            b,
            ("nummer",),
            f"nummer {b.nummer} past niet bij de bestandsnaam",
            f"nummer: {bestandsnummer}, of hernoem het bestand naar {b.nummer:04d}-….md",
        )
    elif nummers[b.nummer] > 1:
        c.fout(b, ("nummer",), f"nummer {b.nummer} wordt door meer besluiten gebruikt", "een uniek nummer per besluit")


def _verwijzingen(c: Controle, b: Besluit) -> None:
    if c.programma is not None:
        for i, regio in enumerate(b.regios):
            c.programmaverwijzing(b, ("regios", i), regio, Verzameling.REGIOS)
    for i, deel in enumerate(b.deelopdrachten):
        c.verwijzing(b, ("deelopdrachten", i), deel, c.bronnen.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht")
    bestaand = c.bronnen.besluitnummers()
    for i, ander in enumerate(b.vervangt):
        if ander == b.nummer:
            c.fout(b, ("vervangt", i), "een besluit vervangt zichzelf", "het nummer van een ander besluit")
        elif ander not in bestaand and not _mogelijk_vertrouwelijk(c):
            c.fout(
                b,
                ("vervangt", i),
                f"besluit {ander} bestaat niet",
                f"een bestaand besluitnummer{bedoelde_u(ander, map(str, bestaand))}",
            )


def _mogelijk_vertrouwelijk(c: Controle) -> bool:
    """An unknown decision number may be a confidential one when the private source is set but not read here
    (the public repository's CI): public records refer to confidential decisions by number only."""
    return c.bronnen.prive_ingesteld and c.bronnen.prive is None


def _vindplaats(c: Controle, b: Besluit) -> None:
    """Confidential decisions live in the private source, public ones in the repository; never the other way round."""
    prive = c.bronnen.uit_prive(b.bestand)
    if prive and not b.vertrouwelijk:
        c.fout(
            b,
            ("nummer",),
            "besluit in de vertrouwelijke bron zonder 'vertrouwelijk: true'",
            "'vertrouwelijk: true', of zet het besluit in decisions/ van de openbare repository",
        )
    elif b.vertrouwelijk and not prive and c.bronnen.openbare_repository:
        waar = (
            f"{c.bronnen.prive}/"
            if c.bronnen.prive
            else "de vertrouwelijke bron (zie 'vertrouwelijke_bron' in agenda/programma.yml)"
        )
        c.fout(
            b,
            ("vertrouwelijk",),
            "vertrouwelijk besluit in de openbare repository",
            f"verplaats het bestand naar {waar} en haal het uit de git-geschiedenis (zie README, 'Vertrouwelijke "
            "besluiten'); is de repository zelf besloten, zet dan 'repository: besloten' in agenda/programma.yml",
        )


def _vervangcycli(c: Controle, besluiten: dict[str, Besluit]) -> None:
    """'vervangt' never leads, through other decisions, back to where it started."""
    per_nummer = {b.nummer: b for b in besluiten.values()}
    graaf = {n: sorted(v for v in b.vervangt if v in per_nummer and v != n) for n, b in per_nummer.items()}
    gemeld: set[int] = set()
    for start in sorted(graaf):
        kring = _kring_vanaf(graaf, start)
        if kring and not gemeld & set(kring):
            gemeld |= set(kring)
            c.fout(
                per_nummer[start],
                ("vervangt",),
                "'vervangt' vormt een kring: " + " → ".join(map(str, kring)),
                "een besluit vervangt alleen eerdere besluiten, nooit (via via) zichzelf",
            )


def _kring_vanaf(graaf: dict[int, list[int]], start: int) -> list[int] | None:
    """A path start → … → start through 'vervangt', if there is one."""
    stapel, bezocht = [(start, [start])], {start}
    while stapel:
        knoop, pad = stapel.pop()
        for volgende in graaf[knoop]:
            if volgende == start:
                return pad + [start]
            if volgende not in bezocht:
                bezocht.add(volgende)
                stapel.append((volgende, pad + [volgende]))
    return None
