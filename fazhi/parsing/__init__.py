"""Plan parser: a published plan document (txt, docx, doc, pdf, html, xlsx) → task ledger.

Plain Python; must never import Django (tests/parsing/test_purity.py checks it).

    from fazhi.parsing import parse_file, parse_bytes, parse_text
    plan = parse_file("plan.docx")
    plan.to_dict()   # the JSON contract of `fazhi parse --format json`
"""

from fazhi.parsing.model import ParsedPlan, ParseError, RawText, Target, Task
from fazhi.parsing.pipeline import parse_bytes, parse_file, parse_lines, parse_text

__all__ = [
    "ParseError",
    "ParsedPlan",
    "RawText",
    "Target",
    "Task",
    "parse_bytes",
    "parse_file",
    "parse_lines",
    "parse_text",
]
