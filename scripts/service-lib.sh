# Shared by scripts/postgres.sh and scripts/elasticsearch.sh (sourced, not run).
# Each script sets SERVICE (its log name) and defines cmd_start, cmd_stop, cmd_status and URL.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SERVICES="$ROOT/.services"

log() { echo "[$SERVICE] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root"; }

apt_install() {  # tries the cached package lists first, updates them only if that fails
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "$@" >/dev/null
  fi
}

# state_dir NAME USER: the real directory behind <repo>/.services/NAME, created if needed.
# When USER cannot traverse the checkout (one under /root, say), the state lives in
# /tmp/portal-services-<hash of the repo path>/NAME and .services/NAME links to it.
state_dir() {
  local name="$1" user="$2" link="$SERVICES/$1"
  if [ -L "$link" ]; then
    mkdir -p "$(readlink -f "$link")"
  elif [ ! -d "$link" ]; then
    mkdir -p "$SERVICES"
    if runuser -u "$user" -- test -x "$SERVICES" 2>/dev/null; then
      mkdir -p "$link"
    else
      local base
      base="/tmp/portal-services-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
      mkdir -p "$base/$name"
      chmod 755 "$base"
      ln -sfn "$base/$name" "$link"
      log "repo path not traversable by $user; $name lives in $base/$name"
    fi
  fi
  readlink -f "$link"
}

run_command() {
  case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    url) echo "$URL" ;;
    *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
  esac
}
