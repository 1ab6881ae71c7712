# stadtdo.sozialnetz: `make start` serves a demo site, `make test` runs all tests.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTANCE := $(CURDIR)/instance
HOST ?= 127.0.0.1
PORT ?= 8080
STAMP := $(VENV)/.installed
AXE_VERSION := 4.14.1
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade -c constraints.txt pip setuptools wheel

# "Plone" brings the Classic UI distribution the site is created with; the
# add-on itself only needs Products.CMFPlone (setup.py).
$(STAMP): $(BIN)/python setup.py constraints.txt Makefile
	@$(MAKE) --no-print-directory ldap-build-deps
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test,ldap,cluster]" Plone
	touch $(STAMP)

.PHONY: install
install: $(STAMP) ## Create the venv and install everything pinned (constraints.txt)

instance/etc/zope.conf: instance/etc/zope.conf.in
	sed -e 's|@INSTANCE@|$(INSTANCE)|g' $< > $@

instance/etc/zope.ini: instance/etc/zope.ini.in Makefile
	sed -e 's|@INSTANCE@|$(INSTANCE)|g' -e 's|@HOST@|$(HOST)|g' -e 's|@PORT@|$(PORT)|g' $< > $@

.PHONY: instance
instance: instance/etc/zope.conf instance/etc/zope.ini ## Render the instance configuration
	mkdir -p instance/var/filestorage instance/var/blobstorage instance/var/log instance/var/cache

.PHONY: create-site
create-site: install instance ## Create the site "Plone" with the demo set (only if missing)
	$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

.PHONY: upgrade
upgrade: install instance ## Upgrade the site in place (instance stopped, after make backup), then check it
	$(BIN)/zconsole run instance/etc/zope.conf scripts/aktualisieren.py
	$(MAKE) --no-print-directory pruefen

.PHONY: pruefen
pruefen: install instance ## Check the whole database (instance stopped): broken objects, catalog, votes
	$(BIN)/sozialnetz-pruefen --zope-conf instance/etc/zope.conf

# Backups (scripts/sicherung.py): BACKUP_DIR, BEHALTEN (newest N kept),
# VOLL=1 (full instead of incremental), STAND=<ID> (restore that one).
BACKUP_DIR ?= $(INSTANCE)/var/backups
BEHALTEN ?= 14
SICHERUNG_FS := --datafs $(INSTANCE)/var/filestorage/Data.fs --blobs $(INSTANCE)/var/blobstorage --ziel $(BACKUP_DIR)
SICHERUNG_CLUSTER := --cluster-var $(INSTANCE)/var --pg-port 15432 --ziel $(BACKUP_DIR)-cluster

.PHONY: backup
backup: install ## Back up Data.fs (repozo, incremental; VOLL=1 full) and blobs, keep the newest BEHALTEN (14)
	$(BIN)/python scripts/sicherung.py sichern $(SICHERUNG_FS) --behalten $(BEHALTEN) $(if $(VOLL),--voll)

.PHONY: restore
restore: install ## Restore the newest backup (or STAND=<ID>) with the instance stopped, then check it
	$(BIN)/python scripts/sicherung.py wiederherstellen $(SICHERUNG_FS) $(if $(STAND),--stand $(STAND))
	$(BIN)/sozialnetz-pruefen --zope-conf instance/etc/zope.conf

.PHONY: backup-cluster
backup-cluster: install cluster-deps ## Back up the cluster's PostgreSQL database (pg_dump) and shared blobs
	$(BIN)/python scripts/sicherung.py sichern $(SICHERUNG_CLUSTER) --behalten $(BEHALTEN)

.PHONY: restore-cluster
restore-cluster: install cluster-deps ## Stop the cluster, restore its newest backup (or STAND=<ID>), check it
	$(BIN)/python scripts/cluster.py stop --var $(INSTANCE)/var $(CLUSTER_PORTS)
	$(BIN)/python scripts/sicherung.py wiederherstellen $(SICHERUNG_CLUSTER) $(if $(STAND),--stand $(STAND))
	$(BIN)/sozialnetz-pruefen --zope-conf $(INSTANCE)/var/etc/zope.conf
	@echo "Wiederhergestellt; starten mit: make start-cluster"

.PHONY: start
start: create-site ## Install, create the demo site if missing, serve http://localhost:8080/Plone
	@echo "Serving http://localhost:$(PORT)/Plone (Ctrl-C stops)"
	$(BIN)/runwsgi instance/etc/zope.ini

