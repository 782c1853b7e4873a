"""Entry points of the parser: bytes / file / text / lines → ParsedPlan.

read (readers/) → normalize → metadata → tables + outline → units, deadlines, targets
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from fazhi.parsing import deadlines as dl
from fazhi.parsing.markers import match_marker
from fazhi.parsing.model import ParsedPlan, RawText, Task
from fazhi.parsing.normalize import SOFT_BREAK, Line, PrintedForms, normalize_lines, squeeze_lines
from fazhi.parsing.outline import Item, ancestors, build_outline, task_items, title_and_content
from fazhi.parsing.tables import find_tables, table_tasks
from fazhi.parsing.targets import extract_targets
from fazhi.parsing.textlayout import convert_space_tables, explode_one_line_tables, unwrap_lines
from fazhi.parsing.units import Attribution, looks_like_unit, states_first_listed_rule

_TITLE_WORDS = re.compile(r"方案|台账|计划|要点|清单|分解|规划|意见|措施|办法|通知|任务|报告")
_STRONG_TITLE = re.compile(r"方案|台账|计划|要点|清单|分解表?|规划")
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年")
_DOCNO_YEAR = re.compile(r"[〔\[【(](20\d{2})[〕\]】)]")
_DATE_LINE = re.compile(r"^(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_META_DATE = re.compile(
    r"(?:发布|发文|成文|印发)(?:日期|时间)\s*[::]?\s*(20\d{2})[-./年](\d{1,2})[-./月](\d{1,2})"
)
_SOURCE = re.compile(r"(?:信息来源|来源|发布机构)\s*[::]\s*([\u4e00-\u9fff()]{2,30})")


Progress = Callable[[float, str], None]


def _no_progress(fraction: float, stage: str) -> None:
    return None


def parse_lines(lines: list[str], source_format: str = "txt", progress: Progress | None = None) -> ParsedPlan:
    """Parse a document already turned into lines by a reader (tables as "| a | b |" rows).

    `progress(fraction, stage)` is called at each stage boundary (fraction 0–1, a Chinese stage
    name), so a background job can show how far a large document has got.
    """
    report = progress or _no_progress
    report(0.1, "正在整理文本")
    norm = normalize_lines(lines, squeeze=False)
    norm = explode_one_line_tables(norm)
    norm = convert_space_tables(norm)
    norm = squeeze_lines(norm)
    norm = unwrap_lines(norm)
    title, issuer, date, year = _metadata(norm)
    first_listed = False
    tasks: list[tuple[int, Task]] = []

    report(0.3, "正在识别表格")
    tables = find_tables(norm)
    in_table: set[int] = set()
    for start, end, table in tables:
        in_table.update(range(start, end))
        rule = any(states_first_listed_rule(norm[i].text) for i in range(0, end))
        for tt in table_tasks(table, first_listed or rule):
            task = Task(
                number=tt.number,
                level="row",
                heading_path=tt.heading_path,
                title=None,
                content=tt.content,
                lead_units=tt.lead,
                responsible_units=tt.responsible,
            )
            _set_deadline(
                task, tt.deadline_text, tt.content if not tt.deadline_text else "", year, search_text=False
            )
            task.targets = extract_targets(tt.content)
            tasks.append((tt.source_line, task))

    report(0.5, "正在识别任务层级")
    text_lines = [ln for i, ln in enumerate(norm) if i not in in_table]
    outline = build_outline(text_lines)
    items = task_items(outline)
    report(0.7, "正在提取责任单位、时限和指标")
    for it in items:
        task_title, content = title_and_content(it)
        att = it.units or Attribution()
        task = Task(
            number=str(it.marker.ordinal),
            level=it.marker.level,
            heading_path=[a.heading() for a in ancestors(it)],
            title=task_title,
            content=content,
            lead_units=list(att.lead),
            responsible_units=list(att.responsible),
        )
        _set_deadline(task, _labelled_deadline(it), content, year, search_text=True)
        task.targets = extract_targets(content)
        tasks.append((it.source_line, task))

    tasks.sort(key=lambda p: p[0])
    forms = PrintedForms(lines)
    if forms.active:
        for _, task in tasks:
            _as_printed(task, forms)
        title = forms.restore(title) if title else title
    plan = ParsedPlan(
        title=title,
        issuer=issuer,
        date=date,
        year=year,
        source_format=source_format,
        tasks=[t for _, t in tasks],
    )
    plan.warnings.extend(_warnings(plan))
    report(1.0, "解析完成")
    return plan


def _as_printed(task: Task, forms: PrintedForms) -> None:
    """Units, title, headings and the deadline phrase as printed (see PrintedForms)."""
    task.lead_units = [forms.restore(u) for u in task.lead_units]
    task.responsible_units = [forms.restore(u) for u in task.responsible_units]
    task.heading_path = [forms.restore(h) for h in task.heading_path]
    task.title = forms.restore(task.title) if task.title else task.title
    task.deadline_text = forms.restore(task.deadline_text) if task.deadline_text else task.deadline_text


def _labelled_deadline(it: Item) -> str | None:
    """A task's labelled deadline: its own, the one of the attribution it shares (a 完成时限 line
    after a group of sub-items), or the nearest heading's (a deadline stated for a section)."""
    if it.deadline_text:
        return it.deadline_text
    if it.units is not None and it.units.deadline_text:
        return it.units.deadline_text
    return next((a.deadline_text for a in reversed(ancestors(it)) if a.deadline_text), None)


