"""What makes a programme folder a repository that checks and publishes itself: the workflows, the hashed
requirements that pin the generator, pre-commit and CODEOWNERS.

The workflows are the generator's own files (``sjablonen/``), the same for every programme. Only how the generator
is installed differs: a programme installs a released wheel from its ``requirements.txt``; the generator's own
repository (3Noord) builds the wheel from its source and installs that, then runs the very same steps.
"""

from __future__ import annotations

import hashlib
import json
import re
from enum import Enum
from importlib import metadata, resources
from pathlib import Path

DISTRIBUTIE = "regioagenda"
VEREISTEN = "requirements.txt"
WORKFLOWS = (".github/workflows/controle.yml", ".github/workflows/publiceren.yml")

_PLEK = "@INSTALLEREN@"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Generatorbron(Enum):
    """Where a repository's workflows get the generator from."""

    UITGAVE = "uitgave"  # a released wheel, pinned with its hash in requirements.txt
    DEZE_REPOSITORY = "deze-repository"  # built from the source in this repository (the generator's own)


_INSTALLEREN = {
    Generatorbron.UITGAVE: """\
      - name: Installeren (de generator en wat hij nodig heeft, vaste versies met hashes)
        run: python -m pip install --require-hashes --no-deps -r requirements.txt""",
    Generatorbron.DEZE_REPOSITORY: """\
      - name: Installeren (de generator gebouwd uit deze repository; de rest vaste versies met hashes)
        run: |
          python -m pip install --require-hashes --no-deps -r generator/vergrendeling/site.txt
          python -m pip wheel --no-deps --no-build-isolation --wheel-dir dist .
          python -m pip install --no-deps dist/regioagenda-*.whl""",
}


def _sjabloon(naam: str) -> str:
    return resources.files("regioagenda.werkstroom").joinpath("sjablonen", naam).read_text(encoding="utf-8")


def workflow(pad: str, bron: Generatorbron) -> str:
    """The text of one of ``WORKFLOWS`` for a repository that gets its generator from ``bron``."""
    return _sjabloon(Path(pad).name).replace(_PLEK, _INSTALLEREN[bron])


def pre_commit() -> str:
    """``.pre-commit-config.yaml``: the records checked before each commit, with the programme's own 'agenda'."""
    return _sjabloon("pre-commit-config.yaml")


TECHNISCH = ("/.github/", f"/{VEREISTEN}", "/mkdocs.yml", "/.pre-commit-config.yaml", "/overrides/")
"""What decides what the check runs and what the site publishes: the paths a code owner must approve."""


def codeowners(eigenaren: tuple[str, ...]) -> str:
    """``.github/CODEOWNERS``: who must approve a change to the technical files; with none given, how to name them.

    Records and pages get no owner on purpose: every project group may propose them (a coordinator merges).
    """
    kop = (
        "# Technische bestanden: ze bepalen wat de controle uitvoert en wat de site publiceert. Een wijziging\n"
        "# daarin wordt pas samengevoegd na een review van wie hier staat (zet bij de regels voor de tak main\n"
        "# 'Require review from Code Owners' aan). Records (agenda/, decisions/) en pagina's (docs/) hebben\n"
        "# bewust geen eigenaar: elke projectgroep mag ze voorstellen.\n"
    )
    if not eigenaren:
        kop += "# Nog niemand genoemd: zet achter elk pad de beheerders, als @gebruikersnaam of @organisatie/team.\n"
        return kop + "".join(f"# {pad:<26} @organisatie/beheerders\n" for pad in TECHNISCH)
    wie = " ".join(eigenaren)
    return kop + "".join(f"{pad:<26} {wie}\n" for pad in TECHNISCH)


def generatorregel(adres: str, sha256: str) -> str:
    """The pinned, hashed requirement of the generator: a release's wheel at ``adres``."""
    if not _SHA256.match(sha256):
        raise ValueError(f"'{sha256}' is geen sha256-hash (64 tekens 0-9 en a-f)")
    return f"{DISTRIBUTIE} @ {adres} \\\n    --hash=sha256:{sha256}\n"


