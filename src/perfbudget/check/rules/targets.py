"""The checks a finance reviewer runs on performance targets (绩效目标) before approving them.

They read the recognised forms — ``document.department_targets`` (整体绩效目标) and
``document.project_targets`` (项目绩效目标) — never the text: are the required indicator categories
there, does every indicator have a value, is its comparison complete, is a rate or a satisfaction
target possible at all, does a cost indicator give an amount and cap it, is an indicator listed
twice, and do the 实施期 and 年度 halves of a one-year project agree. The money of the forms
(funding sources, spending plan, 预算情况) is checked in ``spending.py``.

Precision comes first: a rule says nothing where the form does not say enough (an indicator the
vocabulary cannot place, a qualitative value, a project without a stated term). The words the rules
rely on are data, in ``check/catalogue/targets.toml``. Every finding cites the line of the
indicator or field it is about, with the text as printed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from perfbudget.check.cite import money
from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.performance import (
    Comparison,
    DepartmentTarget,
    Figure,
    Indicator,
    Period,
    ProjectTarget,
    Target,
    Text,
)
from perfbudget.model.source import SourceRef
from perfbudget.read.clean import squash

HUNDRED = Decimal(100)
_CATALOGUE = Path(__file__).parent.parent / "catalogue" / "targets.toml"


# ------------------------------------------------------------------ the vocabulary


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    level: int
    parent: str | None
    words: tuple[str, ...]


@dataclass(frozen=True)
class Requirement:
    form: str
    templates: tuple[str, ...]
    require: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    categories: tuple[Category, ...]
    requirements: tuple[Requirement, ...]
    words: dict[str, tuple[str, ...]]
    money_units: dict[str, Decimal]

    def name(self, key: str) -> str:
        for category in self.categories:
            if category.key == key:
                return category.name
        return key

    def parent(self, key: str) -> str | None:
        for category in self.categories:
            if category.key == key and category.level == 2:
                return category.parent
        return None


@cache
def catalogue() -> Catalogue:
    data = tomllib.loads(_CATALOGUE.read_text(encoding="utf-8"))
    words = data["words"]
    return Catalogue(
        categories=tuple(
            Category(c["key"], c["name"], c["level"], c.get("parent"), tuple(c["words"]))
            for c in data["category"]
        ),
        requirements=tuple(
            Requirement(r["form"], tuple(r.get("templates", ())), tuple(r["require"]))
            for r in data["requirement"]
        ),
        words={k: tuple(v) for k, v in words.items() if isinstance(v, list)},
        money_units={unit: Decimal(value) for unit, value in words["money_units"].items()},
    )


def _key(text: str | None) -> str:
    """A matching key (``read.clean.squash``: blanks removed, parens and colons full-width)."""
    return squash(text or "")


def category_of(indicator: Indicator) -> str | None:
    """The indicator's category: by its level-2 label when that names one, else by its level-1 label."""
    for level, label in ((2, indicator.level2), (1, indicator.level1)):
        key = _key(label)
        if not key:
            continue
        for category in catalogue().categories:
            if category.level == level and any(word in key for word in category.words):
                return category.key
    return None


def in_category(indicator: Indicator, key: str) -> bool:
    """The indicator is of category ``key`` or of one of its level-2 categories."""
    own = category_of(indicator)
    return own == key or (own is not None and catalogue().parent(own) == key)


def has_words(text: str | None, words_key: str) -> bool:
    key = _key(text)
    return any(word in key for word in catalogue().words[words_key])


# ------------------------------------------------------------------ forms and their rows


@dataclass(frozen=True)
class Form:
    """A target form of the document: a department's 整体绩效目标 or a project's 绩效目标表."""

    kind: str  # "department" | "project"
    model: DepartmentTarget | ProjectTarget

    @property
    def template(self) -> str:
        return self.model.template

    @property
    def name(self) -> str:
        """How a finance officer names the form: ``项目“环境监测经费”`` or ``“某局”整体绩效目标``."""
        if isinstance(self.model, ProjectTarget):
            name = (
                self.model.name.text
                if self.model.name
                else (self.model.title.text if self.model.title else "")
            )
            return f"项目“{name}”" if name else "项目绩效目标表"
        unit = self.model.unit_name.text if self.model.unit_name else ""
        return f"“{unit}”整体绩效目标" if unit else "整体绩效目标"

    @property
    def title_line(self) -> Text | None:
        if self.model.title is not None:
            return self.model.title
        return Text(text=self.name, line=self.model.line, page=self.model.page)


