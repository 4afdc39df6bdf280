"""Build beside the site, then swap: a reader never sees a half-built or missing site.

An interrupted build leaves nothing behind, and no build replaces what a build did not make: every
writer asks ``bewaak_uitvoermap`` (through ``nieuwe_bouwmap``) before it touches anything.

Engine-free. Its callers go through ``publicatie.Publicatie``, which makes the sibling temporary folder here
(``nieuwe_bouwmap``), replaces the old output with ``wissel`` only after a clean, checked build and otherwise
removes the folder (``ruim_op``); leftovers of a killed build are removed by the next.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import re
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from regioagenda.records.paden import RECORDMAPPEN, SITEMAPPEN, THEMAMAP, relatief_pad, repository

MERKTEKEN = ".agenda-site"
"""The file every site build writes into its output: only a folder that carries it is ever replaced."""
MERKTEKST = "Deze map is gemaakt door 'agenda bouw' of 'mkdocs build' en wordt bij een nieuwe bouw vervangen.\n"
# A dot file: MkDocs's own clean of site_dir at the start of a build leaves hidden files alone, and
# neither the Markdown tree nor MkDocs publishes it as a page.


class OnveiligeUitvoermap(Exception):
    """The output folder is, holds or lies inside something a build did not make; nothing was touched."""


def bewaak_uitvoermap(doel: Path, root: Path, prive: Path | None, beschermd: Iterable[Path] = ()) -> None:
    """Refuse an output folder whose replacement would destroy what no build made.

    Refused: the repository or the programme, a folder that holds either, a record folder, docs/, .git,
    overrides/, generator/ or the private source (``prive``) and any folder inside one of those
    (``beschermd``: further folders of the same kind, such as a theme's custom_dir); a path that is not
    a folder; and an existing folder with content that does not carry the mark of an earlier site build.
    """
    doel = Path(doel).resolve()
    for map_, naam, omvattend in _beschermd(Path(root), prive, beschermd):
        if doel == map_ or doel in map_.parents:
            raise OnveiligeUitvoermap(_melding(doel, f"{'is' if doel == map_ else 'bevat'} {naam}"))
        if map_ in doel.parents and not omvattend:
            raise OnveiligeUitvoermap(_melding(doel, f"ligt binnen {naam}"))
    _bewaak_inhoud(doel)


def _bewaak_inhoud(doel: Path) -> None:
    """What needs no programme to judge: the output is a folder, and empty or made by an earlier build."""
    if doel.exists() and not doel.is_dir():
        raise OnveiligeUitvoermap(_melding(doel, "is geen map"))
    if doel.is_dir() and any(doel.iterdir()) and not _gemerkt(doel):
        raise OnveiligeUitvoermap(
            _melding(
                doel,
                f"bestaat al, is niet leeg en is niet door een eerdere bouw gemaakt (het merkteken {MERKTEKEN} "
                "ontbreekt)",
            )
        )


def _beschermd(root: Path, prive: Path | None, extra: Iterable[Path]) -> list[tuple[Path, str, bool]]:
    """Every folder a build must leave alone, resolved, with its Dutch name and whether a site may lie inside it.

    A site folder inside the repository or the programme (site/) is ordinary; inside the others it is not.
    """
    programma, werkboom = root.resolve(), repository(root)
    mappen = [(werkboom, "de repository", True), (programma, "de programmamap", True)]
    for basis in dict.fromkeys((programma, werkboom)):
        mappen += [(basis / ".git", "de git-map .git/", False), (basis / "generator", "de generator/", False)]
        mappen += [(basis / m, f"de map {m}/ met handgeschreven pagina's", False) for m in SITEMAPPEN]
        mappen.append((basis / THEMAMAP, f"de thema-map {THEMAMAP}/", False))
    mappen += [(programma / m, f"de recordmap {m}/", False) for m in RECORDMAPPEN]
    if prive is not None:
        mappen.append((Path(prive), "de vertrouwelijke bron", False))
    mappen += [(Path(m), f"de map {relatief_pad(root, Path(m))}/", False) for m in extra]
    # A link is judged by where it leads as well as by where it stands.
    return [
        (pad, naam, omvattend)
        for map_, naam, omvattend in mappen
        for pad in dict.fromkeys((map_.absolute(), map_.resolve()))
    ]


def _gemerkt(map_: Path) -> bool:
    merk = map_ / MERKTEKEN
    return merk.is_file() and not merk.is_symlink()


def _melding(doel: Path, reden: str) -> str:
    return (
        f"de uitvoermap {doel} {reden} — een bouw vervangt die map helemaal; kies een nieuwe of lege map, "
        "bijvoorbeeld site/ naast mkdocs.yml of een map buiten de repository. Er is niets gewijzigd."
    )


_LOPEND: set[Path] = set()
"""Temporary build folders of this process, removed at exit whatever ended the build."""


def nieuwe_bouwmap(
    doel: Path, *, root: Path | None = None, prive: Path | None = None, beschermd: Iterable[Path] = ()
) -> Path:
    """A fresh folder beside ``doel`` to build into, carrying the build mark; OnveiligeUitvoermap first if
    ``doel`` may not be replaced (see ``bewaak_uitvoermap``). Leftovers of builds that were killed are removed.

    ``root`` is the programme and ``prive`` its private source: every writer passes them. Without ``root``
    only the checks that need no programme are made (a folder with content and no mark is still refused).
    """
    if root is not None:
        bewaak_uitvoermap(doel, root, prive, beschermd)
    else:
        _bewaak_inhoud(Path(doel).resolve())
    doel = Path(doel).resolve()
    doel.parent.mkdir(parents=True, exist_ok=True)
    _ruim_resten_op(doel)
    map_ = Path(tempfile.mkdtemp(prefix=f"{_voorvoegsel(doel)}{os.getpid()}-", dir=doel.parent))
    _LOPEND.add(map_)
    _vang_beeindiging()
    (map_ / MERKTEKEN).write_text(MERKTEKST, encoding="utf-8")
    return map_


def ruim_op(map_: Path | None) -> None:
    """Remove a temporary build folder (nothing happens when it was already swapped in or removed)."""
    if map_ is None:
        return
    map_ = Path(map_)
    _LOPEND.discard(map_)
    # Only a folder this process named as its build folder: never a path some caller mixed up.
    if re.fullmatch(r"\..+-bouw-" + str(os.getpid()) + r"-[a-z0-9_]+", map_.name) and not map_.is_symlink():
        shutil.rmtree(map_, ignore_errors=True)


def wissel(nieuw: Path, uit: Path) -> None:
    """Put ``nieuw`` in the place of ``uit`` so that ``uit`` always exists, old or new.

    On Linux the two folders are exchanged in one atomic step (renameat2 with RENAME_EXCHANGE);
    elsewhere the old folder is moved aside first, which leaves a moment without it.
    """
    nieuw, uit = Path(nieuw), Path(uit)
    _LOPEND.discard(nieuw)
    if uit.is_dir() and not uit.is_symlink() and _verwissel(nieuw, uit):
        shutil.rmtree(nieuw, ignore_errors=True)  # after the exchange this holds the previous output
        return
    oud = None
    if uit.exists() or uit.is_symlink():
        oud = uit.with_name(f"{_voorvoegsel(uit)}oud-{os.getpid()}")
        shutil.rmtree(oud, ignore_errors=True)
        os.replace(uit, oud)
    os.replace(nieuw, uit)
    if oud is not None:
        shutil.rmtree(oud, ignore_errors=True)


def _voorvoegsel(doel: Path) -> str:
    return f".{doel.name}-bouw-"


def _ruim_resten_op(doel: Path) -> None:
    """Remove temporary folders of earlier builds whose process no longer runs (killed, or the machine stopped).

    Only names a build makes count: '.site-bouw-<pid>-<tempfile suffix>' and '.site-bouw-oud-<pid>'.
    """
    naam = re.compile(re.escape(_voorvoegsel(doel)) + r"(?:(\d+)-[a-z0-9_]+|oud-(\d+))")
    for rest in doel.parent.glob(_voorvoegsel(doel) + "*"):
        gevonden = naam.fullmatch(rest.name)
        if gevonden is None or rest.is_symlink() or not rest.is_dir():
            continue
        if not _leeft(int(gevonden.group(1) or gevonden.group(2))):
            shutil.rmtree(rest, ignore_errors=True)


def _leeft(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _bij_afsluiten() -> None:
    for map_ in list(_LOPEND):
        ruim_op(map_)


_gevangen = False


def _vang_beeindiging() -> None:
    """Clean up on exit, on Ctrl+C and on SIGTERM (which otherwise ends Python without running atexit)."""
    global _gevangen
    if _gevangen:
        return
    _gevangen = True
    atexit.register(_bij_afsluiten)
    try:
        if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
            signal.signal(signal.SIGTERM, lambda nummer, frame: sys.exit(128 + nummer))
    except ValueError:
        pass  # not the main thread: atexit still cleans up after a normal or interrupted end


_RENAME_EXCHANGE = 2


def _verwissel(a: Path, b: Path) -> bool:
    """Exchange two paths atomically with renameat2 (Linux); False when the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0
