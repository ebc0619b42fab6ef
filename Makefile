# telnyx-oauth: make verbs. Every verb installs what it needs first, and only that,
# so any of them works on a fresh clone: the Python verbs need the venv alone; Node
# and Chromium come with the verbs that use them. CI runs `make check`; the verbs
# it runs never change tracked files.
#
#   venv             .venv (python3.11) with -e '.[sandbox,redis]' and the pinned dev group
#   install          venv, node tools (npm ci) and Debian chromium: all `make check` needs
#                    but Debian's redis-server, which `test` installs itself
#   generate         rebuild generated/telnyx_oauth_api from openapi/telnyx-oauth.yaml
#   check-generated  regenerate into a temp dir; fail if generated/ differs or is uncommitted
#   format           ruff check --fix + ruff format on hand-written code (changes files)
#   lint             ruff check + ruff format --check on hand-written code
#   typecheck        mypy: --strict on hand-written code and on generated/ (see pyproject)
#   spec-lint        openapi-spec-validator + Redocly lint (recommended); warnings fail
#   spec-diff        every spec change since the last release, classified; fail when
#                    info.version or openapi/CHANGELOG.md does not cover them
#   test             pytest with branch coverage, printed, failing under the floor in
#                    pyproject (ARGS=... passes options through); installs Debian's
#                    redis-server first (tests/stores start their own on a free port)
#   docs             docs/api-reference.html (Redocly build-docs)
#   demo             python examples/demo.py $(ARGS)
#   bench            python -m bench $(ARGS)
#   check            check-generated lint typecheck spec-lint spec-diff test

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SPEC := openapi/telnyx-oauth.yaml
GEN_PKG := generated/telnyx_oauth_api
HAND_WRITTEN := $(wildcard overlay sandbox tests bench examples tools)
# Copied into generated/ as they are: ruff checks them here, mypy there (they import the package).
RUNTIME := templates/runtime
ARGS ?=

# The generator's post_hooks call `ruff` from PATH: it must be the pinned one.
export PATH := $(CURDIR)/$(VENV)/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export REDOCLY_TELEMETRY := off
export REDOCLY_SUPPRESS_UPDATE_NOTICE := true
export DEBIAN_FRONTEND := noninteractive

# Redocly exits 0 on warnings; its JSON totals make them fail.
REDOCLY_NO_WARNINGS := import json, sys; t = json.load(sys.stdin)["totals"]; \
	print("redocly:", t["errors"], "error(s),", t["warnings"], "warning(s)"); \
	sys.exit(1 if t["errors"] or t["warnings"] else 0)

.PHONY: help venv node chromium install generate check-generated format lint typecheck spec-lint spec-diff test \
	docs demo bench check

help:
	@sed -n '1,/^$$/s/^# \{0,1\}//p' $(MAKEFILE_LIST)

VENV_READY := $(VENV)/.installed
NODE_READY := node_modules/.installed
CHROMIUM := /usr/bin/chromium

venv: $(VENV_READY)
node: $(NODE_READY)
chromium: $(CHROMIUM)
install: venv node chromium

# pip >= 25.1 reads dependency groups (--group); python3.11's ensurepip has an older one.
$(VENV_READY): pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet pip==26.3
	$(PY) -m pip install --quiet -e '.[sandbox,redis]' --group dev
	touch $@

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends chromium

# The token-store tests run a real redis-server; only `test` (and so `check`) needs it.
/usr/bin/redis-server:
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends redis-server

# tools/generate.py is the one place that knows how the generator is called.
generate: $(VENV_READY)
	$(PY) tools/generate.py

check-generated: $(VENV_READY)
	$(PY) tools/generate.py --check

format: $(VENV_READY)
	ruff check --fix $(HAND_WRITTEN) $(RUNTIME)
	ruff format $(HAND_WRITTEN) $(RUNTIME)

lint: $(VENV_READY)
	ruff check $(HAND_WRITTEN) $(RUNTIME)
	ruff format --check $(HAND_WRITTEN) $(RUNTIME)

typecheck: $(VENV_READY)
	mypy $(HAND_WRITTEN) $(wildcard $(GEN_PKG))

spec-lint: $(VENV_READY) $(NODE_READY)
	openapi-spec-validator $(SPEC)
	npx --no-install redocly lint --max-problems=1000 $(SPEC)
	npx --no-install redocly lint --format=json $(SPEC) 2>/dev/null | $(PY) -c '$(REDOCLY_NO_WARNINGS)'

# tools/spec_diff finds the releases in git and runs Optic's engine under Node.
spec-diff: $(VENV_READY) $(NODE_READY)
	$(PY) -m tools.spec_diff

# The docs suite needs node and chromium, so the whole suite installs everything; the token-store
# tests need redis-server too. Coverage is branch coverage of the three packages, measured
# in-process; its floor is in pyproject.toml.
test: install /usr/bin/redis-server
	$(VENV)/bin/pytest --cov --cov-report=term:skip-covered $(ARGS)

# --inlineBundle puts Redoc's scripts in the page (no CDN); the schemas group lists every schema.
# tests/docs/test_api_reference.py builds and browses the same page.
docs: $(VENV_READY) $(NODE_READY)
	mkdir -p docs
	npx --no-install redocly build-docs $(SPEC) --inlineBundle --openapi.schemaDefinitionsTagName=schemas \
		-o docs/api-reference.html

demo: $(VENV_READY)
	$(PY) examples/demo.py $(ARGS)

bench: $(VENV_READY)
	$(PY) -m bench $(ARGS)

check: check-generated lint typecheck spec-lint spec-diff test
