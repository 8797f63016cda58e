# IR Atlas: `make run` to try the site, `make test` to test it, `make lint` before committing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

# The first interpreter found that is Python 3.12 or newer. Environment variables such as
# DATABASE_URL reach the recipes unchanged, so `DATABASE_URL=postgres://… make test` works.
PYTHON := $(shell for p in python3.12 python3.13 python3 $$HOME/.pyenv/versions/3.1[2-9]*/bin/python; do \
	  "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v "$$p"; break; }; \
	done)


NODE_STAMP := node_modules/.installed

.PHONY: help run test lint format venv install messages clean

help:
	@echo "make run     install, migrate, load the sample corpus and serve on 127.0.0.1:$(PORT)"
	@echo "make test    install and run the test suite (set DATABASE_URL to test on PostgreSQL)"
	@echo "make lint    ruff check and ruff format --check"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make clean   remove the virtualenv, caches and the local SQLite database"

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
	  echo "error: IR Atlas needs Python 3.12 or newer; none of python3.12, python3.13, python3 or ~/.pyenv/versions/3.1x is." >&2; \
	  exit 1; fi
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies in pyproject.toml have changed. The project installs
# no packages of its own (it runs from this folder), so a plain install is all it takes; the
# build leaves metadata behind that is removed so it never shows up in git.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	rm -rf build ir_atlas.egg-info
	touch $(STAMP)

venv install: $(STAMP) $(NODE_STAMP)

# Test-only JavaScript tools (axe-core, the Nu HTML Checker) from the npm registry, pinned by
# package-lock.json. vnu-jar's install script (a Java download) is not needed: Java is local.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: the tests need Node.js and npm (apt-get install nodejs npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NODE_STAMP)

# Compile translation catalogs when there are any; committed .mo files do without msgfmt.
messages: $(STAMP)
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
	  if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages -v0; \
	  elif ls locale/*/LC_MESSAGES/*.mo >/dev/null 2>&1; then echo "msgfmt missing: using the committed .mo files"; \
	  else echo "error: locale/ has .po files but no .mo files and msgfmt is missing (apt-get install gettext)" >&2; exit 1; fi; \
	fi

run: messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_corpus
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages $(NODE_STAMP)
	$(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache var/db.sqlite3*
