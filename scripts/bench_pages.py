"""Page cost, measured in one run: server CPU ms and queries per request for each page type.

Usage: make bench-pages   (or: .venv/bin/python scripts/bench_pages.py [--repeat N] [--compare REF])

Requests go through Django's full stack in this process (test client, DEBUG off, no HTTP cache in
front), so the CPU figure is what one uncached request costs the app server. CPU is
`time.process_time()` over N requests, divided by N; queries are counted on a separate request,
so counting them does not add to the CPU figure. "warm" is a page viewed again (its fragments
cached), "cold" its first view after a publish (the content version bumped before every request,
so no fragment, ETag or option list is reused). With `--compare REF` (e.g. `main`) the same
measurement also runs on a checkout of REF against the same database, interleaved round by
round with this tree, and the table shows before, after and their ratio.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent

PAGE_TYPES = [
    "homepage",
    "aboutplanpage",
    "indicatorpage",
    "cooperationindexpage",
    "strategyareapage",
    "programmepage",
    "opportunityindexpage",
    "opportunitypage",
    "tourismindexpage",
    "routepage",
    "attractionpage",
    "eventpage",
    "newspage",
]
SEARCH_QUERY = "新能源"


def large_section_urls(language):
    """With the generated opportunities (scripts/generate_opportunities.py): the downloads and
    the feed of the whole section, the sitemaps, the API, the first and the deepest listing
    page, a filtered and sorted one, and one opportunity."""
    from django.utils import translation

    from cooperation.models import OpportunityIndexPage, OpportunityPage

    index = OpportunityIndexPage.objects.get()
    with translation.override(language):
        listing = index.get_url()
        opportunity = OpportunityPage.objects.live().order_by("-pk").first().get_url()
    urls = [
        ("export csv", listing + "export/csv/"),
        ("export json", listing + "export/json/"),
        ("listing page 1", listing),
        ("listing last page", listing + "?page=100000"),
        ("listing filtered", listing + "?kind=project&stage=proposed&sort=area&page=20"),
        ("feed", listing + "feed/"),
        ("opportunity", opportunity),
    ]
    if language == "en":
        urls += [
            ("sitemap.xml", "/sitemap.xml"),
            ("sitemap-opportunities.xml", f"/sitemap-{index.slug_en}.xml"),
            ("api opportunities", "/api/v2/pages/?type=cooperation.OpportunityPage&offset=8000"),
        ]
    return urls


def sample_urls(language):
    from django.urls import reverse
    from django.utils import translation
    from wagtail.models import Page

    urls = []
    with translation.override(language):
        for model in PAGE_TYPES:
            page = Page.objects.live().filter(content_type__model=model).order_by("path").first()
            if page is not None:
                urls.append((model, page.get_url()))
        urls.append(("search", f"{reverse('search')}?q={SEARCH_QUERY}"))
    return urls


def content_changes():
    """What happens on publish, for "cold" requests; nothing on a tree without the caching app."""
    try:
        from core.content_version import bump_content_version
    except ImportError:
        return lambda: None
    return bump_content_version


def measure_here(repeat, large=False):
    """{"lang page type": {"cpu_ms", "queries", "cold_cpu_ms", "cold_queries", "status", "bytes"}}
    for this checkout."""
    sys.path.insert(0, str(SCRIPTS))
    import django_env

    django_env.setup("portal.settings.dev")
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False  # as served in production
    client = Client(HTTP_HOST="localhost")
    publish = content_changes()

    def cost(url, before_each):
        before_each()
        reset_queries()  # each request empties the log: the capture must start from empty
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            content = response.getvalue()  # a streamed download is produced while read
        queries = len(captured)  # now: the next request empties the log it reads from
        start = time.process_time()
        for _ in range(repeat):
            before_each()
            client.get(url).getvalue()
        return (time.process_time() - start) / repeat * 1000, queries, response, content

    results = {}
    for language in ("zh-hans", "en"):
        urls = large_section_urls(language) if large else sample_urls(language)
        for model, url in urls:
            client.get(url).getvalue()  # warm template loading and per-process caches
            cold_cpu, cold_queries, _response, _content = cost(url, publish)
            client.get(url).getvalue()
            cpu, queries, response, content = cost(url, lambda: None)
            results[f"{language} {model}"] = {
                "cpu_ms": cpu,
                "queries": queries,
                "cold_cpu_ms": cold_cpu,
                "cold_queries": cold_queries,
                "status": response.status_code,
                "bytes": len(content),
            }
    return results


def checkout(ref):
    """A detached worktree of `ref` that runs this version of the benchmark scripts."""
    path = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(path), ref], cwd=ROOT, check=True)
    for name in ("bench_pages.py", "django_env.py"):
        shutil.copy(SCRIPTS / name, path / "scripts" / name)
    for shared in (".venv", "node_modules"):
        if not (path / shared).exists():
            (path / shared).symlink_to((ROOT / shared).resolve())
    return path


def run_in(tree, repeat, large):
    command = [str(ROOT / ".venv/bin/python"), "scripts/bench_pages.py", "--json"]
    output = subprocess.run(
        [*command, f"--repeat={repeat}", *(["--large"] if large else [])],
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.splitlines()[-1])


def median_of(rounds):
    return {
        key: {
            **rounds[0][key],
            "cpu_ms": statistics.median(one[key]["cpu_ms"] for one in rounds),
            "cold_cpu_ms": statistics.median(one[key]["cold_cpu_ms"] for one in rounds),
        }
        for key in rounds[0]
    }


def print_single(results):
    header = ("page", "status", "KiB", "warm ms", "queries", "cold ms", "queries")
    print("{:30} {:>6} {:>6} {:>8} {:>7} {:>8} {:>7}".format(*header))
    for key, row in results.items():
        print(
            f"{key:30} {row['status']:>6} {row['bytes'] / 1024:>6.1f} {row['cpu_ms']:>8.1f} "
            f"{row['queries']:>7} {row['cold_cpu_ms']:>8.1f} {row['cold_queries']:>7}"
        )
    print(f"max queries per page: {max(row['cold_queries'] for row in results.values())}")


def print_comparison(ref, before, after):
    print(f"before = {ref}, after = this tree; CPU ms per request (medians of the rounds)")
    print("warm = viewed again, cold = first view after publish (nothing cached)")
    header = ("page", "warm", "q", "cold", "q", "warm", "q", "cold", "q", "warm", "cold")
    print(f"{'':30} {'before':>31} {'after':>31} {'after/before':>21}")
    print("{:30} {:>11} {:>3} {:>11} {:>3} {:>11} {:>3} {:>11} {:>3} {:>10} {:>10}".format(*header))
    for key, row in after.items():
        old = before.get(key)
        if old is None:
            continue
        print(
            f"{key:30} {old['cpu_ms']:>11.1f} {old['queries']:>3} {old['cold_cpu_ms']:>11.1f} "
            f"{old['cold_queries']:>3} {row['cpu_ms']:>11.1f} {row['queries']:>3} "
            f"{row['cold_cpu_ms']:>11.1f} {row['cold_queries']:>3} "
            f"{row['cpu_ms'] / old['cpu_ms']:>10.2f} "
            f"{row['cold_cpu_ms'] / old['cold_cpu_ms']:>10.2f}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="requests per page and round")
    parser.add_argument("--compare", metavar="REF", help="also measure this git ref, interleaved")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds with --compare")
    parser.add_argument(
        "--large", action="store_true", help="the large-section URLs instead of the page types"
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure_here(args.repeat, args.large)))
    elif not args.compare:
        print_single(measure_here(args.repeat, args.large))
    else:
        tree = checkout(args.compare)
        try:
            before, after = [], []
            for _ in range(args.rounds):
                before.append(run_in(tree, args.repeat, args.large))
                after.append(run_in(ROOT, args.repeat, args.large))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)
        print_comparison(args.compare, median_of(before), median_of(after))


if __name__ == "__main__":
    main()
