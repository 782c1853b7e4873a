"""Parser throughput and scaling: `.venv/bin/python benchmarks/parser_throughput.py [--repeat N] [--quick]`.

Reports, with the machine noted:
  1. each seed file: KB/s and tasks/s (best wall time of N runs, bytes → ParsedPlan including decoding);
  2. generated plans at 1× (~512 KB), 2× and 4× (~2 MB), one in seed 000's prose style (numbered
     tasks with 牵头单位/责任单位/完成时限 lines) and one in seed 003's flattened-table style,
     with the ratio of best CPU times time(4×)/time(1×): linear growth gives ~4, anything above 5 is flagged;
  3. peak memory (tracemalloc) while parsing the ~2 MB plans;
  4. a pathological single line of "(" "1." "、" repeated (up to 1 MB), which must also grow
     roughly linearly (no regex backtracking or quadratic scanning).
Exit status 1 when a growth ratio exceeds the limit, so `make bench` can gate on it.
If a case is superlinear (or with `--profile`), cProfile shows which function grows faster than 4×.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from fazhi.parsing import ParsedPlan, parse_bytes  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_2c654679abd70264.txt"
SEED_003 = SEEDS / "003_12f87d2dbc5014d3.txt"
BASE_BYTES = 512 * 1024
LINEAR_LIMIT = 5.0  # time(4×)/time(1×); 4.0 is perfectly linear

_CN = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals, as printed in (一) … (九十九) headings."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN[ones]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, {cpu}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()} ({platform.python_implementation()})"
    )


# --- generated inputs ------------------------------------------------------------------------

_TASK_START = re.compile(r"^\s*(\d+)\.(.*)$")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")


def seed000_blocks() -> tuple[list[str], list[list[str]]]:
    """Seed 000 split into its preamble (up to the first task) and one block of lines per task."""
    lines = SEED_000.read_text(encoding="utf-8").splitlines()
    first = next(i for i, ln in enumerate(lines) if _TASK_START.match(ln))
    preamble = [ln for ln in lines[:first] if not re.match(r"^\s*\([一二三四五六七八九十]+\)", ln)]
    blocks: list[list[str]] = []
    for ln in lines[first:]:
        if _TASK_START.match(ln):
            blocks.append([ln])
        elif _HEADING.match(ln):
            if re.match(r"^\s*[一二三四五六七八九十]+、", ln):
                break  # 三、保障措施: the task part is over
            continue  # (二)…: regenerated below
        elif blocks:
            blocks[-1].append(ln)
    return preamble, blocks


def prose_plan(target_bytes: int) -> bytes:
    """Seed 000's task blocks repeated under generated headings: chapters 二、三、… each with
    sections (一)…(十) of 12 tasks, numbered 1..120 within the chapter.

    Numbering restarts per chapter because the parser does not take "201." as a marker (a
    deliberate cap against years and figures); a plan numbered 1..3000 straight through would
    measure a different, degenerate parse.
    """
    preamble, blocks = seed000_blocks()
    per_section, sections = 12, 10
    out = [ln for ln in preamble if not re.match(r"^\s*二、", ln)]
    size = sum(len(s.encode()) + 1 for s in out)
    total = 0
    chapter = 1
    while size < target_bytes:
        chapter += 1
        assert chapter <= 99, "target too large for 一、…九十九、 chapters"
        out += ["", f" {cn_number(chapter)}、生成的第{chapter - 1}部分任务", ""]
        number = 0
        for section in range(1, sections + 1):
            out += ["", f" ({cn_number(section)})生成的第{section}组任务", ""]
            for _ in range(per_section):
                number += 1
                block = blocks[total % len(blocks)]
                total += 1
                m = _TASK_START.match(block[0])
                assert m
                out.append(f" {number}.{m.group(2)}")
                out += block[1:]
                size += sum(len(s.encode()) + 1 for s in block) + 4
                if size >= target_bytes:
                    break
            if size >= target_bytes:
                break
            size += 40
    return ("\n".join(out) + "\n").encode("utf-8")


def table_plan(target_bytes: int) -> bytes:
    """Seed 003's flattened table (one cell per line), its rows repeated with 序号 continued."""
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip() == "一级指标")
    head, body = lines[:start], lines[start:]
    out = list(head)
    size = sum(len(s.encode()) + 1 for s in out)
    body_size = sum(len(s.encode()) + 1 for s in body)
    counter = 0
    while size < target_bytes:
        expected = 1
        for ln in body:
            s = ln.strip()
            if s.isdigit() and int(s) == expected:
                # only the row numbers in sequence, not a stray integer cell
                counter += 1
                expected += 1
                out.append(str(counter))
            else:
                out.append(ln)
        size += body_size
    return ("\n".join(out) + "\n").encode("utf-8")


