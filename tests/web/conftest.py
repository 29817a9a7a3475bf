"""Fixtures of the web workspace's tests: the bundled instance stored, the approved
calendar as version 1, and one account per role."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTANCE = ROOT / "instances" / "kz-2027-h1.json"
APPROVED = ROOT / "instances" / "kz-2027-h1-approved.json"
PASSWORD = "generated-Test-pass-2027"  # test data, not a real secret
ROLES = {  # user name -> (role, body)
    "planner": ("planner", None),
    "commission": ("commission", None),
    "viewer": ("viewer", None),
    "health-editor": ("editor", "health"),
    "energy-editor": ("editor", "energy"),
}


@pytest.fixture(scope="session")
def password_hash() -> str:
    """PASSWORD hashed once with argon2 (about half a second per hash, by design)."""
    from django.contrib.auth.hashers import make_password

    return make_password(PASSWORD)


@pytest.fixture
def seeded(db, password_hash):
    """The bundled instance imported, the approved calendar stored as version 1 (draft),
    and the five role accounts (password PASSWORD)."""
    from django.contrib.auth import get_user_model

    from scheduler.io import load_calendar
    from scheduler.web import services as s
    from scheduler.web.demo import set_role
    from scheduler.web.models import StoredProfile

    s.ensure_profiles()
    content = INSTANCE.read_bytes()
    stored = s.store_instance(s.read_instance_upload(INSTANCE.name, content), INSTANCE.name,
                              content, None)
    profile = StoredProfile.objects.get(name="kz-2024")
    version = s.new_version(stored.halfyear, "imported", load_calendar(APPROVED), stored,
                            profile.name, profile.toml, None, note="approved calendar")
    users = {}
    User = get_user_model()
    for name, (role, body) in ROLES.items():
        user = User.objects.create(username=name, password=password_hash)
        set_role(user, role, body)
        users[name] = user
    return {"stored": stored, "version": version, "users": users,
            "halfyear": stored.halfyear}


@pytest.fixture
def as_role(client, seeded):
    """A test client logged in as the named demo role."""
    def login(name: str):
        client.force_login(seeded["users"][name])
        return client
    return login


@pytest.fixture
def meeting_of():
    """The id of the first meeting of a body in a version."""
    def find(version, body_id: str) -> str:
        return next(m["id"] for m in version.calendar["meetings"] if m["body_id"] == body_id)
    return find
