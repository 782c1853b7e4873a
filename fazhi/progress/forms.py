"""The report form: fields built from the assignment (its periods, its task's targets)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.ledger.models import Assignment
from fazhi.progress.models import Cycle, ProgressReport, Status
from fazhi.progress.services import ReportInput, includable_reports, period_choices


class ReportForm(forms.Form):
    period = forms.ChoiceField(label="报送期次")
    status = forms.ChoiceField(label="进展状态", choices=Status.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="工作进展", required=False, widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000
    )
    reason = forms.CharField(
        label="未能按期完成原因", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000
    )
    proposed_date = forms.DateField(
        label="预计完成日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, assignment: Assignment, report: ProgressReport | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.assignment = assignment
        periods = period_choices(assignment)
        choices = [(p.key, p.label) for p in periods]
        if report is not None and report.period not in {p.key for p in periods}:
            choices.append((report.period, report.period_label))
        self.fields["period"].choices = choices
        self.targets = list(assignment.task.targets or [])
        for i, target in enumerate(self.targets):
            self.fields[f"figure_{i}"] = forms.DecimalField(
                label=target.get("text") or f"指标{i + 1}",
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=4,
                help_text=target.get("unit") or "",
            )
        self.includable = list(includable_reports(assignment).select_related("assignment__unit"))
        if self.includable:
            self.fields["includes"] = forms.MultipleChoiceField(
                label="汇总的责任单位报告",
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[
                    (r.pk, f"{r.assignment.unit.name} · {r.period_label} · {r.get_status_display()}")
                    for r in self.includable
                ],
            )

    def figure_fields(self) -> list[Any]:
        return [self[f"figure_{i}"] for i in range(len(self.targets))]

    def to_input(self) -> ReportInput:
        data = self.cleaned_data
        return ReportInput(
            period=data["period"],
            status=data["status"],
            text=data.get("text", ""),
            reason=data.get("reason", ""),
            proposed_date=data.get("proposed_date"),
            figures={
                str(i): data[f"figure_{i}"]
                for i in range(len(self.targets))
                if data.get(f"figure_{i}") is not None
            },
            includes=[int(pk) for pk in data.get("includes", [])],
        )

    @staticmethod
    def initial_for(report: ProgressReport) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "period": report.period,
            "status": report.status,
            "text": report.text,
            "reason": report.reason,
            "proposed_date": report.proposed_date,
            "includes": [str(pk) for pk in report.includes.values_list("pk", flat=True)],
        }
        for key, value in report.figures.items():
            initial[f"figure_{key}"] = value
        return initial

    def add_service_errors(self, error: Any) -> None:
        """Put a service ValidationError on the matching fields (or the form)."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                target = name if name in self.fields else None
                for e in errors:
                    self.add_error(target, e.messages[0] if hasattr(e, "messages") else str(e))
        else:
            for message in error.messages:
                self.add_error(None, message)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("accept", "通过"), ("return", "退回")])
    comment = forms.CharField(label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CycleForm(forms.Form):
    cycle = forms.ChoiceField(label="报送周期", choices=Cycle.choices)
