"""The development set (seeds and dev2 excerpts) scored in-process against its gold ledgers.

These are regression tests for whole documents; the mechanisms have their own table tests.
"""

import importlib.util
import json
from pathlib import Path

import pytest

from fazhi.parsing import parse_file

FIX = Path(__file__).resolve().parent.parent / "fixtures"
_spec = importlib.util.spec_from_file_location("score", FIX / "eval" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def _cases():
    for gold in sorted((FIX / "eval" / "gold").glob("*.json")):
        yield pytest.param(gold, FIX / "seeds" / (gold.stem + ".txt"), id="seed-" + gold.stem[:3])
    for gold in sorted((FIX / "dev2" / "gold").glob("*.json")):
        yield pytest.param(gold, FIX / "dev2" / "docs" / (gold.stem + ".txt"), id="dev2-" + gold.stem)


@pytest.mark.parametrize("gold_path,doc", list(_cases()))
def test_document_matches_its_gold_ledger(gold_path, doc):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if gold.get("kind") != "plan":
        pytest.skip("not a plan")
    pred = parse_file(str(doc)).to_dict()
    c = score.score_doc(gold, pred)
    s = score.summarize(c)
    assert s["F1"] == 1.0, c["errors"]
    assert s["exact"] == 1.0, c["errors"]
    assert s["heading"] == 1.0


def test_every_seed_task_has_its_targets_found():
    plan = parse_file(str(FIX / "seeds" / "000_2c654679abd70264.txt"))
    first = plan.tasks[0]
    assert [t.text for t in first.targets] == ["至少2次", "至少3次"]
    assert first.targets[0].op == ">=" and first.targets[0].value == 2


def test_a_traditional_plan_keeps_its_units_titles_and_headings_as_printed():
    # the scorer folds scripts only when OpenCC is installed: the printed form must come out
    plan = parse_file(str(FIX / "dev2" / "docs" / "514.txt"))
    assert plan.tasks[0].responsible_units == ["市人力資源社會保障局", "市醫保局", "市財政局", "市稅務局"]
    assert plan.tasks[0].heading_path[-1] == "(一)減輕企業負擔,穩定就業崗位"
    assert plan.tasks[1].title == "繼續按不高于2017年征收標準征收殘疾人就業保障金"
