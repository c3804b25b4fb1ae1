"""The narrative against the numbers: every figure a 情况说明 states, checked.

The statements come from ``document.statements`` (recognize/narrative). Each rule compares what
the prose says with what it must equal — the share with part ÷ whole, the change with the
difference to last year, the completion rate with actual ÷ budget, the amount with the table's
figure for the same concept (``check/catalogue/narrative.toml``), a total with its parts, the same
concept stated twice — within the rounding tolerance of ``check/tolerance.py``.

Precision comes first: a statement whose concept or scope is ambiguous (a bare 基本支出, a 三公
figure of a final account that does not say 预算 or 决算, 项目支出 in a budget outside its total)
has no concept or no table and is not checked. :func:`comparisons` returns every comparison made,
agreeing or not, so that a report can say how many statements were checked and how many agree.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from perfbudget.check.cite import cite, money, place
from perfbudget.check.comparison import finding_of
from perfbudget.check.registry import rule
from perfbudget.check.tolerance import (
    HALF,
    parts_tolerance,
    printed_tolerance,
    ratio_tolerance,
    unit_of,
)
from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.narrative import Figure, FigureRole, Statement, StatementKind
from perfbudget.model.source import SourceRef
from perfbudget.model.tables import Row, RowRole, Table
from perfbudget.read.clean import squash
from perfbudget.recognize.issuer import without_scope
from perfbudget.recognize.narrative import vocabulary
from perfbudget.recognize.vocabulary import strip_ordinal

ZERO = Decimal(0)
HUNDRED = Decimal(100)
_CATALOGUE = Path(__file__).parent.parent / "catalogue" / "narrative.toml"
_MONEY = {"万元": Decimal(1), "亿元": Decimal(10000), "千元": Decimal("0.1"), "元": Decimal("0.0001")}
_TABLE_MONEY = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
_PRIMARY = (StatementKind.AMOUNT, StatementKind.COUNT, StatementKind.COMPLETION, StatementKind.ITEM)

RULE_SHARE = "narrative.share"
RULE_CHANGE = "narrative.change"
RULE_COMPLETION = "narrative.completion"
RULE_AMOUNT = "narrative.amount"
RULE_PARTS = "narrative.parts"
RULE_CONTRADICTION = "narrative.contradiction"
RULE_NAME = "narrative.name"
RULE_BUDGET_FINAL = "narrative.budget-vs-final"


# ------------------------------------------------------------------ comparisons


@dataclass
class Comparison:
    """One relation a statement takes part in, evaluated.

    ``verdict`` is ``agree`` (within the rounding tolerance), ``rounding`` (a last digit off: shown
    as information), ``disagree`` (an error or, for names and missing table rows, a warning).
    ``figures`` and ``cells`` are everything the relation used: the statements' printed numbers and
    the table cells — a change in any of them changes the verdict.
    """

    rule: str
    statement: Statement
    verdict: str
    severity: Severity | None = None
    message: str = ""
    cited: list[CitedCell] = field(default_factory=list)
    expected: Decimal | None = None
    actual: Decimal | None = None
    difference: Decimal | None = None
    tolerance: Decimal | None = None
    figures: list[Figure] = field(default_factory=list)
    decisive: bool = True  # an equality (a bound such as Σ parts ≤ total is not)

    def finding(self) -> Finding | None:
        return finding_of(self)


# ------------------------------------------------------------------ where tables print a concept


@dataclass(frozen=True)
class _Selector:
    kind: str
    row: str
    column: str
    side: str | None = None
    title_has: str | None = None
    title_lacks: str | None = None
    stage: str | None = None
    subject: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Mapping:
    concept: str
    selectors: tuple[_Selector, ...]
    every: bool = False
    in_budget: str | None = None  # the concept to look up in a budget document instead


@cache
def mappings() -> dict[str, _Mapping]:
    data = tomllib.loads(_CATALOGUE.read_text(encoding="utf-8"))
    out: dict[str, _Mapping] = {}
    for entry in data["concept"]:
        selectors = tuple(
            _Selector(
                kind=s["kind"],
                row=s["row"],
                column=s["column"],
                side=s.get("side"),
                title_has=s.get("title_has"),
                title_lacks=s.get("title_lacks"),
                stage=s.get("stage"),
                subject=tuple(s.get("subject", ())),
            )
            for s in entry["cells"]
        )
        out[entry["id"]] = _Mapping(entry["id"], selectors, bool(entry.get("every")), entry.get("in_budget"))
    known = vocabulary().concepts
    for concept in out:
        if concept not in known:
            raise ValueError(f"narrative.toml: unknown concept {concept}")
    return out


@dataclass
class Located:
    """A table figure for a statement: the cell, or why there is none (``missing``)."""

    table: Table
    row: Row | None
    column: str
    value: Decimal | None
    missing: str | None = None  # "row": no row for the code; "empty": the cell is empty


def _doc_scope(document: Document) -> str | None:
    return {"预算": "budget", "决算": "final"}.get(document.stage or "")


def _grouped(table: Table) -> bool:
    return any(c.key.startswith(("budget.", "final.")) for c in table.columns)


def locate(
    document: Document,
    concept: str | None,
    scope: str | None,
    code: str | None = None,
    subject: str | None = None,
) -> list[Located]:
    """The table figures a statement of ``concept`` (of ``scope``, about ``code``) is compared with."""
    mapping = mappings().get(concept or "")
    doc_scope = _doc_scope(document)
    if mapping is None or doc_scope is None:
        return []
    found: list[Located] = []
    for selector in mapping.selectors:
        if (selector.row == "code") != (code is not None):
            continue
        if selector.stage is not None and selector.stage != document.stage:
            continue
        if selector.subject and subject not in selector.subject:
            continue
        for table in _tables(document, selector):
            located = _locate_in(table, selector, scope, code, doc_scope)
            if located is not None:
                found.append(located)
                break
        if found and not mapping.every:
            break
    return found


def _tables(document: Document, selector: _Selector) -> list[Table]:
    tables = []
    for table in document.tables_of(selector.kind):
        if selector.title_has and not re.search(selector.title_has, table.title):
            continue
        if selector.title_lacks and re.search(selector.title_lacks, table.title):
            continue
        if not table.rows:
            continue
        tables.append(table)
    # the prose speaks for the department: its own tables first where other units' are printed too
    tables.sort(key=lambda table: not _printed_for(table, document.department))
    return tables


def _printed_for(table: Table, department: str | None) -> bool:
    """Whether ``table`` is printed for ``department`` (or names no one)."""
    if table.issuer is None or department is None:
        return True
    return without_scope(table.issuer) == department


def _locate_in(table: Table, selector: _Selector, scope: str | None, code: str | None, doc_scope: str):
    key = selector.column
    if "{scope}" in key:
        base = key.replace("{scope}", "")
        if _grouped(table):
            if scope not in ("budget", "final"):
                return None  # 预算数 and 决算数 side by side: the statement must say which
            key = f"{scope}.{base}"
        else:
            if scope is not None and scope != doc_scope:
                return None
            key = base
    elif scope is not None and scope != doc_scope:
        return None  # a 预算 figure is not compared with a final-account table, nor the reverse
    if table.column(key, selector.side) is None:
        return None
    row = _row(table, selector, code)
    if row is None:
        if selector.row == "code":
            return Located(table, None, key, None, missing="row")
        return None
    cell = row.cells.get(key)
    if cell is None or cell.value is None:
        return Located(table, row, key, None, missing="empty")
    return Located(table, row, key, cell.value)


def _row(table: Table, selector: _Selector, code: str | None) -> Row | None:
    rows = [r for r in table.rows if selector.side is None or r.side == selector.side]
    which = selector.row
    totals = [r for r in rows if r.role == RowRole.TOTAL]
    if which == "total":
        return next((r for r in totals if r.parent is None), totals[0] if totals else None)
    if which == "year_total":
        return next((r for r in totals if r.parent is not None or "本年" in r.label), None)
    if which == "grand_total":
        roots = [r for r in totals if r.parent is None]
        named = [r for r in roots if "总计" in r.label]
        return (named or roots or [None])[-1]
    if which == "single":
        data = [r for r in rows if r.role != RowRole.NOTE and r.cells]
        return (
            data[0] if len(data) == 1 and not any(r.role == RowRole.TOTAL and r.label for r in data) else None
        )
    if which == "code":
        return next((r for r in rows if r.code == code), None)
    if which.startswith("label:"):
        pattern = re.compile(which[6:])
        return next((r for r in rows if pattern.search(strip_ordinal(squash(r.label)))), None)
    if which.startswith("group:"):
        group = which[6:]
        return next((r for r in rows if r.group == group and r.role == RowRole.TOTAL), None)
    raise ValueError(f"unknown row selector {which}")


def _table_value(located: Located) -> Decimal:
    """A located figure; an empty cell (004 prints zero as an empty cell) is zero."""
    return located.value if located.value is not None else ZERO


# ------------------------------------------------------------------ the context of one document


class _Context:
    def __init__(self, document: Document):
        self.document = document
        self.vocab = vocabulary()
        self.by_id = {s.id: s for s in document.statements}
        self.scope = _doc_scope(document)

    def statement(self, statement_id: str | None) -> Statement | None:
        return self.by_id.get(statement_id) if statement_id else None

    def subject_concept(self, statement: Statement) -> str | None:
        parent = self.statement(statement.part_of)
        return parent.concept if parent is not None else None

    # -------------------------------------------------------- citing

    def cite_figure(self, statement: Statement, figure: Figure, role: str) -> CitedCell:
        return CitedCell(
            ref=SourceRef(file=self.document.source.path, line=figure.line, page=figure.page),
            text=statement.sentence,
            value=figure.value,
            role=role,
            row_label=statement.wording or self.vocab.name(statement.concept),
            column_header=statement.section or "情况说明",
        )

    def cite_cell(self, located: Located, role: str, document: Document | None = None) -> CitedCell:
        """A table cell (of this document, or of ``document`` where the table is another's)."""
        document = document or self.document
        if located.row is None:
            return CitedCell(
                ref=SourceRef(file=document.source.path, line=located.table.line, page=located.table.page,
                              table=located.table.id),
                text="",
                role=role,
                row_label="",
                column_header=located.column,
            )  # fmt: skip
        return cite(document, located.table, located.row, located.column, role)

    # -------------------------------------------------------- values stated elsewhere

    def stated(
        self, concept: str | None, scope: str | None, code: str | None, before: Statement
    ) -> tuple[Statement, Figure] | None:
        """The figure of ``concept`` stated elsewhere in the prose (the nearest one before
        ``before``, else after it), when all such statements agree."""
        if concept is None:
            return None
        candidates: list[tuple[Statement, Figure]] = []
        for statement in self.document.statements:
            if statement.id == before.id or statement.concept != concept or statement.code != code:
                continue
            if statement.kind not in _PRIMARY:
                continue
            figure = _figure_of_scope(statement, scope, self.scope)
            if figure is not None:
                candidates.append((statement, figure))
        if not candidates:
            return None
        values = {c[1].value for c in candidates}
        if len(values) > 1 and max(values) - min(values) > printed_tolerance(max(values), min(values)):
            return None  # the prose contradicts itself: narrative.contradiction says so
        earlier = [c for c in candidates if _order(c[0]) < _order(before)]
        return earlier[-1] if earlier else candidates[0]


def _order(statement: Statement) -> int:
    return int(statement.id[1:]) if statement.id[1:].isdigit() else 0


def _figure_of_scope(statement: Statement, scope: str | None, doc_scope: str | None) -> Figure | None:
    """The figure of a statement that states its concept in ``scope`` (budget/final/None=as printed)."""
    if statement.kind in (StatementKind.COMPLETION, StatementKind.ITEM):
        if scope == "budget":
            return statement.figure(FigureRole.BUDGET)
        if scope in ("final", None):
            return statement.figure(FigureRole.ACTUAL)
        return None
    figure = statement.figure(FigureRole.VALUE)
    if figure is None:
        return None
    mine = statement.scope or doc_scope
    if scope is not None and mine != scope:
        return None
    return figure


def _in_table_unit(figure: Figure, table: Table | None, document: Document) -> Decimal:
    """A stated amount in the unit of the table it is compared with (万元 unless the table says 元)."""
    factor = _MONEY.get(figure.unit)
    if factor is None:
        return figure.value
    unit = (table.unit if table is not None else None) or document.money_unit or "万元"
    target = _TABLE_MONEY.get(unit, Decimal(1))
    value = figure.value * factor / target
    return value


_BREAK = "，,；;。：:、"


def _is_break(text: str, i: int) -> bool:
    """A phrase boundary at ``text[i]`` (an ASCII comma between digits is a thousands separator)."""
    if text[i] not in _BREAK:
        return False
    return not (text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def _quote(statement: Statement, figure: Figure | None = None, limit: int = 70) -> str:
    """The words of the sentence that make the statement: from the phrase that names the concept to
    the phrase of the figure (``其他收入8.15万元，占0.00%``), or the clause when that is short."""
    text = statement.clause or statement.sentence
    if statement.kind == StatementKind.ITEM and statement.wording:
        return f"“{statement.wording}：{text.strip().rstrip(_BREAK)}”"
    figure = figure or (statement.figures[0] if statement.figures else None)
    if figure is not None and len(text) > limit:
        at = text.find(figure.text)
        if at >= 0:
            end = at + len(figure.text)
            while end < len(text) and not _is_break(text, end):
                end += 1
            if end < len(text) - 1 and text[end] in "，,":  # 其他收入8.15万元，占0.00%
                nxt = end + 1
                while nxt < len(text) and not _is_break(text, nxt):
                    nxt += 1
                follows = {
                    StatementKind.SHARE: ("占",),
                    StatementKind.COMPLETION: ("完成",),
                    StatementKind.CHANGE: ("增长", "下降", "增加", "减少"),
                }.get(statement.kind, ())
                if follows and text[end + 1 : nxt].startswith(follows):
                    end = nxt
            start = at
            wording = statement.wording
            begin = text.rfind(wording, 0, at) if wording else -1
            if begin >= 0:
                start = begin
            while start > 0 and not _is_break(text, start - 1):
                start -= 1
            text = text[start:end]
    text = text.strip().rstrip(_BREAK)
    if len(text) > limit + 30:
        text = text[: limit + 29] + "…"
    return f"“{text}”"


def _pct(value: Decimal, places: int = 2) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places)):,}%"