def forms(document: Document) -> list[Form]:
    return [Form("department", f) for f in document.department_targets] + [
        Form("project", p) for p in document.project_targets
    ]


def is_filled(indicator: Indicator) -> bool:
    """An indicator row that says something: not a not-applicable row, and named or valued."""
    if indicator.not_applicable:
        return False
    return bool(_key(indicator.level3)) or bool(indicator.target_raw and _key(indicator.target_raw.text))


@dataclass(frozen=True)
class Row:
    """An indicator row as printed: a two-period form prints the 实施期 and 年度 halves of a row on
    one line; when both halves say the same they are one row (``periods`` lists both)."""

    indicator: Indicator
    periods: tuple[Period | None, ...]

    @property
    def when(self) -> str:
        """``（年度）``, ``（实施期、年度）`` or nothing for a form without periods."""
        named = [p.value for p in self.periods if p is not None]
        return f"（{'、'.join(named)}）" if named else ""


def rows(indicators: Iterable[Indicator]) -> list[Row]:
    merged: dict[tuple, list] = {}
    for indicator in indicators:
        key = (
            indicator.line,
            _key(indicator.level2),
            _key(indicator.level3),
            _key(indicator.target_raw.text if indicator.target_raw else ""),
        )
        if key in merged:
            merged[key][1].append(indicator.period)
        else:
            merged[key] = [indicator, [indicator.period]]
    return [Row(indicator, tuple(periods)) for indicator, periods in merged.values()]


def periods_of(form: Form) -> list[Period | None]:
    seen: list[Period | None] = []
    for indicator in form.model.indicators:
        if indicator.period not in seen:
            seen.append(indicator.period)
    return seen


# ------------------------------------------------------------------ citations and wording


def cited(
    document: Document,
    where: Text | Figure | Indicator | None,
    role: str,
    label: str = "",
    column: str = "",
    text: str | None = None,
    value: Decimal | None = None,
) -> CitedCell:
    """A citation of a form field: the source line (or page) where it was printed."""
    line = where.line if where is not None else None
    page = where.page if where is not None else None
    if text is None:
        text = getattr(where, "text", "") if where is not None and not isinstance(where, Indicator) else ""
    if value is None and isinstance(where, Figure):
        value = where.value
    return CitedCell(
        ref=SourceRef(file=document.source.path, line=line, page=page),
        text=text or "",
        value=value,
        role=role,
        row_label=label,
        column_header=column,
    )


def cite_indicator(document: Document, indicator: Indicator, role: str = "indicator") -> CitedCell:
    where = indicator.target_raw if indicator.target_raw and indicator.target_raw.line else indicator
    return cited(
        document,
        where,
        role,
        label=indicator.level3 or "",
        column="指标值",
        text=indicator.target_raw.text if indicator.target_raw else "",
    )


def group_of(indicator: Indicator) -> str:
    """``产出指标/数量指标`` — the indicator's labels as printed (blanks removed)."""
    return "/".join(_key(x) for x in (indicator.level1, indicator.level2) if _key(x))


def said(indicator: Indicator) -> str:
    """``指标“运行率”（产出指标/质量指标）``."""
    group = group_of(indicator)
    return f"指标“{indicator.level3 or ''}”" + (f"（{group}）" if group else "")


def finding(rule_id: str, severity: Severity, message: str, cells: list[CitedCell], **figures) -> Finding:
    return Finding(rule=rule_id, severity=severity, message=message, cells=cells, **figures)


# ------------------------------------------------------------------ categories


