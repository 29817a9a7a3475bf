"""Load on the web workspace: 20 simulated users browse and download while solves run.

    .venv/bin/python benchmarks/web_load.py [--users 20] [--seconds 120] [--think 3,12]
        [--aggressive] [--server gunicorn|dev] [--processes N] [--threads T]
        [--out reports/web/load.md]

Think time: a person reads a page for seconds before the next click. By default each user
waits a random 3 to 12 s (mean 7.5 s) between requests, so 20 users send about 2.7 requests
a second; ``--aggressive`` waits 0.05-0.3 s instead (a stress test: 20 users clicking as
fast as a script can, about 60 requests a second), ``--think MIN,MAX`` any other range.

Starts ``scheduler serve --demo`` (gunicorn by default, ``--server dev`` for Django's
threaded development server in one process) on a fresh SQLite database in a temporary
folder (its background workers included), waits for the demo plan of kz-2027-h1 (134 meetings),
uploads and plans the national all-levels instance (about 2,700 meetings), then lets the
users loop over the dashboard, calendar pages (filtered, paginated), meeting pages,
what-if moves, version pages and downloads of both calendars, while a planner keeps
starting solves of kz-2027-h1 one after another. Writes p50/p95 per page kind, with the
machine's load average (printed before, every 10 s during and after the run), to the
report. Only 127.0.0.1 is targeted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NATIONAL = ROOT / "benchmarks" / "instances" / "national-all-levels" / "national-all-levels.json"


class User:
    def __init__(self, base: str, name: str, password: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.name, self.password = name, password

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=60) as r:
                body, status = r.read(), r.status
        except urllib.error.HTTPError as e:
            body, status = e.read(), e.code
        return status, body, time.perf_counter() - started

    def post(self, path: str, fields: dict, files: dict | None = None) -> tuple[int, bytes]:
        token = self._token(path)
        fields = {**fields, "csrfmiddlewaretoken": token}
        headers = {"Referer": self.base + path}
        if files:
            boundary = "----load" + str(random.random())[2:]
            parts = []
            for k, v in fields.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"'
                             f'\r\n\r\n{v}\r\n'.encode())
            for k, (name, content) in files.items():
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; '
                             f'filename="{name}"\r\nContent-Type: application/octet-stream'
                             f'\r\n\r\n'.encode() + content + b"\r\n")
            data = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        else:
            data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=120) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def _token(self, path: str) -> str:
        _, body, _ = self.get(path)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        return found.group(1).decode() if found else ""

    def login(self) -> None:
        status, _ = self.post("/login/", {"username": self.name, "password": self.password})
        assert status == 200, status


def start_server(port: int, folder: Path, server: str = "gunicorn", processes: int = 0,
                 threads: int = 4) -> tuple[subprocess.Popen, dict[str, str]]:
    env = {**os.environ, "SCHEDULER_DATA_DIR": str(folder), "SCHEDULER_AXES_LIMIT": "1000"}
    proc = subprocess.Popen([sys.executable, "-m", "scheduler", "serve", "--port", str(port),
                             "--demo", "--server", server, "--processes", str(processes),
                             "--threads", str(threads)], cwd=folder, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    passwords: dict[str, str] = {}
    for line in proc.stdout:
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("planner", "commission", "viewer", "health-editor",
                                            "energy-editor"):
            passwords[parts[0]] = parts[1]
        if line.startswith("Serving on"):
            break
    threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()
    import socket

    for _ in range(600):  # listening (said once bound; checked all the same)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, passwords


def wait_solve(user: User, job: int, limit: float = 600) -> dict:
    until = time.time() + limit
    while time.time() < until:
        _, body, _ = user.get(f"/solve/{job}/progress/")
        data = json.loads(body)
        if not data["active"]:
            return data
        time.sleep(0.5)
    raise TimeoutError(f"solve {job} still running")


def latest_job(user: User) -> int:
    _, body, _ = user.get("/plan/")
    return max(int(n) for n in re.findall(rb'/solve/(\d+)/', body))


def start_solve(user: User, instance_pk: int, time_limit: int) -> int | None:
    status, body = user.post("/plan/", {"instance": instance_pk, "profile": profile_pk(user),
                                        "time_limit": time_limit})
    found = re.search(rb'data-url="/solve/(\d+)/progress/"', body)
    return int(found.group(1)) if found else None


def profile_pk(user: User) -> str:
    _, body, _ = user.get("/plan/")
    return re.search(rb'<option value="(\d+)"[^>]*>kz-2024<', body).group(1).decode()


def instance_pk(user: User, name: str) -> str:
    _, body, _ = user.get("/plan/")
    return re.search(rf'<option value="(\d+)"[^>]*>2027-H1: {name} #'.encode(), body
                     ).group(1).decode()


def targets(version: int, calendar: dict, what_if: bool = True) -> list[tuple[str, str]]:
    """(page kind, path) pairs a user picks from, for one version."""
    base = f"/h/2027-H1/v/{version}/"
    meetings = calendar["meetings"]
    bodies = sorted({m["body_id"] for m in meetings})
    regions = sorted({m["region_id"] for m in meetings})
    pages = max(1, (len(meetings) + 49) // 50)
    out = [("dashboard", "/"), ("version", base), ("calendar", base + "calendar/")]
    for _ in range(20):
        m = random.choice(meetings)
        out += [("calendar page", f"{base}calendar/?page={random.randint(1, pages)}"),
                ("calendar filtered", f"{base}calendar/?body={random.choice(bodies)}"
                                      f"&region={random.choice(regions)}"),
                ("meeting", f"{base}meeting/{m['id']}/")]
        if what_if:
            out.append(("what-if", f"{base}meeting/{m['id']}/?to_region="
                                   f"{random.choice(regions)}"))
        out += [("ics official", f"{base}ics/official/{m['presenter_id']}.ics"),
                ("ics region", f"{base}ics/region/{m['region_id']}.ics")]
    out += [("workbook", base + "download/calendar.xlsx"), ("csv", base + "download/calendar.csv")]
    return out


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--think", default="3,12", help=(
        "seconds a user reads a page before the next request: MIN,MAX (uniform)"))
    parser.add_argument("--aggressive", action="store_true", help=(
        "think 0.05-0.3 s: a stress test, far from real users"))
    parser.add_argument("--server", choices=("gunicorn", "dev"), default="gunicorn")
    parser.add_argument("--processes", type=int, default=0,
                        help="gunicorn worker processes (0: two per core)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8791)
    parser.add_argument("--out", default=str(ROOT / "reports" / "web" / "load.md"))
    args = parser.parse_args()
    if args.aggressive:
        args.think = "0.05,0.3"
    think = tuple(float(x) for x in args.think.split(","))
    if len(think) != 2 or not 0 <= think[0] <= think[1]:
        parser.error("--think MIN,MAX with 0 <= MIN <= MAX")
    args.think_range = think
    print(f"load average (1, 5, 15 min) before start: {_load()}", flush=True)
    base = f"http://127.0.0.1:{args.port}"
    folder = Path(tempfile.mkdtemp(prefix="scheduler-web-load-"))
    proc, passwords = start_server(args.port, folder, args.server, args.processes,
                                   args.threads)
    try:
        planner = User(base, "planner", passwords["planner"])
        planner.login()
        wait_solve(planner, latest_job(planner))  # the demo plan of kz-2027-h1: version 1
        status, _ = planner.post("/import/", {}, files={"file": (NATIONAL.name,
                                                                 NATIONAL.read_bytes())})
        assert status == 200, status
        national = instance_pk(planner, "national-all-levels")
        kz = instance_pk(planner, "kz-2027-h1")
        job = start_solve(planner, national, 120)
        result = wait_solve(planner, job)
        assert result.get("version_url"), result
        calendars = {n: json.loads(planner.get(f"/h/2027-H1/v/{n}/download/calendar.json")[1])
                     for n in (1, 2)}
        sizes = {n: len(c["meetings"]) for n, c in calendars.items()}

        stop = threading.Event()
        solving = {"busy": 0.0, "solves": 0}

        def keep_solving() -> None:  # a planner re-plans kz-2027-h1 again and again
            while not stop.is_set():
                started = time.perf_counter()
                job = start_solve(planner, kz, 30)
                if job is None:
                    time.sleep(0.5)
                    continue
                wait_solve(planner, job)
                solving["busy"] += time.perf_counter() - started
                solving["solves"] += 1

        samples: dict[tuple[int, str], list[float]] = defaultdict(list)
        errors: list[str] = []
        load_during: list[tuple[float, float, float]] = []
        names = ["viewer", "commission", "planner", "health-editor", "energy-editor"]
        users = []
        for i in range(args.users):
            name = "commission" if i % 3 == 0 else "viewer"  # roles that read everything
            u = User(base, name, passwords[name])
            u.login()
            users.append(u)
        del names
        choices = {1: targets(1, calendars[1]), 2: targets(2, calendars[2])}

        def browse(u: User) -> None:
            rnd = random.Random(id(u))
            while not stop.is_set():
                n = rnd.choice((1, 1, 2))
                kind, path = rnd.choice(choices[n])
                status, _, seconds = u.get(path)
                if status == 202:  # a workbook the worker is still making: "come back soon"
                    kind += " (being made)"
                elif status != 200:
                    errors.append(f"{status} {path}")
                samples[(n, kind)].append(seconds)
                stop.wait(rnd.uniform(*args.think_range))  # a person reads, clicks again

        # baseline: one user, one request at a time, no solve running
        baseline: dict[tuple[int, str], list[float]] = defaultdict(list)
        for n in (1, 2):
            seen: dict[str, int] = defaultdict(int)
            for kind, path in choices[n]:
                if seen[kind] < 5:
                    seen[kind] += 1
                    status, _, seconds = users[0].get(path)
                    if status == 200:
                        baseline[(n, kind)].append(seconds)
        load_before = os.getloadavg()
        print(f"load average before the run: {_load()}", flush=True)
        solver = threading.Thread(target=keep_solving, daemon=True)
        solver.start()
        threads = [threading.Thread(target=browse, args=(u,), daemon=True) for u in users]
        started = time.perf_counter()
        for t in threads:
            t.start()
        last_print = started
        while time.perf_counter() - started < args.seconds:
            time.sleep(min(5.0, max(0.1, args.seconds - (time.perf_counter() - started))))
            load_during.append(os.getloadavg())
            if time.perf_counter() - last_print >= 10:
                last_print = time.perf_counter()
                print(f"{last_print - started:5.0f} s: load average {_load()}, "
                      f"{sum(len(v) for v in samples.values())} requests", flush=True)
        stop.set()
        elapsed = time.perf_counter() - started
        for t in threads:
            t.join(timeout=120)
        solver.join(timeout=120)
        alone = []
        for m in random.sample(calendars[2]["meetings"], 3):
            _, _, seconds = planner.get(f"/h/2027-H1/v/2/meeting/{m['id']}/?to_region=astana")
            alone.append(seconds)
        samples[(0, "national what-if, alone")] = alone
        print(f"load average after the run: {_load()}", flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(60)  # it stops its gunicorn workers and background workers first
        except subprocess.TimeoutExpired:
            proc.kill()  # its background workers stop with it (they watch their parent)
    write_report(Path(args.out), args, samples, errors, sizes, solving, elapsed, load_before,
                 load_during, baseline)


def server_text(args) -> str:
    if args.server == "dev":
        return "Django's threaded development server in one process"
    processes = args.processes or max(2, 2 * (os.cpu_count() or 1))
    return f"gunicorn, {processes} processes x {args.threads} threads"


def write_report(out: Path, args, samples, errors, sizes, solving, elapsed, load_before,
                 load_during, baseline) -> None:
    def row(label: str, values: list[float], alone: list[float] | None = None) -> str:
        single = f"{statistics.median(alone) * 1000:,.0f}" if alone else "–"
        return (f"| {label} | {len(values)} | {statistics.median(values) * 1000:,.0f} | "
                f"{percentile(values, 0.95) * 1000:,.0f} | {max(values) * 1000:,.0f} | "
                f"{single} |")

    pace = ("aggressive: a stress test, far from real users" if args.think_range[1] < 1
            else "reading the page, as a person does")
    lines = [
        "# Web workspace under load",
        "",
        "\"alone\" is the same page requested by one user, one request at a time, before the "
        "load and with no solve running: the cost of the page itself on this machine.",
        "",
        f"Generated by `benchmarks/web_load.py {' '.join(sys.argv[1:])}` on "
        f"{dt.date.today().isoformat()}: {args.users} simulated users (commission and viewer "
        f"accounts) for {elapsed:.0f} s against `scheduler serve` ({server_text(args)}; "
        "SQLite; two background workers: solves and files), each user waiting "
        f"{args.think_range[0]:g}-{args.think_range[1]:g} s between requests "
        f"({pace}), "
        "while a planner re-planned kz-2027-h1 "
        f"again and again ({solving['solves']} solves; a solve was running "
        f"{100 * min(1.0, solving['busy'] / elapsed):.0f} % of the time).",
        "",
        f"Machine: {os.cpu_count()} cores; load average (1, 5, 15 min) before "
        f"{', '.join(f'{x:.2f}' for x in load_before)}, during the run up to "
        f"{max((one[0] for one in load_during), default=0):.2f} (1 min), after "
        f"{_load()}. A load average above the number of cores means other work shared "
        "the machine: these are then upper bounds.",
        "",
    ]
    all_values = []
    for n, title in ((1, f"kz-2027-h1 ({sizes[1]} meetings)"),
                     (2, f"national, all levels ({sizes[2]:,} meetings)")):
        lines += [f"## {title}", "",
                  "| page | requests | p50 ms | p95 ms | max ms | alone, p50 ms |",
                  "|---|---:|---:|---:|---:|---:|"]
        mine = {kind: v for (m, kind), v in samples.items() if m == n}
        values = [x for v in mine.values() for x in v]
        all_values += values
        for kind in sorted(mine):
            lines.append(row(kind, mine[kind], baseline.get((n, kind))))
        alone_all = [x for (m, _k), v in baseline.items() if m == n for x in v]
        lines += [row("**all pages**", values, alone_all), ""]
    alone = samples.get((0, "national what-if, alone"), [])
    if alone:
        lines += ["What-if on the national calendar, one request at a time after the run: "
                  + ", ".join(f"{x:.2f}" for x in alone) + " s (from the calendar's own check, "
                  "cached per version, only what the move touches is checked again: "
                  "scheduler.checker.check_change).",
                  ""]
    lines += [f"All requests: {len(all_values)}, p50 "
              f"{statistics.median(all_values) * 1000:,.0f} ms, p95 "
              f"{percentile(all_values, 0.95) * 1000:,.0f} ms; errors: {len(errors)}"
              + (f" (first: {errors[0]})" if errors else "") + ".", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
