"""Rules across records: references exist, ids are unique, dates exist and follow the routes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from generator.nederlands import label
from generator.model.besluit import Besluit
from generator.model.programma import Programma, Termen
from generator.records.modelbouw import besluit_uit, programma_uit
from generator.records.paden import BESLUITNAAM
from generator.records.verzamelen import Bronnen
from generator.model.datum import Datum, OngeldigeDatum, Precisie
from generator.model.vocab import RecordSoort, RegioUitkomst, Soort, Uitkomst
from generator.nederlands import maandnaam
from generator.patronen import SLUG
from generator.problemen import Probleem
from generator.records.suggesties import bedoelde_u, onbekend, opsomming
from generator.records.yamlbron import YamlDocument

SOORTNAAM = {
    "regios": "regio",
    "gremia": "gremium",
    "aanbieders": "aanbieder",
    "voorzieningen": "voorziening",
    "deelopdrachten": "deelopdracht",
    "kenniswerkplaatsen": "kenniswerkplaats",
}


class Controle:
    """Collects problems while rules run; helpers keep each rule a few lines long."""

    def __init__(self) -> None:
        self.problemen: list[Probleem] = []
        self.programma: Programma | None = None
        """The programme model, once programma.yml passed its schema: routes and regions are asked of it."""

    @contextmanager
    def bewaakt(self, doc: YamlDocument) -> Iterator[None]:
        """Rules on one record: whatever goes wrong inside becomes a problem of that record, not a traceback."""
        try:
            yield
        except Exception:
            self.problemen.append(
                Probleem(
                    doc.pad,
                    1,
                    "het record kan niet worden gecontroleerd",
                    "een eenvoudiger record; meld het aan de beheerders als het bestand in orde lijkt",
                )
            )

    def fout(self, doc: YamlDocument, pad: tuple, wat: str, verwacht: str) -> None:
        self.problemen.append(Probleem(doc.pad, doc.regel(*pad), wat, verwacht))

    def verwijzing(self, doc: YamlDocument, pad: tuple, waarde: Any, bekend: Iterable[str], soort: str) -> bool:
        bekend = set(bekend)
        if waarde in bekend:
            return True
        self.fout(doc, pad, f"{onbekend(soort)} '{waarde}'", f"een van {opsomming(bekend)}{bedoelde_u(waarde, bekend)}")
        return False

    def datum(self, doc: YamlDocument, pad: tuple, waarde: Any) -> Datum | None:
        try:
            return Datum.lees(waarde)
        except OngeldigeDatum as fout:
            self.fout(
                doc,
                pad,
                _datumfout(waarde, fout),
                "een bestaande datum als JJJJ-MM-DD (of JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ)",
            )
            return None

    def uniek(self, doc: YamlDocument, pad: tuple, items: list, sleutel: str = "id") -> None:
        tellingen = Counter(item[sleutel] for item in items)
        gemeld = set()
        for i, item in enumerate(items):
            waarde = item[sleutel]
            if tellingen[waarde] > 1 and waarde in gemeld:
                self.fout(
                    doc,
                    (*pad, i, sleutel),
                    f"{sleutel} '{waarde}' komt vaker voor",
                    f"een unieke {sleutel} binnen '{pad[-1]}'",
                )
            gemeld.add(waarde)


def _datumfout(waarde: Any, fout: OngeldigeDatum) -> str:
    if fout.geen_dag:
        jaar, maand, dag = fout.geen_dag
        return f"'{str(waarde).strip()}' bestaat niet: {maandnaam(maand)} {jaar} heeft geen dag {dag}"
    return str(fout)


def controleer(bronnen: Bronnen) -> list[Probleem]:
    """Run every cross-record rule on the records that passed their schema."""
    c = Controle()
    ids = None
    if bronnen.programma is not None:
        with c.bewaakt(bronnen.programma):
            ids = _programma(c, bronnen)
            c.programma = programma_uit(bronnen.programma) if bronnen.is_geldig(bronnen.programma) else None
    _deelopdrachten(c, bronnen, ids)
    _besluiten(c, bronnen, ids)
    _nulplaten(c, bronnen, ids)
    if bronnen.risicos is not None:
        with c.bewaakt(bronnen.risicos):
            _risicos(c, bronnen)
    _versies(c, bronnen)
    return c.problemen


def _programma(c: Controle, b: Bronnen) -> dict[str, set[str]] | None:
    doc = b.programma
    if not b.is_geldig(doc):
        return None
    data = doc.data
    for soort in (
        "gremia",
        "aanbieders",
        "voorzieningen",
        "kenniswerkplaatsen",
        "fasen",
        "besluitvormingsroute",
    ):
        c.uniek(doc, (soort,), list(data.get(soort, [])))
    ids = {soort: {x["id"] for x in data.get(soort, [])} for soort in SOORTNAAM if soort != "deelopdrachten"}
    ids["regios"] = {r["id"] for r, _ in _alle_regios(data["regios"])}
    ids["deelopdrachten"] = set(b.aanwezig[RecordSoort.DEELOPDRACHT])
    periode = data.get("periode", {})
    if "van" in periode and "tot" in periode and periode["van"] > periode["tot"]:
        c.fout(doc, ("periode", "tot"), "de periode eindigt voor ze begint", "'tot' gelijk aan of na 'van'")
    _unieke_regios(c, doc, data["regios"])
    termen = _woordadressen(c, doc, data)
    for regio, pad in _alle_regios(data["regios"]):
        _idadres(c, doc, (*pad, "id"), regio["id"], termen, "regios")
    for i, gremium in enumerate(data.get("gremia", [])):
        _idadres(c, doc, ("gremia", i, "id"), gremium["id"], termen, "gremia")
    for regio, pad in _alle_regios(data["regios"]):
        c.uniek(doc, (*pad, "besluitvormingsroute"), list(regio.get("besluitvormingsroute", [])))
    for i, stap in enumerate(data.get("besluitvormingsroute", [])):
        if "gremium" in stap:
            c.verwijzing(doc, ("besluitvormingsroute", i, "gremium"), stap["gremium"], ids["gremia"], "gremium")
    for i, kwp in enumerate(data.get("kenniswerkplaatsen", [])):
        if "regio" in kwp:
            c.verwijzing(doc, ("kenniswerkplaatsen", i, "regio"), kwp["regio"], ids["regios"], "regio")
    for i, fase in enumerate(data.get("fasen", [])):
        _periode(c, doc, ("fasen", i), fase)
    gebruikt = Counter()
    for i, deel in enumerate(data["opbouw"]):
        if "hoofdstuk" in deel:
            gebruikt[deel["hoofdstuk"]] += 1
            if (
                c.verwijzing(
                    doc, ("opbouw", i, "hoofdstuk"), deel["hoofdstuk"], b.aanwezig[RecordSoort.HOOFDSTUK], "hoofdstuk"
                )
                and gebruikt[deel["hoofdstuk"]] > 1
            ):
                c.fout(
                    doc,
                    ("opbouw", i, "hoofdstuk"),
                    f"hoofdstuk '{deel['hoofdstuk']}' staat twee keer in de opbouw",
                    "elk hoofdstuk één keer",
                )
    return ids


def _woordadressen(c: Controle, doc: YamlDocument, data: dict) -> Termen:
    """The programme's words become folders: each a non-empty ASCII slug, no name the site uses itself, and no
    two words the same folder (a word left out counts with its default). Returns the words."""
    gegeven = dict(data.get("termen", {}))
    termen = Termen(**gegeven)
    plek = lambda term: ("termen", term) if term in gegeven else ("termen",)
    naam = lambda term: f"termen.{term} '{getattr(termen, term)}'" + ("" if term in gegeven else " (standaard)")
    bezet: dict[tuple[str, str], str] = {}
    for term, (map_, waar) in termen.mappen().items():
        adres = "/" + "/".join(filter(None, (waar, map_))) + "/"
        vast = termen.vaste_namen(waar)
        if not SLUG.match(map_):
            c.fout(
                doc,
                plek(term),
                f"{naam(term)} geeft geen adres: als map van de site ({adres}) blijft er niets van over",
                "een woord met letters (a-z, ook met accenten) of cijfers; het wordt een map van de site",
            )
        elif map_ in vast:
            c.fout(
                doc,
                plek(term),
                f"{naam(term)} krijgt het adres {adres}, dat de site zelf al gebruikt",
                f"een ander woord: niet {opsomming(vast, maximum=len(vast))}",
            )
        elif (waar, map_) in bezet:
            # reported at the word the programme wrote, not at a default it left out
            eerste, tweede = (term, bezet[(waar, map_)]) if term in gegeven else (bezet[(waar, map_)], term)
            c.fout(
                doc,
                plek(eerste),
                f"{naam(eerste)} krijgt hetzelfde adres {adres} als {naam(tweede)}",
                "voor elk een eigen woord: elk wordt een eigen map van de site",
            )
        bezet.setdefault((waar, map_), term)
    return termen


def _idadres(c: Controle, doc: YamlDocument, pad: tuple, id_: str, termen: Termen, soort: str) -> None:
    """An id that gets a page of its own may not take the name of a page the site keeps in that folder."""
    map_ = termen.idmap(soort)
    if id_ in termen.vaste_namen(map_):
        c.fout(
            doc,
            pad,
            f"{SOORTNAAM.get(soort, 'id')} '{id_}' krijgt het adres /{map_}/{id_}/, dat de site zelf al gebruikt",
            f"een andere id: niet {opsomming(termen.vaste_namen(map_))}",
        )


def _bestandsadres(c: Controle, doc: YamlDocument, id_: str, soort: str) -> None:
    """A charter or nulplaat is named by its file: the same rule as ``_idadres``, reported on the file's first line."""
    termen = c.programma.termen if c.programma else Termen()
    map_ = termen.idmap(soort)
    if id_ in termen.vaste_namen(map_):
        c.problemen.append(
            Probleem(
                doc.pad,
                1,
                f"de bestandsnaam '{id_}' geeft het adres /{map_}/{id_}/, dat de site zelf al gebruikt",
                f"hernoem het bestand: niet {opsomming(f'{n}.md' for n in termen.vaste_namen(map_))}",
            )
        )


