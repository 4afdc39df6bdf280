"""Rules on the programme's parts and nulplaten: their file names as addresses, and what they refer to."""

from __future__ import annotations

from regioagenda.model.deelopdracht import Deelopdracht
from regioagenda.model.overig import Nulplaat
from regioagenda.model.vocab import Faseveld, Kenmerk, RecordSoort, Verzameling
from regioagenda.records.regels.controle import Controle, periode
from regioagenda.records.suggesties import opsomming


def controleer_onderdelen(c: Controle) -> None:
    """Every rule on the parts (deelopdrachten) and on the nulplaten."""
    for soort in (RecordSoort.DEELOPDRACHT, RecordSoort.NULPLAAT):
        for sleutel, doc in sorted(c.bronnen.per_soort[soort].items()):
            _bestandsadres(c, doc.pad, sleutel, soort)  # also for a record that did not pass its schema
    for deel in c.bouwsel.deelopdrachten.values():
        with c.bewaakt(deel):
            _deelopdracht(c, deel)
    for nulplaat in c.bouwsel.nulplaten.values():
        with c.bewaakt(nulplaat):
            _nulplaat(c, nulplaat)


def _bestandsadres(c: Controle, bestand: str, id_: str, soort: RecordSoort) -> None:
    """A charter or nulplaat is named by its file: it may not take the name of a page the site keeps there."""
    map_ = c.termen.idmap(soort)
    vast = c.termen.vaste_namen(map_)
    if id_ in vast:
        c.bestandsfout(
            bestand,
            f"de bestandsnaam '{id_}' geeft het adres /{map_}/{id_}/, dat de site zelf al gebruikt",
            f"hernoem het bestand: niet {opsomming(f'{n}.md' for n in vast)}",
        )


def _volgens_sjabloon(c: Controle, d: Deelopdracht) -> None:
    """A charter fills only the fields its programme's template uses ('sjabloon' in programma.yml)."""
    sjabloon = c.programma.sjabloon
    verwacht = "voeg het veld toe aan 'sjabloon' in agenda/programma.yml, of haal het hier weg"
    for veld in Kenmerk:
        if d.waarde(veld) and not sjabloon.gebruikt(veld):
            c.fout(d, (veld.value,), f"'{veld.value}' staat niet in het sjabloon van het programma", verwacht)
    for i, fase in enumerate(d.fasen):
        for veld in Faseveld:
            if getattr(fase, veld.value) and not sjabloon.gebruikt(veld):
                c.fout(d, ("fasen", i, veld.value), f"'{veld.value}' staat niet in het sjabloon voor fasen", verwacht)


def _deelopdracht(c: Controle, d: Deelopdracht) -> None:
    p = c.programma
    if p is not None:
        _volgens_sjabloon(c, d)
        for soort in (Verzameling.VOORZIENINGEN, Verzameling.AANBIEDERS, Verzameling.REGIOS):
            for i, waarde in enumerate(getattr(d, soort.value)):
                c.programmaverwijzing(d, (soort.value, i), waarde, soort)
        if d.aanspreekpunt is not None:
            # a lower-case id is meant as a region; a person or role is written as a name or {naam, rol}
            c.programmaverwijzing(d, ("aanspreekpunt",), d.aanspreekpunt, Verzameling.REGIOS)
    for i, ander in enumerate(d.kruisverbanden):
        if ander == d.id:
            c.fout(d, ("kruisverbanden", i), "een deelopdracht verwijst naar zichzelf", "alleen andere deelopdrachten")
        else:
            c.verwijzing(d, ("kruisverbanden", i), ander, c.bronnen.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht")
    for fase in (*d.fasen, *(f for s in d.subopdrachten for f in s.fasen)):
        periode(c, fase)
    c.uniek(d, "kengetallen", d.kengetallen)


def _nulplaat(c: Controle, n: Nulplaat) -> None:
    aanwezig = c.bronnen.aanwezig
    if n.deelopdracht is not None:
        c.verwijzing(n, ("deelopdracht",), n.deelopdracht, aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht")
    if n.vervangt is not None:
        vorige = c.bouwsel.nulplaten.get(n.vervangt)
        if n.vervangt == n.id:
            c.fout(n, ("vervangt",), "een nulplaat vervangt zichzelf", "de id van een eerdere nulplaat")
        elif (
            c.verwijzing(n, ("vervangt",), n.vervangt, aanwezig[RecordSoort.NULPLAAT], "nulplaat")
            and vorige is not None
            and None not in (n.peildatum, vorige.peildatum)  # a date that does not exist is reported already
            and not vorige.peildatum.zeker_voor(n.peildatum)
        ):
            c.fout(
                n,
                ("peildatum",),
                f"peildatum {n.peildatum} ligt niet na die van '{n.vervangt}' ({vorige.peildatum})",
                "een herziening heeft een latere peildatum dan de nulplaat die ze vervangt",
            )
    segmenten = {id_ for id_, _ in n.segmenten}
    rollen = {id_ for id_, _ in n.rollen}
    for i, knop in enumerate(n.knoppen):
        if knop.segment is not None:
            c.verwijzing(n, ("knoppen", i, "segment"), knop.segment, segmenten, "segment")
        if knop.rol is not None:
            c.verwijzing(n, ("knoppen", i, "rol"), knop.rol, rollen, "rol")