def _set_deadline(
    task: Task, label_text: str | None, content: str, year: int | None, search_text: bool
) -> None:
    if label_text:
        task.deadline_text = label_text
        d = dl.resolve_deadline(label_text, year)
        if d is not None:
            task.deadline = d.date
            task.recurrence = d.recurrence
        return
    if search_text and content:
        d = dl.find_deadline(content, year)
        if d is not None:
            task.deadline_text = d.text
            task.deadline = d.date
            task.recurrence = d.recurrence


def _metadata(lines: list[Line]) -> tuple[str | None, str | None, str | None, int | None]:
    head = [ln.text.replace(SOFT_BREAK, " ") for ln in lines[:25]]
    title = None
    # strong title words first, then weaker ones, then any heading-like short line
    for strong in (True, False, None):
        for t in head:
            t2 = re.sub(r"\.(?:docx?|pdf|xlsx?|wps)$", "", t).strip("【】[] ")
            t2 = re.sub(r"^(?:名\s*称|标\s*题|附件\s*\d*)\s*[::]\s*(?:\d+\.)?", "", t2)
            if (
                6 <= len(t2) <= 70
                and not t2.endswith(("。", ":", ","))
                and match_marker(t2) is None
                and "|" not in t2
            ):
                if strong is None and (len(t2) > 40 or re.search(r"[。,;:!?]", t2)):
                    continue
                pattern = _STRONG_TITLE if strong else _TITLE_WORDS
                if strong is None or pattern.search(t2):
                    title = t2
                    break
        if title:
            break
    date = None
    for ln in reversed(lines):
        m = _DATE_LINE.match(ln.text)
        if m:
            date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
            break
    if date is None:
        for t in head:
            m = _META_DATE.search(t)
            if m:
                date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
                break
    issuer = None
    for t in head:
        m = _SOURCE.search(t)
        if m and looks_like_unit(m.group(1)):
            issuer = m.group(1)
            break
    year = None
    if title:
        m = _YEAR.search(title)
        if m:
            year = int(m.group(1))
    if year is None and date:
        year = int(date[:4])
    if year is None:
        all_text = "\n".join(ln.text for ln in lines)
        m = _DOCNO_YEAR.search(all_text)
        if m:
            year = int(m.group(1))
        else:
            years = Counter(int(y) for y in _YEAR.findall(all_text))
            if years:
                year = years.most_common(1)[0][0]
    return title, issuer, date, year


def _warnings(plan: ParsedPlan) -> list[str]:
    out = []
    if not plan.tasks:
        out.append(
            "未识别到任务:文档中没有找到带牵头或责任单位的编号事项,请检查文件是否为实施方案或任务台账。"
        )
    seen: Counter[str] = Counter()
    for t in plan.tasks:
        seen[t.number] += 1
        for u in t.lead_units + t.responsible_units:
            if not looks_like_unit(u):
                out.append(f"任务{t.number}的单位“{u}”不像单位名称,请核对。")
        if not t.lead_units and not t.responsible_units:
            out.append(f"任务{t.number}未找到牵头或责任单位。")
    if plan.tasks and plan.year is None:
        out.append("未能确定方案年度,缺少年份的完成时限未换算为日期。")
    return out


def parse_text(text: str) -> ParsedPlan:
    return parse_lines(text.splitlines())


def parse_raw(raw: RawText, progress: Progress | None = None) -> ParsedPlan:
    """Parse what a reader returned; the reader's warnings come first."""
    plan = parse_lines(raw.lines, raw.source_format, progress)
    plan.warnings[:0] = raw.warnings
    return plan


def parse_bytes(data: bytes, filename: str, progress: Progress | None = None) -> ParsedPlan:
    from fazhi.parsing.readers import read_bytes

    if progress:
        progress(0.0, "正在读取文件")
    return parse_raw(read_bytes(data, filename), progress)


def parse_file(path: str) -> ParsedPlan:
    """Read and parse a document from disk (oversized files are refused before loading)."""
    from fazhi.parsing.readers import read_file

    return parse_raw(read_file(path))
