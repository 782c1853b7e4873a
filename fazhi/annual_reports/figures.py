"""The figures of an annual report, computed from the database as plain dataclasses.

Each group is one function of (jurisdictions, year, as_of) returning a frozen dataclass:

    ledger_figures       tasks done / total, on-time rate, overdue and unfinished tasks, by category
    progress_figures     accepted progress reports, targets met, evidence files (fazhi.progress)
    supervision_figures  reminders, 督办单 issued and answered, inspections, findings, rectification

Nothing here formats text for the document (drafting.py does) and nothing writes Word
(fazhi.docgen does). A group whose source app has no models yet returns `available=False`
with empty figures, so the report works while those apps are being built.

Every `Figure` carries the ids of the records it counts (`model`, `ids`), so the page can link
each number to the records behind it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from fazhi.ledger.models import Role, Task, TaskUnit


@dataclass(frozen=True)
class Figure:
    """One number of the report. `value` is None when its source has no data yet."""

    key: str
    label: str
    value: int | float | None
    unit: str = ""
    model: str = ""  # app_label.Model of the counted records ("ledger.Task")
    ids: tuple[int, ...] = ()
    keywords: tuple[str, ...] = ()  # words that find the matching figure in a past report

    @property
    def text(self) -> str:
        """The number as printed in the report: 94项, 96.97%; "—" without data."""
        if self.value is None:
            return "—"
        return f"{format_number(self.value)}{self.unit}"


def format_number(value: int | float) -> str:
    """96.97 → "96.97", 100.0 → "100", 3 → "3"."""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def rate(part: int, whole: int) -> float | None:
    """part / whole as a percentage with two decimals, None when there is nothing to divide."""
    return round(100.0 * part / whole, 2) if whole else None


@dataclass(frozen=True)
class TaskLine:
    """A task as the report mentions it (overdue, unfinished, done)."""

    id: int
    number: str
    title: str
    category: str
    lead_units: tuple[str, ...]
    deadline: dt.date | None
    cause: str = ""  # as reported by the unit (progress), empty until reported


@dataclass(frozen=True)
class CategoryLine:
    """Tasks of one 一级指标: how many, how many done, and the done ones."""

    category: str
    total: int
    done: int
    done_tasks: tuple[TaskLine, ...] = ()


@dataclass(frozen=True)
class LedgerFigures:
    available: bool
    plans: int
    tasks_total: Figure
    tasks_done: Figure
    completion_rate: Figure
    on_time_rate: Figure
    overdue: Figure
    unfinished: Figure
    by_category: tuple[CategoryLine, ...] = ()
    overdue_tasks: tuple[TaskLine, ...] = ()
    unfinished_tasks: tuple[TaskLine, ...] = ()

    def figures(self) -> list[Figure]:
        return [
            self.tasks_total,
            self.tasks_done,
            self.completion_rate,
            self.on_time_rate,
            self.overdue,
            self.unfinished,
        ]


@dataclass(frozen=True)
class TargetLine:
    """A quantitative target of a task and whether the reported figure meets it."""

    task_id: int
    task_number: str
    text: str  # the target as printed: 至少2次
    reported: str  # the figure reported against it, "" when none
    met: bool
    cause: str = ""


@dataclass(frozen=True)
class ProgressFigures:
    available: bool
    reports_accepted: Figure
    targets_total: Figure
    targets_met: Figure
    evidence_files: Figure
    unmet_targets: tuple[TargetLine, ...] = ()
    achievements: dict[int, str] = field(default_factory=dict)  # task id → what was done
    causes: dict[int, str] = field(default_factory=dict)  # task id → why it is late, as reported

    def figures(self) -> list[Figure]:
        return [self.reports_accepted, self.targets_total, self.targets_met, self.evidence_files]


@dataclass(frozen=True)
class RectificationLine:
    """An open rectification item: the unit, the finding and what the unit reported so far."""

    id: int
    unit: str
    finding: str
    deadline: dt.date | None
    cause: str = ""


@dataclass(frozen=True)
class SupervisionFigures:
    available: bool
    reminders: Figure
    notices_issued: Figure
    notices_answered: Figure
    inspections: Figure
    units_inspected: Figure
    findings: Figure
    rectified: Figure
    open_rectifications: tuple[RectificationLine, ...] = ()

    def figures(self) -> list[Figure]:
        return [
            self.reminders,
            self.notices_issued,
            self.notices_answered,
            self.inspections,
            self.units_inspected,
            self.findings,
            self.rectified,
        ]


@dataclass(frozen=True)
class ReportFigures:
    """All figures of one report: for a jurisdiction (and those below it) and a year."""

    jurisdiction: str
    year: int
    as_of: dt.date
    ledger: LedgerFigures
    progress: ProgressFigures
    supervision: SupervisionFigures

    def figures(self) -> list[Figure]:
        return self.ledger.figures() + self.progress.figures() + self.supervision.figures()

    def by_key(self) -> dict[str, Figure]:
        return {f.key: f for f in self.figures()}


# ---------------------------------------------------------------------------------------------
# Helpers


def _model(label: str) -> Any | None:
    """A model of an app that may not have landed yet; None until it exists."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _has_field(model: Any, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:
        return False
    return True


