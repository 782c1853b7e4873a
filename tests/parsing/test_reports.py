"""Importing past annual reports (fazhi.parsing.reports): sections, figures, year, issuer, date."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import opencc
import pytest

from fazhi.parsing.model import ParseError
from fazhi.parsing.reports import (
    Figure,
    ParsedReport,
    classify_heading,
    extract_figures,
    parse_report_bytes,
    parse_report_file,
    parse_report_text,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED_001 = FIXTURES / "seeds" / "001_01f739070572be2c.txt"
SEED_004 = FIXTURES / "seeds" / "004_bcaf0456118a9987.txt"
GOLD_001 = json.loads((FIXTURES / "eval" / "gold" / "001_01f739070572be2c.json").read_text(encoding="utf-8"))

NO_SECTIONS_WARNING = "未识别到法治政府建设年度报告的法定章节"


def _ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _pairs(figures: list[Figure]) -> list[tuple[float, str]]:
    return [(float(f.value), f.unit) for f in figures]


def _assert_matches_gold_001(rep: ParsedReport) -> None:
    assert rep.year == GOLD_001["year"] == 2024
    assert rep.issuer == GOLD_001["issuer"]
    assert rep.date == "2025-02-17"  # printed "2025217": 年/月/日 lost in extraction
    assert rep.title == "2024年度法治政府建设工作报告"
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "first_responsible", "next_year"]
    assert [_ws(s.heading) for s in rep.sections] == [_ws(h) for h in GOLD_001["report_sections"]]
    pairs = _pairs(rep.figures)
    for value, unit in [
        (355, "件"),
        (76, "名"),
        (134, "件"),
        (277, "件"),
        (43, "件"),
        (96.97, "%"),
        (813, "件"),
    ]:
        assert (value, unit) in pairs, (value, unit)
    for g in GOLD_001["figures"]:
        hits = [f for f in rep.figures if (float(f.value), f.unit) == (float(g["value"]), g["unit"])]
        assert hits, g
        # Our clause is the gold clause, or lies inside it (the gold's 8处 spans three clauses),
        # or holds it (we keep a subject the gold trims: "新区…平台共受理调解案件813件").
        assert any(f.text in g["text"] or g["text"] in f.text for f in hits), (g, [f.text for f in hits])
    assert rep.warnings == []


# --------------------------------------------------------------------------------------------
# Seed 001 and its variants.


def test_seed_001_sections_figures_metadata() -> None:
    rep = parse_report_file(SEED_001)
    _assert_matches_gold_001(rep)


def test_seed_001_figures_in_their_sections_and_gold_texts() -> None:
    rep = parse_report_file(SEED_001)
    by_pair = {(float(f.value), f.unit, f.text) for f in rep.figures}
    assert (355.0, "件", "共审查各类合同、议题、纪要、文件等355件") in by_pair
    assert (76.0, "名", "在库法律专家76名") in by_pair
    assert (2708.0, "户", "新增市场主体2708户") in by_pair
    assert (16024.0, "户", "2024年全区共有市场主体16024户") in by_pair
    assert (277.0, "件", "共办理不罚案件277件") in by_pair  # leading "2024年期间" trimmed
    eights = [f for f in rep.figures if f.value == 8 and f.unit == "处"]
    assert [f.section_kind for f in eights] == ["first_responsible", "first_responsible"]
    assert {f.section_kind for f in rep.figures if f.value == 355} == {"measures"}
    f = next(f for f in rep.figures if f.value == 96.97)
    assert f.context.startswith("全面推进信访工作法治化建设") and f.context.endswith("。")
    # Enumerations give each figure its own item.
    texts = {f.text for f in rep.figures if f.value in (20, 21, 1) and f.unit == "件"}
    assert {"共决定废止政策文件20件", "宣布失效21件", "予以修改1件"} <= texts


def test_seed_001_no_year_date_docno_or_name_figures() -> None:
    rep = parse_report_file(SEED_001)
    values = {f.value for f in rep.figures}
    assert not values & {2024, 2025, 2019, 2021, 2023}
    assert not [f for f in rep.figures if f.unit in ("年", "月", "日")]
    # "连续8年" is a duration, "(即1名村居法律顾问+N名法律明白人)" a gloss on the name "1+N".
    assert not [f for f in rep.figures if "即1名" in f.text or f.text.endswith("8年")]


def test_seed_001_section_text_excludes_signature_and_page_footer() -> None:
    rep = parse_report_file(SEED_001)
    last = rep.sections[-1].text
    assert last.endswith("坚决守牢工作底线。")
    assert "管委会" not in last.splitlines()[-1] and "编辑" not in last
    assert rep.sections[0].text.startswith("(一)加强法治政府建设的组织领导")


def _traditional_fullwidth(text: str) -> str:
    text = opencc.OpenCC("s2t").convert(text)
    table = {ord(c): chr(ord(c) + 0xFEE0) for c in ",:;()%!?0123456789"}
    return text.translate(table)


def test_seed_001_traditional_fullwidth_variant() -> None:
    text = _traditional_fullwidth(SEED_001.read_text(encoding="utf-8"))
    assert "報告" in text and "，" in text and "３５５" in text  # the variant really differs
    rep = parse_report_bytes(text.encode("utf-8"), "report.txt")
    _assert_matches_gold_001(rep)


def test_seed_001_traditional_variant_in_big5_or_gb18030_bytes() -> None:
    text = _traditional_fullwidth(SEED_001.read_text(encoding="utf-8"))
    rep = parse_report_bytes(text.encode("gb18030"), "report.txt")
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "first_responsible", "next_year"]
    assert (355.0, "件") in _pairs(rep.figures) and (96.97, "%") in _pairs(rep.figures)


def test_seed_001_as_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in SEED_001.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    path = tmp_path / "年度报告.docx"
    d.save(str(path))
    rep = parse_report_file(path)
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "first_responsible", "next_year"]
    assert rep.year == 2024 and rep.issuer == GOLD_001["issuer"]
    assert (813.0, "件") in _pairs(rep.figures)


def test_parse_report_file_missing() -> None:
    with pytest.raises(ParseError) as exc:
        parse_report_file("/nonexistent/报告.docx")
    assert "不存在" in exc.value.message


# --------------------------------------------------------------------------------------------
# Other wordings and layouts.

SYNTHETIC = """中共某某县委  某某县人民政府
关于2023年度法治政府建设情况的报告

