"""绩效评价报告 (重点绩效评价, 部门评价), written as prose, and the paragraphs of a 情况说明 that
announce them (``选取了2020年度…项目开展重点绩效评价。…绩效评价得分为97.63分。``).

A report starts at an attachment marker (``附件1``) followed by its title (one or two short lines
ending with 报告, an issuing unit before it), or at such a title alone. Its scored dimensions are
headings ``1.决策情况分析（15分）`` / ``（一）项目决策情况（合计15分，得分15分）`` / ``1.决策情况分析``
followed by ``项目决策自评总得分：25分。``; the sentences under a heading give its sub-items
(``预算执行率为76.27%，得7.63分``, ``资金管理计17分``, ``按规定扣0.19分``). Every figure keeps the line
of the paragraph it comes from. The printed dimension name is kept; ``canonical`` maps it to
决策, 过程 (管理), 产出 or 效益 (效果).
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.model.performance import Dimension, EvaluationReport, Figure, ScoreItem, Text
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.common import Context, key, year_of

_ATTACHMENT = re.compile(r"^附件\s*(\d+)\s*[：:]?$")
_REPORT_TITLE = re.compile(r"(?:绩效评价报告|绩效报告|评价报告|绩效自评报告)$")
_TITLE_SUFFIX = re.compile(r"(?:项目)?(?:绩效评价报告|绩效自评报告|绩效报告|评价报告)$")
_YEAR_PREFIX = re.compile(r"^\d{4}年度?")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_NUM = r"(\d+(?:\.\d+)?)"
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
_PUNCT = re.compile(r"[，,。；;：:]")
_ITEM_POINTS = re.compile(r"计\s*" + _NUM + r"\s*分")
_ITEM_SCORE = re.compile(r"得\s*" + _NUM + r"\s*分")
_ITEM_DEDUCTION = re.compile(r"扣\s*" + _NUM + r"\s*分")
_ITEM_RATE = re.compile(r"为\s*" + _NUM + r"\s*%")
_ITEM_LEAD = re.compile(r"^(?:[（(]?\d+[)）.．、]|[（(][一二三四五六七八九十]+[)）])\s*")
_SUMMARY = re.compile(
    r"选取了?\s*(\d{4})?\s*年度?(.+?)开展(重点绩效评价|部门评价|绩效评价|重点评价|部门整体评价)"
)
_SUMMARY_SCORE = re.compile(r"(?:绩效评价|评价|自评)得分(?:为)?\s*" + _NUM + r"\s*分")
_PROBLEMS = re.compile(r"问题")
_SUGGESTIONS = re.compile(r"建议|对策|措施")
_SUGGESTION_SENTENCE = re.compile(r"^(?:[一二三四五六七八九十]+要|要|应|建议|需|加强|进一步)|建议")


def _figure(text: str, row: RawRow, unit: str | None = None) -> Figure:
    return Figure(text=text, value=Decimal(text.replace(",", "")), unit=unit, line=row.line, page=row.page)


def _text(row: RawRow, text: str | None = None) -> Text:
    return Text(text=row.text if text is None else text, line=row.line, page=row.page)


def _is_report_title(text: str) -> bool:
    return len(text) <= 80 and "报告" in text and bool(_REPORT_TITLE.search(key(text)))


def find_reports(rows: list[RawRow], context: Context, year: int | None) -> list[EvaluationReport]:
    """Every 绩效评价报告 among the paragraphs, then the 情况说明 summaries linked to them."""
    reports: list[EvaluationReport] = []
    paragraphs = [r for r in rows if r.grid is None and r.cells]
    starts: list[tuple[int, int, str | None]] = []  # (first index, body index, attachment)
    index = 0
    while index < len(paragraphs):
        text = paragraphs[index].cells[0].text
        attachment = _ATTACHMENT.match(key(text)) if text.startswith("附件") else None
        if attachment:
            for ahead in range(index + 1, min(index + 4, len(paragraphs))):
                candidate = paragraphs[ahead].text
                if len(candidate) > 60 or _TOP.match(candidate):
                    break
                if _is_report_title(candidate):
                    starts.append((index, ahead + 1, f"附件{attachment.group(1)}"))
                    index = ahead
                    break
        elif _is_report_title(text) and len(text) <= 60 and not _TOP.match(text) and not _PUNCT.search(text):
            starts.append((index, index + 1, None))
        index += 1
    for number, (first, body, attachment) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(paragraphs)
        for stop in range(body, end):
            if _PART.match(key(paragraphs[stop].text)):
                end = stop
                break
        head_rows = paragraphs[first:body]
        report = _report(head_rows, paragraphs[body:end], attachment, context)
        report.year = report.year or year
        reports.append(report)
    _summaries(paragraphs, reports, context, year)
    return reports


def _report(
    head: list[RawRow], body: list[RawRow], attachment: str | None, context: Context
) -> EvaluationReport:
    lines = [r for r in head if not _ATTACHMENT.match(key(r.text))]
    title_rows = lines[-1:]
    if len(lines) >= 2 and len(key(lines[-1].text)) <= 6:
        title_rows = lines[-2:]  # the title broken over two lines (``…项目`` / ``绩效报告``)
    issuer_rows = lines[: len(lines) - len(title_rows)]
    title_text = "".join(r.text for r in title_rows)
    first_title = title_rows[0]
    report = EvaluationReport(
        attachment=attachment,
        title=Text(text=title_text, line=first_title.line, page=first_title.page),
        issuer=_text(issuer_rows[-1]) if issuer_rows else None,
        year=year_of(title_text),
        line=head[0].line,
        page=head[0].page,
        end_line=(body[-1] if body else head[-1]).line,
    )
    project = _TITLE_SUFFIX.sub("", _YEAR_PREFIX.sub("", key(title_text)))
    report.project = (project + "项目") if project and not project.endswith("项目") else project or None
    for row in head + body:
        context.used.add(id(row))
    _body(report, body)
    return report


def _body(report: EvaluationReport, body: list[RawRow]) -> None:
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


def _summaries(
    paragraphs: list[RawRow], reports: list[EvaluationReport], context: Context, year: int | None
) -> None:
    """Link ``选取了…项目开展重点绩效评价…得分为N分`` paragraphs to their reports (or keep them alone)."""
    for row in paragraphs:
        text = row.cells[0].text
        if "选取" not in text:
            continue
        match = _SUMMARY.search(text)
        if match is None:
            continue
        project = key(match.group(2))
        kind = match.group(3)
        score = _SUMMARY_SCORE.search(row.text)
        report = _match(project, reports)
        if report is None:
            report = EvaluationReport(
                project=project,
                year=int(match.group(1)) if match.group(1) else year,
                line=row.line,
                page=row.page,
                end_line=row.line,
            )
            reports.append(report)
        report.summary = _text(row)
        report.evaluation_type = _text(row, kind)
        if score:
            report.summary_score = _figure(score.group(1), row, "分")
        context.used.add(id(row))


def _match(project: str, reports: list[EvaluationReport]) -> EvaluationReport | None:
    wanted = project.removesuffix("项目")
    for report in reports:
        if report.summary is not None or not report.project:
            continue
        name = report.project.removesuffix("项目")
        if name and (wanted in name or name in wanted):
            return report
    return None
