# The portal's commands. `make run` serves a working site on a fresh machine; `make test` runs
# lint and every test against PostgreSQL and Elasticsearch, starting and stopping both.
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := install
.PHONY: help check-search-outage install run serve migrate content test test-fast lint format elasticsearch postgres stop-services messages bench-search bench-known-items bench-pages bench-load production backup restore bench-production

help:  ## this list: every target and what it does
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  \1\t\2/' | expand -t 20

install: $(VENV)/.installed messages  ## Debian packages, the virtualenv, npm packages, compiled translations

$(VENV)/.installed: pyproject.toml package.json
	bash scripts/system-packages.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	npm ci --no-audit --no-fund --silent
	touch $@

messages: $(VENV)/.installed  ## compile the interface translations (locale/)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: install  ## apply migrations (without prompts), then fill the translation fields
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields

content: migrate  ## load the plan (load_plan), demo logins, the search index when configured
	$(MANAGE) load_plan
	$(MANAGE) demo_accounts
	if [ -n "$$ELASTICSEARCH_URL" ]; then $(MANAGE) search_index rebuild && $(MANAGE) update_index; fi

run: content  ## everything above, then serve the site on HOST:PORT (127.0.0.1:8000)
	$(MANAGE) collectstatic --noinput -v 0
	bash scripts/serve.sh $(HOST) $(PORT)

test: install  ## ruff, the migration check and the whole suite on PostgreSQL + Elasticsearch, coverage
	bash scripts/test.sh

# On DATABASE_URL, or else the local PostgreSQL (started when needed, left running like `make
# postgres`), where --reuse-db keeps the test database between runs; tests/conftest.py explains.
test-fast: install  ## pytest -m "not slow": the tests that need no plan, browser or topology
	[ -n "$$DATABASE_URL" ] || bash scripts/postgres.sh status >/dev/null 2>&1 || bash scripts/postgres.sh start >&2
	DATABASE_URL="$${DATABASE_URL:-$$(bash scripts/postgres.sh url)}" $(PY) -m pytest -m "not slow" --reuse-db -q

lint: install  ## ruff check and format check, stylelint on the CSS
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	npx --no-install stylelint "static/css/**/*.css"

format: install  ## ruff fix and format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

elasticsearch:  ## start Elasticsearch (prints its URL)
	bash scripts/elasticsearch.sh start

postgres:  ## start PostgreSQL (prints its URL)
	bash scripts/postgres.sh start

stop-services:  ## stop every service these commands started, production topology included
	-bash scripts/production.sh stop
	-bash scripts/elasticsearch.sh stop
	-bash scripts/postgres.sh stop

# scripts/production.sh explains the layout.
production: install  ## nginx, two app nodes, PostgreSQL, Redis, two-node Elasticsearch; prints the URL
	bash scripts/production.sh start

backup:  ## PostgreSQL dump + media archive of the production topology into backups/<time>/
	bash scripts/backup.sh backup

restore:  ## put a backup back: make restore BACKUP=backups/<time>
	bash scripts/backup.sh restore "$(BACKUP)"

bench-production: install  ## CPU ms and queries per page, cached req/s against nginx static
	bash scripts/production.sh start
	command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
	$(PY) scripts/bench_production.py

bench-search: install  ## search latency and indexing throughput
	bash scripts/with-services.sh $(PY) scripts/bench_search.py

bench-known-items: install  ## known-item search: MRR per title variant, Elasticsearch and fallback
	bash scripts/with-services.sh $(PY) scripts/bench_known_items.py

bench-pages: install  ## page serving benchmark
	bash scripts/with-services.sh $(PY) scripts/bench_pages.py

bench-load: install  ## load, publish and serve at 1×, 10×, 100× the opportunities: CPU and ratios
	bash scripts/with-services.sh $(PY) scripts/bench_load.py

check-search-outage: install  ## Elasticsearch stopped, then frozen: p95 of searches and home page, 10 clients
	bash scripts/with-services.sh $(PY) scripts/check_search_outage.py