2023年,我县深入贯彻习近平法治思想,现将有关情况报告如下:
一、主要工作及成效
(一)推进依法行政。全年审查规范性文件12件,组织旁听庭审3次,行政机关负责人出庭应诉率100%。
(二)强化执法监督。开展执法案卷评查,评查案卷260卷,整改问题十三件。
二、存在的问题
一是法治宣传覆盖面不够广;二是执法人员素质参差不齐,持证率仅85.5%。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县委书记主持召开常委会会议4次,专题研究法治建设。
四、下一步工作打算
2024年,我县将重点做好以下工作:培训执法人员不少于300人次。
五、其他需要报告的事项
无。

中共某某县委
某某县人民政府
2024年2月28日
"""


def test_synthetic_report_other_wordings() -> None:
    rep = parse_report_text(SYNTHETIC)
    assert [s.kind for s in rep.sections] == [
        "measures",
        "shortcomings",
        "first_responsible",
        "next_year",
        "other",
    ]
    assert [s.heading for s in rep.sections][1] == "二、存在的问题"
    assert rep.sections[-1].text == "无。"
    assert rep.title == "关于2023年度法治政府建设情况的报告"
    assert rep.year == 2023
    assert rep.date == "2024-02-28"
    assert rep.issuer == "中共某某县委、某某县人民政府"
    pairs = _pairs(rep.figures)
    for p in [(12, "件"), (3, "次"), (100, "%"), (13, "件"), (85.5, "%"), (4, "次"), (300, "人次")]:
        assert p in pairs, p
    assert {f.section_kind for f in rep.figures if f.value == 85.5} == {"shortcomings"}
    assert {f.section_kind for f in rep.figures if f.value == 300} == {"next_year"}
    assert rep.warnings == []


def test_synthetic_unmarked_headings_inline_headings_and_part_markers() -> None:
    text = """某某区2024年法治政府建设年度报告
第一部分 主要举措和成效
全年办理行政复议案件58件,纠错率12.1%。
第二部分 存在的不足和原因
法治队伍力量不足。
第三部分 主要负责人履行法治建设第一责任人职责情况
区长带头述法。
下一步工作打算
持续推进行政执法三项制度。
"""
    rep = parse_report_text(text)
    assert [(s.kind, s.heading) for s in rep.sections] == [
        ("measures", "第一部分主要举措和成效"),
        ("shortcomings", "第二部分存在的不足和原因"),
        ("first_responsible", "第三部分主要负责人履行法治建设第一责任人职责情况"),
        ("next_year", "下一步工作打算"),
    ]
    assert rep.year == 2024
    assert "未找到报告末尾的落款(发文机关和日期)。" in rep.warnings
    # "三项制度" is a name, not a figure.
    assert _pairs(rep.figures) == [(58, "件"), (12.1, "%")]


def test_inline_headings_and_unnamed_section_in_sequence() -> None:
    text = """XX市XX区人民政府关于2022年度法治政府建设工作情况的报告
