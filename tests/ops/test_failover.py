"""Failover of the production topology under load: 16 concurrent clients, one app node killed,
then one Elasticsearch node killed; at most 0.1 % of requests fail, search keeps answering from
the replicas, and a page published while the node is down is found afterwards."""

import json
import os
import signal
import subprocess
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT, STATE, manage

CLIENTS = 16
MAX_REQUESTS_PER_CLIENT = 600  # bounds the load even if a phase runs long
ES_URL = "http://127.0.0.1:59510"
ES2_PIDFILE = ROOT / ".services" / "elasticsearch-data-es2" / "elasticsearch.pid"
PATHS = ["/zh-hans/", "/en/", "/zh-hans/search/?q=农业", "/en/search/?q=agriculture"]

pytestmark = pytest.mark.production


def es(path, method="GET", body=None):
    request = urllib.request.Request(
        ES_URL + path,
        method=method,
        data=body and json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


class Load:
    """CLIENTS threads requesting PATHS until stopped; every other request carries a unique
    query string, so it misses the micro-cache and reaches an app node."""

    def __init__(self, base):
        self.base, self.stop, self.lock = base, threading.Event(), threading.Lock()
        self.total, self.failures = 0, []
        self.threads = [threading.Thread(target=self.client, args=(n,)) for n in range(CLIENTS)]

    def client(self, number):
        for i in range(MAX_REQUESTS_PER_CLIENT):
            if self.stop.is_set():
                return
            path = PATHS[(i // 2) % len(PATHS)]
            if i % 2:
                path += ("&" if "?" in path else "?") + f"n={number}-{i}"
            try:
                with urllib.request.urlopen(
                    self.base + urllib.parse.quote(path, safe="/?=&"), timeout=60
                ) as response:
                    response.read()
                    failure = None if response.status == 200 else response.status
            except Exception as error:  # an HTTP error or a broken connection: a failed request
                failure = repr(error)
            with self.lock:
                self.total += 1
                if failure:
                    self.failures.append((path, failure))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def kill_tree(pid):
    """SIGKILL a process and its descendants, as a crashed machine would lose them."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    os.kill(pid, signal.SIGKILL)
    for child in children:
        kill_tree(int(child))


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def publish_news(word):
    """A news article whose title contains `word`, published now; its page id."""
    return int(
        manage(
            "shell",
            "-c",
            f"""
import datetime
from home.models import NewsIndexPage, NewsPage
index = NewsIndexPage.objects.get()
page = NewsPage(title="故障切换 {word}", title_zh_hans="故障切换 {word}",
                title_en="Failover {word}", slug="{word}", slug_zh_hans="{word}", slug_en="{word}",
                date=datetime.date.today(), body="<p>{word}</p>")
index.add_child(instance=page)
page.save_revision().publish()
print(page.pk)
""",
        ).split()[-1]
    )


def found_in_search(base, word):
    with urllib.request.urlopen(f"{base}/en/search/?q={word}", timeout=60) as response:
        return f"Failover {word}" in response.read().decode()


def test_losing_an_app_node_and_an_es_node_under_load(topology):
    base = topology
    indices = es("/portal-*/_settings/index.number_of_replicas")
    assert indices and all(
        s["settings"]["index"]["number_of_replicas"] == "1" for s in indices.values()
    ), indices
    word = f"failover{uuid.uuid4().hex[:8]}"
    page_id = None
    try:
        with Load(base) as load:
            time.sleep(5)
            kill_tree(int((STATE / "app-8101.pid").read_text()))
            time.sleep(5)
            os.kill(int(ES2_PIDFILE.read_text()), signal.SIGKILL)
            wait_for(lambda: es("/_cluster/health")["number_of_nodes"] == 1, 60, "es2 to leave")
            # every primary active again: the replicas on es1 promoted
            health = es("/_cluster/health?wait_for_status=yellow&timeout=60s")
            assert health["status"] in ("yellow", "green"), health
            page_id = publish_news(word)
            manage("search_index", "sync")  # what the every-minute timer does
            # search answers from es1 alone, with every shard there
            hits = es(f"/portal-en/_search?q={word}")
            assert hits["_shards"]["failed"] == 0 and hits["hits"]["total"]["value"] == 1
            assert found_in_search(base, word)
            time.sleep(5)
        print(f"failover: {len(load.failures)} of {load.total} requests failed")
        assert load.total >= 200
        assert len(load.failures) <= load.total * 0.001, load.failures[:10]
    finally:
        # bring the topology back whole (the fixture stops it when it started it)
        healed = subprocess.run(
            ["bash", "scripts/production.sh", "start"], cwd=ROOT, capture_output=True, text=True
        )
        assert healed.returncode == 0, healed.stderr[-2000:]
        if page_id:
            wait_for(lambda: es("/_cluster/health")["status"] == "green", 120, "green again")
            assert found_in_search(base, word)  # and still after es2 came back
            delete = f"from wagtail.models import Page; Page.objects.get(pk={page_id}).delete()"
            manage("shell", "-c", delete)
