"""Variants that once failed, and a minimal example of each failure: one regression test per bug.

Each (variant, document) pair here failed when the variant matrix was first run; the minimal
examples name the mechanism that failed (footer chrome read as labels, wrapped lines, 【label】,
space-separated unit lists, tables printed with runs of spaces or tabs, 第X部分 crash).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_variants import _check

from fazhi.parsing.pipeline import parse_text

# variant -> the documents (space-separated) on which it failed before the fix
FIXED: dict[str, str] = {
    "chrome": "003 510 513",
    "chrome_fullwidth": "003 510 513",
    "chrome_sponsor": "000 002 003 501 502 503 504 505 506 507 508 509 510 513 514 515 516",
    "wrap30": "002 003 503 510",
    "wrap34": "002 003 503",
    "wrap38": "002 503 504",
    "wrap34_fullwidth": "002 003 503",
    "wrap34_kinsoku": "002 003 503",
    "wrap34_cells": "002 003 510",
    "wrap34_page20": "002 003 503",
    "label_bracket": "000 003 501 502 503 504 507 509",
    # 501 is left out: its gold splits 各县、市、区政府 literally, and "各县 市 区政府" with
    # spaces cannot be told from a broken word
    "units_space": "000 003 503 504 507 509",
    "num_chapter": "508",
    "docx_table": "003",
    "html_table": "003",
    "xlsx_table": "003",
    "rows_pipe": "003",
    "rows_pipe_filled": "003",
    "rows_tab": "003 510 511 513",
    "rows_spaces": "003 510 511 513",
    "rows_spaces_filled": "003 510 511 513",
}

_CASES = [
    pytest.param(doc, variant, id=f"{variant}-{doc}")
    for variant, docs in FIXED.items()
    for doc in docs.split()
]


@pytest.mark.parametrize("doc,variant", _CASES)
def test_fixed_variant_gives_the_gold_ledger(doc: str, variant: str, tmp_path: Path) -> None:
    _check(doc, variant, tmp_path)


def _ledger(text: str) -> list[tuple[str, list[str], list[str], str | None]]:
    return [(t.number, t.lead_units, t.responsible_units, t.deadline) for t in parse_text(text).tasks]


# --- minimal examples: (name, text, expected [(number, lead, responsible, deadline)])
MINIMAL = [
    (
        "footer_sponsor_label",  # normalize._CHROME_LINE / units._LABEL: 主办单位 in a site footer
        "一、主要任务\n1.加强学法。每年举办讲座。\n牵头单位:区司法局\n责任单位:区各部门\n"
        "二、保障措施\n(一)加强领导。各部门要高度重视。\n"
        "主办单位:某某市人民政府办公室  承办单位:某某市大数据中心",
        [("1", ["区司法局"], ["区各部门"], None)],
    ),
    (
        "footer_after_cell_table",  # tables._collect_rows: a one-cell-per-line table never ends
        "序号 |\n目标与任务 |\n牵头责任单位 |\n完成情况 |\n76 |\n积极创建“枫桥式”法庭。 |\n县司法局 |\n已完成 |\n"
        "版权所有:某某市人民政府办公室",
        [("76", ["县司法局"], [], None)],
    ),
    (
        "wrap_label_inside_continuation",  # textlayout.unwrap_lines: find_labels(text[:12])
        "(一)坚持常态化疫情防控\n1、切实巩固疫情防控成果。[牵头单位:区卫健局、区创\n文办;责任单位:各街办]",
        [("1", ["区卫健局", "区创文办"], ["各街办"], None)],
    ),
    (
        "wrap_label_after_open_bracket",  # same check: the bracket is open, the line must join
        "1.提高流通管理部门管理效能。加强商贸流通工作力量。(牵头单位:\n市商务局  责任单位:市编办、市发改委)",
        [("1", ["市商务局"], ["市编办", "市发改委"], None)],
    ),
    (
        "wrap_three_lines",  # textlayout.unwrap_lines compares the joined line with the wrap width
        "".join(
            f"{i}.加强第{i}项工作。将法治思想作为中心组学习的重\n点内容,并进行学习交流。每年举办至少两次法治专题\n讲座。\n"
            "牵头单位:区司法局\n责任单位:区信访办、公安红桥分局、区民政局、规自\n分局、区财政局、区人力社保局、区生态环境局、区卫\n"
            "健委、区市场监管局\n"
            for i in range(1, 5)
        ),
        [
            (
                str(i),
                ["区司法局"],
                [
                    "区信访办",
                    "公安红桥分局",
                    "区民政局",
                    "规自分局",
                    "区财政局",
                    "区人力社保局",
                    "区生态环境局",
                    "区卫健委",
                    "区市场监管局",
                ],
                None,
            )
            for i in range(1, 5)
        ],
    ),
    (
        "wrap_line_ending_in_name_bracket",  # units.trailing_attribution takes 乡镇(街道) for units
        "(二)推进依法行政\n7.推进执法改革。以高需求为导向,在目录和乡镇(街道)\n"
        "综合行政执法事项指导目录中梳理执法事项。(市综合执法局牵头,各行政执法机关)",
        [("7", ["市综合执法局"], ["各行政执法机关"], None)],
    ),
    (
        "label_in_lenticular_brackets",  # units._LABEL requires a colon: 【牵头单位】X
        "一、主要任务\n1.加强学法。每年举办讲座。\n【牵头单位】区司法局\n【责任单位】区各部门\n【完成时限】2024年9月底",
        [("1", ["区司法局"], ["区各部门"], "2024-09-30")],
    ),
    (
        "units_separated_by_spaces",  # normalize.squeeze_spaces runs before split_units
        "一、主要任务\n1.加强学法。每年举办讲座。\n牵头单位:区司法局\n责任单位:区委办公室 区政府办公室 区委宣传部",
        [("1", ["区司法局"], ["区委办公室", "区政府办公室", "区委宣传部"], None)],
    ),
    (
        "tab_separated_rows",  # textlayout.convert_space_tables: header must start with 序号
        "一级指标\t二级指标\t序号\t主要任务\t牵头、责任部门\n"
        "一、依法全面履行政府职能\t1.全面推行行政审批制度改革\t1\t主动公开全部行政审批事项清单。\t"
        "牵头单位:区政务服务办;责任部门:其他部门、各街道按职责分别负责\n"
        "\t\t2\t依据目录制定并公布行政许可事项目录。\t\n",
        [
            ("1", ["区政务服务办"], ["其他部门", "各街道"], None),
            ("2", ["区政务服务办"], ["其他部门", "各街道"], None),
        ],
    ),
    (
        "space_rows_missing_cells",  # convert_space_tables splits on single spaces, counts from the right
        "序号  目标与任务  牵头责任单位  完成情况  督查情况\n"
        "71  完善多元调处化解机制。  县司法局 县信访局  邀请法律专家培训调解员。  已完成\n"
        "83  推进法治政府建设走深走实。  县司法局 县政府办\n",
        [("71", ["县司法局", "县信访局"], [], None), ("83", ["县司法局", "县政府办"], [], None)],
    ),
    (
        "multi_paragraph_unit_cell",  # tables.table_tasks squeezes the cell before parse_labelled
        "| 序号 | 主要任务 | 牵头、责任部门 |\n"
        "| 24 | 严格落实规定。 | 牵头部门:区司法局 区政府办; 责任部门:其他部门、各街道按职责分别负责 |\n",
        [("24", ["区司法局", "区政府办"], ["其他部门", "各街道"], None)],
    ),
    (
        "typo_label_leaves_fragment",  # units.parse_labelled keeps the one-character fragment 责
        "| 序号 | 主要任务 | 牵头、责任部门 |\n"
        "| 24 | 严格落实规定。 | 牵头部门:区司法局、区政府办;责责任部门:其他部门、各街道按职责分别负责 |\n",
        [("24", ["区司法局", "区政府办"], ["其他部门", "各街道"], None)],
    ),
    (
        "part_heading_task_crashes",  # markers.LEVEL_NAME lacks 第部分/第编 (RANK has them): KeyError
        "第四部分 改造交通瓶颈\n对14处交通瓶颈进行规划改造。\n以上工作由市规划与国土资源局、城管办负责。",
        [("4", [], ["市规划与国土资源局", "城管办"], None)],
    ),
    (
        "cell_continued_without_pipe",  # normalize drops the cell-closing "|" that shows a cell ends
        "序号 |\n目标与任务 |\n牵头责任单位 |\n完成情况 |\n督查情况 |\n76 |\n积极创建“枫桥式”法庭。 |\n县司法局 |\n"
        "按年初任务,司法所完成验收。\n均被授予“枫桥式”司法所 |\n已完成 |",
        [("76", ["县司法局"], [], None)],
    ),
]


@pytest.mark.parametrize("text,expected", [pytest.param(t, e, id=n) for n, t, e in MINIMAL])
def test_minimal_example(text: str, expected: list) -> None:
    assert _ledger(text) == expected
