"""Rules on meetings: a known body on a known day, an agenda about known decisions and parts, outcomes only once
the meeting is held, and each outcome typed once — in the meeting, never also in the decision."""

from __future__ import annotations

from regioagenda.model.datum import Precisie
from regioagenda.model.vergadering import Vergadering
from regioagenda.model.vocab import RecordSoort, VergaderStatus, Verzameling
from regioagenda.nederlands import datum as nl_datum
from regioagenda.records.paden import stukpad
from regioagenda.records.regels.controle import Controle
from regioagenda.records.suggesties import bedoelde_u


def controleer_vergaderingen(c: Controle) -> None:
    """Every rule on the meetings, and on the decisions' own steps that a besluitenlijst already holds."""
    for vergadering in c.bouwsel.vergaderingen.values():
        with c.bewaakt(vergadering):
            _wanneer(c, vergadering)
            if vergadering.gremium is not None:
                c.programmaverwijzing(vergadering, ("gremium",), vergadering.gremium, Verzameling.GREMIA)
            _agenda(c, vergadering)
            _losse_bestanden(c, vergadering)
            _niets_vertrouwelijks_in_het_openbaar(c, vergadering)
    _eenmaal_getypt(c)


def _wanneer(c: Controle, v: Vergadering) -> None:
    """A meeting is held on one day, and ends after it begins."""
    for datum, pad in [(v.datum, ("datum",)), *((e.datum, ("eerder", i, "datum")) for i, e in enumerate(v.eerder))]:
        if datum is not None and datum.precisie is not Precisie.DAG:
            c.fout(v, pad, f"'{datum}' is geen dag", "de dag van de vergadering, JJJJ-MM-DD")
    if v.begin is not None and v.eind is not None and v.eind <= v.begin:
        c.fout(
            v,
            ("eind",),
            f"de vergadering eindigt om {v.eind:%H:%M}, voor ze begint",
            f"een eindtijd na {v.begin:%H:%M}",
        )
    if v.eind is not None and v.begin is None:
        c.fout(v, ("eind",), "een eindtijd zonder begintijd", "begin: \"UU:MM\" erbij, of laat 'eind' weg")


def _agenda(c: Controle, v: Vergadering) -> None:
    """What each item is about exists; an outcome only once the meeting is held; a confidential decision's item
    is confidential itself."""
    bestaand = c.bronnen.besluitnummers()
    besluiten = {b.nummer: b for b in c.bouwsel.besluiten.values()}
    for i, punt in enumerate(v.punten):
        pad = ("agenda", i)
        if punt.besluit is not None:
            besluit = besluiten.get(punt.besluit)
            if punt.besluit not in bestaand and not punt.vertrouwelijk:
                c.fout(
                    v,
                    (*pad, "besluit"),
                    f"besluit {punt.besluit} bestaat niet",
                    f"een bestaand besluitnummer{bedoelde_u(punt.besluit, map(str, bestaand))}",
                )
            elif besluit is not None and besluit.vertrouwelijk and not punt.vertrouwelijk and not v.vertrouwelijk:
                c.fout(
                    v,
                    (*pad, "besluit"),
                    f"besluit {punt.besluit} is vertrouwelijk, dit agendapunt niet",
                    "vertrouwelijk: true bij het agendapunt (of bij de hele vergadering)",
                )
        if punt.onderdeel is not None:
            c.verwijzing(
                v, (*pad, "onderdeel"), punt.onderdeel, c.bronnen.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht"
            )
        if punt.uitkomst is not None and v.status is not VergaderStatus.GEHOUDEN:
            status = v.status.value if v.status is not None else "?"
            c.fout(
                v,
                (*pad, "uitkomst"),
                f"een uitkomst bij een vergadering met status '{status}'",
                "status: gehouden (de uitkomsten vormen dan de besluitenlijst), of haal de uitkomst weg",
            )


def _niets_vertrouwelijks_in_het_openbaar(c: Controle, v: Vergadering) -> None:
    """A public repository publishes everything in it, its history too: a confidential meeting, item or paper
    can only be kept in a closed one (the public site leaves them out there)."""
    if not c.bronnen.openbare_repository:
        return
    verwacht = (
        "houd vertrouwelijke punten en stukken buiten deze openbare repository (ook uit de git-geschiedenis); is de "
        "repository zelf besloten, zet dan 'repository: besloten' in agenda/programma.yml"
    )
    if v.vertrouwelijk:
        c.fout(v, ("vertrouwelijk",), "vertrouwelijke vergadering in de openbare repository", verwacht)
    for i, punt in enumerate(v.punten):
        if punt.vertrouwelijk:
            c.fout(v, ("agenda", i, "vertrouwelijk"), "vertrouwelijk agendapunt in de openbare repository", verwacht)
    for stuk in v.alle_stukken():
        if stuk.vertrouwelijk:
            c.fout(stuk, ("vertrouwelijk",), f"vertrouwelijk stuk '{stuk.naam}' in de openbare repository", verwacht)


def _losse_bestanden(c: Controle, v: Vergadering) -> None:
    """Every file in a meeting's folder is one of its papers: anything else would sit there unchecked."""
    map_ = c.bronnen.root / stukpad(v.id, "")
    if not map_.is_dir():
        return
    genoemd = {s.bestand for s in v.alle_stukken()}
    for pad in sorted(map_.iterdir()):
        relatief = stukpad(v.id, pad.name)
        if relatief not in genoemd:
            c.bestandsfout(
                relatief,
                "bestand in de map van een vergadering dat geen stuk van die vergadering is",
                f"noem het onder 'stukken' in {v.bestand}, of haal het weg",
            )


def _eenmaal_getypt(c: Controle) -> None:
    """A step a meeting's besluitenlijst holds is not written in the decision as well, not even differently."""
    for besluit in c.bouwsel.besluiten.values():
        uit_vergadering = {(s.datum.iso, s.gremium): s.vergadering for s in besluit.stappen if s.vergadering}
        for stap in besluit.stappen:
            if stap.vergadering is not None or stap.datum is None:
                continue
            vergadering = uit_vergadering.get((stap.datum.iso, stap.gremium))
            if vergadering is not None:
                bestand = c.bouwsel.vergaderingen[vergadering].bestand
                c.fout(
                    stap,
                    (),
                    f"deze stap ({nl_datum(stap.datum)}) staat al in de besluitenlijst van {bestand}",
                    "haal de stap hier weg: de uitkomst van het agendapunt is de stap in de route",
                )
