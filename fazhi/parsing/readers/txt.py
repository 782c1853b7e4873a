"""Plain text: find the encoding without ever returning mojibake silently.

Order matters (see shared/STACK.md): a BOM, a declared charset, strict UTF-8, strict GB18030
(a superset of GBK/GB2312), and only then charset-normalizer, which guesses short GBK text as
Big5. Big5 bytes also decode "cleanly" as GB18030, so a GB18030 result made mostly of characters
outside GB2312 is checked against Big5 first.
"""

from __future__ import annotations

import codecs
import unicodedata

from fazhi.parsing.model import RawText
from fazhi.parsing.readers.common import fail

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_GB_ALIASES = {"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "hz"}
# Encodings worth accepting from detection for Chinese documents; anything else it proposes
# (cp1252, koi8_r, ...) would be mojibake for this corpus.
_DETECTED_OK = {"big5", "big5hkscs", "cp950", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "gb18030", "gbk"}
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")


class UndecodableError(ValueError):
    """No encoding gives clean text; `binary` when the bytes do not look like text at all."""

    def __init__(self, binary: bool) -> None:
        super().__init__("undecodable")
        self.binary = binary


def _canonical(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("'\"").lower()).name
    except LookupError:
        return None
    if codec in _GB_ALIASES or codec.replace("-", "_") in _GB_ALIASES:
        return "gb18030"
    return codec


def _plausible(text: str) -> bool:
    """Text, not binary or mojibake: few control characters and few private-use characters."""
    if not text:
        return True
    sample = text[:200_000]
    bad = sum(1 for c in sample if (c < " " and c not in _ALLOWED_CONTROLS) or c == "\x7f")
    pua = sum(1 for c in sample if unicodedata.category(c) in ("Co", "Cn"))
    return bad <= len(sample) * 0.005 and pua <= len(sample) * 0.02


def _non_gb2312_share(text: str) -> float:
    cjk = [c for c in text[:50_000] if "\u3400" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    missing = 0
    for c in cjk:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            missing += 1
    return missing / len(cjk)


def _expected_scripts(text: str) -> bool:
    """Mostly Chinese, ASCII or CJK punctuation: what any real plan consists of.

    Detection can "find" UTF-16 or Korean in random bytes; a result full of Hangul or rare
    symbols is mojibake for this corpus.
    """
    sample = text[:20_000]
    if not sample:
        return True
    ok = sum(
        1
        for c in sample
        if c < "\x80" or "\u3000" <= c <= "\u303f" or "\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"
    )
    return ok >= 0.9 * len(sample)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _plausible(text) else None


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding not in _DETECTED_OK:
        return None
    text = _strict(data, best.encoding)
    if text is None or not _expected_scripts(text):
        return None
    return text, best.encoding


def _tolerant(data: bytes, candidates: list[str]) -> tuple[str, str, int] | None:
    """The candidate decoding with the fewest undecodable bytes, if there are only a handful."""
    best: tuple[str, str, int] | None = None
    for enc in candidates:
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(3, len(text) // 500) and _plausible(text) and (best is None or bad < best[2]):
            best = (text, enc, bad)
    return best


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) for `data`; raises UndecodableError."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data, enc)
            if text is not None:
                return text, enc, []
            break
    declared_codec = _canonical(declared)
    # Single-byte codecs decode any bytes, so a declared latin-1 proves nothing; skip it.
    if declared_codec and declared_codec not in {"latin_1", "iso8859-1", "cp1252", "ascii"}:
        text = _strict(data, declared_codec)
        if text is not None:
            return text, declared_codec, []
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8", []
    text = _strict(data, "gb18030")
    if text is not None:
        if _non_gb2312_share(text) > 0.15:
            big5 = _strict(data, "big5hkscs")
            if big5 is not None:
                return big5, "big5", []
        return text, "gb18030", []
    detected = _detect(data)
    if detected is not None:
        return detected[0], detected[1], []
    candidates = [c for c in (declared_codec, "utf-8", "gb18030") if c]
    loose = _tolerant(data, list(dict.fromkeys(candidates)))
    if loose is not None:
        text, enc, bad = loose
        return text, enc, [f"有{bad}处字节无法按{enc}解码,已替换为“\ufffd”,请核对原文"]
    binary = b"\x00" in data[:4096] or not _plausible(data[:4096].decode("latin-1"))
    raise UndecodableError(binary)


def split_lines(text: str) -> list[str]:
    """Lines of `text`; \\r\\n, \\r and form feeds (page breaks in text exports) end a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_txt(data: bytes, filename: str) -> RawText:
    try:
        text, encoding, warnings = decode_text(data)
    except UndecodableError as exc:
        if exc.binary:
            raise fail(
                filename, "不是文本文件,也不是可识别的文档格式(docx/doc/pdf/html/xlsx/txt),无法读取"
            ) from None
        raise fail(
            filename, "的文字编码无法识别(不是UTF-8、GBK/GB18030或Big5),请另存为UTF-8编码后再上传"
        ) from None
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        raise fail(filename, "没有文字内容")
    return RawText(lines=lines, source_format="txt", encoding=encoding, warnings=warnings)