# python-ldap (pas.plugins.ldap, sign-in from the directory) builds from source
# against OpenLDAP's and Cyrus SASL's headers.
LDAP_BUILD_PACKAGES := libldap2-dev libsasl2-dev gcc python3-dev

.PHONY: ldap-build-deps
ldap-build-deps: ## Debian's headers python-ldap is built against (before pip runs)
	@dpkg -s $(LDAP_BUILD_PACKAGES) >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(LDAP_BUILD_PACKAGES); \
	  else \
	    echo "python-ldap braucht: sudo apt-get install $(LDAP_BUILD_PACKAGES)"; exit 1; \
	  fi; }

.PHONY: ldap-deps
ldap-deps: ## Debian's OpenLDAP server for the LDAP tests (tests/ldap)
	@{ command -v slapd || test -x /usr/sbin/slapd; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils; \
	  else \
	    echo "Die LDAP-Tests brauchen slapd: sudo apt-get install slapd ldap-utils"; exit 1; \
	  fi; }

.PHONY: browser-deps
browser-deps: $(AXE) ## Debian's Chromium and axe-core (npm) for the browser tests
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Die Browser-Tests brauchen Chromium: sudo apt-get install chromium"; exit 1; \
	  fi; }

$(AXE):
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)

# PostgreSQL and HAProxy from Debian for the cluster (and its tests).
.PHONY: cluster-deps
cluster-deps: ## Debian's PostgreSQL and HAProxy for the cluster and its tests
	@{ ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && command -v haproxy >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql haproxy; \
	  else \
	    echo "Der Cluster braucht PostgreSQL und HAProxy: sudo apt-get install postgresql haproxy"; exit 1; \
	  fi; }

CLUSTER_PORTS := --port $(PORT) --instances 8081,8082 --pg-port 15432

.PHONY: start-cluster
start-cluster: install cluster-deps ## PostgreSQL + 2 Zope instances (:8081, :8082) + HAProxy on :8080, in the background
	$(BIN)/python scripts/cluster.py start --var $(INSTANCE)/var $(CLUSTER_PORTS)

.PHONY: stop-cluster
stop-cluster: ## Stop HAProxy, the Zope instances and PostgreSQL of start-cluster
	$(BIN)/python scripts/cluster.py stop --var $(INSTANCE)/var $(CLUSTER_PORTS)

.PHONY: status-cluster
status-cluster: ## Which processes of the cluster run
	$(BIN)/python scripts/cluster.py status --var $(INSTANCE)/var $(CLUSTER_PORTS)

# Load test on loopback ports of its own (18080-18182, PostgreSQL 15433), each
# mode in a fresh directory instance/var/loadtest-<mode>; stops by itself.
LOADTEST_ARGS ?= --votes 1000 --creates 200

.PHONY: loadtest
loadtest: install cluster-deps ## Load test: 1,000 votes + 200 creates on one instance (FileStorage), then on the cluster
	$(BIN)/python scripts/loadtest.py --modus single $(LOADTEST_ARGS)
	$(BIN)/python scripts/loadtest.py --modus cluster $(LOADTEST_ARGS)

.PHONY: loadtest-kill
loadtest-kill: install cluster-deps ## Load test on the cluster, one instance killed (SIGKILL) under load
	$(BIN)/python scripts/loadtest.py --modus kill $(LOADTEST_ARGS)

.PHONY: test
test: install browser-deps ldap-deps cluster-deps ## Run the whole test suite (with the browser, LDAP and cluster tests)
	$(BIN)/pytest

# Without the tests that start Chromium, a cluster, slapd or Zope instances of
# their own (markers by directory: tests/conftest.py).
.PHONY: test-fast
test-fast: install ## Run the tests without browser, cluster, LDAP and slow ones (markers), on two workers
	$(BIN)/pytest -m "not browser and not cluster and not ldap and not slow" -n 2 --dist loadfile

# Plone's own tests (plone.restapi, Products.CMFPlone, plone.app.users, ...)
# for users, groups, sharing, workflow, search and the Site Administrator
# role, with the add-on installed in their fixture; the upstream tests that
# fail because of what the install adds are listed with their reason in
# scripts/plone_tests_bekannt.txt (scripts/plone_tests.py says how).
.PHONY: test-plone
test-plone: install ## Plone's own tests with the add-on installed (scripts/plone_tests_bekannt.txt)
	$(BIN)/python scripts/plone_tests.py

# every zcml file of the add-on, kept in zpretty's format (make format)
ZCML = $(shell find src -name '*.zcml')

.PHONY: format
format: install ## Format the code (ruff) and the zcml files (zpretty)
	$(BIN)/pip install --quiet -c constraints.txt ruff zpretty
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/zpretty -i $(ZCML)

