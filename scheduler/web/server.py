"""``scheduler serve``: migrate, (demo: import the bundled instance and make the demo
accounts), start the background worker, and serve the workspace."""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000,
          demo: bool = True, echo=print) -> None:
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
                                 "--queue-name", queue], env=dict(os.environ))
               for queue in ("default", "files")]

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # stop the worker with the server
    try:
        run(host, port, get_wsgi_application(), ipv6=":" in host, threading=True,
            on_bind=lambda bound: echo(f"Serving on http://{host}:{bound}/ (Ctrl+C stops)"))
    except KeyboardInterrupt:
        pass
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
