"""Page cost, measured in one run: server CPU ms and queries per request for each page type.

Usage: make bench-pages   (or: .venv/bin/python scripts/bench_pages.py [--repeat N] [--compare REF])

Requests go through Django's full stack in this process (test client, DEBUG off, no HTTP cache in
front), so the CPU figure is what one uncached request costs the app server. CPU is
`time.process_time()` over N requests, divided by N; queries are counted on a separate request,
so counting them does not add to the CPU figure. With `--compare REF` (e.g. `main`) the same
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


def measure_here(repeat):
    """{"lang page type": {"cpu_ms", "queries", "status", "bytes"}} for this checkout."""
    sys.path.insert(0, str(SCRIPTS))
    import django_env

    django_env.setup("portal.settings.dev")
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.DEBUG = False  # as served in production: no debug toolbar-like overhead
    client = Client(HTTP_HOST="localhost")
    results = {}
    for language in ("zh-hans", "en"):
        for model, url in sample_urls(language):
            client.get(url)  # warm template loading and per-process caches
            reset_queries()  # each request empties the log: the capture must start from empty
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            start = time.process_time()
            for _ in range(repeat):
                client.get(url)
            cpu = (time.process_time() - start) / repeat
            results[f"{language} {model}"] = {
                "cpu_ms": cpu * 1000,
                "queries": len(queries),
                "status": response.status_code,
                "bytes": len(response.content),
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


def run_in(tree, repeat):
    output = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "scripts/bench_pages.py", "--json", f"--repeat={repeat}"],
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
        }
        for key in rounds[0]
    }


def print_single(results):
    print(f"{'page':30} {'status':>6} {'queries':>7} {'KiB':>6} {'CPU ms':>7}")
    for key, row in results.items():
        print(
            f"{key:30} {row['status']:>6} {row['queries']:>7} {row['bytes'] / 1024:>6.1f} "
            f"{row['cpu_ms']:>7.1f}"
        )
    print(f"max queries per page: {max(row['queries'] for row in results.values())}")


def print_comparison(ref, before, after):
    print(f"before = {ref}, after = this tree; CPU ms per request, medians of the rounds")
    header = ("page", "CPU before", "CPU after", "after/before", "queries before", "after")
    print("{:30} {:>10} {:>10} {:>12} {:>14} {:>6}".format(*header))
    for key, row in after.items():
        old = before.get(key)
        if old is None:
            continue
        print(
            f"{key:30} {old['cpu_ms']:>10.1f} {row['cpu_ms']:>10.1f} "
            f"{row['cpu_ms'] / old['cpu_ms']:>12.2f} {old['queries']:>14} {row['queries']:>6}"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="requests per page and round")
    parser.add_argument("--compare", metavar="REF", help="also measure this git ref, interleaved")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds with --compare")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure_here(args.repeat)))
    elif not args.compare:
        print_single(measure_here(args.repeat))
    else:
        tree = checkout(args.compare)
        try:
            before, after = [], []
            for _ in range(args.rounds):
                before.append(run_in(tree, args.repeat))
                after.append(run_in(ROOT, args.repeat))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT)
        print_comparison(args.compare, median_of(before), median_of(after))


if __name__ == "__main__":
    main()
