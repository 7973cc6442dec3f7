#!/usr/bin/env bash
# `make production`: the portal's production topology on one machine, everything on 127.0.0.1.
#
#   scripts/production.sh start|stop|status|env
#
#   nginx :8100 (PUBLIC_PORT)  static + media files, micro-cache, PURGE  → deploy/nginx.conf.in
#     ├─ app node :8101 ┐ gunicorn, portal.settings.production          → portal/gunicorn.conf.py
#     └─ app node :8102 ┘ (APP_PORTS)
#   PostgreSQL :55512 (PRODUCTION_PGPORT), its own cluster in .services/postgres-production
#   Redis :6391 (REDIS_PORT)                cache, sessions, rate-limit counters
#   Elasticsearch es1 :59510 (master, data) + es2 :59511 (data), transport :59610/:59611;
#   every index has one replica, so either node's shards survive es2 going away.
#
# `start` installs missing Debian packages, migrates, loads the plan and builds the search indices
# (the first time only), collects static files, starts whatever is not running, and prints the
# public URL last. `env` prints the app's environment
# (sourceable), as scripts and tests use it. Must run as root (packages, service users).
set -euo pipefail

SERVICE=production
# shellcheck source=scripts/service-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"
cd "$ROOT"
STATE="$SERVICES/production"
PUBLIC_PORT="${PUBLIC_PORT:-8100}"
APP_PORTS="${APP_PORTS:-8101 8102}"
URL="http://127.0.0.1:$PUBLIC_PORT/"
export PGPORT="${PRODUCTION_PGPORT:-55512}" PG_CLUSTER=postgres-production PG_DURABLE=true
export REDIS_PORT="${REDIS_PORT:-6391}"
ES_HTTP=(59510 59511)
ES_TRANSPORT=(59610 59611)
ES_SEEDS="127.0.0.1:${ES_TRANSPORT[0]},127.0.0.1:${ES_TRANSPORT[1]}"
NGINX_CONF="$STATE/nginx/nginx.conf"

# es_node N start|stop|status: node es1 is master-eligible and holds data; es2 holds data only.
# (Two master-eligible nodes cannot elect a master once either is gone; see README "Deploying".)
es_node() {
  local n="$1" roles="" master=es1
  [ "$n" = 2 ] && roles=data master=""
  ES_NODE="es$n" ES_PORT="${ES_HTTP[$((n - 1))]}" ES_TRANSPORT_PORT="${ES_TRANSPORT[$((n - 1))]}" \
    ES_SEED_HOSTS="$ES_SEEDS" ES_ROLES="$roles" ES_INITIAL_MASTER="$master" \
    bash scripts/elasticsearch.sh "$2"
}

