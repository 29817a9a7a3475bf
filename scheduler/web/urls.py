from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from scheduler.web import replan_views, robustness_views, views


class HalfYearConverter:
    regex = r"\d{4}-H[12]"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IdConverter:  # the instance's ids: letters, digits, '.', '_', '-'
    regex = r"[A-Za-z0-9_.\-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class WhatConverter(IdConverter):
    regex = r"official|region"


register_converter(HalfYearConverter, "hy")
register_converter(WhatConverter, "what")
register_converter(IdConverter, "ident")

V = "h/<hy:hy>/v/<int:n>/"
web = ([
    path("", views.dashboard, name="dashboard"),
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html",
                                                redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("import/", views.import_view, name="import"),
    path("import/template.xlsx", views.template_download, name="template"),
    path("plan/", views.plan_view, name="plan"),
    path("solve/<int:pk>/", views.solve_view, name="solve"),
    path("solve/<int:pk>/progress/", views.solve_progress, name="progress"),
    path(V, views.version_view, name="version"),
    path(V + "state/", views.version_state, name="state"),
    path(V + "comment/", views.version_comment, name="comment"),
    path(V + "calendar/", views.calendar_view, name="calendar"),
    path(V + "weeks/", views.weeks_view, name="weeks"),
    path(V + "meeting/<ident:mid>/", views.meeting_view, name="meeting"),
    path(V + "download/<str:name>", views.download, name="download"),
    path(V + "chart/<ident:name>.png", views.chart_view, name="chart"),
    path(V + "ics/<what:what>/<ident:ident>.ics", views.ics_view, name="ics"),
    path("subscribe/<hy:hy>/<what:what>/<ident:ident>.ics", views.subscription,
         name="subscribe"),
    path("body/<ident:code>/", views.body_view, name="body"),
    path("body/<ident:code>/absence/", views.body_absence, name="absence"),
    path("body/<ident:code>/edit/<ident:part>/", views.body_edit, name="body_edit"),
    path("h/<hy:hy>/replan/", replan_views.replan_view, name="replan"),
    path("h/<hy:hy>/urgent/", replan_views.urgent_view, name="urgent"),
    path("replan/<int:pk>/", replan_views.job_view, name="replan_job"),
    path("audit/", views.audit_view, name="audit"),
    path("robustness/", robustness_views.robustness_view, name="robustness"),
    path(V + "robustness/", robustness_views.robustness_view, name="robustness_version"),
], "web")

urlpatterns = [
    path("", include(web)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