.PHONY: lint
lint: install ## ruff, codespell, zpretty, the import contracts, mypy, the translations (i18n-check) and the documentation (make docs)
	$(BIN)/pip install --quiet -c constraints.txt ruff codespell zpretty import-linter mypy
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/codespell src tests scripts README.rst CHANGES.rst docs/*.rst news
	$(BIN)/zpretty --check $(ZCML)
	PYTHONPATH=src $(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(MAKE) --no-print-directory i18n-check
	$(MAKE) --no-print-directory docs

# Translations (i18ndude): message ids are the German texts; the .pot is built
# from _() in the code, the templates and the zcml/GenericSetup profiles, and
# the de and en catalogs are synced to it.
LOCALES := src/stadtdo/sozialnetz/locales
POT := $(LOCALES)/stadtdo.sozialnetz.pot
I18NDUDE := $(BIN)/i18ndude
I18NDUDE_VERSION := 6.3.0
REBUILD_POT = $(I18NDUDE) rebuild-pot --no-line-numbers src/stadtdo/sozialnetz --pot

$(I18NDUDE): | $(STAMP)
	$(BIN)/pip install --quiet -c constraints.txt i18ndude==$(I18NDUDE_VERSION)

.PHONY: i18n
i18n: install $(I18NDUDE) ## Rebuild locales/stadtdo.sozialnetz.pot and sync the de and en catalogs with it
	$(REBUILD_POT) $(POT)
	$(I18NDUDE) sync --pot $(POT) $(LOCALES)/*/LC_MESSAGES/stadtdo.sozialnetz.po

# No template text without i18n:translate, and the committed .pot is what
# make i18n would write (the creation date aside).
.PHONY: i18n-check
i18n-check: install $(I18NDUDE) ## Templates fully translated (find-untranslated) and the .pot up to date
	$(I18NDUDE) find-untranslated -s src/stadtdo/sozialnetz
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && cp $(POT) "$$tmp/current.pot" && \
	  $(REBUILD_POT) "$$tmp/current.pot" >/dev/null && \
	  diff -u -I '^"POT-Creation-Date: ' $(POT) "$$tmp/current.pot" || \
	  { echo "$(POT) is not up to date: run make i18n"; exit 1; }

# Sphinx builds in a venv of its own: no Sphinx for Python 3.11 accepts the
# docutils that constraints.txt pins for Plone (docs/requirements.txt).
DOCS_VENV := .venv-docs
DOCS_STAMP := $(DOCS_VENV)/.installed

$(DOCS_STAMP): docs/requirements.txt
	$(PYTHON) -m venv $(DOCS_VENV)
	$(DOCS_VENV)/bin/pip install --quiet -r docs/requirements.txt
	touch $(DOCS_STAMP)

.PHONY: docs
docs: $(DOCS_STAMP) ## Build the documentation (Sphinx, warnings are errors) into docs/_build/html
	$(DOCS_VENV)/bin/sphinx-build -W --keep-going -b html docs docs/_build/html

# CHANGES.rst from the fragments in news/ (towncrier, pyproject.toml).
.PHONY: changelog
changelog: install ## Show CHANGES' next section from news/; VERSION=X writes it into CHANGES.rst on release
	$(BIN)/pip install --quiet -c constraints.txt towncrier
	$(if $(VERSION),$(BIN)/towncrier build --yes --version $(VERSION),$(BIN)/towncrier build --draft)

.PHONY: clean
clean: ## Remove the venv (keeps the database in instance/var)
	rm -rf $(VENV) src/*.egg-info

versions.cfg: constraints.txt ## Buildout version pins, generated from constraints.txt
	{ echo "# Generated from constraints.txt by 'make versions.cfg': do not edit."; \
	  echo "[versions]"; \
	  grep -E '^[A-Za-z0-9_.-]+==' constraints.txt | sed -e 's/==/ = /'; } > $@

.PHONY: bench
bench: install ## Benchmarks: report and the pages Übersicht/Meine Aufgaben (100/1,000/10,000 Anträge), public register (1,000/10,000), Notes import (1,000/10,000 DXL documents), daily job (10,000 Anträge)
	$(BIN)/python scripts/bench_report.py 100 1000 10000
	$(BIN)/python scripts/bench_uebersicht.py 100 1000 10000
	$(BIN)/python scripts/bench_register.py 1000 10000
	$(BIN)/python scripts/bench_import.py 1000 10000
	$(BIN)/python scripts/bench_jobs.py 10000