def _num(value: Decimal | None, places: int | None = None) -> str:
    if value is None:
        return "空"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    return f"{value:,}"


def _places(figure: Figure) -> int:
    exponent = figure.value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _within(verdict: str, tolerance: Decimal, band: bool = False) -> str:
    """How a difference relates to the tolerance, in words. ``band``: a rate's "rounding" verdict
    means beyond the tolerance by less than one more half unit of its last digit."""
    tolerance = tolerance.normalize() if tolerance == tolerance.to_integral() else tolerance
    shown = _num(tolerance, 3) if abs(tolerance.as_tuple().exponent) > 3 else f"{tolerance}"
    if verdict == "agree" or (verdict == "rounding" and not band):
        return f"在尾数误差 {shown} 以内"
    if verdict == "rounding":
        return f"超出尾数误差 {shown}，但只差末位一个单位，按尾数误差提示"
    return f"超出尾数误差 {shown}"


def _rate_verdict(difference: Decimal, tolerance: Decimal, printed: Figure) -> tuple[str, Severity | None]:
    """A rate within the tolerance agrees. One printed with two or more decimals whose last digit is
    off by one (``占0.08%`` for 0.0741%: rounded up, or computed from other roundings) is reported as
    rounding; a rate printed with fewer decimals has no such slack (``74%`` for 74.00% is exact, so
    ``75%`` is wrong)."""
    if abs(difference) <= tolerance:
        return "agree", None
    places = _places(printed)
    if places >= 2 and abs(difference) <= tolerance + HALF * Decimal(1).scaleb(-places):
        return "rounding", Severity.INFO
    return "disagree", Severity.ERROR


