"""The web tests again on a real PostgreSQL server: a throwaway cluster, and the web test
modules (all but the browser ones) run against it in a child pytest. In CI this must run:
.ci/run installs PostgreSQL; elsewhere it is skipped when the server programs are absent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .pg_cluster import cluster, server_bin

pytestmark = pytest.mark.postgres
HERE = Path(__file__).resolve().parent
MODULES = ["test_web_access.py", "test_web_security.py", "test_web_solve.py",
           "test_web_quarter.py"]


def test_web_suite_on_postgresql():
    if os.environ.get("SCHEDULER_DB_URL"):
        pytest.skip("already the run on a configured database")
    if server_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL server programs not found (apt-get install postgresql)")
    with cluster() as url:
        env = {**os.environ, "SCHEDULER_DB_URL": url}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-o", "addopts=", "-q", "-p", "no:cacheprovider",
             *[str(HERE / m) for m in MODULES]],
            cwd=HERE.parents[1], env=env, capture_output=True, text=True, timeout=900)
    tail = "\n".join(done.stdout.splitlines()[-25:])
    assert done.returncode == 0, f"web tests on PostgreSQL failed:\n{tail}\n{done.stderr[-2000:]}"
    assert " passed" in tail and "skipped" not in tail.split(" passed")[-1], tail
