"""The performance forms against the budget tables (seed guide §3.2 X12 and the 整体支出绩效申报表).

Seed 004 prints 表十二 项目支出表（本年预算） and the 22 project forms whose 年度资金总额 (元) it lists in
万元, plus the department's 整体支出绩效申报表: every amount agrees, so the checks report nothing but
make a known number of comparisons. A change to one side (in a copy of the text) gives exactly one
error citing both lines; with the tables in one file and the forms in another, the corpus rules make
the same comparisons across the two files.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from perfbudget.check import check_corpus, corpus_groups, run_checks
from perfbudget.check.rules.forms import (
    RULE_DEPARTMENT,
    RULE_DEPARTMENT_CORPUS,
    RULE_PROJECT,
    RULE_PROJECT_CORPUS,
    comparisons,
    corpus_comparisons,
    current_project_tables,
    name_key,
    name_stem,
)
from perfbudget.model.findings import Severity
from perfbudget.pipeline import load_document

RULES = [RULE_PROJECT, RULE_DEPARTMENT]
CORPUS_RULES = [RULE_PROJECT_CORPUS, RULE_DEPARTMENT_CORPUS]
FORMS = (570, 1473)  # 004: the 整体支出绩效申报表 and the 22 project forms


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _replace(lines: list[str], line: int, old: str, new: str, occurrence: int = 0) -> list[str]:
    """``lines`` with the ``occurrence``-th ``old`` of physical line ``line`` replaced by ``new``."""
    text = lines[line - 1]
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(old, at + 1)
    changed = list(lines)
    changed[line - 1] = text[:at] + new + text[at + len(old) :]
    return changed


def _errors(findings, rule: str):
    return [f for f in findings if f.rule == rule and f.severity == Severity.ERROR]


def _cited_lines(finding) -> set[int]:
    return {c.ref.line for c in finding.cells}


# ------------------------------------------------------------------ the seed as printed


def test_seed_004_every_project_form_agrees_with_the_table(doc004):
    made = comparisons(doc004, doc004, [RULE_PROJECT])
    assert len(made) == 22  # the guide: 22/22 match
    assert {c.verdict for c in made} == {"agree"}
    fenhe = next(c for c in made if c.subject == "临汾市汾河流域水质综合监管系统")
    assert fenhe.actual == Decimal("906.258") and str(fenhe.expected) == "906.26"  # 9,062,580 元
    assert {c.ref.line for c in fenhe.cited} == {823, 448}


def test_seed_004_department_form_agrees_with_the_budget_tables(doc004):
    made = {c.subject: c for c in comparisons(doc004, doc004, [RULE_DEPARTMENT])}
    assert set(made) == {
        "年度预算情况“合计”", "按资金来源“一般公共预算资金”", "按资金来源“政府性基金预算资金”", "项目支出", "基本支出",
    }  # fmt: skip
    assert {c.verdict for c in made.values()} == {"agree"}
    # 项目支出 4741 is this year's only: compared with 表十二 (本年预算) 合计, not 表三's 9555.45
    assert str(made["项目支出"].expected) == "4741.00"
    assert str(made["基本支出"].expected) == "2411.64"


def test_seed_004_checks_report_nothing(doc004):
    assert run_checks(doc004, RULES) == []


def test_only_this_years_project_table_is_used(doc004):
    assert [t.title for t in current_project_tables(doc004)] == ["2024年项目支出预算表（本年预算）"]


def test_name_matching_is_conservative():
    assert name_key("临汾市 汾河流域（水质）") == name_key("临汾市汾河流域(水质)")
    assert name_stem(name_key("汾河流域水质综合监管系统项目")) == name_stem(
        name_key("汾河流域水质综合监管系统")
    )
    assert name_stem(name_key("技术支持工作项目经费")) == "技术支持工作"


def test_the_other_seeds_have_nothing_to_compare(seed):
    for key in ("001", "002"):
        document = seed(key)
        assert comparisons(document, document) == []


# ------------------------------------------------------------------ one side changed


def test_a_changed_project_form_is_one_error_citing_both_lines(seed_file, tmp_path):
    lines = _replace(_lines(seed_file("004")), 823, "9,062,580", "9,162,580", occurrence=1)  # the 年度 half
    document = load_document(_write(tmp_path / "004.txt", lines))
    errors = _errors(run_checks(document, RULES), RULE_PROJECT)
    assert len(errors) == 1
    assert _cited_lines(errors[0]) == {823, 448}
    assert "9,162,580 元" in errors[0].message and "906.26 万元" in errors[0].message
    assert errors[0].difference == Decimal("9.998")  # 916.258 − 906.26
    assert not _errors(run_checks(document, RULES), RULE_DEPARTMENT)


def test_a_changed_table_row_is_one_error_citing_both_lines(seed_file, tmp_path):
    lines = _replace(_lines(seed_file("004")), 448, "906.26", "916.26")  # the 合计 cell
    document = load_document(_write(tmp_path / "004.txt", lines))
    errors = _errors(run_checks(document, RULES), RULE_PROJECT)
    assert len(errors) == 1
    assert _cited_lines(errors[0]) == {823, 448}
    assert "916.26" in errors[0].message


def test_the_implementation_period_amount_is_not_compared(seed_file, tmp_path):
    lines = _replace(_lines(seed_file("004")), 823, "9,062,580", "9,162,580", occurrence=0)  # 实施期
    document = load_document(_write(tmp_path / "004.txt", lines))
    assert not _errors(run_checks(document, RULES), RULE_PROJECT)


def test_a_changed_department_form_is_one_error_citing_both_lines(seed_file, tmp_path):
    lines = _replace(_lines(seed_file("004")), 584, "\t4741", "\t4841")  # 按资金方向 项目支出
    document = load_document(_write(tmp_path / "004.txt", lines))
    errors = _errors(run_checks(document, RULES), RULE_DEPARTMENT)
    assert len(errors) == 1
    assert _cited_lines(errors[0]) == {584, 437}
    assert "4841" in errors[0].message and "4,741.00" in errors[0].message


# ------------------------------------------------------------------ two documents


def _split(seed_file, tmp_path: Path, change=None) -> tuple[Path, Path]:
    """A fictional department (青川市) whose budget tables are in one file and whose performance
    forms are in another: 004 cut in two, the city renamed. ``change(lines)`` edits the forms."""
    lines = [line.replace("临汾", "青川") for line in _lines(seed_file("004"))]
    first, last = FORMS
    forms = lines[first - 1 : last]
    if change is not None:
        forms = change(forms)
    budget = _write(tmp_path / "budget.txt", lines[: first - 1] + lines[last:])
    return budget, _write(tmp_path / "forms.txt", forms)


def test_two_documents_make_the_same_comparisons(seed_file, tmp_path):
    budget, forms = (load_document(p) for p in _split(seed_file, tmp_path))
    assert [len(g) for g in corpus_groups([budget, forms])] == [2]
    made = corpus_comparisons([budget, forms])
    assert len(made) == 27 and {c.verdict for c in made} == {"agree"}
    assert {c.rule for c in made} == set(CORPUS_RULES)
    assert check_corpus([budget, forms]) == []
    assert not [f for d in (budget, forms) for f in run_checks(d, RULES)]  # neither alone compares anything


def test_two_documents_find_a_planted_difference(seed_file, tmp_path):
    line = 1065 - FORMS[0] + 1  # 重点区域巡查费: 年度资金总额 450,000 元 = 表十二 45.00 万元
    budget_path, forms_path = _split(
        seed_file, tmp_path, lambda lines: _replace(lines, line, "450,000", "540,000", occurrence=1)
    )
    budget, forms = load_document(budget_path), load_document(forms_path)
    errors = [f for f in check_corpus([budget, forms]) if f.severity == Severity.ERROR]
    assert [f.rule for f in errors] == [RULE_PROJECT_CORPUS]
    assert {c.ref.file for c in errors[0].cells} == {str(forms_path), str(budget_path)}
    assert "重点区域巡查费" in errors[0].message and "540,000 元" in errors[0].message

    # and so does `perfbudget check FILE1 FILE2`
    done = subprocess.run(
        [sys.executable, "-m", "perfbudget.cli.main", "check", "--brief", str(budget_path), str(forms_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert f"{forms_path}:{line}  {RULE_PROJECT_CORPUS}" in done.stdout


def test_documents_of_another_department_are_not_paired(seed_file, tmp_path):
    budget_path, forms_path = _split(seed_file, tmp_path)
    text = forms_path.read_text(encoding="utf-8").replace("青川市生态环境局", "白水市生态环境局")
    forms_path.write_text(text, encoding="utf-8")
    assert corpus_comparisons([load_document(budget_path), load_document(forms_path)]) == []