def _alle_regios(lijst: list, pad: tuple = ("regios",)) -> Iterator[tuple[dict, tuple]]:
    """Every region in programma.yml at every level, with its path in the file."""
    for i, regio in enumerate(lijst):
        yield regio, (*pad, i)
        yield from _alle_regios(regio.get("onderdelen", []), (*pad, i, "onderdelen"))


def _unieke_regios(c: Controle, doc: YamlDocument, lijst: list) -> None:
    """A region id is unique across every level: decisions name a region by its id alone."""
    gezien: set[str] = set()
    for regio, pad in _alle_regios(lijst):
        if regio["id"] in gezien:
            c.fout(doc, (*pad, "id"), f"id '{regio['id']}' komt vaker voor", "een unieke id binnen 'regios'")
        gezien.add(regio["id"])


def _periode(c: Controle, doc: YamlDocument, pad: tuple, item: dict) -> None:
    van = c.datum(doc, (*pad, "van"), item["van"]) if "van" in item else None
    tot = c.datum(doc, (*pad, "tot"), item["tot"]) if "tot" in item else None
    if van and tot and tot.zeker_voor(van):
        c.fout(doc, (*pad, "tot"), f"'tot' ({tot}) ligt voor 'van' ({van})", "een einddatum na de begindatum")


