"""Word .docx: paragraphs, tables and simple text boxes, in body order.

The body XML is walked directly rather than through python-docx's Paragraph/Table objects:
`Paragraph.text` misses content controls, tracked insertions, text boxes and automatic
numbering, and row.cells repeats horizontally merged cells. python-docx still opens the package.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import fail, open_zip_guarded, table_row
from fazhi.parsing.readers.docx_numbering import Numbering

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

P, TBL, TR, TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
TXBX = _W + "txbxContent"
ALTERNATE, CHOICE, FALLBACK = _MC + "AlternateContent", _MC + "Choice", _MC + "Fallback"
# Subtrees whose text is not part of what the reader sees on the page.
_SKIP = {
    _W + "delText",
    _W + "del",
    _W + "moveFrom",
    _W + "instrText",
    _W + "pPr",
    _W + "rPr",
    _W + "tblPr",
    _W + "trPr",
    _W + "tcPr",
    FALLBACK,
}
VAL = _W + "val"

Element = Any  # lxml element; typed loosely because python-docx exposes its own subclasses


@dataclass
class _Ctx:
    numbering: Numbering
    toc_styles: frozenset[str] = frozenset()
    skipped_toc: int = 0

    def is_toc(self, p: Element) -> bool:
        style = p.find(f"{_W}pPr/{_W}pStyle")
        return style is not None and style.get(VAL) in self.toc_styles


def _toc_styles(styles: Element | None) -> frozenset[str]:
    """Ids of the "toc N" paragraph styles (ids may be localised or numeric; names are not)."""
    if styles is None:
        return frozenset()
    ids = set()
    for st in styles.iter(_W + "style"):
        name = st.find(_W + "name")
        if name is not None and name.get(VAL, "").lower().startswith("toc "):
            ids.add(st.get(_W + "styleId", ""))
    return frozenset(ids)


def _is_toc_sdt(sdt: Element) -> bool:
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and "Table of Contents" in gallery.get(VAL, "")


def _wrapped(el: Element) -> list[Element]:
    """Children, looking through content controls, custom XML and alternate content."""
    out: list[Element] = []
    for child in el:
        if child.tag == SDT:
            if _is_toc_sdt(child):
                continue  # a table of contents repeats the headings, with page numbers
            content = child.find(SDT_CONTENT)
            if content is not None:
                out.extend(_wrapped(content))
        elif child.tag == CUSTOM_XML:
            out.extend(_wrapped(child))
        elif child.tag == ALTERNATE:
            choice = child.find(CHOICE)
            if choice is not None:
                out.extend(_wrapped(choice))
        else:
            out.append(child)
    return out


def _paragraph(p: Element, ctx: _Ctx) -> tuple[list[str], list[Element]]:
    """The paragraph's lines (a manual line break starts a new line) and its text boxes."""
    lines: list[str] = []
    buf: list[str] = [ctx.numbering.label(p)]
    boxes: list[Element] = []

    def walk(el: Element) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == _W + "t":
                buf.append(child.text or "")
            elif tag in (_W + "tab", _W + "ptab"):
                buf.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                lines.append("".join(buf))
                buf.clear()
            elif tag == _W + "noBreakHyphen":
                buf.append("-")
            elif tag == TXBX:
                boxes.append(child)
            else:
                walk(child)

    walk(p)
    lines.append("".join(buf))
    return [s.strip() for s in lines if s.strip()], boxes


def _cell_text(tc: Element, ctx: _Ctx) -> str:
    parts: list[str] = []
    _blocks(tc, parts, ctx, nested=True)
    return " ".join(parts)


def _span(tc: Element) -> int:
    grid = tc.find(f"{_W}tcPr/{_W}gridSpan")
    try:
        return max(1, int(grid.get(VAL))) if grid is not None else 1
    except (TypeError, ValueError):
        return 1


