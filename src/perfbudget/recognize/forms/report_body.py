"""The body of a 绩效评价报告 (see :mod:`.reports`): its scored dimensions and their sub-items, the
report-wide figures (budget, spending, rates, total, grade), problems and suggestions.

Kept apart from finding the reports so that its patterns are compiled only for a document that
holds one.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.model.performance import Dimension, EvaluationReport, ScoreItem
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.common import key
from perfbudget.recognize.forms.reports import _NUM, _TOP, _figure, _text

_DIMENSION = re.compile(
    r"^(?:\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)\s*"
    r"((?:项目)?(决策|管理|过程|产出|效益|效果)(?:情况|指标)?(?:分析)?)\s*(?:[（(](.*?)[)）])?\s*[。.]?$"
)
_CANONICAL = {"决策": "决策", "管理": "过程", "过程": "过程", "产出": "产出", "效益": "效益", "效果": "效益"}
_DIM_SCORE = re.compile(r"(?:合计得分|总得分|综合得分|自评总得分|自评得分)\s*[：:为]?\s*" + _NUM + r"\s*分?")
_POINTS_IN = re.compile(r"(?:合计|满分|共|计)?\s*" + _NUM + r"\s*分")
_SCORE_IN = re.compile(r"得分\s*[：:为]?\s*" + _NUM)
_TOTAL = (
    re.compile(r"(?:绩效评价|评价|绩效自评|自评|综合评价)得分\s*(?:为|：|:)?\s*" + _NUM),
    re.compile(r"满分\s*\d+(?:\.\d+)?\s*分\s*[，,]\s*得分\s*(?:为)?\s*" + _NUM),
    re.compile(r"综合得分\s*(?:为|：|:)?\s*" + _NUM),
    re.compile(r"(?:最终得分|总得分|综合评分|评分结果|评价总分)\s*(?:为|是|：|:)?\s*" + _NUM + r"\s*分"),
)
_TOTAL_POINTS = re.compile(r"(?:满分|总分)\s*(?:为)?\s*" + _NUM + r"\s*分")
_GRADE = re.compile(r"(?:结果|等级|评级|评定)(?:为|是|：|:)\s*[“\"「『]?([优良中差])[”\"」』]?")
_BUDGET = re.compile(
    r"(?:申请资金|年度预算(?:资金)?|预算(?:资金|金额|数))\s*(?:为|：|:)?\s*" + r"(\d[\d,]*(?:\.\d+)?)\s*万元"
)
_ACTUAL = re.compile(
    r"(?:使用资金|实际支出|实际使用|支出资金|执行数)\s*(?:为|：|:)?\s*" + r"(\d[\d,]*(?:\.\d+)?)\s*万元"
)
_RATE = re.compile(r"预算执行率\s*(?:为|：|:|达到)?\s*" + _NUM + r"\s*%(?!\s*、)")  # not a weight list
_SAVING = re.compile(r"成本节约率\s*(?:为|：|:|达到)?\s*" + _NUM + r"\s*%")
_CLAUSES = re.compile(r"[，,；;。]")
_ITEM_POINTS = re.compile(r"计\s*" + _NUM + r"\s*分")
_ITEM_SCORE = re.compile(r"得\s*" + _NUM + r"\s*分")
_ITEM_DEDUCTION = re.compile(r"扣\s*" + _NUM + r"\s*分")
_ITEM_RATE = re.compile(r"为\s*" + _NUM + r"\s*%")
_ITEM_LEAD = re.compile(r"^(?:[（(]?\d+[)）.．、]|[（(][一二三四五六七八九十]+[)）])\s*")
_PROBLEMS = re.compile(r"问题")
_SUGGESTIONS = re.compile(r"建议|对策|措施")
_SUGGESTION_SENTENCE = re.compile(r"^(?:[一二三四五六七八九十]+要|要|应|建议|需|加强|进一步)|建议")


def read_body(report: EvaluationReport, body: list[RawRow]) -> None:
    """The scored dimensions, report-wide figures, problems and suggestions of a report's body."""
    dimension: Dimension | None = None
    section = ""
    for row in body:
        text = row.text.strip()
        plain = key(text)
        if _TOP.match(text) and len(text) <= 40:
            section = plain
            dimension = None
            continue
        heading = _DIMENSION.match(plain) if len(plain) <= 40 else None
        if heading:
            dimension = _dimension(report, row, heading)
            continue
        _facts(report, row, text, dimension)
        if dimension is not None and not text.startswith("综上"):
            _dimension_sentences(dimension, row, text)
        elif _PROBLEMS.search(section) or _SUGGESTIONS.search(section):
            _problem_or_suggestion(report, row, text, section)


def _dimension(report: EvaluationReport, row: RawRow, heading: re.Match[str]) -> Dimension:
    dimension = Dimension(name=_text(row, heading.group(1)), canonical=_CANONICAL[heading.group(2)])
    inside = heading.group(3) or ""
    score = _SCORE_IN.search(inside)
    if score:
        dimension.score = _figure(score.group(1), row, "分")
        inside = inside[: score.start()]
    points = _POINTS_IN.search(inside)
    if points:
        dimension.points = _figure(points.group(1), row, "分")
    report.dimensions.append(dimension)
    return dimension


