#!/usr/bin/env bash
# Redis for the production topology: the shared cache, session store and rate-limit counters.
#
#   scripts/redis.sh start|stop|status|url
#
# - Installs Debian's `redis-server` when needed (must run as root then).
# - Runs as user `redis` on 127.0.0.1:${REDIS_PORT:-6391} only, state in .services/redis/.
# - Nothing is persisted (everything in it can be rebuilt); 256 MB, least recently used evicted.
# - `start` prints the URL on its last line.
set -euo pipefail

SERVICE=redis
# shellcheck source=scripts/service-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"
PORT="${REDIS_PORT:-6391}"
HOST=127.0.0.1
URL="redis://$HOST:$PORT/0"
REDIS_USER=redis

ensure_installed() {
  command -v redis-server >/dev/null || { need_root; log "installing redis-server ..."; apt_install redis-server; }
}

resolve_paths() {
  BASE="$(state_dir redis "$REDIS_USER")"
  PIDFILE="$BASE/redis.pid"
}

ping() { redis-cli -h "$HOST" -p "$PORT" ping 2>/dev/null | grep -q PONG; }

cmd_start() {
  ensure_installed
  resolve_paths
  if ping; then
    log "already running (port $PORT)"
  else
    chown "$REDIS_USER:" "$BASE"
    (cd / && runuser -u "$REDIS_USER" -- redis-server - ) >/dev/null <<CONF
bind $HOST
port $PORT
protected-mode yes
daemonize yes
pidfile $PIDFILE
logfile $BASE/redis.log
dir $BASE
save ""
appendonly no
maxmemory 256mb
maxmemory-policy allkeys-lru
CONF
    local i
    for i in $(seq 1 50); do ping && break; sleep 0.1; done
    ping || { tail -n 20 "$BASE/redis.log" >&2 || true; die "not answering on $HOST:$PORT"; }
    log "started on $HOST:$PORT"
  fi
  echo "$URL"
}

cmd_stop() {
  if [ ! -e "$SERVICES/redis" ] || ! ping; then log "not running"; return 0; fi
  redis-cli -h "$HOST" -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
  log "stopped"
}

cmd_status() {
  if ping; then echo "running: $URL"; return 0; fi
  echo "stopped"; return 1
}

run_command "$@"
