"""Progress reports (进展报送): liaisons report per assignment; the office reviews.

A report on the lead unit's assignment is the task's consolidated report (汇总报告) and may
reference the responsible units' reports. Every step is a ReportEvent; every field change is
kept by simple-history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Cycle(models.TextChoices):
    MONTHLY = "monthly", "每月报送"
    QUARTERLY = "quarterly", "每季度报送"
    AT_COMPLETION = "at_completion", "完成时报送"


class ReportingCycle(models.Model):
    """How often the units of one plan report (set by the office; monthly when unset)."""

    plan = models.OneToOneField(
        "plans.Plan", verbose_name="计划", on_delete=models.CASCADE, related_name="reporting_cycle"
    )
    cycle = models.CharField("报送周期", max_length=20, choices=Cycle.choices, default=Cycle.MONTHLY)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="设置人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("设置时间", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "报送周期"
        verbose_name_plural = "报送周期"

    def __str__(self) -> str:
        return f"{self.plan}：{self.get_cycle_display()}"


class Status(models.TextChoices):
    """Where the work stands, as the unit reports it; each carries its display colour."""

    NOT_STARTED = "not_started", "未启动"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    DELAYED = "delayed", "无法按期完成"


STATUS_COLOURS = {
    Status.NOT_STARTED: "#8c8c8c",
    Status.IN_PROGRESS: "#2e9e44",
    Status.DONE: "#1d5fbf",
    Status.DELAYED: "#cf1322",
}


class State(models.TextChoices):
    """Where the report stands in review."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    RETURNED = "returned", "已退回"
    ACCEPTED = "accepted", "已通过"


STATE_COLOURS = {
    State.DRAFT: "#8c8c8c",
    State.SUBMITTED: "#d89614",
    State.RETURNED: "#cf1322",
    State.ACCEPTED: "#2e9e44",
}
EDITABLE_STATES = (State.DRAFT, State.RETURNED)


class ProgressReport(models.Model):
    """One progress report of a unit on one assignment, for one reporting period."""

    assignment = models.ForeignKey(
        "ledger.Assignment",
        verbose_name="任务分派",
        on_delete=models.CASCADE,
        related_name="progress_reports",
    )
    period = models.CharField("报送期次", max_length=20, help_text="2024-06、2024-Q2 或 final")
    status = models.CharField("进展状态", max_length=20, choices=Status.choices)
    text = models.TextField("工作进展", blank=True)
    reason = models.TextField("未能按期完成原因", blank=True)
    proposed_date = models.DateField("预计完成日期", null=True, blank=True)
    figures = models.JSONField("指标完成数", default=dict, blank=True, help_text="{指标序号: 数值}")
    consolidated = models.BooleanField("牵头单位汇总报告", default=False)
    includes = models.ManyToManyField(
        "self", verbose_name="汇总的责任单位报告", symmetrical=False, blank=True, related_name="included_in"
    )
    state = models.CharField("审核状态", max_length=20, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填报人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state", "submitted_at"], name="report_state_submitted")]

    def __str__(self) -> str:
        return f"{self.assignment.unit} · {self.period_label} · {self.get_status_display()}"

    @property
    def period_label(self) -> str:
        from fazhi.progress.periods import label_of

        return label_of(self.period)

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE_STATES


class ReportEvent(models.Model):
    """One step in a report's life: who did what, when, with what comment."""

    class Action(models.TextChoices):
        CREATED = "created", "新建草稿"
        SAVED = "saved", "保存草稿"
        SUBMITTED = "submitted", "提交审核"
        EVIDENCE_ADDED = "evidence_added", "上传佐证材料"
        EVIDENCE_REMOVED = "evidence_removed", "删除佐证材料"
        ACCEPTED = "accepted", "审核通过"
        RETURNED = "returned", "退回修改"

    report = models.ForeignKey(
        ProgressReport, verbose_name="进展报告", on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField("操作", max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField("时间", auto_now_add=True)
    comment = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "报告记录"
        verbose_name_plural = "报告记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} · {self.actor}"
