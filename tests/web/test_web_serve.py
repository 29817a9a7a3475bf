"""``scheduler serve`` runs a production server: gunicorn's worker processes answer the
pages, WhiteNoise serves the static files compressed, and stopping the server stops its
background workers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_serve_with_gunicorn_and_whitenoise(tmp_path):
    port = _free_port()
    env = {**os.environ, "SCHEDULER_DATA_DIR": str(tmp_path),
           "SCHEDULER_SECRET_KEY": "test-only-not-secret"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("SCHEDULER_DB_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "scheduler", "serve", "--no-demo", "--port",
                             str(port), "--processes", "2", "--threads", "2"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        said = []
        for line in proc.stdout:
            said.append(line)
            if line.startswith("Serving on"):
                break
        assert any("gunicorn: 2 processes" in line for line in said), "".join(said)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=60) as r:
            assert r.status == 200 and r.headers["Server"].startswith("gunicorn")
        request = urllib.request.Request(f"http://127.0.0.1:{port}/static/admin/css/base.css",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=60) as r:
            assert r.status == 200 and r.headers["Content-Encoding"] == "gzip"
        # gunicorn's workers and the two background workers (they may still be starting)
        until = time.monotonic() + 60
        while len(children := _children(proc.pid)) < 4 and time.monotonic() < until:
            time.sleep(0.2)
        assert len(children) >= 4
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    until = time.monotonic() + 20
    while time.monotonic() < until and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.2)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()
                and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()]
