"""Settings for the test suite: a throwaway data folder and key, SQLite unless
SCHEDULER_DB_URL names another database (the PostgreSQL run)."""

import os
import tempfile

os.environ.setdefault("SCHEDULER_SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("SCHEDULER_DATA_DIR", tempfile.mkdtemp(prefix="scheduler-web-test-"))

from scheduler.web.settings import *  # noqa: E402,F401,F403
from scheduler.web.settings import DATABASES  # noqa: E402

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # a file, not memory: the live server's threads and the worker thread share it
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(
        os.environ["SCHEDULER_DATA_DIR"], "test.sqlite3")}
    DATABASES["default"]["OPTIONS"].pop("init_command", None)
