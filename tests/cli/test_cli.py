"""The command line: output format, exit codes, JSON, and no Django for file work."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PERFBUDGET = [sys.executable, "-m", "perfbudget.cli.main"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PERFBUDGET, *args], capture_output=True, text=True, cwd=cwd, check=False)


def test_check_clean_file_exits_0_and_says_so_on_stderr_only(good_file: Path) -> None:
    done = run("check", str(good_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("1 个文件：未发现错误或警告")


def test_check_finds_the_planted_error_with_file_line_rule_and_cells(bad_sum_file: Path) -> None:
    done = run("check", str(bad_sum_file))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    headline = [line for line in lines if not line.startswith("    ")]
    # the 款 21101 row (line 14) no longer equals its 项; the 项 row's 合计 = 项目支出 still holds
    assert any(
        line.startswith(f"{bad_sum_file}:14  budget.class-sum  ") and "环境保护管理事务" in line
        for line in headline
    ), done.stdout
    cited = [line for line in lines if line.startswith("    ")]
    assert any(f"{bad_sum_file}:16" in line and "690.00" in line for line in cited)


def test_check_json_carries_rule_severity_message_and_lines(bad_sum_file: Path) -> None:
    done = run("check", "--json", str(bad_sum_file))
    assert done.returncode == 1
    payload = json.loads(done.stdout)
    findings = payload[0]["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert errors
    for finding in errors:
        assert finding["rule"] and finding["message"]
        assert finding["lines"], finding
        assert all(cell["ref"]["file"] == str(bad_sum_file) for cell in finding["cells"])
    class_sums = [f for f in errors if f["rule"] == "budget.class-sum"]
    assert {14, 16} <= set(class_sums[0]["lines"])
    assert class_sums[0]["difference"] == "10.00"


def test_unreadable_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for command in ("check", "parse"):
        done = run(command, str(empty))
        assert done.returncode == 2
        assert done.stderr.strip().count("\n") == 0
        assert str(empty) in done.stderr and "empty" in done.stderr
        assert "Traceback" not in done.stderr


def test_unknown_rule_is_bad_usage(good_file: Path) -> None:
    done = run("check", "--rule", "no.such-rule", str(good_file))
    assert done.returncode == 2
    assert "unknown rule" in done.stderr


def test_bad_option_is_bad_usage() -> None:
    assert run("check", "--no-such-option").returncode == 2


def test_parse_json_is_one_document_per_line(good_file: Path, bad_sum_file: Path) -> None:
    done = run("parse", "--json", str(good_file), str(bad_sum_file))
    assert done.returncode == 0, done.stderr
    documents = [json.loads(line) for line in done.stdout.splitlines()]
    assert [d["source"]["path"] for d in documents] == [str(good_file), str(bad_sum_file)]
    table = documents[0]["tables"][0]
    assert table["kind"] == "expenditure"
    assert documents[0]["fiscal_year"] == 2025
    row = next(r for r in table["rows"] if r["code"] == "2110102")
    assert row["cells"]["total"]["value"] == "700.00"
    assert row["cells"]["basic"]["value"] is None  # printed empty, not zero
    assert row["cells"]["total"]["line"] == 16


def test_parse_does_not_import_django(good_file: Path) -> None:
    code = (
        "import sys\n"
        "from perfbudget.cli.main import app\n"
        f"try:\n    app(['parse', '--json', {str(good_file)!r}])\n"
        "except SystemExit:\n    pass\n"
        "assert not [m for m in sys.modules if m == 'django' or m.startswith('django.')], 'django imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("command", ["rules", "schema"])
def test_reference_commands(command: str) -> None:
    done = run(command)
    assert done.returncode == 0
    assert done.stdout


def test_unplaceable_row_and_cut_off_table_become_reader_findings(tmp_path: Path, expenditure_text) -> None:
    text = expenditure_text().replace(
        "2110101\t行政运行\t700.00\t700.00\t", "2110101\t行政运行\t700.00\t700.00\t\t33.30\t44.40"
    )
    text += "\n2025年预算收入总表\n\n部门名称：青川市生态环境局\n\n单位：万元\n\n项目\t\t本年收入\t\n科目编码\t科目名称\t合计\t一般公共预算\n"
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    done = run("check", "--json", str(path))
    findings = json.loads(done.stdout)[0]["findings"]
    rules = {f["rule"]: f for f in findings}
    assert rules["read.unplaced-row"]["lines"] == [15]
    assert "33.30" in rules["read.unplaced-row"]["message"]
    assert "收入总表" in rules["read.table-cut-off"]["message"]
    assert done.returncode == 1


def test_check_and_parse_search_a_folder(tmp_path: Path, good_file: Path, bad_sum_file: Path) -> None:
    folder = tmp_path  # both files are in it, with a hidden file and a file of another kind
    (folder / ".draft.txt").write_text("草稿", encoding="utf-8")
    (folder / "notes.md").write_text("说明", encoding="utf-8")
    done = run("check", "--json", str(folder))
    assert done.returncode == 1, done.stderr
    checked = {entry["file"] for entry in json.loads(done.stdout)}
    assert checked == {str(good_file), str(bad_sum_file)}
    parsed = run("parse", "--json", str(folder))
    assert parsed.returncode == 0, parsed.stderr
    assert [json.loads(line)["source"]["path"] for line in parsed.stdout.splitlines()] == sorted(
        [str(good_file), str(bad_sum_file)]
    )
