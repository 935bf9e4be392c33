# The two commands a newcomer needs: `make serve` and `make test`. Everything else is what they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: serve test test-deep install chromium lint format check bench ci

serve: install
	@scripts/serve

test: install chromium
	@scripts/test $(PYTEST_ARGS)

# Before a release: the property tests draw five times as many examples, at random (Hypothesis profile "deep").
test-deep: install chromium
	@HYPOTHESIS_PROFILE=deep scripts/test $(PYTEST_ARGS)

install: $(STAMP)

# Reinstall only when a requirements file changes, so a second `make serve` starts in seconds.
$(STAMP): requirements.txt requirements-dev.txt requirements-es.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-es.txt
	@touch $(STAMP)

# The browser tests drive Debian's Chromium; no browser is ever downloaded by Playwright.
chromium:
	@scripts/ensure-chromium

# Style and the architecture contracts of ../shared/DESIGN.md (import-linter, in pyproject.toml).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

check: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) manage.py elasticsearch start
	$(PY) bench/page_bench.py
	$(PY) bench/search_bench.py
	$(PY) bench/people_bench.py
	$(PY) bench/command_center_bench.py
	$(PY) bench/http_bench.py

ci:
	bash .ci/run
