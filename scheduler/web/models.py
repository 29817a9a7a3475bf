"""What the workspace stores: bodies and roles, instances as imported, profiles, calendar
versions (numbered, never overwritten, each with its inputs), solves and the audit log."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Body(models.Model):
    """A ministry or akimat, by its id in the instances (reference data for roles)."""

    code = models.CharField(_("id"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)

    class Meta:
        ordering = ["kind", "name_ru"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}", "") or self.name_ru

    def __str__(self) -> str:
        return self.name_ru


class Role(models.TextChoices):
    PLANNER = "planner", _("planner of the authority")
    EDITOR = "editor", _("editor of a ministry or akimat")
    COMMISSION = "commission", _("member of the commission")
    VIEWER = "viewer", _("viewer")


class Membership(models.Model):
    """A user's role; an editor is bound to one body."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="membership", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, null=True, blank=True,
                             verbose_name=_("body"))

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.CheckConstraint(
            condition=Q(role="editor", body__isnull=False) | ~Q(role="editor"),
            name="editor_has_body")]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}" + (f" ({self.body})" if self.body else "")


class HalfYear(models.Model):
    label = models.CharField(_("half-year"), max_length=16, unique=True)  # 2027-H1

    class Meta:
        ordering = ["-label"]
        verbose_name = _("half-year")
        verbose_name_plural = _("half-years")

    def __str__(self) -> str:
        return self.label


class LightManager(models.Manager):
    """Leaves the large fields out of every query; they load when first read."""

    heavy: tuple[str, ...] = ()

    def get_queryset(self):
        return super().get_queryset().defer(*self.heavy)


class InstanceManager(LightManager):
    heavy = ("data", "source_bytes")

    def current(self):
        """The revisions the editors work on: without a re-plan's inputs that were kept
        behind edits made while it ran (``version_only``)."""
        return self.filter(version_only=False)


class VersionManager(LightManager):
    heavy = ("calendar",)


class StoredInstance(models.Model):
    """An instance as imported (validated JSON) with its source file's bytes."""

    objects = InstanceManager()

    halfyear = models.ForeignKey(HalfYear, on_delete=models.PROTECT, related_name="instances")
    name = models.CharField(_("name"), max_length=200)
    data = models.JSONField(_("instance"))
    source_name = models.CharField(_("source file"), max_length=200)
    source_bytes = models.BinaryField(_("source file content"))
    sha256 = models.CharField(max_length=64)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("edited from"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, verbose_name=_("created by"))
    # a re-plan's inputs stored when edits were made while it ran: kept with its version,
    # never the half-year's current revision (the edits stay on top)
    version_only = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("instance")
        verbose_name_plural = _("instances")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("an imported instance is never changed: store a new one")
        self.sha256 = hashlib.sha256(bytes(self.source_bytes)).hexdigest()
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.name} #{self.pk}"


class StoredProfile(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    toml = models.TextField(_("profile (TOML)"))
    builtin = models.BooleanField(_("built-in"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.name


class State(models.TextChoices):
    DRAFT = "draft", _("draft")
    AGREED = "agreed", _("agreed")
    APPROVED = "approved", _("approved")
    PUBLISHED = "published", _("published")


class CalendarVersion(models.Model):
    """One numbered calendar of a half-year with every input that made it; the content is
    never changed, only its state moves on (draft, agreed, approved, published)."""

    objects = VersionManager()
    CONTENT = ("halfyear", "number", "kind", "calendar", "instance", "profile_name",
               "profile_toml", "note", "change_set", "changes", "base")
    halfyear = models.ForeignKey(HalfYear, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=16)  # plan, replan, urgent, imported
    state = models.CharField(_("state"), max_length=16, choices=State.choices,
                             default=State.DRAFT)
    calendar = models.JSONField(_("calendar"))
    instance = models.ForeignKey(StoredInstance, on_delete=models.PROTECT,
                                 related_name="versions", verbose_name=_("instance"))
    profile_name = models.CharField(_("profile"), max_length=100)
    profile_toml = models.TextField(_("profile (TOML)"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    change_set = models.JSONField(_("change set"), null=True, blank=True)
    changes = models.JSONField(_("changes"), null=True, blank=True)
    base = models.PositiveIntegerField(_("started from version"), null=True, blank=True)
    meetings = models.PositiveIntegerField(_("meetings"), default=0)
    status = models.CharField(_("solver status"), max_length=16, blank=True)
    checked = models.JSONField(_("independent check"), null=True, blank=True)  # ok, costs
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, verbose_name=_("created by"))

    class Meta:
        ordering = ["halfyear", "-number"]
        verbose_name = _("calendar version")
        verbose_name_plural = _("calendar versions")
        constraints = [models.UniqueConstraint(fields=["halfyear", "number"],
                                               name="one_number_per_version")]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            fields = set(kwargs.get("update_fields") or ())
            if not fields or fields - {"state"}:
                raise ValueError("a calendar version is never overwritten: only its state moves")
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.halfyear} v{self.number:03d}"

    @property
    def kind_label(self) -> str:
        return str(VERSION_KINDS.get(self.kind, self.kind))


VERSION_KINDS = {"plan": _("plan"), "replan": _("re-plan"), "urgent": _("out-of-schedule"),
                 "imported": _("imported calendar")}


class VersionFile(models.Model):
    """A download made from a version once (workbook, report), kept to serve again."""

    version = models.ForeignKey(CalendarVersion, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=100)
    content = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "name"], name="one_file_name")]


