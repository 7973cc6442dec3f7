"""The production topology (scripts/production.sh), for the tests that need it whole.

Started for these tests when it is not running, and stopped after them; a topology that was
already running is left running, with any node a test killed started again.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = ["bash", str(ROOT / "scripts" / "production.sh")]
STATE = ROOT / ".services" / "production"


def production(command, timeout=1800):
    return subprocess.run(
        [*PRODUCTION, command], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def app_environment():
    """The app nodes' environment (read from the file production.sh writes)."""
    pairs = (line.split("=", 1) for line in (STATE / "env").read_text().splitlines())
    return {**os.environ, **dict(pairs)}


def manage(*args, timeout=300):
    """Runs manage.py against the production topology's database, cache and search."""
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=app_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    ).stdout


@pytest.fixture(scope="session")
def topology():
    if os.geteuid() != 0:
        message = "the production topology needs root (packages, service users)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    already_running = production("status").returncode == 0
    if not already_running:
        started = production("start")
        assert started.returncode == 0, started.stderr[-3000:]
    yield app_environment()["FRONTEND_CACHE_PURGE_URL"]
    result = production("start" if already_running else "stop")
    assert result.returncode == 0, result.stderr[-3000:]
