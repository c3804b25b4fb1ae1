"""The demo department: its committed files, the one planted error, and the generator."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.check import run_checks
from perfbudget.demo import sample_files
from perfbudget.demo.generate import (
    DEMO_DEPARTMENT,
    FORMATS,
    build_demo,
    corpus,
    demo_documents,
    demo_planted,
    department_year,
    generate,
    render,
    write_text,
)
from perfbudget.model import Severity
from perfbudget.pipeline import load_document

BUDGET_TABLES = [
    ("income_expenditure_summary", "预算公开表1", 41),
    ("revenue", "预算公开表2", 33),
    ("expenditure", "预算公开表3", 33),
    ("fiscal_summary", "预算公开表4", 42),
    ("general_budget_expenditure", "预算公开表5", 30),
    ("basic_expenditure_economic", "预算公开表6", 57),
    ("gov_fund_revenue", "预算公开表7", 4),
    ("gov_fund_expenditure", "预算公开表8", 4),
    ("state_capital", "预算公开表9", 1),
    ("three_public", "预算公开表10", 6),
    ("admin_operating", "预算公开表11", 3),
    ("project_expenditure", "预算公开表12", 22),
    ("project_expenditure", "预算公开表13", 7),
]
FINAL_TABLES = [
    ("income_expenditure_summary", "公开01表", 46),
    ("revenue", "公开02表", 30),
    ("expenditure", "公开03表", 30),
    ("fiscal_summary", "公开04表", 42),
    ("general_budget_expenditure", "公开05表", 30),
    ("basic_expenditure_economic", "公开06表", 86),
    ("three_public", "公开07表", 1),
    ("gov_fund", "公开08表", 1),
    ("state_capital", "公开09表", 1),
]


def _by_name(name: str) -> Path:
    return next(p for p in sample_files() if p.name == name)


def _serious(findings):
    return [f for f in findings if f.severity != Severity.INFO]


# --------------------------------------------------------------------------- the committed files


def test_sample_files_are_the_generators_output(tmp_path):
    """The committed files are exactly what the generator writes today (and it writes the same
    bytes every time)."""
    names = [p.name for p in sample_files()]
    assert names == ["budget-2025.txt", "final-2024.docx", "final-2024.xlsx"]
    written = build_demo(tmp_path)
    assert [p.name for p in written] == names
    for fresh, committed in zip(written, sample_files(), strict=True):
        assert fresh.read_bytes() == committed.read_bytes(), (
            f"{committed.name} is stale: run python -m perfbudget.demo.generate"
        )


@pytest.mark.parametrize(
    ("name", "expected", "year", "stage"),
    [
        ("budget-2025.txt", BUDGET_TABLES, 2025, "预算"),
        ("final-2024.docx", FINAL_TABLES, 2024, "决算"),
        ("final-2024.xlsx", FINAL_TABLES, 2024, "决算"),
    ],
)
def test_sample_files_parse_into_the_expected_tables(name, expected, year, stage):
    document = load_document(_by_name(name))
    assert document.department == DEMO_DEPARTMENT
    assert (document.fiscal_year, document.stage, document.money_unit) == (year, stage, "万元")
    assert [(t.kind, t.label, len(t.rows)) for t in document.tables] == expected
    assert document.findings == []  # nothing the reader could not place
    empty = {t.label for t in document.tables if t.declared_empty}
    assert empty == ({"预算公开表9"} if stage == "预算" else {"公开08表", "公开09表"})


def test_budget_has_no_error_and_no_warning():
    assert _serious(run_checks(load_document(_by_name("budget-2025.txt")))) == []


def test_the_planted_error_is_described():
    planted = demo_planted()
    assert (planted.table, planted.code, planted.parent, planted.rule) == (
        "公开03表",
        "2110104",
        "21101",
        "budget.class-sum",
    )
    assert planted.delta == Decimal("20.00")
    assert planted.printed_value == planted.true_value + planted.delta
    assert planted.columns == ("本年支出合计", "项目支出")


def _docx_line_of(path: Path, label: str, first_cell: str) -> int:
    """The reading-order ordinal (paragraphs and table rows, as the Word reader counts) of the
    row starting with ``first_cell`` in the table printed under the paragraph ``label``."""
    import docx
    from docx.oxml.ns import qn

    def text(element) -> str:
        return "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()

    line, current = 0, None
    for child in docx.Document(str(path)).element.body:
        if child.tag == qn("w:p"):
            line += 1
            current = text(child) if text(child).startswith("公开") else current
        elif child.tag == qn("w:tbl"):
            for tr in child.findall(qn("w:tr")):
                line += 1
                if current == label and text(tr.find(qn("w:tc"))) == first_cell:
                    return line
    raise AssertionError(f"no row {first_cell} in {label}")


def _xlsx_line_of(path: Path, sheet: str, first_cell: str) -> int:
    import openpyxl

    rows = openpyxl.load_workbook(path)[sheet].iter_rows(min_col=1, max_col=1)
    return next(cells[0].row for cells in rows if cells[0].value == first_cell)


@pytest.mark.parametrize("name", ["final-2024.docx", "final-2024.xlsx"])
def test_checks_report_the_planted_error_and_nothing_else(name):
    path = _by_name(name)
    planted = demo_planted()
    findings = _serious(run_checks(load_document(path)))
    assert {f.rule for f in findings} == {"budget.class-sum"}
    assert all(f.severity == Severity.ERROR for f in findings)
    # one finding per changed column, both on the 款 row 21101
    assert sorted(f.cells[0].column_header.split("/")[-1] for f in findings) == sorted(planted.columns)
    for finding in findings:
        assert finding.cells[0].row_label == "环境保护管理事务"
        assert finding.difference == -planted.delta
        parts = {c.row_label: c for c in finding.cells if c.role == "part"}
        assert "生态环境保护宣传" in parts  # the wrongly printed 项 is cited
        ref = finding.ref
        if name.endswith(".xlsx"):
            assert ref.sheet == "公开03表"
            assert ref.line == _xlsx_line_of(path, "公开03表", "21101")
            assert parts["生态环境保护宣传"].ref.line == _xlsx_line_of(path, "公开03表", "2110104")
        else:
            assert ref.sheet is None
            assert ref.line == _docx_line_of(path, "公开03表", "21101")
            assert parts["生态环境保护宣传"].ref.line == _docx_line_of(path, "公开03表", "2110104")
    printed = {c.value for f in findings for c in f.cells if c.row_label == "生态环境保护宣传"}
    assert planted.printed_value in printed


def test_demo_command_imports_and_reports(tmp_path):
    """``perfbudget demo`` on a fresh SQLite home: three files stored, the planted error shown."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PERFBUDGET_"))}
    done = subprocess.run(
        [sys.executable, "-m", "perfbudget.cli.main", "demo", "--no-serve", "--home", str(tmp_path / "home")],
        env=env | {"COLUMNS": "200"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, (
        done.stderr
    )  # the demo ran; it reports the planted error, it does not fail on it
    for path in sample_files():
        assert path.name in done.stdout
    assert done.stdout.count("budget.class-sum") == 4  # two columns, in the .docx and the .xlsx
    assert (tmp_path / "home" / "perfbudget.sqlite3").exists()


# --------------------------------------------------------------------------- the generator


def test_figures_are_decimal_cents():
    for stage in ("预算", "决算"):
        figures = department_year("白河市生态环境局", 2023, 17, stage=stage)
        assert figures.entries
        for entry in figures.entries:
            assert isinstance(entry.amount, Decimal) and entry.amount.as_tuple().exponent == -2
            assert entry.amount > 0
        for opening, closing in figures.balances.values():
            assert isinstance(opening, Decimal) and isinstance(closing, Decimal)
    for doc in demo_documents():
        for grid in doc.grids:
            for row in grid.rows:
                assert len(row) == grid.width
                assert not any(isinstance(v, float) for v in row)


def test_generator_is_deterministic():
    first = generate("云岭市生态环境局", 2023, 42, stage="决算", plant_error=True)
    again = generate("云岭市生态环境局", 2023, 42, stage="决算", plant_error=True)
    assert write_text(first) == write_text(again)
    assert first.planted == again.planted
    for fmt in FORMATS:
        assert render(first, fmt) == render(again, fmt)
    other = generate("云岭市生态环境局", 2023, 43, stage="决算", plant_error=True)
    assert write_text(other) != write_text(first)


CONSISTENT = [
    ("预算", "txt", 3),
    ("预算", "docx", 4),
    ("预算", "xlsx", 5),
    ("决算", "txt", 6),
    ("决算", "docx", 7),
    ("决算", "xlsx", 8),
    ("预算", "txt", 11),
    ("决算", "xlsx", 12),
]


@pytest.mark.parametrize(("stage", "fmt", "seed"), CONSISTENT)
def test_generated_documents_are_consistent(tmp_path, stage, fmt, seed):
    department = "石门县生态环境局"
    doc = generate(department, 2022 + seed % 4, seed, stage=stage)
    assert doc.planted == []
    path = tmp_path / f"doc.{fmt}"
    path.write_bytes(render(doc, fmt))
    document = load_document(path)
    assert (document.department, document.fiscal_year, document.stage) == (department, doc.year, stage)
    assert [t.label for t in document.tables] == [g.label for g in doc.grids]
    assert "generic" not in {t.kind for t in document.tables}
    assert _serious(run_checks(document)) == []


@pytest.mark.parametrize(
    ("stage", "fmt", "seed"), [("预算", "xlsx", 21), ("决算", "txt", 22), ("决算", "docx", 23)]
)
def test_generated_errors_are_found(tmp_path, stage, fmt, seed):
    doc = generate("望江市生态环境局", 2024, seed, stage=stage, plant_error=True)
    (planted,) = doc.planted
    path = tmp_path / f"doc.{fmt}"
    path.write_bytes(render(doc, fmt))
    findings = _serious(run_checks(load_document(path)))
    assert findings and {f.rule for f in findings} == {planted.rule}
    assert {f.cells[0].row_label for f in findings} == {_name_of(planted.parent)}
    assert {f.difference for f in findings} == {-planted.delta}


def _name_of(code: str) -> str:
    from perfbudget.reference import functional

    return functional.name_of(code)


def test_corpus(tmp_path):
    files = corpus(tmp_path / "a", 6, seed=3, error_rate=0.5)
    assert len({f.path for f in files}) == 6 and all(f.path.exists() for f in files)
    assert {f.format for f in files} == set(FORMATS)
    assert {f.stage for f in files} == {"预算", "决算"}
    again = corpus(tmp_path / "b", 6, seed=3, error_rate=0.5)
    assert [f.path.read_bytes() for f in files] == [f.path.read_bytes() for f in again]
    assert [f.planted for f in files] == [f.planted for f in again]
