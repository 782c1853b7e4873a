"""Drafting from plain figures (no database) and the Word document it becomes, reopened."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from fazhi.annual_reports.drafting import display_title, draft_sections, official_document, section_from_text
from fazhi.annual_reports.figures import (
    CategoryLine,
    Figure,
    LedgerFigures,
    ProgressFigures,
    RectificationLine,
    ReportFigures,
    SupervisionFigures,
    TaskLine,
)
from fazhi.docgen.official import write_official_docx


def _fig(key: str, value: float | int | None, unit: str = "项") -> Figure:
    return Figure(key, key, value, unit)


def figures() -> ReportFigures:
    """A year's figures typed in, as report_figures would return them."""
    late = TaskLine(
        7, "7", "推进行政执法三项制度", "二、严格规范公正文明执法", ("区司法局",), dt.date(2024, 6, 30)
    )
    open_ = TaskLine(12, "12", "建设法治文化阵地", "三、法治社会", ("区委宣传部",), dt.date(2025, 6, 30))
    done = TaskLine(1, "1", "学习贯彻习近平法治思想", "一、坚持党的领导", ("区委办",), dt.date(2024, 6, 30))
    ledger = LedgerFigures(
        available=True,
        plans=1,
        tasks_total=_fig("tasks_total", 18),
        tasks_done=_fig("tasks_done", 6),
        completion_rate=_fig("completion_rate", 33.33, "%"),
        on_time_rate=_fig("on_time_rate", 66.67, "%"),
        overdue=_fig("overdue", 1),
        unfinished=_fig("unfinished", 12),
        by_category=(
            CategoryLine("一、坚持党的领导", 2, 1, (done,)),
            CategoryLine("二、严格规范公正文明执法", 16, 5, ()),
        ),
        overdue_tasks=(late,),
        unfinished_tasks=(late, open_),
    )
    progress = ProgressFigures(
        available=False,
        reports_accepted=_fig("reports_accepted", None, "份"),
        targets_total=_fig("targets_total", None),
        targets_met=_fig("targets_met", None),
        evidence_files=_fig("evidence_files", None, "份"),
    )
    supervision = SupervisionFigures(
        available=True,
        reminders=_fig("reminders", 40, "次"),
        notices_issued=_fig("notices_issued", 3, "份"),
        notices_answered=_fig("notices_answered", 2, "份"),
        inspections=_fig("inspections", 2, "次"),
        units_inspected=_fig("units_inspected", 7, "个"),
        findings=_fig("findings", 8, "个"),
        rectified=_fig("rectified", 6, "个"),
        open_rectifications=(
            RectificationLine(1, "区城管局", "执法案卷不规范。", dt.date(2024, 12, 31), "正在补正案卷"),
        ),
    )
    return ReportFigures("天桥区", 2024, dt.date(2025, 2, 10), ledger, progress, supervision)


INPUTS = {
    "first_responsible": "（一）区委书记带头学法。全年主持区委常委会会议专题学法4次。",
    "next_year": "深化行政执法体制改革。",
}


def test_the_draft_has_the_five_sections_with_the_figures_in_the_text() -> None:
    s = draft_sections(figures(), INPUTS)
    assert list(s) == ["measures", "shortcomings", "first_responsible", "next_year", "other"]
    assert "共部署法治政府建设任务18项，已完成6项，完成率33.33%，按期完成率66.67%" in s["measures"]
    assert "下发督办单3份、已回复2份" in s["measures"] and "发现问题8个，已完成整改6个" in s["measures"]
    assert "（一）坚持党的领导。本方面部署任务2项，已完成1项" in s["measures"]
    assert "进展报告" not in s["measures"]  # progress has no data yet: no sentence with dashes
    assert (
        "有1项任务逾期未完成：1.推进行政执法三项制度（区司法局，时限2024年6月30日；原因：尚未报送）"
        in s["shortcomings"]
    )
    assert "区城管局：执法案卷不规范（整改情况：正在补正案卷）" in s["shortcomings"]
    assert s["first_responsible"] == INPUTS["first_responsible"]
    assert "（一）深化行政执法体制改革。" in s["next_year"]
    assert "未完成的2项任务结转下一年度继续推进" in s["next_year"]
    assert s["other"] == "无。"


def test_a_sub_heading_line_runs_in_and_plain_lines_are_paragraphs() -> None:
    sec = section_from_text(
        "主要举措和成效", "导语段。\n（一）加强组织领导。成立委员会。\n补充一段。\n(二)完善制度"
    )
    assert sec.paragraphs == ["导语段。"]
    assert [(s.heading, s.paragraphs) for s in sec.subsections] == [
        ("加强组织领导。", ["成立委员会。", "补充一段。"]),
        ("完善制度", []),
    ]


def _docx_text(sections: dict[str, str]) -> list[str]:
    doc = official_document(
        year=2024,
        title="天桥区2024年度法治政府建设工作报告",
        issuer="中共天桥区委员会\n天桥区人民政府",
        signed_on=dt.date(2025, 2, 20),
        opening="现将有关情况报告如下：",
        sections=sections,
    )
    out = io.BytesIO()
    write_official_docx(doc, out)
    return [p.text for p in Document(io.BytesIO(out.getvalue())).paragraphs if p.text.strip()]


def test_the_word_document_has_the_statutory_sections_in_order_with_the_figures() -> None:
    paragraphs = _docx_text(draft_sections(figures(), {**INPUTS, "other": "区法院工作另行报告。"}))
    headings = [p for p in paragraphs if p[:2] in ("一、", "二、", "三、", "四、", "五、")]
    assert headings == [
        "一、2024年度法治政府建设的主要举措和成效",
        "二、2024年度法治政府建设存在的不足和原因",
        "三、2024年度党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2025年度推进法治政府建设的主要安排",
        "五、其他需要报告的情况",
    ]
    text = "\n".join(paragraphs)
    assert paragraphs[0] == "天桥区2024年度法治政府建设工作报告"  # fits one 二号 line
    assert "（一）坚持党的领导。本方面部署任务2项，已完成1项" in text
    assert "已完成6项，完成率33.33%" in text and "2025年2月20日" == paragraphs[-1]


def test_an_empty_other_section_is_left_out() -> None:
    headings = [p for p in _docx_text(draft_sections(figures(), INPUTS)) if p.startswith("五、")]
    assert headings == []


def test_a_title_too_long_for_one_line_is_broken_before_its_year() -> None:
    assert (
        display_title("济宁太白湖新区2024年度法治政府建设工作报告")
        == "济宁太白湖新区\n2024年度法治政府建设工作报告"
    )
    assert display_title("天桥区2024年度法治政府建设工作报告") == "天桥区2024年度法治政府建设工作报告"
