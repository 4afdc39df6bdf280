"""The coordinator's overview for the terminal (and as JSON)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from regioagenda.model.vocab import MijlpaalToestand
from regioagenda.model import overzicht

from regioagenda.model import planning
from regioagenda.model.agenda import Agenda


def statusoverzicht(agenda: Agenda, peildatum: dt.date) -> dict:
    """Pending ratifications per region, dockets, follow-up and late milestones, as plain data."""
    regio_lijst = []
    for regio in agenda.programma.regios:
        wachtend = [w for w in overzicht.wachtende_bekrachtigingen(agenda, peildatum) if w.regio.id == regio.id]
        regio_lijst.append(
            {
                "regio": regio.id,
                "naam": regio.naam,
                "termijn_dagen": regio.termijn_dagen,
                "besluiten": [
                    {
                        "nummer": w.besluit.nummer,
                        "titel": w.besluit.titel,
                        "status": w.status.value,
                        "dagen_wachtend": w.wachtend,
                        "te_laat": w.te_laat,
                    }
                    for w in wachtend
                ],
            }
        )
    dossiers = [
        {
            "gremium": g,
            "naam": agenda.programma.gremium(g).naam,
            "besluiten": [
                {"nummer": b.nummer, "titel": b.titel, "status": agenda.status(b).value, "advies": overzicht.advies(b)}
                for b in overzicht.dossier(agenda, g)
            ],
        }
        for g in overzicht.dossiergremia(agenda)
    ]
    groepen = planning.per_toestand(planning.mijlpalen(agenda), peildatum)
    return {
        "programma": agenda.programma.titel,
        "peildatum": peildatum.isoformat(),
        "termen": dataclasses.asdict(agenda.programma.termen),
        "bekrachtiging": regio_lijst,
        "vergaderingen": dossiers,
        "opvolging": [
            {"nummer": b.nummer, "titel": b.titel, "wacht_op": open_} for b, open_ in overzicht.opvolging(agenda)
        ],
        "mijlpalen_te_laat": [
            {
                "deelopdracht": p.deelopdracht.id,
                "onderdeel": p.deelopdracht.titel,
                "titel": p.mijlpaal.titel,
                "datum": p.mijlpaal.datum.iso,
            }
            for p in groepen[MijlpaalToestand.TE_LAAT]
        ],
    }
