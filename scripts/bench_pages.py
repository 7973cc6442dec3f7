"""Page weight and speed, measured in one run: queries, bytes and render time per page type.

Usage: make bench-pages   (or: .venv/bin/python scripts/bench_pages.py [--repeat N])
Times are medians over N renders through Django's test client against the configured database;
compare them as ratios within one run (this machine is noisy), not across runs.
"""

import argparse
import statistics
import time

import django_env

django_env.setup("portal.settings.dev")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

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


def sample_urls(language):
    urls = []
    for model in PAGE_TYPES:
        page = Page.objects.live().filter(content_type__model=model).order_by("path").first()
        if page is not None:
            urls.append((model, page.get_url().replace("/zh-hans/", f"/{language}/", 1)))
    return urls


def measure(client, url, repeat):
    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
    return response.status_code, len(queries), len(response.content), statistics.median(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    rows = []
    for language in ("zh-hans", "en"):
        for model, url in sample_urls(language):
            status, queries, size, median = measure(client, url, args.repeat)
            rows.append((language, model, url, status, queries, size, median))
    fastest = min(row[6] for row in rows)
    header = ("lang", "page type", "status", "queries", "KiB", "ms", "× fastest")
    print("{:8} {:22} {:>6} {:>7} {:>7} {:>7} {:>9}".format(*header))
    for language, model, _url, status, queries, size, median in rows:
        print(
            f"{language:8} {model:22} {status:>6} {queries:>7} {size / 1024:>7.1f} "
            f"{median * 1000:>7.1f} {median / fastest:>9.1f}"
        )
    print(f"max queries per page: {max(row[4] for row in rows)}")


if __name__ == "__main__":
    main()
