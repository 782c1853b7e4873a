"""Table-driven tests for fazhi.parsing.deadlines."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from fazhi.parsing.deadlines import (
    compact,
    find_deadline,
    find_labelled_deadline,
    resolve_deadline,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# --------------------------------------------------------------------------------------------
# resolve_deadline: labelled values.

RESOLVE_DATED = [
    # (phrase, document year, expected date)
    ("2024年9月底", None, "2024-09-30"),
    ("2024年9月", None, "2024-09-30"),
    ("9月底前", 2024, "2024-09-30"),
    ("9月", 2024, "2024-09-30"),
    ("2024年底", None, "2024-12-31"),
    ("2024年年底", None, "2024-12-31"),
    ("2024年底前", None, "2024-12-31"),
    ("年底前", 2024, "2024-12-31"),
    ("年底", 2020, "2020-12-31"),
    ("年末", 2020, "2020-12-31"),
    ("12月底", 2024, "2024-12-31"),
    ("年内", 2024, "2024-12-31"),
    ("2024年内", None, "2024-12-31"),
    ("2024年度内", None, "2024-12-31"),
    ("今年底", 2024, "2024-12-31"),
    ("明年6月底前", 2024, "2025-06-30"),
    ("次年3月底前", 2024, "2025-03-31"),
    ("9月30日前", 2024, "2024-09-30"),
    ("2024年9月30日", None, "2024-09-30"),
    ("2024年9月30号前", None, "2024-09-30"),
    ("上半年", 2024, "2024-06-30"),
    ("下半年", 2024, "2024-12-31"),
    ("2024年上半年", None, "2024-06-30"),
    ("第一季度", 2024, "2024-03-31"),
    ("一季度", 2024, "2024-03-31"),
    ("1季度", 2024, "2024-03-31"),
    ("第二季度", 2024, "2024-06-30"),
    ("第三季度末", 2024, "2024-09-30"),
    ("四季度", 2024, "2024-12-31"),
    ("2025年第一季度", None, "2025-03-31"),
    ("前三季度", 2024, "2024-09-30"),
    ("2024年6月上旬", None, "2024-06-10"),
    ("2024年6月中旬", None, "2024-06-20"),
    ("2024年6月下旬", None, "2024-06-30"),
    ("2024年2月底", None, "2024-02-29"),
    ("2023年2月底", None, "2023-02-28"),
    ("2024年10月至12月", None, "2024-12-31"),
    ("2024年10月-12月", None, "2024-12-31"),
    ("2023年12月至2024年6月", None, "2024-06-30"),
    ("2024年6月底前完成初稿,12月底前全面完成", None, "2024-12-31"),
    ("2024年6月底前完成初稿,12月底前全面完成", 2023, "2024-12-31"),
    ("二〇二四年十二月底", None, "2024-12-31"),
    ("二零二四年九月底前", None, "2024-09-30"),
    ("十二月底", 2024, "2024-12-31"),
    ("十一月底前", 2024, "2024-11-30"),
    ("三月二十日前", 2024, "2024-03-20"),
    ("2024年", None, "2024-12-31"),
    ("2020年131日", None, "2020-01-31"),  # 1月31日 with the 月 lost in extraction
    (" 2024 年 9 月底 ", None, "2024-09-30"),
    ("2024年9月底。", None, "2024-09-30"),
    ("长期坚持,2024年底前取得阶段性成效", None, "2024-12-31"),
    # Numeric forms from tables.
    ("2024.12", None, "2024-12-31"),
    ("2024.12.31", None, "2024-12-31"),
    ("2024-06-30", None, "2024-06-30"),
    ("2024/9/30", None, "2024-09-30"),
    ("2024.9月底", None, "2024-09-30"),
    ("2023年至2025年", None, "2025-12-31"),
]


@pytest.mark.parametrize(("phrase", "year", "expected"), RESOLVE_DATED)
def test_resolve_dated(phrase: str, year: int | None, expected: str) -> None:
    d = resolve_deadline(phrase, year)
    assert d is not None
    assert d.date == expected
    assert d.recurrence is None
    assert phrase[d.start : d.end] == d.text


RESOLVE_UNDATED = [
    # (phrase, year, expected recurrence) — date must be None, text kept.
    ("长期坚持", 2024, None),
    ("持续推进", 2024, None),
    ("长期", 2024, None),
    ("持续", 2024, None),
    ("常态化", 2024, None),
    ("全年", 2024, None),
    ("全年完成", 2024, None),
    ("每年", 2024, {"freq": "yearly"}),
    ("每季度", 2024, {"freq": "quarterly"}),
    ("每月", 2024, {"freq": "monthly"}),
    ("每半年", 2024, {"freq": "half-yearly"}),
    ("每周", 2024, {"freq": "weekly"}),
    ("每年1月31日前", 2024, {"freq": "yearly", "month": 1, "day": 31}),
    ("每年131日前", 2024, {"freq": "yearly", "month": 1, "day": 31}),
    ("每年第一季度", 2024, {"freq": "yearly", "month": 3, "day": 31}),
    ("每年年底前", 2024, {"freq": "yearly", "month": 12, "day": 31}),
    ("每年底", 2024, {"freq": "yearly", "month": 12, "day": 31}),
    ("每年6月", 2024, {"freq": "yearly", "month": 6, "day": 30}),
    ("每月5日前", 2024, {"freq": "monthly", "day": 5}),
    ("每月底", 2024, {"freq": "monthly", "day": -1}),
    ("每季度末", 2024, {"freq": "quarterly"}),
    ("按季度报送", 2024, {"freq": "quarterly"}),
    ("2024年全年", 2024, None),
    ("2024年起长期坚持", 2024, None),
    # No year anywhere: date unknown, phrase kept.
    ("9月底", None, None),
    ("年底前", None, None),
    ("第一季度", None, None),
]


@pytest.mark.parametrize(("phrase", "year", "recurrence"), RESOLVE_UNDATED)
def test_resolve_undated(phrase: str, year: int | None, recurrence: dict | None) -> None:
    d = resolve_deadline(phrase, year)
    assert d is not None
    assert d.date is None
    assert d.recurrence == recurrence
    assert d.text == phrase.strip()


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "按上级要求",
        "根据工作需要",
        "3年内",  # a duration
        "5个工作日",
        "20年底",  # two-digit year: unreadable, not guessed
        "2024年2月30日",  # no such day
        "2024年13月",
        "30日内",
        "2024-2025",
        "2024.1.2.3",
    ],
)
def test_resolve_nothing(phrase: str) -> None:
    d = resolve_deadline(phrase, 2024)
    assert d is None or d.date is None


def test_resolve_offsets_trimmed() -> None:
    d = resolve_deadline("  2024年9月底;", None)
    assert d is not None
    assert (d.text, d.start, d.end) == ("2024年9月底", 2, 10)


# --------------------------------------------------------------------------------------------
# Gold deadlines: every deadline_text in the gold ledgers resolves to its gold deadline.

# The document year of each gold file, read from the document (its title, date or 文号).
GOLD_YEARS = {
    "000_2c654679abd70264": 2024,
    "002_d0914789c651349d": 2023,
    "003_12f87d2dbc5014d3": 2020,
    "501": 2020,
    "502": 2023,
    "503": 2020,
    "504": 2017,
    "505": 2016,
    "506": 2017,
    "507": 2020,
    "508": None,
    "509": 2017,
    "510": 2023,
    "511": 2022,
    "512": 2018,
    "513": 2021,
    "514": 2021,
    "515": 2023,
    "516": 2023,
}


def _gold_cases() -> list[tuple[str, str, int | None, str, str | None]]:
    cases = []
    files = sorted((FIXTURES / "eval" / "gold").glob("*.json")) + sorted(
        (FIXTURES / "dev2" / "gold").glob("*.json")
    )
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        for task in data.get("tasks", []):
            if task.get("deadline_text"):
                year = GOLD_YEARS[path.stem]
                cases.append((path.stem, task["number"], year, task["deadline_text"], task.get("deadline")))
    return cases


GOLD_CASES = _gold_cases()


def test_gold_cases_found() -> None:
    assert len(GOLD_CASES) >= 20


@pytest.mark.parametrize(("doc", "number", "year", "text", "expected"), GOLD_CASES)
def test_gold_deadline_text_resolves(
    doc: str, number: str, year: int | None, text: str, expected: str | None
) -> None:
    d = resolve_deadline(unicodedata.normalize("NFKC", text), year)
    assert d is not None
    assert d.date == expected


# --------------------------------------------------------------------------------------------
# find_labelled_deadline.

LABELLED = [
    ("完成时限:2024年9月底", "完成时限", "2024年9月底"),
    ("完成时间:2024年12月底前", "完成时间", "2024年12月底前"),
    ("时限要求:持续推进", "时限要求", "持续推进"),
    ("时间节点: 2024年6月", "时间节点", "2024年6月"),
    ("完成期限:年底前。", "完成期限", "年底前"),
    ("时间要求:2024年10月至12月", "时间要求", "2024年10月至12月"),
    ("完成时限:2024年9月底\n牵头单位:区司法局", "完成时限", "2024年9月底"),
    ("牵头单位:区司法局;完成时限:2024年6月底;责任单位:各街道", "完成时限", "2024年6月底"),
    ("[牵头单位:区司法局;完成时限:2024年6月底]", "完成时限", "2024年6月底"),
    ("(完成时限:2024年6月底  牵头单位:区司法局)", "完成时限", "2024年6月底"),
    ("完成时限:2024年6月底牵头单位:区司法局", "完成时限", "2024年6月底"),
    ("完成时限:2024年6月底前完成初稿,12月底前全面完成", "完成时限", "2024年6月底前完成初稿,12月底前全面完成"),
    ("| 完成时限:2024年9月底 |", "完成时限", "2024年9月底"),
    ("时限:2024年9月底", "时限", "2024年9月底"),
]


@pytest.mark.parametrize(("text", "label", "value"), LABELLED)
def test_find_labelled(text: str, label: str, value: str) -> None:
    lab = find_labelled_deadline(text)
    assert lab is not None
    assert (lab.label, lab.value) == (label, value)
    assert text[lab.value_start : lab.value_end] == value
    assert text[lab.label_start : lab.label_start + len(label)] == label


@pytest.mark.parametrize(
    "text",
    [
        "办理时限:5个工作日",  # a processing time, not a deadline field
        "承诺时限:3个工作日",
        "完成时限:",
        "明确办理时限、工作流程、申报条件",
        "牵头单位:区司法局",
    ],
)
def test_find_labelled_none(text: str) -> None:
    assert find_labelled_deadline(text) is None


# --------------------------------------------------------------------------------------------
# find_deadline: free task text.

FIND = [
    # (text, year, expected deadline text, expected date)
    ("加快建立“中介超市”,5月底前实现我区中介超市上线运行。", 2016, "5月底前", "2016-05-31"),
    ("研究制定工作方案,于2024年6月底前报区政府。", None, "2024年6月底前", "2024-06-30"),
    ("9月底前出台实施方案。", 2024, "9月底前", "2024-09-30"),
    ("建立健全工作机制,2024年底前完成。", None, "2024年底前", "2024-12-31"),
    ("制定实施办法(2024年12月底前完成)", None, "2024年12月底前", "2024-12-31"),
    ("2024年6月底前完成初稿,12月底前全面完成", None, "12月底前", "2024-12-31"),
    ("力争2024年12月底全面建成", None, "2024年12月底", "2024-12-31"),
    ("年内完成全部整改任务", 2024, "年内", "2024-12-31"),
    ("确保年底前完成", 2024, "年底前", "2024-12-31"),
    ("上半年完成制度修订", 2024, "上半年", "2024-06-30"),
    ("2024年第三季度前完成验收", None, "2024年第三季度前", "2024-09-30"),
    ("在2024年9月30日之前上报", None, "2024年9月30日之前", "2024-09-30"),
    ("到2024年底前完成全部整改", None, "2024年底前", "2024-12-31"),
    ("二〇二四年十二月底前完成", None, "二〇二四年十二月底前", "2024-12-31"),
    ("完成时限:2024年9月底", None, "2024年9月底", "2024-09-30"),
    (
        "领导干部带头学法。每年分别举办至少2次法治专题讲座。\n牵头单位:区委依法治区办\n完成时限:2024年9月底",
        None,
        "2024年9月底",
        "2024-09-30",
    ),
    ("2019年以来成效明显,9月底前出台新办法", 2024, "9月底前", "2024-09-30"),
    ("2024年10月至12月完成专项整治", None, "2024年10月至12月", "2024-12-31"),
    ("5 月底\n前实现上线", 2016, "5 月底\n前", "2016-05-31"),
    ("《关于印发方案的通知。2024年底前完成", None, "2024年底前", "2024-12-31"),  # unbalanced 《
    ("2024.12.31前完成清理", None, "2024.12.31前", "2024-12-31"),
]


@pytest.mark.parametrize(("text", "year", "phrase", "date"), FIND)
def test_find_deadline(text: str, year: int | None, phrase: str, date: str) -> None:
    d = find_deadline(text, year)
    assert d is not None
    assert (d.text, d.date) == (phrase, date)
    assert text[d.start : d.end] == d.text


FIND_RECURRING = [
    (
        "行政执法机关于每年131日前公开本机关上年度行政执法总体情况",
        "每年131日前",
        {"freq": "yearly", "month": 1, "day": 31},
    ),
    ("每年1月31日前公开上年度行政执法数据", "每年1月31日前", {"freq": "yearly", "month": 1, "day": 31}),
    (
        "区政府每年第一季度向区委报告上一年度法治政府建设情况",
        "每年第一季度",
        {"freq": "yearly", "month": 3, "day": 31},
    ),
    ("各单位每月5日前报送进展", "每月5日前", {"freq": "monthly", "day": 5}),
]


@pytest.mark.parametrize(("text", "phrase", "recurrence"), FIND_RECURRING)
def test_find_recurring(text: str, phrase: str, recurrence: dict) -> None:
    d = find_deadline(text, 2024)
    assert d is not None
    assert (d.text, d.date, d.recurrence) == (phrase, None, recurrence)


def test_find_without_year_keeps_text() -> None:
    d = find_deadline("9月底前出台实施方案", None)
    assert d is not None
    assert (d.text, d.date) == ("9月底前", None)


def test_find_unresolvable_label_is_none() -> None:
    assert find_deadline("完成时限:按上级要求。2024年6月底前完成", 2024) is None


def test_find_labelled_ongoing() -> None:
    d = find_deadline("开设专题。| 时限要求:持续推进 |", 2022)
    assert d is not None
    assert (d.text, d.date, d.recurrence) == ("持续推进", None, None)


FIND_NONE = [
    # Dates bounding a target.
    "到2025年,重大行政决策目录化管理覆盖率达到100%",
    "通过全面推进改革,到 2025 年, 党对乡镇(街道)法治建设的领导全面加强",
    "到2020年,全市用水总量控制在11.88亿立方米以内。",
    "到2025年底,覆盖率达到100%",
    # Policy validity periods (dev2/514).
    "实施阶段性降低用人单位基本医疗保险缴费费率政策,实施期限至2021年12月31日。",
    "原阶段性下调工伤保险费率政策实施至2021年4月30日,2021年5月1日起按照省级统筹工伤保险行业基准费率标准有关规定执行;"
    "2021年5月1日至2022年4月30日实施阶段性下调工伤保险费率50%的政策。",
    "将阶段性降低失业保险费率政策、失业保险浮动费率政策实施期限延长至2022年4月30日。",
    "在职职工总数30人(含)以下的企业暂免征收残疾人保障金,实施期限至2022年12月31日(即征收所属期为2021年度)。",
    "有效期至2025年12月31日",
    # Processing times.
    "环评报告书14个工作日内、环评报告表7个工作日内、环评登记表3个工作日内完成审批。",
    "7个工作日内办结",
    "自收到申请之日起20个工作日内作出决定",
    "3年内完成",
    "三年内全面完成",
    # Starts and history.
    "2019年以来,累计办理案件100件",
    "本办法自2020年1月1日起施行",
    "从2023年第一季度开始,各责任单位要按季度报送",
    "截至2023年底,已建成法律服务站点56个",
    "去年底已完成",
    # Document titles and numbers.
    "贯彻落实《法治政府建设实施纲要(2021—2025年)》,提升依法行政水平。",
    "根据《关于2024年6月底前完成清理工作的通知》要求",
    "根据(济天普发〔2024〕5号),现就法治建设品质提升制定如下实施方案",
    "根据中共中央《法治中国建设规划 (2020—2025 年)》等有关精神",
    # Dates that are not about completion.
    "2024年3月26日",
    "(2024年3月26日印发)",
    "济阳区将九月份设定为行政案件“庭审观摩月”",
    "2024年12月召开推进会",
    # Frequencies, ongoing work.
    "原则上每季度推动一次动态调整工作。",
    "持续推进重大决策社会稳定风险评估",
    "从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前将本季度进展报送",
    "开展内部审计,2024年内部控制评价",
    "2024-2025年规划",
    "版本2024.1",
    "",
]


@pytest.mark.parametrize("text", FIND_NONE)
def test_find_deadline_none(text: str) -> None:
    assert find_deadline(text, 2024) is None


def test_find_real_documents_only_expected() -> None:
    """Scanning every paragraph of the seeds and dev2 finds only the deadlines a reader sees."""
    found = set()
    paths = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "dev2" / "docs").glob("*.txt"))
    for path in paths:
        text = unicodedata.normalize("NFKC", path.read_text(encoding="utf-8"))
        for line in text.split("\n"):
            for sentence in line.split("。"):
                d = find_deadline(sentence, 2024)
                if d is not None:
                    found.add((path.stem[:3], d.text, d.date))
    assert found == {
        ("000", "2024年9月底", "2024-09-30"),
        ("000", "2024年7月底", "2024-07-31"),
        ("000", "2024年12月底", "2024-12-31"),
        ("003", "每年131日前", None),
        ("003", "每年第一季度", None),
        ("502", "2023年1月15日前", "2023-01-15"),  # in the covering notice, not a task
        ("505", "5月底前", "2024-05-31"),
    }


# --------------------------------------------------------------------------------------------
# compact.


def test_compact_keeps_numbers_apart() -> None:
    c, idx = compact("不\n低于 71.4 %, 1 2")
    assert c == "不低于71.4%,1 2"
    assert len(idx) == len(c)


# --------------------------------------------------------------------------------------------
# Safety: inputs that would hang a backtracking regex with nested quantifiers. No timing
# asserts — a regression shows up as a hung test.

PATHOLOGICAL = [
    "1" * 200_000,
    ("2024年" + "1" * 50) * 3_600,
    "年月日" * 66_000,
    ("12月31日" + "9" * 20 + "年") * 7_000,
    "1,000" * 40_000,
    "1." * 100_000,
    "2024年9月" + "底" * 200_000,
    "每年" * 100_000,
    "完成时限:" * 40_000,
    "至" * 100_000 + "2024年",
    ("1 " * 100_000),
    "《" * 100_000 + "2024年底前完成",
    "每年" + "131日" * 50_000,
    "二〇" * 100_000 + "年十二月底",
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_pathological_inputs_finish(text: str) -> None:
    find_deadline(text, 2024)
    resolve_deadline(text, 2024)
    find_labelled_deadline(text)
