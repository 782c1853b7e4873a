"""Drafting: figures (plain dataclasses) and the office's input → the five section texts, and
section texts → the official document the Word writer formats. No database access here.

Section text convention (what the office edits in the browser): one paragraph per line; a line
starting with （一） (or (一)) opens a sub-heading, which runs in when it ends with 。 and text
follows on the same line, as 公文 print short points.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils import timezone

from fazhi.annual_reports.figures import Figure, ReportFigures, TaskLine, format_number
from fazhi.annual_reports.models import SECTION_KINDS
from fazhi.docgen.official import OfficialDocument, Section, chinese_date, chinese_number

# Inputs the office writes itself; the other sections are drafted from the data.
INPUT_FIELDS: tuple[tuple[str, str], ...] = (
    ("first_responsible", "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("next_year", "下一年度工作安排（办公室补充，与结转任务一并列入）"),
    ("other", "其他需要报告的情况"),
)
PLACEHOLDER_FIRST_RESPONSIBLE = "（请办公室填写党政主要负责人履行推进法治建设第一责任人职责情况。）"
MAX_LISTED = 20  # tasks listed by name in one paragraph; the rest are counted


def default_title(jurisdiction: str, year: int) -> str:
    return f"{jurisdiction}{year}年度法治政府建设工作报告"


def default_issuer(jurisdiction: str, kind: str) -> str:
    if kind == "department":
        return jurisdiction
    return f"中共{jurisdiction}委员会\n{jurisdiction}人民政府"


def display_title(title: str) -> str:
    """The title as printed: a title too long for one 二号 line (about 20 characters) is broken
    before its year, which is where the meaning allows."""
    if "\n" in title or len(title) <= 20:
        return title
    m = re.search(r"(?:19|20)\d{2}年", title)
    return title[: m.start()] + "\n" + title[m.start() :] if m and m.start() > 0 else title


def default_opening(jurisdiction: str, year: int) -> str:
    return (
        f"{year}年，{jurisdiction}深入贯彻落实习近平法治思想，按照法治政府建设实施纲要和年度工作部署，"
        "全面推进法治政府建设各项任务。现将有关情况报告如下："
    )


def _n(f: Figure) -> str:
    return f.text


def _units(t: TaskLine) -> str:
    return "、".join(t.lead_units) or "未明确牵头单位"


def _task_list(tasks: tuple[TaskLine, ...], causes: dict[int, str] | None = None) -> str:
    """Numbered tasks with lead units and deadlines; with `causes`, the reason each is late as
    the unit reported it."""
    parts = []
    for i, t in enumerate(tasks[:MAX_LISTED], start=1):
        item = f"{i}.{t.title}（{_units(t)}"
        if t.deadline:
            item += f"，时限{chinese_date(t.deadline)}"
        if causes is not None:
            cause = t.cause or causes.get(t.id, "")
            item += f"；原因：{cause}" if cause else "；原因：尚未报送"
        parts.append(item + "）")
    if len(tasks) > MAX_LISTED:
        parts.append(f"另有{len(tasks) - MAX_LISTED}项，详见任务台账")
    return "；".join(parts) + "。"


def _measures(f: ReportFigures) -> list[str]:
    led = f.ledger
    lines = [
        f"{f.year}年，全{_area(f.jurisdiction)}共部署法治政府建设任务{_n(led.tasks_total)}，"
        f"已完成{_n(led.tasks_done)}，完成率{_n(led.completion_rate)}，按期完成率{_n(led.on_time_rate)}。"
    ]
    if f.progress.available:
        p = f.progress
        lines.append(
            f"各责任单位报送并经审核通过的进展报告{_n(p.reports_accepted)}，上传佐证材料{_n(p.evidence_files)}；"
            f"年度任务中的量化指标{_n(p.targets_total)}，已达标{_n(p.targets_met)}。"
        )
    if f.supervision.available and any(x.value for x in f.supervision.figures()):
        s = f.supervision
        lines.append(
            f"全年发出到期及逾期提醒{_n(s.reminders)}，下发督办单{_n(s.notices_issued)}、已回复{_n(s.notices_answered)}；"
            f"开展法治督察{_n(s.inspections)}，督察单位{_n(s.units_inspected)}，发现问题{_n(s.findings)}，"
            f"已完成整改{_n(s.rectified)}。"
        )
    for i, c in enumerate(led.by_category, start=1):
        heading = _strip_marker(c.category)
        text = f"本方面部署任务{c.total}项，已完成{c.done}项。"
        if c.done_tasks:
            # What the accepted reports say was done, else the task's title.
            items = [
                _achievement(t, f.progress.achievements.get(t.id, "")) for t in c.done_tasks[:MAX_LISTED]
            ]
            text += "完成的主要工作有：" + "；".join(items) + "。"
        lines.append(f"（{chinese_number(min(i, 99))}）{heading}。{text}")
    return lines


def _achievement(t: TaskLine, reported: str) -> str:
    title = t.title.rstrip("。；;")
    reported = " ".join(reported.split()).rstrip("。；;")
    return f"{title}（{reported}）" if reported else title


def _area(jurisdiction: str) -> str:
    """区 / 县 / 市 for 全区 / 全县 / 全市, from the jurisdiction's name."""
    for suffix in ("新区", "区", "县", "市", "镇", "街道"):
        if jurisdiction.endswith(suffix):
            return suffix[-1] if suffix != "街道" else "街道"
    return "区"


_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*")


def _strip_marker(heading: str) -> str:
    return _MARKER.sub("", heading).rstrip("。") or heading