# ------------------------------------------------------------------ the comparisons, rule by rule


def _shares(ctx: _Context) -> Iterator[Comparison]:
    for statement in ctx.document.statements:
        if statement.kind != StatementKind.SHARE:
            continue
        rate = statement.figure(FigureRole.RATE)
        part = statement.figure(FigureRole.PART)
        if rate is None or part is None:
            continue
        part_statement = ctx.statement(part.statement) or statement
        whole = statement.figure(FigureRole.WHOLE)
        whole_statement = ctx.statement(whole.statement) if whole is not None else None
        whole_cells: list[CitedCell] = []
        whole_value = whole.value if whole is not None else None
        if whole is None and statement.whole_concept is not None:
            found = ctx.stated(statement.whole_concept, part_statement.scope, None, statement)
            if found is not None:
                whole_statement, whole = found
                whole_value = whole.value
            else:
                located = locate(ctx.document, statement.whole_concept, part_statement.scope)
                if len(located) == 1 and located[0].value is not None:
                    whole_value = located[0].value
                    whole_cells = [ctx.cite_cell(located[0], "whole")]
        if whole_value is None or whole_value == 0:
            continue
        part_value = part.value
        if whole is not None and part.unit != whole.unit and part.unit in _MONEY and whole.unit in _MONEY:
            part_value = part.value * _MONEY[part.unit] / _MONEY[whole.unit]
        expected = HUNDRED * part_value / whole_value
        difference = rate.value - expected
        tolerance = ratio_tolerance(rate.value, part_value, whole_value)
        verdict, severity = _rate_verdict(difference, tolerance, rate)
        cited = [ctx.cite_figure(statement, rate, "rate"), ctx.cite_figure(part_statement, part, "part")]
        if whole is not None and whole_statement is not None:
            cited.append(ctx.cite_figure(whole_statement, whole, "whole"))
        cited += whole_cells
        whole_name = statement.whole_wording or (whole_statement.wording if whole_statement else "") or "总数"
        bare = "（原文未印“%”）" if rate.unit == "%" and not _printed_percent(statement, rate) else ""
        message = (
            f"{_quote(statement, rate)}：{_num(part_value)} ÷ {whole_name} {_num(whole_value)} = {_pct(expected)}，"
            f"文中为 {rate.text}%{bare}，相差 {_num(difference, 2)} 个百分点（{_within(verdict, tolerance, band=True)}）"
        )
        yield Comparison(
            RULE_SHARE, statement, verdict, severity, message, cited, expected, rate.value, difference, tolerance,
            figures=[rate, part] + ([whole] if whole is not None else []),
        )  # fmt: skip


