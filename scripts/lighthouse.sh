#!/usr/bin/env bash
# Lighthouse scores of every page type in both languages, mobile (Lighthouse's default) on
# Debian's Chromium. Usage: bash scripts/lighthouse.sh [BASE_URL]  (default http://127.0.0.1:8000,
# e.g. `make run` in another shell). Lighthouse 12.2.3 (13 wants Node 22) is installed with npm
# into .services/lighthouse, apart from the portal's own node_modules. Reports: artifacts/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8000}"
PREFIX=.services/lighthouse
OUT=artifacts/lighthouse
LIGHTHOUSE="$PREFIX/node_modules/.bin/lighthouse"
if [[ ! -x "$LIGHTHOUSE" ]]; then
  mkdir -p "$PREFIX"
  [[ -f "$PREFIX/package.json" ]] || echo '{"private": true}' >"$PREFIX/package.json"
  (cd "$PREFIX" && npm i -E --no-audit --no-fund --silent lighthouse@12.2.3)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
mkdir -p "$OUT"
# One page of each type; the paths are the demo content's (manage.py load_plan).
PAGES=(
  "home:/{lang}/"
  "listing:/{lang}/opportunities/"
  "opportunity:/{lang}/opportunities/$(.venv/bin/python manage.py shell -c 'from cooperation.models import OpportunityPage as O; print(O.objects.live().exclude(counties__plan_key="citywide").filter(counties__isnull=False).first().slug)')/"
  "route:/{lang}/tourism/south-taihang/"
  "attraction:/{lang}/tourism/$(.venv/bin/python manage.py shell -c 'from tourism.models import AttractionPage as A; print(A.objects.live().first().slug)')/"
  "indicators:/{lang}/indicators/"
  "search:/{lang}/search/?q=%E9%BB%84%E6%B2%B3"
)
printf '%-12s %-8s %5s %5s %5s %5s\n' page lang perf a11y bp seo
for entry in "${PAGES[@]}"; do
  name="${entry%%:*}"
  for lang in zh-hans en; do
    path="${entry#*:}"
    url="$BASE_URL${path//\{lang\}/$lang}"
    report="$OUT/$name-$lang.json"
    "$LIGHTHOUSE" "$url" --quiet --output=json --output-path="$report" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null
    python3 - "$report" "$name" "$lang" <<'PY'
import json, sys
report, name, lang = sys.argv[1:]
categories = json.load(open(report))["categories"]
scores = [round(categories[key]["score"] * 100) for key in
          ("performance", "accessibility", "best-practices", "seo")]
print(f"{name:<12} {lang:<8} " + " ".join(f"{score:5d}" for score in scores))
PY
  done
done
