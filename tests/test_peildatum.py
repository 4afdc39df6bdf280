"""One peildatum rule for the plugin and the commands: option, then AGENDA_PEILDATUM, then today."""

from __future__ import annotations

import datetime as dt

import pytest
from mkdocs.exceptions import PluginError

from regioagenda.peildatum import OngeldigePeildatum, kies_peildatum
from regioagenda.publiceren.config import peildatum as plugin_peildatum
from regioagenda.werkstroom.peildatum import standaard_peildatum


def test_the_option_goes_before_the_environment(monkeypatch):
    monkeypatch.setenv("AGENDA_PEILDATUM", "2025-01-01")
    assert kies_peildatum("2024-04-01", "mkdocs.yml") == dt.date(2024, 4, 1)
    assert kies_peildatum(None, "mkdocs.yml") == dt.date(2025, 1, 1)


def test_a_wrong_date_names_where_it_was_set(monkeypatch):
    monkeypatch.setenv("AGENDA_PEILDATUM", "1-4-2024")
    with pytest.raises(OngeldigePeildatum, match="peildatum '1-4-2024' in AGENDA_PEILDATUM is geen datum — verwacht"):
        kies_peildatum(None, "mkdocs.yml")
    with pytest.raises(PluginError, match="peildatum '1-4-2024' in AGENDA_PEILDATUM is geen datum"):
        plugin_peildatum(None)


def test_plugin_and_commands_agree(programma, monkeypatch):
    monkeypatch.delenv("AGENDA_PEILDATUM", raising=False)
    assert standaard_peildatum(programma.root) == plugin_peildatum("2024-04-01") == dt.date(2024, 4, 1)
