"""The editing loop under 'mkdocs serve': cached records and re-rendering only the pages that changed."""

from __future__ import annotations

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from regioagenda.records.laden import laad
from regioagenda.publiceren.mkdocsbestanden import GegenereerdePagina

BESLUIT_1 = "besluiten/0001-crisisbedden-borgen.md"
BESLUIT_2 = "besluiten/0002-nazorg-verkennen.md"


def test_cached_load_sees_every_edit(programma):
    assert not laad(programma.root, cache=True).problemen
    programma.vervang("decisions/0002-nazorg-verkennen.md", "## Aanleiding", "## Aanleiding\n\nNieuwe alinea.")
    tweede = laad(programma.root, cache=True)
    assert "Nieuwe alinea." in next(b.body for b in tweede.agenda.besluiten_op_nummer() if b.nummer == 2)
    programma.vervang("decisions/0002-nazorg-verkennen.md", "soort: signaal", "soort: signal")
    fout = laad(programma.root, cache=True)
    assert [str(p).split(":")[:2] for p in fout.problemen] == [["decisions/0002-nazorg-verkennen.md", "4"]]
    assert "bedoelde u 'signaal'?" in str(fout.problemen[0])


def _plugin(root, dirty: bool):
    """The plugins as 'mkdocs serve' runs them: started once, then one build per change."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    return config.plugins, config.plugins.on_config(config)


def _gewijzigd(plugins, config) -> dict[str, bool]:
    files = plugins.on_files(get_files(config), config=config)
    return {f.src_uri: f.is_modified() for f in files if isinstance(f, GegenereerdePagina)}


def test_dirty_serve_renders_only_the_pages_an_edit_changed(programma):
    plugin, config = _plugin(programma.root, dirty=True)
    eerste = _gewijzigd(plugin, config)
    assert {BESLUIT_1, BESLUIT_2} <= set(eerste) and all(eerste.values())
    assert not any(_gewijzigd(plugin, config).values())
    programma.vervang("decisions/0002-nazorg-verkennen.md", "## Aanleiding", "## Aanleiding\n\nNieuwe alinea.")
    derde = _gewijzigd(plugin, config)
    assert derde[BESLUIT_2] and not derde[BESLUIT_1]
    assert 0 < sum(derde.values()) < len(derde) / 2


def test_without_dirty_every_page_is_rendered_again(programma):
    plugin, config = _plugin(programma.root, dirty=False)
    _gewijzigd(plugin, config)
    assert all(_gewijzigd(plugin, config).values())
