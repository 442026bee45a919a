# Two commands for a fresh machine: `make serve` and `make test`. Both install what is
# missing first (Python venv, node_modules) and are safe to run again.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: serve build check new grade test bench bench-grade setup browser sandbox clean

serve: build
	$(PY) -m sitebuild.authoring.serve --port $(PORT) --watch

build: setup
	$(PY) build.py

# Checks every problem (or one: make check problem=<slug>) before it ships.
check: setup
	$(PY) build.py check $(problem)

# Starts a new problem folder: make new name=<slug> [shape=function|tuple|dict|class|scenario]
new: setup
	@test -n "$(name)" || { echo "Say which problem to create: make new name=<slug> [shape=function|tuple|dict|class|scenario]"; exit 2; }
	$(PY) build.py new $(name) $(if $(shape),--shape $(shape))

# Regrades handed-in files: make grade files="hand-ins/" [problem=<slug>] [csv=grades.csv]
grade: setup sandbox
	@test -n "$(files)" || { echo "Say what to grade: make grade files=\"<files or folders>\" (see docs/teaching.md)"; exit 2; }
	$(PY) build.py grade $(files) $(if $(problem),--problem $(problem)) $(if $(csv),--csv $(csv)) $(if $(jobs),--jobs $(jobs))

# Everything: the page modules under node --test, then pytest (unit, build, corpus, page).
# Without a browser: .venv/bin/python -m pytest -m "not browser"
test: setup browser sandbox
	node --test tests/node/
	$(PY) -m pytest

# Measures the page's speed against a naive Pyodide page (docs/performance.md): make bench ROUNDS=3
bench: setup browser
	$(PY) -m bench.run $(if $(ROUNDS),--rounds $(ROUNDS))

# Measures how fast `build.py grade` regrades a class of 300 hand-ins (docs/teaching.md)
bench-grade: setup sandbox
	$(PY) -m bench.grading

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The browser tests drive Debian's Chromium, and the cross-engine test Firefox ESR and
# WebKitGTK; install them when we are allowed to.
browser:
	@scripts/ensure-chromium
	@scripts/ensure-other-browsers

# On Linux, the regrade runs learner code inside bubblewrap (docs/teaching.md); install it when we are allowed to.
sandbox:
	@scripts/ensure-bubblewrap

clean:
	rm -rf _site .cache .pytest_cache