@rule("target.categories-missing", Severity.WARNING, "target", "绩效指标缺少必需的类别")
def categories_missing(document: Document) -> Iterator[Finding]:
    """A target form sets indicators of every category its template requires: a project's 产出指标
    with 数量, 质量, 时效 and 成本 indicators, its 效益指标 (效果指标 in some templates; 经济/社会/
    生态效益 and 可持续影响 are alternatives) and its 满意度指标. Department (整体) forms differ by
    template: the 郑州 申报表 has a fixed 投入管理 part and free 产出/效益 items with 满意度 as a
    level-2 group of 效益指标; the 临汾 整体支出申报表 has 数量/质量/时效 groups and no 成本 group.
    The requirements are data (``check/catalogue/targets.toml``). A category counts as present when
    one of its indicators is named or valued; a row printed for it but marked not applicable
    (``本项目无经济效益``, empty) does not count. Each period of a two-period form is checked."""
    cat = catalogue()
    for form in forms(document):
        requirement = _requirement(form)
        if requirement is None or not form.model.indicators:
            continue
        by_missing: dict[tuple[str, ...], list[Period | None]] = {}
        for period in periods_of(form):
            indicators = [i for i in form.model.indicators if i.period == period and is_filled(i)]
            missing = tuple(
                key for key in requirement.require if not any(in_category(i, key) for i in indicators)
            )
            if missing:
                by_missing.setdefault(missing, []).append(period)
        for missing, periods in by_missing.items():
            named = [p.value for p in periods if p is not None]
            when = f"（{'、'.join(named)}）" if named else ""
            names = "、".join(f"“{cat.name(key)}”" for key in missing)
            cells = [cited(document, form.title_line, "form", label=form.name)]
            first = next((i for i in form.model.indicators if i.period == periods[0]), None)
            if first is not None:
                cells.append(cite_indicator(document, first, "first-indicator"))
            yield finding(
                "target.categories-missing",
                Severity.WARNING,
                f"{form.name}的绩效指标{when}缺少{names}。该表应设置：{_expected(requirement)}。",
                cells,
            )


def _requirement(form: Form) -> Requirement | None:
    for requirement in catalogue().requirements:
        if requirement.form == form.kind and (
            not requirement.templates or form.template in requirement.templates
        ):
            return requirement
    return None


def _expected(requirement: Requirement) -> str:
    cat = catalogue()
    parts: list[str] = []
    for key in requirement.require:
        parent = cat.parent(key)
        if parent is not None and parent != key and parent in requirement.require:
            continue
        children = [c for c in requirement.require if c != key and cat.parent(c) == key]
        short = "、".join(cat.name(c).removesuffix("指标") for c in children)
        parts.append(cat.name(key) + (f"（{short}）" if short else ""))
    return "、".join(parts)


# ------------------------------------------------------------------ values and comparisons


@rule("target.value-missing", Severity.WARNING, "target", "绩效指标没有指标值")
def value_missing(document: Document) -> Iterator[Finding]:
    """Every named indicator has a target value (指标值). A row without a value cannot be evaluated
    later. Rows printed for a group that does not apply (no name and no value, ``本项目无经济效益``)
    are not indicators and are not reported."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator = row.indicator
            if indicator.not_applicable or not _key(indicator.level3):
                continue
            if indicator.target_raw is not None and _key(indicator.target_raw.text):
                continue
            yield finding(
                "target.value-missing",
                Severity.WARNING,
                f"{form.name}的{said(indicator)}没有填写指标值{row.when}。",
                [
                    cited(
                        document,
                        indicator,
                        "indicator",
                        label=indicator.level3 or "",
                        column="三级指标",
                        text=indicator.level3 or "",
                    )
                ],
            )


@rule("target.malformed-comparison", Severity.WARNING, "target", "指标值的比较符号缺少数值或写反")
def malformed_comparison(document: Document) -> Iterator[Finding]:
    """A comparison in a target value is complete and reads one way: ``≥95%``, not a comparison
    sign without its number (``≥``, ``$\\geq$``), and not a sign printed after the number
    (``100%≥``), which literally reads “100% is at least the result” — the opposite of what is
    meant. The spellings of the conversion (LaTeX ``$\\geq 95$``, ``》95%`` for ≥, ASCII ``>=``) are
    the converter's, not the form's, and are accepted."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if target is None or indicator.target_raw is None:
                continue
            raw = indicator.target_raw.text
            if target.operator_only:
                message = f"{form.name}的{said(indicator)}指标值只有比较符号“{raw}”，没有数值{row.when}。"
            elif target.spelling == "reversed" and target.number is not None:
                number = f"{money(target.number)}{target.unit or ''}"
                message = (
                    f"{form.name}的{said(indicator)}指标值写作“{raw}”{row.when}：比较符号在数值之后，"
                    f"字面意思是“不超过{number}”，通常应写作“≥{number}”，请按标准写法填写。"
                )
            else:
                continue
            yield finding(
                "target.malformed-comparison",
                Severity.WARNING,
                message,
                [cite_indicator(document, indicator)],
            )


