#!/usr/bin/env bash
# Local Elasticsearch for development, tests and CI.
#
#   scripts/elasticsearch.sh start|stop|status|url
#
# - Downloads once (cached in <repo>/.services/cache/) the Elasticsearch
#   "integ-test-zip" distribution from Maven Central with Maven:
#     org.elasticsearch.distribution.integ-test-zip:elasticsearch:<ver>:zip
#   (ES_VERSION overrides; otherwise the first served of ES_CANDIDATES).
#   NOTE: this distribution has only the modules apm, transport-netty4,
#   x-pack-core and x-pack-security: no analysis-common (so no cjk/english/
#   stemmer/synonym/ngram/edge_ngram/asciifolding analysis), no painless.
#   See scripts/NOTES-services.md.
# - Unpacks into <repo>/.services/elasticsearch/, runs as the unprivileged
#   system user `elasticsearch`, on 127.0.0.1:${ES_PORT:-59200} only,
#   single-node, security disabled, heap 512m; data and logs in
#   <repo>/.services/elasticsearch-data/.  If the repo path is not
#   traversable by that user, both live under /tmp/portal-services-<hash>/
#   and are symlinked from .services/.
# - `start` prints the URL on its last line.
# - Cluster mode (scripts/production.sh): ES_NODE names the node and gives it its own state
#   (.services/elasticsearch-data-<node>); ES_TRANSPORT_PORT, ES_SEED_HOSTS (transport
#   host:port list), ES_ROLES (e.g. "data"; default: master and data) and ES_INITIAL_MASTER
#   (the node that bootstraps the cluster) join it to the others; cluster name portal-production.
set -euo pipefail

SERVICE=elasticsearch
# shellcheck source=scripts/service-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/service-lib.sh"
CACHE="$SERVICES/cache"
PORT="${ES_PORT:-59200}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
ES_USER=elasticsearch
GROUP_ID=org.elasticsearch.distribution.integ-test-zip
ARTIFACT=elasticsearch
# newest first; all of these were served by Maven Central when written
ES_CANDIDATES="${ES_CANDIDATES:-8.19.21 8.19.20 8.19.18 8.19.9 8.19.8 8.19.5 8.19.4 8.19.2 8.19.0 8.18.0 8.17.4}"
START_TIMEOUT="${ES_START_TIMEOUT:-120}"
NODE="${ES_NODE:-}"
if [ -n "$NODE" ]; then
  CLUSTER_NAME=portal-production
  DATA_NAME="$ARTIFACT-data-$NODE"
  NODE_FLAGS=(-E node.name="$NODE" -E transport.port="${ES_TRANSPORT_PORT:?}"
    -E discovery.seed_hosts="${ES_SEED_HOSTS:?}")
  [ -n "${ES_ROLES:-}" ] && NODE_FLAGS+=(-E node.roles="[${ES_ROLES}]")
  [ -n "${ES_INITIAL_MASTER:-}" ] && NODE_FLAGS+=(-E cluster.initial_master_nodes="$ES_INITIAL_MASTER")
else
  CLUSTER_NAME=portal-dev
  DATA_NAME="$ARTIFACT-data"
  NODE_FLAGS=(-E discovery.type=single-node -E transport.port=0)
fi

