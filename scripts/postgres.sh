#!/usr/bin/env bash
# Local PostgreSQL for development, tests and CI.
#
#   scripts/postgres.sh start|stop|status|url
#
# - Installs Debian's `postgresql` package when needed (must run as root then).
# - Cluster lives in <repo>/.services/postgres/data, owned by the `postgres`
#   user.  If the repo path is not traversable by `postgres` (e.g. a checkout
#   under /root), the state goes to /tmp/portal-services-<hash>/postgres and
#   <repo>/.services/postgres is a symlink to it.
# - Listens on 127.0.0.1:${PGPORT:-55432} only (no unix socket), trust auth.
# - Creates role `portal` (superuser, so Django can create test databases)
#   and database `portal`.
# - `start` prints the URL on its last line.
# - PG_CLUSTER (default `postgres`) names the state directory, so the production topology's
#   cluster (scripts/production.sh) lives beside the one the tests use.
set -euo pipefail

SERVICE=postgres
# shellcheck source=scripts/service-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"
PORT="${PGPORT:-55432}"
HOST=127.0.0.1
DB_NAME=portal
DB_USER=portal
PG_OS_USER=postgres
CLUSTER="${PG_CLUSTER:-postgres}"
# Tests trade durability for speed; PG_DURABLE=true (production) keeps PostgreSQL's defaults.
DURABILITY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-}" = true ] && DURABILITY=""
URL="postgres://${DB_USER}@${HOST}:${PORT}/${DB_NAME}"

as_pg() {
  if [ "$(id -un)" = "$PG_OS_USER" ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    die "must run as root (or as $PG_OS_USER)"
  fi
}

# Debian's binaries live in /usr/lib/postgresql/<major>/bin.  (A
# /usr/local/bin/pg_ctl may exist as a symlink into it; we don't rely on PATH.)
find_bindir() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] || continue
    if [ -z "$best" ] || [ "$(basename "$(dirname "$d")")" -gt "$(basename "$(dirname "$best")")" ] 2>/dev/null; then
      best="$d"
    fi
  done
  echo "$best"
}

ensure_installed() {
  BINDIR="$(find_bindir)"
  if [ -z "$BINDIR" ]; then
    need_root
    log "installing Debian package postgresql ..."
    apt_install postgresql
    BINDIR="$(find_bindir)"
    [ -n "$BINDIR" ] || die "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin"
  fi
  id "$PG_OS_USER" >/dev/null 2>&1 || \
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OS_USER"
}

# Where the state lives; sets PGBASE (real dir), DATA, LOGFILE.
resolve_paths() {
  PGBASE="$(state_dir "$CLUSTER" "$PG_OS_USER")"
  DATA="$PGBASE/data"
  LOGFILE="$PGBASE/postgres.log"
}

is_running() {
  [ -n "${BINDIR:-}" ] && [ -f "$DATA/PG_VERSION" ] && as_pg "$BINDIR/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

psql_admin() {
  as_pg "$BINDIR/psql" -h "$HOST" -p "$PORT" -U "$PG_OS_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

cmd_start() {
  ensure_installed
  resolve_paths
  chown "$PG_OS_USER:$PG_OS_USER" "$PGBASE"
  chmod 700 "$PGBASE"

  if [ -d "$DATA" ] && [ ! -f "$DATA/PG_VERSION" ]; then
    rm -rf "$DATA"   # half-made cluster from an interrupted run
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initdb $DATA ($BINDIR)"
    as_pg "$BINDIR/initdb" -D "$DATA" -U "$PG_OS_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
      || as_pg "$BINDIR/initdb" -D "$DATA" -U "$PG_OS_USER" --auth=trust -E UTF8 --locale=C >/dev/null
    cat > "$DATA/pg_hba.conf" <<EOF
# managed by scripts/postgres.sh: loopback only, trust
host    all all 127.0.0.1/32 trust
host    all all ::1/128      trust
EOF
    chown "$PG_OS_USER:$PG_OS_USER" "$DATA/pg_hba.conf"
  fi
  local installed_major
  installed_major="$(basename "$(dirname "$BINDIR")")"
  if [ "$(cat "$DATA/PG_VERSION")" != "$installed_major" ]; then
    # cluster made by another major version: use that version's binaries if present
    local other="/usr/lib/postgresql/$(cat "$DATA/PG_VERSION")/bin"
    [ -x "$other/pg_ctl" ] || die "cluster in $DATA is PostgreSQL $(cat "$DATA/PG_VERSION") but only $installed_major is installed; remove $DATA"
    BINDIR="$other"
  fi

  if is_running; then
    log "already running (port $PORT)"
  else
    log "starting on $HOST:$PORT"
    local t0=$SECONDS
    as_pg "$BINDIR/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 \
      -o "-c listen_addresses=$HOST -p $PORT -c unix_socket_directories='' $DURABILITY" \
      start >/dev/null || { tail -n 30 "$LOGFILE" >&2 || true; die "pg_ctl start failed"; }
    log "started in $((SECONDS - t0))s"
  fi

  # wait until it accepts connections on our port
  local i
  for i in $(seq 1 60); do
    as_pg "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT" && break
    sleep 1
  done
  as_pg "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT" || { tail -n 30 "$LOGFILE" >&2 || true; die "not ready on $HOST:$PORT"; }

  if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'")" != "1" ]; then
    psql_admin -c "CREATE ROLE \"$DB_USER\" LOGIN SUPERUSER CREATEDB"
  fi
  if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" != "1" ]; then
    psql_admin -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\""
  fi
  echo "$URL"
}

cmd_stop() {
  BINDIR="$(find_bindir)"
  if [ -z "$BINDIR" ] || [ ! -e "$SERVICES/$CLUSTER" ]; then
    log "not running"; return 0
  fi
  resolve_paths
  [ -f "$DATA/PG_VERSION" ] && [ -x "/usr/lib/postgresql/$(cat "$DATA/PG_VERSION")/bin/pg_ctl" ] \
    && BINDIR="/usr/lib/postgresql/$(cat "$DATA/PG_VERSION")/bin"
  if is_running; then
    as_pg "$BINDIR/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

cmd_status() {
  BINDIR="$(find_bindir)"
  if [ -n "$BINDIR" ] && [ -e "$SERVICES/$CLUSTER" ]; then
    resolve_paths
    if is_running && as_pg "$BINDIR/pg_isready" -q -h "$HOST" -p "$PORT"; then
      echo "running: $URL (data: $DATA)"
      return 0
    fi
  fi
  echo "stopped"
  return 1
}

run_command "$@"
