"""Demo mode: the bundled instance and one account per role with random passwords.

The accounts and their passwords are generated on each start of ``scheduler serve --demo``
(and printed there); they are demo data, never for real use.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from scheduler.web import services as s
from scheduler.web.models import Body, HalfYear, Membership, Role, StoredProfile

BUNDLED = Path(__file__).resolve().parents[2] / "instances" / "kz-2027-h1.json"
DEMO_ACCOUNTS = (  # user name, role, body code (editors)
    ("planner", Role.PLANNER, None),
    ("commission", Role.COMMISSION, None),
    ("viewer", Role.VIEWER, None),
    ("health-editor", Role.EDITOR, "health"),
    ("energy-editor", Role.EDITOR, "energy"),
)


def set_role(user, role: str, body_code: str | None = None, by=None) -> Membership:
    body = Body.objects.get(code=body_code) if body_code else None
    if role == Role.EDITOR and body is None:
        raise ValueError("an editor needs the id of their ministry or akimat (--body)")
    membership, _ = Membership.objects.update_or_create(
        user=user, defaults={"role": role, "body": body if role == Role.EDITOR else None})
    s.audit(by, "role_set", membership, account=user.get_username(), role=str(role),
            body=body_code or "")
    return membership


def import_bundled(path: Path = BUNDLED):
    """Import the bundled instance unless its half-year already has one."""
    content = path.read_bytes()
    inst = s.read_instance_upload(path.name, content)
    existing = HalfYear.objects.filter(label=inst.horizon.label()).first()
    if existing is not None and existing.instances.exists():
        return existing.instances.current().first()
    return s.store_instance(inst, path.name, content, None, note="demo (bundled instance)")


@transaction.atomic
def demo_accounts() -> list[tuple[str, str, str]]:
    """(user name, role, password) for each demo account, with fresh random passwords."""
    User = get_user_model()
    made = []
    for name, role, body in DEMO_ACCOUNTS:
        user, _ = User.objects.get_or_create(username=name, defaults={
            "first_name": "Demo", "last_name": "account (generated)"})
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.is_staff = role == Role.PLANNER  # the planner manages users in the admin site
        user.is_superuser = role == Role.PLANNER
        user.save()
        set_role(user, role, body)  # type: ignore[arg-type]  # TextChoices: str at run time
        made.append((name, str(Role(role).label) + (f" ({body})" if body else ""), password))
    return made


def setup_demo(plan: bool = True) -> list[tuple[str, str, str]]:
    s.ensure_profiles()
    stored = import_bundled()
    accounts = demo_accounts()
    if plan and not stored.halfyear.versions.exists() and not stored.halfyear.solves.filter(
            active=True).exists():
        planner = get_user_model().objects.get(username="planner")
        try:
            s.start_solve(stored, StoredProfile.objects.get(name="kz-2024"), 30, planner)
        except s.SolveBusy:
            pass
    return accounts
