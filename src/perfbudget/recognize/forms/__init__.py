"""Performance forms: 绩效目标表 (department and project), 绩效自评表, 绩效评价报告.

:func:`recognize_forms` cuts the row stream into form blocks (:mod:`.blocks`), hands each to the
recognizer of its family and adds the results to the document. Rows of a form that cannot be
placed become reader findings (``read.form-unplaced-row``); nothing is dropped silently and
nothing is guessed. The rows the forms placed are returned, so that they are not kept again as
generic tables.
"""

from __future__ import annotations

from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.model.performance import ProjectTarget
from perfbudget.read.blocks import RawDocument
from perfbudget.recognize.forms import narrative, reports
from perfbudget.recognize.forms.blocks import (
    DECLARATION,
    EXPENDITURE,
    PROJECT,
    SELF_EVALUATION,
    Block,
    find_blocks,
)
from perfbudget.recognize.forms.common import Context, key, year_of


def recognize_forms(raw: RawDocument, document: Document, findings: list[Finding]) -> set[int]:
    """Recognise the performance forms of ``raw`` into ``document``; return the ``id`` of every row
    they placed."""
    context = Context(raw.source.path, findings, text_lines=raw.source.format == "text")
    rows = raw.rows
    year = _document_year(raw)
    for block in find_blocks(rows):
        try:
            _recognize_block(block, document, context, year)
        except Exception as error:  # a form the recognizers cannot read is kept as a table, and said so
            for row in (block.title, *block.meta, *block.rows):
                context.used.discard(id(row))
            first = block.title or (block.rows[0] if block.rows else None)
            context.report(
                "read.form-unplaced-row",
                Severity.ERROR,
                f"绩效表单无法识别（{type(error).__name__}: {error}），按普通表格保留",
                row=first,
            )
    index = 0  # the first row not read yet by a narrative target
    for start, row in enumerate(rows):
        if start >= index and row.grid is None and narrative.is_title(row):  # (a title is a paragraph)
            target, index = narrative.recognize(rows, start, context)
            if target is not None:
                document.department_targets.append(target)
    document.department_targets.sort(key=lambda t: t.line or 0)
    document.evaluation_reports.extend(reports.find_reports(rows, context, year))
    _implied_money_unit(document.project_targets)
    found = document.department_targets or document.project_targets or document.self_evaluations
    if (found or document.evaluation_reports) and document.family == "unknown":
        document.family = "performance"
    return context.used


def _recognize_block(block: Block, document: Document, context: Context, year: int | None) -> None:
    # each recognizer is imported with the first form of its kind: many documents hold none, and
    # compiling their patterns would only slow the start of the command line
    if block.title is not None:
        context.used.add(id(block.title))
    context.used.update(map(id, block.meta))
    if block.kind == DECLARATION:
        from perfbudget.recognize.forms import declaration

        document.department_targets.append(declaration.recognize(block, context, year))
    elif block.kind == EXPENDITURE:
        from perfbudget.recognize.forms import expenditure

        document.department_targets.append(expenditure.recognize(block, context, year))
    elif block.kind == PROJECT:
        template = _project_template(block)
        if template == "description":
            from perfbudget.recognize.forms import project_description

            document.project_targets.append(project_description.recognize(block, context, year))
        elif template == "one_period":
            from perfbudget.recognize.forms import project_one_period

            document.project_targets.append(project_one_period.recognize(block, context, year))
        else:
            from perfbudget.recognize.forms import project_two_period

            document.project_targets.append(project_two_period.recognize(block, context, year))
    elif block.kind == SELF_EVALUATION:
        from perfbudget.recognize.forms import self_evaluation

        document.self_evaluations.append(self_evaluation.recognize(block, context, year))


def _project_template(block: Block) -> str:
    """``description`` (描述/依据 columns, 项目编码), ``two_period`` (实施期 and 年度 side by side)
    or ``one_period`` (the national layout with the 年度 columns only)."""
    head = block.rows[:40]
    for row in head:
        text = key(row.text)
        if "项目编码" in text or "绩效指标描述" in text or "指标值确定依据" in text:
            return "description"
        if "主管部门" in text or "实施期" in text or "年度资金总额" in text:
            from perfbudget.recognize.forms import project_one_period

            return "one_period" if project_one_period.is_one_period(head) else "two_period"
    return "description"


def _implied_money_unit(projects: list[ProjectTarget]) -> None:
    """Forms of one template that print no unit share the one their cost indicators use (all alike)."""
    silent = [p for p in projects if p.money_unit is None or not p.money_unit_stated]
    units = {
        i.target.unit
        for p in silent
        for i in p.indicators
        if i.level2 == "成本指标" and i.target is not None and i.target.unit in ("万元", "元")
    }
    if len(units) == 1:
        unit = units.pop()
        for project in silent:
            project.money_unit = unit


def _document_year(raw: RawDocument) -> int | None:
    for row in raw.rows[:60]:
        if row.is_paragraph:
            year = year_of(row.text)
            if year:
                return year
    return None