# ------------------------------------------------------------------ rates and satisfaction


def _percent(target: Target | None) -> bool:
    return target is not None and target.number is not None and (target.unit or "").strip() in {"%", "％"}


def _reaches_above(target: Target, bound: Decimal) -> bool:
    """The target requires a result above ``bound`` (``≥105%``, ``=105%``, ``105%``, ``>100%``)."""
    assert target.number is not None
    if target.op in (None, Comparison.GE, Comparison.EQ):
        return target.number > bound
    if target.op == Comparison.GT:
        return target.number >= bound
    return False


def is_satisfaction(indicator: Indicator) -> bool:
    """A satisfaction measure by its name (``群众满意度``): a row filed under 满意度指标 may measure
    something else (``人员到位率``)."""
    return "满意" in _key(indicator.level3)


@rule("target.rate-over-100", Severity.WARNING, "target", "比率目标值超过100%")
def rate_over_100(document: Document) -> Iterator[Finding]:
    """A rate's target does not ask for more than 100%: a 完成率, 合格率 or 覆盖率 of ``≥105%`` cannot
    be reached, and ``>100%`` neither. Rates that may exceed 100% by nature — growth, increase,
    comparison with last year (增长率, 增幅, 同比 …, listed in ``check/catalogue/targets.toml``) —
    are not reported, and neither is a ceiling (``≤120%``) nor a change written as one
    (``较上年增长120%``). Satisfaction targets have a rule of their
    own (``target.satisfaction-100``)."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if not _percent(target) or is_satisfaction(indicator):
                continue
            assert target is not None
            if target.change is not None:
                continue  # ``较上年增长120%``: the size of a change, not a rate
            if not _reaches_above(target, HUNDRED) or has_words(indicator.level3, "rate_may_exceed_100"):
                continue
            raw = indicator.target_raw.text if indicator.target_raw else ""
            yield finding(
                "target.rate-over-100",
                Severity.WARNING,
                f"{form.name}的{said(indicator)}目标值为“{raw}”{row.when}：比率超过100%，无法达到，"
                "请核实指标口径或目标值。",
                [cite_indicator(document, indicator)],
                actual=target.number,
                expected=HUNDRED,
            )


@rule("target.satisfaction-100", Severity.WARNING, "target", "满意度目标值为100%")
def satisfaction_100(document: Document) -> Iterator[Finding]:
    """A satisfaction target (满意度) of 100% or more (``≥100%``, ``=100%``, ``100%``) asks every
    person served to be satisfied: it can hardly be reached and a survey cannot show it. Targets
    below 100% (``≥95%``) are what the forms usually set."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if not _percent(target) or not is_satisfaction(indicator):
                continue
            assert target is not None and target.number is not None
            if target.op in (Comparison.LE, Comparison.LT) or target.number < HUNDRED:
                continue
            raw = indicator.target_raw.text if indicator.target_raw else ""
            yield finding(
                "target.satisfaction-100",
                Severity.WARNING,
                f"{form.name}的满意度{said(indicator)}目标值为“{raw}”{row.when}：要求全部服务对象满意，"
                "通常无法达到，也无法通过满意度调查证实，建议设定为低于100%的目标（如≥90%）。",
                [cite_indicator(document, indicator)],
                actual=target.number,
            )


# ------------------------------------------------------------------ cost


def money_unit(unit: str | None) -> tuple[str, Decimal] | None:
    """``万元`` → (``万元``, 10000); ``元/册`` → (``元/册``, 1); anything else → None."""
    if not unit:
        return None
    head = unit.strip().split("/")[0]
    factor = catalogue().money_units.get(head)
    return (unit.strip(), factor) if factor is not None else None


def is_cost(indicator: Indicator) -> bool:
    return category_of(indicator) == "cost"


def is_monetary_cost(indicator: Indicator) -> bool:
    """A cost indicator that should be an amount: not a social or ecological cost."""
    return is_cost(indicator) and not (
        has_words(indicator.level2, "non_monetary_cost") or has_words(indicator.level3, "non_monetary_cost")
    )