一、基本情况。全区共有行政执法单位31家。
二、主要举措和成效。2022年以来,共办理行政应诉案件21件,败诉率为0。
三、存在的问题和不足。执法不规范问题仍然存在。
四、党政主要负责人履行第一责任人职责情况。区长带头学法。
五、2023年度推进法治政府建设的主要安排。一是加强学习。
XX市XX区人民政府
二〇二三年三月十日
"""
    rep = parse_report_text(text)
    assert [(s.heading, s.kind) for s in rep.sections] == [
        ("一、基本情况", None),
        ("二、主要举措和成效", "measures"),
        ("三、存在的问题和不足", "shortcomings"),
        ("四、党政主要负责人履行第一责任人职责情况", "first_responsible"),
        ("五、2023年度推进法治政府建设的主要安排", "next_year"),
    ]
    assert rep.sections[0].text == "全区共有行政执法单位31家。"
    assert rep.issuer == "XX市XX区人民政府"
    assert rep.date == "2023-03-10"
    assert rep.year == 2022
    assert rep.warnings == ["章节“一、基本情况”未能对应到法定章节,请核对。"]


def test_nested_list_inside_section_is_not_a_section() -> None:
    text = """2024年度法治政府建设情况报告
一、主要举措和成效
共审查文件40件。
二、存在的不足和原因
基层力量薄弱。
三、党政主要负责人履行推进法治建设第一责任人职责情况
书记带头述法。
四、2025年度主要安排
一、加强学习培训
二、强化执法监督
"""
    rep = parse_report_text(text)
    assert [s.kind for s in rep.sections] == ["measures", "shortcomings", "first_responsible", "next_year"]
    assert rep.sections[-1].text == "一、加强学习培训\n二、强化执法监督"


def test_year_from_headings_when_title_has_none() -> None:
    text = """法治政府建设工作报告
