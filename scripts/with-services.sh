#!/usr/bin/env bash
# Runs a command with PostgreSQL and Elasticsearch started (and stopped afterwards, if this
# script started them), their URLs exported as DATABASE_URL and ELASTICSEARCH_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

started=()
cleanup() {
  for service in "${started[@]}"; do bash "scripts/$service.sh" stop >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

for service in postgres elasticsearch; do
  if ! bash "scripts/$service.sh" status >/dev/null 2>&1; then
    bash "scripts/$service.sh" start >&2
    started+=("$service")
  fi
done
export DATABASE_URL="$(bash scripts/postgres.sh url)"
export ELASTICSEARCH_URL="$(bash scripts/elasticsearch.sh url)"
"$@"
