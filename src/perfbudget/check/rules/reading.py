"""Reader findings: parts of a document that could not be placed. They are produced while the
document is read; the rules here document them in the catalogue."""

from __future__ import annotations

from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Severity


@rule("read.unplaced-row", Severity.ERROR, "reading", "无法识别的表格行")
def unplaced_row(document: Document) -> list:
    """A table row whose cells no rule can place on the table's columns (a row of the wrong width,
    a record that is not code-name-amount). The row is kept in the finding, never guessed."""
    return []


@rule("read.table-cut-off", Severity.ERROR, "reading", "表格被截断")
def table_cut_off(document: Document) -> list:
    """A table with a title and headers but no data rows, and no note saying it has no data."""
    return []


@rule("read.problem", Severity.ERROR, "reading", "读取问题")
def read_problem(document: Document) -> list:
    """Something the file reader met and could not read (a scanned page without text, a damaged part)."""
    return []


@rule("read.form-unplaced-row", Severity.ERROR, "reading", "绩效表单中无法归位的行")
def form_unplaced_row(document: Document) -> list:
    """A row inside a performance form (绩效目标表, 自评表) that no part of the form's template can
    take: a label the recognizer does not know, a task row with too many cells, a row after the
    footer. The row's text is kept in the finding; nothing is guessed."""
    return []


@rule("read.form-label-repaired", Severity.INFO, "reading", "指标分组标签按指标体系修正")
def form_label_repaired(document: Document) -> list:
    """An indicator row prints a level-1 label that cannot hold its level-2 label (``效益指标`` beside
    ``时效指标``). The level-1 group is taken from the indicator vocabulary and the indicator records
    the repair; the printed label is quoted in the finding."""
    return []


@rule("read.form-incomplete", Severity.WARNING, "reading", "绩效表单缺少标题或年度")
def form_incomplete(document: Document) -> list:
    """A performance form recognised from its first rows because its title (and year line) is missing;
    its year is taken from the document."""
    return []


@rule("read.form-duplicate-label", Severity.WARNING, "reading", "绩效表单中同一栏目印了两次")
def form_duplicate_label(document: Document) -> list:
    """A labelled text row of a form (项目实施计划, 立项依据 …) is printed twice; both texts are kept,
    joined, and the second occurrence is cited."""
    return []


@rule("read.form-funds-layout", Severity.WARNING, "reading", "自评表资金栏的分列无法确定")
def form_funds_layout(document: Document) -> list:
    """A row of the money block of a self-evaluation prints two label/figure groups side by side
    (按收入性质分 | 按支出性质分) without the column headers that say which figure is which. The
    row's figures are not stored; the finding keeps its text."""
    return []