def _printed_percent(statement: Statement, figure: Figure) -> bool:
    """Whether the rate was printed with its % sign (``完成年初预算的96.35。`` was not)."""
    sentence = statement.sentence
    position = sentence.find(figure.text)
    while position >= 0:
        after = sentence[position + len(figure.text) : position + len(figure.text) + 2].lstrip()
        if after.startswith(("%", "％")):
            return True
        position = sentence.find(figure.text, position + 1)
    return False


def _changes(ctx: _Context) -> Iterator[Comparison]:
    for statement in ctx.document.statements:
        if statement.kind != StatementKind.CHANGE:
            continue
        change = statement.figure(FigureRole.CHANGE)
        rate = statement.figure(FigureRole.RATE)
        current = statement.figure(FigureRole.CURRENT)
        prior = statement.figure(FigureRole.PRIOR)
        if change is None or current is None:
            continue
        current_statement = ctx.statement(current.statement) or statement
        cited_base = [
            ctx.cite_figure(statement, change, "change"),
            ctx.cite_figure(current_statement, current, "current"),
        ]
        if prior is not None:
            expected = current.value - prior.value
            difference = change.value - expected
            tolerance = parts_tolerance(current.value, [prior.value, change.value])
            verdict = "agree" if abs(difference) <= tolerance else "disagree"
            yield Comparison(
                RULE_CHANGE, statement, verdict, Severity.ERROR if verdict == "disagree" else None,
                f"{_quote(statement)}：本年 {_num(current.value)} − 上年 {_num(prior.value)} = {_num(expected)}，"
                f"文中增减 {_num(change.value)}，相差 {_num(difference)}",
                [*cited_base, ctx.cite_figure(statement, prior, "prior")], expected, change.value, difference, tolerance,
                figures=[change, current, prior],
            )  # fmt: skip
        if rate is None:
            continue
        if (rate.value > 0 > change.value) or (rate.value < 0 < change.value):
            yield Comparison(
                RULE_CHANGE, statement, "disagree", Severity.ERROR,
                f"{_quote(statement)}：增减金额 {change.text} 与增减幅度 {rate.text}% 的方向不一致",
                [*cited_base, ctx.cite_figure(statement, rate, "rate")], figures=[change, rate],
            )  # fmt: skip
            continue
        base = prior.value if prior is not None else current.value - change.value
        if base < 0:  # an increase larger than this year's figure: last year's would be negative
            yield Comparison(
                RULE_CHANGE, statement, "disagree", Severity.ERROR,
                f"{_quote(statement)}：本年为 {_num(current.value)}，增减 {_num(change.value)}，"
                f"上年将为 {_num(base)}（负数），增减额与本年数不符",
                [*cited_base, ctx.cite_figure(statement, rate, "rate")], current.value, change.value, figures=[change, current],
            )  # fmt: skip
            continue
        if base == 0:
            continue
        expected = HUNDRED * change.value / base
        half_current = HALF * unit_of([current.value])
        half_change = HALF * unit_of([change.value])
        tolerance = ratio_tolerance(rate.value, change.value, base, half_change, half_current + half_change)
        difference = rate.value - expected
        verdict, severity = _rate_verdict(difference, tolerance, rate)
        # in the words of the prose: 上年 = 本年 − 增加 (+ 减少), 应增长/下降 …%, 文中为 增长/下降 …%
        moved = "减少" if change.value < 0 else "增加"
        should = "下降" if expected < 0 else "增长"
        stated = "下降" if rate.value < 0 else "增长"
        message = (
            f"{_quote(statement)}：上年为 {_num(base)}（本年 {_num(current.value)}，{moved} {_num(abs(change.value))}），"
            f"应{should} {_num(abs(change.value))} ÷ {_num(base)} = {_pct(abs(expected))}，文中为{stated} {rate.text}%，"
            f"相差 {_num(abs(difference), 2)} 个百分点（{_within(verdict, tolerance, band=True)}）"
        )
        yield Comparison(
            RULE_CHANGE, statement, verdict, severity, message,
            [*cited_base, ctx.cite_figure(statement, rate, "rate")], expected, rate.value, difference, tolerance,
            figures=[change, current, rate],
        )  # fmt: skip


