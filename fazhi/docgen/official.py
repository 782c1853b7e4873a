"""Official documents (党政机关公文) as Word files laid out to GB/T 9704-2012.

The caller describes the document with plain dataclasses (`OfficialDocument`, `Section`) whose
figures are already computed; `write_official_docx` only formats them:

    title        二号 (22 pt) 方正小标宋简体, centred
    recipients   三号 仿宋_GB2312, flush left, ends with a full-width colon (主送机关)
    一、 heading  三号 黑体          (一) heading 三号 楷体_GB2312
    1. / (1)     三号 仿宋_GB2312    body         三号 仿宋_GB2312, first line indented two characters
    signature    issuer above the date, placed by GB/T 9704 7.3.5.2 (no seal)
    page number  "— 1 —" 四号 宋体, 7 mm below the text block, right on odd pages, left on even

Page: A4, margins 37/35/28/26 mm (text block 156 x 225 mm), 22 lines of 28 characters. The line
count comes from a line grid with an exact 28.95 pt line pitch and the character count from a
-0.25 pt character spacing, not from Word's "lines and characters" grid, which LibreOffice lays
out at about 14 characters a line.

The East-Asian font of every run is written to rFonts@w:eastAsia (python-docx's `font.name`
sets only the Latin slots). Font names stay the official ones so the file looks right in the
users' Word/WPS; server-side PDF rendering maps them to free fonts (see `fazhi.docgen.render`).
"""

from __future__ import annotations

import datetime
import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import IO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu, Mm, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

# ---------------------------------------------------------------------------------------------
# The document model


