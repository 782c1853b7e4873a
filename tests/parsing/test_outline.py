"""Outline and task-level detection on small documents in the styles real plans use."""

import pytest

from fazhi.parsing import parse_lines, parse_text
from fazhi.parsing.markers import match_marker


@pytest.mark.parametrize(
    "text,kind,ordinal",
    [
        ("一、总体要求", "一、", 1),
        ("(三)深入开展法治政府建设", "(一)", 3),
        ("12.行政执法质量", "1.", 12),
        ("12、行政执法质量", "1.", 12),
        ("(2)完善企业登记", "(1)", 2),
        ("③推进", "①", 3),
        ("第十二条 各部门", "第条", 12),
        ("一、2023年全区主要目标", "一、", 1),
    ],
)
def test_markers(text, kind, ordinal):
    m = match_marker(text)
    assert m is not None and (m.kind, m.ordinal) == (kind, ordinal)


@pytest.mark.parametrize("text", ["1.5亿元", "2024.6", "1、2月份", "10%以上", "一是加强"])
def test_not_markers(text):
    assert match_marker(text) is None


def _ledger(text):
    return [(t.number, t.level, t.lead_units, t.responsible_units) for t in parse_text(text).tasks]


def test_sections_without_units_give_no_tasks_and_numbering_runs_across_sections():
    doc = """某区2024年法治政府建设实施方案
一、总体要求
以习近平法治思想为指导。
二、主要任务
(一)加强学习
1.领导干部学法。每年至少2次。
牵头单位:区司法局
责任单位:各街道
(二)推进执法
2.规范执法。落实三项制度。
牵头单位:区司法局
责任单位:区各行政执法部门
三、保障措施
(一)加强组织领导。各部门要高度重视。
"""
    assert _ledger(doc) == [
        ("1", "1.", ["区司法局"], ["各街道"]),
        ("2", "1.", ["区司法局"], ["区各行政执法部门"]),
    ]
    plan = parse_text(doc)
    assert plan.tasks[0].heading_path == ["二、主要任务", "(一)加强学习"]
    assert plan.tasks[0].title == "领导干部学法"
    assert plan.year == 2024


def test_a_line_attribution_after_sub_items_covers_them_all():
    doc = """1.完善应急预案体系
(1)加强应急预案管理。
(2)推进应急预案精编化。
(责任单位:市应急局、各县(市、区)人民政府)
"""
    assert _ledger(doc) == [
        ("1", "(1)", [], ["市应急局", "各县(市、区)人民政府"]),
        ("2", "(1)", [], ["市应急局", "各县(市、区)人民政府"]),
    ]


def test_inline_sub_points_of_a_task_stay_in_its_content():
    doc = "一、重点任务\n1.规范执法。(1)完善制度;(2)加强培训。(区司法局牵头,各部门配合)\n"
    ledger = _ledger(doc)
    assert ledger == [("1", "1.", ["区司法局"], ["各部门"])]
    assert "加强培训" in parse_text(doc).tasks[0].content


def test_inline_sub_items_each_with_units_are_tasks():
    doc = "1.深化改革。(1)全面落实多证合一。(市市场监管局牵头负责)(2)完善全程电子化。(市数据局牵头负责)\n"
    assert _ledger(doc) == [("1", "(1)", ["市市场监管局"], []), ("2", "(1)", ["市数据局"], [])]


def test_a_document_joined_into_one_line_is_split_only_where_numbering_continues():
    doc = (
        "二、主要任务 (一)推进改革 1.健全领导体制。每年不 少于 2 次,落实 3.5 万元。"
        "(市委依法治市 办、市委组织部) 2.规范工作 机制。建立制度。(市司法局)"
    )
    assert _ledger(doc) == [
        ("1", "1.", [], ["市委依法治市办", "市委组织部"]),
        ("2", "1.", [], ["市司法局"]),
    ]