def _completions(ctx: _Context) -> Iterator[Comparison]:
    for statement in ctx.document.statements:
        if statement.kind not in (StatementKind.COMPLETION, StatementKind.ITEM):
            continue
        rate = statement.figure(FigureRole.RATE)
        if rate is None:
            continue
        budget, budget_cite, budget_statement = _resolve(ctx, statement, FigureRole.BUDGET, "budget")
        actual, actual_cite, actual_statement = _resolve(ctx, statement, FigureRole.ACTUAL, "final")
        if budget is None or actual is None or budget == 0:
            continue
        expected = HUNDRED * actual / budget
        difference = rate.value - expected
        tolerance = ratio_tolerance(rate.value, actual, budget)
        verdict, severity = _rate_verdict(difference, tolerance, rate)
        bare = "" if _printed_percent(statement, rate) else "（原文未印“%”）"
        message = (
            f"{_quote(statement)}：支出决算 {_num(actual)} ÷ 预算 {_num(budget)} = {_pct(expected)}，"
            f"文中完成率为 {rate.text}%{bare}，相差 {_num(difference, 2)} 个百分点（{_within(verdict, tolerance, band=True)}）"
        )
        figures = [rate] + [f for f in (budget_statement, actual_statement) if f is not None]
        yield Comparison(
            RULE_COMPLETION, statement, verdict, severity, message,
            [ctx.cite_figure(statement, rate, "rate"), *budget_cite, *actual_cite], expected, rate.value,
            difference, tolerance, figures=figures,
        )  # fmt: skip


def _resolve(ctx: _Context, statement: Statement, role: FigureRole, scope: str):
    """The budget (or actual) a completion rate is computed from: as stated in the statement, as
    stated elsewhere for the same concept, or as printed in the table (the 三公 预算数 column)."""
    figure = statement.figure(role)
    if figure is not None:
        return figure.value, [ctx.cite_figure(statement, figure, role.value)], figure
    found = ctx.stated(statement.concept, scope, statement.code, statement)
    if found is not None:
        other, other_figure = found
        return other_figure.value, [ctx.cite_figure(other, other_figure, role.value)], other_figure
    located = locate(ctx.document, statement.concept, scope, statement.code, ctx.subject_concept(statement))
    if len(located) == 1 and located[0].missing != "row":
        return _table_value(located[0]), [ctx.cite_cell(located[0], role.value)], None
    return None, [], None


def _amounts(ctx: _Context) -> Iterator[Comparison]:
    for statement in ctx.document.statements:
        if statement.kind not in _PRIMARY or statement.concept is None:
            continue
        subject = ctx.subject_concept(statement)
        pairs: list[tuple[Figure, str | None]] = []
        if statement.kind in (StatementKind.AMOUNT, StatementKind.COUNT):
            figure = statement.figure(FigureRole.VALUE)
            if figure is not None:
                pairs.append((figure, statement.scope))
        else:
            if ctx.scope == "final":  # a completion in a budget is about an earlier year
                for role, scope in ((FigureRole.BUDGET, "budget"), (FigureRole.ACTUAL, "final")):
                    figure = statement.figure(role)
                    if figure is not None:
                        pairs.append((figure, scope))
        for figure, scope in pairs:
            for located in locate(ctx.document, statement.concept, scope, statement.code, subject):
                comparison = _compare_amount(ctx, statement, figure, located)
                if comparison is not None:
                    yield comparison


def _compare_amount(
    ctx: _Context, statement: Statement, figure: Figure, located: Located, other: Document | None = None
) -> Comparison | None:
    """A stated figure against a table cell (of ``other``, the budget, in the corpus rule)."""
    stated = _in_table_unit(figure, located.table, other or ctx.document)
    name = ctx.vocab.name(statement.concept)
    if statement.code:
        name = f"{statement.code} {statement.wording or name}"
    where = (
        place(located.table, located.row, located.column)
        if located.row is not None
        else f"《{located.table.title}》"
    )
    cited = [ctx.cite_figure(statement, figure, "stated"), ctx.cite_cell(located, "table", other)]
    if located.missing is not None:
        if stated == 0:
            return Comparison(
                RULE_AMOUNT, statement, "agree", None, "", cited, ZERO, stated, ZERO, ZERO, [figure]
            )
        what = "没有这一科目" if located.missing == "row" else "为空"
        return Comparison(
            RULE_AMOUNT, statement, "disagree", Severity.WARNING,
            f"{_quote(statement)}：文中{name}为 {figure.text}{figure.unit}，而{where}{what}",
            cited, None, stated, None, None, [figure],
        )  # fmt: skip
    table_value = located.value
    difference = stated - table_value
    tolerance = ZERO if figure.unit not in _MONEY else printed_tolerance(stated, table_value)
    if figure.unit in _MONEY and figure.unit != "万元":
        tolerance = max(tolerance, unit_of([table_value]))
    if difference == 0:
        verdict, severity = "agree", None
    elif abs(difference) <= tolerance:
        verdict, severity = "rounding", Severity.INFO
    else:
        verdict, severity = "disagree", Severity.ERROR
    message = (
        f"{_quote(statement, figure)}：文中{name}为 {figure.text}{figure.unit}，{where}为 {money(table_value)}，"
        f"相差 {difference:+,}（{_within(verdict, tolerance)}）"
    )
    return Comparison(
        RULE_AMOUNT, statement, verdict, severity, message, cited, table_value, stated, difference, tolerance,
        figures=[figure],
    )  # fmt: skip


def _parts(ctx: _Context) -> Iterator[Comparison]:
    """A stated whole and the parts listed after it (其中：…) — a complete breakdown adds up to it;
    any breakdown adds up to no more than it."""
    children: dict[str, list[Statement]] = {}
    for statement in ctx.document.statements:
        if statement.part_of and statement.kind in _PRIMARY and statement.concept is not None:
            children.setdefault(statement.part_of, []).append(statement)
    for whole_id, parts in children.items():
        whole = ctx.statement(whole_id)
        if whole is None or whole.concept is None:
            continue
        by_measure: dict[str, list[Statement]] = {}
        for part in parts:
            figure = _value_figure(part)
            if figure is not None:
                by_measure.setdefault(_measure_of(figure.unit), []).append(part)
        for measure, members in by_measure.items():
            target = whole
            figure = _value_figure(whole)
            if figure is None:
                continue
            if _measure_of(figure.unit) != measure:
                target = _sibling_of_measure(ctx, whole, measure)
                if target is None:
                    continue
            comparison = _compare_parts(ctx, target, members)
            if comparison is not None:
                yield comparison


def _value_figure(statement: Statement) -> Figure | None:
    return statement.figure(FigureRole.VALUE) or statement.figure(FigureRole.ACTUAL)


