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
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES="$ROOT/.services"
CACHE="$SERVICES/cache"
PORT="${ES_PORT:-59200}"
HOST=127.0.0.1
URL="http://$HOST:$PORT"
ES_USER=elasticsearch
# SEARCH_ENGINE=opensearch selects OpenSearch 2.19.x instead, with the
# analysis-common and lang-painless modules assembled from Maven Central jars
# (the Elasticsearch equivalents are not published there).
SEARCH_ENGINE="${SEARCH_ENGINE:-elasticsearch}"
case "$SEARCH_ENGINE" in
  elasticsearch)
    GROUP_ID=org.elasticsearch.distribution.integ-test-zip
    ARTIFACT=elasticsearch
    MAIN_CLASS_PREFIX=org.elasticsearch
    # newest first; all of these were served by Maven Central when written
    ES_CANDIDATES="${ES_CANDIDATES:-8.19.21 8.19.20 8.19.18 8.19.9 8.19.8 8.19.5 8.19.4 8.19.2 8.19.0 8.18.0 8.17.4}"
    ;;
  opensearch)
    GROUP_ID=org.opensearch.distribution.integ-test-zip
    ARTIFACT=opensearch
    MAIN_CLASS_PREFIX=org.opensearch
    # 2.19.x runs on Java 17; 3.x needs Java 21
    ES_CANDIDATES="${ES_CANDIDATES:-2.19.6}"
    ;;
  *) echo "SEARCH_ENGINE must be elasticsearch or opensearch" >&2; exit 2 ;;
esac
START_TIMEOUT="${ES_START_TIMEOUT:-120}"

log() { echo "[$SEARCH_ENGINE] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root"; }

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}

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

# <repo>/.services/<name> -> real directory (created), handling the case
# where the repo path isn't traversable by the service user.
state_dir() {
  local name="$1" link="$SERVICES/$1"
  if [ -L "$link" ]; then
    mkdir -p "$(readlink -f "$link")"
  elif [ ! -d "$link" ]; then
    mkdir -p "$SERVICES"
    if id "$ES_USER" >/dev/null 2>&1 && ! runuser -u "$ES_USER" -- test -x "$SERVICES" 2>/dev/null; then
      local base="/tmp/portal-services-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
      mkdir -p "$base/$name"; chmod 755 "$base"
      ln -sfn "$base/$name" "$link"
      log "repo path not traversable by $ES_USER; $name lives in $base/$name"
    else
      mkdir -p "$link"
    fi
  fi
  readlink -f "$link"
}

resolve_paths() {
  DATA_BASE="$(state_dir "$ARTIFACT-data")"
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
  local base; base="$(state_dir "$ARTIFACT")"
  ES_HOME="$base/$ARTIFACT-$ES_VER"
  if [ ! -x "$ES_HOME/bin/$ARTIFACT" ]; then
    log "unpacking $ZIP"
    rm -rf "$ES_HOME" "$base/.unpack"
    mkdir -p "$base/.unpack"
    unzip -q "$ZIP" -d "$base/.unpack"
    mv "$base/.unpack/$ARTIFACT-$ES_VER" "$ES_HOME"
    rm -rf "$base/.unpack"
    if [ "$SEARCH_ENGINE" = opensearch ]; then opensearch_modules; fi
    chown -R "$ES_USER:$ES_USER" "$ES_HOME"
  fi
  # heap
  mkdir -p "$ES_HOME/config/jvm.options.d"
  printf -- '-Xms512m\n-Xmx512m\n' > "$ES_HOME/config/jvm.options.d/heap.options"
  chown "$ES_USER:$ES_USER" "$base" "$ES_HOME/config" "$ES_HOME/config/jvm.options.d" "$ES_HOME/config/jvm.options.d/heap.options"
}