一、2021年法治政府建设主要举措和成效
办理案件5件。
二、存在的不足
不足。
三、2022年工作计划
计划。
"""
    assert parse_report_text(text).year == 2021
    plan_only = "法治政府建设报告\n一、2025年度主要安排\n安排。\n"
    assert parse_report_text(plan_only).year == 2024


def test_lost_date_that_splits_two_ways_is_not_guessed() -> None:
    text = "2024年度法治政府建设报告\n一、主要举措和成效\n办理10件。\n某某区人民政府\n2025111\n"
    rep = parse_report_text(text)
    assert rep.date is None and rep.issuer == "某某区人民政府"
    assert "落款日期“2025111”无法识别为日期,请核对。" in rep.warnings


def test_signature_on_one_line_with_the_date() -> None:
    text = (
        "2024年度法治政府建设报告\n一、主要举措和成效\n办理10件。\n某某区委   某某区人民政府   2025年3月1日\n"
    )
    rep = parse_report_text(text)
    assert rep.issuer == "某某区委、某某区人民政府" and rep.date == "2025-03-01"
    assert rep.sections[0].text == "办理10件。"


def test_issuer_from_lines_above_the_title_without_signature() -> None:
    lines = SEED_001.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, ln in enumerate(lines) if "2025217" in ln)
    rep = parse_report_text("\n".join(lines[: cut - 1]))
    assert rep.issuer == GOLD_001["issuer"] and rep.date is None and rep.year == 2024
    assert "未找到报告末尾的落款(发文机关和日期)。" in rep.warnings


def test_missing_statutory_sections_are_warned() -> None:
    text = "2024年度法治政府建设报告\n一、主要举措和成效\n办理10件。\n某区司法局\n2025年1月5日\n"
    rep = parse_report_text(text)
    assert [s.kind for s in rep.sections] == ["measures"]
    assert "未找到“存在的不足和原因”部分。" in rep.warnings
    assert "未找到“下一年度主要安排”部分。" in rep.warnings
    assert not any("其他需要报告" in w for w in rep.warnings)  # optional section


def test_text_without_report_sections() -> None:
    rep = parse_report_text("关于召开全区会议的通知\n各单位:\n定于3月5日召开会议,请准时参加。\n")
    assert rep.sections == []
    assert len(rep.warnings) == 1 and rep.warnings[0].startswith(NO_SECTIONS_WARNING)
    assert rep.figures == []


def test_news_seed_004_figures_without_sections() -> None:
    rep = parse_report_file(SEED_004)
    assert rep.sections == []
    assert any(w.startswith(NO_SECTIONS_WARNING) for w in rep.warnings)
    pairs = _pairs(rep.figures)
    for p in [(532, "件"), (4863, "件"), (116, "项"), (115, "名"), (567, "个"), (35.1, "%"), (100, "%")]:
        assert p in pairs, p
    assert (2.5, "亿元") in pairs and (200, "场次") in pairs and (3, "万份") in pairs
    assert all(f.section_kind is None for f in rep.figures)
    # "12335工作体系", "1+X+N", "第二批", "2022年" are names, ordinals and years.
    assert not {f.value for f in rep.figures} & {12335, 2022, 2021}


def test_to_dict_is_json_serialisable() -> None:
    d = parse_report_file(SEED_001).to_dict()
    out = json.loads(json.dumps(d, ensure_ascii=False))
    assert set(out) == {"title", "issuer", "date", "year", "sections", "figures", "warnings"}
    assert set(out["figures"][0]) == {"text", "value", "unit", "section_kind", "context"}


# --------------------------------------------------------------------------------------------
# Headings and figures in isolation.


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("一、2024度新区法治政府建设的主要举措和成效", "measures"),
        ("一、2023年法治政府建设工作开展情况", "measures"),
        ("一、主要工作及成效", "measures"),
        ("二、2024年度新区法治政府建设存在的不足和原因", "shortcomings"),
        ("二、存在的问题和不足", "shortcomings"),
        ("三、存在问题及原因分析", "shortcomings"),
        (
            "三、2024年度新区党政主要负责人履行法治建设第一责任人职责,持续加强法治政府建设情况",
            "first_responsible",
        ),
        ("三、党政主要负责人履行推进法治建设第一责任人职责情况", "first_responsible"),
        ("四、2025年度推进法治政府建设的主要安排", "next_year"),
        ("四、下一步工作打算", "next_year"),
        ("四、下一步工作打算及解决问题的措施", "next_year"),
        ("五、2025年工作思路", "next_year"),
        ("五、其他需要报告的情况", "other"),
        ("六、其他需要报告的事项", "other"),
        ("(三)持续优化新区法治营商环境", None),
    ],
)
def test_classify_heading(heading: str, kind: str | None) -> None:
    assert classify_heading(heading) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共审查各类合同、议题、纪要、文件等355件", [(355, "件")]),
        ("初信初访一次性化解率达到96.97%", [(96.97, "%")]),
        ("不罚金额达124余万元", [(124, "万元")]),
        ("受众近2万余人次", [(2, "万人次")]),
        ("培训执法人员1000余人次,组织考试340多人次", [(1000, "人次"), (340, "人次")]),
        ("办结率100.00%,出庭率提高3个百分点", [(100.0, "%"), (3, "个百分点")]),
        ("共办理案件十三件,一百二十名干部参加", [(13, "件"), (120, "名")]),
        # years, dates, document numbers, ordinals, names and glosses are not figures
        ("2024年3月5日印发《某某办法》(济政发〔2024〕5号)", []),
        ("《法治政府建设五年规划纲要(2021-2025年)》", []),
        ("第3次会议,第二批示范创建", []),
        ("纳入“十四五”规划,落实“三项制度”,形成“一规划两纲要”", []),
        ("推行“1+N”行动(即1名村居法律顾问+N名法律明白人)", []),
        ("形成“12335工作体系”,连续8年", []),
        ("学习二十大精神,抓住十四五机遇", []),
        ("依法处理3处理不当问题,人民群众", []),  # 处理 is a verb, not 3处
    ],
)
def test_extract_figures(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in extract_figures(text)] == expected


def test_extract_figures_ordinal_and_adjacent_percentages() -> None:
    figs = extract_figures("信访量、诉讼量同比下降32.5%24.1%。", "measures")
    assert [(f.value, f.unit) for f in figs] == [(32.5, "%"), (24.1, "%")]
    assert all(f.text == "信访量、诉讼量同比下降32.5%24.1%" for f in figs)
    assert all(f.section_kind == "measures" for f in figs)


def test_pathological_inputs_are_fast() -> None:
    nasty = [
        "1" * 50000 + "件",
        "“" * 50000,
        "一、" + "存在" * 20000,
        ("第一部分" * 5000) + "\n" + ("2025" * 5000),
        "(即" * 20000,
        "1." * 30000 + "%",
        "1件" * 10000,
        "“12件" * 8000,
        "\n".join(["一、存在的问题"] + ["二、x"] * 5000 + ["(一)第一责任人"] * 5000),
    ]
    start = time.perf_counter()
    for t in nasty:
        parse_report_text(t)
        extract_figures(t)
    assert time.perf_counter() - start < 10  # quadratic matching would take far longer


def test_reports_module_never_imports_django() -> None:
    code = "import sys, fazhi.parsing.reports; sys.exit(1 if any(m.startswith('django') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
