# The portal's commands. `make run` serves a working site on a fresh machine; `make test` runs
# lint and every test against PostgreSQL and Elasticsearch, starting and stopping both.
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: check-search-outage install run serve migrate content test lint format elasticsearch postgres stop-services messages bench-search bench-pages

install: $(VENV)/.installed messages

$(VENV)/.installed: pyproject.toml package.json
	bash scripts/system-packages.sh
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[dev]"
	npm ci --no-audit --no-fund --silent
	touch $@

messages: $(VENV)/.installed
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) update_translation_fields

content: migrate
	$(MANAGE) load_plan
	$(MANAGE) demo_accounts
	if [ -n "$$ELASTICSEARCH_URL" ]; then $(MANAGE) search_index rebuild && $(MANAGE) update_index; fi

run: content
	$(MANAGE) collectstatic --noinput -v 0
	bash scripts/serve.sh $(HOST) $(PORT)

test: install
	bash scripts/test.sh

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

elasticsearch:
	bash scripts/elasticsearch.sh start

postgres:
	bash scripts/postgres.sh start

stop-services:
	-bash scripts/elasticsearch.sh stop
	-bash scripts/postgres.sh stop

bench-search: install
	bash scripts/with-services.sh $(PY) scripts/bench_search.py

bench-pages: install
	bash scripts/with-services.sh $(PY) scripts/bench_pages.py

# Elasticsearch stopped, then frozen: p95 of the searches and the home page under 10 clients.
check-search-outage: install
	bash scripts/with-services.sh $(PY) scripts/check_search_outage.py
