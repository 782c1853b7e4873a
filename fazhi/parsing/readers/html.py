"""HTML pages (and Word's single-file .mht web pages): visible text as lines, tables as rows.

Website chrome inside the article (浏览次数, 打印本页) is kept for the normaliser to drop; only
whole navigation/script/form elements are removed here.
"""

from __future__ import annotations

import email
import email.policy
import re
from typing import Any

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import fail, table_row
from fazhi.parsing.readers.sniff import looks_like_mht
from fazhi.parsing.readers.txt import UndecodableError, decode_text

_DROP = {
    "script", "style", "noscript", "nav", "iframe", "form", "button", "select", "textarea",
    "template", "svg", "object", "embed", "head", "input", "map",
}  # fmt: skip
_BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "td", "th", "table", "tbody", "thead", "tfoot", "caption", "section", "article", "main",
    "aside", "blockquote", "pre", "address", "center", "hr", "figure", "figcaption", "header",
    "footer", "body", "html", "title",
}  # fmt: skip
_NAV_NAME = re.compile(
    r"(^|[-_])(nav|navbar|subnav|topnav|mainnav|menu|mainmenu|topmenu|menubar)([-_]|$)", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f]+")
_LAYOUT_CELL_CHARS = 800
_MAX_ROWSPAN = 1000


def _declared_charset(data: bytes) -> str | None:
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", errors="ignore") if m else None


def _mht_html(data: bytes) -> tuple[bytes, str | None]:
    """The HTML part of a MIME-HTML archive, with its charset."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    raise ValueError("no text/html part")


def _is_nav(tag: Any) -> bool:
    if tag.get("role") == "navigation":
        return True
    names = list(tag.get("class") or []) + [tag.get("id") or ""]
    return tag.name in {"ul", "ol", "div", "table", "td"} and any(_NAV_NAME.search(n) for n in names if n)


def _is_hidden(tag: Any) -> bool:
    style = str(tag.get("style") or "").replace(" ", "").lower()
    return tag.has_attr("hidden") or "display:none" in style or "visibility:hidden" in style


def _is_chrome_wrapper(tag: Any) -> bool:
    # <header>/<footer> of the page are chrome; inside an <article> they hold the title/date.
    return tag.name in {"header", "footer"} and tag.find_parent(["article", "main"]) is None


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self._buf: list[str] = []

    def add(self, text: str) -> None:
        self._buf.append(text)

    def flush(self) -> None:
        line = "".join(self._buf).strip()
        self._buf.clear()
        if line:
            self.lines.append(line)


def _own_rows(table: Any) -> list[Any]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cells(tr: Any) -> list[Any]:
    return list(tr.find_all(["td", "th"], recursive=False))


def _int_attr(tag: Any, name: str, cap: int) -> int:
    try:
        value = int(str(tag.get(name, "1")).strip() or "1")
    except ValueError:
        return 1
    return cap if value == 0 else max(1, min(value, cap))  # rowspan=0 means "to the end"


def _cell_text(cell: Any) -> str:
    out = _Lines()
    _walk(cell, out, pre=False)
    out.flush()
    return " ".join(out.lines)


def _is_layout_table(table: Any, rows: list[Any]) -> bool:
    """Old government sites lay whole pages out in tables; only data tables become rows."""
    if not rows or table.find("table") is not None:
        return True
    if max(len(_cells(tr)) for tr in rows) <= 1:
        return True
    return any(_holds_an_article(c) for tr in rows for c in _cells(tr))


def _holds_an_article(cell: Any) -> bool:
    """A cell holding headings, or several paragraphs of real length, is page layout, not data."""
    text_len = len(cell.get_text(strip=True))
    if text_len > _LAYOUT_CELL_CHARS or cell.find(["h1", "h2", "h3", "h4", "h5", "h6"]) is not None:
        return True
    return text_len > 200 and len(cell.find_all(["p", "div", "br"])) >= 3


def _table(table: Any, out: _Lines) -> None:
    rows = _own_rows(table)
    if _is_layout_table(table, rows):
        _walk(table, out, pre=False)  # its cells become blocks; nested tables are judged again
        return
    out.flush()
    pending: dict[int, tuple[int, str, int]] = {}  # column -> (rows left, text, colspan)
    for tr in rows:
        texts: list[str] = []
        col = 0
        cells = _cells(tr)
        i = 0
        touched: set[int] = set()
        while i < len(cells) or any(c >= col for c in pending if c not in touched):
            if col in pending and col not in touched:
                left, text, span = pending.pop(col)
                if left > 1:
                    pending[col] = (left - 1, text, span)
                touched.add(col)
                texts.append(text)
                col += span
                continue
            if i >= len(cells):
                # A short row: skip to the next spanning cell.
                col = min(c for c in pending if c >= col and c not in touched)
                continue
            cell = cells[i]
            i += 1
            rowspan = _int_attr(cell, "rowspan", _MAX_ROWSPAN)
            colspan = _int_attr(cell, "colspan", 1000)
            text = _cell_text(cell)
            if rowspan > 1:
                pending[col] = (rowspan - 1, text, colspan)
                touched.add(col)
            texts.append(text)
            col += colspan
        # A spanning cell that this (malformed) row overlapped still uses up one of its rows.
        for c in [c for c in pending if c not in touched]:
            left, text, span = pending.pop(c)
            if left > 1:
                pending[c] = (left - 1, text, span)
        line = table_row(texts)
        if line:
            out.lines.append(line)


def _walk(node: Any, out: _Lines, pre: bool) -> None:
    from bs4.element import NavigableString, Tag

    for child in node.children:
        if isinstance(child, Tag):
            name = child.name
            if name in _DROP or _is_hidden(child) or _is_chrome_wrapper(child) or _is_nav(child):
                continue
            if name == "br":
                out.flush()
            elif name == "table":
                _table(child, out)
            elif name in _BLOCK:
                out.flush()
                _walk(child, out, pre or name == "pre")
                out.flush()
            else:
                _walk(child, out, pre)
        elif type(child) is NavigableString:  # not Comment/Doctype/CData
            text = str(child)
            if pre:
                parts = text.replace("\r\n", "\n").split("\n")
                for j, part in enumerate(parts):
                    if j:
                        out.flush()
                    out.add(part)
            else:
                out.add(_SPACES.sub(" ", text))


def read_html(data: bytes, filename: str) -> RawText:
    try:
        declared: str | None
        if looks_like_mht(data):
            data, declared = _mht_html(data)
            declared = declared or _declared_charset(data)
        else:
            declared = _declared_charset(data)
        text, encoding, warnings = decode_text(data, declared)
    except (UndecodableError, ValueError, LookupError) as exc:
        raise fail(
            filename,
            "是网页文件,但其文字编码无法识别,无法读取;请在浏览器中另存为UTF-8网页或复制正文为txt后再上传",
        ) from exc
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(text, "lxml")
        out = _Lines()
        _walk(soup, out, pre=False)
        out.flush()
    except Exception as exc:
        raise fail(filename, "网页结构无法解析,无法读取;请复制正文为txt后再上传") from exc
    if not out.lines:
        raise fail(filename, "网页中没有正文文字")
    return RawText(lines=out.lines, source_format="html", encoding=encoding, warnings=warnings)
