import codecs
from pathlib import Path

import pytest
from opencc import OpenCC

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import read_bytes, read_file

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
PLAN = (SEEDS / "000_2c654679abd70264.txt").read_text(encoding="utf-8")
SHORT = "牵头单位"  # charset-normalizer 3.5 calls these GBK bytes big5: "ラ芛等弇"


def test_a_short_gbk_text_is_read_as_gb18030_not_big5_mojibake() -> None:
    raw = read_bytes(SHORT.encode("gbk"), "short.txt")
    assert raw.lines == [SHORT]
    assert raw.encoding == "gb18030"


@pytest.mark.parametrize("word", ["区司法局", "完成时限", "2024年9月底", "年度计划任务台账"])
def test_short_gbk_words_seen_as_big5_or_cp949_by_detection_come_out_right(word: str) -> None:
    assert read_bytes(word.encode("gbk"), "w.txt").lines == [word]


def test_charset_normalizer_alone_would_have_got_that_wrong() -> None:
    # Documents why detection runs last: if this ever starts passing, the order could be relaxed.
    from charset_normalizer import from_bytes

    for word in (SHORT, "区司法局", "完成时限", "2024年9月底"):
        best = from_bytes(word.encode("gbk")).best()
        assert best is None or str(best) != word


def test_a_whole_gbk_plan_keeps_every_line() -> None:
    raw = read_bytes(PLAN.encode("gb18030"), "plan.txt")
    assert raw.lines == PLAN.split("\n")[:-1] if PLAN.endswith("\n") else PLAN.split("\n")
    assert raw.encoding == "gb18030"


def test_big5_traditional_text_is_not_mistaken_for_gbk() -> None:
    traditional = OpenCC("s2t").convert("一、总体要求\n深入学习贯彻习近平法治思想,统筹推进依法治区工作。\n")
    raw = read_bytes(traditional.encode("big5"), "big5.txt")
    assert raw.encoding == "big5"
    assert raw.lines[0] == "一、總體要求"
    assert "統籌推進依法治區工作" in raw.lines[1]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (codecs.BOM_UTF8 + "一、总体要求\r\n二、目标任务\r\n".encode(), "utf-8-sig"),
        ("一、总体要求\r\n二、目标任务\r\n".encode("utf-16"), "utf-16"),  # carries a BOM
        ("一、总体要求\r二、目标任务".encode(), "utf-8"),  # old Mac line ends
    ],
)
def test_boms_and_line_ends(encoded: bytes, encoding: str) -> None:
    raw = read_bytes(encoded, "plan.txt")
    assert raw.lines == ["一、总体要求", "二、目标任务"]
    assert raw.encoding == encoding
    assert raw.source_format == "txt"


def test_lines_are_kept_as_they_are() -> None:
    text = " 一、总体要求\n\n\t(一)深入学习贯彻习近平法治思想  \n"
    assert read_bytes(text.encode(), "p.txt").lines == [
        " 一、总体要求",
        "",
        "\t(一)深入学习贯彻习近平法治思想  ",
    ]


def test_a_truncated_multibyte_tail_is_replaced_with_a_warning() -> None:
    # A download cut in the middle of the last character: one lead byte with no trail byte.
    raw = read_bytes(PLAN.encode("gb18030") + b"\xb7", "cut.txt")
    assert raw.warnings and "\ufffd" in raw.warnings[0]
    assert raw.lines[0] == PLAN.split("\n")[0]


def test_undecodable_text_is_refused_not_returned_as_mojibake() -> None:
    # Valid in no candidate encoding, with far too many errors to tolerate.
    data = bytes([0x81, 0x30, 0xFF, 0x80]) * 50
    with pytest.raises(ParseError) as err:
        read_bytes(data, "weird.txt")
    assert "weird.txt" in err.value.message


def test_read_file_reads_a_seed(tmp_path: Path) -> None:
    raw = read_file(str(SEEDS / "003_12f87d2dbc5014d3.txt"))
    assert raw.lines[1] == "红桥区2020年法治政府建设年度计划任务台账"
    assert raw.encoding == "utf-8"


def test_whitespace_only_text_is_refused() -> None:
    with pytest.raises(ParseError, match="没有文字内容"):
        read_bytes(" \r\n\u3000\n".encode(), "blank.txt")