def test_a_plan_with_only_deadlines_still_yields_tasks():
    doc = "2024年工作要点\n1.修订规范性文件管理办法。\n完成时限:2024年6月底\n2.开展执法检查。\n完成时限:2024年11月\n"
    plan = parse_text(doc)
    assert [(t.number, t.deadline) for t in plan.tasks] == [("1", "2024-06-30"), ("2", "2024-11-30")]
    assert any("未找到" in w for w in plan.warnings)


def test_no_tasks_gives_an_empty_ledger_and_a_warning():
    plan = parse_text("关于召开会议的通知\n请各单位准时参加。\n")
    assert plan.tasks == []
    assert plan.warnings and "未识别到任务" in plan.warnings[0]


def test_a_responsibility_list_by_unit_gives_each_duty_to_the_heading_unit():
    doc = "2023年法治建设责任清单\n一、区司法局\n1.统筹推进示范创建。\n2.负责行政复议应诉。\n二、区政府办公室\n3.规范重大行政决策程序。\n"
    assert _ledger(doc) == [
        ("1", "1.", [], ["区司法局"]),
        ("2", "1.", [], ["区司法局"]),
        ("3", "1.", [], ["区政府办公室"]),
    ]


def test_units_after_a_tasks_sub_points_stay_with_the_task_when_tasks_sit_at_that_level():
    doc = """二、主要任务
1.领导干部带头学法。将法治思想纳入学习。
牵头单位:区委依法治区办
责任单位:区委办公室
2.规范执法。具体包括:
(1)完善执法制度;
(2)加强执法培训。
牵头单位:区司法局
责任单位:各街道
"""
    assert _ledger(doc) == [
        ("1", "1.", ["区委依法治区办"], ["区委办公室"]),
        ("2", "1.", ["区司法局"], ["各街道"]),
    ]
    assert "加强执法培训" in parse_text(doc).tasks[1].content


def test_a_duty_that_names_its_unit_before_a_colon():
    doc = "二、职责分工\n1.区司法局:牵头推进法治政府建设示范创建。\n2.各街道:负责辖区内普法宣传。\n"
    assert _ledger(doc) == [("1", "1.", ["区司法局"], []), ("2", "1.", [], ["各街道"])]


@pytest.mark.parametrize(
    "text,kind,ordinal", [("第二部分 主要任务", "第部分", 2), ("一.总体要求", "一、", 1)]
)
def test_more_marker_forms(text, kind, ordinal):
    m = match_marker(text)
    assert m is not None and (m.kind, m.ordinal) == (kind, ordinal)


@pytest.mark.parametrize(
    "head,title",
    [
        (
            "当前位置:\n首页\n> 政务动态 > 通知公告\n2024年度法治政府建设工作报告\n",
            "2024年度法治政府建设工作报告",
        ),
        (
            "名 称: 区政府办公室关于印发2020年重点工作责任分解的通知\n",
            "区政府办公室关于印发2020年重点工作责任分解的通知",
        ),
        ("点击数:227 更新时间:2023-01-16\n济阳区荣获法治政府建设示范区\n", "济阳区荣获法治政府建设示范区"),
    ],
)
def test_plan_title_skips_breadcrumbs_and_labels(head, title):
    assert parse_text(head + "正文。\n").title == title


def test_the_parser_reports_its_stages_in_order():
    seen = []
    parse_lines(["1.开展检查。", "牵头单位:区司法局"], progress=lambda f, s: seen.append((f, s)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert seen[-1][1] == "解析完成" and len(seen) >= 4


def test_a_deadline_in_a_shared_attribution_or_a_section_heading_reaches_its_tasks():
    doc = """(一)完善应急预案体系(完成时限:2024年10月底)
1.加强应急预案管理。
2.推进预案精编化。
(责任单位:市应急局;完成时限:2024年6月底)
(二)加强演练(完成时限:2024年12月底)
3.开展实战演练。
(责任单位:市应急局)
"""
    plan = parse_text(doc.replace("(一)", "2024年应急工作要点\n(一)", 1))
    assert [(t.number, t.deadline) for t in plan.tasks] == [
        ("1", "2024-06-30"),
        ("2", "2024-06-30"),
        ("3", "2024-12-31"),
    ]
