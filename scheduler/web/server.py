"""``scheduler serve``: migrate, (demo: import the bundled instance and make the demo
accounts), start the background workers, and serve the workspace: with gunicorn (worker
processes with threads; static files by WhiteNoise), or Django's development server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def _die_with_parent() -> None:
    """In a background worker, before it starts (Linux): stop when the server process ends,
    even when it is killed, so that no worker is left running on its own."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _preload() -> None:
    """Import the modules the views import lazily (the what-if's explain, the .ics and chart
    writers, the re-plan), so that no gunicorn worker pays for them on its first request."""
    import importlib

    for name in ("scheduler.explain", "scheduler.report.ics", "scheduler.report.charts",
                 "scheduler.workbook", "scheduler.replan", "scheduler.words",
                 "scheduler.web.replan_views", "scheduler.web.edits"):
        try:
            importlib.import_module(name)
        except Exception:  # a module that moved: its first request imports it, as before
            pass


def default_processes() -> int:
    """Two worker processes per core (at least two): the pages are short, mostly Python."""
    return max(2, 2 * (os.cpu_count() or 1))


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          demo: bool = True, echo=print, server: str = "gunicorn", processes: int | None = None,
          threads: int = 2) -> None:
    if db:
        os.environ["SCHEDULER_DB_URL"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scheduler.web.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    from scheduler.web import services

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # WhiteNoise serves them,
    settings.WHITENOISE_USE_FINDERS = False  # compressed, from the collected folder
    services.ensure_profiles()
    if demo:
        from scheduler.web.demo import setup_demo

        echo("Demo accounts (generated for this start; passwords change on every start):")
        for name, role, password in setup_demo():
            echo(f"  {name:<15} {password:<18} {role}")
    database = settings.DATABASES["default"]
    echo(f"Database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}")
    # two workers: solves, and the files made from versions (workbooks, reports, charts)
    workers = [subprocess.Popen([sys.executable, "-m", "scheduler.web.manage", "db_worker",
                                 "--no-reload", "--interval", "0.5", "--verbosity", "0",
                                 "--queue-name", queue], env=dict(os.environ),
                                preexec_fn=_die_with_parent)
               for queue in ("default", "files")]

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stop the worker with the server
    try:
        if server == "gunicorn":
            from django.db import connections

            connections.close_all()  # never share a connection with the forked workers
            _preload()  # what the pages import on first use, imported once before the fork
            processes = processes or default_processes()
            said = (f"Serving on http://{host}:{port}/ with gunicorn: {processes} processes "
                    f"x {threads} threads (Ctrl+C stops)")
            Gunicorn(get_wsgi_application(), {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": processes, "threads": threads, "worker_class": "gthread",
                "timeout": 120, "graceful_timeout": 5, "keepalive": 5,
                "accesslog": None, "errorlog": "-", "loglevel": "warning",
                "proc_name": "scheduler-web",
                "when_ready": lambda arbiter: echo(said)}).run()  # once listening
        else:
            run(host, port, get_wsgi_application(), ipv6=":" in host, threading=True,
                on_bind=lambda bound: echo(f"Serving on http://{host}:{bound}/ "
                                           f"(Django's development server; Ctrl+C stops)"))
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(5)
            except subprocess.TimeoutExpired:
                worker.kill()


def _gunicorn_base():
    from gunicorn.app.base import BaseApplication

    return BaseApplication


# gunicorn's base class is imported when serving, not at import: mypy cannot see it.
class Gunicorn(_gunicorn_base()):  # type: ignore[misc]
    """gunicorn with the application and settings given here (no config file read)."""

    def __init__(self, application, options: dict) -> None:
        self.application, self.options = application, options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None and key in self.cfg.settings:
                self.cfg.set(key, value)

    def load(self):
        return self.application
