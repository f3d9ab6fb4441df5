# Two commands on a fresh machine: `make run` (the app) and `make test` (the tests). Both install what
# they need: a virtual environment with the pinned requirements, and (as root, via apt) Chromium for the
# browser tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.requirements-installed
PORT   ?= 8501

AXE    := .cache/node/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

.PHONY: install system-deps db run test clean extract load scale-db bench import import-template

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium and fonts, for the real-browser tests and image export. Skipped (with a note) when
# they are already there or when apt is not usable.
system-deps:
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi liberation; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium and fonts-liberation with apt-get"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation >/dev/null) \
	  || echo "note: apt-get could not install chromium; browser tests will be skipped outside CI"; \
	else echo "note: /usr/bin/chromium missing and apt-get not usable; browser tests will be skipped outside CI"; fi

# axe-core for the accessibility browser test, from npm into the git-ignored .cache/node.
$(AXE):
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix .cache/node axe-core@$(AXE_VERSION); \
	else echo "note: npm missing; the accessibility test will be skipped outside CI"; fi

db: $(STAMP)
	$(PY) -m provdash.build

# make extract IN=path/to/article [OUT=candidates.csv] [PUBLISHED=2024-08-16]
extract: $(STAMP)
	@test -n "$(IN)" || (echo "usage: make extract IN=path/to/article [OUT=candidates.csv] [PUBLISHED=YYYY-MM-DD]"; exit 2)
	$(PY) -m provdash.extract "$(IN)" $(if $(OUT),--out "$(OUT)") $(if $(PUBLISHED),--published $(PUBLISHED))

# make import IN=file.xlsx [BY=name]: a filled-in template workbook (or a .csv of observations citing stored
# sources) → the checks of `make db` on a scratch copy → appended rows, rebuilt database, audit-log line.
# Exits non-zero, listing "sheet, row, column: why", and changes nothing when any row fails.
import: $(STAMP)
	@test -n "$(IN)" || (echo "usage: make import IN=file.xlsx [BY=name]   (make import-template OUT=mau.xlsx for the template)"; exit 2)
	$(PY) -m provdash.importer "$(IN)" $(if $(BY),--by "$(BY)")

import-template: $(STAMP)
	$(PY) -m provdash.importer --template "$(or $(OUT),mau-nhap-so-lieu.xlsx)"

run: $(STAMP)
	$(PY) -m provdash.build --if-needed
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

# A synthetic national-scale database with the real schema (provdash/scale_db.py), e.g.
# `make scale-db ROWS=10000000 OUT=big.duckdb`, then `DASHBOARD_DB=big.duckdb make run`.
ROWS ?= 1000000
scale-db: $(STAMP)
	$(PY) -m provdash.scale_db --rows $(ROWS) --out "$(or $(OUT),bench/.cache/rows-$(ROWS).duckdb)"

# The performance targets, measured in one run (bench/run.py); writes bench/results.md. Not a test.
bench: $(STAMP) system-deps
	$(PY) -m bench

# 20 browser sessions through every page for 60 s with a save + rebuild in the middle (scripts/load_test.py).
load: $(STAMP) system-deps
	$(PY) scripts/load_test.py --sessions 20 --duration 60

test: $(STAMP) system-deps $(AXE)
	$(PY) -m pytest

clean:
	rm -rf $(VENV) data/indicators.duckdb .pytest_cache
