"""The GB/T 9704-2012 Word writer: the .docx as written, then as LibreOffice lays it out.

The document under test is `seed_001_report()`, the structure of seed 001 (太白湖新区's 2024
annual report) rebuilt through the public API; it doubles as the example for whoever builds the
annual-report app. Rendered pages are kept under test-artifacts/docgen/ for a human look.

Rendering tests measure the PDF with poppler (`pdftotext -bbox-layout` gives every printed
line's box in points), so "22 lines of 28 characters" and "page number 7 mm below the text
block" are checked on the page, not only in the XML.
"""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from fazhi.docgen.official import (
    OfficialDocument,
    Section,
    build_official_docx,
    chinese_date,
    chinese_number,
    heading_marker,
    signature_indents,
    text_width_chars,
    write_official_docx,
)
from fazhi.docgen.render import (
    ALIAS_FILE,
    RenderError,
    SofficeNotFoundError,
    find_soffice,
    fontconfig_text,
    render_pdf,
)

REPO = Path(__file__).resolve().parents[2]
SEED_001 = REPO / "tests" / "fixtures" / "seeds" / "001_01f739070572be2c.txt"
ARTIFACTS = REPO / "test-artifacts" / "docgen"

MM_PER_PT = 25.4 / 72
EMU_PER_MM = 36000

HANGING = "，。、；：！？”’）》"
CJK_FONT = re.compile(r"Noto(Serif|Sans)CJK|WenQuanYi|WenQuanYiZenHei|Fandol|ARPL|UKai|UMing", re.I)


# ---------------------------------------------------------------------------------------------
# The demo: seed 001 through the API


def seed_001_report() -> OfficialDocument:
    """Seed 001's annual report as an OfficialDocument: how the report app is meant to call us.

    In the app the figures (355件, 100%, 96.97% …) come from the year's data as plain
    dataclasses; here they are typed in from the seed.
    """
    return OfficialDocument(
        # Broken where the meaning allows; otherwise the 22 pt line would wrap after 20 characters.
        title="济宁太白湖新区\n2024年度法治政府建设工作报告",
        issuer="济宁太白湖新区党工委\n济宁太白湖新区管委会",
        date=datetime.date(2025, 3, 20),
        recipients=None,
        doc_number=None,
        opening=[
            "2024年以来，在市委、市政府的坚强、正确的领导下，在市委依法治市办公室和市司法局支持指导下，"
            "新区党政机关深入贯彻落实习近平法治思想和党的二十大精神，全面落实法治政府建设各项工作任务。"
            "结合新区法治政府建设工作实际，现将有关情况报告如下：",
        ],
        sections=[
            Section(
                "2024年度新区法治政府建设的主要举措和成效",
                subsections=[
                    Section(
                        "加强法治政府建设的组织领导",
                        [
                            "将法治政府建设纳入新区“十四五”发展规划，与经济社会发展同部署、同推进、同督促、"
                            "同考核、同奖惩。扎实推进行政执法体制改革，进一步明确5个区属相关部门行政执法职能。"
                        ],
                    ),
                    Section(
                        "不断提升依法行政能力和水平",
                        [
                            "做好合法性审查和行政规范性文件制定和监督工作，2024年期间共审查各类合同、议题、纪要、"
                            "文件等355件。在库法律专家76名，聘用13名法律专家为新区党政一体法律顾问，"
                            "服务全区各部门办理涉法事项134件。"
                        ],
                    ),
                    Section(
                        "持续健全矛盾纠纷化解机制",
                        [
                            "全年共办理应诉案件43件，连续8年行政机关负责人出庭应诉率达100%。初信初访一次性"
                            "化解率达到96.97%，网上信访受理率、按期办结率均达100%。"
                        ],
                    ),
                ],
            ),
            Section(
                "2024年度新区法治政府建设存在的不足和原因",
                subsections=[
                    # Run-in headings (ending in 。), as the seed prints its shortcomings.
                    Section(
                        "村(社区)法律顾问作用发挥不到位。",
                        [
                            "由于服务模式不同、职业素养参差不齐、监督管理不到位等原因，服务质效有待进一步提升。"
                        ],
                    ),
                    Section(
                        "普法宣传教育效果不明显。",
                        ["普法宣传形式和内容过于单一，未能与行业主管部门、镇(街)各项工作有效衔接。"],
                    ),
                ],
            ),
            Section(
                "2024年度新区党政主要负责人履行法治建设第一责任人职责情况",
                subsections=[
                    Section(
                        "新区党工委书记认真学习习近平法治思想和依法治国方略。",
                        [
                            "听取2023年法治政府建设工作报告，研究解决法治建设重大问题6个；先后对7个区属部门进行联合督察。"
                        ],
                    ),
                    Section(
                        "新区管委会主任全面认真履行第一责任人工作职责。",
                        ["定期听取新区法治政府建设工作开展情况，对存在问题进行深入研究，督导落实整改。"],
                    ),
                ],
            ),
            Section(
                "2025年度推进法治政府建设的主要安排",
                [
                    "2025年新区将以党的二十大精神和习近平法治思想为指引，重点抓好以下五个方面的工作：",
                ],
                [
                    Section(
                        "进一步构建均等公共法律服务体系。",
                        ["指导镇(街)司法所全面落实“一村(社区)一法律顾问”督导考核制度。"],
                    ),
                    Section(
                        "进一步完善行政执法体制机制。",
                        ["完善市、区两级行政执法衔接机制，探索行政执法案卷“制作审查分离”模式。"],
                    ),
                ],
            ),
        ],
    )


