"""The ledger (台账): a plan's tasks, the units named on them, and the assignments dispatched."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.ledger.status import Light, assignment_light, task_light


class Role(models.TextChoices):
    LEAD = "lead", "牵头"
    RESPONSIBLE = "responsible", "责任"


class Task(models.Model):
    """One row of the ledger: a task of a plan, as confirmed by the office."""

    plan = models.ForeignKey(
        "plans.Plan", verbose_name="计划", on_delete=models.CASCADE, related_name="tasks"
    )
    position = models.PositiveIntegerField("顺序")
    number = models.CharField("序号", max_length=20)
    level = models.CharField("层级", max_length=10, blank=True)
    category = models.CharField("一级指标", max_length=200, blank=True)
    subcategory = models.CharField("二级指标", max_length=200, blank=True)
    heading_path = models.JSONField("标题路径", default=list, blank=True)
    title = models.CharField("任务名称", max_length=300, blank=True)
    content = models.TextField("任务内容", blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True)
    deadline_text = models.CharField("时限原文", max_length=100, blank=True)
    recurrence = models.JSONField("周期", null=True, blank=True)
    targets = models.JSONField("量化指标", default=list, blank=True)
    done_at = models.DateTimeField("完成时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "任务"
        verbose_name_plural = "任务"
        ordering = ["plan_id", "position"]
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="task_unique_position")]

    def __str__(self) -> str:
        return f"{self.number}. {self.display_title}"

    @property
    def display_title(self) -> str:
        return self.title or self.content[:40]

    @property
    def light(self) -> Light:
        return task_light(self)


class TaskUnit(models.Model):
    """A unit (or a collective group) named on a task, as printed and as matched to the registry."""

    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="task_units")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    printed_name = models.CharField("原文名称", max_length=200)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    group = models.ForeignKey(
        "units.UnitGroup",
        verbose_name="分组",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "任务单位"
        verbose_name_plural = "任务单位"
        ordering = ["task_id", "role", "position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False, group__isnull=True)
                | models.Q(unit__isnull=True, group__isnull=False),
                name="taskunit_unit_or_group",
            )
        ]

    def __str__(self) -> str:
        return self.printed_name


class Assignment(models.Model):
    """A dispatched task for one unit (下发): one per (task, unit), lead or responsible."""

    task = models.ForeignKey(Task, verbose_name="任务", on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    deadline = models.DateField("完成时限", null=True, blank=True)
    dispatched_at = models.DateTimeField("下发时间", auto_now_add=True)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="下发人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField("完成时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "任务分派"
        verbose_name_plural = "任务分派"
        ordering = ["task_id", "role", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="assignment_unique_unit")]

    def __str__(self) -> str:
        return f"{self.task} → {self.unit}"

    @property
    def light(self) -> Light:
        return assignment_light(self)
