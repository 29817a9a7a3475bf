"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl as user ``postgres``
(initdb refuses root), a socket in the cluster's own folder, trust authentication.

    with cluster() as url:   # postgres://postgres@%2Ftmp%2F...:PORT/postgres
        ...
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import urllib.parse
from pathlib import Path


def server_bin() -> Path | None:
    """The folder with initdb and pg_ctl (Debian keeps them off PATH)."""
    found = shutil.which("pg_ctl")
    if found and Path(found).with_name("initdb").exists():
        return Path(found).resolve().parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "pg_ctl").exists():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextlib.contextmanager
def cluster():
    binaries = server_bin()
    if binaries is None:
        raise RuntimeError("PostgreSQL server programs not found (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="scheduler-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    data, port = folder / "data", _free_port()
    log = folder / "server.log"
    try:
        subprocess.run(_as_postgres([str(binaries / "initdb"), "-D", str(data), "-A", "trust",
                                     "-U", "postgres", "-E", "UTF8", "--no-sync"]),
                       check=True, capture_output=True)
        subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(log),
                                     "-o", f"-p {port} -k {folder} -c listen_addresses='' "
                                           "-c fsync=off", "-w", "start"]),
                       check=True, capture_output=True)
        host = urllib.parse.quote(str(folder), safe="")
        yield f"postgres://postgres@{host}:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast",
                                         "-w", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
