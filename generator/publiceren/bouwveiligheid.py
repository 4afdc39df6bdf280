"""Build beside the site, then swap: a reader never sees a half-built or missing site.

An interrupted build leaves nothing behind.

Engine-neutral: the Markdown-tree build and the MkDocs plugin both build into a sibling temporary
folder made here and replace the old output with ``wissel`` only after a clean build.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

_LOPEND: set[Path] = set()
"""Temporary build folders of this process, removed at exit whatever ended the build."""


def nieuwe_bouwmap(doel: Path) -> Path:
    """A fresh folder beside ``doel`` to build into; leftovers of builds that were killed are removed first."""
    doel = Path(doel).resolve()
    doel.parent.mkdir(parents=True, exist_ok=True)
    _ruim_resten_op(doel)
    map_ = Path(tempfile.mkdtemp(prefix=f"{_voorvoegsel(doel)}{os.getpid()}-", dir=doel.parent))
    _LOPEND.add(map_)
    _vang_beeindiging()
    return map_


def ruim_op(map_: Path | None) -> None:
    """Remove a temporary build folder (nothing happens when it was already swapped in or removed)."""
    if map_ is None:
        return
    _LOPEND.discard(Path(map_))
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
    """Remove temporary folders of earlier builds whose process no longer runs (killed, or the machine stopped)."""
    for rest in doel.parent.glob(_voorvoegsel(doel) + "*"):
        pid = rest.name.removeprefix(_voorvoegsel(doel)).split("-", 1)[0].removeprefix("oud")
        if rest.is_dir() and not rest.is_symlink() and pid.isdigit() and not _leeft(int(pid)):
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
