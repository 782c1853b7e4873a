"""`fazhi parse` as the user runs it: a subprocess, checked for exit code, output shape and errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "tests" / "fixtures" / "seeds" / "000_2c654679abd70264.txt"
SEED_003 = ROOT / "tests" / "fixtures" / "seeds" / "003_12f87d2dbc5014d3.txt"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    # `python -m fazhi.cli` rather than the console script: works whether or not the venv's
    # bin/ is on PATH, and runs the same main().
    return subprocess.run(
        [sys.executable, "-m", "fazhi.cli", "parse", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        timeout=120,
    )


def _is_str_or_none(v: object) -> bool:
    return v is None or isinstance(v, str)


def check_schema(doc: dict) -> None:
    for key in ("title", "issuer", "date", "tasks", "warnings"):
        assert key in doc, key
    assert _is_str_or_none(doc["title"]) and _is_str_or_none(doc["issuer"])
    assert doc["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["date"])
    assert isinstance(doc["tasks"], list) and isinstance(doc["warnings"], list)
    assert all(isinstance(w, str) for w in doc["warnings"])
    for t in doc["tasks"]:
        assert isinstance(t["number"], str) and t["number"].isdigit()
        assert isinstance(t["level"], str) and t["level"]
        assert isinstance(t["heading_path"], list) and all(isinstance(h, str) for h in t["heading_path"])
        assert _is_str_or_none(t["title"])
        assert isinstance(t["content"], str)
        for k in ("lead_units", "responsible_units"):
            assert isinstance(t[k], list) and all(isinstance(u, str) and u for u in t[k])
        assert t["deadline"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["deadline"])
        assert _is_str_or_none(t["deadline_text"])
        assert isinstance(t["targets"], list)
        for g in t["targets"]:
            assert isinstance(g["text"], str)
            assert g["op"] in (">=", ">", "<=", "<", "==")
            assert isinstance(g["value"], int | float) and not isinstance(g["value"], bool)
            assert _is_str_or_none(g["unit"]) and _is_str_or_none(g["period"])


def test_json_on_seed() -> None:
    r = run_cli(str(SEED_000), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout.decode("utf-8"))
    check_schema(doc)
    assert len(doc["tasks"]) == 18
    assert doc["tasks"][0]["deadline"] == "2024-09-30"
    assert any(t["targets"] for t in doc["tasks"])


def test_json_on_table_seed_is_default_format() -> None:
    r = run_cli(str(SEED_003))
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    check_schema(doc)
    assert {t["level"] for t in doc["tasks"]} == {"row"}


def test_table_format() -> None:
    r = run_cli(str(SEED_000), "--format", "table")
    assert r.returncode == 0
    out = r.stdout.decode("utf-8")
    assert out.splitlines()[0].startswith("天桥区法治建设品质提升实施方案")
    assert "任务数:18" in out and "牵头:区委依法治区办" in out


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    r = run_cli(str(SEED_000), "-o", str(out))
    assert r.returncode == 0 and r.stdout == b""
    check_schema(json.loads(out.read_text(encoding="utf-8")))


def test_xlsx_format(tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    r = run_cli(str(SEED_003), "--format", "xlsx", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert "已写出台账" in r.stderr.decode("utf-8")
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    assert ws.cell(row=2, column=4).value == "主要任务"
    assert ws.max_row == 2 + 94


def test_stdin() -> None:
    r = run_cli("-", stdin=SEED_000.read_bytes())
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    check_schema(doc)
    assert len(doc["tasks"]) == 18


def test_no_tasks_is_success_with_warning(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("关于开展春季植树活动的通知\n请各单位积极参加。\n", encoding="utf-8")
    r = run_cli(str(f))
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout)
    check_schema(doc)
    assert doc["tasks"] == []
    assert doc["warnings"] and _HAN.search(doc["warnings"][0])


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "adir").mkdir()
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 64)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    (tmp_path / "empty.txt").write_bytes(b"")
    return {
        "missing": tmp_path / "no-such-plan.docx",
        "directory": tmp_path / "adir",
        "corrupt-docx": tmp_path / "broken.docx",
        "png": tmp_path / "image.png",
        "empty": tmp_path / "empty.txt",
    }


@pytest.mark.parametrize("case", ["missing", "directory", "corrupt-docx", "png", "empty"])
def test_unreadable_input_fails_with_one_chinese_line(case: str, tmp_path: Path) -> None:
    path = _bad_inputs(tmp_path)[case]
    r = run_cli(str(path))
    assert r.returncode != 0
    assert r.stdout == b""
    err = r.stderr.decode("utf-8")
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert _HAN.search(lines[0]), err
    assert path.name in lines[0]  # tells the user which file


def test_bad_usage_exits_2() -> None:
    r = run_cli(str(SEED_000), "--format", "pdf")
    assert r.returncode == 2
    assert b"Traceback" not in r.stderr
