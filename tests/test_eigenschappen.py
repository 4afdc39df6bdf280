"""Property-based: whatever a mutated record looks like, the loader accepts it or reports path:line in Dutch."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAAL
from regioagenda.records.laden import laad

RECORDS = [
    "decisions/0001-crisisbedden-borgen.md",
    "agenda/deelopdrachten/crisisopvang.md",
    "agenda/programma.yml",
    "agenda/nulplaten/crisisopvang-2024.md",
    "agenda/hoofdstukken/inleiding.md",
]
# Characters that matter to YAML and Markdown, plus control, bidi and non-ASCII text.
LASTIG = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>'\"#%@`\t\n ,?~=<") + ["\x00", "\x07", "\u202e", "é", "€", "\ufeff"])
    | st.characters(blacklist_categories=("Cs",)),
    max_size=12,
)
PROBLEEM = re.compile(r"^(?P<pad>[^:]+):(?P<regel>\d+): \S.*")


@st.composite
def mutatie(draw):
    record = draw(st.sampled_from(RECORDS))
    tekst = (MINIMAAL / record).read_text(encoding="utf-8")
    regels = tekst.splitlines(keepends=True)
    soort = draw(st.sampled_from(["invoegen", "weghalen", "regel-dubbel", "regel-vervangen", "waarde-vervangen"]))
    if soort == "invoegen":
        plek = draw(st.integers(0, len(tekst)))
        tekst = tekst[:plek] + draw(LASTIG) + tekst[plek:]
    elif soort == "weghalen":
        begin = draw(st.integers(0, len(tekst)))
        tekst = tekst[:begin] + tekst[begin + draw(st.integers(1, 40)) :]
    elif soort == "regel-dubbel":
        i = draw(st.integers(0, len(regels) - 1))
        tekst = "".join(regels[: i + 1] + regels[i:])
    elif soort == "regel-vervangen":
        i = draw(st.integers(0, len(regels) - 1))
        tekst = "".join(regels[:i] + [draw(LASTIG) + "\n"] + regels[i + 1 :])
    else:
        i = draw(st.integers(0, len(regels) - 1))
        sleutel = regels[i].split(":", 1)[0]
        tekst = "".join(regels[:i] + [f"{sleutel}: {draw(LASTIG)}\n"] + regels[i + 1 :])
    return record, tekst


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutatie())
def test_mutated_records_are_accepted_or_explained(gemuteerd):
    record, tekst = gemuteerd
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "programma"
        shutil.copytree(MINIMAAL, root)
        (root / record).write_text(tekst, encoding="utf-8", newline="")
        resultaat = laad(root)
        aantal_regels = max(len(tekst.splitlines()), 1)
        for probleem in resultaat.problemen:
            tekstueel = str(probleem)
            m = PROBLEEM.match(tekstueel)
            assert m, tekstueel
            assert (root / m["pad"]).exists()
            if m["pad"] == record:
                assert 1 <= int(m["regel"]) <= aantal_regels + 1, tekstueel
            assert "Traceback" not in tekstueel and "Error" not in tekstueel
        assert (resultaat.agenda is None) == bool(resultaat.problemen)
