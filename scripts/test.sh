#!/usr/bin/env bash
# `make test`: lint, then the whole suite against real PostgreSQL and Elasticsearch, under
# coverage: the report (pyproject.toml, [tool.coverage]) is printed before pytest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."

.venv/bin/ruff check .
.venv/bin/ruff format --check .
npx --no-install stylelint "static/css/**/*.css"
.venv/bin/python manage.py makemigrations --check --dry-run >/dev/null
exec bash scripts/with-services.sh .venv/bin/python -m pytest --cov "$@"