class SolveJob(models.Model):
    """A solve in the background; ``active`` marks the one running for a half-year."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        NO_CALENDAR = "no_calendar", _("no calendar exists")
        FAILED = "failed", _("failed")

    halfyear = models.ForeignKey(HalfYear, on_delete=models.PROTECT, related_name="solves")
    instance = models.ForeignKey(StoredInstance, on_delete=models.PROTECT)
    profile = models.ForeignKey(StoredProfile, on_delete=models.PROTECT)
    time_limit = models.FloatField(default=30)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    active = models.BooleanField(default=True)
    solver_status = models.CharField(max_length=16, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    message = models.TextField(blank=True)
    explanation = models.JSONField(null=True, blank=True)
    version = models.ForeignKey(CalendarVersion, on_delete=models.SET_NULL, null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("solve")
        verbose_name_plural = _("solves")
        constraints = [models.UniqueConstraint(fields=["halfyear"], condition=Q(active=True),
                                               name="one_active_solve_per_halfyear")]


class ChangeRequestRecord(models.Model):
    """A change request an editor recorded for the quarter's next re-plan: the library's
    ``ChangeRequest`` as JSON (validated with the CLI's messages), for one body; ``version``
    is the re-plan that took it up."""

    halfyear = models.ForeignKey(HalfYear, on_delete=models.PROTECT, related_name="requests")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, verbose_name=_("body"))
    data = models.JSONField(_("request"))
    created = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, verbose_name=_("created by"))
    version = models.ForeignKey(CalendarVersion, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="requests",
                                verbose_name=_("taken up by version"))

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("change request")
        verbose_name_plural = _("change requests")


class ReplanJob(models.Model):
    """A re-plan or an out-of-schedule meeting in the background, from a base version;
    ``active`` marks the one running for a half-year."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        NO_CALENDAR = "no_calendar", _("no calendar exists")
        STALE = "stale", _("refused: a newer version landed")
        FAILED = "failed", _("failed")

    halfyear = models.ForeignKey(HalfYear, on_delete=models.PROTECT, related_name="replans")
    kind = models.CharField(max_length=16, default="replan")  # replan, urgent
    base = models.ForeignKey(CalendarVersion, on_delete=models.PROTECT, related_name="+")
    as_of = models.DateField()
    change_set = models.JSONField()
    instance = models.JSONField()  # the base's instance with the editors' edits
    started_from = models.ForeignKey(  # the newest instance revision when it started
        StoredInstance, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    source = models.CharField(max_length=200, blank=True)  # the uploaded file's name
    force = models.BooleanField(default=False)
    from_older = models.BooleanField(default=False)
    time_limit = models.FloatField(default=30)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    active = models.BooleanField(default=True)
    seconds = models.FloatField(null=True, blank=True)
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    gap = models.FloatField(null=True, blank=True)
    message = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)  # refusals when no calendar exists
    version = models.ForeignKey(CalendarVersion, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+")
    task_id = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("re-plan")
        verbose_name_plural = _("re-plans")
        constraints = [models.UniqueConstraint(fields=["halfyear"], condition=Q(active=True),
                                               name="one_active_replan_per_halfyear")]


class Comment(models.Model):
    version = models.ForeignKey(CalendarVersion, on_delete=models.CASCADE,
                                related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    text = models.TextField(_("comment"), max_length=4000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]


class AuditEntry(models.Model):
    """Who changed what, when, and from which version; rows are only ever added."""

    when = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, verbose_name=_("user"))
    username = models.CharField(_("user name"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=40)
    object_type = models.CharField(_("object"), max_length=40, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    halfyear = models.CharField(_("half-year"), max_length=16, blank=True)
    from_version = models.PositiveIntegerField(_("from version"), null=True, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("the audit log is append-only")
        super().save(*args, **kwargs)

    @property
    def action_label(self) -> str:
        return str(ACTIONS.get(self.action, self.action))


ACTIONS = {
    "login": _("logged in"), "logout": _("logged out"), "role_set": _("role given"),
    "instance_imported": _("instance imported"), "instance_edited": _("instance edited"),
    "solve_started": _("solve started"), "solve_no_calendar": _("no calendar exists"),
    "version_created": _("version created"), "version_agreed": _("version agreed"),
    "version_approved": _("version approved"), "version_published": _("version published"),
    "comment_added": _("comment added"), "request_recorded": _("change request recorded"),
    "request_withdrawn": _("change request withdrawn"), "replan_started": _("re-plan started"),
    "urgent_started": _("out-of-schedule meeting requested"),
    "replan_refused": _("re-plan refused"),
}
