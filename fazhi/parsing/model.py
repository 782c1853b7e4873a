"""The parser's data contract: what every reader produces and what the parser returns.

Kept free of Django (and of any heavy import) so the parser runs as a plain library and CLI.
The JSON shape of `ParsedPlan.to_dict()` is the contract in shared/PRODUCT.md ("Parser output
contract"); the platform stores exactly these fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


class ParseError(Exception):
    """A document the parser cannot read at all (corrupt, encrypted, image-only, unsupported).

    `message` is a one-line Simplified Chinese text meant for the person who uploaded the file.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RawText:
    """What a reader returns: the document as lines of text, in document order.

    Table rows are written as one line each with cells separated by " | " and the line wrapped
    in "| ... |", so flattened tables from any format (docx, xlsx, html, pdf) reach the
    segmenter in one shape. A merged cell is repeated in every row it spans (vertical merges)
    or written once (horizontal merges).
    """

    lines: list[str]
    source_format: str  # txt, docx, doc, pdf, html, xlsx
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Target:
    """A quantitative target found in a task's text, e.g. 至少2次 → op '>=', value 2, unit '次'."""

    text: str
    op: str  # one of >= > <= < ==
    value: float | int
    unit: str | None = None
    period: str | None = None  # year, quarter, month, week, None


@dataclass
class Task:
    number: str
    level: str  # "一、" "(一)" "1." "(1)" "①" "第X条" or "row"
    heading_path: list[str] = field(default_factory=list)
    title: str | None = None
    content: str = ""
    lead_units: list[str] = field(default_factory=list)
    responsible_units: list[str] = field(default_factory=list)
    deadline: str | None = None  # YYYY-MM-DD
    deadline_text: str | None = None
    recurrence: dict[str, Any] | None = None
    targets: list[Target] = field(default_factory=list)
    # Offsets of the task's text in the normalised document, for highlighting in the preview.
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass
class ParsedPlan:
    title: str | None
    issuer: str | None
    date: str | None  # YYYY-MM-DD
    tasks: list[Task] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    source_format: str | None = None
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "date": self.date,
            "year": self.year,
            "source_format": self.source_format,
            "tasks": [t.to_dict() for t in self.tasks],
            "warnings": list(self.warnings),
        }
