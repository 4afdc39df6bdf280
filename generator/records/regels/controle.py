"""What every rule needs: the model as built, where each object came from, and a list to report problems to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from regioagenda.model.programma import Programma, Termen
from regioagenda.model.vocab import Verzameling
from regioagenda.nederlands import enkelvoud
from regioagenda.problemen import Probleem
from regioagenda.records.modelbouw import Bouwsel
from regioagenda.records.suggesties import onbekende_verwijzing, vindplaats
from regioagenda.records.verzamelen import Bronnen


@dataclass
class Controle:
    """The built records, the files that were collected, and the problems the rules find."""

    bouwsel: Bouwsel
    bronnen: Bronnen
    """What was collected: which files are present and where they came from (never their data: that is the
    model's)."""
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def programma(self) -> Programma | None:
        """The programme, when programma.yml built; rules about routes and regions need it."""
        return self.bouwsel.programma

    @property
    def termen(self) -> Termen:
        return self.programma.termen if self.programma else Termen()

    @contextmanager
    def bewaakt(self, record: object) -> Iterator[None]:
        """The rules on one record: a fault in a rule becomes a problem of that record, never a traceback."""
        try:
            yield
        except Exception:
            self.bestandsfout(
                self.bouwsel.herkomst.bestand(record),
                "het record kan niet worden gecontroleerd",
                "een eenvoudiger record; meld het aan de beheerders als het bestand in orde lijkt",
            )

    def fout(self, obj: object, pad: tuple, wat: str, verwacht: str) -> None:
        """A problem at ``obj`` (a model object the builder made), or at its field ``pad``."""
        plek = self.bouwsel.herkomst.plek(obj)
        self.problemen.append(Probleem(plek.bestand, plek.regel(*pad), wat, verwacht))

    def bestandsfout(self, bestand: str, wat: str, verwacht: str) -> None:
        """A problem with a file as a whole (its name), reported on its first line."""
        self.problemen.append(Probleem(bestand, 1, wat, verwacht))

    def verwijzing(
        self,
        obj: object,
        pad: tuple,
        waarde: Any,
        bekend: Iterable[str],
        soort: str,
        waar: str | None = None,
        toelichting: str = "",
    ) -> bool:
        """Whether ``waarde`` names one of ``bekend``; if not, a problem with the known ones (and ``waar`` they are
        declared), a suggestion, and ``toelichting`` when the rule can tell what was meant."""
        bekend = set(bekend)
        if waarde in bekend:
            return True
        wat, verwacht = onbekende_verwijzing(waarde, bekend, soort, waar)
        self.fout(obj, pad, wat, verwacht + (f"; {toelichting}" if toelichting else ""))
        return False

    def programmaverwijzing(
        self, obj: object, pad: tuple, waarde: Any, soort: Verzameling, toelichting: str = ""
    ) -> bool:
        """A reference to an item of one of programma.yml's lists; the problem says where those are declared."""
        if self.programma is None:
            return True  # nothing to hold it to: programma.yml did not build, and that is reported
        bekend = self.programma.ids(soort)
        return self.verwijzing(obj, pad, waarde, bekend, enkelvoud(soort), vindplaats(soort), toelichting)

    def uniek(self, obj: object, veld: str, items: Sequence[Any], sleutel: str = "id") -> None:
        """Each value of ``sleutel`` once among ``items`` (the list ``veld`` of ``obj``); every repeat reported."""
        waarden = [getattr(item, sleutel) if not isinstance(item, tuple) else item[0] for item in items]
        tellingen = Counter(waarden)
        gemeld = set()
        for i, waarde in enumerate(waarden):
            if tellingen[waarde] > 1 and waarde in gemeld:
                self.fout(
                    obj,
                    (veld, i, sleutel),
                    f"{sleutel} '{waarde}' komt vaker voor",
                    f"een unieke {sleutel} binnen '{veld}'",
                )
            gemeld.add(waarde)


def periode(c: Controle, item: Any) -> None:
    """A phase (of the programme or of a part) does not end before it begins."""
    van, tot = item.van, item.tot
    if van and tot and tot.zeker_voor(van):
        c.fout(item, ("tot",), f"'tot' ({tot}) ligt voor 'van' ({van})", "een einddatum na de begindatum")
