"""Who may do what. Every view asks here, on the server, before it reads or writes.

planner     everything
editor      only their own body: its meetings, officials, absences; no calendar-wide files
commission  reads everything, comments, approves an agreed version
viewer      reads everything, changes nothing
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from scheduler.web.models import Membership, Role

WRITE_ACTIONS = {
    "import": {Role.PLANNER},
    "plan": {Role.PLANNER},
    "agree": {Role.PLANNER},
    "approve": {Role.COMMISSION, Role.PLANNER},
    "publish": {Role.PLANNER},
    "comment": {Role.COMMISSION, Role.PLANNER},
    "edit_body": {Role.PLANNER, Role.EDITOR},  # editors: their own body only
}


def membership(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def role_of(user) -> str | None:
    if user.is_authenticated and user.is_superuser:
        # Django's TextChoices member is a str at run time; mypy without django-stubs
        # sees the (value, label) tuple of the class body.
        return Role.PLANNER  # type: ignore[return-value]
    m = membership(user)
    return m.role if m else None


def body_of(user) -> str | None:
    """The body code an editor is bound to (None for the other roles)."""
    m = membership(user)
    if m and m.role == Role.EDITOR and not user.is_superuser:
        return m.body.code
    return None


def may(user, action: str, body_code: str | None = None) -> bool:
    role = role_of(user)
    if role is None:
        return False
    if action == "read":  # every role reads; an editor only their own body
        own = body_of(user)
        return own is None or body_code == own
    if action == "read_all":
        return role != Role.EDITOR
    if role not in WRITE_ACTIONS.get(action, ()):
        return False
    if role == Role.EDITOR:
        return body_code is not None and body_code == body_of(user)
    return True


def require(request, action: str, body_code: str | None = None) -> None:
    if not may(request.user, action, body_code):
        raise PermissionDenied(action)


def context(request) -> dict:
    """Template context: the user's role and what the menu may offer."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = role_of(user)
    return {"role": role, "role_label": Role(role).label if role else "", "own_body": body_of(user),
            "can_import": may(user, "import"), "can_plan": may(user, "plan"),
            "read_all": may(user, "read_all")}
