"""Logins, logouts and lock-outs go to the audit log too."""

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    from scheduler.web.services import audit

    audit(user, "login")


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    from scheduler.web.services import audit

    if user is not None:
        audit(user, "logout")
