"""A failed build never destroys the site that was there before."""

from __future__ import annotations

import os
import subprocess
import sys

from sitebouw import mkdocs_build


def _bestanden(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))


def test_broken_record_keeps_the_previous_site(programma, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    voor = _bestanden(site)
    programma.vervang("decisions/0001-crisisbedden-borgen.md", "soort: besluit", "soort: besluitt")
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 1
    assert _bestanden(site) == voor and len(voor) > 40


def test_quiet_flag_does_not_switch_off_strict_warnings(programma, tmp_path):
    site = tmp_path / "site"
    assert mkdocs_build(programma.root / "mkdocs.yml", site).returncode == 0
    voor = _bestanden(site)
    programma.schrijf("docs/over.md", "# Over\n\n[kapotte link](bestaat-niet.md)\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    uit = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(programma.root / "mkdocs.yml"),
                          "-d", str(site)], capture_output=True, text=True, env=env)
    assert uit.returncode == 1
    assert "waarschuwing(en) in strikte modus — de vorige site blijft staan" in uit.stderr
    assert _bestanden(site) == voor
