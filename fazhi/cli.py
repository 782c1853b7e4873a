"""Command line: `fazhi parse FILE [--format json|table|xlsx] [-o OUT]`.

Exit codes: 0 parsed (possibly with no tasks: see warnings), 1 the file cannot be read
(corrupt, encrypted, image-only, unsupported), 2 bad command-line usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from fazhi.parsing import ParsedPlan, ParseError, parse_bytes


def _table(plan: ParsedPlan) -> str:
    rows = [f"{plan.title or '(无标题)'}  年度:{plan.year or '-'}  任务数:{len(plan.tasks)}"]
    for t in plan.tasks:
        cat = " / ".join(t.heading_path)
        dl = t.deadline or (t.deadline_text or "")
        rows.append(f"{t.number:>4} [{t.level}] {cat}")
        rows.append(f"     {(t.title or t.content)[:60]}")
        rows.append(
            f"     牵头:{'、'.join(t.lead_units) or '-'}  责任:{'、'.join(t.responsible_units) or '-'}  时限:{dl or '-'}"
        )
        if t.targets:
            rows.append("     指标:" + ";".join(x.text for x in t.targets))
    for w in plan.warnings:
        rows.append(f"提示:{w}")
    return "\n".join(rows) + "\n"


def _cmd_parse(args: argparse.Namespace) -> int:
    name = args.file
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
            plan = parse_bytes(data, "stdin.txt")
        else:
            p = Path(name)
            if not p.exists():
                raise ParseError(f"文件“{p.name}”不存在。")
            if p.is_dir():
                raise ParseError(f"“{p.name}”是目录,不是文件。")
            plan = parse_bytes(p.read_bytes(), p.name)
    except ParseError as e:
        print(f"fazhi: {e.message}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"fazhi: 无法读取“{name}”:{e.strerror or e}", file=sys.stderr)
        return 1
    if args.format == "xlsx":
        from fazhi.docgen.ledger_xlsx import write_ledger

        out = args.output or (Path(name).stem if name != "-" else "ledger") + ".xlsx"
        write_ledger(plan, out)
        print(f"已写出台账:{out}({len(plan.tasks)}项任务)", file=sys.stderr)
        return 0
    text = (
        json.dumps(plan.to_dict(), ensure_ascii=False, indent=1) + "\n"
        if args.format == "json"
        else _table(plan)
    )
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    seeds = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        plan = parse_bytes(p.read_bytes(), p.name)
        if plan.tasks:
            sys.stdout.write(f"=== {p.name}\n" + _table(plan) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="fazhi", description="法治政府建设任务台账平台")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="解析实施方案/任务台账,输出任务台账")
    p.add_argument("file", help="txt/docx/doc/pdf/html/xlsx 文件,或 - 表示标准输入")
    p.add_argument("--format", choices=["json", "table", "xlsx"], default="json")
    p.add_argument("-o", "--output", help="输出文件")
    p.set_defaults(func=_cmd_parse)
    d = sub.add_parser("demo", help="解析示例方案并打印台账")
    d.set_defaults(func=_cmd_demo)
    args = ap.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