find_java17() {
  local d
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/openjdk-17 /usr/lib/jvm/*17*; do
    [ -x "$d/bin/java" ] && { readlink -f "$d"; return 0; }
  done
  return 1
}

ensure_tools() {
  if ! JAVA17="$(find_java17)"; then
    need_root; log "installing openjdk-17-jdk-headless ..."
    apt_install openjdk-17-jdk-headless
    JAVA17="$(find_java17)" || die "no OpenJDK 17 found after install"
  fi
  command -v mvn >/dev/null || { need_root; log "installing maven ..."; apt_install maven; }
  command -v unzip >/dev/null || { need_root; apt_install unzip; }
  command -v curl >/dev/null || { need_root; apt_install curl; }
  id "$ES_USER" >/dev/null 2>&1 || {
    need_root
    useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  }
}

as_es() { (cd / && runuser -u "$ES_USER" -- "$@"); }

resolve_paths() {
  DATA_BASE="$(state_dir "$DATA_NAME" "$ES_USER")"
  PIDFILE="$DATA_BASE/elasticsearch.pid"
}

download() {
  mkdir -p "$CACHE"
  local v zip
  if [ -n "${ES_VERSION:-}" ]; then
    ES_CANDIDATES="$ES_VERSION"
  else
    # reuse whatever is cached already (newest first)
    for v in $ES_CANDIDATES; do
      [ -s "$CACHE/$ARTIFACT-$v.zip" ] && { ES_CANDIDATES="$v"; break; }
    done
  fi
  for v in $ES_CANDIDATES; do
    zip="$CACHE/$ARTIFACT-$v.zip"
    if [ -s "$zip" ] && { [ -f "$zip.ok" ] || unzip -tq "$zip" >/dev/null 2>&1; }; then
      touch "$zip.ok"
      ES_VER="$v"; ZIP="$zip"; return 0
    fi
    rm -f "$zip" "$zip.ok"
    log "downloading $GROUP_ID:$ARTIFACT:$v:zip from Maven Central ..."
    if mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
         -Dartifact="$GROUP_ID:$ARTIFACT:$v:zip" -DoutputDirectory="$CACHE" \
         >"$CACHE/mvn-$v.log" 2>&1 && [ -s "$zip" ]; then
      rm -f "$CACHE/mvn-$v.log"
      unzip -tq "$zip" >/dev/null || die "downloaded $zip is corrupt"
      touch "$zip.ok"
      ES_VER="$v"; ZIP="$zip"; return 0
    fi
    log "  not available: $(grep -m1 -E 'ERROR' "$CACHE/mvn-$v.log" | cut -c1-200)"
  done
  die "no Elasticsearch distribution could be downloaded (tried: $ES_CANDIDATES); see $CACHE/mvn-*.log"
}

install_es() {
  download
  local base; base="$(state_dir "$ARTIFACT" "$ES_USER")"
  ES_HOME="$base/$ARTIFACT-$ES_VER"
  if [ ! -x "$ES_HOME/bin/$ARTIFACT" ]; then
    log "unpacking $ZIP"
    rm -rf "$ES_HOME" "$base/.unpack"
    mkdir -p "$base/.unpack"
    unzip -q "$ZIP" -d "$base/.unpack"
    mv "$base/.unpack/$ARTIFACT-$ES_VER" "$ES_HOME"
    rm -rf "$base/.unpack"
    chown -R "$ES_USER:$ES_USER" "$ES_HOME"
  fi
  # heap
  mkdir -p "$ES_HOME/config/jvm.options.d"
  printf -- '-Xms512m\n-Xmx512m\n' > "$ES_HOME/config/jvm.options.d/heap.options"
  chown "$ES_USER:$ES_USER" "$base" "$ES_HOME/config" "$ES_HOME/config/jvm.options.d" "$ES_HOME/config/jvm.options.d/heap.options"
}

read_pid() { [ -s "${PIDFILE:-}" ] && cat "$PIDFILE" || true; }

is_running() {
  local pid; pid="$(read_pid)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q org.elasticsearch "/proc/$pid/cmdline" 2>/dev/null
}

healthy() {
  curl -fsS -m 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null | grep -qE '"status":"(yellow|green)"'
}

cmd_start() {
  need_root
  ensure_tools
  resolve_paths
  install_es
  if is_running; then
    log "already running (pid $(read_pid))"
  else
    if curl -fsS -m 2 "$URL" >/dev/null 2>&1; then
      die "something else is answering on $URL (not our pid file $PIDFILE)"
    fi
    rm -f "$PIDFILE"
    mkdir -p "$DATA_BASE/data" "$DATA_BASE/logs" "$DATA_BASE/tmp"
    chown -R "$ES_USER:$ES_USER" "$DATA_BASE"
    local secflag=()
    # the setting exists only when the x-pack-security module is present
    [ -d "$ES_HOME/modules/x-pack-security" ] && secflag=(-E xpack.security.enabled=false)
    log "starting $ES_VER on $URL (java: $JAVA17)"
    local t0=$SECONDS
    if ! as_es env -i PATH=/usr/bin:/bin HOME="$DATA_BASE" LANG=C.UTF-8 \
        ES_JAVA_HOME="$JAVA17" ES_TMPDIR="$DATA_BASE/tmp" \
        "$ES_HOME/bin/$ARTIFACT" -d -p "$PIDFILE" \
        "${NODE_FLAGS[@]}" \
        -E network.host="$HOST" \
        -E http.port="$PORT" \
        -E path.data="$DATA_BASE/data" \
        -E path.logs="$DATA_BASE/logs" \
        -E cluster.name="$CLUSTER_NAME" \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        -E action.destructive_requires_name=false \
        "${secflag[@]}" >"$DATA_BASE/logs/startup.out" 2>&1; then
      cat "$DATA_BASE/logs/startup.out" >&2 || true
      tail -n 40 "$DATA_BASE/logs/$CLUSTER_NAME.log" >&2 2>/dev/null || true
      die "elasticsearch failed to start"
    fi
    until healthy; do
      if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ] || { [ -s "$PIDFILE" ] && ! is_running; }; then
        cat "$DATA_BASE/logs/startup.out" >&2 || true
        tail -n 40 "$DATA_BASE/logs/$CLUSTER_NAME.log" >&2 2>/dev/null || true
        is_running && kill "$(read_pid)" 2>/dev/null || true
        die "not healthy after $((SECONDS - t0))s"
      fi
      sleep 1
    done
    log "started in $((SECONDS - t0))s (pid $(read_pid))"
  fi
  healthy || die "running but cluster health is not yellow/green at $URL"
  echo "$URL"
}

cmd_stop() {
  if [ ! -e "$SERVICES/$DATA_NAME" ]; then log "not running"; return 0; fi
  resolve_paths
  if ! is_running; then rm -f "$PIDFILE"; log "not running"; return 0; fi
  local pid i; pid="$(read_pid)"
  kill "$pid"
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 30s; SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
  log "stopped"
}

cmd_status() {
  if [ -e "$SERVICES/$DATA_NAME" ]; then
    resolve_paths
    if is_running && healthy; then
      echo "running: $URL (pid $(read_pid))"
      return 0
    fi
  fi
  echo "stopped"
  return 1
}

run_command "$@"
