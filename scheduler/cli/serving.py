"""serve: the web workspace.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from scheduler.cli.common import _fail_input, console


def serve(
    db: Annotated[Optional[str], typer.Option("--db", help=(
        "Database URL: sqlite:///FILE or postgres://USER:PASSWORD@HOST:PORT/NAME "
        "(default: a SQLite file in ./scheduler-web)."))] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo/--no-demo", help=(
        "Import the bundled instance and make one demo account per role, with random "
        "passwords printed here."))] = True,
    server: Annotated[str, typer.Option(help=(
        "gunicorn: the production server (worker processes with threads, static files by "
        "WhiteNoise); dev: Django's threaded development server in one process."))
    ] = "gunicorn",
    processes: Annotated[int, typer.Option(min=0, max=64, help=(
        "gunicorn worker processes (0: two per core, at least 2)."))] = 0,
    threads: Annotated[int, typer.Option(min=1, max=64, help=(
        "Threads per gunicorn worker process (the pages are mostly Python: more processes, "
        "not threads, use more cores)."))] = 2,
) -> None:
    """Start the web workspace (accounts, roles, background solves) in the browser."""
    from scheduler.io import InputError
    from scheduler.web.server import serve as serve_web

    if server not in ("gunicorn", "dev"):
        _fail_input(InputError(f"--server {server}: use gunicorn or dev"))
    serve_web(db=db, host=host, port=port, demo=demo, echo=console.print, server=server,
              processes=processes or None, threads=threads)
