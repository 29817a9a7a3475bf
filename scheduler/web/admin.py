"""The admin site: the authority manages users, bodies and roles here."""

from django.contrib import admin

from scheduler.web.models import (
    AuditEntry,
    Body,
    CalendarVersion,
    Comment,
    HalfYear,
    Membership,
    SolveJob,
    StoredInstance,
    StoredProfile,
)


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ("code", "kind", "name_ru", "name_kk")
    list_filter = ("kind",)
    search_fields = ("code", "name_ru", "name_kk")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "body")
    list_filter = ("role",)
    autocomplete_fields = ("body",)


@admin.register(HalfYear)
class HalfYearAdmin(admin.ModelAdmin):
    list_display = ("label",)


class ReadOnly(admin.ModelAdmin):
    """Stored inputs, versions and the log are never edited by hand."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StoredInstance)
class StoredInstanceAdmin(ReadOnly):
    list_display = ("name", "halfyear", "source_name", "created", "created_by")
    exclude = ("data", "source_bytes")


@admin.register(StoredProfile)
class StoredProfileAdmin(admin.ModelAdmin):
    list_display = ("name", "builtin")


@admin.register(CalendarVersion)
class CalendarVersionAdmin(ReadOnly):
    list_display = ("halfyear", "number", "kind", "state", "meetings", "status", "created")
    list_filter = ("halfyear", "state")
    exclude = ("calendar", "profile_toml", "change_set", "changes")


@admin.register(SolveJob)
class SolveJobAdmin(ReadOnly):
    list_display = ("halfyear", "status", "solver_status", "objective", "bound", "created")


@admin.register(Comment)
class CommentAdmin(ReadOnly):
    list_display = ("version", "author", "created")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnly):
    list_display = ("when", "username", "action", "object_type", "object_id", "halfyear",
                    "from_version")
    list_filter = ("action", "halfyear")

    def has_add_permission(self, request):
        return False