def cutoff(year: int, as_of: dt.date) -> dt.date:
    """The day the report looks at: the year's end, or today while the year is running."""
    return min(as_of, dt.date(year, 12, 31))


def year_tasks(jurisdiction_ids: Iterable[int], year: int) -> Any:
    """The ledger tasks of the year: tasks of plans of that year (by its year, else its date)."""
    in_year = Q(plan__year=year) | Q(plan__year__isnull=True, plan__date__year=year)
    return Task.objects.filter(in_year, plan__jurisdiction_id__in=list(jurisdiction_ids))


def _no_data(key: str, label: str, unit: str = "", keywords: tuple[str, ...] = ()) -> Figure:
    return Figure(key, label, None, unit, keywords=keywords)


# ---------------------------------------------------------------------------------------------
# Ledger


def ledger_figures(jurisdiction_ids: Iterable[int], year: int, as_of: dt.date) -> LedgerFigures:
    """Tasks of the year's plans: done / total, on-time rate, overdue and unfinished tasks.

    1. A task is done when its done_at is set (the office marks it, or an accepted completion
       report does); it is on time when done on or before its deadline.
    2. A task is overdue when it is not done and its deadline passed before the cutoff (the
       year's end, or as_of while the year runs); every task not done is unfinished and is
       carried over into next year's plan.
    Two queries, whatever the number of tasks.
    """
    end = cutoff(year, as_of)
    rows = list(
        year_tasks(jurisdiction_ids, year)
        .order_by("plan_id", "position")
        .values(
            "id", "plan_id", "number", "title", "content", "category", "subcategory", "deadline", "done_at"
        )
    )
    leads: dict[int, list[str]] = {}
    for task_id, name in (
        TaskUnit.objects.filter(task_id__in=[r["id"] for r in rows], role=Role.LEAD)
        .order_by("task_id", "position")
        .values_list("task_id", "printed_name")
    ):
        leads.setdefault(task_id, []).append(name)

    def line(r: dict[str, Any]) -> TaskLine:
        return TaskLine(
            id=r["id"],
            number=r["number"],
            title=(r["title"] or r["content"][:60]).strip(),
            category=r["category"],
            lead_units=tuple(leads.get(r["id"], ())),
            deadline=r["deadline"],
        )

    done = [r for r in rows if r["done_at"] is not None]
    with_deadline = [r for r in done if r["deadline"] is not None]
    on_time = [r for r in with_deadline if timezone.localtime(r["done_at"]).date() <= r["deadline"]]
    open_ = [r for r in rows if r["done_at"] is None]
    overdue = [
        r for r in open_ if r["deadline"] is not None and r["deadline"] < as_of and r["deadline"] <= end
    ]

    # Group by 一级指标; a plan whose tasks all sit under one (seed 000: 二、目标任务) is
    # grouped by its 二级指标 instead, which is where its areas of work are named.
    level = "category" if len({r["category"] for r in rows}) > 1 else "subcategory"
    categories: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        categories.setdefault(r[level] or r["category"] or "其他任务", []).append(r)
    by_category = tuple(
        CategoryLine(
            category=name,
            total=len(items),
            done=sum(1 for r in items if r["done_at"] is not None),
            done_tasks=tuple(line(r) for r in items if r["done_at"] is not None),
        )
        for name, items in categories.items()
    )
    ids = tuple(r["id"] for r in rows)
    task_kw = ("任务",)
    return LedgerFigures(
        available=True,
        plans=len({r["plan_id"] for r in rows}),
        tasks_total=Figure("tasks_total", "年度任务", len(rows), "项", "ledger.Task", ids, task_kw),
        tasks_done=Figure(
            "tasks_done", "已完成任务", len(done), "项", "ledger.Task", tuple(r["id"] for r in done), task_kw
        ),
        completion_rate=Figure(
            "completion_rate", "任务完成率", rate(len(done), len(rows)), "%", "ledger.Task", ids, ("完成率",)
        ),
        on_time_rate=Figure(
            "on_time_rate",
            "按期完成率",
            rate(len(on_time), len(with_deadline)),
            "%",
            "ledger.Task",
            tuple(r["id"] for r in with_deadline),
            ("按期", "按时"),
        ),
        overdue=Figure(
            "overdue",
            "逾期未完成任务",
            len(overdue),
            "项",
            "ledger.Task",
            tuple(r["id"] for r in overdue),
            ("逾期",),
        ),
        unfinished=Figure(
            "unfinished",
            "未完成任务",
            len(open_),
            "项",
            "ledger.Task",
            tuple(r["id"] for r in open_),
            ("未完成",),
        ),
        by_category=by_category,
        overdue_tasks=tuple(line(r) for r in overdue),
        unfinished_tasks=tuple(line(r) for r in open_),
    )


