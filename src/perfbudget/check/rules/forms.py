"""The performance forms against the budget tables: one amount, printed on a form and in a table.

Two relations (seed guide §3.2 X12 and the 整体支出绩效申报表 of 004):

* ``cross.project-amount``: a project's 年度资金总额 on its 项目支出绩效目标表 equals its row of the
  项目支出表（本年预算） (元 on the form, 万元 in the table: 9,062,580 元 ↔ 906.26 万元).
* ``cross.department-target-budget``: the department-wide target form's 预算情况 (合计 / 部门预算总额,
  按资金来源, 基本支出, 项目支出) equals the budget tables of the same scope.

Both are computed by one function of two documents, ``comparisons(tables_doc, forms_doc)``: the
document rules call it with one document twice, the corpus rules with the budget disclosure and a
separate document holding the forms of the same department and year. :func:`comparisons` returns
every comparison made, agreeing ones included, so that a caller can count them.

Precision comes first: a name that matches no table row (or several), a form without its unit or
year, a figure whose scope (本年 or including 上年结转) is not clearly the table's — none of these is
compared, and none is a finding.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from perfbudget.check.cite import cite, money, place
from perfbudget.check.comparison import finding_of
from perfbudget.check.registry import rule
from perfbudget.check.tolerance import HALF, unit_of
from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.performance import DepartmentTarget, Figure, Period, ProjectTarget
from perfbudget.model.source import SourceRef
from perfbudget.model.tables import Row, RowRole, Table

RULE_PROJECT = "cross.project-amount"
RULE_DEPARTMENT = "cross.department-target-budget"
RULE_PROJECT_CORPUS = "cross.project-amount.corpus"
RULE_DEPARTMENT_CORPUS = "cross.department-target-budget.corpus"
_CORPUS = {RULE_PROJECT: RULE_PROJECT_CORPUS, RULE_DEPARTMENT: RULE_DEPARTMENT_CORPUS}

ZERO = Decimal(0)
_MONEY = {"元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1), "亿元": Decimal(10000)}
_SOURCES = (  # 按资金来源 line of the department form → income row of the 收支总表
    (re.compile(r"一般公共预算"), re.compile(r"^一般公共预算")),
    (re.compile(r"政府性基金"), re.compile(r"^政府性基金")),
    (re.compile(r"国有资本经营"), re.compile(r"^国有资本经营")),
)


# ------------------------------------------------------------------ comparisons


@dataclass
class FormComparison:
    """One form figure against one table cell. ``verdict``: ``agree``, ``rounding`` (information)
    or ``disagree``; ``subject`` names what is compared (the project, 部门预算总额 …)."""

    rule: str
    subject: str
    verdict: str
    severity: Severity | None
    message: str
    cited: list[CitedCell] = field(default_factory=list)
    expected: Decimal | None = None  # the table's figure
    actual: Decimal | None = None  # the form's figure, in the table's unit
    difference: Decimal | None = None
    tolerance: Decimal | None = None

    def finding(self) -> Finding | None:
        return finding_of(self)


def comparisons(
    tables_doc: Document, forms_doc: Document, rules: Iterable[str] | None = None
) -> list[FormComparison]:
    """Every comparison of ``forms_doc``'s performance forms with ``tables_doc``'s budget tables
    (the same document twice for one disclosure). Corpus pairs carry the ``.corpus`` rule ids."""
    wanted = set(rules) if rules is not None else {RULE_PROJECT, RULE_DEPARTMENT}
    if not _is_budget(tables_doc) or not _same_year(tables_doc, forms_doc):
        return []
    out: list[FormComparison] = []
    if RULE_PROJECT in wanted:
        out.extend(_projects(tables_doc, forms_doc))
    if RULE_DEPARTMENT in wanted:
        out.extend(_department(tables_doc, forms_doc))
    if tables_doc is not forms_doc:
        for comparison in out:
            comparison.rule = _CORPUS[comparison.rule]
    return out


def corpus_comparisons(
    documents: Iterable[Document], rules: Iterable[str] | None = None
) -> list[FormComparison]:
    """The comparisons between documents: forms in one, the budget tables of the same department
    and year in another (see :func:`pairs`)."""
    out: list[FormComparison] = []
    for tables_doc, forms_doc in pairs(documents):
        out.extend(comparisons(tables_doc, forms_doc, rules))
    return out


def _is_budget(document: Document) -> bool:
    """Only a budget's tables: a final account's 项目支出 is what was spent, not what was planned."""
    return document.stage == "预算"


def _same_year(tables_doc: Document, forms_doc: Document) -> bool:
    year = _forms_year(forms_doc)
    return tables_doc.fiscal_year is None or year is None or year == tables_doc.fiscal_year


def _forms_year(document: Document) -> int | None:
    if document.fiscal_year is not None:
        return document.fiscal_year
    years = {f.year for f in [*document.project_targets, *document.department_targets] if f.year is not None}
    return years.pop() if len(years) == 1 else None


# ------------------------------------------------------------------ names


def name_key(name: str) -> str:
    """A project name as a matching key: full-width folded to half-width (NFKC), HTML tags, blanks
    and quotation marks removed."""
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"[\s\"'“”‘’《》]", "", text)
    return text


def name_stem(key: str) -> str:
    """The key without a trailing 项目/经费 (``…系统项目`` ↔ ``…系统``, ``…工作项目经费`` ↔ ``…工作``)."""
    return re.sub(r"(?:项目|经费)+$", "", key)


def _near(a: str, b: str) -> bool:
    """Two long names printed with one character different (督察/督查)."""
    return len(a) == len(b) >= 8 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


# ------------------------------------------------------------------ cross.project-amount


def current_project_tables(document: Document) -> list[Table]:
    """The 项目支出表 of this year's budget only: a title that says 本年 or 不含上年结转, or the only
    project table, whose title names no 结转 and which has no 结转 column."""
    tables = [t for t in document.tables_of("project_expenditure") if t.rows]
    chosen = [t for t in tables if "本年" in t.title or "不含上年结转" in t.title]
    if chosen:
        return chosen
    if len(tables) == 1:
        table = tables[0]
        headers = "".join(h for c in table.columns for h in c.header)
        if "结转" not in table.title and "结转" not in headers:
            return [table]
    return []


def _carryover_project_tables(document: Document) -> list[Table]:
    return [
        t for t in document.tables_of("project_expenditure")
        if "结转" in t.title and "不含上年结转" not in t.title and t.rows
    ]  # fmt: skip


@dataclass
class _TableProject:
    table: Table
    row: Row
    unit: str  # the 单位 the row is listed under ("" when none)
    key: str
    stem: str


@dataclass
class _FormProject:
    form: ProjectTarget
    figure: Figure
    label: str  # 年度资金总额 / 预算数
    unit: str
    key: str
    stem: str


def _unit_of_row(table: Table, row: Row) -> str:
    """The label of the top group row (a 单位 in 004's project table) above ``row``."""
    unit = ""
    seen = set()
    parent = row.parent
    while parent is not None and parent not in seen and 0 <= parent < len(table.rows):
        seen.add(parent)
        above = table.rows[parent]
        if above.role == RowRole.GROUP:
            unit = above.label
        parent = above.parent
    return name_key(unit)


def _table_projects(document: Document) -> list[_TableProject]:
    found = []
    for table in current_project_tables(document):
        if table.column("total") is None:
            continue
        for row in table.rows:
            if row.role != RowRole.ITEM or not row.label.strip():
                continue
            key = name_key(row.label)
            found.append(_TableProject(table, row, _unit_of_row(table, row), key, name_stem(key)))
    return found


def _annual(form: ProjectTarget) -> tuple[Figure, str] | None:
    """The form's amount for the budget year: 年度资金总额, or the single 预算数 of a form that has
    no 实施期 (a one-year or ongoing project, or no term printed)."""
    annual = form.funding_for(Period.ANNUAL)
    if annual is not None:
        return (annual.total, "年度资金总额") if annual.total is not None else None
    single = form.funding[0] if len(form.funding) == 1 else None
    if single is not None and single.period is None and single.total is not None:
        return (single.total, "预算数") if form.ongoing or form.term_years in (None, 1) else None
    return None


def _form_projects(document: Document, year: int | None) -> list[_FormProject]:
    found = []
    for form in document.project_targets:
        if form.name is None or not form.name.text.strip() or form.money_unit not in _MONEY:
            continue
        if year is not None and form.year is not None and form.year != year:
            continue
        annual = _annual(form)
        if annual is None or annual[0].value is None:
            continue
        key = name_key(form.name.text)
        unit = name_key(form.implementing_unit.text) if form.implementing_unit else ""
        found.append(_FormProject(form, annual[0], annual[1], unit, key, name_stem(key)))
    return found


def _match(
    forms: list[_FormProject], rows: list[_TableProject]
) -> list[tuple[_FormProject, _TableProject, str]]:
    """Pairs (form, row, how): by the whole name, then without a trailing 项目/经费, then (``near``)
    by a long name with one character different. A name that matches several rows (not told apart
    by the 单位 they are listed under) or a row that several forms match is left out."""
    matched: list[tuple[_FormProject, _TableProject, str]] = []
    free_forms, free_rows = list(forms), list(rows)
    for how, same in (
        ("name", lambda f, r: f.key == r.key),
        ("stem", lambda f, r: len(f.stem) >= 4 and f.stem == r.stem),
        ("near", lambda f, r: _near(f.key, r.key)),
    ):
        proposals: dict[int, list[_FormProject]] = {}
        chosen: dict[int, _TableProject] = {}
        for form in free_forms:
            candidates = [r for r in free_rows if same(form, r)]
            if len(candidates) > 1 and form.unit:
                candidates = [r for r in candidates if r.unit == form.unit]
            if len(candidates) != 1:
                continue
            chosen[id(form)] = candidates[0]
            proposals.setdefault(id(candidates[0]), []).append(form)
        for form in free_forms:
            row = chosen.get(id(form))
            if row is not None and len(proposals[id(row)]) == 1:
                matched.append((form, row, how))
        taken_forms = {id(f) for f, _, _ in matched}
        taken_rows = {id(r) for _, r, _ in matched}
        free_forms = [f for f in free_forms if id(f) not in taken_forms]
        free_rows = [r for r in free_rows if id(r) not in taken_rows]
    return matched


def _projects(tables_doc: Document, forms_doc: Document) -> Iterator[FormComparison]:
    table_unit = _table_unit(tables_doc)
    if table_unit is None:
        return
    rows = _table_projects(tables_doc)
    forms = _form_projects(forms_doc, tables_doc.fiscal_year)
    for form, row, how in _match(forms, rows):
        table_value = row.row.value("total")
        if table_value is None:
            continue  # an empty cell: the table's reading, not a figure to compare
        unit = row.table.unit or table_unit
        stated = form.figure.value * _MONEY[form.form.money_unit] / _MONEY[unit]
        half = HALF * unit_of([form.figure.value]) * _MONEY[form.form.money_unit] / _MONEY[unit]
        name = form.form.name.text
        form_cell = _form_cell(forms_doc, form.figure, name, form.label, "form")
        table_cell = cite(tables_doc, row.table, row.row, "total", "table")
        verdict, severity, difference, tolerance = _verdict(stated, half, table_value)
        if how == "near" and severity == Severity.ERROR:
            severity = Severity.WARNING  # the names differ: perhaps not the same project
        converted = "" if form.form.money_unit == unit else f"，合 {_plain(stated)} {unit}"
        renamed = "" if how == "name" else f"（表中名称为“{row.row.label}”）"
        message = (
            f"项目“{name}”{renamed}：项目支出绩效目标表的{form.label}为 {form.figure.text} {form.form.money_unit}"
            f"（{_where(form_cell)}{converted}），而{_place(row.table, row.row, 'total')}为 {money(table_value)} {unit}"
            f"（{_where(table_cell)}），相差 {_signed(difference)} {unit}（{_within(verdict, tolerance)}）"
        )
        yield FormComparison(
            RULE_PROJECT, name, verdict, severity, message, [form_cell, table_cell], table_value, stated,
            difference, tolerance,
        )  # fmt: skip


# ------------------------------------------------------------------ cross.department-target-budget


def _department_name(text: str | None) -> str:
    return re.sub(r"[(（][^)）]*[)）]$", "", name_key(text or ""))


def _summary_row(table: Table, pattern: str, role: RowRole | None = None) -> Row | None:
    regex = re.compile(pattern)
    for row in table.rows:
        if row.side == "income" and (role is None or row.role == role) and regex.search(name_key(row.label)):
            return row
    return None


def _strip(label: str) -> str:
    return re.sub(r"^[一二三四五六七八九十]+、|^\d+[.、]", "", name_key(label))


def _department(tables_doc: Document, forms_doc: Document) -> Iterator[FormComparison]:
    summaries = [t for t in tables_doc.tables_of("income_expenditure_summary") if t.rows]
    table_unit = _table_unit(tables_doc)
    if not summaries or table_unit is None:
        return
    summary = summaries[0]
    department = _department_name(tables_doc.department)
    for target in forms_doc.department_targets:
        budget = target.budget
        if budget is None or budget.total is None or budget.total.value is None or budget.unit not in _MONEY:
            continue
        if (
            not department
            or _department_name(target.unit_name.text if target.unit_name else None) != department
        ):
            continue  # a unit's form (…机关, a 所属单位) is not the department's budget
        if (
            target.year is not None
            and tables_doc.fiscal_year is not None
            and target.year != tables_doc.fiscal_year
        ):
            continue
        yield from _department_target(tables_doc, forms_doc, target, summary)


def _department_target(
    tables_doc: Document, forms_doc: Document, target: DepartmentTarget, summary: Table
) -> Iterator[FormComparison]:
    budget = target.budget
    compare = _DepartmentComparer(tables_doc, forms_doc, target)
    this_year = _summary_row(summary, r"^本年收入合计$|^本年收入$", RowRole.TOTAL)
    grand = _summary_row(summary, r"^收入总计$|^收入合计$", RowRole.TOTAL)
    scope = None
    total_label = "部门预算总额" if target.template == "declaration" else "年度预算情况“合计”"
    if this_year is not None:
        first = compare(budget.total, total_label, summary, this_year, "total")
        if first is not None and first.verdict != "disagree":
            scope = "本年"
            yield first
        elif grand is not None and grand is not this_year:
            second = compare(budget.total, total_label, summary, grand, "total")
            if second is not None and second.verdict != "disagree":
                scope = "全部"  # the form counts 上年结转 too: so does the table's 收入总计
                yield second
            elif first is not None:
                first.message += f"；也不等于{_place(summary, grand, 'total')} {money(grand.value('total'))}"
                yield first
        elif first is not None:
            yield first
    if scope is None:
        return  # the scope of the form's parts is not clear
    if scope == "本年":
        for line in budget.by_source:
            label = _strip(line.label.text).removeprefix("其中:")
            for form_pattern, row_pattern in _SOURCES:
                if not form_pattern.search(label):
                    continue
                row = next(
                    (r for r in summary.rows if r.side == "income" and r.role != RowRole.TOTAL
                     and row_pattern.search(_strip(r.label))), None,
                )  # fmt: skip
                if row is not None and line.amount is not None:
                    found = compare(line.amount, f"按资金来源“{label}”", summary, row, "total")
                    if found is not None:
                        yield found
                break
    expenditure = next((t for t in tables_doc.tables_of("expenditure") if t.rows and t.column("basic")), None)
    total_row = _total_row(expenditure) if expenditure is not None else None
    if budget.project is not None:
        if scope == "本年":
            current = current_project_tables(tables_doc)
            if len(current) == 1 and (row := _total_row(current[0])) is not None:
                found = compare(budget.project, "项目支出", current[0], row, "total")
                if found is not None:
                    yield found
        elif total_row is not None and "不含上年结转" not in expenditure.title:
            found = compare(budget.project, "项目支出", expenditure, total_row, "project")
            if found is not None:
                yield found
    if budget.basic is not None and total_row is not None:
        if scope == "全部" and "不含上年结转" in expenditure.title:
            return
        if scope == "本年" and not _carryover_is_project_only(tables_doc, summary, expenditure):
            return  # 支出总表's 基本支出 may include 上年结转 the form does not count
        found = compare(budget.basic, "基本支出", expenditure, total_row, "basic")
        if found is not None:
            yield found


def _total_row(table: Table) -> Row | None:
    return next((r for r in table.rows if r.role == RowRole.TOTAL and r.parent is None), None)


def _carryover_is_project_only(document: Document, summary: Table, expenditure: Table) -> bool:
    """Whether the 支出总表's 基本支出 is this year's only: the table says 不含上年结转, the budget
    carries nothing over, or everything carried over is project money (the 收支总表's 上年结转 is
    the 项目支出表（上年结转）'s 合计)."""
    if "不含上年结转" in expenditure.title:
        return True
    carried = _summary_row(summary, r"^上年结转")
    carried_value = carried.value("total") if carried is not None else None
    if carried is not None and not carried_value:
        return True
    if carried_value is None:
        return False
    projects = [_total_row(t) for t in _carryover_project_tables(document)]
    values = [r.value("total") for r in projects if r is not None]
    return bool(values) and None not in values and sum(values, ZERO) == carried_value


class _DepartmentComparer:
    def __init__(self, tables_doc: Document, forms_doc: Document, target: DepartmentTarget):
        self.tables_doc, self.forms_doc, self.target = tables_doc, forms_doc, target
        self.unit = target.budget.unit
        self.table_unit = _table_unit(tables_doc)
        self.title = target.title.text if target.title else "整体绩效目标表"

    def __call__(
        self, figure: Figure, label: str, table: Table, row: Row, column: str
    ) -> FormComparison | None:
        table_value = row.value(column)
        if figure is None or figure.value is None or table_value is None:
            return None
        unit = table.unit or self.table_unit
        stated = figure.value * _MONEY[self.unit] / _MONEY[unit]
        half = HALF * unit_of([figure.value]) * _MONEY[self.unit] / _MONEY[unit]
        verdict, severity, difference, tolerance = _verdict(stated, half, table_value)
        form_cell = _form_cell(self.forms_doc, figure, label, self.title, "form")
        table_cell = cite(self.tables_doc, table, row, column, "table")
        converted = "" if self.unit == unit else f"，合 {_plain(stated)} {unit}"
        message = (
            f"{self.title}的{label}为 {figure.text} {self.unit}（{_where(form_cell)}{converted}），"
            f"而{_place(table, row, column)}为 {money(table_value)} {unit}（{_where(table_cell)}），"
            f"相差 {_signed(difference)} {unit}（{_within(verdict, tolerance)}）"
        )
        return FormComparison(
            RULE_DEPARTMENT, label, verdict, severity, message, [form_cell, table_cell], table_value, stated,
            difference, tolerance,
        )  # fmt: skip


# ------------------------------------------------------------------ shared


def _table_unit(document: Document) -> str | None:
    unit = document.money_unit or "万元"
    return unit if unit in _MONEY else None


def _verdict(
    stated: Decimal, stated_half: Decimal, table_value: Decimal
) -> tuple[str, Severity | None, Decimal, Decimal]:
    """Each figure is within ½ unit of its last printed digit of the amount: within the sum of the
    two they agree; within one unit of the coarser figure it is rounding (information)."""
    table_half = HALF * unit_of([table_value])
    tolerance = stated_half + table_half
    difference = stated - table_value
    if abs(difference) <= tolerance:
        return "agree", None, difference, tolerance
    if abs(difference) <= 2 * max(stated_half, table_half):
        return "rounding", Severity.INFO, difference, 2 * max(stated_half, table_half)
    return "disagree", Severity.ERROR, difference, tolerance


def _form_cell(
    document: Document, figure: Figure, row_label: str, column_header: str, role: str
) -> CitedCell:
    return CitedCell(
        ref=SourceRef(file=document.source.path, line=figure.line, page=figure.page),
        text=figure.text,
        value=figure.value,
        role=role,
        row_label=row_label,
        column_header=column_header,
    )


def _place(table: Table, row: Row, column: str) -> str:
    """As :func:`~perfbudget.check.cite.place`; a total row printed with a name (004 prints the
    department's name on the 项目支出表's 合计 row) is called the 合计 row."""
    if row.role == RowRole.TOTAL and "合计" not in row.label and "总计" not in row.label:
        header = table.column(column, row.side)
        text = f"《{table.title}》合计行（“{row.label}”）"
        return text + (f"“{header.header[-1]}”列" if header and header.header else "")
    return place(table, row, column)


def _where(cell: CitedCell) -> str:
    """``004.txt 第582行`` (``第3页`` for a PDF): where a finance officer finds the figure."""
    ref = cell.ref
    text = ref.file.replace("\\", "/").rsplit("/", 1)[-1]
    if ref.page is not None:
        text += f" 第{ref.page}页"
    if ref.line is not None:
        text += f" 第{ref.line}行"
    return text


def _signed(value: Decimal) -> str:
    return ("+" if value >= 0 else "-") + _plain(abs(value))


def _plain(value: Decimal) -> str:
    return f"{value.normalize():,f}"


def _within(verdict: str, tolerance: Decimal) -> str:
    if verdict == "agree":
        return f"在尾数误差 {_plain(tolerance)} 以内"
    if verdict == "rounding":
        return f"末位进位差异，在 {_plain(tolerance)} 以内"
    return f"超出尾数误差 {_plain(tolerance)}"


# ------------------------------------------------------------------ across documents


def department_year(document: Document) -> tuple[str, int] | None:
    """The (department, fiscal year) a document belongs to: as the document says, else as its forms
    all say (a performance document prints the department on its forms only)."""
    department = _department_name(document.department)
    if not department:
        names = {_department_name(f.department.text) for f in document.project_targets if f.department}
        names |= {_department_name(t.unit_name.text) for t in document.department_targets if t.unit_name}
        names.discard("")
        department = names.pop() if len(names) == 1 else ""
    year = _forms_year(document)
    if not department or year is None:
        return None
    return department, year


def pairs(documents: Iterable[Document]) -> Iterator[tuple[Document, Document]]:
    """(budget tables, forms) pairs of two documents of one department and year: the forms'
    document has no budget tables of its own (else its own document rule compares them)."""
    groups: dict[tuple[str, int], list[Document]] = {}
    for document in documents:
        key = department_year(document)
        if key is not None:
            groups.setdefault(key, []).append(document)
    for group in groups.values():
        budgets = [d for d in group if _is_budget(d) and (d.tables_of("project_expenditure")
                                                           or d.tables_of("income_expenditure_summary"))]  # fmt: skip
        forms = [
            d for d in group
            if (d.project_targets or d.department_targets)
            and not d.tables_of("project_expenditure") and not d.tables_of("income_expenditure_summary")
        ]  # fmt: skip
        for budget in budgets:
            for form in forms:
                if form is not budget and form.source.sha256 != budget.source.sha256:
                    yield budget, form


# ------------------------------------------------------------------ the rules


def _findings(items: Iterable[FormComparison]) -> list[Finding]:
    return [f for c in items if (f := c.finding()) is not None]


@rule(RULE_PROJECT, Severity.ERROR, "cross-table", "项目绩效目标表的年度资金 = 项目支出表（本年预算）")
def project_amount(document: Document) -> list[Finding]:
    """A project's 年度资金总额 on its 项目支出绩效目标表 (or the single 预算数 of a form without 实施期)
    equals its row in the 项目支出表 of this year's budget (本年预算, never 上年结转): each side is
    converted with its printed unit (元 ↔ 万元) and they may differ by the rounding of each
    (9,062,580 元 ↔ 906.26 万元 agrees). Projects are matched by name — blanks and full/half-width
    folded, then without a trailing 项目/经费, then a long name with one character different (a
    difference is then a warning). A form whose name matches no row, or several, is skipped, and so
    is a form without its unit or of another year: that is not a finding."""
    return _findings(comparisons(document, document, [RULE_PROJECT]))


@rule(RULE_DEPARTMENT, Severity.ERROR, "cross-table", "整体绩效目标表的预算 = 预算收支总表、支出总表")
def department_target_budget(document: Document) -> list[Finding]:
    """The department-wide target form (整体支出绩效申报表, 整体绩效目标申报表) of the department itself
    (not of a unit) states the year's budget as the budget tables do: its 合计 / 部门预算总额 is the
    收支总表's 本年收入合计 (or, when it counts 上年结转 too, 收入总计); with that scope settled, each
    按资金来源 line is the 收支总表's row of that source, 项目支出 is the 项目支出表（本年预算）合计 (not
    支出总表's 项目支出, which includes 上年结转), and 基本支出 is the 支出总表's — only where that
    holds no 上年结转 (everything carried over is project money). A part whose scope is not clear is
    not compared."""
    return _findings(comparisons(document, document, [RULE_DEPARTMENT]))


@rule(
    RULE_PROJECT_CORPUS,
    Severity.ERROR,
    "cross-table",
    "另一文件中的项目绩效目标表与项目支出表一致",
    scope="corpus",
)
def project_amount_corpus(documents: list[Document]) -> list[Finding]:
    """``cross.project-amount`` across documents: the project forms in one document (without budget
    tables of its own) against the 项目支出表 of the budget disclosure of the same department and
    fiscal year in another."""
    return _findings(corpus_comparisons(documents, [RULE_PROJECT]))


@rule(
    RULE_DEPARTMENT_CORPUS,
    Severity.ERROR,
    "cross-table",
    "另一文件中的整体绩效目标表与预算表一致",
    scope="corpus",
)
def department_target_budget_corpus(documents: list[Document]) -> list[Finding]:
    """``cross.department-target-budget`` across documents: the department-wide target form in one
    document against the budget tables of the same department and fiscal year in another."""
    return _findings(corpus_comparisons(documents, [RULE_DEPARTMENT]))
