"""Across documents: a final account's 年初预算 figures against the budget of the same department-year.

The seeds hold no budget and final account of one department and year, so the budget is built here,
at run time, from the final account's own statements (the 年初预算 of each per-item line, of the
一般公共预算 total and of the 三公 items): a budget that agrees with it. Changing one of its figures
must then give exactly one finding, citing both documents.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.check import run_checks, run_corpus_checks
from perfbudget.check.rules.narrative import pairs
from perfbudget.model.document import Document, SourceFile
from perfbudget.model.narrative import FigureRole, StatementKind
from perfbudget.model.tables import Cell, Column, Row, RowRole, Table


def _cell(value: Decimal) -> Cell:
    return Cell(text=f"{value:.2f}", value=value.quantize(Decimal("0.01")), line=1)


def _budget_for(final: Document, change: tuple[str, Decimal] | None = None) -> Document:
    items = [s for s in final.statements if s.kind == StatementKind.ITEM and s.figure(FigureRole.BUDGET)]
    total = next(
        s for s in final.statements
        if s.kind == StatementKind.COMPLETION and s.concept == "general_budget.expenditure" and s.code is None
    )  # fmt: skip
    rows = [
        Row(
            label="合计",
            role=RowRole.TOTAL,
            level=0,
            cells={"total": _cell(total.figure(FigureRole.BUDGET).value)},
        )
    ]
    for item in items:
        value = item.figure(FigureRole.BUDGET).value
        if value == 0:
            continue  # a budget prints no row for a 项 it does not fund
        if change and change[0] == item.code:
            value = change[1]
        rows.append(Row(label=item.path[-1], code=item.code, code_system="functional", level=3, parent=0,
                        cells={"total": _cell(value)}))  # fmt: skip
    general = Table(
        id="t1", kind="general_budget_expenditure", kind_name="一般公共预算支出表",
        title="一般公共预算支出预算表（不含上年结转）", unit="万元",
        columns=[Column(key="code", header=["科目编码"], measure=False),
                 Column(key="name", header=["科目名称"], measure=False), Column(key="total", header=["合计"])],
        rows=rows,
    )  # fmt: skip
    printed = final.tables_of("three_public")[0].rows[0]
    three_rows = [
        Row(label=label, role=RowRole.ITEM, parent=3, cells={"total": _cell(printed.value(f"budget.{key}"))})
        for label, key in (
            ("因公出国（境）费", "abroad"),
            ("公务接待费", "reception"),
            ("公务用车购置及运行费", "vehicles"),
        )
    ]
    three_rows.append(
        Row(label="合计", role=RowRole.TOTAL, level=0, cells={"total": _cell(printed.value("budget.total"))})
    )
    three = Table(
        id="t2", kind="three_public", kind_name="“三公”经费支出表", title="财政拨款安排“三公”经费支出预算表",
        unit="万元", columns=[Column(key="name", header=["项目"], measure=False), Column(key="total", header=["合计"])],
        rows=three_rows,
    )  # fmt: skip
    source = SourceFile(path="budget-built-in-test.txt", name="budget-built-in-test.txt", sha256="0" * 64, size=0,
                        format="text")  # fmt: skip
    return Document(
        source=source, family="budget_disclosure", stage="预算", department=final.department,
        fiscal_year=final.fiscal_year, scope=final.scope, money_unit="万元", tables=[general, three],
    )  # fmt: skip


def test_a_matching_budget_gives_no_finding(seed):
    final = seed("002")
    budget = _budget_for(final)
    assert list(pairs([final, budget])) == [(budget, final)]
    assert run_corpus_checks([final, budget]) == []


def test_a_changed_budget_figure_is_found_and_cites_both_documents(seed):
    final = seed("002")
    budget = _budget_for(final, ("2110301", Decimal("4700.00")))
    findings = run_corpus_checks([final, budget])
    assert [(f.rule, f.severity.value) for f in findings] == [("narrative.budget-vs-final", "error")]
    finding = findings[0]
    assert {c.ref.file for c in finding.cells} == {final.source.path, budget.source.path}
    assert "4713.01" in finding.message and "4,700.00" in finding.message
    assert finding.difference == Decimal("13.01")


def test_documents_of_another_year_or_scope_are_not_paired(seed):
    final = seed("002")
    other_year = _budget_for(final).model_copy(update={"fiscal_year": final.fiscal_year + 1})
    other_scope = _budget_for(final).model_copy(update={"scope": "本级"})
    assert list(pairs([final, other_year, other_scope])) == []
    assert run_corpus_checks([final, other_year]) == []


def test_corpus_rules_stay_out_of_document_runs(seed):
    assert not [f for f in run_checks(seed("002")) if f.rule == "narrative.budget-vs-final"]
