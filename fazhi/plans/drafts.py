"""The import draft: the parser's output plus registry matches, as JSON kept in an ImportJob.

The office edits the draft in the preview; nothing reaches the ledger until it is confirmed.
Every function here is pure over the draft dict, except that matching reads the registry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi.ledger.models import Role
from fazhi.units.matching import Registry

Draft = dict[str, Any]

METHOD_LABELS = {
    "exact": "名称一致",
    "alias": "别名",
    "normalised": "规范化匹配",
    "group": "集合名称",
    "manual": "人工指定",
    "created": "新建单位",
    "ambiguous": "匹配到多个单位",
    "none": "未匹配",
}


class DraftError(Exception):
    """An edit or a confirmation the draft cannot accept; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def unit_entry(name: str, role: str, registry: Registry) -> dict[str, Any]:
    m = registry.match(name)
    return {
        "name": name,
        "role": role,
        "method": m.method,
        "kind": m.kind,
        "id": m.id,
        "label": (registry.group_names if m.kind == "group" else registry.names).get(m.id or 0, ""),
        "size": registry.group_sizes.get(m.id or 0) if m.kind == "group" else None,
        "candidates": [c.__dict__ for c in m.candidates],
    }


def build_draft(parsed: dict[str, Any], registry: Registry) -> Draft:
    """The parser's JSON (ParsedPlan.to_dict()) → an editable draft with unit matches."""
    tasks = []
    for t in parsed.get("tasks", []):
        path = [h for h in (t.get("heading_path") or []) if h]
        units = [unit_entry(n, Role.LEAD, registry) for n in t.get("lead_units") or []]
        units += [unit_entry(n, Role.RESPONSIBLE, registry) for n in t.get("responsible_units") or []]
        tasks.append(
            {
                "number": str(t.get("number") or len(tasks) + 1),
                "level": t.get("level") or "",
                "heading_path": path,
                "category": path[0] if path else "",
                "subcategory": " / ".join(path[1:]),
                "title": t.get("title") or "",
                "content": t.get("content") or "",
                "deadline": t.get("deadline"),
                "deadline_text": t.get("deadline_text") or "",
                "recurrence": t.get("recurrence"),
                "targets": t.get("targets") or [],
                "units": units,
                "removed": False,
            }
        )
    return {
        "title": parsed.get("title") or "",
        "issuer": parsed.get("issuer") or "",
        "date": parsed.get("date"),
        "year": parsed.get("year"),
        "source_format": parsed.get("source_format") or "",
        "warnings": list(parsed.get("warnings") or []),
        "tasks": tasks,
    }


def task_at(draft: Draft, index: int) -> dict[str, Any]:
    try:
        if index < 0:
            raise IndexError
        return draft["tasks"][index]
    except (IndexError, KeyError, TypeError):
        raise DraftError("找不到该任务，请刷新页面") from None


def parse_date(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise DraftError(f"完成时限“{value}”不是有效日期，请按 2024-09-30 的格式填写") from None


def update_task(draft: Draft, index: int, fields: dict[str, str]) -> None:
    """Apply the preview's inline edit of one task."""
    task = task_at(draft, index)
    if "deadline" in fields:
        task["deadline"] = parse_date(fields["deadline"])
    for key in ("title", "content", "category", "subcategory", "deadline_text", "number"):
        if key in fields:
            task[key] = fields[key].strip()
    if not (task["title"] or task["content"]):
        raise DraftError("任务名称和任务内容不能同时为空")


def set_unit(
    draft: Draft,
    index: int,
    position: int,
    kind: str,
    pk: int,
    label: str,
    method: str,
    size: int | None = None,
) -> None:
    """Point one printed name at a registry unit or group chosen by the office."""
    units = task_at(draft, index)["units"]
    if not 0 <= position < len(units):
        raise DraftError("找不到该单位，请刷新页面")
    units[position].update({"kind": kind, "id": pk, "label": label, "method": method, "size": size})


def remove_unit(draft: Draft, index: int, position: int) -> None:
    units = task_at(draft, index)["units"]
    if not 0 <= position < len(units):
        raise DraftError("找不到该单位，请刷新页面")
    del units[position]


def add_unit(draft: Draft, index: int, name: str, role: str, registry: Registry) -> None:
    name = name.strip()
    if not name:
        raise DraftError("请输入单位名称")
    if role not in Role.values:
        raise DraftError("请选择牵头或责任")
    task_at(draft, index)["units"].append(unit_entry(name, role, registry))


def live_tasks(draft: Draft) -> list[tuple[int, dict[str, Any]]]:
    return [(i, t) for i, t in enumerate(draft.get("tasks", [])) if not t.get("removed")]


def problems(draft: Draft) -> list[str]:
    """What stops confirmation, one Chinese line each (empty when the draft can be confirmed)."""
    found = []
    tasks = live_tasks(draft)
    if not tasks:
        found.append("该计划中没有可确认的任务")
    for _, task in tasks:
        for entry in task["units"]:
            if entry.get("id") is None:
                where = f"第{task['number']}项任务的“{entry['name']}”"
                if entry["method"] == "ambiguous":
                    names = "、".join(c["name"] for c in entry.get("candidates", []))
                    found.append(f"{where}同时匹配多个单位（{names}），请选定一个")
                else:
                    found.append(f"{where}在单位名录中没有对应单位，请指定或新建")
    return found


def unit_counts(draft: Draft) -> dict[str, int]:
    counts = {"tasks": len(live_tasks(draft)), "matched": 0, "unmatched": 0}
    for _, task in live_tasks(draft):
        for entry in task["units"]:
            counts["matched" if entry.get("id") is not None else "unmatched"] += 1
    return counts