def body_lines_document(lines: int) -> OfficialDocument:
    """A title and one paragraph of exactly `lines` full lines (28 characters each, no punctuation,
    so Chinese line-breaking rules cannot move a character)."""
    text = ("依法行政建设法治政府" * 200)[: lines * 28 - 2]  # the first line is indented two
    return OfficialDocument(
        title="版面测试",
        issuer="某某区人民政府",
        date=datetime.date(2025, 3, 20),
        recipients=None,
        sections=[],
        opening=[text],
    )


@pytest.fixture(scope="module")
def seed_docx() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "seed_001_report.docx"
    write_official_docx(seed_001_report(), path)
    return path


def test_the_demo_follows_seed_001s_four_statutory_sections() -> None:
    seed = SEED_001.read_text(encoding="utf-8")
    doc = seed_001_report()
    assert len(doc.sections) == 4
    # Every heading of the demo is the seed's heading (ASCII/full-width brackets aside).
    for section in doc.sections:
        assert section.heading[:6] in seed
    for figure in ("355件", "100%", "96.97%"):
        assert figure in seed


# ---------------------------------------------------------------------------------------------
# Pure helpers


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (99, "九十九")],
)
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


@pytest.mark.parametrize(
    ("level", "n", "marker"), [(1, 3, "三、"), (2, 12, "（十二）"), (3, 4, "4."), (4, 2, "（2）")]
)
def test_heading_marker_follows_gbt_9704_levels(level: int, n: int, marker: str) -> None:
    assert heading_marker(level, n) == marker


def test_the_date_is_written_in_arabic_digits_without_leading_zeros() -> None:
    assert chinese_date(datetime.date(2025, 3, 20)) == "2025年3月20日"
    assert chinese_date(datetime.date(2025, 1, 5)) == "2025年1月5日"


@pytest.mark.parametrize(
    ("issuer", "date", "expected"),
    [
        # long issuer: issuer 右空二字, date starts two characters right of it
        (10.0, 6.5, (2.0, 3.5)),
        # issuer as long as the date: the date keeps 右空二字, the issuer moves left
        (6.5, 6.5, (4.0, 2.0)),
        (3.0, 6.5, (7.5, 2.0)),
    ],
)
def test_signature_indents(issuer: float, date: float, expected: tuple[float, float]) -> None:
    assert signature_indents(issuer, date) == expected


