from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from scheduler.instance import AbsenceReason


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Instance file"),
                           help_text=_("An .xlsx workbook made from the template, or a JSON "
                                       "instance file; at most 5 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".xlsx", ".json")):
            raise forms.ValidationError(_("Use an .xlsx workbook or a .json file."))
        return upload


class PlanForm(forms.Form):
    instance = forms.TypedChoiceField(label=_("Instance"), coerce=int)
    profile = forms.TypedChoiceField(label=_("Rule profile"), coerce=int)
    time_limit = forms.FloatField(label=_("Time limit, seconds"), min_value=1, max_value=600,
                                  initial=30)

    def __init__(self, *args, instances=(), profiles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instance"].choices = instances
        self.fields["profile"].choices = profiles


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=4000, widget=forms.Textarea(
        attrs={"rows": 3}))


REASONS = [(AbsenceReason.illness.value, _("illness")),
           (AbsenceReason.delegation.value, _("government delegation")),
           (AbsenceReason.deputy_pm.value, _("acting Deputy Prime Minister")),
           (AbsenceReason.other.value, _("other"))]


class AbsenceForm(forms.Form):
    official = forms.ChoiceField(label=_("Official"))
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.ChoiceField(label=_("Reason"), choices=REASONS)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, officials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["official"].choices = officials

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The absence ends before it starts."))
        return data


# ------------------------------------------------------------------ an editor's own body
# Plain text fields: the values go to the library, which refuses them with the CLI's own
# messages (shown at the field); the browser's input types only help typing.
class IssueForm(forms.Form):
    op = forms.ChoiceField(choices=[("add", "add"), ("change", "change"),
                                    ("delete", "delete")], widget=forms.HiddenInput)
    issue_id = forms.CharField(required=False, widget=forms.HiddenInput)
    region_id = forms.CharField(label=_("Region"), required=False)
    weight = forms.CharField(label=_("Weight (1-100)"), required=False,
                             widget=forms.NumberInput(attrs={"min": 1, "max": 100}))
    text_ru = forms.CharField(label=_("Issue (Russian)"), required=False, max_length=1000)
    text_kk = forms.CharField(label=_("Issue (Kazakh)"), required=False, max_length=1000)
    text_en = forms.CharField(label=_("Issue (English)"), required=False, max_length=1000)

    def __init__(self, *args, regions=(), **kwargs):
        kwargs.setdefault("auto_id", "issue_%s")  # one page holds several forms
        super().__init__(*args, **kwargs)
        self.fields["region_id"].widget = forms.Select(choices=[("", "—"), *regions])


DATE_KINDS = [("blocked", _("blocked (no ministerial visit)")),
              ("preferred", _("preferred for a ministerial visit"))]


class RegionDateForm(forms.Form):
    op = forms.ChoiceField(choices=[("add", "add"), ("delete", "delete")],
                           widget=forms.HiddenInput)
    row = forms.IntegerField(required=False, widget=forms.HiddenInput)
    date = forms.CharField(label=_("Date"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.CharField(label=_("Kind"), required=False, widget=forms.Select(
        choices=DATE_KINDS))
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "date_%s")
        super().__init__(*args, **kwargs)


REQUEST_ACTIONS = [("move", _("move a meeting")), ("cancel", _("cancel a meeting")),
                   ("add", _("add a meeting")),
                   ("block", _("dates the head cannot meet"))]


class RequestForm(forms.Form):
    action = forms.CharField(label=_("Request"), widget=forms.Select(choices=REQUEST_ACTIONS))
    meeting_id = forms.CharField(label=_("Meeting (move, cancel)"), required=False)
    date = forms.CharField(label=_("New date (move, add)"), required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))
    region_id = forms.CharField(label=_("New region (move, add)"), required=False)
    dates = forms.CharField(label=_("Dates (block), comma-separated"), required=False,
                            help_text=_("For example 2027-04-20, 2027-04-21"))
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args, meetings=(), regions=(), **kwargs):
        kwargs.setdefault("auto_id", "request_%s")
        super().__init__(*args, **kwargs)
        self.fields["meeting_id"].widget = forms.Select(choices=[("", "—"), *meetings])
        self.fields["region_id"].widget = forms.Select(choices=[("", "—"), *regions])


# ------------------------------------------------------------------ re-plans
class ReplanForm(forms.Form):
    base = forms.TypedChoiceField(label=_("Start from version"), coerce=int)
    as_of = forms.DateField(label=_("As of (today: earlier meetings are history)"),
                            widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(label=_("Change set (.xlsx or .json)"), required=False,
                           help_text=_("The change-set workbook from the template, or a JSON "
                                       "change set as for the command line; at most 5 MB."))
    recorded = forms.BooleanField(label=_("Include the requests and absences the editors "
                                          "recorded"), required=False, initial=True)
    force = forms.BooleanField(label=_("Apply requests submitted after the DL-CHANGE "
                                       "deadline"), required=False)
    from_older = forms.BooleanField(label=_("Start from an older version on purpose"),
                                    required=False)
    time_limit = forms.FloatField(label=_("Time limit, seconds"), min_value=1, max_value=600,
                                  initial=30)

    def __init__(self, *args, versions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base"].choices = versions

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".xlsx", ".json")):
            raise forms.ValidationError(_("Use an .xlsx workbook or a .json file."))
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("recorded"):
            raise forms.ValidationError(_("Upload a change set or include the recorded "
                                          "requests."))
        return data


LEVELS = [("arisen", _("arisen")), ("forecast", _("forecast"))]


class UrgentForm(forms.Form):
    base = forms.TypedChoiceField(label=_("Start from version"), coerce=int)
    region = forms.CharField(label=_("Region of the alert"))
    bodies = forms.MultipleChoiceField(label=_("Bodies concerned"))
    level = forms.ChoiceField(label=_("Level"), choices=LEVELS)
    date = forms.DateField(label=_("Date of the alert"),
                           widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=_("What happened"), required=False, max_length=1000)
    from_older = forms.BooleanField(label=_("Start from an older version on purpose"),
                                    required=False)

    def __init__(self, *args, versions=(), regions=(), bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["base"].choices = versions
        self.fields["region"].widget = forms.Select(choices=regions)
        self.fields["bodies"].choices = bodies
        self.fields["bodies"].widget.attrs["size"] = 8
