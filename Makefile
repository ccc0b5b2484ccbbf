# Buurtbudget: `make demo` runs the demo, `make test` runs every test. See README.md.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ASSETS := static/vendor/utrecht/component-library.css static/vendor/htmx/htmx.min.js \
	static/vendor/fonts/DejaVuSans.ttf static/vendor/fonts/DejaVuSans-Bold.ttf
MO := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))
DEMO_ADDR ?= 127.0.0.1:8000

.PHONY: demo test prod-local nginx pgbouncer bench-reliability bench-reliability-short install assets messages translations lint typecheck bench bench-rules bench-pages bench-page-cache bench-execution bench-evaluation bench-whatif bench-weight bench-costs browser clean

demo: install  ## Install, migrate, load the demo data and serve it on http://127.0.0.1:8000
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py load_demo
	scripts/serve_demo.sh $(DEMO_ADDR)

test: install browser nginx pgbouncer  ## Every test: SQLite by default, PostgreSQL when DATABASE_URL is set
	$(PY) -m pytest $(PYTEST_ARGS)

# The production topology on this machine (deploy/local): nginx with TLS on https://127.0.0.1:8443,
# two app nodes (page and vote pools), two task workers, the scheduler; PostgreSQL database
# buurtbudget_prod (FRESH=1 drops it first) and Redis database 10. Ctrl-C stops it. docs/deploy.md.
prod-local: install nginx  ## Production settings behind nginx with TLS on https://127.0.0.1:8443 (the demo loaded)
	$(PY) -m deploy.local up $(if $(FRESH),--fresh,)

nginx:  ## Debian's nginx for make prod-local and the proxy's tests (installed when missing)
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }

pgbouncer:  ## Debian's PgBouncer for its tests (tests/deploy/test_pgbouncer.py; installed when missing)
	@command -v pgbouncer >/dev/null || test -x /usr/sbin/pgbouncer || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }

bench-reliability: install nginx  ## The reliability suite on one topology: races, five crash rounds (docs/reliability.md)
	$(PY) -m bench.reliability

bench-reliability-short: install nginx  ## Its short version for CI: races, one crash round of 300 casts, 60 s of load and 30 s of burst
	$(PY) -m bench.reliability --short

# Assets and compiled translations are files with their sources as prerequisites, so a second
# `make test` (CI runs two side by side) finds them up to date and writes nothing.
install: $(STAMP) $(ASSETS) $(MO)  ## The virtualenv, Python and npm dependencies, assets, translations

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11), sys.version" || { echo "Python 3.11 is needed"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: $(ASSETS)  ## Copy the NL Design System CSS, htmx and the letters' font from npm into static/vendor

# Only the NL Design System components the pages use (scripts/build_css.py): rebuilt when a template
# or module changes, since that is where a page names a component's class.
CSS_SOURCES := $(shell find . \( -name node_modules -o -name .venv -o -name static -o -name staticfiles -o -name tests \
	-o -name docs -o -name '.?*' \) -prune -o \( -name '*.html' -o -name '*.py' \) -print)
static/vendor/utrecht/component-library.css: node_modules/.package-lock.json scripts/build_css.py $(CSS_SOURCES) $(wildcard static/js/*.js)
	$(PYTHON) scripts/build_css.py $@

static/vendor/htmx/htmx.min.js: node_modules/.package-lock.json
	mkdir -p $(@D)
	cp node_modules/htmx.org/dist/htmx.min.js $@

# The letters' font: Latin with Turkish letters, and Arabic (outreach/letters.py).
static/vendor/fonts/%.ttf: node_modules/.package-lock.json
	mkdir -p $(@D)
	cp node_modules/dejavu-fonts-ttf/ttf/$*.ttf $@

translations: $(STAMP)  ## Collect new strings from the code into every locale/*/ (then translate the empty ones)
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py makemessages $(patsubst locale/%/LC_MESSAGES/django.po,-l %,$(wildcard locale/*/LC_MESSAGES/django.po)) --no-obsolete \
		-i ".venv/*" -i "node_modules/*" -i "tests/*" -i "static/*" -i "staticfiles/*" -i "var/*"

messages: $(MO)  ## Compile the translations (.po → .mo)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(STAMP)
	$(PY) scripts/compile_messages.py

browser:  ## Debian's chromium for the browser tests, pdftoppm, and gettext for the translation test (installed when missing)
	@command -v chromium >/dev/null && command -v pdftoppm >/dev/null && command -v xgettext >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils gettext >/dev/null; }

lint: install  ## ruff (lint + format check) and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

bench: bench-pages bench-page-cache bench-weight bench-execution bench-evaluation bench-whatif bench-rules bench-costs  ## Benchmarks; results go to docs/benchmarks.md

bench-pages: install
	$(PY) bench/page_times.py

bench-page-cache: install  ## Public pages rendered and from the page cache: time and CPU per request (issue 19 §4)
	$(PY) bench/page_cache.py

bench-execution: install
	$(PY) bench/execution_pages.py

bench-evaluation: install
	$(PY) bench/evaluation.py

bench-rules: install
	$(PY) bench/rules.py

bench-weight: install browser  ## Bytes a phone downloads for the home, edition, plan and ballot pages (production settings, HTTPS)
	$(PY) bench/page_weight.py

bench-whatif: install  ## What-if server time on Nieuw-West 2026 and Łódź 2022 (90,494 ballots)
	$(PY) bench/whatif.py

bench-costs: install  ## Typical costs in the cost step with 10 editions of reviewed plans (target: under 20 ms)
	$(PY) bench/cost_suggestions.py

clean:
	rm -rf $(VENV) node_modules static/vendor staticfiles db.sqlite3 db.sqlite3-*

.PHONY: bench-load bench-load-short bench-outages
bench-load: install  ## The load on the topology: 200 residents for 10 min, the letters' burst (docs/reliability.md)
	$(PY) -m bench.reliability.load --topology

bench-load-short: install  ## Its CI version: 60 s of mixed load and 30 s of burst
	$(PY) -m bench.reliability.load --topology --short

bench-outages: install  ## PostgreSQL restarted and stopped, Redis stopped and frozen, during casting
	$(PY) bench/reliability/outages.py