def test_text_width_counts_ascii_as_half_a_character() -> None:
    assert text_width_chars("2025年3月20日") == 6.5


# ---------------------------------------------------------------------------------------------
# (a) the .docx as written


EXPECTED_STYLES = {
    # style name: (East-Asian font, size in pt)
    "公文标题": ("方正小标宋简体", 22),
    "公文正文": ("仿宋_GB2312", 16),
    "公文一级标题": ("黑体", 16),
    "公文二级标题": ("楷体_GB2312", 16),
    "公文落款": ("仿宋_GB2312", 16),
    "公文页码": ("宋体", 14),
}


def _style_rfonts(style) -> dict[str, str]:  # type: ignore[no-untyped-def]
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    assert rfonts is not None, f"{style.name} has no rFonts"
    return {k.split("}")[1]: v for k, v in rfonts.attrib.items()}


def test_page_is_a4_with_gbt_9704_margins(seed_docx: Path) -> None:
    section = Document(str(seed_docx)).sections[0]
    for measured, mm in [
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ]:
        assert abs(measured / EMU_PER_MM - mm) < 0.1
    text_width = (section.page_width - section.left_margin - section.right_margin) / EMU_PER_MM
    text_height = (section.page_height - section.top_margin - section.bottom_margin) / EMU_PER_MM
    assert abs(text_width - 156) < 0.1 and abs(text_height - 225) < 0.1


