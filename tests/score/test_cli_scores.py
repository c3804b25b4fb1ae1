"""``perfbudget scores``: the table, the explanation, JSON, profiles and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from perfbudget_test_score import SEED_002

PERFBUDGET = [sys.executable, "-m", "perfbudget.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PERFBUDGET, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )


@pytest.fixture(scope="module")
def seed_002():
    if not SEED_002.exists():
        pytest.skip("seed 002 not available")
    return str(SEED_002)


def test_scores_table_and_findings(seed_002):
    done = run("scores", seed_002)
    assert done.returncode == 1, done.stderr  # 002 #7 and #8 have errors
    assert "焦作市生态环境局" in done.stdout and "98.54" in done.stdout
    assert "≠ 89.9" in done.stdout  # #8: printed 99.9, recomputed 89.9
    assert f"{seed_002}:5462" in done.stdout and "score.total" in done.stdout


def test_scores_explain_prints_the_tree(seed_002):
    done = run("scores", "--explain", seed_002)
    assert "预算执行率 85.43% × 分值 10 = 8.54" in done.stdout
    assert "保留表中得分" in done.stdout


def test_scores_json_carries_the_tree_and_the_findings(seed_002):
    done = run("scores", "--json", seed_002)
    payload = json.loads(done.stdout)
    cards = payload[0]["cards"]
    assert len(cards) == 13
    first = cards[0]
    assert first["total"] == "98.54" and first["printed_total"] == "98.54"
    assert first["tree"]["children"][0]["rule"].startswith("预算执行率 85.43%")
    assert {f["rule"] for c in cards for f in c["findings"]} == {
        "score.execution-rate",
        "score.indicator-score",
        "score.total",
    }


def test_scores_with_another_profile(seed_002):
    done = run("scores", "--json", "--profile", "self-evaluation-20-40-40", seed_002)
    cards = json.loads(done.stdout)[0]["cards"]
    assert cards[0]["total"] == "97.09" and cards[0]["profile"] == "self-evaluation-20-40-40"


def test_an_unknown_profile_is_bad_usage(seed_002):
    done = run("scores", "--profile", "no-such-profile", seed_002)
    assert done.returncode == 2 and "no scoring profile" in done.stderr


def test_a_file_without_scores(tmp_path):
    path = tmp_path / "empty-forms.txt"
    path.write_text("青川市生态环境局\n\n2025年部门预算情况说明\n\n一、收支预算总体情况\n", encoding="utf-8")
    done = run("scores", str(path))
    assert done.returncode == 0, done.stderr
    assert "没有识别到绩效自评表或绩效评价报告" in done.stdout


def test_parse_and_check_stay_light():
    """``parse`` imports neither the scoring engine nor the target rules; ``check`` runs them."""
    code = "import sys, perfbudget.cli.main; print('perfbudget.score' in sys.modules, 'perfbudget.check' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False False"