mvn_copy() {  # groupId:artifactId:version[:type] destdir
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
    -Dartifact="$1" -DoutputDirectory="$2" >"$CACHE/mvn-copy.log" 2>&1 \
    || { cat "$CACHE/mvn-copy.log" >&2; die "could not fetch $1"; }
  rm -f "$CACHE/mvn-copy.log"
}

# OpenSearch's integ-test zip has only transport-netty4.  Its analysis-common
# (cjk, english, stemmer, synonym, ngram, edge_ngram, asciifolding, ...) and
# lang-painless modules are published as plain jars; add the descriptors.
opensearch_modules() {
  local m="$ES_HOME/modules" a
  mkdir -p "$m/lang-painless" "$m/analysis-common"
  for a in org.opensearch.plugin:lang-painless:$ES_VER \
           org.opensearch.plugin:opensearch-scripting-painless-spi:$ES_VER \
           org.antlr:antlr4-runtime:4.13.1 \
           org.ow2.asm:asm:9.7 org.ow2.asm:asm-util:9.7 org.ow2.asm:asm-tree:9.7 \
           org.ow2.asm:asm-commons:9.7 org.ow2.asm:asm-analysis:9.7; do
    mvn_copy "$a" "$m/lang-painless"
  done
  mvn_copy "org.opensearch.plugin:analysis-common:$ES_VER" "$m/analysis-common"
  cat > "$m/lang-painless/plugin-descriptor.properties" <<EOF
description=An easy, safe and fast scripting language for OpenSearch
version=$ES_VER
name=lang-painless
classname=org.opensearch.painless.PainlessPlugin
java.version=11
opensearch.version=$ES_VER
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  cat > "$m/lang-painless/plugin-security.policy" <<'EOF'
grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
  cat > "$m/analysis-common/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$ES_VER
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$ES_VER
custom.foldername=
extended.plugins=lang-painless
has.native.controller=false
EOF
}

read_pid() { [ -s "${PIDFILE:-}" ] && cat "$PIDFILE" || true; }

is_running() {
  local pid; pid="$(read_pid)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q "$MAIN_CLASS_PREFIX" "/proc/$pid/cmdline" 2>/dev/null
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
        OPENSEARCH_JAVA_HOME="$JAVA17" OPENSEARCH_TMPDIR="$DATA_BASE/tmp" \
        "$ES_HOME/bin/$ARTIFACT" -d -p "$PIDFILE" \
        -E discovery.type=single-node \
        -E network.host="$HOST" \
        -E http.port="$PORT" \
        -E transport.port=0 \
        -E path.data="$DATA_BASE/data" \
        -E path.logs="$DATA_BASE/logs" \
        -E cluster.name=portal-dev \
        -E cluster.routing.allocation.disk.threshold_enabled=false \
        -E action.destructive_requires_name=false \
        "${secflag[@]}" >"$DATA_BASE/logs/startup.out" 2>&1; then
      cat "$DATA_BASE/logs/startup.out" >&2 || true
      tail -n 40 "$DATA_BASE/logs/portal-dev.log" >&2 2>/dev/null || true
      die "elasticsearch failed to start"
    fi
    # (OpenSearch's -d returns before the pid file is written)
    until healthy; do
      if [ $((SECONDS - t0)) -ge "$START_TIMEOUT" ] || { [ -s "$PIDFILE" ] && ! is_running; }; then
        cat "$DATA_BASE/logs/startup.out" >&2 || true
        tail -n 40 "$DATA_BASE/logs/portal-dev.log" >&2 2>/dev/null || true
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
  if [ ! -e "$SERVICES/$ARTIFACT-data" ]; then log "not running"; return 0; fi
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
  if [ -e "$SERVICES/$ARTIFACT-data" ]; then
    resolve_paths
    if is_running && healthy; then
      echo "running: $URL (pid $(read_pid))"
      return 0
    fi
  fi
  echo "stopped"
  return 1
}

case "${1:-}" in
  start)  cmd_start ;;
  stop)   cmd_stop ;;
  status) cmd_status ;;
  url)    echo "$URL" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