@rule("target.cost-without-amount", Severity.WARNING, "target", "成本指标没有给出金额")
def cost_without_amount(document: Document) -> Iterator[Finding]:
    """A cost indicator (成本指标; 经济成本) states an amount of money (``≤15万元``, ``≤20元/册``): a
    text (``不超预算``) or a rate (``预算（成本）控制率≤100%``) says nothing about what the output
    costs. Social and ecological costs (社会成本, 生态环境成本, ``…可能造成的负面影响``) are not
    amounts and are not reported; a cost indicator without any value is reported by
    ``target.value-missing``."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if indicator.not_applicable or not is_monetary_cost(indicator):
                continue
            if indicator.target_raw is None or not _key(indicator.target_raw.text):
                continue
            if target is not None and target.number is not None and money_unit(target.unit):
                continue
            raw = indicator.target_raw.text
            kind = (
                "比率"
                if _percent(target)
                else "文字"
                if target is None or target.number is None
                else "非金额数值"
            )
            yield finding(
                "target.cost-without-amount",
                Severity.WARNING,
                f"{form.name}的成本{said(indicator)}指标值为“{raw}”{row.when}，是{kind}而不是金额："
                "成本指标应给出成本金额（如“≤15万元”或“≤20元/册”）。",
                [cite_indicator(document, indicator)],
            )


@rule("target.cost-direction", Severity.WARNING, "target", "成本指标写成下限（≥）")
def cost_direction(document: Document) -> Iterator[Finding]:
    """A cost indicator caps the cost: ``≤1044000元``. Written with ``≥`` or ``>`` it says the cost
    shall be at least the amount — a floor, the opposite of a cost target (``评估报告平均成本
    ≥10000元``)."""
    for form in forms(document):
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if target is None or target.number is None or not is_monetary_cost(indicator):
                continue
            if target.op not in (Comparison.GE, Comparison.GT) or not money_unit(target.unit):
                continue
            raw = indicator.target_raw.text if indicator.target_raw else ""
            yield finding(
                "target.cost-direction",
                Severity.WARNING,
                f"{form.name}的成本{said(indicator)}写作“{raw}”{row.when}，即成本不低于该金额；"
                "成本指标应设上限（≤），比较方向可能写反。",
                [cite_indicator(document, indicator)],
            )


@rule("target.cost-over-funding", Severity.WARNING, "target", "成本上限高于项目资金总额")
def cost_over_funding(document: Document) -> Iterator[Finding]:
    """A cost ceiling of a project (``≤526000元``) is not above the project's funding for the same
    period (年度资金总额, or 预算数 where the form has one period): a ceiling above the money the
    project has controls nothing. Amounts are compared in one unit (``≤213.72万元`` against
    ``2,137,200`` 元). Unit costs (``元/册``) and the total investment of a project over several
    years (``项目总投资成本``) are not compared."""
    from perfbudget.check.rules.spending import funding_total_in_yuan

    for form in forms(document):
        if not isinstance(form.model, ProjectTarget):
            continue
        for row in rows(form.model.indicators):
            indicator, target = row.indicator, row.indicator.target
            if target is None or target.number is None or not is_monetary_cost(indicator):
                continue
            unit = money_unit(target.unit)
            if unit is None or "/" in unit[0] or target.op in (Comparison.GE, Comparison.GT):
                continue
            if has_words(indicator.level3, "whole_project_cost"):
                continue
            ceiling = target.number * unit[1]
            over = []
            for period in row.periods:
                funding = funding_total_in_yuan(form.model, period)
                if funding is not None and ceiling > funding[1]:
                    over.append((period, *funding))
            if not over:
                continue
            _, total_figure, total_yuan = over[0]
            named = [p.value for p, _, _ in over if p is not None]
            when = f"（{'、'.join(named)}）" if named else ""
            money = form.model.money_unit or "万元"
            raw = indicator.target_raw.text if indicator.target_raw else ""
            yield finding(
                "target.cost-over-funding",
                Severity.WARNING,
                f"{form.name}的成本{said(indicator)}上限为“{raw}”，高于项目资金总额 {total_figure.text} {money}"
                f"{when}：成本上限超过项目可用资金，起不到控制作用。",
                [
                    cite_indicator(document, indicator),
                    cited(document, total_figure, "funding", label="资金总额", column=money),
                ],
                expected=total_yuan,
                actual=ceiling,
            )


# ------------------------------------------------------------------ duplicates and periods


@rule("target.duplicate-indicator", Severity.WARNING, "target", "同一表中重复的绩效指标")
def duplicate_indicator(document: Document) -> Iterator[Finding]:
    """An indicator is listed once per form (and period): two rows with the same level-3 name, the
    same description (where the template has one) and the same value are one indicator counted
    twice, even under different groups. Rows with the same short name but different descriptions
    (two ``完成率`` of different monitoring tasks) or different values are different indicators and
    are not reported."""
    for form in forms(document):
        seen: dict[tuple, list[Row]] = {}
        for row in rows(form.model.indicators):
            indicator = row.indicator
            if not is_filled(indicator) or not _key(indicator.level3):
                continue
            key = (
                row.periods,
                _key(indicator.level3),
                _key(indicator.description.text if indicator.description else ""),
                _key(indicator.target_raw.text if indicator.target_raw else ""),
            )
            seen.setdefault(key, []).append(row)
        for group in seen.values():
            if len(group) < 2:
                continue
            first = group[0].indicator
            lines = "、".join(str(r.indicator.line) for r in group if r.indicator.line is not None)
            groups = "、".join(dict.fromkeys(group_of(r.indicator) for r in group))
            raw = first.target_raw.text if first.target_raw else ""
            yield finding(
                "target.duplicate-indicator",
                Severity.WARNING,
                f"{form.name}的指标“{first.level3}”（指标值“{raw}”）在同一表中列了{len(group)}次"
                f"{group[0].when}（{groups}，第{lines}行）：同一指标只应设置一次。",
                [cite_indicator(document, r.indicator, "duplicate") for r in group],
            )


def is_one_year(project: ProjectTarget) -> bool:
    return project.term_years == 1 and not project.ongoing


@rule("target.period-mismatch", Severity.WARNING, "target", "一年期项目的实施期与年度数值不一致")
def period_mismatch(document: Document) -> Iterator[Finding]:
    """A project of one year (项目期 ``1年``) has one period: its 实施期 and 年度 halves say the same —
    the same 资金总额 and sources, and the same value for every indicator. Ongoing projects (``99年``)
    and projects of several years may differ. An indicator whose value is missing in one half is
    reported by ``target.value-missing``, not here."""
    from perfbudget.check.rules.spending import FUNDING_FIELDS

    for project in document.project_targets:
        if not is_one_year(project):
            continue
        form = Form("project", project)
        term = project.funding_for(Period.TERM)
        annual = project.funding_for(Period.ANNUAL)
        if term is not None and annual is not None:
            money = project.money_unit or "万元"
            differing = []
            for field, label in FUNDING_FIELDS:
                a, b = getattr(term, field), getattr(annual, field)
                if (
                    a is not None
                    and b is not None
                    and a.value is not None
                    and b.value is not None
                    and a.value != b.value
                ):
                    differing.append((label, a, b))
            if differing:
                said_money = "；".join(
                    f"实施期{label} {a.text} {money}，年度 {b.text} {money}" for label, a, b in differing
                )
                cells = []
                for label, a, b in differing:
                    cells += [
                        cited(document, a, "term", label=f"实施期{label}", column=money),
                        cited(document, b, "annual", label=f"年度{label}", column=money),
                    ]
                first = differing[0]
                yield finding(
                    "target.period-mismatch",
                    Severity.WARNING,
                    f"{form.name}项目期为1年，实施期与年度的资金应相同，但{said_money}。",
                    cells,
                    expected=first[1].value,
                    actual=first[2].value,
                    difference=first[2].value - first[1].value,
                )
        halves: dict[Period, dict[tuple, Indicator]] = {Period.TERM: {}, Period.ANNUAL: {}}
        for indicator in project.indicators:
            if indicator.period in halves and is_filled(indicator) and _key(indicator.level3):
                halves[indicator.period].setdefault(
                    (_key(indicator.level2), _key(indicator.level3)), indicator
                )
        for key, left in halves[Period.TERM].items():
            right = halves[Period.ANNUAL].get(key)
            if right is None or left.target_raw is None or right.target_raw is None:
                continue
            a, b = _key(left.target_raw.text), _key(right.target_raw.text)
            if not a or not b or a == b:
                continue
            yield finding(
                "target.period-mismatch",
                Severity.WARNING,
                f"{form.name}项目期为1年，但{said(left)}的实施期指标值“{left.target_raw.text}”"
                f"与年度指标值“{right.target_raw.text}”不一致。",
                [cite_indicator(document, left, "term"), cite_indicator(document, right, "annual")],
            )