# ---------------------------------------------------------------------------------------------
# Progress (fazhi.progress, fazhi.evidence)


def progress_figures(jurisdiction_ids: Iterable[int], year: int, as_of: dt.date) -> ProgressFigures:
    """Accepted progress reports, targets met and evidence files of the year's tasks.

    Returns `available=False` until fazhi.progress has its ProgressReport model.
    """
    report_model = _model("progress.ProgressReport")
    if report_model is None:
        return ProgressFigures(
            available=False,
            reports_accepted=_no_data("reports_accepted", "审核通过的进展报告", "份", ("报告",)),
            targets_total=_no_data("targets_total", "量化指标", "项", ("指标",)),
            targets_met=_no_data("targets_met", "已达标指标", "项", ("达标", "指标")),
            evidence_files=_no_data("evidence_files", "佐证材料", "份", ("佐证", "材料")),
        )
    return _progress_from_models(report_model, list(jurisdiction_ids), year, as_of)


def _progress_from_models(
    report_model: Any, jurisdiction_ids: list[int], year: int, as_of: dt.date
) -> ProgressFigures:
    """1. Accepted reports on the year's tasks, newest first; a task's account of its work is
       the lead unit's consolidated report when there is one, else its newest accepted report.
    2. Each quantitative target of a task is checked against the figure of that report
       (fazhi.progress.services.target_met); a target without a reported figure is not met.
    3. Evidence files are those attached to accepted reports.
    4. Causes: the newest reason a unit gave on any report of the task (未能按期完成原因).
    """
    from django.contrib.contenttypes.models import ContentType

    from fazhi.progress.services import target_met

    tasks = year_tasks(jurisdiction_ids, year)
    accepted = list(
        report_model.objects.filter(state="accepted", assignment__task__in=tasks)
        .order_by("-consolidated", "-reviewed_at", "-pk")
        .values("pk", "assignment__task_id", "text", "figures", "reason")
    )
    best: dict[int, dict[str, Any]] = {}
    for r in accepted:
        best.setdefault(r["assignment__task_id"], r)  # consolidated first, then newest
    causes: dict[int, str] = {}
    for task_id, reason in (
        report_model.objects.filter(assignment__task__in=tasks)
        .exclude(reason="")
        .order_by("-created_at", "-pk")
        .values_list("assignment__task_id", "reason")
    ):
        causes.setdefault(task_id, reason.strip())

    total, met, unmet = 0, 0, []
    for t in tasks.exclude(targets=[]).order_by("plan_id", "position").values("pk", "number", "targets"):
        for i, target in enumerate(t["targets"] or []):
            total += 1
            figures = (best.get(t["pk"]) or {}).get("figures") or {}
            value = figures.get(str(i))
            if target_met(target, value):
                met += 1
                continue
            unmet.append(
                TargetLine(
                    task_id=t["pk"],
                    task_number=t["number"],
                    text=str(target.get("text", "")),
                    reported=format_number(value) if isinstance(value, int | float) else "",
                    met=False,
                    cause=causes.get(t["pk"], ""),
                )
            )
    accepted_ids = tuple(r["pk"] for r in accepted)
    evidence_ids: tuple[int, ...] = ()
    evidence_model = _model("evidence.EvidenceFile")
    if evidence_model is not None and accepted_ids:
        evidence_ids = tuple(
            evidence_model.objects.filter(
                owner_type=ContentType.objects.get_for_model(report_model), owner_id__in=accepted_ids
            ).values_list("pk", flat=True)
        )
    return ProgressFigures(
        available=True,
        reports_accepted=Figure(
            "reports_accepted",
            "审核通过的进展报告",
            len(accepted_ids),
            "份",
            "progress.ProgressReport",
            accepted_ids,
            ("报告",),
        ),
        targets_total=Figure("targets_total", "量化指标", total, "项", keywords=("指标",)),
        targets_met=Figure("targets_met", "已达标指标", met, "项", keywords=("达标", "指标")),
        evidence_files=Figure(
            "evidence_files",
            "佐证材料",
            len(evidence_ids),
            "份",
            "evidence.EvidenceFile",
            evidence_ids,
            ("佐证", "材料"),
        ),
        unmet_targets=tuple(unmet),
        achievements={k: v["text"].strip() for k, v in best.items() if v["text"].strip()},
        causes=causes,
    )


