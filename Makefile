# Twee commando's doen alle voorbereiding:
#   make site   maakt een virtuele omgeving, installeert alles en toont de site op http://127.0.0.1:8000
#   make test   installeert wat de tests nodig hebben en draait de hele testsuite
VENV ?= .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test check build

$(VENV)/.geinstalleerd: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

site: $(VENV)/.geinstalleerd
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

check: $(VENV)/.geinstalleerd
	$(VENV)/bin/agenda check

build: $(VENV)/.geinstalleerd
	$(VENV)/bin/mkdocs build --strict

test: $(VENV)/.geinstalleerd
	$(PY) -m pytest