def _facts(report: EvaluationReport, row: RawRow, text: str, dimension: Dimension | None) -> None:
    """Report-wide figures: budget, spending, rates, total, full marks, grade."""
    # each pattern is tried only when the text holds a word it needs (a substring test is far
    # cheaper than a regex search over a long paragraph)
    for pattern, field, unit, needed in _FACTS:
        if needed in text and getattr(report, field) is None:
            match = pattern.search(text)
            if match:
                setattr(report, field, _figure(match.group(1), row, unit))
    in_dimension = dimension is not None and not text.startswith("综上")
    if report.total is None and ("得分" in text or "评分" in text or "总分" in text):
        # inside a dimension's section only an explicit 评价得分/自评得分 is the total (综合得分 there
        # is the dimension's own score)
        for pattern in _TOTAL[:1] if in_dimension else _TOTAL:
            match = pattern.search(text)
            if match:
                report.total = _figure(match.group(1), row, "分")
                break
    if report.total_points is None and not in_dimension and ("满分" in text or "总分" in text):
        match = _TOTAL_POINTS.search(text)
        if match:
            report.total_points = _figure(match.group(1), row, "分")
    if report.grade is None and _may_grade(text):
        match = _GRADE.search(text)
        if match:
            report.grade = _text(row, match.group(1))


# report-wide figures: pattern, field, unit and a word every match contains
_FACTS = (
    (_BUDGET, "budget", "万元", "万元"),
    (_ACTUAL, "actual", "万元", "万元"),
    (_RATE, "execution_rate", "%", "预算执行率"),
    (_SAVING, "cost_saving_rate", "%", "成本节约率"),
)


def _may_grade(text: str) -> bool:
    """Whether ``text`` holds a word :data:`_GRADE` starts with."""
    return "结果" in text or "等级" in text or "评级" in text or "评定" in text


def _dimension_sentences(dimension: Dimension, row: RawRow, text: str) -> None:
    match = _DIM_SCORE.search(text) if "得分" in text else None
    if match and dimension.score is None:
        dimension.score = _figure(match.group(1), row, "分")
    clauses = [c.strip() for c in _CLAUSES.split(text)]
    previous = ""
    opened: ScoreItem | None = None  # the item a ``计N分`` clause opened in this paragraph
    for clause in clauses:
        if not clause:
            continue
        if "分" not in clause:  # no score, points or deduction in it (each pattern ends with 分)
            previous = clause
            continue
        if _DIM_SCORE.search(clause):
            previous = clause
            continue
        for points in _ITEM_POINTS.finditer(clause):
            name = _item_name(clause[: points.start()]) or _item_name(previous)
            if name:
                opened = ScoreItem(name=_text(row, name), points=_figure(points.group(1), row, "分"))
                dimension.items.append(opened)
        score = _ITEM_SCORE.search(clause)
        deduction = _ITEM_DEDUCTION.search(clause)
        found = score or deduction
        if found and not _ITEM_POINTS.search(clause):
            before = clause[: found.start()]
            own = _item_name(before)
            if (
                not own
                and score
                and opened is not None
                and opened.score is None
                and opened.points is not None
                and opened.points.value == Decimal(score.group(1))
            ):
                opened.score = _figure(score.group(1), row, "分")  # the opened item's own score
                previous = clause
                continue
            source = before if own else previous
            name = _item_name(source)
            rate = _ITEM_RATE.search(source)
            item = ScoreItem(name=_text(row, name or source or clause))
            if score:
                item.score = _figure(score.group(1), row, "分")
            if deduction:
                item.deduction = _figure(deduction.group(1), row, "分")
            if rate:
                item.rate = _figure(rate.group(1), row, "%")
            dimension.items.append(item)
        previous = clause


def _item_name(text: str) -> str:
    """``本项目资金到位率为100%`` → ``资金到位率``; ``立项依据充分性指标`` → ``立项依据充分性``."""
    text = _ITEM_LEAD.sub("", text.strip())
    text = re.sub(r"为\s*\d+(?:\.\d+)?\s*%.*$", "", text)
    for prefix in ("本项目", "该项目", "项目"):
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix) :]
    for suffix in ("指标", "按规定", "，"):
        text = text.removesuffix(suffix)
    return text.strip()


def _problem_or_suggestion(report: EvaluationReport, row: RawRow, text: str, section: str) -> None:
    if key(text) in ("无", "无。", "暂无", "暂无。"):
        return
    problems, suggestions = _PROBLEMS.search(section), _SUGGESTIONS.search(section)
    if problems and suggestions:
        target = report.suggestions if _SUGGESTION_SENTENCE.search(text) else report.problems
    else:
        target = report.problems if problems else report.suggestions
    target.append(_text(row))
