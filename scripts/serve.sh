#!/usr/bin/env bash
# `make run`: the development server, with Wagtail's scheduler publishing and expiring pages
# every minute beside it (production runs `manage.py publish_scheduled` from cron instead).
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${1:-127.0.0.1}"
PORT="${2:-8000}"

( while sleep 60; do .venv/bin/python manage.py publish_scheduled >/dev/null 2>&1 || true
  .venv/bin/python manage.py search_index sync >/dev/null 2>&1 || true; done ) &
scheduler=$!
trap 'kill $scheduler 2>/dev/null || true' EXIT

echo "Portal: http://$HOST:$PORT/  (admin: http://$HOST:$PORT/admin/)"
.venv/bin/python manage.py runserver "$HOST:$PORT"