def _measure_of(unit: str) -> str:
    return "amount" if unit in _MONEY else "count"


def _sibling_of_measure(ctx: _Context, whole: Statement, measure: str) -> Statement | None:
    """项目15个，共计金额2,860.00万元: the money of a counted whole, stated right after it."""
    amount_concept = ctx.vocab.amount_of.get(whole.concept or "")
    if amount_concept is None or measure != "amount":
        return None
    for statement in ctx.document.statements:
        if (
            statement.concept == amount_concept
            and statement.line == whole.line
            and _order(statement) > _order(whole)
        ):
            return statement
    return None


def _compare_parts(ctx: _Context, whole: Statement, parts: list[Statement]) -> Comparison | None:
    whole_figure = _value_figure(whole)
    concept = ctx.vocab.get(whole.concept)
    if whole_figure is None or concept is None:
        return None
    stated: dict[str, tuple[Statement, Figure]] = {}
    coded: list[tuple[Statement, Figure]] = []
    for part in parts:
        figure = _value_figure(part)
        if figure is None:
            continue
        if part.code is not None and part.concept == whole.concept:
            coded.append((part, figure))
            continue
        if part.concept in stated and stated[part.concept][1].value != figure.value:
            return None  # the same part stated twice differently: narrative.contradiction
        stated.setdefault(part.concept, (part, figure))
    used = _cover(ctx, concept, stated)
    complete = used is not None
    if coded and not stated:
        chosen = coded
        complete = False  # 主要用于以下方面：… lists the main classes, not necessarily all
    elif used is not None:
        chosen = [stated[c] for c in used]
    else:
        allowed = {m for partition in concept.partitions for m in partition}
        chosen = [v for c, v in stated.items() if c in allowed and not _inside(ctx, c, stated)]
        if len(chosen) < 2:
            return None
    values = [_in_unit(f, whole_figure) for _, f in chosen]
    total = sum(values, ZERO)
    tolerance = parts_tolerance(whole_figure.value, values) if whole_figure.unit in _MONEY else ZERO
    difference = whole_figure.value - total
    if complete:
        verdict = "agree" if difference == 0 else ("rounding" if abs(difference) <= tolerance else "disagree")
    else:
        verdict = "agree" if difference >= -tolerance else "disagree"
        if verdict == "agree" and difference < 0:
            verdict = "rounding"
    severity = {"agree": None, "rounding": Severity.INFO, "disagree": Severity.ERROR}[verdict]
    if coded and not stated:
        names = f"所列 {len(chosen)} 个科目"
    else:
        names = "、".join(f"{_label(ctx, p)} {f.text}" for p, f in chosen)
    relation = "之和" if complete else "之和（所列为部分项目，不应超过总数）"
    message = (
        f"{_quote(whole)}：{_label(ctx, whole)}为 {whole_figure.text}{whole_figure.unit}，"
        f"其中{names}{relation}为 {_num(total)}，相差 {difference:+,}（{_within(verdict, tolerance)}）"
    )
    cited = [ctx.cite_figure(whole, whole_figure, "total")] + [
        ctx.cite_figure(p, f, "part") for p, f in chosen
    ]
    return Comparison(
        RULE_PARTS, whole, verdict, severity, message, cited, total, whole_figure.value, difference, tolerance,
        figures=[whole_figure] + [f for _, f in chosen], decisive=complete,
    )  # fmt: skip


def _label(ctx: _Context, statement: Statement) -> str:
    """How to name a statement's concept in a message: as worded, unless the wording is generic
    (涉及金额) or the concept was read from the words around it."""
    concept = ctx.vocab.get(statement.concept)
    if concept is not None and (concept.amount_of or not statement.wording):
        return concept.name
    return statement.wording or ctx.vocab.name(statement.concept)


def _in_unit(figure: Figure, whole: Figure) -> Decimal:
    if figure.unit in _MONEY and whole.unit in _MONEY and figure.unit != whole.unit:
        return figure.value * _MONEY[figure.unit] / _MONEY[whole.unit]
    return figure.value


def _inside(ctx: _Context, concept_id: str, stated: dict) -> bool:
    """Whether another stated part contains this one (公务用车购置费 inside 公务用车购置及运行费)."""
    for other in stated:
        inner = ctx.vocab.get(other)
        if other != concept_id and inner is not None and any(concept_id in p for p in inner.partitions):
            return True
    return False


def _cover(ctx: _Context, concept, stated: dict) -> list[str] | None:
    """The stated parts that make a complete breakdown of ``concept``, or ``None``."""
    for partition in concept.partitions:
        used: list[str] = []
        complete = True
        for member in partition:
            if member in stated:
                used.append(member)
                continue
            inner = ctx.vocab.get(member)
            sub = _cover(ctx, inner, stated) if inner is not None and inner.partitions else None
            if sub is not None:
                used.extend(sub)
                continue
            if concept.catch_all and concept.catch_all in stated:
                continue  # 其他用车 closes the list: the categories not named have none
            complete = False
            break
        if complete and len(used) >= 2:
            return used
    return None


def _contradictions(ctx: _Context) -> Iterator[Comparison]:
    """The same concept stated twice with two values."""
    claims: dict[tuple, list[tuple[Statement, Figure, str | None]]] = {}
    explicit: dict[tuple, set[str]] = {}
    for statement in ctx.document.statements:
        if statement.kind not in _PRIMARY or statement.concept is None:
            continue
        entries: list[tuple[Figure, str | None]] = []
        if statement.kind in (StatementKind.AMOUNT, StatementKind.COUNT):
            figure = statement.figure(FigureRole.VALUE)
            if figure is not None:
                entries.append((figure, statement.scope))
        else:
            for role, scope in ((FigureRole.BUDGET, "budget"), (FigureRole.ACTUAL, "final")):
                figure = statement.figure(role)
                if figure is not None:
                    entries.append((figure, scope))
        for figure, scope in entries:
            key = (statement.concept, statement.code, _measure_of(figure.unit))
            claims.setdefault(key, []).append((statement, figure, scope))
            if scope is not None:
                explicit.setdefault(key, set()).add(scope)
    for key, entries in claims.items():
        scopes = explicit.get(key, set())
        for scope in ("budget", "final", None):
            if scope is None:
                group = [e for e in entries if e[2] is None]
                if len(scopes) == 1:  # unqualified statements read as the one scope the others state
                    continue
            else:
                group = [e for e in entries if e[2] == scope]
                if len(scopes) == 1 and scope in scopes and (scope == ctx.scope):
                    group += [e for e in entries if e[2] is None]
            group.sort(key=lambda e: _order(e[0]))
            yield from _compare_claims(ctx, group)