def _table(tbl: Element, out: list[str], ctx: _Ctx, nested: bool) -> None:
    rows = [r for r in _wrapped(tbl) if r.tag == TR]
    cells_per_row = [[c for c in _wrapped(r) if c.tag == TC] for r in rows]
    if not nested and all(len(cells) <= 1 for cells in cells_per_row):
        # A one-column table is a frame around ordinary paragraphs (a common template trick).
        for cells in cells_per_row:
            for tc in cells:
                _blocks(tc, out, ctx, nested=False)
        return
    open_merges: dict[int, str] = {}  # grid column -> text of the vertically merged cell above
    for tr, cells in zip(rows, cells_per_row, strict=True):
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        col = int(before.get(VAL, "0")) if before is not None and before.get(VAL, "").isdigit() else 0
        texts: list[str] = []
        for tc in cells:
            span = _span(tc)
            vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
            hmerge = tc.find(f"{_W}tcPr/{_W}hMerge")
            if hmerge is not None and hmerge.get(VAL) != "restart":
                col += span  # legacy horizontal merge: the cell is written once, by its first part
                continue
            if vmerge is not None and vmerge.get(VAL) != "restart":
                text = open_merges.get(col, "")
            else:
                text = _cell_text(tc, ctx)
                if vmerge is not None:
                    open_merges[col] = text
                else:
                    open_merges.pop(col, None)
            texts.append(text)
            col += span
        if nested:
            joined = " ".join(t for t in texts if t)
            if joined:
                out.append(joined)
        else:
            line = table_row(texts)
            if line:
                out.append(line)


def _blocks(container: Element, out: list[str], ctx: _Ctx, nested: bool) -> None:
    for child in _wrapped(container):
        if child.tag == P:
            if ctx.is_toc(child):
                ctx.skipped_toc += 1
                continue
            lines, boxes = _paragraph(child, ctx)
            out.extend(lines)
            for box in boxes:
                _blocks(box, out, ctx, nested)
        elif child.tag == TBL:
            _table(child, out, ctx, nested)


def _part_element(part: Any, reltype: str) -> Element | None:
    """The XML of the document part's related part (numbering, styles), if it has one."""
    from docx.oxml import parse_xml

    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            target = rel.target_part
            element = getattr(target, "element", None)
            return element if element is not None else parse_xml(target.blob)
    return None


def _body(data: bytes) -> tuple[Element, _Ctx]:
    """The body element and the document's numbering, via python-docx's package loading."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.package import OpcPackage
    from docx.oxml import parse_xml

    # OpcPackage rather than docx.Document: the latter refuses .docm/.dotx content types,
    # which hold the same XML.
    part = OpcPackage.open(io.BytesIO(data)).main_document_part
    element = getattr(part, "element", None)
    root = element if element is not None else parse_xml(part.blob)
    body = root.find(_W + "body")
    if body is None:
        raise ValueError("no body")
    styles = _part_element(part, RT.STYLES)
    return body, _Ctx(Numbering(_part_element(part, RT.NUMBERING), styles), _toc_styles(styles))


def docx_lines(data: bytes, filename: str) -> tuple[list[str], list[str]]:
    """The lines of a .docx and any warnings; raises ParseError when unsafe or unreadable."""
    open_zip_guarded(data, filename, "Word(.docx)").close()
    try:
        body, ctx = _body(data)
        out: list[str] = []
        _blocks(body, out, ctx, nested=False)
    except Exception as exc:
        raise fail(
            filename, "不是有效的Word(.docx)文件或已损坏,无法打开;请用Word/WPS打开后重新保存再上传"
        ) from exc
    toc = ctx.skipped_toc or any(_is_toc_sdt(sdt) for sdt in body.iter(SDT))
    warnings = ["已略去文档中的目录"] if toc else []
    return out, warnings


def read_docx(data: bytes, filename: str) -> RawText:
    lines, warnings = docx_lines(data, filename)
    if not lines:
        raise fail(filename, "中没有文字内容")
    return RawText(lines=lines, source_format="docx", warnings=warnings)
