"""Layout repairs on normalised lines: space-separated table rows, hard-wrapped paragraphs."""

from __future__ import annotations

import re
from collections import Counter

from fazhi.parsing.markers import match_marker
from fazhi.parsing.normalize import Line
from fazhi.parsing.tables import (
    ROLE_CATEGORY,
    ROLE_CONTENT,
    ROLE_NUMBER,
    header_role,
    is_header,
)
from fazhi.parsing.units import starts_with_label, trailing_attribution

_NUM_START = re.compile(r"^\d{1,4}\s")
_WIDE_GAP = re.compile(r"[ \u3000\xa0]{2,}")
_INT = re.compile(r"^\d{1,4}$")


def _header_run(cells: list[str]) -> tuple[int, int]:
    """(start, end) of the first run of header words in a line, or (0, 0)."""
    i = 0
    while i < len(cells):
        if header_role(cells[i]):
            h = i
            while h < len(cells) and header_role(cells[h]):
                h += 1
            if h - i >= 3 and is_header(cells[i:h]):
                return i, h
            i = h
        i += 1
    return 0, 0


def _cut_rows(cells: list[str]) -> list[list[str]]:
    """Cut a flat run of cells into rows at row numbers that continue the sequence 1, 2, 3…"""
    starts: list[int] = []
    expected: int | None = None
    for i, c in enumerate(cells):
        if _INT.match(c) and (expected is None or int(c) == expected):
            starts.append(i)
            expected = int(c) + 1
    if len(starts) < 2:
        return []
    bounds = starts + [len(cells)]
    return [cells[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def explode_one_line_tables(lines: list[Line]) -> list[Line]:
    """A whole table printed on one line (pipes or spaces) → one line per row."""
    out: list[Line] = []
    for ln in lines:
        if ln.is_row:
            cells = [c.strip() for c in ln.text.strip().strip("|").split("|")]
            sep = " | "
        else:
            cells = ln.text.split()
            sep = " "
        if len(cells) < 8:
            out.append(ln)
            continue
        start, h = _header_run(cells)
        rows = _cut_rows([c for c in cells[h:] if c]) if h else []
        if not rows:
            out.append(ln)
            continue

        def wrap(cs: list[str], sep: str = sep, row: bool = ln.is_row) -> str:
            return "| " + sep.join(cs) + " |" if row else sep.join(cs)

        if start:
            out.append(Line(sep.join(cells[:start]), ln.source, False))
        out.append(Line(wrap(cells[start:h]), ln.source, ln.is_row))
        for r in rows:
            out.append(Line(wrap(r), ln.source, ln.is_row))
    return out


def convert_space_tables(lines: list[Line]) -> list[Line]:
    """Rows of a table printed with spaces between cells → "| number | text | unit cells |".

    Cells may themselves be broken by spaces, so only the row number (first token) and the
    trailing columns after the last text column (units, deadline) are taken as cells; the rest
    is the task text.
    """
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        run = _headerless_space_rows(lines, i)
        if run:
            out.extend(run)
            i += len(run)
            continue
        wide = [c for c in _WIDE_GAP.split(ln.text.strip())]
        if not ln.is_row and len(wide) >= 3 and is_header(wide):
            # cells separated by runs of spaces: keep them as cells, rows until the gaps end
            out.append(Line("| " + " | ".join(wide) + " |", ln.source, True))
            i += 1
            while i < n and not lines[i].is_row and len(_WIDE_GAP.split(lines[i].text.strip())) >= 2:
                cells = _WIDE_GAP.split(lines[i].text.strip())
                out.append(Line("| " + " | ".join(cells) + " |", lines[i].source, True))
                i += 1
            continue
        tokens = ln.text.split()
        if ln.is_row or len(tokens) < 4 or not is_header(tokens):
            out.append(ln)
            i += 1
            continue
        roles = [header_role(t) for t in tokens]
        last_text = max((k for k, r in enumerate(roles) if r in (ROLE_CONTENT, ROLE_CATEGORY)), default=0)
        tail = len(tokens) - 1 - last_text
        if roles[0] != ROLE_NUMBER or tail < 1:
            out.append(ln)
            i += 1
            continue
        header_cells = [tokens[0], "".join(tokens[1 : last_text + 1]), *tokens[last_text + 1 :]]
        fixed_roles = [tokens[0], "主要任务", *tokens[last_text + 1 :]]
        out.append(Line("| " + " | ".join(fixed_roles) + " |", ln.source, True))
        del header_cells
        i += 1
        while i < n and _NUM_START.match(lines[i].text) and len(lines[i].text.split()) >= tail + 2:
            toks = lines[i].text.split()
            cells = [toks[0], "".join(toks[1 : len(toks) - tail]), *toks[len(toks) - tail :]]
            out.append(Line("| " + " | ".join(cells) + " |", lines[i].source, True))
            i += 1
    return out


def _trailing_cells(tokens: list[str]) -> list[str]:
    """The unit and deadline cells ending a space-separated row (at most three)."""
    from fazhi.parsing.deadlines import resolve_deadline
    from fazhi.parsing.units import parse_unit_clauses

    cells: list[str] = []
    for tok in reversed(tokens[1:]):
        if len(cells) == 3 or len(tok) > 60:
            break
        att, share = parse_unit_clauses(tok)
        is_units = bool(att) and share >= 0.99 and "。" not in tok
        is_deadline = len(tok) <= 16 and resolve_deadline(tok, None) is not None and not is_units
        if not (is_units or is_deadline):
            break
        cells.insert(0, tok)
    return cells


def _headerless_space_rows(lines: list[Line], i: int) -> list[Line]:
    """Numbered rows printed with spaces and no header ("1 推进… 区司法局 2024年底"): two or more
    in sequence, each ending in unit (or deadline) cells, become pipe rows."""
    rows: list[Line] = []
    expected: int | None = None
    k = i
    while k < len(lines) and not lines[k].is_row:
        tokens = lines[k].text.split()
        if len(tokens) < 3 or not _INT.match(tokens[0]):
            break
        num = int(tokens[0])
        if expected is not None and num != expected:
            break
        tail = _trailing_cells(tokens)
        if not tail or len(tokens) - len(tail) < 2:
            break
        body = "".join(tokens[1 : len(tokens) - len(tail)])
        rows.append(Line("| " + " | ".join([tokens[0], body, *tail]) + " |", lines[k].source, True))
        expected = num + 1
        k += 1
    return rows if len(rows) >= 2 else []


_OPENERS = "(["
_CLOSERS = ")]"


def _open_brackets(text: str) -> int:
    return sum(text.count(c) for c in _OPENERS) - sum(text.count(c) for c in _CLOSERS)


def _display_width(text: str) -> int:
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def _wrap_width(lines: list[Line]) -> tuple[str, int] | None:
    """The fixed width a hard-wrapped document was broken at, in characters or display cells
    (PDF text and some web copies count ASCII as half a cell)."""
    best: tuple[str, int, int] | None = None
    texts = [ln.text for ln in lines if not ln.is_row and len(ln.text) >= 15]
    for measure, fn in (("chars", len), ("cells", _display_width)):
        counts = Counter(fn(t) for t in texts)
        if not counts:
            continue
        # widths within ±2 of a common value are one wrap width (避头尾 moves a character)
        common = max(counts, key=lambda w: sum(counts.get(w + d, 0) for d in range(-2, 3)))
        freq = sum(counts.get(common + d, 0) for d in range(-2, 3))
        if freq >= 5 and freq >= 0.3 * len(texts) and (best is None or freq > best[2]):
            best = (measure, common, freq)
    return (best[0], best[1]) if best else None


def unwrap_lines(lines: list[Line]) -> list[Line]:
    """Join lines broken inside a paragraph (PDF text, hard-wrapped copies).

    A line continues the previous one when the previous leaves a bracket open, or when the
    document is hard-wrapped (many lines of one common width) and the previous physical line
    has that width and does not end a sentence. A line that starts with a marker, a label or
    a bare number never continues another (inside an open bracket only a marker stops it).
    """
    wrap = _wrap_width(lines)
    measure = len if wrap is None or wrap[0] == "chars" else _display_width
    out: list[Line] = []
    last_phys: list[str] = []  # the last physical line of each output line
    for ln in lines:
        if out and not ln.is_row and not out[-1].is_row:
            prev = out[-1].text
            marker = match_marker(ln.text, 0) is not None
            numeric = ln.text.isdigit() or prev.isdigit()
            open_bracket = _open_brackets(prev) > 0 and len(prev) < 2000
            at_width = wrap is not None and abs(measure(last_phys[-1]) - wrap[1]) <= 2
            ends = prev.endswith(("。", ";", ":", "!", "?"))
            if prev.endswith((")", "]", "】")) and not (at_width and not _closes_attribution(prev)):
                ends = True
            join = False
            if open_bracket and not marker and not numeric:
                join = True
            elif at_width and not ends and not marker and not numeric and not starts_with_label(ln.text):
                join = True
            if join:
                out[-1] = Line(prev + ln.text, out[-1].source, False)
                last_phys[-1] = ln.text
                continue
        out.append(ln)
        last_phys.append(ln.text)
    return out


def _closes_attribution(text: str) -> bool:
    att, start = trailing_attribution(text, first_listed=False)
    return att is not None
