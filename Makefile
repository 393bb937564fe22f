# Kshamta: `make run` and `make test` are all you need (see README.md).
# Both create the virtualenv on first use and reinstall it whenever pyproject.toml changes.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.kshamta-installed
# The newest Python >= 3.11 on PATH; override with `make PYTHON=/path/to/python3.12 ...`.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for p in python3.14 python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
endif
HOST ?= 127.0.0.1
PORT ?= 8000
I18N_IGNORE := --ignore=.venv --ignore=$(VENV) --ignore=var --ignore=bench --ignore=node_modules

.PHONY: help run test lint messages venv

help:
	@echo "make run       migrate, load the demo data, start the worker and http://$(HOST):$(PORT)/"
	@echo "make test      the whole test suite (browser tests need /usr/bin/chromium)"
	@echo "make lint      ruff check, ruff format --check, mypy"
	@echo "make messages  update locale/hi/LC_MESSAGES/django.po from the code and compile django.mo"

venv: $(STAMP)

# (Re)install when pyproject.toml is newer than the stamp. A Python without the venv module's
# ensurepip (Debian without python3-venv) still works: an empty venv, then pip installs pip into it.
$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Kshamta needs Python 3.11 or newer on PATH (or make PYTHON=...)." >&2; exit 1; fi
	@if [ ! -x "$(PY)" ]; then \
		echo "Creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv "$(VENV)" 2>/dev/null || { \
			echo "($(PYTHON) has no ensurepip: creating $(VENV) without pip and installing pip into it)"; \
			$(PYTHON) -m venv --clear --without-pip "$(VENV)" \
			&& $(PYTHON) -m pip --python "$(PY)" install --quiet --disable-pip-version-check pip; } || exit 1; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	@touch "$(STAMP)"

run: export DEBUG := 1
run: $(STAMP)
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Starting the background worker and http://$(HOST):$(PORT)/ (Ctrl-C stops both)"
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py run_worker --no-reload & worker=$$!; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Two runs: the browser tests get their own (file-based, on SQLite) test database, so the live
# server's threads each have a connection of their own instead of sharing one in-memory database.
test: $(STAMP)
	$(PY) -m pytest kshamta $(PYTEST_ARGS)
	$(PY) -m pytest tests_e2e $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy kshamta config

# makemessages needs GNU gettext (apt-get install gettext); the compiled .mo is committed so
# that a machine with only pip still shows Hindi.
messages: $(STAMP)
	$(PY) manage.py makemessages -l hi --no-obsolete $(I18N_IGNORE)
	$(PY) manage.py compilemessages -l hi $(I18N_IGNORE)
