"""Supervision (督办督察): the office's holiday calendar, reminders and notifications, numbered
督办单 (notices) with the units' replies, and inspections (督察) whose findings become
rectification items (整改) closed (销号) only with evidence and the office's confirmation.

Glossary: 督办单 = Notice, 督察 = Inspection, 问题 = Finding, 整改 = RectificationItem,
销号 = close, 约谈 = talk (the talk list is a query, see `talks.py`, not a model).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class HolidayOverride(models.Model):
    """One day of the statutory calendar as the office entered it: a holiday (放假) or a make-up
    working day (调休上班). Entries win over the calendar libraries, and any entry dated in a year
    marks that year as covered (see fazhi.workdays and docs/workdays.md)."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "放假"
        WORKDAY = "workday", "调休上班"

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    note = models.CharField("说明", max_length=100, blank=True, help_text="例如 2027年春节")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("录入时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"


class Notification(models.Model):
    """An in-app message for one user, or for every liaison of one unit (the bell).

    Email and webhook copies are sent by `notify.py`; this row is the in-app channel."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "到期提醒"
        OVERDUE = "overdue", "逾期提醒"
        NOTICE_ISSUED = "notice_issued", "督办单下发"
        NOTICE_REPLIED = "notice_replied", "督办单回复"
        NOTICE_CLOSED = "notice_closed", "督办单办结"
        RECTIFICATION_ASSIGNED = "rectification_assigned", "整改任务"
        RECTIFICATION_SUBMITTED = "rectification_submitted", "整改提交"
        RECTIFICATION_CLOSED = "rectification_closed", "整改销号"
        RECTIFICATION_RETURNED = "rectification_returned", "整改退回"

    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="接收人",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    recipient_unit = models.ForeignKey(
        "units.Unit",
        verbose_name="接收单位",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField("类型", max_length=30, choices=Kind.choices)
    text = models.TextField("内容")
    link = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recipient_user__isnull=False, recipient_unit__isnull=True)
                | models.Q(recipient_user__isnull=True, recipient_unit__isnull=False),
                name="notification_user_or_unit",
            )
        ]

    def __str__(self) -> str:
        return self.text[:40]


class ReminderLog(models.Model):
    """The claim of one reminder: at most one per assignment, rule and day.

    `send_reminders` inserts the row before sending anything; the unique constraint makes a
    second run (or a second worker at the same moment) fail to claim it, so only one sends."""

    assignment = models.ForeignKey(
        "ledger.Assignment", verbose_name="任务分派", on_delete=models.CASCADE, related_name="reminder_logs"
    )
    rule = models.CharField("提醒规则", max_length=30)
    day = models.DateField("日期")
    sent_at = models.DateTimeField("发送时间", auto_now_add=True)

    class Meta:
        verbose_name = "提醒记录"
        verbose_name_plural = "提醒记录"
        ordering = ["-day", "assignment_id"]
        constraints = [
            models.UniqueConstraint(fields=["assignment", "rule", "day"], name="reminder_once_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.rule} #{self.assignment_id}"


class NoticeCounter(models.Model):
    """The last 督办单 number issued in a jurisdiction and year (numbers restart each year)."""

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField("年度")
    last_number = models.PositiveIntegerField("已用编号", default=0)

    class Meta:
        verbose_name = "督办单编号"
        verbose_name_plural = "督办单编号"
        constraints = [models.UniqueConstraint(fields=["jurisdiction", "year"], name="notice_counter_unique")]


class Notice(models.Model):
    """A 督办单: the office's numbered notice about an overdue assignment (督办〔2024〕3号).

    The unit replies with evidence before `reply_deadline`; the office then closes it (办结).
    A reply to a closed notice is refused."""

    class State(models.TextChoices):
        OPEN = "open", "待回复"
        REPLIED = "replied", "已回复"
        CLOSED = "closed", "已办结"

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="notices"
    )
    year = models.PositiveIntegerField("年度")
    number = models.PositiveIntegerField("编号")
    assignment = models.ForeignKey(
        "ledger.Assignment", verbose_name="任务分派", on_delete=models.PROTECT, related_name="notices"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="督办单位", on_delete=models.PROTECT, related_name="notices"
    )
    requirement = models.TextField("督办要求")
    reply_deadline = models.DateField("回复时限")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issued_at = models.DateTimeField("签发时间", auto_now_add=True)
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="办结人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督办单"
        verbose_name_plural = "督办单"
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year", "number"], name="notice_unique_number")
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        """The printed number: 督办〔2024〕3号."""
        return f"{settings.FAZHI_NOTICE_PREFIX}〔{self.year}〕{self.number}号"


class NoticeReply(models.Model):
    """A unit's reply to a 督办单: what it did, with evidence files."""

    notice = models.ForeignKey(
        Notice, verbose_name="督办单", on_delete=models.CASCADE, related_name="replies"
    )
    text = models.TextField("回复内容")
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="回复人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replied_at = models.DateTimeField("回复时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督办回复"
        verbose_name_plural = "督办回复"
        ordering = ["replied_at", "pk"]

    def __str__(self) -> str:
        return f"{self.notice} 回复"


class Inspection(models.Model):
    """A 督察: an inspection of a set of units, in a jurisdiction, optionally under a plan."""

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="inspections"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name="所属计划",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspections",
    )
    name = models.CharField("督察名称", max_length=200)
    date = models.DateField("督察日期")
    units = models.ManyToManyField("units.Unit", verbose_name="督察单位", related_name="inspections")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = "督察"
        verbose_name_plural = "督察"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.name


class Finding(models.Model):
    """A problem found at one unit during an inspection; it becomes one rectification item."""

    inspection = models.ForeignKey(
        Inspection, verbose_name="督察", on_delete=models.CASCADE, related_name="findings"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="findings"
    )
    text = models.TextField("发现问题")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督察发现问题"
        verbose_name_plural = "督察发现问题"
        ordering = ["inspection_id", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class RectificationItem(models.Model):
    """整改: what a unit must fix for one finding, by a deadline.

    open → submitted (the unit's account with evidence) → closed (销号, confirmed by the office);
    the office may return a submission (back to open) with a comment. Open and submitted items
    count in the unit's status and on the dashboard."""

    class State(models.TextChoices):
        OPEN = "open", "整改中"
        SUBMITTED = "submitted", "待销号"
        CLOSED = "closed", "已销号"

    finding = models.OneToOneField(
        Finding, verbose_name="发现问题", on_delete=models.CASCADE, related_name="rectification"
    )
    unit = models.ForeignKey(
        "units.Unit", verbose_name="责任单位", on_delete=models.PROTECT, related_name="rectification_items"
    )
    deadline = models.DateField("整改时限")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    submission = models.TextField("整改情况", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    office_comment = models.TextField("审核意见", blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="销号确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "整改事项"
        verbose_name_plural = "整改事项"
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return f"{self.unit}：{self.finding}"

    @property
    def is_open(self) -> bool:
        return self.state != self.State.CLOSED
