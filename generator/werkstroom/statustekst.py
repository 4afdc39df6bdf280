"""'agenda status' as text for a coordinator's terminal: the same overview the site and --json give."""

from __future__ import annotations


def statustekst(stand: dict) -> str:
    """The same overview as readable Dutch text."""
    regels = [
        f"Stand op {stand['peildatum']} — {stand['programma']}",
        "",
        f"Nog te bekrachtigen door de {stand['termen']['regios']}",
    ]
    for regio in stand["bekrachtiging"]:
        termijn = f"termijn {regio['termijn_dagen']} dagen" if regio["termijn_dagen"] else "termijn nader in te vullen"
        regels.append(f"  {regio['naam']} ({termijn})")
        for b in regio["besluiten"]:
            laat = " — TE LAAT" if b["te_laat"] else ""
            dagen = (
                f"{b['dagen_wachtend']} dagen sinds accordering"
                if b["dagen_wachtend"] is not None
                else "datum accordering onbekend"
            )
            regels.append(f"    besluit {b['nummer']}: {b['titel']} — {b['status'].replace('-', ' ')}, {dagen}{laat}")
        if not regio["besluiten"]:
            regels.append("    niets")
    for dossier in stand["vergaderingen"]:
        regels += ["", f"Wacht op {dossier['naam']}"]
        for b in dossier["besluiten"]:
            advies = f" (advies: {b['advies']})" if b["advies"] else ""
            regels.append(f"  besluit {b['nummer']}: {b['titel']} — {b['status'].replace('-', ' ')}{advies}")
        if not dossier["besluiten"]:
            regels.append("  niets")
    regels += ["", "Opvolging (terugkoppeling, impact)"]
    regels += [
        f"  besluit {o['nummer']}: {o['titel']} — wacht op {', '.join(o['wacht_op'])}" for o in stand["opvolging"]
    ] or ["  niets"]
    regels += ["", "Mijlpalen te laat"]
    regels += [f"  {m['datum']}: {m['titel']} ({m['onderdeel']})" for m in stand["mijlpalen_te_laat"]] or ["  geen"]
    return "\n".join(regels)
