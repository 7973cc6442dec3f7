"""Search during an Elasticsearch outage: p95 latency under 10 concurrent clients.

Usage: make check-search-outage   (needs the plan loaded: make content, or it loads it)

Serves the portal with gunicorn configured as the production app nodes (portal/gunicorn.conf.py)
and, for each state of Elasticsearch, sends 10 concurrent clients at the public search, the
admin's page search and API v2 search, while one more client reads the home page. States:
healthy; stopped (nothing listening on its port); frozen (the test Elasticsearch SIGSTOPped,
then SIGCONTed). Prints p95 per endpoint and state, and the share of answers that were not 200.
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import django_env

django_env.setup("portal.settings.dev")

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PIDFILE = ROOT / ".services" / "elasticsearch-data" / "elasticsearch.pid"
CLIENTS = 10
REQUESTS_PER_CLIENT = 20
TARGET = 1.0  # seconds, p95
SEARCHES = {
    "search": "/en/search/?q=Yellow+River",
    "admin search": "/admin/pages/search/?q=Yellow+River",
    "API v2 search": "/api/v2/pages/?search=Yellow+River",
}
HOME = "/en/"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def admin_cookie():
    user, _created = get_user_model().objects.get_or_create(
        username="outage-check", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def serve(elasticsearch_url):
    port = free_port()
    env = {**os.environ, "ELASTICSEARCH_URL": elasticsearch_url}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "-c",
            "portal/gunicorn.conf.py",  # the app nodes' workers and threads
            "-b",
            f"127.0.0.1:{port}",
            "--env",
            "DJANGO_SETTINGS_MODULE=portal.settings.dev",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(120):
        try:
            urllib.request.urlopen(base + HOME, timeout=5)
            return server, base
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("gunicorn did not answer")


def fetch(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0
    return time.perf_counter() - started, status


def p95(samples):
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def load(base, cookie):
    """10 search clients (spread over the three searches) and one home-page client at once."""
    results = {name: [] for name in [*SEARCHES, "home"]}
    lock = threading.Lock()
    names = list(SEARCHES)

    def client(name, path, count):
        for _request in range(count):
            seconds, status = fetch(base + path, cookie)
            with lock:
                results[name].append((seconds, status))

    threads = [
        threading.Thread(
            target=client, args=(names[i % 3], SEARCHES[names[i % 3]], REQUESTS_PER_CLIENT)
        )
        for i in range(CLIENTS)
    ]
    threads.append(threading.Thread(target=client, args=("home", HOME, REQUESTS_PER_CLIENT * 2)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def report(state, results):
    for name, samples in results.items():
        seconds = [s for s, _status in samples]
        failed = sum(status != 200 for _s, status in samples)
        verdict = "" if name == "home" else ("ok" if p95(seconds) < TARGET else "SLOW")
        print(
            f"{state:<9} {name:<14} p95 {p95(seconds) * 1000:7.0f} ms  "
            f"median {statistics.median(seconds) * 1000:6.0f} ms  "
            f"not 200: {failed}/{len(samples)} {verdict}"
        )


def run(state, elasticsearch_url, cookie, around=None):
    server, base = serve(elasticsearch_url)
    try:
        for path in [*SEARCHES.values(), HOME]:  # warm both workers' imports and caches
            fetch(base + path, cookie)
        if around:
            with around():
                results = load(base, cookie)
        else:
            results = load(base, cookie)
        report(state, results)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


class frozen:
    def __enter__(self):
        self.pid = int(PIDFILE.read_text())
        os.kill(self.pid, signal.SIGSTOP)

    def __exit__(self, *exc):
        os.kill(self.pid, signal.SIGCONT)


def main():
    url = settings.ELASTICSEARCH_URL
    if not url or not PIDFILE.exists():
        raise SystemExit("run through scripts/with-services.sh (make check-search-outage)")
    call_command("migrate", "--noinput", verbosity=0)  # a fresh database has no tables yet
    if not Page.objects.filter(depth__gt=1).exists():
        call_command("load_plan")
    # Always: "healthy" must mean searches answered by Elasticsearch, whatever the indices were.
    call_command("search_index", "rebuild")
    call_command("update_index")
    cookie = admin_cookie()
    run("healthy", url, cookie)
    run("stopped", "http://127.0.0.1:9", cookie)  # nothing listens on the discard port
    run("frozen", url, cookie, around=frozen)


if __name__ == "__main__":
    main()
