import io

import pytest

from fazhi.parsing.readers import read_bytes
from fazhi.parsing.readers.docx_numbering import chinese_numeral, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# A plan's outline as Word's multilevel list: 一、 / (一) / 1.
ABSTRACT = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUMS = f"""<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""
RESTART = f"""<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"""


def _numbered_docx(paragraphs: list[tuple[str, int | None, str]]) -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    for xml in (ABSTRACT,):  # abstractNum elements must precede num elements
        first_num.addprevious(parse_xml(xml))
    numbering.append(parse_xml(NUMS))
    numbering.append(parse_xml(RESTART))
    for text, level, num_id in paragraphs:
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_automatic_numbering_is_rendered_as_printed() -> None:
    data = _numbered_docx(
        [
            ("总体要求", 0, "90"),
            ("坚持以习近平新时代中国特色社会主义思想为指导。", None, ""),
            ("目标任务", 0, "90"),
            ("深入学习贯彻习近平法治思想", 1, "90"),
            ("领导干部带头学法。", 2, "90"),
            ("深入开展习近平法治思想学习宣传工作。", 2, "90"),
            ("统筹推进依法治区工作", 1, "90"),
            ("加强党对法治建设工作的领导。", 2, "90"),
            ("编制并公布权责清单。", 2, "91"),  # "restart numbering" in Word: a new num with an override
            ("保障措施", 0, "90"),
        ]
    )
    assert read_bytes(data, "plan.docx").lines == [
        "一、总体要求",
        "坚持以习近平新时代中国特色社会主义思想为指导。",
        "二、目标任务",
        "(一)深入学习贯彻习近平法治思想",
        "1.领导干部带头学法。",
        "2.深入开展习近平法治思想学习宣传工作。",
        "(二)统筹推进依法治区工作",
        "1.加强党对法治建设工作的领导。",
        "1.编制并公布权责清单。",
        "三、保障措施",
    ]


def test_the_list_number_style_numbers_through_its_style() -> None:
    import docx

    d = docx.Document()
    for text in ("领导干部带头学法。", "加强党对法治建设工作的领导。"):
        d.add_paragraph(text, style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    assert read_bytes(buf.getvalue(), "p.docx").lines == [
        "1.领导干部带头学法。",
        "2.加强党对法治建设工作的领导。",
    ]


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (105, "一百零五"), (110, "一百一十")],
)
def test_chinese_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (4, "upperRoman", "IV"),
        (12, "decimalFullWidth", "１２"),
    ],
)
def test_other_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text