@dataclass
class Section:
    """One numbered part of the body: its heading (without the number), text and sub-parts.

    The writer numbers headings by depth (一、 / (一) / 1. / (1)); a heading that already starts
    with the marker of its level is printed as given. A heading ending in 。 is a run-in heading,
    the 公文 habit for short points: its first paragraph continues on the same line.
    """

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class OfficialDocument:
    """A 公文 ready to print: every figure in it is already text.

    A long `title` may be broken by the caller with "\n" where the meaning allows (GB/T 9704
    asks for a 梯形 or 菱形 title, which only a reader can choose); each line is centred.
    `opening` holds the paragraphs before the first numbered section (the lead-in that usually
    ends 现将有关情况报告如下:). `issuer` may hold several issuing bodies, one per line (联合行文:
    the lead body first).
    """

    title: str
    issuer: str
    date: datetime.date
    recipients: str | None = None
    sections: list[Section] = field(default_factory=list)
    doc_number: str | None = None
    opening: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# GB/T 9704-2012 measurements

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_SIZE_PT = 16  # 三号
TITLE_SIZE_PT = 22  # 二号
PAGE_NUMBER_SIZE_PT = 14  # 四号
# 225 mm / 22 lines = 28.95 pt (the value every 公文 template uses).
LINE_PITCH_TWIPS = 579
# 28 characters of 16 pt need 448 pt but the block is 442.2 pt wide: -0.25 pt each leaves 28
# characters (441 pt) with a little slack, so rounding never pushes the 28th to the next line.
CHAR_SPACING_TWIPS = -5
INDENT_2_CHARS_TWIPS = 2 * BODY_SIZE_PT * 20  # 段首空二字, absolute so every renderer agrees
# Advance of one body character as laid out (16 pt less the -0.25 pt spacing), for placing text.
CELL_TWIPS = BODY_SIZE_PT * 20 + CHAR_SPACING_TWIPS
TEXT_WIDTH_TWIPS = round((PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 25.4 * 1440)
KEEP_LAST_PARAGRAPH_LINES = 4
PAGE_NUMBER_GAP_MM = 7  # 一字线上距版心下边缘 7 mm
PAGE_NUMBER_SIDE_TWIPS = PAGE_NUMBER_SIZE_PT * 20  # 单页码居右空一字, 双页码居左空一字
PAGE_NUMBER_LINE_TWIPS = PAGE_NUMBER_SIZE_PT * 20  # exact line height of the footer

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"

# Paragraph styles: (style id, displayed name, font, size in pt). Named styles rather than
# direct formatting, so users who edit the report in Word change a whole level at once.
STYLE_TITLE = ("GwTitle", "公文标题", FONT_TITLE, TITLE_SIZE_PT)
STYLE_BODY = ("GwBody", "公文正文", FONT_BODY, BODY_SIZE_PT)
STYLE_RECIPIENTS = ("GwRecipients", "公文主送机关", FONT_BODY, BODY_SIZE_PT)
STYLE_HEADINGS = (
    ("GwHeading1", "公文一级标题", FONT_HEADING_1, BODY_SIZE_PT),
    ("GwHeading2", "公文二级标题", FONT_HEADING_2, BODY_SIZE_PT),
    ("GwHeading3", "公文三级标题", FONT_BODY, BODY_SIZE_PT),
    ("GwHeading4", "公文四级标题", FONT_BODY, BODY_SIZE_PT),
)
STYLE_SIGNATURE = ("GwSignature", "公文落款", FONT_BODY, BODY_SIZE_PT)
STYLE_PAGE_NUMBER = ("GwPageNumber", "公文页码", FONT_PAGE_NUMBER, PAGE_NUMBER_SIZE_PT)

_CN_DIGITS = "零一二三四五六七八九"
_MARKERS = (
    re.compile(r"^[一二三四五六七八九十百]+、"),
    re.compile(r"^[（(][一二三四五六七八九十百]+[）)]"),
    re.compile(r"^\d+[.．]"),
    re.compile(r"^[（(]\d+[）)]"),
)
_RUN_IN_END = ("。",)
# XML 1.0 forbids most C0 controls; text pasted from other programs sometimes carries them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# ---------------------------------------------------------------------------------------------
# Small pure helpers


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (heading numbers stay below 100)."""
    if not 0 < n < 100:
        raise ValueError(f"标题序号超出范围(1-99): {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def heading_marker(level: int, n: int) -> str:
    """The printed ordinal of a heading at `level` (1-4) numbered `n`, per GB/T 9704 7.3.3."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"公文结构层次最多四层,此处为第{level}层")


def chinese_date(d: datetime.date) -> str:
    """成文日期 in Arabic digits without leading zeros: 2025年3月20日 (GB/T 9704 7.3.5.1)."""
    return f"{d.year}年{d.month}月{d.day}日"


def text_width_chars(text: str) -> float:
    """Printed width in character cells: CJK and full-width count 1, ASCII digits and letters 0.5."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def signature_indents(issuer_width: float, date_width: float) -> tuple[float, float]:
    """Right indents, in characters, of the issuer line and the date line (GB/T 9704 7.3.5.2).

    The issuer is 右空二字 and the date starts two characters right of the issuer's first
    character; when the date is too long for that, the date is 右空二字 and the issuer moves
    left by as much.
    """
    date_right = max(2.0, issuer_width - date_width)
    issuer_right = date_right + date_width + 2.0 - issuer_width
    return issuer_right, date_right


def clean_text(text: str) -> str:
    """Text safe for WordprocessingML: illegal control characters removed, ends trimmed."""
    return _ILLEGAL_XML.sub("", text).strip()


# ---------------------------------------------------------------------------------------------
# OOXML helpers


def _set(el: BaseOxmlElement, tag: str, **attrs: str) -> BaseOxmlElement:
    """The child `tag` of `el` (created if missing) with the given w: attributes set."""
    child: BaseOxmlElement | None = el.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        el.append(child)
    for name, value in attrs.items():
        child.set(qn(f"w:{name}"), value)
    return child


def set_run_fonts(rpr: BaseOxmlElement, font: str, *, hint_east_asia: bool = False) -> None:
    """Write `font` into every rFonts slot of a w:rPr, East-Asian included.

    The theme attributes (w:eastAsiaTheme …) are removed because Word lets them override the
    explicit names; python-docx's `font.name` would set only w:ascii and w:hAnsi.
    """
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        # rFonts must come first in rPr (CT_RPr sequence), or strict readers reject the file.
        rpr.insert(0, rfonts)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{theme}"), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), font)
    if hint_east_asia:
        # Characters such as the em dash are shared by Latin and CJK fonts; the hint makes Word
        # draw them full-width from the East-Asian font.
        rfonts.set(qn("w:hint"), "eastAsia")


def _set_size(rpr: BaseOxmlElement, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    _set(rpr, "w:sz", val=half_points)
    _set(rpr, "w:szCs", val=half_points)


def _exact_spacing(ppr: BaseOxmlElement, line_twips: int) -> None:
    _set(ppr, "w:spacing", before="0", after="0", line=str(line_twips), lineRule="exact")


def _reorder(el: BaseOxmlElement, order: tuple[str, ...]) -> None:
    """Put known children of a pPr/rPr into schema order (Word refuses out-of-order elements)."""
    rank = {qn(tag): i for i, tag in enumerate(order)}
    children = list(el)
    children.sort(key=lambda c: rank.get(c.tag, len(order)))
    for child in children:
        el.remove(child)
        el.append(child)


_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:widowControl",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:jc",
    "w:outlineLvl",
    "w:rPr",
)
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:spacing", "w:sz", "w:szCs", "w:lang")


# ---------------------------------------------------------------------------------------------
# Document setup


def _setup_defaults(doc: DocxDocument) -> None:
    """Document defaults: body font and size, Chinese language, no paragraph spacing.

    The language matters: with zh-CN, Word and LibreOffice apply Chinese line-breaking rules
    (no closing punctuation at a line start).
    """
    doc_defaults = _set(doc.styles.element, "w:docDefaults")
    rpr = _set(_set(doc_defaults, "w:rPrDefault"), "w:rPr")
    set_run_fonts(rpr, FONT_BODY)
    _set_size(rpr, BODY_SIZE_PT)
    _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    _reorder(rpr, _RPR_ORDER)
    ppr = _set(_set(doc_defaults, "w:pPrDefault"), "w:pPr")
    _exact_spacing(ppr, LINE_PITCH_TWIPS)

    settings = doc.settings.element
    # The template says ja-JP: theme fonts would resolve to Japanese faces.
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _add_paragraph_style(
    doc: DocxDocument,
    spec: tuple[str, str, str, float],
    *,
    align: WD_ALIGN_PARAGRAPH,
    first_line_twips: int = 0,
    outline_level: int | None = None,
    keep_next: bool = False,
    snap_to_grid: bool = True,
    line_twips: int = LINE_PITCH_TWIPS,
    auto_space: bool = True,
) -> ParagraphStyle:
    style_id, name, font, size_pt = spec
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.style_id = style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    pf = style.paragraph_format
    pf.alignment = align
    pf.first_line_indent = Twips(first_line_twips) if first_line_twips else None
    pf.keep_with_next = keep_next
    # 公文 do not move single lines across pages: it would break the 22-line page.
    pf.widow_control = False
    ppr = style.element.get_or_add_pPr()
    _exact_spacing(ppr, line_twips)
    if not snap_to_grid:
        _set(ppr, "w:snapToGrid", val="0")
    if not auto_space:
        _set(ppr, "w:autoSpaceDE", val="0")
        _set(ppr, "w:autoSpaceDN", val="0")
    if outline_level is not None:
        # Outline levels give Word's navigation pane and table of contents the headings.
        _set(ppr, "w:outlineLvl", val=str(outline_level))
    _reorder(ppr, _PPR_ORDER)
    rpr = style.element.get_or_add_rPr()
    set_run_fonts(rpr, font)
    _set_size(rpr, size_pt)
    _set(rpr, "w:spacing", val=str(CHAR_SPACING_TWIPS))
    _reorder(rpr, _RPR_ORDER)
    return style


def _setup_styles(doc: DocxDocument) -> None:
    # The title is taller than the body font: snapping it to the grid would give it two lines.
    _add_paragraph_style(doc, STYLE_TITLE, align=WD_ALIGN_PARAGRAPH.CENTER, snap_to_grid=False)
    _add_paragraph_style(
        doc, STYLE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line_twips=INDENT_2_CHARS_TWIPS
    )
    _add_paragraph_style(doc, STYLE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)
    for level, spec in enumerate(STYLE_HEADINGS):
        _add_paragraph_style(
            doc,
            spec,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_line_twips=INDENT_2_CHARS_TWIPS,
            outline_level=level,
            keep_next=True,
        )
    # No extra space between Chinese and digits in the signature, whose placement is computed
    # from character widths (2025年3月20日 is 6.5 characters, not 8).
    _add_paragraph_style(doc, STYLE_SIGNATURE, align=WD_ALIGN_PARAGRAPH.RIGHT, auto_space=False)
    _add_paragraph_style(
        doc,
        STYLE_PAGE_NUMBER,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        line_twips=PAGE_NUMBER_LINE_TWIPS,
        snap_to_grid=False,
    )


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    # Word grows a footer upwards from this distance: put the bottom of the one exact-height
    # page-number line so that its middle, where the dashes sit, is 7 mm below the text block.
    line_mm = PAGE_NUMBER_LINE_TWIPS / 20 * 25.4 / 72
    section.footer_distance = Emu(Mm(MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - line_mm / 2))

    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    # "lines" only: Word's "lines and characters" grid is laid out wrongly by LibreOffice.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))

    doc.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer.paragraphs[0], odd=True)
    _page_number_footer(section.even_page_footer.paragraphs[0], odd=False)


def _page_number_footer(paragraph: Paragraph, *, odd: bool) -> None:
    """Page number "— N —" with a PAGE field: right, one character in, on odd pages; left on even."""
    paragraph.style = STYLE_PAGE_NUMBER[1]
    pf = paragraph.paragraph_format
    pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        pf.right_indent = Twips(PAGE_NUMBER_SIDE_TWIPS)
    else:
        pf.left_indent = Twips(PAGE_NUMBER_SIDE_TWIPS)

    def run(text: str | None = None, *, dash: bool = False) -> BaseOxmlElement:
        r = OxmlElement("w:r")
        if dash:
            set_run_fonts(_set(r, "w:rPr"), FONT_PAGE_NUMBER, hint_east_asia=True)
        if text is not None:
            t = OxmlElement("w:t")
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
        paragraph._p.append(r)
        return r

    def field_char(kind: str) -> None:
        _set(run(), "w:fldChar", fldCharType=kind)

    run("— ", dash=True)
    field_char("begin")
    instr = OxmlElement("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run().append(instr)
    field_char("separate")
    run("1")  # cached result, shown by viewers that do not update fields
    field_char("end")
    run(" —", dash=True)


# ---------------------------------------------------------------------------------------------
# Content


def _paragraph(doc: DocxDocument, style: tuple[str, str, str, float], text: str = "") -> Paragraph:
    p = doc.add_paragraph(style=style[1])
    if text:
        p.add_run(clean_text(text))
    return p


def _section(doc: DocxDocument, section: Section, level: int, number: int) -> None:
    style = STYLE_HEADINGS[level - 1] if level <= len(STYLE_HEADINGS) else None
    if style is None:
        raise ValueError(f"公文结构层次最多四层:「{section.heading}」在第{level}层")
    heading = clean_text(section.heading)
    if not _MARKERS[level - 1].match(heading):
        heading = heading_marker(level, number) + heading
    paragraphs = [clean_text(t) for t in section.paragraphs if clean_text(t)]
    p = _paragraph(doc, style, heading)
    if heading.endswith(_RUN_IN_END) and paragraphs:
        # Run-in heading: the text continues in the body font inside the heading paragraph.
        body_run = p.add_run(paragraphs.pop(0))
        set_run_fonts(body_run._r.get_or_add_rPr(), FONT_BODY)
        # It is a text paragraph now: keeping it with the next would chain whole points across
        # a page break.
        p.paragraph_format.keep_with_next = False
    for text in paragraphs:
        _paragraph(doc, STYLE_BODY, text)
    for i, sub in enumerate(section.subsections, start=1):
        _section(doc, sub, level + 1, i)


def _signature(doc: DocxDocument, issuer: str, date: datetime.date) -> None:
    """Issuer lines above the date, placed by GB/T 9704 7.3.5.2 (document without a seal).

    The rule is about first characters (the date's starts two characters right of the issuer's),
    so in the usual case the date is placed by a left indent, which does not depend on how wide
    the renderer draws its digits; only a date longer than the issuer is right-aligned.
    """
    issuers = [clean_text(line) for line in issuer.splitlines() if clean_text(line)]
    date_text = chinese_date(date)
    widest = max((text_width_chars(s) for s in issuers), default=0.0)
    date_width = text_width_chars(date_text)
    issuer_right, date_right = signature_indents(widest, date_width)
    # The signature should not stand alone on a page: the blank line and the issuers are kept
    # with the date, and a short last paragraph with them. Only a short one: LibreOffice moves
    # a kept paragraph whole, and a long one would leave most of a page empty.
    if doc.paragraphs:
        last = doc.paragraphs[-1]
        lines = (text_width_chars(last.text) + 2) / CHARS_PER_LINE
        if 0 < lines <= KEEP_LAST_PARAGRAPH_LINES:
            last.paragraph_format.keep_with_next = True
    _paragraph(doc, STYLE_BODY).paragraph_format.keep_with_next = True  # 正文下空一行
    for line in issuers:
        p = _paragraph(doc, STYLE_SIGNATURE, line)
        p.paragraph_format.keep_with_next = True
        # Shorter bodies of a joint issue start where the longest starts.
        extra = widest - text_width_chars(line)
        p.paragraph_format.right_indent = Twips(round((issuer_right + extra) * CELL_TWIPS))
    p = _paragraph(doc, STYLE_SIGNATURE, date_text)
    if issuers and date_right > 2.0:
        date_start = TEXT_WIDTH_TWIPS - round((issuer_right + widest - 2.0) * CELL_TWIPS)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        p.paragraph_format.left_indent = Twips(date_start)
    else:
        p.paragraph_format.right_indent = Twips(round(date_right * CELL_TWIPS))


def build_official_docx(doc: OfficialDocument) -> DocxDocument:
    """The python-docx Document for `doc` (for callers that want to add to it before saving)."""
    if not clean_text(doc.title):
        raise ValueError("公文标题不能为空")
    docx = Document()
    _setup_defaults(docx)
    _setup_styles(docx)
    _setup_page(docx)
    # python-docx's template starts with no paragraphs; everything below appends in order.
    if doc.doc_number:
        p = _paragraph(docx, STYLE_BODY, doc.doc_number)
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Twips(0)
        _paragraph(docx, STYLE_BODY)
    for line in clean_text(doc.title).splitlines():
        _paragraph(docx, STYLE_TITLE, line)
    _paragraph(docx, STYLE_BODY)  # 标题下空一行
    if doc.recipients:
        recipients = clean_text(doc.recipients).rstrip(":：")
        _paragraph(docx, STYLE_RECIPIENTS, recipients + "：")
    for text in doc.opening:
        if clean_text(text):
            _paragraph(docx, STYLE_BODY, text)
    for i, section in enumerate(doc.sections, start=1):
        _section(docx, section, 1, i)
    _signature(docx, doc.issuer, doc.date)
    return docx


def write_official_docx(doc: OfficialDocument, path_or_stream: str | os.PathLike[str] | IO[bytes]) -> None:
    """Write `doc` as a GB/T 9704-2012 .docx to a path or a binary stream."""
    built = build_official_docx(doc)
    built.save(path_or_stream)  # type: ignore[arg-type]


__all__ = [
    "OfficialDocument",
    "Section",
    "build_official_docx",
    "chinese_date",
    "chinese_number",
    "heading_marker",
    "set_run_fonts",
    "signature_indents",
    "text_width_chars",
    "write_official_docx",
]
