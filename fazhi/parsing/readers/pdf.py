"""PDF via pdfplumber: text page by page; ruled tables become `| ... |` rows in place.

Table detection is only trusted for ruled grids of at least 2×2 cells; if anything about a
page's tables goes wrong, that page falls back to plain text.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import fail, table_row

# pdfminer logs a warning for every malformed object it skips; a damaged upload would flood the
# CLI's stderr and the server log. Real failures surface as ParseError instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CID = re.compile(r"\(cid:\d+\)")
_LATIN = re.compile(r"[A-Za-z0-9]")
Bbox = tuple[float, float, float, float]


def _is_encryption_error(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError

    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        if isinstance(seen, PDFEncryptionError) or any(isinstance(a, PDFEncryptionError) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _inside(obj: dict[str, Any], boxes: list[Bbox]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)


def _join_wrapped(text: str) -> str:
    """A cell's visual lines as one line.

    A wrap inside Chinese text is not a space, so wrapped lines are joined directly; a space goes
    only between two Latin words, or after a clearly short line (the end of a paragraph).
    """
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    if not parts:
        return ""
    widest = max(len(p) for p in parts)
    out = parts[0]
    for prev, part in zip(parts, parts[1:], strict=False):
        ends_paragraph = len(prev) <= 0.7 * widest
        latin_wrap = _LATIN.match(out[-1]) and _LATIN.match(part[0])
        out += (" " if ends_paragraph or latin_wrap else "") + part
    return out


def _table_lines(table: Any) -> list[str]:
    """Rows of a found table; a cell spanning rows is repeated, one spanning columns written once."""
    texts: dict[Bbox, str] = {}
    for row, row_text in zip(table.rows, table.extract(), strict=True):
        for bbox, text in zip(row.cells, row_text, strict=True):
            if bbox is not None:
                texts[tuple(bbox)] = _join_wrapped(text or "")
    cells = list(texts)
    # A row's (column's) cells share their top (left) edge; the shortest (narrowest) one gives
    # its extent, since a merged cell in it reaches into the following rows (columns).
    xs = []
    for col in table.columns:
        present = [c for c in col.cells if c is not None]
        xs.append((present[0][0] + min(c[2] for c in present)) / 2)
    lines: list[str] = []
    for row in table.rows:
        present = [c for c in row.cells if c is not None]
        y = (present[0][1] + min(c[3] for c in present)) / 2
        out: list[str] = []
        prev: Bbox | None = None
        for x in xs:
            cover = next((b for b in cells if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            if cover is not None and cover == prev:
                continue
            prev = cover
            out.append(texts[cover] if cover is not None else "")
        line = table_row(out)
        if line:
            lines.append(line)
    return lines


def _plain_lines(page: Any) -> list[str]:
    text = page.extract_text() or ""
    return [s.strip() for s in text.split("\n") if s.strip()]


def _page_lines(page: Any) -> list[str]:
    try:
        tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
        if not tables:
            return _plain_lines(page)
        boxes: list[Bbox] = [tuple(t.bbox) for t in tables]
        rest = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
        items: list[tuple[float, list[str]]] = [
            (ln["top"], [ln["text"].strip()]) for ln in rest.extract_text_lines() if ln["text"].strip()
        ]
        items += [(t.bbox[1], _table_lines(t)) for t in tables]
        items.sort(key=lambda item: item[0])
        return [line for _, block in items for line in block]
    except Exception:
        return _plain_lines(page)


def read_pdf(data: bytes, filename: str) -> RawText:
    if b"%%EOF" not in data[-1024:]:
        raise fail(
            filename, "不完整或已损坏(缺少PDF结束标记,可能下载或上传中断),无法读取;请重新获取完整文件后再上传"
        )
    import pdfplumber

    lines: list[str] = []
    warnings: list[str] = []
    textless: list[int] = []
    has_images = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ValueError("no pages")
            for number, page in enumerate(pdf.pages, 1):
                page_lines = _page_lines(page)
                if not page_lines:
                    textless.append(number)
                    has_images = has_images or bool(page.images)
                lines.extend(page_lines)
                page.close()  # frees the page's cached layout; long plans have many pages
    except Exception as exc:
        if _is_encryption_error(exc):
            raise fail(filename, "已加密,无法读取;请先解除密码保护后再上传") from exc
        raise fail(filename, "不是有效的PDF文件或已损坏,无法读取;请重新导出PDF后再上传") from exc
    if not lines and not has_images:
        raise fail(filename, "中没有可提取的文字(可能已损坏,或文字被转成了图形);请上传Word版本或重新导出PDF")
    if not lines:
        raise fail(filename, "是扫描图片,没有文字层,无法直接读取;请先进行文字识别(OCR)或上传Word版本")
    joined = "".join(lines)
    cids = _CID.findall(joined)
    if cids and sum(map(len, cids)) > len(joined) * 0.5:
        raise fail(filename, "使用的字体无法提取文字(内容显示为字形编号),请先进行文字识别(OCR)或上传Word版本")
    if cids:
        lines = [_CID.sub("", s) for s in lines]
        warnings.append(f"有{len(cids)}个字符的字体无法解码,已略去,请核对原文")
    if textless:
        pages = "、".join(map(str, textless[:10])) + ("等" if len(textless) > 10 else "")
        warnings.append(f"第{pages}页没有文字层(可能是扫描图片),其内容未读取")
    return RawText(lines=lines, source_format="pdf", warnings=warnings)
