"""A meeting for the tests: a held meeting of the small programme's board, with papers and a confidential item."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

VERGADERING = "agenda/vergaderingen/2024-06-12-bestuur.md"
MAP = "agenda/vergaderingen/2024-06-12-bestuur"
NAZORG = "decisions/0002-nazorg-verkennen.md"

RECORD = """---
gremium: bestuur
datum: 2024-06-12
begin: "10:00"
eind: "12:00"
plaats: "Gemeentehuis Noordoever, raadzaal"
status: gehouden
stukken:
  - {bestand: convocatie.pdf, titel: "Convocatie", datum: 2024-06-01}
agenda:
  - titel: "Opening en mededelingen"
  - titel: "Nazorg verkennen"
    besluit: 2
    voorstel: "Het bestuur stemt in met de verkenning van de nazorg."
    stukken:
      - {bestand: advies-nazorg.pdf, titel: "Advies van het kernteam over de nazorg", datum: 2024-06-03}
      - {bestand: notitie-personeel.pdf, titel: "Geheime notitie", vertrouwelijk: true}
    uitkomst: afgewezen
    toelichting: "Eerst de evaluatie van de crisisbedden afwachten."
  - titel: "Personele zaak"
    vertrouwelijk: true
---

Het bestuurlijk overleg in juni.
"""


def maak_pdf(pad, titel: str = "Stuk", javascript: bool = False) -> None:
    schrijver = PdfWriter()
    schrijver.add_blank_page(595, 842)
    schrijver.add_metadata({"/Title": titel})
    if javascript:
        actie = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
        schrijver._root_object[NameObject("/OpenAction")] = schrijver._add_object(actie)
    pad.parent.mkdir(parents=True, exist_ok=True)
    with open(pad, "wb") as f:
        schrijver.write(f)
