# telnyx-oauth: make verbs. Every verb installs what it needs first, and only that,
# so any of them works on a fresh clone: the Python verbs need the venv alone; Node,
# Chromium, Java and Go come with the verbs that use them. CI runs `make check`; the
# verbs it runs never change tracked files.
#
#   venv             .venv (python3.11): the client (-e '.[all]'), the sandbox (-e ./sandbox)
#                    and the pinned dev group
#   install          venv, node tools (npm ci), Debian chromium, and Debian's Java and Go for
#                    the Go example (openapi-generator, pinned in the venv, runs on Java):
#                    all `make check` needs but redis-server, which `test` installs itself
#   generate         rebuild generated/telnyx_oauth_api from openapi/telnyx-oauth.yaml; a failed
#                    generation leaves generated/ as it was
#   check-generated  regenerate into a temp dir; fail if generated/ differs or is uncommitted
#   format           ruff check --fix + ruff format on hand-written code (changes files)
#   lint             ruff check + ruff format --check on hand-written code
#   typecheck        mypy: --strict on hand-written code and on generated/ (see pyproject)
#   spec-lint        openapi-spec-validator, Redocly lint (recommended) and Spectral lint
#                    (spectral:oas, .spectral.yaml); warnings fail
#   spec-diff        every spec change since the last release, classified; fail when
#                    info.version or openapi/CHANGELOG.md does not cover them
#   test             pytest with branch coverage, printed, failing under the floor in
#                    pyproject (ARGS=... passes options through); installs Debian's
#                    redis-server first (tests/stores start their own on a free port)
#   docs             docs/api-reference.html (Redocly build-docs)
#   dist             dist/: wheel and sdist of telnyx-oauth (the client) and of
#                    telnyx-oauth-sandbox, built offline with hatchling; twine check --strict
#   demo             python examples/demo.py $(ARGS)
#   web-demo         the sandbox and examples/web_app.py together; prints the URL to open
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

.PHONY: help venv node chromium java go install generate check-generated format lint typecheck spec-lint spec-diff test \
	dist docs demo web-demo bench check

help:
	@sed -n '1,/^$$/s/^# \{0,1\}//p' $(MAKEFILE_LIST)

VENV_READY := $(VENV)/.installed
NODE_READY := node_modules/.installed
CHROMIUM := /usr/bin/chromium
JAVA := /usr/bin/java
GO := /usr/bin/go

venv: $(VENV_READY)
node: $(NODE_READY)
chromium: $(CHROMIUM)
java: $(JAVA)
go: $(GO)
install: venv node chromium java go

# pip >= 25.1 reads dependency groups (--group); python3.11's ensurepip has an older one.
$(VENV_READY): pyproject.toml sandbox/pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet pip==26.3
	$(PY) -m pip install --quiet -e '.[all]' -e ./sandbox --group dev
	touch $@

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(CHROMIUM):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends chromium

# tests/docs/test_go_example.py: openapi-generator (its PyPI wheel carries the jar) needs a JRE;
# the generated client and the example build with Debian's Go, standard library only.
$(JAVA):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends default-jre-headless

$(GO):
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get update
	$(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y --no-install-recommends golang-go

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
	npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity=hint $(SPEC)

# tools/spec_diff finds the releases in git and runs Optic's engine under Node.
spec-diff: $(VENV_READY) $(NODE_READY)
	$(PY) -m tools.spec_diff

# The docs suite needs node, chromium, Java and Go, so the whole suite installs everything; the token-store
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

# Two distributions: the client from the repo root, the sandbox from sandbox/ (its build hook
# copies the spec in). --no-isolation builds with the pinned hatchling of the dev group, offline.
dist: $(VENV_READY)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(PY) -m build --no-isolation --outdir dist sandbox
	$(PY) -m twine check --strict dist/*

demo: $(VENV_READY)
	$(PY) examples/demo.py $(ARGS)

web-demo: $(VENV_READY)
	$(PY) tools/web_demo.py $(ARGS)

bench: $(VENV_READY)
	$(PY) -m bench $(ARGS)

check: check-generated lint typecheck spec-lint spec-diff test