def _lijst(c: Controle, doc: YamlDocument, data: dict, veld: str, ids: dict | None) -> None:
    if ids is None:
        return
    for i, waarde in enumerate(data.get(veld, [])):
        c.verwijzing(doc, (veld, i), waarde, ids[veld], SOORTNAAM[veld])


def _deelopdrachten(c: Controle, b: Bronnen, ids: dict | None) -> None:
    for sleutel, doc in b.deelopdracht.items():
        with c.bewaakt(doc):
            _bestandsadres(c, doc, sleutel, "deelopdrachten")
            if not b.is_geldig(doc):
                continue
            data = doc.data
            for veld in ("voorzieningen", "aanbieders", "regios"):
                _lijst(c, doc, data, veld, ids)
            aanspreekpunt = data.get("aanspreekpunt")
            if ids is not None and isinstance(aanspreekpunt, str) and SLUG.match(aanspreekpunt):
                # a lower-case id is meant as a region; a person or role is written as a name or {naam, rol}
                c.verwijzing(doc, ("aanspreekpunt",), aanspreekpunt, ids["regios"], "regio")
            for i, ander in enumerate(data.get("kruisverbanden", [])):
                ander = ander["onderdeel"] if isinstance(ander, dict) else ander
                if ander == sleutel:
                    c.fout(
                        doc,
                        ("kruisverbanden", i),
                        "een deelopdracht verwijst naar zichzelf",
                        "alleen andere deelopdrachten",
                    )
                else:
                    c.verwijzing(
                        doc, ("kruisverbanden", i), ander, b.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht"
                    )
            _fasen(c, doc, ("fasen",), data.get("fasen", []))
            for i, sub in enumerate(data.get("subopdrachten", [])):
                _fasen(c, doc, ("subopdrachten", i, "fasen"), sub.get("fasen", []))
            for j, mijlpaal in enumerate(data.get("mijlpalen", [])):
                c.datum(doc, ("mijlpalen", j, "datum"), mijlpaal["datum"])
            c.uniek(doc, ("kengetallen",), list(data.get("kengetallen", [])))
            for i, kengetal in enumerate(data.get("kengetallen", [])):
                waarden = [(w,) for w in ("basis", "doel") if w in kengetal] + [
                    ("metingen", j) for j in range(len(kengetal.get("metingen", [])))
                ]
                for w in waarden:
                    item = kengetal[w[0]] if len(w) == 1 else kengetal[w[0]][w[1]]
                    if "datum" in item:
                        c.datum(doc, ("kengetallen", i, *w, "datum"), item["datum"])


