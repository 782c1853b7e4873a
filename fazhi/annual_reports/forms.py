"""Forms of the annual-report pages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.annual_reports.drafting import INPUT_FIELDS
from fazhi.annual_reports.models import SECTION_KINDS, AnnualReport


class NewReportForm(forms.Form):
    year = forms.IntegerField(label="报告年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="报告类型", choices=AnnualReport.Kind.choices)
    jurisdiction = forms.ModelChoiceField(label="辖区", queryset=None, empty_label=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, jurisdictions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions


class InputsForm(forms.Form):
    """What the office writes itself; the rest of the draft comes from the data."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in INPUT_FIELDS:
            self.fields[key] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 6})
            )


class VersionForm(forms.Form):
    """The whole text of the report: every save makes a new version."""

    title = forms.CharField(label="标题", max_length=200)
    issuer = forms.CharField(
        label="落款单位",
        max_length=200,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="联合行文时每行一个单位",
    )
    signed_on = forms.DateField(
        label="成文日期", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    opening = forms.CharField(label="导语", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(label="修改说明", max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind, label in SECTION_KINDS:
            self.fields[f"section_{kind}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 12}),
                help_text="每行一段；以（一）开头的行为小标题，小标题以“。”结束时与正文同段",
            )

    def sections(self) -> dict[str, str]:
        return {kind: self.cleaned_data.get(f"section_{kind}", "") for kind, _ in SECTION_KINDS}


class PastReportForm(forms.Form):
    file = forms.FileField(label="往年年度报告文件")
    year = forms.IntegerField(
        label="报告年度", required=False, min_value=2000, max_value=2100, help_text="留空则从报告标题识别"
    )
    jurisdiction = forms.ModelChoiceField(label="辖区", queryset=None, empty_label=None)  # type: ignore[arg-type]

    def __init__(self, *args: Any, jurisdictions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions
