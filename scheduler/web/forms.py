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
