#!/usr/bin/env bash
# `make backup` / `make restore BACKUP=backups/<time>`: PostgreSQL and media, together.
#
#   scripts/backup.sh backup            → prints the new backup directory
#   scripts/backup.sh restore DIRECTORY
#
# The database is DATABASE_URL and the media MEDIA_ROOT; when unset, the production topology's
# (scripts/production.sh env). A backup is `database.dump` (pg_dump custom format) and
# `media.tar.gz`, in BACKUP_DIR (default backups/)/<UTC time>/. A restore replaces the database's
# contents (into an empty database too) and the media files, then rebuilds what derives from
# them: the search indices (when ELASTICSEARCH_URL is set) and the cache.
set -euo pipefail

SERVICE=backup
# shellcheck source=scripts/service-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"
cd "$ROOT"

if [ -z "${DATABASE_URL:-}" ]; then
  [ -f "$SERVICES/production/env" ] || die "set DATABASE_URL, or start the production topology first"
  set -a && . "$SERVICES/production/env" && set +a
fi
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}"
MEDIA="$(.venv/bin/python -c 'import django; django.setup(); from django.conf import settings; print(settings.MEDIA_ROOT)')"

pg_tool() {  # the newest Debian PostgreSQL client that is installed (matches scripts/postgres.sh)
  local bin tool="$1"
  shift
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -x "$bin/$tool" ] || die "no $tool under /usr/lib/postgresql/*/bin"
  "$bin/$tool" "$@"
}

backup() {
  local dir
  dir="${BACKUP_DIR:-backups}/$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$dir"
  pg_tool pg_dump --format=custom --no-owner --file="$dir/database.dump" "$DATABASE_URL"
  mkdir -p "$MEDIA"
  tar -C "$MEDIA" -czf "$dir/media.tar.gz" .
  log "database and media saved"
  echo "$dir"
}

restore() {
  local dir="${1:-}"
  [ -f "$dir/database.dump" ] && [ -f "$dir/media.tar.gz" ] || die "usage: $0 restore <backup directory>"
  pg_tool pg_restore --clean --if-exists --no-owner --exit-on-error --single-transaction \
    --dbname="$DATABASE_URL" "$dir/database.dump"
  mkdir -p "$MEDIA"
  find "$MEDIA" -mindepth 1 -delete
  tar -C "$MEDIA" -xzf "$dir/media.tar.gz"
  if [ -n "${ELASTICSEARCH_URL:-}" ]; then
    .venv/bin/python manage.py search_index rebuild >/dev/null
  fi
  .venv/bin/python manage.py shell -c 'from django.core.cache import cache; cache.clear()'
  log "restored $dir"
}

case "${1:-}" in
  backup) backup ;;
  restore) restore "${2:-}" ;;
  *) echo "usage: $0 backup | restore DIRECTORY" >&2; exit 2 ;;
esac