def accepted_progress_texts(task_ids: list[int]) -> dict[int, str]:
    """Task id → the text of its newest accepted progress report (the lead unit's consolidated
    one first); {} while fazhi.progress has no models. One query."""
    report_model = _model("progress.ProgressReport")
    if report_model is None or not task_ids:
        return {}
    out: dict[int, str] = {}
    for task_id, text in (
        report_model.objects.filter(state="accepted", assignment__task_id__in=task_ids)
        .exclude(text="")
        .order_by("-consolidated", "-reviewed_at", "-pk")
        .values_list("assignment__task_id", "text")
    ):
        out.setdefault(task_id, text.strip())
    return out


# ---------------------------------------------------------------------------------------------
# Supervision (fazhi.supervision)


def supervision_figures(jurisdiction_ids: Iterable[int], year: int, as_of: dt.date) -> SupervisionFigures:
    """Reminders sent, 督办单 issued and answered, inspections with their findings and
    rectification, in the year. Returns `available=False` until fazhi.supervision has models.

    A 督办单 counts as answered when it was replied to or closed; a finding as rectified when its
    rectification item is closed (销号). Open items (整改中, 待销号) are listed with what the unit
    submitted so far, as the cause the report gives.
    """
    notice_model = _model("supervision.Notice")
    inspection_model = _model("supervision.Inspection")
    if notice_model is None or inspection_model is None:
        return SupervisionFigures(
            available=False,
            reminders=_no_data("reminders", "到期及逾期提醒", "次", ("提醒",)),
            notices_issued=_no_data("notices_issued", "下发督办单", "份", ("督办",)),
            notices_answered=_no_data("notices_answered", "已回复督办单", "份", ("督办",)),
            inspections=_no_data("inspections", "开展督察", "次", ("督察",)),
            units_inspected=_no_data("units_inspected", "督察单位", "个", ("督察", "部门", "单位")),
            findings=_no_data("findings", "发现问题", "个", ("发现问题", "问题")),
            rectified=_no_data("rectified", "完成整改", "个", ("整改",)),
        )
    ids = list(jurisdiction_ids)
    reminder_model = _model("supervision.ReminderLog")
    reminder_ids: tuple[int, ...] = ()
    if reminder_model is not None:
        reminder_ids = tuple(
            reminder_model.objects.filter(
                day__year=year, assignment__task__plan__jurisdiction_id__in=ids
            ).values_list("pk", flat=True)
        )
    notices = list(
        notice_model.objects.filter(jurisdiction_id__in=ids, year=year).values_list(
            "pk", "state", "replied_at"
        )
    )
    answered = tuple(pk for pk, state, replied_at in notices if replied_at is not None or state != "open")
    inspections = list(
        inspection_model.objects.filter(jurisdiction_id__in=ids, date__year=year).values_list("pk", flat=True)
    )
    through = inspection_model.units.through
    inspected_units = sorted(
        set(through.objects.filter(inspection_id__in=inspections).values_list("unit_id", flat=True))
    )
    finding_model = _model("supervision.Finding")
    item_model = _model("supervision.RectificationItem")
    findings = list(
        finding_model.objects.filter(inspection_id__in=inspections).values_list("pk", flat=True)
        if finding_model is not None
        else []
    )
    items = (
        list(
            item_model.objects.filter(finding_id__in=findings)
            .select_related("unit", "finding")
            .order_by("deadline", "pk")
        )
        if item_model is not None
        else []
    )
    closed = tuple(i.finding_id for i in items if i.state == "closed")
    open_items = tuple(
        RectificationLine(
            id=i.pk,
            unit=i.unit.name,
            finding=i.finding.text.strip(),
            deadline=i.deadline,
            cause=(i.office_comment or i.submission or "").strip(),
        )
        for i in items
        if i.state != "closed"
    )
    return SupervisionFigures(
        available=True,
        reminders=Figure(
            "reminders",
            "到期及逾期提醒",
            len(reminder_ids),
            "次",
            "supervision.ReminderLog",
            reminder_ids,
            ("提醒",),
        ),
        notices_issued=Figure(
            "notices_issued",
            "下发督办单",
            len(notices),
            "份",
            "supervision.Notice",
            tuple(pk for pk, _, _ in notices),
            ("督办",),
        ),
        notices_answered=Figure(
            "notices_answered", "已回复督办单", len(answered), "份", "supervision.Notice", answered, ("督办",)
        ),
        inspections=Figure(
            "inspections",
            "开展督察",
            len(inspections),
            "次",
            "supervision.Inspection",
            tuple(inspections),
            ("督察",),
        ),
        units_inspected=Figure(
            "units_inspected",
            "督察单位",
            len(inspected_units),
            "个",
            "units.Unit",
            tuple(inspected_units),
            ("督察", "部门", "单位"),
        ),
        findings=Figure(
            "findings",
            "发现问题",
            len(findings),
            "个",
            "supervision.Finding",
            tuple(findings),
            ("发现问题", "问题"),
        ),
        rectified=Figure(
            "rectified", "完成整改", len(closed), "个", "supervision.Finding", closed, ("整改",)
        ),
        open_rectifications=open_items,
    )


