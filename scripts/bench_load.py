"""Loading, publishing and serving at 1×, 10× and 100× the plan's opportunities, in one run.

Usage: make bench-load   (or: .venv/bin/python scripts/bench_load.py [--sizes 1,10,100] ...)

On a throwaway site (scripts/search_bench_site.py: a test database, search indices under their
own prefix, both removed afterwards) `load_plan` loads the plan, timed per page created. Then the
opportunities section is filled to each size (1× is the plan's own opportunities) by
scripts/generate_opportunities.py, whose bulk rows are not what is measured, and at each size:

- load: CPU per page of `--sample` more opportunities created the way `load_plan` creates them
  (PlanLoader.load_opportunity: add_child, save_revision().publish(), search outbox delivery);
- publish: CPU of one save_revision().publish() of one of the plan's opportunities (median);
- serve: CPU of one request for that opportunity's page (Django test client, DEBUG off, warm:
  viewed before), median of `--requests`.

CPU is this process's (time.process_time) plus its PostgreSQL backend's (on-CPU time from
/proc/<pid>/schedstat, when the server runs on this machine; the table says how much of it).
Elasticsearch's is not counted: it is a service shared with other work on the machine.
"""

import argparse
import statistics
import time
from io import StringIO
from pathlib import Path

import django_env

django_env.setup("portal.settings.dev")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from generate_opportunities import KEY_PREFIX, generate  # noqa: E402
from search_bench_site import throwaway_site  # noqa: E402
from wagtail.models import Page  # noqa: E402

from cooperation.models import OpportunityIndexPage, OpportunityPage, StrategyAreaPage  # noqa: E402
from core.i18n import page_url_in  # noqa: E402
from plan.plan_loader import CONTENT_DIR, PlanLoader  # noqa: E402
from plan.schema import read_yaml  # noqa: E402

SAMPLE_PREFIX = "bench-load-"
LOAD_TARGET = 1.5  # 100× load CPU per page within 1.5× of 1×
SERVE_TARGET = 1.2  # 100× serving CPU per request within 20 % of 1×
PUBLISH_LIMIT_MS = 1000  # one publish in a section of 1,000 siblings or more


def backend_cpu():
    """On-CPU seconds of this connection's PostgreSQL backend; 0 when it runs elsewhere."""
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except OSError:
        return 0.0


def cpu_of(action):
    """(CPU seconds of this process + its database backend, the backend's share) of action()."""
    process, backend = time.process_time(), backend_cpu()
    action()
    backend = backend_cpu() - backend
    return time.process_time() - process + backend, backend


def load_plan():
    before = Page.objects.count()
    total, backend = cpu_of(lambda: call_command("load_plan", stdout=StringIO()))
    created = Page.objects.count() - before
    print(f"load_plan: {created} pages, {total:.1f} s CPU ({backend:.1f} s PostgreSQL)")
    print(f"  {total / created * 1000:.0f} ms CPU per page created")


def own_opportunities():
    return OpportunityPage.objects.exclude(plan_key__startswith=KEY_PREFIX)


def fill_section(size):
    """Generated opportunities up to `size` in the section, beside the plan's and the samples."""
    generate(max(0, size - own_opportunities().count()))
    return OpportunityPage.objects.count()


def load_sample(size, count):
    """CPU (seconds, backend share) per opportunity created by the loader's own steps."""
    loader = PlanLoader(log=lambda *args: None)
    loader.find_changes_by_people()
    loader.load_taxonomy()  # its snippets, unchanged: what the opportunities refer to
    index = OpportunityIndexPage.objects.get()
    areas = {area.plan_key: area for area in StrategyAreaPage.objects.all()}
    records = read_yaml(CONTENT_DIR / "opportunities.yaml")["opportunities"]
    samples = [
        {**records[number % len(records)], "key": f"{SAMPLE_PREFIX}{size}-{number}"}
        for number in range(count)
    ]

    def create():
        for record in samples:
            loader.load_opportunity(index, areas, record)

    total, backend = cpu_of(create)
    return total / count, backend / count


def publish_cost(page, times):
    costs = [cpu_of(lambda: page.save_revision().publish()) for _ in range(times)]
    return statistics.median(total for total, _backend in costs), statistics.median(
        backend for _total, backend in costs
    )


def serve_cost(client, url, requests):
    response = client.get(url)  # warm: templates, per-process caches, the page's fragments
    assert response.status_code == 200, (url, response.status_code)
    costs = [cpu_of(lambda: client.get(url)) for _ in range(requests)]
    return statistics.median(total for total, _backend in costs), statistics.median(
        backend for _total, backend in costs
    )


def measure(size, args, client):
    opportunities = fill_section(size)
    load, load_backend = load_sample(size, args.sample)
    page = own_opportunities().exclude(plan_key__startswith=SAMPLE_PREFIX).order_by("path")[0]
    publish, publish_backend = publish_cost(page, args.publishes)
    row = {
        "opportunities": opportunities,
        "load ms/page": (load * 1000, load_backend * 1000),
        "publish ms": (publish * 1000, publish_backend * 1000),
    }
    for language, _name in settings.LANGUAGES:
        serve, serve_backend = serve_cost(client, page_url_in(page, language), args.requests)
        row[f"serve {language} ms"] = (serve * 1000, serve_backend * 1000)
    return row


def print_table(rows):
    columns = [name for name in next(iter(rows.values())) if name != "opportunities"]
    print("CPU per unit (of which PostgreSQL)")
    print(f"{'size':>5} {'opportunities':>13} " + " ".join(f"{name:>20}" for name in columns))
    for size, row in rows.items():
        cells = " ".join(f"{f'{row[n][0]:.1f} ({row[n][1]:.1f})':>20}" for n in columns)
        print(f"{size:>4}× {row['opportunities']:>13} {cells}")
    first, last = rows[min(rows)], rows[max(rows)]
    print(f"ratios {max(rows)}× / {min(rows)}×:")
    for name in columns:
        ratio = last[name][0] / first[name][0]
        target = LOAD_TARGET if name.startswith("load") else SERVE_TARGET
        verdict = "" if name.startswith("publish") else f"  (target ≤ {target})"
        print(f"  {name:20} {ratio:5.2f}{verdict}")
    for size, row in rows.items():
        if row["opportunities"] >= 1000:
            verdict = "under" if row["publish ms"][0] < PUBLISH_LIMIT_MS else "OVER"
            print(f"publish at {size}×: {verdict} {PUBLISH_LIMIT_MS} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100", help="multiples of the plan's count")
    parser.add_argument("--sample", type=int, default=20, help="pages created at each size")
    parser.add_argument("--publishes", type=int, default=5, help="publishes at each size")
    parser.add_argument("--requests", type=int, default=30, help="requests at each size")
    args = parser.parse_args()
    settings.DEBUG = False  # as served in production
    with throwaway_site(load_plan=False):
        load_plan()
        plan_count = own_opportunities().count()
        client = Client(HTTP_HOST="localhost")
        rows = {}
        for multiple in sorted(int(size) for size in args.sizes.split(",")):
            rows[multiple] = measure(multiple * plan_count, args, client)
            print(f"{multiple}×: measured", flush=True)
        print_table(rows)


if __name__ == "__main__":
    main()
