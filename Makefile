# Twee commando's doen alle voorbereiding:
#   make site   maakt een virtuele omgeving, installeert alles en toont de site (het adres staat in de uitvoer)
#   make test   installeert wat de tests nodig hebben (ook Chromium) en draait de hele testsuite
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site site-snel benchmark bewerklus lighthouse test check build chromium pango controleurs vergrendel uitgave

# Alles komt uit requirements/test.txt: vaste versies met hashes, dus niets wat pas bij het installeren wordt gekozen.
$(VENV)/.geinstalleerd: pyproject.toml requirements/test.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	@# Metadata of an older layout would shadow the installed entry points; 'uitvoeringsagenda' is the earlier name.
	rm -rf *.egg-info
	$(PY) -m pip uninstall --quiet -y uitvoeringsagenda 2>/dev/null || true
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Nieuwe versies vastleggen (na een wijziging van de afhankelijkheden in pyproject.toml): maakt beide lijsten opnieuw.
# De lijst van de site hoort bij de generator zelf: programma's krijgen haar in hun requirements.txt.
vergrendel:
	python3 -m venv .venv-uv && .venv-uv/bin/python -m pip install --quiet uv
	.venv-uv/bin/uv pip compile pyproject.toml requirements/bouw.in \
	  --universal --python-version 3.11 --generate-hashes --no-header --quiet -o generator/vergrendeling/site.txt
	.venv-uv/bin/uv pip compile pyproject.toml requirements/bouw.in --extra test \
	  --universal --python-version 3.11 --generate-hashes --no-header --quiet -o requirements/test.txt
	rm -rf .venv-uv

# Eerst de controle: MkDocs voert code uit mkdocs.yml uit voordat de eigen controle van de site meedoet.
site: $(VENV)/.geinstalleerd
	$(VENV)/bin/agenda bekijk --poort 8000

# Voor grote programma's: na een wijziging worden alleen de veranderde pagina's opnieuw gemaakt.
site-snel: $(VENV)/.geinstalleerd
	$(VENV)/bin/agenda bekijk --snel --poort 8000

# Meet controle, samenstelling en bouw op synthetische programma's (geen test; duurt enkele minuten).
benchmark: $(VENV)/.geinstalleerd
	$(PY) benchmarks/bench.py

bewerklus: $(VENV)/.geinstalleerd
	$(PY) benchmarks/bewerklus.py

check: $(VENV)/.geinstalleerd
	$(VENV)/bin/agenda controleer

# Een lokale bouw wijst naar het adres van 'make site'; de publicatieworkflow geeft het echte adres mee.
build: $(VENV)/.geinstalleerd pango
	AGENDA_SITE_URL="$${AGENDA_SITE_URL:-http://127.0.0.1:8000/}" $(VENV)/bin/agenda bouw

# Een uitgave op deze computer, zoals de workflow Uitgave haar maakt: het wiel (met de tijd van de laatste commit,
# dus steeds hetzelfde) en de requirements.txt voor programma's, in dist/. Om een nieuwe regio lokaal te proberen:
# agenda start MAP --generator dist/regioagenda-<versie>-py3-none-any.whl
uitgave: $(VENV)/.geinstalleerd
	rm -f dist/regioagenda-*.whl dist/requirements.txt
	SOURCE_DATE_EPOCH="$$(git log -1 --format=%ct)" $(PY) -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist .
	$(VENV)/bin/agenda vereisten --generator dist/regioagenda-*.whl > dist/requirements.txt
	@echo "Uitgave in dist/: $$(cd dist && ls regioagenda-*.whl) en requirements.txt"

# De browsertests gebruiken Chromium uit Debian (geen eigen browserdownload van Playwright).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Chromium installeren voor de browsertests..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# De PDF van de agenda (WeasyPrint) tekent met Pango, een bibliotheek van het systeem.
pango:
	@/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || { \
	  echo "Pango installeren voor de PDF van de agenda..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; }

# Lighthouse (npm, op Debians Chromium) over elk soort pagina van beide sites; een meting, geen test (enkele minuten).
lighthouse: $(VENV)/.geinstalleerd chromium
	$(PY) tests/lighthouse/meet.py

# Controleurs die niemand hier schreef: de Nu Html Checker (Java, uit Debian) en de iCal-lezer van Mozilla (npm).
controleurs: tests/checkers/node_modules/.geinstalleerd
tests/checkers/node_modules/.geinstalleerd: tests/checkers/package.json tests/checkers/package-lock.json
	@command -v java >/dev/null 2>&1 || { \
	  echo "Java installeren voor de Nu Html Checker..."; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }
	cd tests/checkers && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.geinstalleerd chromium pango controleurs
	$(PY) -m pytest
