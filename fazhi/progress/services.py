"""Writing, submitting and reviewing progress reports; the reporting cycle; missing reports.

Views and the API share these functions, so a rule holds on every path. Callers check that the
user may act (fazhi.progress.access); these functions check that the action is allowed now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from fazhi.evidence.models import EvidenceFile
from fazhi.evidence.services import discard_evidence, store_evidence, validate_upload
from fazhi.ledger.models import Assignment, Role
from fazhi.progress import periods
from fazhi.progress.models import Cycle, ProgressReport, ReportEvent, ReportingCycle, State, Status

Action = ReportEvent.Action
MAX_FILES_PER_REPORT = 20


def today() -> dt.date:
    return timezone.localdate()


# --- the reporting cycle -------------------------------------------------------------------


def cycle_of(plan: Any) -> str:
    """The plan's reporting cycle (monthly when the office has not set one)."""
    try:
        return plan.reporting_cycle.cycle
    except ReportingCycle.DoesNotExist:
        return Cycle.MONTHLY


def set_cycle(plan: Any, cycle: str, user: Any) -> ReportingCycle:
    if cycle not in Cycle.values:
        raise ValidationError({"cycle": "请选择报送周期"})
    setting, _ = ReportingCycle.objects.update_or_create(
        plan=plan, defaults={"cycle": cycle, "updated_by": user}
    )
    return setting


def missing_filter(on: dt.date) -> Q:
    """Assignments (not done) that lack a submitted or accepted report for the current period of
    their plan's cycle; for the at-completion cycle: whose deadline has come without a final
    report (已完成 or 无法按期完成). A returned report does not count: it has to come back."""
    counted = ProgressReport.objects.filter(
        assignment=OuterRef("pk"), state__in=[State.SUBMITTED, State.ACCEPTED]
    )
    month = periods.period_on(Cycle.MONTHLY, on).key
    quarter = periods.period_on(Cycle.QUARTERLY, on).key
    cycle = "task__plan__reporting_cycle__cycle"
    monthly = (Q(task__plan__reporting_cycle__isnull=True) | Q(**{cycle: Cycle.MONTHLY})) & ~Exists(
        counted.filter(period=month)
    )
    quarterly = Q(**{cycle: Cycle.QUARTERLY}) & ~Exists(counted.filter(period=quarter))
    final = (
        Q(**{cycle: Cycle.AT_COMPLETION})
        & Q(deadline__lte=on)
        & ~Exists(counted.filter(status__in=[Status.DONE, Status.DELAYED]))
    )
    return Q(done_at__isnull=True) & (monthly | quarterly | final)


def missing_reports(plan: Any, on: dt.date | None = None) -> QuerySet:
    """The plan's assignments whose report for the current period is missing (see missing_filter)."""
    return Assignment.objects.filter(task__plan=plan).filter(missing_filter(on or today()))


# --- writing a report ---------------------------------------------------------------------


@dataclass
class ReportInput:
    """What a liaison fills in, from the form or the API."""

    period: str
    status: str
    text: str = ""
    reason: str = ""
    proposed_date: dt.date | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    includes: list[int] = field(default_factory=list)


def period_choices(assignment: Assignment, on: dt.date | None = None) -> list[periods.Period]:
    return periods.choices(cycle_of(assignment.task.plan), on or today())


def includable_reports(assignment: Assignment) -> QuerySet:
    """Reports a lead unit may reference in its consolidated report: the responsible units'
    submitted or accepted reports on the same task."""
    if assignment.role != Role.LEAD:
        return ProgressReport.objects.none()
    return ProgressReport.objects.filter(
        assignment__task_id=assignment.task_id,
        assignment__role=Role.RESPONSIBLE,
        state__in=[State.SUBMITTED, State.ACCEPTED],
    )


def _clean_figures(targets: Sequence[Any], raw: dict[str, Any]) -> dict[str, float]:
    figures: dict[str, float] = {}
    for key, value in (raw or {}).items():
        if value in (None, ""):
            continue
        if not str(key).isdigit() or int(key) >= len(targets):
            raise ValidationError({"figures": f"指标序号 {key} 不存在，请按任务的量化指标填写"})
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise ValidationError(
                {"figures": f"“{targets[int(key)].get('text', key)}”的完成数必须是数字"}
            ) from None
        if not number.is_finite() or number < 0:
            raise ValidationError({"figures": "指标完成数不能为负数"})
        figures[str(int(key))] = float(number)
    return figures


