"""Entry points of the parser: bytes/file/text → ParsedPlan. (Being written.)"""

from __future__ import annotations

from fazhi.parsing.model import ParsedPlan


def parse_lines(lines: list[str], source_format: str = "txt") -> ParsedPlan:
    raise NotImplementedError


def parse_text(text: str) -> ParsedPlan:
    return parse_lines(text.splitlines())


def parse_bytes(data: bytes, filename: str) -> ParsedPlan:
    from fazhi.parsing.readers import read_bytes

    raw = read_bytes(data, filename)
    plan = parse_lines(raw.lines, raw.source_format)
    plan.warnings[:0] = raw.warnings
    return plan


def parse_file(path: str) -> ParsedPlan:
    with open(path, "rb") as fh:
        data = fh.read()
    return parse_bytes(data, path)