def wiel_hash(wiel: Path) -> str:
    """The sha256 of a wheel file, as pip checks it."""
    return hashlib.sha256(Path(wiel).read_bytes()).hexdigest()


def vergrendeling() -> str:
    """The generator's own dependencies, each pinned with its hashes (``make vergrendel`` writes them)."""
    return resources.files("regioagenda").joinpath("vergrendeling", "site.txt").read_text(encoding="utf-8")


def vereisten(regel: str | None) -> str:
    """A programme's ``requirements.txt``: the generator's pinned line, then everything it needs, all hashed."""
    versie = metadata.version(DISTRIBUTIE)
    kop = (
        f"# Alles wat de site nodig heeft, met vaste versies en hashes: de generator ({DISTRIBUTIE} {versie}) en\n"
        "# wat hij gebruikt. Installeren: python -m pip install --require-hashes --no-deps -r requirements.txt\n"
        "# Een nieuwe versie van de generator: vervang dit bestand door de requirements.txt van die uitgave.\n"
    )
    if regel is None:
        kop += (
            f"# LET OP: de regel voor {DISTRIBUTIE} ontbreekt nog (deze generator was niet uit een uitgave\n"
            "# geïnstalleerd). Neem hem over uit de requirements.txt van de uitgave die u gebruikt.\n"
        )
    return kop + (regel or "") + vergrendeling()


def geinstalleerde_uitgave() -> tuple[str, str] | None:
    """Where the running generator was installed from, when that was a wheel checked by its hash: (adres, sha256).

    pip records it in ``direct_url.json``; an editable or unhashed install has none, and then None.
    """
    try:
        tekst = metadata.distribution(DISTRIBUTIE).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not tekst:
        return None
    gegevens = json.loads(tekst)
    sha256 = gegevens.get("archive_info", {}).get("hashes", {}).get("sha256")
    adres = gegevens.get("url", "")
    if not sha256 or not adres.endswith(".whl"):
        return None
    return adres, sha256


PRE_COMMIT = ".pre-commit-config.yaml"


def _van_deze_versie(pad: str) -> tuple[str, ...]:
    """The texts this version of the generator writes at ``pad``: a programme's, or the generator repository's."""
    if pad == PRE_COMMIT:
        return (pre_commit(),)
    return tuple(workflow(pad, bron) for bron in Generatorbron)


def _achter_koppeling(root: Path, pad: str) -> bool:
    """Whether ``pad`` is, or lies behind, a symbolic link: it would be read from, or written to, elsewhere."""
    bestand = Path(root) / pad
    return bestand.is_symlink() or bestand.resolve() != Path(root).resolve() / pad


def verouderd(root: Path, *, ontbrekend: bool = False) -> list[str]:
    """The workflow and pre-commit files of ``root`` that are not what this version writes; with ``ontbrekend``
    also those that are missing (a programme may publish otherwise, so a missing file is news only when asked)."""
    uit = []
    for pad in (*WORKFLOWS, PRE_COMMIT):
        bestand = Path(root) / pad
        if _achter_koppeling(root, pad):
            uit.append(pad)
        elif not bestand.is_file():
            uit += [pad] if ontbrekend else []
        elif bestand.read_text(encoding="utf-8") not in _van_deze_versie(pad):
            uit.append(pad)
    return uit


def vernieuw(root: Path, paden: list[str]) -> None:
    """Write this version's text of each of ``paden`` (from ``verouderd``), atomically; a link is refused."""
    from regioagenda.werkstroom.bewerken import schrijf_atomair
    from regioagenda.werkstroom.opdrachten import Geweigerd

    koppelingen = [p for p in paden if _achter_koppeling(root, p)]
    if koppelingen:
        raise Geweigerd(
            [f"{p} is (of ligt achter) een symbolische koppeling — er is niets geschreven" for p in koppelingen]
        )
    for pad in paden:
        schrijf_atomair(Path(root) / pad, _van_deze_versie(pad)[0])