def check_input(
    assignment: Assignment, data: ReportInput, *, submit: bool, report: ProgressReport | None = None
) -> ReportInput:
    """Validate a report's content; raises ValidationError({field: Chinese message})."""
    errors: dict[str, str] = {}
    allowed = {p.key for p in period_choices(assignment)} | ({report.period} if report else set())
    if data.period not in allowed:
        errors["period"] = "报送期次不正确，只能填报本期或上一期"
    if data.status not in Status.values:
        errors["status"] = "请选择进展状态"
    if data.proposed_date is not None and data.proposed_date < today():
        errors["proposed_date"] = "预计完成日期不能早于今天"
    if data.status == Status.DELAYED:
        if not data.reason.strip():
            errors["reason"] = "选择“无法按期完成”时，请说明原因"
        if data.proposed_date is None and "proposed_date" not in errors:
            errors["proposed_date"] = "选择“无法按期完成”时，请填写预计完成日期"
    if submit and not data.text.strip():
        errors["text"] = "请填写工作进展后再提交"
    if errors:
        raise ValidationError(errors)
    data.figures = _clean_figures(assignment.task.targets or [], data.figures)
    if data.includes:
        if assignment.role != Role.LEAD:
            raise ValidationError({"includes": "只有牵头单位的汇总报告可以引用责任单位的报告"})
        found = set(includable_reports(assignment).filter(pk__in=data.includes).values_list("pk", flat=True))
        if found != set(data.includes):
            raise ValidationError({"includes": "只能引用本任务责任单位已提交的报告"})
    if data.status != Status.DELAYED:
        data.reason, data.proposed_date = "", None
    return data


def _refuse_locked(report: ProgressReport) -> None:
    if report.state == State.ACCEPTED:
        raise ValidationError("该报告已审核通过，不能再修改。如需补充，请新建一期报告。", code="locked")
    if report.state == State.SUBMITTED:
        raise ValidationError("该报告已提交，正在审核，暂不能修改。", code="locked")


def _check_files(files: Sequence[Any], already: int = 0) -> None:
    if already + len(files) > MAX_FILES_PER_REPORT:
        raise ValidationError(f"每份报告最多上传 {MAX_FILES_PER_REPORT} 个佐证材料。", code="too_many")
    for f in files:
        validate_upload(f)


def _store_files(report: ProgressReport, user: Any, files: Iterable[Any]) -> None:
    """Store the files (already validated); if anything fails, remove the ones written."""
    stored: list[EvidenceFile] = []
    try:
        for f in files:
            stored.append(store_evidence(f, user, owner=report))
            ReportEvent.objects.create(
                report=report, action=Action.EVIDENCE_ADDED, actor=user, comment=stored[-1].original_name
            )
    except BaseException:
        for evidence in stored:
            evidence.file.storage.delete(evidence.file.name)
        raise


def _apply(report: ProgressReport, data: ReportInput) -> None:
    report.period = data.period
    report.status = data.status
    report.text = data.text
    report.reason = data.reason
    report.proposed_date = data.proposed_date
    report.figures = data.figures


def _mark_submitted(report: ProgressReport, user: Any) -> None:
    report.state = State.SUBMITTED
    report.submitted_by = user
    report.submitted_at = timezone.now()


def create_report(
    assignment: Assignment, user: Any, data: ReportInput, *, submit: bool = False, files: Sequence[Any] = ()
) -> ProgressReport:
    """A new report on an assignment (a draft, or submitted at once), with its evidence."""
    data = check_input(assignment, data, submit=submit)
    _check_files(files)
    with transaction.atomic():
        report = ProgressReport(
            assignment=assignment, created_by=user, consolidated=assignment.role == Role.LEAD
        )
        _apply(report, data)
        if submit:
            _mark_submitted(report, user)
        report.save()
        report.includes.set(data.includes)
        ReportEvent.objects.create(report=report, action=Action.CREATED, actor=user)
        _store_files(report, user, files)
        if submit:
            ReportEvent.objects.create(report=report, action=Action.SUBMITTED, actor=user)
    return report