def _shortcomings(f: ReportFigures) -> list[str]:
    led, prog, sup = f.ledger, f.progress, f.supervision
    lines: list[str] = []
    n = 0
    if led.overdue_tasks:
        n += 1
        lines.append(
            f"（{chinese_number(n)}）部分任务未按期完成。截至{chinese_date(_cutoff(f))}，"
            f"有{len(led.overdue_tasks)}项任务逾期未完成：{_task_list(led.overdue_tasks, prog.causes)}"
        )
    if prog.available and prog.unmet_targets:
        n += 1
        items = "；".join(
            f"{t.task_number}号任务“{t.text}”（报送情况：{t.reported or '未报送'}"
            + (f"；原因：{t.cause}" if t.cause else "")
            + "）"
            for t in prog.unmet_targets[:MAX_LISTED]
        )
        lines.append(
            f"（{chinese_number(n)}）部分量化指标未达标。有{len(prog.unmet_targets)}项指标未达到要求：{items}。"
        )
    if sup.available and sup.open_rectifications:
        n += 1
        items = "；".join(
            f"{r.unit}：{r.finding.rstrip('。')}"
            + (f"（整改情况：{r.cause}）" if r.cause else "（尚未报送整改情况）")
            for r in sup.open_rectifications[:MAX_LISTED]
        )
        lines.append(
            f"（{chinese_number(n)}）督察发现问题整改尚未全部完成。有{len(sup.open_rectifications)}个整改事项尚未销号：{items}。"
        )
    if not lines:
        lines.append("（一）年度任务均已按期完成，未发现需要报告的突出问题。")
    return lines


def _cutoff(f: ReportFigures) -> dt.date:
    return min(f.as_of, dt.date(f.year, 12, 31))


def _next_year(f: ReportFigures, extra: str) -> list[str]:
    lines = [f"{f.year + 1}年，将继续深入推进法治政府建设，重点抓好以下工作："]
    n = 0
    for line in _lines(extra):
        if _MARKER.match(line):
            line = _MARKER.sub("", line)
        n += 1
        lines.append(f"（{chinese_number(n)}）{line}")
    unfinished = f.ledger.unfinished_tasks
    if unfinished:
        n += 1
        lines.append(
            f"（{chinese_number(n)}）推进结转任务落实。{f.year}年度未完成的{len(unfinished)}项任务结转下一年度继续推进："
            + _task_list(unfinished)
        )
    return lines


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in (text or "").splitlines() if ln.strip()]


def draft_sections(figures: ReportFigures, inputs: dict[str, str]) -> dict[str, str]:
    """The five statutory sections drafted from the figures and the office's inputs."""
    first = "\n".join(_lines(inputs.get("first_responsible", ""))) or PLACEHOLDER_FIRST_RESPONSIBLE
    other = "\n".join(_lines(inputs.get("other", ""))) or "无。"
    return {
        "measures": "\n".join(_measures(figures)),
        "shortcomings": "\n".join(_shortcomings(figures)),
        "first_responsible": first,
        "next_year": "\n".join(_next_year(figures, inputs.get("next_year", ""))),
        "other": other,
    }


# ---------------------------------------------------------------------------------------------
# Section texts → OfficialDocument

_SUB = re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]\s*")


def section_from_text(heading: str, text: str) -> Section:
    """One statutory section from its edited text (see the module docstring for the convention)."""
    section = Section(heading)
    current: Section | None = None
    for line in _lines(text):
        m = _SUB.match(line)
        if m:
            rest = line[m.end() :]
            stop = rest.find("。")
            if 0 <= stop < len(rest) - 1:
                current = Section(rest[: stop + 1], [rest[stop + 1 :]])
            else:
                current = Section(rest)
            section.subsections.append(current)
        elif current is not None:
            current.paragraphs.append(line)
        else:
            section.paragraphs.append(line)
    return section


def section_headings(year: int) -> dict[str, str]:
    """The statutory headings with the year, as reports print them."""
    return {
        "measures": f"{year}年度法治政府建设的主要举措和成效",
        "shortcomings": f"{year}年度法治政府建设存在的不足和原因",
        "first_responsible": f"{year}年度党政主要负责人履行推进法治建设第一责任人职责情况",
        "next_year": f"{year + 1}年度推进法治政府建设的主要安排",
        "other": "其他需要报告的情况",
    }


def official_document(
    *,
    year: int,
    title: str,
    issuer: str,
    signed_on: dt.date,
    opening: str,
    sections: dict[str, str],
) -> OfficialDocument:
    """The report as an OfficialDocument, sections in statutory order; "其他需要报告的情况" is
    left out when it says nothing (无)."""
    headings = section_headings(year)
    body = []
    for kind, _ in SECTION_KINDS:
        text = (sections.get(kind) or "").strip()
        if kind == "other" and text.rstrip("。") in ("", "无"):
            continue
        body.append(section_from_text(headings[kind], text))
    return OfficialDocument(
        title=display_title(title),
        issuer=issuer,
        date=signed_on,
        opening=_lines(opening),
        sections=body,
    )


def version_document(version: Any) -> OfficialDocument:
    """The OfficialDocument of a saved ReportVersion (reads only its fields)."""
    return official_document(
        year=version.report.year,
        title=version.title,
        issuer=version.issuer,
        # Until the office sets the signing date, the draft carries the day it was saved.
        signed_on=version.signed_on or timezone.localtime(version.created_at).date(),
        opening=version.opening,
        sections=version.sections,
    )


__all__ = [
    "INPUT_FIELDS",
    "default_issuer",
    "default_opening",
    "default_title",
    "display_title",
    "draft_sections",
    "format_number",
    "official_document",
    "section_from_text",
    "section_headings",
    "version_document",
]