def test_the_page_uses_a_line_grid_of_22_lines_not_a_character_grid(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    pitch_pt = int(grid.get(qn("w:linePitch"))) / 20
    assert pitch_pt == 28.95
    assert round(225 / MM_PER_PT / pitch_pt) == 22


def test_every_paragraph_style_names_its_official_east_asian_font_and_size(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    used = {p.style.name for p in doc.paragraphs}
    assert {"公文标题", "公文正文", "公文一级标题", "公文二级标题", "公文落款"} <= used
    for name, (font, size) in EXPECTED_STYLES.items():
        style = doc.styles[name]
        fonts = _style_rfonts(style)
        assert fonts.get("eastAsia") == font, name
        assert fonts.get("ascii") == font and fonts.get("hAnsi") == font, name
        # Theme fonts would override the explicit names in Word.
        assert not any(k.endswith("Theme") or k == "cstheme" for k in fonts), name
        assert style.font.size.pt == size, name


def test_document_defaults_are_chinese_and_free_of_theme_fonts(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    assert rfonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rfonts.get(qn("w:eastAsiaTheme")) is None
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"


def test_title_is_centred_and_body_is_indented_two_characters_with_exact_spacing(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    title_lines = doc.paragraphs[:2]
    assert [p.text for p in title_lines] == ["济宁太白湖新区", "2024年度法治政府建设工作报告"]
    for p in title_lines:
        assert p.style.name == "公文标题"
        assert p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert p.paragraph_format.alignment is None  # nothing overrides the style
    assert doc.paragraphs[2].text == ""  # 标题下空一行
    body = doc.styles["公文正文"].paragraph_format
    assert body.first_line_indent.twips == 640  # two 16 pt characters, absolute
    assert body.line_spacing.pt == 28.95
    spacing = doc.styles["公文正文"].element.rPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:val")) == "-5"  # −0.25 pt: 28 characters fit the 156 mm line


def test_headings_are_numbered_by_level_and_run_in_headings_continue_in_the_body_font(
    seed_docx: Path,
) -> None:
    doc = Document(str(seed_docx))
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert [t[:2] for t in by_style["公文一级标题"]] == ["一、", "二、", "三、", "四、"]
    assert by_style["公文二级标题"][0] == "（一）加强法治政府建设的组织领导"
    run_in = next(p for p in doc.paragraphs if p.text.startswith("（一）村(社区)法律顾问"))
    assert run_in.style.name == "公文二级标题"
    heading_run, body_run = run_in.runs
    assert heading_run.text.endswith("。")
    assert body_run.text.startswith("由于")
    assert body_run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_headings_that_carry_their_marker_are_not_numbered_twice() -> None:
    doc = OfficialDocument(
        title="标题",
        issuer="区政府",
        date=datetime.date(2025, 1, 2),
        recipients="各街道办事处、区政府各部门",
        sections=[Section("一、总体要求", ["正文。"], [Section("(一)指导思想", ["正文。"])])],
    )
    texts = [p.text for p in build_official_docx(doc).paragraphs]
    assert "一、总体要求" in texts and "(一)指导思想" in texts
    assert "各街道办事处、区政府各部门：" in texts  # 主送机关 ends with a full-width colon


def test_more_than_four_heading_levels_is_refused() -> None:
    deep = Section("五", ["正文"])
    for name in ("四", "三", "二", "一"):
        deep = Section(name, [], [deep])
    doc = OfficialDocument("标题", "区政府", datetime.date(2025, 1, 2), None, [deep])
    with pytest.raises(ValueError, match="四层"):
        build_official_docx(doc)


def test_odd_and_even_footers_carry_a_page_field_right_and_left(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    assert doc.settings.odd_and_even_pages_header_footer
    assert doc.settings.element.find(qn("w:evenAndOddHeaders")) is not None
    section = doc.sections[0]
    for footer, align, side in [
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent"),
    ]:
        (p,) = footer.paragraphs
        assert p.style.name == "公文页码"
        assert p.paragraph_format.alignment == align
        assert getattr(p.paragraph_format, side).twips == 280  # 空一字 of 14 pt
        instr = "".join(el.text for el in p._p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        kinds = [el.get(qn("w:fldCharType")) for el in p._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert p.text.startswith("— ") and p.text.endswith(" —")
    # The footer sits so that the number's line is centred 7 mm below the text block.
    line_mm = 14 * MM_PER_PT
    footer_mm = section.footer_distance / EMU_PER_MM
    assert abs((297 - footer_mm - line_mm / 2) - (297 - 35 + 7)) < 0.1


def test_the_signature_puts_the_issuers_above_the_date(seed_docx: Path) -> None:
    doc = Document(str(seed_docx))
    *_, blank, issuer1, issuer2, date = doc.paragraphs
    assert blank.text == ""
    assert (issuer1.text, issuer2.text, date.text) == (
        "济宁太白湖新区党工委",
        "济宁太白湖新区管委会",
        "2025年3月20日",
    )
    assert issuer1.paragraph_format.right_indent.twips == 2 * 315  # 右空二字
    assert issuer1.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_it_writes_to_a_stream_and_drops_characters_xml_cannot_hold() -> None:
    doc = seed_001_report()
    doc.opening = ["含有\x0b控制字符的段落"]
    buf = io.BytesIO()
    write_official_docx(doc, buf)
    reopened = Document(io.BytesIO(buf.getvalue()))
    assert any(p.text == "含有控制字符的段落" for p in reopened.paragraphs)


# ---------------------------------------------------------------------------------------------
# Rendering helpers and errors (no LibreOffice needed)


def test_the_generated_fontconfig_includes_the_system_config_then_the_aliases() -> None:
    text = fontconfig_text()
    assert text.index("/etc/fonts/fonts.conf") < text.index(str(ALIAS_FILE))
    assert ALIAS_FILE.is_file()


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match is not installed")
@pytest.mark.parametrize(
    ("official", "free"),
    [
        ("仿宋_GB2312", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC:Bold"),
        ("楷体_GB2312", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
    ],
)
def test_the_alias_file_maps_each_official_font_to_a_free_cjk_face(
    official: str, free: str, tmp_path: Path
) -> None:
    if not Path("/usr/share/fonts/opentype/noto").is_dir():
        pytest.skip("fonts-noto-cjk is not installed (scripts/system-deps.sh installs it)")
    conf = tmp_path / "fonts.conf"
    conf.write_text(fontconfig_text(), encoding="utf-8")
    out = subprocess.run(
        ["fc-match", "-f", "%{family[0]}:%{style[0]}", official],
        env={"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    family, _, style = out.partition(":")
    assert family == free.split(":")[0]
    if ":" in free:
        assert style == free.split(":")[1]


def test_a_missing_libreoffice_gives_a_chinese_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("fazhi.docgen.render.find_soffice", lambda: None)
    with pytest.raises(SofficeNotFoundError, match="未找到 LibreOffice"):
        render_pdf(tmp_path / "x.docx", tmp_path)


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


def test_a_hung_converter_is_killed_after_the_timeout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake = _fake_soffice(tmp_path, "sleep 30")
    monkeypatch.setattr("fazhi.docgen.render.find_soffice", lambda: fake)
    src = tmp_path / "a.docx"
    write_official_docx(body_lines_document(1), src)
    with pytest.raises(RenderError, match="超时"):
        render_pdf(src, tmp_path / "out", timeout=1)


def test_a_converter_that_writes_nothing_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "echo broken >&2; exit 0")
    monkeypatch.setattr("fazhi.docgen.render.find_soffice", lambda: fake)
    src = tmp_path / "a.docx"
    write_official_docx(body_lines_document(1), src)
    with pytest.raises(RenderError, match="未能将 a.docx 转换为 PDF.*broken"):
        render_pdf(src, tmp_path / "out")


# ---------------------------------------------------------------------------------------------
# (b), (c) the rendered PDF

needs_renderer = pytest.mark.skipif(
    find_soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler-utils is not installed; `make sysdeps` installs them",
)


@dataclass
class Line:
    """One printed line of a PDF page, in millimetres from the page's top-left corner."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """Every page's printed lines, from `pdftotext -bbox-layout` (coordinates in points)."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        lines = []
        for x0, y0, x1, y1, body in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', page, re.S
        ):
            text = "".join(re.findall(r">([^<]*)</word>", body))
            lines.append(Line(*(float(v) * MM_PER_PT for v in (x0, y0, x1, y1)), text=text))
        pages.append(lines)
    return pages


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def seed_pdf(seed_docx: Path) -> Path:
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pdf = render_pdf(seed_docx, ARTIFACTS)
    # Page images for a human look (and for CI artefacts): test-artifacts/docgen/seed_001_report-N.png
    for old in ARTIFACTS.glob("seed_001_report-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(ARTIFACTS / "seed_001_report")], check=True)
    return pdf


@needs_renderer
def test_rendered_pages_are_a4_and_saved_as_images(seed_pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(seed_pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    pngs = sorted(ARTIFACTS.glob("seed_001_report-*.png"))
    assert len(pngs) == page_count(seed_pdf) >= 2


@needs_renderer
def test_every_font_in_the_pdf_is_an_embedded_cjk_face(seed_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(seed_pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        name = row.split()[0]
        assert CJK_FONT.search(name), f"not a CJK font (Chinese may show as boxes): {row}"
        # columns: name type [type…] encoding emb sub uni id gen — emb is fifth from the end
        assert row.split()[-5] == "yes", f"font not embedded: {row}"
    # Titles use the bold serif (小标宋), 一、 headings the sans (黑体), the body the serif (仿宋).
    assert re.search(r"NotoSerifCJK\w*-Bold", out) and re.search(r"NotoSansCJK", out), out


@needs_renderer
def test_the_chinese_text_round_trips_through_the_pdf(seed_pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", str(seed_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"\s+", "", text)
    for expected in (
        "济宁太白湖新区2024年度法治政府建设工作报告",
        "一、2024年度新区法治政府建设的主要举措和成效",
        "（二）不断提升依法行政能力和水平",
        "共审查各类合同、议题、纪要、文件等355件",
        "初信初访一次性化解率达到96.97%",
        "济宁太白湖新区管委会2025年3月20日",
    ):
        assert expected in flat
    assert "\ufffd" not in text and "□" not in text


@needs_renderer
def test_text_stays_in_the_156_by_225_mm_block_and_page_numbers_sit_7_mm_below(seed_pdf: Path) -> None:
    pages = pdf_lines(seed_pdf)
    for number, lines in enumerate(pages, start=1):
        *body, folio = lines
        assert folio.text == f"—{number}—"
        for line in body:
            # Word and LibreOffice both let a line-final ，。、 hang past the margin by default
            # (允许标点溢出边界); its ink sits in the left half of the cell, its box does not.
            right_limit = 210 - 26 + 0.5 + (16 * MM_PER_PT if line.text[-1] in HANGING else 0)
            assert line.x0 >= 28 - 0.5 and line.x1 <= right_limit, line
            assert line.y0 >= 37 - 0.5 and line.y1 <= 297 - 35 + 0.5, line
        centre = (folio.y0 + folio.y1) / 2
        assert abs(centre - (297 - 35 + 7)) < 1.5, folio
        one_char = 14 * MM_PER_PT  # 单页码居右空一字, 双页码居左空一字
        if number % 2:
            assert abs(folio.x1 - (210 - 26 - one_char)) < 1.0, folio
        else:
            assert abs(folio.x0 - (28 + one_char)) < 1.0, folio


@needs_renderer
def test_the_date_starts_two_characters_right_of_the_issuer(seed_pdf: Path) -> None:
    last = pdf_lines(seed_pdf)[-1]
    issuer = next(line for line in last if line.text == "济宁太白湖新区管委会")
    date = next(line for line in last if line.text == "2025年3月20日")
    char = 15.75 * MM_PER_PT
    assert abs((210 - 26) - issuer.x1 - 2 * char) < 1.0  # 右空二字
    assert abs(date.x0 - issuer.x0 - 2 * char) < 1.0


@needs_renderer
def test_the_signature_never_stands_alone_on_its_page(seed_pdf: Path) -> None:
    last = pdf_lines(seed_pdf)[-1]
    signature = {"济宁太白湖新区党工委", "济宁太白湖新区管委会", "2025年3月20日"}
    texts = [line.text for line in last[:-1]]  # without the page number
    assert signature <= set(texts)
    assert set(texts) - signature, "the last page holds only the signature"


@needs_renderer
def test_sixty_lines_of_body_make_three_pages_of_22_lines_of_28_characters(tmp_path: Path) -> None:
    docx = ARTIFACTS / "body_60_lines.docx"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    write_official_docx(body_lines_document(58), docx)  # + title and the blank line below it: 60
    pdf = render_pdf(docx, ARTIFACTS)
    assert 2 <= page_count(pdf) <= 4
    pages = [[line for line in page if not line.text.startswith("—")] for page in pdf_lines(pdf)]
    # Grid lines: title, blank, 58 body lines, blank, issuer, date = 63 = 22 + 22 + 19; the two
    # blank lines print nothing, so the pages show 21, 22 and 18 lines.
    assert [len(p) for p in pages] == [21, 22, 18]
    full_lines = pages[1]
    assert {len(line.text) for line in full_lines} == {28}
    pitch = (full_lines[-1].y0 - full_lines[0].y0) / 21
    assert abs(pitch - 28.95 * MM_PER_PT) < 0.05


def test_the_writer_and_renderer_import_no_django() -> None:
    # The CLI and the report app's workers use them without a configured Django.
    code = (
        "import sys, fazhi.docgen.official, fazhi.docgen.render; "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, env={"PATH": "/usr/bin:/bin"})