def update_report(
    report: ProgressReport, user: Any, data: ReportInput, *, submit: bool = False, files: Sequence[Any] = ()
) -> ProgressReport:
    """Change a draft or returned report; submit it when asked."""
    _refuse_locked(report)
    data = check_input(report.assignment, data, submit=submit, report=report)
    _check_files(files, already=_evidence_count(report))
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        _refuse_locked(report)
        _apply(report, data)
        if submit:
            _mark_submitted(report, user)
        report.save()
        report.includes.set(data.includes)
        ReportEvent.objects.create(report=report, action=Action.SAVED, actor=user)
        _store_files(report, user, files)
        if submit:
            ReportEvent.objects.create(report=report, action=Action.SUBMITTED, actor=user)
    return report


def as_input(report: ProgressReport) -> ReportInput:
    return ReportInput(
        period=report.period,
        status=report.status,
        text=report.text,
        reason=report.reason,
        proposed_date=report.proposed_date,
        figures=dict(report.figures),
        includes=list(report.includes.values_list("pk", flat=True)),
    )


def submit_report(report: ProgressReport, user: Any) -> ProgressReport:
    """Submit a draft or returned report as it stands (checked as for a submission)."""
    return update_report(report, user, as_input(report), submit=True)


def _evidence_count(report: ProgressReport) -> int:
    from fazhi.evidence.services import evidence_of

    return evidence_of(report).count()


def add_evidence(report: ProgressReport, user: Any, files: Sequence[Any]) -> None:
    """Attach evidence to a draft or returned report."""
    _refuse_locked(report)
    if not files:
        raise ValidationError("请选择要上传的文件。", code="missing")
    _check_files(files, already=_evidence_count(report))
    with transaction.atomic():
        _store_files(report, user, files)


def remove_evidence(report: ProgressReport, user: Any, evidence: EvidenceFile) -> None:
    _refuse_locked(report)
    with transaction.atomic():
        name = evidence.original_name
        discard_evidence(evidence)
        ReportEvent.objects.create(report=report, action=Action.EVIDENCE_REMOVED, actor=user, comment=name)


# --- review -------------------------------------------------------------------------------


def _claim_for_review(report: ProgressReport) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().select_related("assignment__task").get(pk=report.pk)
    if report.state == State.ACCEPTED:
        raise ValidationError("该报告已审核通过，不能再次审核。", code="locked")
    if report.state != State.SUBMITTED:
        raise ValidationError("只能审核已提交的报告。", code="state")
    return report


def accept_report(report: ProgressReport, user: Any, comment: str = "") -> ProgressReport:
    """Accept a submitted report. When it says 已完成, its assignment is done; when it is the
    lead unit's consolidated report, the task is done too (all in one transaction)."""
    with transaction.atomic():
        report = _claim_for_review(report)
        now = timezone.now()
        report.state = State.ACCEPTED
        report.reviewed_by, report.reviewed_at, report.review_comment = user, now, comment.strip()
        report.save()
        ReportEvent.objects.create(report=report, action=Action.ACCEPTED, actor=user, comment=comment.strip())
        if report.status == Status.DONE:
            assignment = report.assignment
            if assignment.done_at is None:
                assignment.done_at = now
                assignment.save(update_fields=["done_at"])
            task = assignment.task
            if report.consolidated and task.done_at is None:
                task.done_at = now
                task.save(update_fields=["done_at"])
    return report


def return_report(report: ProgressReport, user: Any, comment: str) -> ProgressReport:
    """Send a submitted report back to its liaison with the office's comment."""
    if not comment.strip():
        raise ValidationError({"comment": "退回时请填写审核意见，说明需要修改的内容"})
    with transaction.atomic():
        report = _claim_for_review(report)
        report.state = State.RETURNED
        report.reviewed_by, report.reviewed_at, report.review_comment = user, timezone.now(), comment.strip()
        report.save()
        ReportEvent.objects.create(report=report, action=Action.RETURNED, actor=user, comment=comment.strip())
    return report


def figure_rows(report: ProgressReport) -> list[dict[str, Any]]:
    """Each target of the task with the reported figure and whether it is met."""
    rows = []
    for i, target in enumerate(report.assignment.task.targets or []):
        value = report.figures.get(str(i))
        rows.append({"target": target, "value": value, "met": target_met(target, value)})
    return rows


def target_met(target: dict[str, Any], value: float | None) -> bool | None:
    """Whether a figure meets a target (None when there is no figure or no comparable value)."""
    goal = target.get("value")
    if value is None or not isinstance(goal, int | float):
        return None
    match target.get("op"):
        case ">=":
            return value >= goal
        case ">":
            return value > goal
        case "<=":
            return value <= goal
        case "<":
            return value < goal
        case "=" | "==":
            return value == goal
    return None