def pathological_line(target_bytes: int) -> bytes:
    unit = "(1.、".encode()
    return unit * (target_bytes // len(unit))


# --- timing ----------------------------------------------------------------------------------


def best_time(data: bytes, name: str, repeat: int) -> tuple[float, ParsedPlan]:
    """Best wall-clock time of `repeat` parses (seeds: nothing else to compare against)."""
    best, plan = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        plan = parse_bytes(data, name)
        best = min(best, time.perf_counter() - t0)
    assert plan is not None
    return best, plan


def interleaved_times(
    inputs: list[bytes], name: str, repeat: int
) -> tuple[list[float], list[float], list[int]]:
    """Best wall and CPU time per input, the sizes run round-robin.

    Shared CI machines have bursts of load from other jobs; running 1×, 2×, 4× in turn and
    keeping each one's best (and CPU time, which other processes do not inflate) stops one
    burst from making a size look superlinear.
    """
    wall = [float("inf")] * len(inputs)
    cpu = [float("inf")] * len(inputs)
    tasks = [0] * len(inputs)
    for _ in range(repeat):
        for i, data in enumerate(inputs):
            w0, c0 = time.perf_counter(), time.process_time()
            plan = parse_bytes(data, name)
            c1, w1 = time.process_time(), time.perf_counter()
            wall[i], cpu[i] = min(wall[i], w1 - w0), min(cpu[i], c1 - c0)
            tasks[i] = len(plan.tasks)
    return wall, cpu, tasks


def peak_memory(data: bytes, name: str) -> int:
    tracemalloc.start()
    try:
        parse_bytes(data, name)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _profile_stats(data: bytes, name: str) -> dict[str, tuple[int, float]]:
    prof = cProfile.Profile()
    prof.runcall(parse_bytes, data, name)
    st = pstats.Stats(prof)
    out: dict[str, tuple[int, float]] = {}
    for (file, line, func), (_cc, nc, tt, _ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        out[f"{Path(file).name}:{line}({func})"] = (nc, tt)
    return out


def profile_growth(small: bytes, big: bytes, name: str, top: int = 12) -> None:
    """cProfile the 1× and 4× inputs; list the functions by own time at 4× with their growth.

    A function whose own time grows well beyond 4× while its call count grows ~4× does more work
    per call on bigger inputs: that is the superlinear one.
    """
    s1, s4 = _profile_stats(small, name), _profile_stats(big, name)
    print(f"  {'function':<48} {'calls 4×':>9} {'calls×':>7} {'own s 4×':>9} {'own×':>6}")
    for fn, (nc4, tt4) in sorted(s4.items(), key=lambda kv: -kv[1][1])[:top]:
        nc1, tt1 = s1.get(fn, (0, 0.0))
        calls = f"{nc4 / nc1:.1f}" if nc1 else "new"
        own = f"{tt4 / tt1:.1f}" if tt1 > 0 else "-"
        print(f"  {fn[-48:]:<48} {nc4:>9} {calls:>7} {tt4:>9.3f} {own:>6}")


def scaling(
    label: str,
    make: Callable[[int], bytes],
    name: str,
    repeat: int,
    base: int,
    do_profile: bool,
    memory: bool = True,
) -> bool:
    print(f"\n## {label}")
    print(f"{'size':>6} {'bytes':>10} {'tasks':>6} {'wall s':>8} {'cpu s':>8} {'KB/s':>8} {'tasks/s':>8}")
    mults = (1, 2, 4)
    inputs = [make(base * m) for m in mults]
    wall, cpu, tasks = interleaved_times(inputs, name, repeat)
    for m, data, w, c, n in zip(mults, inputs, wall, cpu, tasks, strict=True):
        print(
            f"{m:>5}× {len(data):>10,} {n:>6} {w:>8.3f} {c:>8.3f} {len(data) / 1024 / c:>8.0f} "
            f"{(n / c if n else 0):>8.0f}"
        )
    ratio = cpu[2] / cpu[0]
    ok = ratio <= LINEAR_LIMIT
    print(
        f"cpu time(4×)/time(1×) = {ratio:.2f}  (2×/1× = {cpu[1] / cpu[0]:.2f}; wall 4×/1× = "
        f"{wall[2] / wall[0]:.2f}; linear ≈ 4)  "
        + ("linear: OK" if ok else f"SUPERLINEAR: ratio > {LINEAR_LIMIT}")
    )
    if memory:
        peak = peak_memory(inputs[2], name)
        print(
            f"peak memory (tracemalloc) at 4× ({len(inputs[2]) / 1024 / 1024:.1f} MB input): "
            f"{peak / 1024 / 1024:.1f} MB ({peak / len(inputs[2]):.1f}× the input)"
        )
    if do_profile or not ok:
        print(f"cProfile, own time by function, 1× → 4× ({label}):")
        profile_growth(inputs[0], inputs[2], name)
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement (best is kept)")
    ap.add_argument("--quick", action="store_true", help="1× = 128 KB instead of 512 KB, 3 runs")
    ap.add_argument("--profile", action="store_true", help="print cProfile for every 4× input")
    args = ap.parse_args(argv)
    repeat = 3 if args.quick else args.repeat
    base = BASE_BYTES // 4 if args.quick else BASE_BYTES

    print("# fazhi parser throughput")
    print(f"machine: {machine()}")
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}, best of {repeat} runs")

    print("\n## seeds")
    print(f"{'file':<28} {'bytes':>8} {'tasks':>6} {'best ms':>8} {'KB/s':>8} {'tasks/s':>8}")
    for p in sorted(SEEDS.glob("*.txt")):
        data = p.read_bytes()
        t, plan = best_time(data, p.name, repeat)
        n = len(plan.tasks)
        print(
            f"{p.name:<28} {len(data):>8,} {n:>6} {t * 1000:>8.1f} {len(data) / 1024 / t:>8.0f} "
            f"{(f'{n / t:.0f}' if n else '-'):>8}"
        )

    ok = scaling(
        "generated prose plan (seed 000 blocks)", prose_plan, "gen_prose.txt", repeat, base, args.profile
    )
    ok &= scaling(
        "generated table plan (seed 003 rows)", table_plan, "gen_table.txt", repeat, base, args.profile
    )
    # The single line is half the other sizes: 1× = 256 KB … 4× = 1 MB, as the brief asks.
    ok &= scaling(
        "pathological single line '(1.、' × N",
        pathological_line,
        "pathological.txt",
        repeat,
        base // 2,
        args.profile,
        memory=False,
    )
    print("\nresult:", "all linear" if ok else "SUPERLINEAR growth found (see cProfile above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