def _compare_claims(ctx: _Context, group: list[tuple[Statement, Figure, str | None]]) -> Iterator[Comparison]:
    if len(group) < 2:
        return
    first, first_figure, _ = group[0]
    for statement, figure, _ in group[1:]:
        if statement.id == first.id:
            continue
        a, b = _in_unit(figure, first_figure), first_figure.value
        difference = a - b
        tolerance = printed_tolerance(a, b) if figure.unit in _MONEY else ZERO
        if difference == 0:
            verdict, severity = "agree", None
        elif abs(difference) <= tolerance:
            verdict, severity = "rounding", Severity.INFO
        else:
            verdict, severity = "disagree", Severity.ERROR
        name = ctx.vocab.name(statement.concept)
        if statement.code:
            name += f"（{statement.code}）"
        message = (
            f"{_quote(statement, figure)}：{name}为 {figure.text}{figure.unit}，而前文（第 {first_figure.line} 行）"
            f"{_quote(first, first_figure)}为 {first_figure.text}{first_figure.unit}，相差 {difference:+,}"
            f"（{_within(verdict, tolerance)}）"
        )
        yield Comparison(
            RULE_CONTRADICTION, statement, verdict, severity, message,
            [ctx.cite_figure(statement, figure, "stated"), ctx.cite_figure(first, first_figure, "stated before")],
            b, a, difference, tolerance, figures=[figure, first_figure],
        )  # fmt: skip


def _names(ctx: _Context) -> Iterator[Comparison]:
    """A 类/款/项 the prose names with another name than the table prints for the same code."""
    from perfbudget.reference import normalize_name

    for statement in ctx.document.statements:
        if statement.kind not in (StatementKind.ITEM, StatementKind.AMOUNT) or (
            not statement.path and not statement.code
        ):
            continue
        if statement.kind == StatementKind.ITEM and statement.code is None and statement.path:
            if statement.concept is None and ctx.statement(statement.part_of) is None:
                continue
            figure = _value_figure(statement)
            yield Comparison(
                RULE_NAME, statement, "disagree", Severity.WARNING,
                f"{_quote(statement, 60)}：科目“{'/'.join(statement.path)}”在政府收支分类科目中找不到，无法与表格核对",
                [ctx.cite_figure(statement, figure, "stated")] if figure is not None else [],
            )  # fmt: skip
            continue
        if statement.code is None or statement.concept is None:
            continue
        subject = ctx.subject_concept(statement)
        scope = "final" if statement.kind == StatementKind.ITEM else statement.scope
        located = locate(ctx.document, statement.concept, scope, statement.code, subject)
        if not located or located[0].row is None:
            continue
        table = located[0].table
        printed = statement.path or [_strip_class_marker(statement.wording)]
        codes = (
            [statement.code[: 3 + 2 * i] for i in range(len(printed))] if statement.path else [statement.code]
        )
        for name, code in zip(printed, codes, strict=False):
            row = next((r for r in table.rows if r.code == code), None)
            if row is None or not row.label:
                continue
            if _same_name(normalize_name(name), normalize_name(strip_ordinal(row.label))):
                continue
            figure = _value_figure(statement)
            cited = [ctx.cite_figure(statement, figure, "stated")] if figure is not None else []
            key = "name" if table.column("name") else located[0].column
            cited.append(cite(ctx.document, table, row, key, "name"))
            yield Comparison(
                RULE_NAME, statement, "disagree", Severity.WARNING,
                f"{_quote(statement, 60)}：文中“{name}”，{place(table, row)}的名称为“{strip_ordinal(row.label)}”",
                cited,
            )  # fmt: skip


def _strip_class_marker(text: str) -> str:
    return re.sub(r"[（(]\s*类\s*[）)]", "", text)


def _same_name(a: str, b: str) -> bool:
    a, b = _strip_class_marker(a), _strip_class_marker(b)
    return a == b or a + "支出" == b or a == b + "支出"


# ------------------------------------------------------------------ public API


_EVALUATORS = {
    RULE_SHARE: _shares,
    RULE_CHANGE: _changes,
    RULE_COMPLETION: _completions,
    RULE_AMOUNT: _amounts,
    RULE_PARTS: _parts,
    RULE_CONTRADICTION: _contradictions,
    RULE_NAME: _names,
}


def comparisons(document: Document, rules: Iterable[str] | None = None) -> list[Comparison]:
    """Every comparison the narrative rules make on ``document`` (agreeing ones included)."""
    wanted = set(rules) if rules is not None else set(_EVALUATORS)
    ctx = _Context(document)
    out: list[Comparison] = []
    for rule_id, evaluate in _EVALUATORS.items():
        if rule_id in wanted:
            out.extend(evaluate(ctx))
    return out


def _findings(document: Document, rule_id: str) -> list[Finding]:
    if not document.statements:
        return []
    return [f for c in comparisons(document, [rule_id]) if (f := c.finding()) is not None]


