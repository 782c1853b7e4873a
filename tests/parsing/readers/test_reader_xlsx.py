import pytest
from reader_builders import CATEGORY, LEAD, RESP, ROW_1, ROW_2, ROW_3, SUB_1, SUB_2

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import read_bytes
from fazhi.parsing.readers.xlsx import format_value


def test_a_ledger_fills_merged_categories_down_and_writes_a_spanning_title_once(ledger_xlsx: bytes) -> None:
    raw = read_bytes(ledger_xlsx, "台账.xlsx")
    assert raw.source_format == "xlsx"
    assert raw.lines == [
        "| 红桥区2020年法治政府建设年度计划任务台账 |",
        "| 一级指标 | 二级指标 | 序号 | 主要任务 | 牵头、责任部门 |",
        f"| {CATEGORY} | {SUB_1} | 1 | {ROW_1} | {LEAD} {RESP} |",
        f"| {CATEGORY} | {SUB_1} | 2 | {ROW_2} | {LEAD} {RESP} |",
        f"| {CATEGORY} | {SUB_2} | 3 | {ROW_3} | 牵头部门:区委编办 |",
        "| 完成时限 | 2020-12-31 | 出庭应诉率 | 100% | 96.97% |",
        "| 本台账由区委依法治区办汇总 |",
    ]


def test_hidden_sheets_are_skipped_with_a_warning(ledger_xlsx: bytes) -> None:
    raw = read_bytes(ledger_xlsx, "台账.xlsx")
    assert not any("区司法局" == line.strip("| ") for line in raw.lines)
    assert raw.warnings == ["已跳过隐藏工作表“单位清单”"]


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1.0, "General", "1"),
        (2.5, "General", "2.5"),
        (0.05, "0%", "5%"),
        (True, "General", "是"),
        ("a\nb", "General", "a b"),
    ],
)
def test_cell_values_read_as_people_see_them(value: object, fmt: str, text: str) -> None:
    assert format_value(value, fmt) == text


def test_an_xlsx_named_docx_is_read_as_xlsx(ledger_xlsx: bytes) -> None:
    assert read_bytes(ledger_xlsx, "ledger.docx").source_format == "xlsx"


def test_a_corrupt_xlsx_is_a_parse_error(ledger_xlsx: bytes) -> None:
    with pytest.raises(ParseError, match="^文件“台账.xlsx”.*损坏"):
        read_bytes(ledger_xlsx[:3000], "台账.xlsx")


def test_an_old_xls_asks_for_xlsx() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")
    with pytest.raises(ParseError) as err:
        read_bytes(ole, "台账.xls")
    assert "另存为.xlsx" in err.value.message
