"""CSRF, lock-out after wrong passwords, password hashing, uploads (row-level errors,
nothing stored when bad, size limit), migrations and translation catalogues."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from scheduler.web.models import AuditEntry, StoredInstance

INSTANCE = Path(__file__).resolve().parents[2] / "instances" / "kz-2027-h1.json"
PASSWORD = "generated-Test-pass-2027"  # as in conftest.py: test data, not a secret


def _csrf(client: Client, path: str) -> str:
    client.get(path)
    return client.cookies["csrftoken"].value


def test_posts_without_csrf_token_are_refused(seeded):
    """Login and state changes need the CSRF token."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "planner", "password": PASSWORD})
    assert response.status_code == 403
    token = _csrf(client, "/login/")
    response = client.post("/login/", {"username": "planner", "password": PASSWORD,
                                       "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.post("/h/2027-H1/v/1/state/", {"action": "agree"}).status_code == 403
    assert seeded["version"].__class__.objects.get().state == "draft"


def test_wrong_passwords_lock_the_account(client, seeded, settings):
    """After AXES_FAILURE_LIMIT wrong passwords even the right one is refused."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/login/", {"username": "viewer", "password": "wrong"})
        assert response.status_code in (200, 429)
    response = client.post("/login/", {"username": "viewer", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # another account from the same address is not locked
    response = client.post("/login/", {"username": "planner", "password": PASSWORD})
    assert response.status_code == 302
    assert AuditEntry.objects.filter(action="login", username="planner").exists()


def test_passwords_are_hashed_with_argon2(seeded):
    assert seeded["users"]["viewer"].password.startswith("argon2")


def _upload(client, name: str, content: bytes):
    return client.post("/import/", {"file": SimpleUploadedFile(name, content)})


def test_bad_instance_shows_rows_and_stores_nothing(as_role, seeded):
    """A broken row is named on the page; nothing is stored or logged."""
    client = as_role("planner")
    data = json.loads(INSTANCE.read_text(encoding="utf-8"))
    data["issues"][0]["weight"] = 0
    stored, logged = StoredInstance.objects.count(), AuditEntry.objects.count()
    response = _upload(client, "../../etc/broken.json", json.dumps(data).encode())
    page = response.content.decode()
    assert response.status_code == 200
    assert "broken.json" in page and "../" not in page
    assert "issues[0]" in page and "weight" in page
    data["issues"][0]["weight"] = 5
    data["officials"][3]["body_id"] = "no-such-ministry"
    page = _upload(client, "broken.json", json.dumps(data).encode()).content.decode()
    assert "officials[3]" in page and "no-such-ministry" in page
    assert StoredInstance.objects.count() == stored
    assert AuditEntry.objects.count() == logged
    response = _upload(client, "notes.txt", b"hello")
    assert "xlsx" in response.content.decode()
    assert StoredInstance.objects.count() == stored


def test_large_upload_is_refused(as_role, seeded, settings):
    client = as_role("planner")
    stored = StoredInstance.objects.count()
    response = _upload(client, "big.json", b" " * (settings.MAX_UPLOAD_BYTES + 1))
    assert response.status_code in (200, 400, 413)
    assert StoredInstance.objects.count() == stored


def test_workbook_import_and_template(as_role, seeded, tmp_path):
    """The instance as a workbook imports like the JSON; the template downloads."""
    from scheduler.io import load_instance
    from scheduler.workbook import write_instance_workbook

    client = as_role("planner")
    path = tmp_path / "kz.xlsx"
    write_instance_workbook(load_instance(INSTANCE), path)
    response = _upload(client, "kz.xlsx", path.read_bytes())
    assert response.status_code == 302
    newest = StoredInstance.objects.first()
    assert newest.source_name == "kz.xlsx" and bytes(newest.source_bytes)[:2] == b"PK"
    assert AuditEntry.objects.filter(action="instance_imported", username="planner").exists()
    template = client.get("/import/template.xlsx")
    assert template.status_code == 200 and template.content[:2] == b"PK"


@pytest.mark.django_db(transaction=True)
def test_migrations_from_empty_to_head():
    """Unapply every migration of the app, apply them again; nothing is missing."""
    from django.core.management import call_command

    call_command("migrate", "web", "zero", verbosity=0)
    call_command("migrate", verbosity=0)
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def _messages(catalog) -> dict:
    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value
    return {key(m.id): key(m.string) for m in catalog if m.id}


def test_catalogues_are_complete_and_compiled():
    """Every message is translated into Russian and Kazakh, and the committed .mo files
    are what the .po files compile to."""
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    from scheduler.web import catalogues

    for lang in catalogues.LANGS:
        assert catalogues.missing(lang) == []
        with open(catalogues.po_path(lang), "rb") as handle:
            catalog = read_po(handle, locale=lang)
        with open(catalogues.po_path(lang).with_suffix(".mo"), "rb") as handle:
            compiled = read_mo(handle)
        assert _messages(catalog) == _messages(compiled)


def test_pages_speak_kazakh(as_role, seeded):
    client = as_role("viewer")
    client.cookies["django_language"] = "kk"
    page = client.get("/").content.decode()
    assert "Жартыжылдық" in page or "жартыжылдығы" in page
    assert "Мерзімдер" in page


def test_database_is_the_configured_one(db):
    """SQLite by default; PostgreSQL when SCHEDULER_DB_URL names it (the PostgreSQL run)."""
    import os

    from django.db import connection

    url = os.environ.get("SCHEDULER_DB_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"
    assert connection.vendor == expected