# ---------------------------------------------------------------------------------------------
# All groups


def report_figures(jurisdiction: Any, year: int, as_of: dt.date | None = None) -> ReportFigures:
    """Every figure of `jurisdiction`'s report for `year` (its sub-jurisdictions included)."""
    as_of = as_of or timezone.localdate()
    ids = jurisdiction.descendant_ids()
    return ReportFigures(
        jurisdiction=jurisdiction.name,
        year=year,
        as_of=as_of,
        ledger=ledger_figures(ids, year, as_of),
        progress=progress_figures(ids, year, as_of),
        supervision=supervision_figures(ids, year, as_of),
    )


def snapshot(figures: ReportFigures) -> dict[str, Any]:
    """The figures as JSON (stored with each version): dates as ISO strings, tuples as lists."""

    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    data = plain(asdict(figures))
    data["flat"] = [{**plain(asdict(f)), "text": f.text} for f in figures.figures()]
    return data


@dataclass(frozen=True)
class Comparison:
    """This year's figure beside the figures of last year's report that speak of the same thing."""

    figure: dict[str, Any]
    past: list[dict[str, Any]] = field(default_factory=list)


def compare(flat: list[dict[str, Any]], past_figures: list[dict[str, Any]]) -> list[Comparison]:
    """Pair each of this year's figures with last year's whose clause holds one of its keywords
    and whose unit agrees (a rate with rates, a count with counts)."""
    out = []
    for f in flat:
        is_rate = f.get("unit") == "%"
        matches = [
            p
            for p in past_figures
            if any(k in p.get("text", "") for k in f.get("keywords") or ())
            and (p.get("unit") == "%") == is_rate
        ]
        out.append(Comparison(f, matches))
    return out
