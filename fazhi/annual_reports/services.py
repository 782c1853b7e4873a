"""Report actions: draft from data, save a version, change status, import a past report."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from fazhi.annual_reports import drafting
from fazhi.annual_reports.figures import report_figures, snapshot
from fazhi.annual_reports.models import SECTION_KINDS, AnnualReport, PastReport, ReportVersion

PAST_REPORT_EXTENSIONS = ("txt", "docx", "doc", "pdf", "html", "htm")


class ReportError(Exception):
    """An action the report cannot take; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def latest_version(report: AnnualReport) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


@transaction.atomic
def save_version(report: AnnualReport, user: Any, **fields: Any) -> ReportVersion:
    """A new version of the report; fields not given are copied from the latest version."""
    AnnualReport.objects.select_for_update().filter(pk=report.pk).first()  # one number per save
    last = latest_version(report)
    number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    values: dict[str, Any] = {
        "title": last.title if last else drafting.default_title(report.jurisdiction.name, report.year),
        "issuer": last.issuer if last else drafting.default_issuer(report.jurisdiction.name, report.kind),
        "signed_on": last.signed_on if last else None,
        "opening": last.opening if last else drafting.default_opening(report.jurisdiction.name, report.year),
        "sections": last.sections if last else {},
        "inputs": last.inputs if last else {},
        "figures": last.figures if last else {},
    }
    values.update(fields)
    sections = values["sections"]
    values["sections"] = {kind: (sections.get(kind) or "").strip() for kind, _ in SECTION_KINDS}
    return ReportVersion.objects.create(report=report, number=number, created_by=user, **values)


def draft_from_data(
    report: AnnualReport, user: Any, inputs: dict[str, str] | None = None, as_of: dt.date | None = None
) -> ReportVersion:
    """A new version drafted from this year's data and the office's inputs (kept from the last
    version when not given); the figures it was drafted from are stored with it."""
    last = latest_version(report)
    inputs = dict(last.inputs if (inputs is None and last) else (inputs or {}))
    figures = report_figures(report.jurisdiction, report.year, as_of)
    return save_version(
        report,
        user,
        sections=drafting.draft_sections(figures, inputs),
        inputs=inputs,
        figures=snapshot(figures),
        note="根据平台数据生成" if last is None else "根据平台数据重新生成",
    )


def create_report(jurisdiction: Any, year: int, kind: str, user: Any) -> AnnualReport:
    """Create the report of a year and its first draft; an existing report of that year and kind
    is refused (the office regenerates it instead)."""
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                jurisdiction=jurisdiction, year=year, kind=kind, created_by=user
            )
            draft_from_data(report, user)
    except IntegrityError:
        raise ReportError(f"{jurisdiction}{year}年度的该类报告已经存在") from None
    return report


# Who may move a report from one status to another: the office hands a draft in (待审定) or
# takes it back; a leader approves it or sends it back. Only a leader reopens an approved one.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("draft", "ready"): frozenset({"office"}),
    ("ready", "draft"): frozenset({"office", "leader"}),
    ("ready", "approved"): frozenset({"leader"}),
    ("approved", "draft"): frozenset({"leader"}),
}


def allowed_transitions(status: str, role: str | None) -> list[str]:
    return [to for (frm, to), roles in TRANSITIONS.items() if frm == status and role in roles]


@transaction.atomic
def change_status(report: AnnualReport, to: str, role: str | None, user: Any) -> AnnualReport:
    """Move the report to `to` if `role` may; the row is locked so two clicks make one change."""
    locked = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if to not in allowed_transitions(locked.status, role):
        raise ReportError("当前状态下不能执行此操作")
    locked.status = to
    locked.approved_by = user if to == "approved" else None
    locked.approved_at = timezone.now() if to == "approved" else None
    locked.save()
    return locked


@dataclass
class SectionDiff:
    kind: str
    label: str
    changed: bool
    lines: list[tuple[str, str]]  # ("+" | "-" | " ", text)


def diff_versions(old: ReportVersion | None, new: ReportVersion) -> list[SectionDiff]:
    """Line diff of each section between two versions (old None: everything is new)."""
    out = []
    fields = [("title", "标题"), ("issuer", "落款单位"), ("opening", "导语")]
    pairs = [(k, label, getattr(old, k, "") if old else "", getattr(new, k)) for k, label in fields]
    pairs += [
        (kind, label, (old.sections.get(kind, "") if old else ""), new.sections.get(kind, ""))
        for kind, label in SECTION_KINDS
    ]
    for kind, label, a, b in pairs:
        a_lines, b_lines = str(a or "").splitlines(), str(b or "").splitlines()
        lines = [
            (d[0], d[2:])
            for d in difflib.ndiff(a_lines, b_lines)
            if d[:1] in ("+", "-", " ") and not d.startswith("?")
        ]
        out.append(SectionDiff(kind, label, a_lines != b_lines, lines))
    return out


def import_past_report(
    *, jurisdiction: Any, filename: str, data: bytes, user: Any, year: int | None = None
) -> PastReport:
    """Parse a past annual report and keep its sections and figures; the same file again gives
    the stored one. Raises ReportError with a Chinese message for unreadable files."""
    from fazhi.parsing.model import ParseError
    from fazhi.parsing.reports import parse_report_bytes

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext not in PAST_REPORT_EXTENSIONS:
        raise ReportError(
            f"不支持的文件类型“{ext or '无扩展名'}”，请上传 {'、'.join(PAST_REPORT_EXTENSIONS)} 格式的报告"
        )
    if not data:
        raise ReportError("上传的文件是空的")
    digest = hashlib.sha256(data).hexdigest()
    existing = PastReport.objects.filter(jurisdiction=jurisdiction, sha256=digest).first()
    if existing is not None:
        return existing
    try:
        parsed = parse_report_bytes(data, filename)
    except ParseError as exc:
        raise ReportError(exc.message) from None
    report_year = year or parsed.year
    if report_year is None:
        raise ReportError("未能从报告中识别出报告年度，请在上传时填写年度")
    return PastReport.objects.create(
        jurisdiction=jurisdiction,
        year=report_year,
        title=(parsed.title or "")[:300],
        issuer=(parsed.issuer or "")[:300],
        signed_on=dt.date.fromisoformat(parsed.date) if parsed.date else None,
        filename=filename[:255],
        data=data,
        sha256=digest,
        sections=[{"heading": s.heading, "kind": s.kind, "text": s.text} for s in parsed.sections],
        figures=[
            {"text": f.text, "value": f.value, "unit": f.unit, "section_kind": f.section_kind}
            for f in parsed.figures
        ],
        warnings=parsed.warnings,
        uploaded_by=user,
    )