ensure_packages() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  [ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || missing+=(libnginx-mod-http-cache-purge)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if ((${#missing[@]})); then
    need_root
    log "installing ${missing[*]} ..."
    apt_install "${missing[@]}"
  fi
}

secret_key() {
  [ -s "$STATE/secret_key" ] || (umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(50))' >"$STATE/secret_key")
  cat "$STATE/secret_key"
}

write_env() {
  mkdir -p "$STATE"
  cat >"$STATE/env" <<ENV
DJANGO_SETTINGS_MODULE=portal.settings.production
SECRET_KEY=$(secret_key)
HTTPS=false
DATABASE_URL=postgres://portal@127.0.0.1:$PGPORT/portal
REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
ELASTICSEARCH_URL=http://127.0.0.1:${ES_HTTP[0]}
SEARCH_INDEX_PREFIX=portal
SEARCH_INDEX_REPLICAS=1
TRUSTED_PROXIES=127.0.0.1
FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$PUBLIC_PORT
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PUBLIC_PORT,http://localhost:$PUBLIC_PORT
WAGTAILADMIN_BASE_URL=http://127.0.0.1:$PUBLIC_PORT
PORTAL_RELEASE=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
ENV
}

manage() { (set -a && . "$STATE/env" && exec .venv/bin/python manage.py "$@"); }

healthy() { curl -fsS -m 5 "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; }

wait_healthy() {  # PORT WHAT
  local i
  for i in $(seq 1 120); do healthy "$1" && return 0; sleep 0.5; done
  die "$2 on port $1 not healthy after 60 s: $(curl -sS -m 5 "http://127.0.0.1:$1/healthz" 2>&1)"
}

app_pid() { cat "$STATE/app-$1.pid" 2>/dev/null || true; }

start_app() {
  local port="$1"
  if healthy "$port"; then log "app node :$port already running"; return; fi
  log "app node :$port"
  (set -a && . "$STATE/env" && exec .venv/bin/gunicorn -c portal/gunicorn.conf.py \
    --bind "127.0.0.1:$port" --daemon --pid "$STATE/app-$port.pid" \
    --capture-output --error-logfile "$STATE/app-$port.log" portal.wsgi:application)
}

stop_app() {
  local port="$1" pid i
  pid="$(app_pid "$port")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for i in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    log "app node :$port stopped"
  fi
  rm -f "$STATE/app-$port.pid"
}

render_nginx() {
  local ports=($APP_PORTS) user media
  user="$(stat -c %U "$ROOT")"  # the checkout's owner can read the static and media files
  media="$(set -a && . "$STATE/env" && .venv/bin/python -c 'import django; django.setup(); from django.conf import settings; print(settings.MEDIA_ROOT)')"
  mkdir -p "$STATE/nginx/tmp" "$STATE/nginx/cache" "$media"
  chown "$user" "$STATE/nginx/tmp" "$STATE/nginx/cache"
  sed -e "s|@USER@|$user|g" -e "s|@STATE@|$STATE/nginx|g" -e "s|@ROOT@|$ROOT|g" \
    -e "s|@MEDIA_ROOT@|$media|g" -e "s|@PORT@|$PUBLIC_PORT|g" \
    -e "s|@APP1@|${ports[0]}|g" -e "s|@APP2@|${ports[1]}|g" deploy/nginx.conf.in >"$NGINX_CONF"
}

nginx_running() { [ -s "$STATE/nginx/nginx.pid" ] && kill -0 "$(cat "$STATE/nginx/nginx.pid")" 2>/dev/null; }

cmd_start() {
  need_root
  ensure_packages
  bash scripts/postgres.sh start >/dev/null
  bash scripts/redis.sh start >/dev/null
  es_node 1 start >/dev/null
  es_node 2 start >/dev/null
  # Every portal index keeps a copy on each data node (one replica here), whatever replica
  # count the app asks for, so losing either node loses no shard.
  curl -fsS -m 30 -X PUT "http://127.0.0.1:${ES_HTTP[0]}/_index_template/portal-copies" \
    -H 'Content-Type: application/json' \
    -d '{"index_patterns": ["portal-*"], "template": {"settings": {"index.auto_expand_replicas": "0-1"}}}' >/dev/null
  write_env
  manage migrate --noinput -v 0
  if [ ! -f "$STATE/plan-loaded" ]; then  # later starts keep the content (and editors' changes)
    log "loading the plan and building the search indices ..."
    manage load_plan >/dev/null
    manage search_index rebuild >/dev/null
    manage update_index >/dev/null
    touch "$STATE/plan-loaded"
  fi
  # A release whose index mapping or document format changed rebuilds the indices once.
  manage search_index rebuild --if-outdated >/dev/null
  manage collectstatic --noinput -v 0
  local port
  for port in $APP_PORTS; do start_app "$port"; done
  for port in $APP_PORTS; do wait_healthy "$port" "app node"; done
  render_nginx
  nginx -e "$STATE/nginx/error.log" -c "$NGINX_CONF" -t -q
  if nginx_running; then
    nginx -e "$STATE/nginx/error.log" -c "$NGINX_CONF" -s reload
  else
    nginx -e "$STATE/nginx/error.log" -c "$NGINX_CONF"
  fi
  wait_healthy "$PUBLIC_PORT" nginx
  echo "$URL"
}

cmd_stop() {
  if nginx_running; then
    nginx -e "$STATE/nginx/error.log" -c "$NGINX_CONF" -s quit
    log "nginx stopped"
  fi
  local port
  for port in $APP_PORTS; do stop_app "$port"; done
  es_node 2 stop || true
  es_node 1 stop || true
  bash scripts/redis.sh stop || true
  bash scripts/postgres.sh stop || true
}

cmd_status() {
  local port down=0
  nginx_running && healthy "$PUBLIC_PORT" && echo "nginx: $URL" || { echo "nginx: stopped"; down=1; }
  for port in $APP_PORTS; do
    healthy "$port" && echo "app node: :$port" || { echo "app node :$port: stopped"; down=1; }
  done
  es_node 1 status || down=1
  es_node 2 status || down=1
  bash scripts/redis.sh status || down=1
  bash scripts/postgres.sh status || down=1
  return "$down"
}

case "${1:-}" in
  env) write_env && cat "$STATE/env" ;;
  *) run_command "$@" ;;
esac
