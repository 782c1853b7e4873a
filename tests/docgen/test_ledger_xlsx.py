"""The ledger workbook writer: layout (reopened with openpyxl) and the round trip through the parser."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from fazhi.docgen.ledger_xlsx import LEDGER_HEADERS, ledger_rows, ledger_title, write_ledger
from fazhi.parsing import ParsedPlan, Task, parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = FIXTURES / "seeds"
SEED_000 = SEEDS / "000_2c654679abd70264.txt"
SEED_002 = SEEDS / "002_d0914789c651349d.txt"
SEED_003 = SEEDS / "003_12f87d2dbc5014d3.txt"
ROUND_TRIP_DOCS = [SEED_000, SEED_002, SEED_003, *sorted((FIXTURES / "dev2" / "docs").glob("*.txt"))]


def _plan(
    *tasks: Task, title: str | None = "某区2024年法治政府建设任务台账", year: int | None = 2024
) -> ParsedPlan:
    return ParsedPlan(title=title, issuer=None, date=None, year=year, tasks=list(tasks))


def _task(
    number: str,
    path: list[str],
    content: str,
    lead: list[str],
    resp: list[str],
    dl: str,
    date: str | None = None,
) -> Task:
    return Task(
        number=number,
        level="row",
        heading_path=path,
        content=content,
        lead_units=lead,
        responsible_units=resp,
        deadline_text=dl or None,
        deadline=date,
    )


CAT1, CAT2 = "一、依法全面履行政府职能", "(一)深化行政审批制度改革"
SYNTHETIC = _plan(
    _task(
        "1", [CAT1, CAT2], "公布行政审批事项清单。", ["区政务服务办"], ["各街道"], "2024年6月底", "2024-06-30"
    ),
    _task(
        "2",
        [CAT1, CAT2],
        "压缩企业开办时间。",
        ["区市场监管局"],
        ["区税务局", "区人社局"],
        "2024年9月底",
        "2024-09-30",
    ),
    _task(
        "3",
        [CAT1, "(二)推行权责清单制度"],
        "动态调整权责清单。",
        ["区委编办"],
        ["区司法局"],
        "年底前",
        "2024-12-31",
    ),
    _task(
        "4",
        ["二、完善依法行政制度体系", "(一)加强规范性文件管理"],
        "规范性文件备案审查。",
        ["区司法局"],
        ["区各部门"],
        "2024年12月底",
        "2024-12-31",
    ),
)


def _write(
    plan: ParsedPlan, tmp_path: Path, **kw: object
) -> tuple[Path, openpyxl.worksheet.worksheet.Worksheet]:
    out = tmp_path / "ledger.xlsx"
    write_ledger(plan, out, **kw)  # type: ignore[arg-type]
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    return out, ws


def _merged(ws: openpyxl.worksheet.worksheet.Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_title_and_header_rows(tmp_path: Path) -> None:
    _, ws = _write(SYNTHETIC, tmp_path)
    assert ws["A1"].value == "某区2024年法治政府建设任务台账"
    assert ws["A1"].font.b and ws["A1"].alignment.horizontal == "center"
    assert "A1:G1" in _merged(ws)
    assert [c.value for c in ws[2]] == list(LEDGER_HEADERS)
    assert LEDGER_HEADERS == ("一级指标", "二级指标", "序号", "主要任务", "牵头单位", "责任单位", "完成时限")
    assert all(c.font.b and c.border.left.style == "thin" for c in ws[2])


def test_task_values(tmp_path: Path) -> None:
    _, ws = _write(SYNTHETIC, tmp_path)
    assert [c.value for c in ws[4]] == [
        None,  # merged into A3
        None,  # merged into B3
        2,
        "压缩企业开办时间。",
        "区市场监管局",
        "区税务局、区人社局",
        "2024年9月底",
    ]
    assert ws["A3"].value == CAT1 and ws["B3"].value == CAT2
    assert ws["B5"].value == "(二)推行权责清单制度"
    assert ws["A6"].value == "二、完善依法行政制度体系"
    assert ws.max_row == 2 + len(SYNTHETIC.tasks)


def test_categories_merged_vertically(tmp_path: Path) -> None:
    _, ws = _write(SYNTHETIC, tmp_path)
    merged = _merged(ws)
    assert "A3:A5" in merged  # 一级 over tasks 1-3
    assert "B3:B4" in merged  # 二级 over tasks 1-2 only
    # single-row runs are not merged
    assert not any(r.startswith(("A6", "B5", "B6")) for r in merged)


def test_second_level_does_not_merge_across_first_level(tmp_path: Path) -> None:
    same2 = "(一)加强学习"
    plan = _plan(
        _task("1", ["一、甲", same2], "甲一。", ["区司法局"], ["各街道"], "年底"),
        _task("2", ["二、乙", same2], "乙一。", ["区司法局"], ["各街道"], "年底"),
    )
    _, ws = _write(plan, tmp_path)
    assert _merged(ws) == {"A1:G1"}


def test_sheet_setup(tmp_path: Path) -> None:
    _, ws = _write(SYNTHETIC, tmp_path)
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    assert ws.print_title_rows == "$2:$2"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["C"].width
    assert ws["D3"].alignment.wrap_text
    assert ws["F4"].border.bottom.style == "thin"


def test_paths_and_deadline_fallbacks(tmp_path: Path) -> None:
    deep = Task(
        number="7",
        level="(1)",
        heading_path=["二、主要任务", "(三)深入开展法治政府建设", "1.加强执法监督"],
        title="标题",
        content="",
        lead_units=["区司法局"],
        deadline="2024-12-31",
    )
    flat = Task(number="8", level="1.", content="无类别任务。")
    rows = ledger_rows(_plan(deep, flat))
    assert rows[0][:2] == ["二、主要任务", "(三)深入开展法治政府建设 / 1.加强执法监督"]
    assert rows[0][3] == "标题"  # no content: the title stands in
    assert rows[0][6] == "2024-12-31"  # no printed text: the resolved date
    assert rows[1][:2] == ["", ""] and rows[1][4:] == ["", "", ""]


def test_extra_columns(tmp_path: Path) -> None:
    extra = {"进展情况": ["已完成", None, "推进中", ""], "状态": ["正常", "逾期", "正常", "临期"]}
    _, ws = _write(SYNTHETIC, tmp_path, extra_columns=extra)
    assert [c.value for c in ws[2]] == [*LEDGER_HEADERS, "进展情况", "状态"]
    assert "A1:I1" in _merged(ws)
    assert [ws.cell(row=r, column=8).value for r in range(3, 7)] == ["已完成", None, "推进中", None]
    assert ws["I4"].value == "逾期"
    with pytest.raises(ValueError):
        write_ledger(SYNTHETIC, tmp_path / "bad.xlsx", extra_columns={"状态": ["正常"]})


def test_writes_to_stream_and_guards_formulas() -> None:
    plan = _plan(_task("1", [], '=HYPERLINK("http://x")\x07', ["区司法局"], [], ""))
    buf = io.BytesIO()
    write_ledger(plan, buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws is not None
    assert ws["D3"].value == '=HYPERLINK("http://x")'  # control character dropped
    assert ws["D3"].data_type == "s"  # stays text, never a live formula


def test_title_gets_year_when_missing() -> None:
    assert (
        ledger_title(_plan(title="天桥区法治建设品质提升实施方案"))
        == "天桥区法治建设品质提升实施方案(2024年度)"
    )
    assert ledger_title(_plan(title=None, year=None)) == "任务台账"
    assert ledger_title(_plan(title="红桥区2020年任务台账", year=2020)) == "红桥区2020年任务台账"


def test_seed_003_layout(tmp_path: Path) -> None:
    plan = parse_file(str(SEED_003))
    _, ws = _write(plan, tmp_path)
    assert ws.max_row == 2 + len(plan.tasks) == 96
    merged = _merged(ws)
    # 一、依法全面履行政府职能 spans tasks 1-?; its 二级 1.全面推行行政审批制度改革 spans tasks 1-7.
    assert "B3:B9" in merged
    first = next(r for r in merged if r.startswith("A3:"))
    n_first = sum(1 for t in plan.tasks if t.heading_path[0] == plan.tasks[0].heading_path[0])
    assert first == f"A3:A{2 + n_first}"
    assert ws["A3"].value == "一、依法全面履行政府职能"
    assert ws["B3"].value == "1.全面推行行政审批制度改革"
    assert ws["C3"].value == 1 and ws["E3"].value == "区政务服务办"


# --- round trip: write, then parse the workbook back -----------------------------------------


def _ids(p: Path) -> str:
    return p.name


@pytest.mark.parametrize(
    "doc",
    ROUND_TRIP_DOCS,
    ids=_ids,
)
def test_round_trip_numbers_and_headings(doc: Path, tmp_path: Path) -> None:
    """Task numbers and categories survive, including category cells merged over many rows."""
    plan = parse_file(str(doc))
    out, _ = _write(plan, tmp_path)
    back = parse_file(str(out))
    assert [t.number for t in back.tasks] == [t.number for t in plan.tasks]
    assert [t.heading_path[-1:] for t in back.tasks] == [t.heading_path[-1:] for t in plan.tasks]


def test_round_trip_title_and_year(tmp_path: Path) -> None:
    plan = parse_file(str(SEED_003))
    out, _ = _write(plan, tmp_path)
    back = parse_file(str(out))
    assert back.title == ledger_title(plan)
    assert back.year == plan.year == 2020


def _ledger_key(t: Task) -> tuple[object, ...]:
    return (
        t.number,
        frozenset(t.lead_units),
        frozenset(t.responsible_units),
        t.deadline,
        t.deadline_text,
        t.heading_path[-1:],
    )


@pytest.mark.parametrize(
    "doc",
    ROUND_TRIP_DOCS,
    ids=_ids,
)
def test_round_trip_units_and_deadlines(doc: Path, tmp_path: Path) -> None:
    """The whole ledger survives: blank unit/deadline cells stay in their columns, and a unit
    name ending in a verb-like word (市政协办) is not cut."""
    plan = parse_file(str(doc))
    out, _ = _write(plan, tmp_path)
    back = parse_file(str(out))
    assert [_ledger_key(t) for t in back.tasks] == [_ledger_key(t) for t in plan.tasks]


def test_round_trip_fully_filled_ledger(tmp_path: Path) -> None:
    """With every cell filled the ledger comes back whole."""
    out, _ = _write(SYNTHETIC, tmp_path)
    back = parse_file(str(out))
    assert [_ledger_key(t) for t in back.tasks] == [_ledger_key(t) for t in SYNTHETIC.tasks]
    assert [t.heading_path for t in back.tasks] == [t.heading_path for t in SYNTHETIC.tasks]
    assert [t.content for t in back.tasks] == [t.content for t in SYNTHETIC.tasks]
