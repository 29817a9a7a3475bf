from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "scheduler.web"
    label = "web"
    verbose_name = _("Meetings with the population")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from scheduler.web import signals  # noqa: F401  (audit of logins)
