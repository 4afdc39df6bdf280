"""When each record last changed, as git knows it: the commit time of the last commit that touched its file.

The feeds date an entry by it when the record itself says no day (``samenstellen.feeds``). The history is read
once per build, with one ``git log`` for every record folder; a programme outside git, a missing git, a
repository without commits or a git that fails all give an empty answer, never an error.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

from regioagenda.records.paden import RECORDMAPPEN

TIJDSLIMIET = 60
"""Seconds one ``git log`` may take; slower, and the feeds do without."""

_KOP = "\x01"
"""Starts and ends the line ``git log`` writes for each commit (``%x01%ct%x01``: its commit time); no record's name
looks like it."""


def laatst_gewijzigd(root: Path, mappen: Iterable[str] = RECORDMAPPEN) -> dict[str, dt.datetime]:
    """Path of each committed file in ``mappen`` (relative to the programme ``root``, as ``Besluit.bestand`` names
    it) → the commit time, in UTC, of the last commit that touched it.

    One ``git log`` for all files. A file not yet committed is absent; so is everything when ``root`` is not in a
    git work tree, git is not installed, the repository has no commits or git fails in any other way ({}).
    Merge commits are skipped: a change is dated by the commit that made it. A shallow clone dates every file
    at the oldest commit it holds, which is why the publish workflow fetches the whole history.
    """
    git = shutil.which("git")
    if git is None:
        return {}
    # -c before the command: settings a user may have that would change the output read below
    opdracht = [git, "-C", str(root), "-c", "log.showRoot=true", "-c", "log.showSignature=false", "log"]
    opdracht += ["-z", "--no-merges", "--no-renames", "--relative", "--name-only", "--format=%x01%ct%x01"]
    opdracht += ["--", *mappen]
    # Only this repository decides: no system settings, no GIT_DIR or GIT_WORK_TREE from a calling hook.
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {"GIT_CONFIG_NOSYSTEM": "1"}
    try:
        uit = subprocess.run(
            opdracht,
            capture_output=True,
            timeout=TIJDSLIMIET,
            check=False,
            env=omgeving,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    if uit.returncode != 0:
        return {}
    return _lees(os.fsdecode(uit.stdout))


def _lees(uitvoer: str) -> dict[str, dt.datetime]:
    """Parse ``git log -z --name-only`` output: a commit-time line per commit, then the files it touched."""
    gewijzigd: dict[str, dt.datetime] = {}
    moment: dt.datetime | None = None
    for deel in uitvoer.split("\0"):
        deel = deel.lstrip("\n")  # the blank line between a commit's line and its files
        if deel.startswith(_KOP):
            try:
                moment = dt.datetime.fromtimestamp(int(deel.strip(_KOP)), dt.UTC)
            except (OverflowError, OSError, ValueError):
                moment = None  # not a time a calendar holds: the files of this commit are not dated by it
        elif deel and moment is not None and (deel not in gewijzigd or moment > gewijzigd[deel]):
            # git lists newest first, but a commit may be dated before its parent: the latest time counts
            gewijzigd[deel] = moment
    return gewijzigd


__all__ = ["laatst_gewijzigd"]
