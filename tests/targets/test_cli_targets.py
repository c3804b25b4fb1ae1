"""``perfbudget targets`` and the target rules through ``perfbudget check`` and ``perfbudget rules``."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from perfbudget_test_targets import FILES, SEEDS

PERFBUDGET = [sys.executable, "-m", "perfbudget.cli.main"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PERFBUDGET, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "220"},
    )


@pytest.fixture(scope="module")
def seed_004() -> str:
    path = SEEDS / FILES["004"]
    if not path.exists():
        pytest.skip("seed 004 not available")
    return str(path)


def test_targets_table_lists_the_forms_and_findings(seed_004):
    done = run("targets", seed_004)
    assert done.returncode == 0, done.stderr  # warnings only
    assert "环境影响评价评估经费与企业排污权储备交易运行费" in done.stdout
    assert f"{seed_004}:1281" in done.stdout and "target.period-mismatch" in done.stdout


def test_targets_json(seed_004):
    payload = json.loads(run("targets", "--json", seed_004).stdout)
    forms = payload[0]["forms"]
    assert len(forms) == 23  # 1 整体支出 + 22 projects
    office = next(f for f in forms if "办公设备购置" in f["name"])
    assert office["periods"] == ["实施期", "年度"]
    assert {f["rule"] for f in office["findings"]} == {"target.period-mismatch", "target.value-missing"}
    assert all(f["lines"] for f in payload[0]["findings"])


def test_check_runs_the_target_rules_through_the_registry(seed_004):
    done = run("check", "--rule", "target.period-mismatch", seed_004)
    assert done.returncode == 0  # a warning is not an error
    assert f"{seed_004}:1281  target.period-mismatch" in done.stdout


def test_rules_lists_the_new_rules():
    done = run("rules")
    for rule_id in ("target.categories-missing", "target.spending-plan", "score.total", "score.report-total"):
        assert rule_id in done.stdout
