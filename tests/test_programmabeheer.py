"""Coordinator commands: vaststellen end to end, status, the pull-request summary, annotations, init."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from sitebouw import agenda, mkdocs_build, pagina, tekst

from regioagenda.werkstroom.opdrachten import Geweigerd, nieuw_besluit, vaststellen, zet_stap
from regioagenda.records.laden import laad


def _vaststelling(programma, titel, datum, accord):
    b = nieuw_besluit(programma.root, titel=titel, soort="vaststelling", samenvatting="Vaststelling.", datum=datum)
    nummer = int(b.pad.split("/")[1][:4])
    zet_stap(programma.root, nummer, gremium="bestuur", uitkomst="geaccordeerd", datum=accord)
    return nummer


def test_vaststellen_end_to_end(programma, tmp_path):
    eerste = _vaststelling(programma, "Agenda 2024", "2024-03-01", "2024-03-15")
    assert (
        agenda("vaststellen", "--map", str(programma.root), "--versie", "2024.1", "--besluit", str(eerste)).returncode
        == 0
    )
    programma.vervang("agenda/hoofdstukken/inleiding.md", "Dit is de inleiding", "Dit is de herziene inleiding")
    # A changed line that holds a code fence must not close the fence of the difference and become Markdown.
    programma.vervang("agenda/hoofdstukken/inleiding.md", "testprogramma.", "testprogramma.\n\n```\n# Geen kop\n```")
    tweede = _vaststelling(programma, "Agenda 2025", "2025-01-10", "2025-02-01")
    vaststellen(programma.root, versie="2025.1", besluit=tweede)
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    geldend = tekst(pagina(site, "uitvoeringsagenda"))
    # the title, the download of this version as a PDF, then what it is
    assert re.match(
        r" Testprogramma Zuid — versie 2025\.1 Download als PDF \(A4, \d+ kB\) Vastgestelde versie 2025\.1 "
        r"Geaccordeerd op 1 februari 2025",
        geldend,
    )
    assert "Gewijzigd: 1. Inleiding" in geldend and "+Dit is de herziene inleiding van het testprogramma." in geldend
    assert "+# Geen kop" in geldend and '<h1 id="geen-kop"' not in pagina(site, "uitvoeringsagenda")
    assert "Besluiten geaccordeerd sinds de vorige versie: Besluit 4: Agenda 2025" in geldend
    eerste_versie = tekst(pagina(site, "uitvoeringsagenda/versies/2024.1"))
    assert (
        "Dit is de inleiding van het testprogramma." in eerste_versie
        and "Er is een nieuwere versie: versie 2025.1" in eerste_versie
    )
    werk = tekst(pagina(site, "uitvoeringsagenda/werkversie"))
    assert "Werkversie (concept)" in werk and "De vastgestelde versie is versie 2025.1 van 1 februari 2025." in werk
    lijst = tekst(pagina(site, "uitvoeringsagenda/versies"))
    assert lijst.index("Versie 2025.1") < lijst.index("Versie 2024.1")
    assert "De geldende versie van de uitvoeringsagenda is versie 2025.1, vastgesteld op 1 februari 2025." in tekst(
        pagina(site, "")
    )


@pytest.mark.parametrize(
    ("voorbereiding", "melding"),
    [
        ("signaal", "besluit 1 is een besluit, geen vaststelling"),
        ("voorgesteld", "besluit 3 is voorgesteld, niet geaccordeerd — leg eerst de accordering vast"),
        ("vervangen", "besluit 3 is vervangen — een nieuwe versie wordt vastgesteld met een besluit dat nu geldt"),
    ],
)
def test_vaststellen_refused(programma, voorbereiding, melding):
    nummer = 1
    if voorbereiding in ("voorgesteld", "vervangen"):
        nieuw_besluit(programma.root, titel="Agenda", soort="vaststelling", samenvatting="V.", datum="2024-03-01")
        nummer = 3
    if voorbereiding == "vervangen":  # accorded, then replaced by an accorded later decision
        for uitkomst, gremium in (("geadviseerd", "kernteam"), ("geaccordeerd", "bestuur")):
            zet_stap(programma.root, 3, datum="2024-03-05", uitkomst=uitkomst, gremium=gremium)
        nieuw_besluit(
            programma.root, titel="Agenda 2", soort="vaststelling", samenvatting="W.", datum="2024-04-01", vervangt=[3]
        )
        for uitkomst, gremium in (("geadviseerd", "kernteam"), ("geaccordeerd", "bestuur")):
            zet_stap(programma.root, 4, datum="2024-04-05", uitkomst=uitkomst, gremium=gremium)
    voor = sorted(programma.root.rglob("*"))
    with pytest.raises(Geweigerd) as fout:
        vaststellen(programma.root, versie="2024.1", besluit=nummer)
    assert fout.value.problemen[0].startswith(melding)
    assert sorted(programma.root.rglob("*")) == voor


def test_hand_made_version_must_name_an_accorded_vaststelling(programma):
    programma.schrijf(
        "agenda/versies/2024.1.md", '---\nversie: "2024.1"\nbesluit: 1\ndatum: 2024-02-14\ntitel: "T"\n---\n\nTekst.\n'
    )
    assert programma.problemen() == [
        "agenda/versies/2024.1.md:3: besluit 1 is een besluit — een besluit van soort 'vaststelling'"
    ]


def test_status_text_and_json(programma):
    uit = agenda("status", "--map", str(programma.root), "--peildatum", "2024-04-01")
    assert uit.returncode == 0
    assert (
        "  Zuidoever (termijn 45 dagen)\n    besluit 1: Crisisbedden borgen — open, 47 dagen sinds accordering — TE "
        "LAAT" in uit.stdout
    )
    stand = json.loads(agenda("status", "--map", str(programma.root), "--peildatum", "2024-07-01", "--json").stdout)
    assert stand["vergaderingen"][0] == {
        "gremium": "kernteam",
        "naam": "Kernteam",
        "besluiten": [{"nummer": 2, "titel": "Nazorg verkennen", "status": "voorgesteld", "advies": None}],
    }
    assert stand["mijlpalen_te_laat"] == [
        {
            "deelopdracht": "crisisopvang",
            "onderdeel": "Crisisopvang",
            "titel": "Contract getekend",
            "datum": "2024-06-30",
        }
    ]


def test_check_as_github_annotations(programma):
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    uit = agenda("check", "--map", str(programma.root), "--format", "github")
    assert uit.returncode == 1
    assert uit.stdout.startswith(
        "::error file=decisions/0001-crisisbedden-borgen.md,line=4,title=agenda controleer::"
        "onbekende waarde 'besluitt' voor 'soort'"
    )


def test_pull_request_summary(programma):
    git = lambda *a: subprocess.run(["git", "-C", str(programma.root), *a], capture_output=True, text=True, check=True)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "basis")
    zet_stap(programma.root, 2, gremium="kernteam", uitkomst="geadviseerd", datum="2024-04-10")
    zet_stap(programma.root, 1, regio="zuidoever", uitkomst="vastgesteld", datum="2024-04-02")
    nieuw_besluit(programma.root, titel="Nieuw signaal", soort="signaal", samenvatting="S.", datum="2024-05-01")
    programma.vervang(
        "agenda/deelopdrachten/crisisopvang.md",
        "Er zijn te weinig crisisbedden.",
        "Er zijn nog steeds te weinig crisisbedden.",
    )
    uit = agenda("wijzigingen", "--map", str(programma.root), "HEAD")
    assert uit.returncode == 0, uit.stderr
    for regel in (
        "- Gewijzigd: `agenda/deelopdrachten/crisisopvang.md` — deelopdracht Crisisopvang",
        "- Toegevoegd: `decisions/0003-nieuw-signaal.md` — besluit 3: Nieuw signaal",
        "- 2. Deelopdrachten › Crisisopvang",
        "- Besluit 1 in Zuidoever: open → vastgesteld",
        "- Besluit 2 (Nazorg verkennen): voorgesteld → ter besluitvorming",
        "- Besluit 3 (Nieuw signaal): nieuw — voorgesteld",
        "Alle records zijn in orde.",
    ):
        assert regel in uit.stdout, uit.stdout
    fout = agenda("wijzigingen", "--map", str(programma.root), "bestaat-niet")
    assert fout.returncode == 2 and "'bestaat-niet' is geen bekende git-referentie" in fout.stderr


def test_pull_request_summary_names_confidential_decisions_by_number_and_escapes_titles(programma):
    # A closed repository may hold confidential decisions; its summary still names them by number only.
    programma.vervang(
        "agenda/programma.yml", 'titel: "Testprogramma Zuid"', 'titel: "Testprogramma Zuid"\nrepository: besloten'
    )
    git = lambda *a: subprocess.run(["git", "-C", str(programma.root), *a], capture_output=True, text=True, check=True)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "basis")
    nieuw_besluit(
        programma.root,
        titel="Geheime sluiting Noordoever",
        soort="besluit",
        samenvatting="S.",
        datum="2024-05-01",
        vertrouwelijk=True,
    )
    nieuw_besluit(
        programma.root,
        titel="<img src=x onerror=alert(1)> [klik](https://phish.example)",
        soort="signaal",
        samenvatting="S.",
        datum="2024-05-02",
    )
    uit = agenda("wijzigingen", "--map", str(programma.root), "HEAD")
    assert uit.returncode == 0, uit.stderr
    assert "Geheime sluiting" not in uit.stdout
    assert "- Toegevoegd: `decisions/0003-geheime-sluiting-noordoever.md` — vertrouwelijk besluit 3" in uit.stdout
    assert "- Vertrouwelijk besluit 3: nieuw — voorgesteld" in uit.stdout
    assert "<img" not in uit.stdout and "](https://phish" not in uit.stdout.replace("\\]", "")
    assert "&lt;img src=x onerror=alert(1)&gt; \\[klik\\](https://phish.example)" in uit.stdout


def test_init_builds_at_once(tmp_path):
    map_ = tmp_path / "zuid"
    uit = agenda(
        "init",
        str(map_),
        "--titel",
        "Jeugdhulp Zuid",
        "--regio",
        "west=Regio West",
        "--regio",
        "oost=Regio Oost",
        "--gremium",
        "ambtelijk=Ambtelijk overleg",
        "--gremium",
        "bestuur=Bestuurlijk overleg",
        "--van",
        "2026",
    )
    assert uit.returncode == 0, uit.stderr
    assert agenda("check", "--map", str(map_)).stdout.startswith("Alles in orde.")
    assert (
        agenda(
            "new",
            "besluit",
            "--map",
            str(map_),
            "--titel",
            "Eerste voorstel",
            "--soort",
            "besluit",
            "--samenvatting",
            "Start.",
            "--datum",
            "2026-01-15",
        ).returncode
        == 0
    )
    zet_stap(map_, 1, gremium="bestuur", uitkomst="geaccordeerd", datum="2026-02-01")
    site = tmp_path / "site"
    resultaat = mkdocs_build(map_ / "mkdocs.yml", site, "2026-03-01")
    assert resultaat.returncode == 0, resultaat.stderr
    besluit = tekst(pagina(site, "besluiten/0001-eerste-voorstel"))
    assert "Status: geaccordeerd" in besluit and "Regio West open" in besluit and "Regio Oost open" in besluit
    assert "3Noord" not in "".join(p.read_text(errors="replace") for p in site.rglob("*.html"))
    assert agenda("init", str(map_), "--titel", "X", "--regio", "a=A").returncode == 1  # not empty: refused


def test_each_composed_page_carries_the_version_it_shows(programma):
    """The composition decides which version a page shows; the printed line asks it (no second derivation)."""
    import datetime as dt

    from regioagenda.samenstellen import stel_samen
    from regioagenda.samenstellen.adressen import Adressen

    assert {p.uri: p.versie for p in stel_samen(programma.agenda(), dt.date(2025, 3, 1)) if p.versie} == {}
    vaststellen(
        programma.root, versie="2024.1", besluit=_vaststelling(programma, "Agenda 2024", "2024-03-01", "2024-03-15")
    )
    vaststellen(
        programma.root, versie="2025.1", besluit=_vaststelling(programma, "Agenda 2025", "2025-01-10", "2025-02-01")
    )
    agenda_ = programma.agenda()
    adres = Adressen(agenda_.programma.termen)
    assert {p.uri: p.versie for p in stel_samen(agenda_, dt.date(2025, 3, 1)) if p.versie} == {
        adres.versie("2024.1"): "2024.1",
        adres.versie("2025.1"): "2025.1",
        adres.AGENDA: "2025.1",
    }


def test_routestap_describes_the_route_of_the_programme_and_of_a_region(tmp_path):
    map_ = tmp_path / "p"
    uit = agenda("start", str(map_), "--titel", "P", "--regio", "noord=Noord", "--gremium", "ao=Ambtelijk overleg")
    assert uit.returncode == 0, uit.stderr
    for opties in (
        ["--naam", "Advies", "--gremium", "ao", "--uitkomst", "besproken", "--uitkomst", "geadviseerd"],
        ["--naam", "Behandeling in de raad", "--regio", "noord", "--termijn", "60"],
    ):
        uit = agenda("nieuw", "routestap", "--map", str(map_), *opties)
        assert uit.returncode == 0, uit.stderr
    programma = laad(map_).agenda.programma
    (stap,) = programma.besluitvormingsroute
    assert (stap.id, stap.gremium, [u.id for u in stap.uitkomsten]) == ("advies", "ao", ["besproken", "geadviseerd"])
    (regiostap,) = programma.regio("noord").besluitvormingsroute
    assert (regiostap.id, regiostap.termijn_dagen) == ("behandeling-in-de-raad", 60)
    voor = (map_ / "agenda/programma.yml").read_bytes()
    for opties, melding in (
        (
            ["--naam", "X", "--gremium", "ao", "--uitkomst", "vastgesteld"],
            "'vastgesteld' is een uitkomst van een regio",
        ),
        (["--naam", "X", "--regio", "zuid"], "onbekende regio 'zuid' — een van 'noord'"),
        (["--naam", "X"], "een stap in de programmaroute heeft een gremium en zijn uitkomsten"),
        (["--naam", "Advies", "--gremium", "ao", "--uitkomst", "besproken"], "stap 'advies' bestaat al"),
    ):
        uit = agenda("nieuw", "routestap", "--map", str(map_), *opties)
        assert uit.returncode == 1 and melding in uit.stderr, uit.stderr
    assert (map_ / "agenda/programma.yml").read_bytes() == voor


def test_a_decision_fixes_one_version_and_a_step_is_recorded_once(programma):
    nummer = _vaststelling(programma, "Agenda 2024", "2024-03-01", "2024-03-15")
    vaststellen(programma.root, versie="2024.1", besluit=nummer)
    with pytest.raises(Geweigerd) as fout:
        vaststellen(programma.root, versie="2024.2", besluit=nummer)
    assert any(f"besluit {nummer} stelt al versie '2024.1' vast" in str(p) for p in fout.value.problemen)
    assert (programma.root / "agenda/versies/2024.1.md").exists()
    assert not (programma.root / "agenda/versies/2024.2.md").exists()
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, nummer, gremium="bestuur", uitkomst="geaccordeerd", datum="2024-03-15")
    assert any("deze stap (2024-03-15, geaccordeerd) staat er al eerder" in str(p) for p in fout.value.problemen)
    zet_stap(programma.root, nummer, regio="zuidoever", uitkomst="vastgesteld", datum="2024-04-02")
    with pytest.raises(Geweigerd) as fout:
        zet_stap(programma.root, nummer, regio="zuidoever", uitkomst="vastgesteld", datum="2024-04-02")
    assert any("deze stap (2024-04-02, vastgesteld) staat er al eerder" in str(p) for p in fout.value.problemen)


def test_a_version_entered_afterwards_holds_the_agenda_as_it_stood_on_its_day(programma):
    import datetime as dt

    nummer = _vaststelling(programma, "Agenda 2024", "2024-03-01", "2024-03-15")
    zet_stap(programma.root, nummer, gremium="bestuur", uitkomst="teruggekoppeld", datum="2024-04-10")
    later = nieuw_besluit(
        programma.root,
        titel="Een latere gunning",
        soort="besluit",
        samenvatting="Na de vaststelling.",
        datum="2024-05-02",
    )
    later_nummer = int(later.pad.split("/")[1][:4])
    toen = programma.agenda().zoals_op(dt.date(2024, 3, 15))
    assert later_nummer not in toen.besluiten  # it did not exist yet
    assert [s.uitkomst.id for s in toen.besluiten[nummer].verloop] == ["ingebracht", "geaccordeerd"]
    assert toen.status(toen.besluiten[nummer]).value == "geaccordeerd"
    uit = vaststellen(programma.root, versie="2024.1", besluit=nummer)
    assert (programma.root / uit.pad).exists() and programma.problemen() == []
