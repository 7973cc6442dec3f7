"""Server cost of each public page through the production topology, measured in one run.

Usage: make bench-production   (starts the topology; or, with it running:
       .venv/bin/python scripts/bench_production.py [--requests N] [--app-port P --master-pid PID])

1. Uncached CPU: N sequential GETs straight to one app node (no nginx, no conditional headers);
   CPU = utime + stime of the node's worker processes, read from /proc/<pid>/stat before and
   after, divided by N. Queries per request: the same URL rendered in this process with the
   same settings, database and cache (CaptureQueriesContext), after one warm-up request.
   The floor is a plain Wagtail `Page` with only a title (wagtailcore/page.html), created for
   the run and deleted afterwards.
2. Cached req/s: wrk, 2 threads × 16 connections for 5 s, against nginx's micro-cache and
   against nginx serving the same HTML as a static file.
3. Memory of each worker after 1,000 requests per worker: RSS (which counts the pages shared
   with the master after the fork), PSS (shared pages split between their sharers) and USS
   (the worker's own pages: what one more worker costs).
"""

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV_FILE = ROOT / ".services" / "production" / "env"
for line in ENV_FILE.read_text().splitlines():
    name, _, value = line.partition("=")
    os.environ[name] = value

import django_env  # noqa: E402

django_env.setup("portal.settings.production")
logging.getLogger("portal.request").setLevel(logging.WARNING)  # this process's own renders

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

from home.models import HomePage  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PUBLIC = "http://127.0.0.1:" + os.environ["FRONTEND_CACHE_PURGE_URL"].rsplit(":", 1)[1]
SEARCH_TERMS = {"zh-hans": "农业", "en": "agriculture"}


def first_live(model):
    page = Page.objects.live().filter(content_type__model=model).order_by("path").first()
    return page.get_url() if page else None


def in_language(url, language):
    return url.replace("/zh-hans/", f"/{language}/", 1)


def page_urls(floor_url):
    pages = {
        "home": first_live("homepage"),
        "opportunity": first_live("opportunitypage"),
        "route": first_live("routepage"),
        "listing": first_live("opportunityindexpage"),
        "floor": floor_url,
    }
    rows = []
    for language in ("zh-hans", "en"):
        for name, url in pages.items():
            rows.append((name, language, in_language(url, language)))
        rows.append(("search", language, f"/{language}/search/?q={SEARCH_TERMS[language]}"))
    return rows


def descendants(pid):
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in children] + [
        grandchild for child in children for grandchild in descendants(int(child))
    ]


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total


def memory_mib(pid):
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    kib = {key: int(value) for key, value in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)}
    private = kib["Private_Clean"] + kib["Private_Dirty"]
    return (
        f"RSS {kib['Rss'] / 1024:.0f} MiB, PSS {kib['Pss'] / 1024:.0f} MiB, "
        f"private (USS) {private / 1024:.0f} MiB"
    )


def fetch(base, url):
    request = urllib.request.Request(base + urllib.parse.quote(url, safe="/?=&"))
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read()


def cpu_per_request(app, workers, url, count):
    fetch(app, url)
    before = cpu_ticks(workers)
    for _ in range(count):
        fetch(app, url)
    return (cpu_ticks(workers) - before) * 1000 / CLOCK_TICKS / count


def queries_per_request(url):
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


def wrk_rps(url):
    output = subprocess.run(
        ["wrk", "-t2", "-c16", "-d5s", url], capture_output=True, text=True, check=True
    ).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])


def create_floor():
    home = HomePage.objects.get()
    floor = Page(title="Floor", slug="bench-floor")
    home.add_child(instance=floor)
    floor.save_revision().publish()
    return floor


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30, help="GETs per page for CPU")
    parser.add_argument("--app-port", type=int, default=8101)
    parser.add_argument("--master-pid", type=int, help="default: the gunicorn pid file")
    parser.add_argument("--memory-requests", type=int, default=1000, help="per worker")
    parser.add_argument(
        "--uncached-only", action="store_true", help="skip wrk (to compare WSGI servers)"
    )
    args = parser.parse_args()
    master = args.master_pid or int(
        (ROOT / ".services" / "production" / f"app-{args.app_port}.pid").read_text()
    )
    workers = descendants(master)
    app = f"http://127.0.0.1:{args.app_port}"
    shutil.which("wrk") or sys.exit("wrk is missing: apt-get install wrk")

    Page.objects.filter(slug="bench-floor").delete()
    floor = create_floor()
    static_copy = Path(settings.STATIC_ROOT) / "bench-floor.html"
    try:
        rows = []
        for name, language, url in page_urls(floor.get_url()):
            cpu = cpu_per_request(app, workers, url, args.requests)
            status, queries = queries_per_request(url)
            rows.append([name, language, url, status, queries, cpu])
        floor_cpu = {lang: cpu for name, lang, _u, _s, _q, cpu in rows if name == "floor"}

        # cached: each page through nginx's micro-cache against the same bytes as a static file
        for row in rows if not args.uncached_only else []:
            url = row[2]
            static_copy.write_bytes(fetch(PUBLIC, url)[1])
            row.append(wrk_rps(PUBLIC + urllib.parse.quote(url, safe="/?=&")))
            row.append(wrk_rps(f"{PUBLIC}/static/bench-floor.html"))
    finally:
        static_copy.unlink(missing_ok=True)
        floor.delete()

    print(
        f"uncached: {args.requests} GETs per page to app node :{args.app_port} "
        f"({len(workers)} workers); cached: wrk -t2 -c16 -d5s through nginx :{PUBLIC[-4:]}"
    )
    header = (
        "page",
        "lang",
        "status",
        "queries",
        "CPU ms",
        "× floor",
        "cached r/s",
        "static r/s",
        "cached/static",
    )
    print("{:12} {:8} {:>6} {:>7} {:>7} {:>8} {:>10} {:>10} {:>13}".format(*header))
    for name, language, _url, status, queries, cpu, *cached in rows:
        line = f"{name:12} {language:8} {status:>6} {queries:>7} {cpu:>7.1f} "
        line += f"{cpu / floor_cpu[language]:>8.2f}"
        if cached:
            line += f" {cached[0]:>10.0f} {cached[1]:>10.0f} {cached[0] / cached[1]:>13.2f}"
        print(line)

    urls = [row[2] for row in rows if row[0] != "floor"]
    for i in range(args.memory_requests * len(workers)):
        fetch(app, urls[i % len(urls)])
    for pid in workers:
        print(f"worker {pid} after {args.memory_requests} requests: {memory_mib(pid)}")
    print(f"master {master}: {memory_mib(master)}")


if __name__ == "__main__":
    started = time.monotonic()
    main()
    print(f"benchmark took {time.monotonic() - started:.0f} s")
