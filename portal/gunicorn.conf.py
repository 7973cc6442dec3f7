"""gunicorn settings for an app node (scripts/production.sh passes the port).

The app is loaded once in the master and the workers fork from it, so the language models
(jieba's dictionary, OpenCC's tables, pypinyin's dictionary) are loaded once and shared
copy-on-write instead of once per worker.
"""

import gc
import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Threads, so that a request waiting on the network (a search that times out against a frozen
# Elasticsearch, a slow mail server) holds one thread, not a whole worker and the visitors
# queued behind it. Rendering is CPU-bound, so more threads than this buy nothing.
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
preload_app = True
timeout = 30
graceful_timeout = 10
accesslog = None  # the app writes one JSON line per request (portal.request_log)
errorlog = "-"


def when_ready(server):
    """In the master, after the app is loaded and before the first fork."""
    from django.db import connections

    from search import analysis

    analysis.chinese_words("新乡市中原农谷")  # jieba's dictionary and OpenCC's t2s tables
    analysis.english_tokens("cooperation")
    analysis.pinyin_syllables("新乡")
    analysis.split_pinyin("xinxiang")
    connections.close_all()  # a connection must never be shared by forked workers
    # Objects created so far live for the whole process: keep the collector from touching (and
    # so copying) their pages in every worker.
    gc.freeze()
