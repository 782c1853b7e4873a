"""Annual reports (法治政府建设年度报告): the report of a jurisdiction for a year, its versions,
and past reports imported for comparison.

Glossary: 年度报告 = AnnualReport, 版本 = ReportVersion, 往年报告 = PastReport.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

# The statutory sections (法治政府建设与责任落实督察工作规定, 2019) in statutory order; the keys
# are the section kinds of fazhi.parsing.reports, so past and new reports line up.
SECTION_KINDS: tuple[tuple[str, str], ...] = (
    ("measures", "主要举措和成效"),
    ("shortcomings", "存在的不足和原因"),
    ("first_responsible", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("next_year", "下一年度主要安排"),
    ("other", "其他需要报告的情况"),
)
SECTION_LABELS = dict(SECTION_KINDS)


class AnnualReport(models.Model):
    """One jurisdiction's report for one year: what it is and where it stands; the text is in
    its versions (the newest is the current draft)."""

    class Kind(models.TextChoices):
        # 部门 report to the government before 3月1日; governments report before 4月1日.
        DEPARTMENT = "department", "部门报告"
        GOVERNMENT = "government", "政府报告"

    class Status(models.TextChoices):
        DRAFT = "draft", "起草中"
        READY = "ready", "待审定"
        APPROVED = "approved", "已审定"

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="annual_reports"
    )
    year = models.PositiveIntegerField("报告年度")
    kind = models.CharField("报告类型", max_length=20, choices=Kind.choices, default=Kind.GOVERNMENT)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审定人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField("审定时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["-year", "jurisdiction_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year", "kind"], name="annual_report_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}{self.year}年度法治政府建设工作报告"


class ReportVersion(models.Model):
    """One saved state of a report: title, signature, the five section texts, the office's
    inputs and the figures they were drafted from. Every save adds a version; none is changed."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="年度报告", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("版本号")
    title = models.CharField("标题", max_length=200)
    issuer = models.CharField("落款单位", max_length=200, help_text="联合行文时每行一个单位")
    signed_on = models.DateField("成文日期", null=True, blank=True)
    opening = models.TextField("导语", blank=True)
    sections = models.JSONField("章节正文", default=dict, help_text="法定章节 → 正文")
    inputs = models.JSONField("办公室填写内容", default=dict, blank=True)
    figures = models.JSONField("数据快照", default=dict, blank=True)
    note = models.CharField("修改说明", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="保存人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("保存时间", auto_now_add=True)

    class Meta:
        verbose_name = "报告版本"
        verbose_name_plural = "报告版本"
        ordering = ["report_id", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版"


class PastReport(models.Model):
    """A past annual report uploaded by the office (like seed 001): the file and what the report
    parser found in it, so this year's figures can be shown beside it."""

    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="past_reports"
    )
    year = models.PositiveIntegerField("报告年度")
    title = models.CharField("标题", max_length=300, blank=True)
    issuer = models.CharField("落款单位", max_length=300, blank=True)
    signed_on = models.DateField("成文日期", null=True, blank=True)
    filename = models.CharField("原始文件名", max_length=255)
    data = models.BinaryField("文件内容")
    sha256 = models.CharField("内容哈希", max_length=64)
    sections = models.JSONField("章节", default=list, blank=True)
    figures = models.JSONField("数据", default=list, blank=True)
    warnings = models.JSONField("解析提示", default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "往年报告"
        verbose_name_plural = "往年报告"
        ordering = ["-year", "-uploaded_at"]
        constraints = [
            # The same file uploaded twice in one jurisdiction is the same past report.
            models.UniqueConstraint(fields=["jurisdiction", "sha256"], name="past_report_unique_content")
        ]

    def __str__(self) -> str:
        return self.title or self.filename
