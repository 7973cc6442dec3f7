#!/usr/bin/env bash
# Lighthouse scores of every page type in both languages, mobile (Lighthouse's default) on
# Debian's Chromium. Usage: bash scripts/lighthouse.sh [BASE_URL [PAGE…]]
#   BASE_URL  default http://127.0.0.1:8000 (e.g. `make run` in another shell); the pages are looked
#             up with manage.py, so run this with the served site's DATABASE_URL
#   PAGE      only these page types (e.g. `route attraction`); default: all of them
# Lighthouse 12.2.3 (13 wants Node 22) is installed with npm into .services/lighthouse, apart
# from the portal's own node_modules. Reports and the table of scores (scores.txt):
# artifacts/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${1:-http://127.0.0.1:8000}"
ONLY=" ${*:2} "
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
# One page of each type in each language: "name language path" (the demo content's pages,
# manage.py load_plan; --no-imports keeps the shell's own notice out of the list).
mapfile -t PAGES < <(.venv/bin/python manage.py shell --no-imports -c '
from cooperation.models import OpportunityIndexPage, OpportunityPage, StrategyAreaPage
from core.i18n import page_url_in
from home.models import HomePage, Indicator, IndicatorPage, NewsIndexPage, NewsPage
from tourism.models import AttractionPage, RoutePage

indicators = IndicatorPage.objects.live().get()
pages = {
    "home": HomePage.objects.live().get(),
    "listing": OpportunityIndexPage.objects.live().get(),
    "opportunity": OpportunityPage.objects.live()
    .exclude(counties__plan_key="citywide")
    .filter(counties__isnull=False)
    .order_by("path")
    .first(),
    # The map is the outline of the whole city, with no pin.
    "citywide": OpportunityPage.objects.live()
    .filter(counties__plan_key="citywide")
    .order_by("path")
    .first(),
    "strategy-area": StrategyAreaPage.objects.live().order_by("chapter").first(),
    "route": RoutePage.objects.live().get(slug="south-taihang"),
    "attraction": AttractionPage.objects.live().order_by("path").first(),
    "indicators": indicators,
    "indicator": indicators,
    "news": NewsIndexPage.objects.live().get(),
    "article": NewsPage.objects.live().order_by("-date").first(),
}
indicator = indicators.reverse_subpage("indicator", args=[Indicator.objects.first().pk])
for name, page in pages.items():
    for language in ("zh-hans", "en"):
        print(name, language, page_url_in(page, language) + (indicator if name == "indicator" else ""))
for language in ("zh-hans", "en"):
    print("search", language, f"/{language}/search/?q=%E9%BB%84%E6%B2%B3")
')
[[ ${#PAGES[@]} -gt 0 ]] || { echo "no pages found: is DATABASE_URL the served site's?" >&2; exit 1; }
printf '%-14s %-8s %5s %5s %5s %5s\n' page lang perf a11y bp seo | tee "$OUT/scores.txt"
for entry in "${PAGES[@]}"; do
  read -r name lang path <<<"$entry"
  [[ "$ONLY" == "  " || "$ONLY" == *" $name "* ]] || continue
  report="$OUT/$name-$lang.json"
  "$LIGHTHOUSE" "$BASE_URL$path" --quiet --output=json --output-path="$report" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo >/dev/null
  python3 - "$report" "$name" "$lang" <<'PY' | tee -a "$OUT/scores.txt"
import json, sys
report, name, lang = sys.argv[1:]
categories = json.load(open(report))["categories"]
scores = [round(categories[key]["score"] * 100) for key in
          ("performance", "accessibility", "best-practices", "seo")]
print(f"{name:<14} {lang:<8} " + " ".join(f"{score:5d}" for score in scores))
PY
done