@rule(RULE_SHARE, Severity.ERROR, "narrative", "文中占比 = 部分 ÷ 总数")
def share(document: Document) -> list[Finding]:
    """A share the prose states (``其他收入8.15万元，占0.00%``, ``占支出合计的98.75%``) equals the
    part divided by the whole, the whole being the figure the list is a breakdown of, the whole the
    sentence names, or the concept the sentence is about. The tolerance is
    :func:`~perfbudget.check.tolerance.ratio_tolerance`; a last digit off by one is information."""
    return _findings(document, RULE_SHARE)


@rule(RULE_CHANGE, Severity.ERROR, "narrative", "文中增减额与增减幅度一致")
def change(document: Document) -> list[Finding]:
    """A change on last year (``增加1,205.30万元，增长16.74%``) is consistent: the rate equals the
    change divided by last year's figure (this year's figure minus the change), and a stated
    last-year figure equals this year's minus the change."""
    return _findings(document, RULE_CHANGE)


@rule(RULE_COMPLETION, Severity.ERROR, "narrative", "文中完成率 = 决算 ÷ 预算")
def completion(document: Document) -> list[Finding]:
    """A completion rate (``年初预算为12.60万元，支出决算为6.00万元，完成年初预算的47.62%``) equals the
    actual divided by the budget; where the sentence states only one of them, the other is taken
    from another statement of the same concept or from the table (the 三公 预算数)."""
    return _findings(document, RULE_COMPLETION)


@rule(RULE_AMOUNT, Severity.ERROR, "narrative", "文中金额与表格一致")
def amount(document: Document) -> list[Finding]:
    """An amount the prose states equals the table's figure for the same concept: 本年收入合计 the
    收入表 合计, 基本支出 the 支出表 合计 row, a 三公 item the 三公 table, a 类/款/项 line the row of
    its code in the 一般公共预算支出表 (concepts and cells in ``check/catalogue/narrative.toml``).
    Only figures of the document's own scope are compared (a 年初预算 is not a final-account figure);
    an ambiguous concept is not compared at all. A stated figure whose row is missing or empty in
    the table is a warning."""
    return _findings(document, RULE_AMOUNT)


@rule(RULE_PARTS, Severity.ERROR, "narrative", "文中总数等于其中各项之和")
def parts(document: Document) -> list[Finding]:
    """A total and the parts listed after it (``其中：``): when the parts make a complete breakdown of
    the total (政府采购 货物 + 工程 + 服务; 车辆 by category, closed by 其他用车; 人员经费 + 公用经费),
    they add up to it; any list of parts adds up to no more than the total."""
    return _findings(document, RULE_PARTS)


@rule(RULE_CONTRADICTION, Severity.ERROR, "narrative", "文中同一数字前后一致")
def contradiction(document: Document) -> list[Finding]:
    """The same concept (with the same scope and classification code) stated twice in the prose has
    the same value, within rounding."""
    return _findings(document, RULE_CONTRADICTION)


@rule(RULE_NAME, Severity.WARNING, "narrative", "文中科目名称与表格一致")
def name(document: Document) -> list[Finding]:
    """A 类/款/项 the prose names (a per-item line, a class in a 主要用于 list) has the name the table
    prints for the same code; spelling variants (其它/其他, a dropped 支出) pass, another edition's
    name or another name is a warning. An item whose names match no classification code is a
    warning too, since it cannot be checked."""
    return _findings(document, RULE_NAME)


# ------------------------------------------------------------------ across documents


def _department_key(document: Document) -> str | None:
    if not document.department:
        return None
    return re.sub(r"[（(][^）)]*[）)]$", "", squash(document.department))


def pairs(documents: Iterable[Document]) -> Iterator[tuple[Document, Document]]:
    """(budget, final account) pairs of one department and year."""
    budgets: dict[tuple, list[Document]] = {}
    finals: list[Document] = []
    for document in documents:
        key = (_department_key(document), document.fiscal_year)
        if key[0] is None or key[1] is None:
            continue
        if document.stage == "预算":
            budgets.setdefault(key, []).append(document)
        elif document.stage == "决算":
            finals.append(document)
    for final in finals:
        for budget in budgets.get((_department_key(final), final.fiscal_year), []):
            if budget.scope and final.scope and budget.scope != final.scope:
                continue  # a 本级 budget is not a 汇总 final account
            yield budget, final


def budget_vs_final(budget: Document, final: Document) -> list[Comparison]:
    """The 年初预算 figures a final account states, against the budget's own tables."""
    ctx = _Context(final)
    out: list[Comparison] = []
    for statement in final.statements:
        if statement.concept is None:
            continue
        if statement.kind in (StatementKind.COMPLETION, StatementKind.ITEM):
            figure = statement.figure(FigureRole.BUDGET)
        elif statement.kind == StatementKind.AMOUNT and statement.scope == "budget":
            figure = statement.figure(FigureRole.VALUE)
        else:
            figure = None
        if figure is None:
            continue
        mapping = mappings().get(statement.concept)
        concept = mapping.in_budget if mapping is not None and mapping.in_budget else statement.concept
        subject = ctx.subject_concept(statement)
        for located in locate(budget, concept, "budget", statement.code, subject):
            comparison = _compare_amount(ctx, statement, figure, located, budget)
            if comparison is None:
                continue
            comparison.rule = RULE_BUDGET_FINAL
            comparison.message = comparison.message.replace(
                "：文中", f"：决算说明中的年初预算（{final.source.name}）", 1
            ).replace("，《", f"，预算公开（{budget.source.name}）《", 1)
            out.append(comparison)
    return out


@rule(
    RULE_BUDGET_FINAL, Severity.ERROR, "narrative", "决算说明中的年初预算与部门预算公开一致", scope="corpus"
)
def budget_final(documents: list[Document]) -> list[Finding]:
    """Where both the budget disclosure and the final account of one department and year are at
    hand, the 年初预算 figures the final account's 情况说明 states (per-item lines, the
    一般公共预算 total, the 三公 预算数) equal the budget disclosure's tables."""
    found: list[Finding] = []
    for budget, final in pairs(documents):
        found.extend(f for c in budget_vs_final(budget, final) if (f := c.finding()) is not None)
    return found
