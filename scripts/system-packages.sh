#!/usr/bin/env bash
# Debian packages the portal needs beyond Python: gettext (compiles locale/), Chromium (browser
# tests), OpenJDK 17 (Elasticsearch), Redis, Noto Sans CJK (share cards' Chinese titles; previews/share_cards.py).
# PostgreSQL is installed by scripts/postgres.sh.
set -euo pipefail
missing=()
command -v msgfmt >/dev/null || missing+=(gettext)
command -v chromium >/dev/null || missing+=(chromium)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
# Redis: the production cache, and a throw-away server in the rate-limit tests.
command -v redis-server >/dev/null || missing+=(redis-server)
[[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ]] || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
