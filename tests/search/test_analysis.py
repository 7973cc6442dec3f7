"""Query analysis shared by threads: gunicorn's gthread workers analyse several searches at once."""

import sys
from concurrent.futures import ThreadPoolExecutor

from search import analysis

WORDS = "cooperation cities studies logistics manufacturing industrialisation " * 50


def safely(text):
    try:
        return analysis.english_tokens(text)
    except IndexError as error:  # what a shared stemmer raised in production
        return error


def test_english_analysis_is_the_same_from_many_threads_at_once():
    expected = analysis.english_tokens(WORDS)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, so a shared state shows
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(safely, [WORDS] * 100))
    finally:
        sys.setswitchinterval(interval)
    assert all(result == expected for result in results)
