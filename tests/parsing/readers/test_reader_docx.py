import io
import zipfile

import pytest
from reader_builders import (
    CATEGORY,
    INTRO,
    LEAD,
    RESP,
    ROW_1,
    ROW_2,
    ROW_3,
    SUB_1,
    SUB_2,
    TASK_1,
    TITLE,
    build_plan_docx,
)

from fazhi.parsing.model import ParseError
from fazhi.parsing.readers import common, read_bytes


def test_paragraphs_and_tables_come_in_body_order(plan_docx: bytes) -> None:
    raw = read_bytes(plan_docx, "plan.docx")
    assert raw.source_format == "docx"
    assert raw.lines == [
        TITLE,
        INTRO,
        "一、总体要求",
        "| 一级指标 | 二级指标 | 主要任务及牵头、责任部门 |",
        f"| {CATEGORY} | {SUB_1} | {ROW_1} | {LEAD} {RESP} |",
        f"| {CATEGORY} | {SUB_1} | {ROW_2} | {LEAD} {RESP} |",
        f"| {CATEGORY} | {SUB_2} | {ROW_3} | {LEAD} {RESP} |",
        "二、目标任务",
        "(一)深入学习贯彻习近平法治思想",
        TASK_1,
    ]


def test_a_vertically_merged_cell_is_repeated_in_every_row(plan_docx: bytes) -> None:
    rows = [line for line in read_bytes(plan_docx, "plan.docx").lines if line.startswith("|")]
    assert sum(line.startswith(f"| {CATEGORY} |") for line in rows) == 3


def test_a_horizontally_merged_cell_is_written_once(plan_docx: bytes) -> None:
    header = read_bytes(plan_docx, "plan.docx").lines[3]
    assert header.count("主要任务及牵头、责任部门") == 1
    assert header.count("|") == 4


def test_text_box_content_is_read_once_not_twice() -> None:
    # Word stores a text box twice (DrawingML and a VML fallback); only one copy is real.
    raw = read_bytes(build_plan_docx(textbox="附件:任务分工表"), "plan.docx")
    assert raw.lines[-2:] == ["完成时限:2024年9月底", "附件:任务分工表"]


def test_a_docx_named_txt_is_still_read_as_docx(plan_docx: bytes) -> None:
    raw = read_bytes(plan_docx, "方案.txt")
    assert raw.source_format == "docx"
    assert raw.lines[0] == TITLE


def test_tracked_deletions_are_left_out() -> None:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("完成时限:2024年")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    p._p.append(
        parse_xml(
            f'<w:del xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:delText>6月底</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f'<w:ins xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:t>12月底</w:t></w:r></w:ins>'))
    buf = io.BytesIO()
    d.save(buf)
    assert read_bytes(buf.getvalue(), "t.docx").lines == ["完成时限:2024年12月底"]


def test_a_corrupt_docx_is_a_parse_error(plan_docx: bytes) -> None:
    broken = plan_docx[: len(plan_docx) // 2]
    with pytest.raises(ParseError) as err:
        read_bytes(broken, "plan.docx")
    assert err.value.message.startswith("文件“plan.docx”")
    assert "损坏" in err.value.message


def test_a_docx_without_its_main_part_is_a_parse_error() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<not-closed")
    with pytest.raises(ParseError, match="损坏"):
        read_bytes(buf.getvalue(), "x.docx")


def _zip_bomb(size: int) -> bytes:
    """A docx-shaped zip whose one entry inflates to `size` bytes of zeros (streamed, ~size/1000 on disk)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                entry.write(chunk)
    return buf.getvalue()


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    bomb = _zip_bomb(300 << 20)
    assert len(bomb) < 2 << 20
    with pytest.raises(ParseError) as err:
        read_bytes(bomb, "bomb.docx")
    assert "压缩炸弹" in err.value.message


def test_a_small_but_extreme_compression_ratio_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "ZIP_RATIO_MIN_BYTES", 1 << 20)
    with pytest.raises(ParseError, match="压缩炸弹"):
        read_bytes(_zip_bomb(16 << 20), "bomb.docx")


def test_a_table_of_contents_is_left_out_with_a_warning() -> None:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d.element.body.insert(
        0,
        parse_xml(
            f'<w:sdt xmlns:w="{w}"><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
            "</w:docPartObj></w:sdtPr><w:sdtContent><w:p><w:r><w:t>一、总体要求\t1</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    d.add_paragraph("一、总体要求")
    buf = io.BytesIO()
    d.save(buf)
    raw = read_bytes(buf.getvalue(), "plan.docx")
    assert raw.lines == ["一、总体要求"]
    assert raw.warnings == ["已略去文档中的目录"]


def test_toc_styled_paragraphs_are_left_out_too() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("二、目标任务\t2", style=d.styles.add_style("toc 1", 1))  # Word's built-in TOC style name
    d.add_paragraph("二、目标任务")
    buf = io.BytesIO()
    d.save(buf)
    assert read_bytes(buf.getvalue(), "plan.docx").lines == ["二、目标任务"]