def _fasen(c: Controle, doc: YamlDocument, pad: tuple, fasen: list) -> None:
    for i, fase in enumerate(fasen):
        _periode(c, doc, (*pad, i), fase)
        for j, mijlpaal in enumerate(fase.get("mijlpalen", [])):
            c.datum(doc, (*pad, i, "mijlpalen", j, "datum"), mijlpaal["datum"])


def _besluiten(c: Controle, b: Bronnen, ids: dict | None) -> None:
    geldig = {k: d for k, d in b.besluit.items() if b.is_geldig(d)}
    nummers = Counter(d.data["nummer"] for d in geldig.values())
    for sleutel, doc in geldig.items():
        with c.bewaakt(doc):
            data = doc.data
            bestandsnummer = int(BESLUITNAAM.match(sleutel + ".md").group(1))
            if data["nummer"] != bestandsnummer:
                c.fout(
                    doc,
                    ("nummer",),
                    f"nummer {data['nummer']} past niet bij de bestandsnaam",
                    f"nummer: {bestandsnummer}, of hernoem het bestand naar {data['nummer']:04d}-….md",
                )
            elif nummers[data["nummer"]] > 1:
                c.fout(
                    doc,
                    ("nummer",),
                    f"nummer {data['nummer']} wordt door meer besluiten gebruikt",
                    "een uniek nummer per besluit",
                )
            if ids is not None:
                _lijst(c, doc, data, "regios", ids)
            for i, deel in enumerate(data.get("deelopdrachten", [])):
                c.verwijzing(doc, ("deelopdrachten", i), deel, b.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht")
            for i, ander in enumerate(data.get("vervangt", [])):
                if ander == data["nummer"]:
                    c.fout(doc, ("vervangt", i), "een besluit vervangt zichzelf", "het nummer van een ander besluit")
                elif ander not in b.besluitnummers() and not _mogelijk_vertrouwelijk(b):
                    c.fout(
                        doc,
                        ("vervangt", i),
                        f"besluit {ander} bestaat niet",
                        f"een bestaand besluitnummer{bedoelde_u(ander, map(str, b.besluitnummers()))}",
                    )
            _vindplaats(c, doc, b)
            _verloop(c, doc, b, ids)
            _regionaal(c, doc, ids)
    _vervangcycli(c, geldig)


def _mogelijk_vertrouwelijk(b: Bronnen) -> bool:
    """An unknown decision number may be a confidential one when the private source is set but not read here
    (the public repository's CI): public records refer to confidential decisions by number only."""
    return b.prive_ingesteld and b.prive is None


def _vindplaats(c: Controle, doc: YamlDocument, b: Bronnen) -> None:
    """Confidential decisions live in the private source, public ones in the repository; never the other way round."""
    vertrouwelijk = doc.data.get("vertrouwelijk") is True
    if b.uit_prive(doc) and not vertrouwelijk:
        c.fout(
            doc,
            ("nummer",),
            "besluit in de vertrouwelijke bron zonder 'vertrouwelijk: true'",
            "'vertrouwelijk: true', of zet het besluit in decisions/ van de openbare repository",
        )
    elif vertrouwelijk and not b.uit_prive(doc) and b.openbare_repository:
        waar = (
            f"{b.prive}/" if b.prive else "de vertrouwelijke bron (zie 'vertrouwelijke_bron' in agenda/programma.yml)"
        )
        c.fout(
            doc,
            ("vertrouwelijk",),
            "vertrouwelijk besluit in de openbare repository",
            f"verplaats het bestand naar {waar} en haal het uit de git-geschiedenis (zie README, 'Vertrouwelijke "
            "besluiten'); is de repository zelf besloten, zet dan 'repository: besloten' in agenda/programma.yml",
        )


def _verloop(c: Controle, doc: YamlDocument, b: Bronnen, ids: dict | None) -> None:
    programma = c.programma
    route = programma.besluitvormingsroute if programma else None
    vorige_datum, vorige_positie = None, -1
    ingetrokken = False
    _gepland_laatst(c, doc, ("verloop",), doc.data["verloop"])
    for i, stap in enumerate(doc.data["verloop"]):
        pad = ("verloop", i)
        if ingetrokken:
            c.fout(
                doc,
                (*pad, "uitkomst"),
                "stap na 'ingetrokken'",
                "geen stappen meer: een ingetrokken voorstel wordt een nieuw besluit",
            )
        ingetrokken = ingetrokken or stap["uitkomst"] == Uitkomst.INGETROKKEN.value
        datum = c.datum(doc, (*pad, "datum"), stap["datum"])
        if datum and vorige_datum and datum.zeker_voor(vorige_datum):
            c.fout(
                doc,
                (*pad, "datum"),
                f"stap van {datum} staat na een stap van {vorige_datum}",
                "stappen in de volgorde waarin ze zijn gezet",
            )
        vorige_datum = datum or vorige_datum
        uitkomst = Uitkomst(stap["uitkomst"])
        if route is None or ids is None:
            continue
        gremium = stap.get("gremium")
        if gremium is not None and not c.verwijzing(doc, (*pad, "gremium"), gremium, ids["gremia"], "gremium"):
            continue
        if uitkomst is Uitkomst.INGETROKKEN:
            continue  # a proposal can be withdrawn at any point of the route
        gevonden = programma.routestap_voor(gremium, uitkomst)
        if gevonden is None:
            continue  # a body outside the route, or an outcome the route does not expect: shown as it happened
        if gevonden[0] < vorige_positie:
            c.fout(
                doc,
                (*pad, "uitkomst"),
                f"stap '{gevonden[1].naam}' komt in de route voor '{route[vorige_positie].naam}'",
                "stappen in de volgorde van de besluitvormingsroute",
            )
        else:
            vorige_positie = gevonden[0]


def _gepland_laatst(c: Controle, doc: YamlDocument, pad: tuple, stappen: list) -> None:
    """Planned steps come after every step taken: a step taken after a planned one means the plan is stale."""
    gepland = False
    for i, stap in enumerate(stappen):
        if gepland and not stap.get("gepland"):
            c.fout(
                doc,
                (*pad, i),
                "gezette stap na een geplande stap",
                "haal 'gepland: true' weg bij de stap die nu gezet is, of verwijder de geplande stap",
            )
        gepland = gepland or bool(stap.get("gepland"))


def _regionaal(c: Controle, doc: YamlDocument, ids: dict | None) -> None:
    """Each region's own steps: a known region, its route in order, dates in order.

    They may come before the programme's accordering or without one: a council can decide directly, and a source
    can record an endorsement that predates the document.
    """
    regionaal = doc.data.get("regionaal", {})
    if not regionaal or ids is None or c.programma is None:
        return
    regios = c.programma.ids("regios")
    betrokken = set(doc.data.get("regios", [r.id for r in c.programma.hoofdregios]))
    for regio_id, stappen in regionaal.items():
        pad = ("regionaal", regio_id)
        if not c.verwijzing(doc, pad, regio_id, regios, "regio"):
            continue
        if not c.programma.valt_onder(regio_id, betrokken):
            c.fout(
                doc,
                pad,
                f"regio '{regio_id}' heeft stappen maar staat niet in 'regios'",
                "de regio (of de regio waar ze onder valt) ook onder 'regios' noemen",
            )
        route = [s.id for s in c.programma.regio(regio_id).besluitvormingsroute]
        vorige_datum, vorige_positie, besloten = None, -1, None
        _gepland_laatst(c, doc, pad, stappen)
        for i, stap in enumerate(stappen):
            spad = (*pad, i)
            if besloten:
                c.fout(
                    doc,
                    (*spad, "uitkomst"),
                    f"stap nadat {regio_id} al '{besloten}' heeft besloten",
                    "geen stappen meer na een eindbesluit van de regio",
                )
            if stap["uitkomst"] in (
                RegioUitkomst.VASTGESTELD.value,
                RegioUitkomst.NIET_VASTGESTELD.value,
            ) and not stap.get("gepland"):
                besloten = besloten or stap["uitkomst"]
            datum = c.datum(doc, (*spad, "datum"), stap["datum"])
            if datum and vorige_datum and datum.zeker_voor(vorige_datum):
                c.fout(
                    doc,
                    (*spad, "datum"),
                    f"stap van {datum} staat na een stap van {vorige_datum}",
                    "stappen in de volgorde waarin ze zijn gezet",
                )
            vorige_datum = datum or vorige_datum
            if "stap" not in stap:
                continue  # the region's decision without a named step of its route (a council deciding directly)
            if not route:
                c.fout(
                    doc,
                    (*spad, "stap"),
                    f"{regio_id} heeft nog geen eigen route, dus geen stap '{stap['stap']}'",
                    "laat 'stap' weg, of beschrijf de route van de regio in programma.yml",
                )
                continue
            if not c.verwijzing(doc, (*spad, "stap"), stap["stap"], route, f"routestap van {regio_id}"):
                continue
            positie = route.index(stap["stap"])
            if positie < vorige_positie:
                c.fout(
                    doc,
                    (*spad, "stap"),
                    f"stap '{stap['stap']}' komt in de route van {regio_id} eerder",
                    "stappen in de volgorde van de route van de regio",
                )
            vorige_positie = max(vorige_positie, positie)


def _vervangcycli(c: Controle, geldig: dict[str, YamlDocument]) -> None:
    per_nummer = {d.data["nummer"]: d for d in geldig.values()}
    graaf = {
        n: sorted(v for v in d.data.get("vervangt", []) if v in per_nummer and v != n) for n, d in per_nummer.items()
    }
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


def _nulplaten(c: Controle, b: Bronnen, ids: dict | None) -> None:
    for sleutel, doc in b.nulplaat.items():
        with c.bewaakt(doc):
            _bestandsadres(c, doc, sleutel, "nulplaten")
            if not b.is_geldig(doc):
                continue
            data = doc.data
            peildatum = c.datum(doc, ("peildatum",), data["peildatum"])
            if "deelopdracht" in data:
                c.verwijzing(
                    doc, ("deelopdracht",), data["deelopdracht"], b.aanwezig[RecordSoort.DEELOPDRACHT], "deelopdracht"
                )
            if "vervangt" in data:
                vorige = b.nulplaat.get(data["vervangt"])
                if data["vervangt"] == sleutel:
                    c.fout(doc, ("vervangt",), "een nulplaat vervangt zichzelf", "de id van een eerdere nulplaat")
                elif c.verwijzing(
                    doc, ("vervangt",), data["vervangt"], b.aanwezig[RecordSoort.NULPLAAT], "nulplaat"
                ) and b.is_geldig(vorige):
                    try:
                        eerder = Datum.lees(vorige.data["peildatum"])
                    except Exception:
                        eerder = None
                    if peildatum and eerder and not eerder.zeker_voor(peildatum):
                        c.fout(
                            doc,
                            ("peildatum",),
                            f"peildatum {peildatum} ligt niet na die van '{data['vervangt']}' ({eerder})",
                            "een herziening heeft een latere peildatum dan de nulplaat die ze vervangt",
                        )
            segmenten = {s["id"] for s in data.get("segmenten", [])}
            rollen = {r["id"] for r in data.get("rollen", [])}
            for i, knop in enumerate(data.get("knoppen", [])):
                if "segment" in knop:
                    c.verwijzing(doc, ("knoppen", i, "segment"), knop["segment"], segmenten, "segment")
                if "rol" in knop:
                    c.verwijzing(doc, ("knoppen", i, "rol"), knop["rol"], rollen, "rol")


def _risicos(c: Controle, b: Bronnen) -> None:
    doc = b.risicos
    if not b.is_geldig(doc):
        return
    c.uniek(doc, ("categorieen",), list(doc.data["categorieen"]))
    c.uniek(doc, ("risicos",), list(doc.data["risicos"]))
    categorieen = {k["id"] for k in doc.data["categorieen"]}
    for i, risico in enumerate(doc.data["risicos"]):
        c.verwijzing(doc, ("risicos", i, "categorie"), risico["categorie"], categorieen, "categorie")


def _versies(c: Controle, b: Bronnen) -> None:
    besluiten = {d.data["nummer"]: d for d in b.besluit.values() if b.is_geldig(d)}
    for sleutel, doc in b.versie.items():
        with c.bewaakt(doc):
            if not b.is_geldig(doc):
                continue
            data = doc.data
            if data["versie"] != sleutel:
                c.fout(
                    doc, ("versie",), f"versie '{data['versie']}' past niet bij de bestandsnaam", f'versie: "{sleutel}"'
                )
            datum = c.datum(doc, ("datum",), data["datum"])
            besluit = besluiten.get(data["besluit"])
            if data["besluit"] not in b.besluitnummers():
                c.fout(
                    doc,
                    ("besluit",),
                    f"besluit {data['besluit']} bestaat niet",
                    "het nummer van het besluit dat deze versie vaststelt",
                )
            elif besluit is not None:
                _vaststelling(c, doc, data["besluit"], besluit, datum)


def onzekere_vaststelling(besluit: Besluit) -> str | None:
    """Why a decision cannot fix a version as of its accordering (its date is not one known day), or None.

    A version is frozen as of the day it was accorded; 'onbekend' would freeze it as of 9999-12-31 and a month or
    a year as of a day nobody chose. Also for 'agenda vaststellen', before the version record exists.
    """
    accordering = besluit.accordering
    if accordering is None or accordering.precisie is Precisie.DAG:
        return None
    return f"besluit {besluit.nummer} is geaccordeerd op '{accordering}', geen bekende dag"


def _vaststelling(c: Controle, doc: YamlDocument, nummer: int, besluitdoc: YamlDocument, datum: Datum | None) -> None:
    """The decision that fixes a version: of kind vaststelling, accorded, on the version's date (asks the model)."""
    try:
        besluit = besluit_uit(besluitdoc)
    except OngeldigeDatum:
        return  # the decision's own dates are reported at the decision
    if besluit.soort is not Soort.VASTSTELLING:
        c.fout(
            doc, ("besluit",), f"besluit {nummer} is een {label(besluit.soort)}", "een besluit van soort 'vaststelling'"
        )
    onzeker = onzekere_vaststelling(besluit)
    if besluit.accordering is None:
        c.fout(doc, ("besluit",), f"besluit {nummer} is niet geaccordeerd", "een geaccordeerd besluit")
    elif onzeker:
        c.fout(doc, ("besluit",), onzeker, "een accordering met een datum als JJJJ-MM-DD")
    elif datum and besluit.accordering.iso != datum.iso:
        c.fout(
            doc,
            ("datum",),
            f"datum {datum} is niet de datum van de accordering ({besluit.accordering})",
            "de datum waarop het besluit is geaccordeerd",
        )
