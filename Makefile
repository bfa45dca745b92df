# Sharaka: `make run` to try it, `make test` to check it. Nothing else is needed
# but Python 3.12 or newer, Node.js with npm, and GNU make.
#
# DATABASE_URL, REDIS_URL and the other settings in the README are read from
# the environment as they are; this file never sets them.

.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra arguments for pytest: make test PYTEST_ARGS="tests/portal -x"
PYTEST_ARGS ?=

# The languages of the interface, and what makemessages must not read.
LANGUAGES := ar fr en
MAKEMESSAGES_ARGS := $(foreach l,$(LANGUAGES),-l $(l)) --ignore=node_modules \
	--ignore=staticfiles --ignore=media --ignore=test-artifacts --ignore=tests --ignore=bench
export MAKEMESSAGES_ARGS

# The first of python3, python3.13, python3.12 that is 3.12 or newer, as the
# real interpreter's path (not a version manager's shim). Only looked for when
# the virtualenv has to be made.
FIND_PYTHON = $(shell for p in python3 python3.13 python3.12; do \
	command -v $$p >/dev/null 2>&1 || continue; \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 || continue; \
	$$p -c 'import sys; print(sys.executable)'; break; done)
NEED_PYTHON := Sharaka needs Python 3.12 or newer; install it (e.g. pyenv install 3.12) and run make again

.PHONY: help run test install install-dev node migrate demo messages check-messages lint clean
.PHONY: backup restore

help:
	@echo "make run             set up, load the demo data and serve on http://$(HOST):$(PORT)/"
	@echo "make test            set up and run the whole test suite (browser tests included)"
	@echo "make install         virtualenv with the runtime packages, and the front-end packages"
	@echo "make migrate         apply database migrations"
	@echo "make demo            load the demo data (prints the admin logins)"
	@echo "make messages        extract and compile the ar, fr, en translations"
	@echo "make check-messages  fail if the translation catalogs are out of date"
	@echo "make lint            ruff check and ruff format --check"
	@echo "make clean           remove the virtualenv, node_modules, caches and test artifacts"
	@echo "make backup          write a dated archive of the database and the uploads to $(BACKUP_DIR)/"
	@echo "make restore ARCHIVE=path  restore an archive into an empty database and media folder"

# --- set-up --------------------------------------------------------------

$(PY):
	@python="$(FIND_PYTHON)"; \
	if [ -z "$$python" ]; then echo "$(NEED_PYTHON)" >&2; exit 1; fi; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
		{ echo "$(VENV) is older than Python 3.12: remove it. $(NEED_PYTHON)" >&2; exit 1; }

# The stamps make pip run again only when a requirements file changes.
$(VENV)/.installed-runtime: requirements.txt | $(PY)
	$(PIP) install --disable-pip-version-check -q -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

# Front-end packages (Leaflet; the HTML validator for the tests) from
# package-lock.json. Their install scripts are not needed and not run.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || \
		{ echo "Sharaka needs Node.js and npm for its front-end packages; install them and run make again" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

ifneq ($(wildcard package.json),)
node: node_modules/.installed
else
node:
endif

install: $(VENV)/.installed-runtime node

install-dev: $(VENV)/.installed-dev node

# --- running -------------------------------------------------------------

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

# Links in e-mails, QR codes and the loader's output name the address served,
# unless SITE_URL is given.
run demo: export SITE_URL ?= http://$(HOST):$(PORT)

# The task worker (it sends the e-mails) runs in the background beside the
# server and stops with it, however the server stops.
run: demo
	@echo
	@echo "Sharaka is served on http://$(HOST):$(PORT)/ (Arabic: http://$(HOST):$(PORT)/ar/)"
	@echo "Back office: http://$(HOST):$(PORT)/admin/ (sign in with an admin login printed above)"
	@echo "E-mails are sent by the task worker started beside it."
	@echo "Stop both with Ctrl-C."
	@echo
	@$(MANAGE) db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver $(HOST):$(PORT)

# --- backups -------------------------------------------------------------
# One dated archive (database, uploaded files, manifest of row counts and
# checksums); restore refuses a database or media folder that is not empty
# unless FORCE=yes. See README, "Backups".

BACKUP_DIR ?= backups
ARCHIVE ?=
FORCE ?=

backup: install
	$(MANAGE) backup --output-dir "$(BACKUP_DIR)"

restore: install
	@if [ -z "$(ARCHIVE)" ]; then echo "Name the archive: make restore ARCHIVE=backups/sharaka-backup-....tar.gz" >&2; exit 2; fi
	$(MANAGE) restore "$(ARCHIVE)" $(if $(filter yes,$(FORCE)),--force)

# --- checking ------------------------------------------------------------

test: install-dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	$(MANAGE) makemessages $(MAKEMESSAGES_ARGS)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

check-messages: install
	PYTHON=$(PY) .ci/check-messages

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache test-artifacts staticfiles
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
