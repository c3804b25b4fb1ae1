"""绩效评价报告 (重点绩效评价, 部门评价), written as prose, and the paragraphs of a 情况说明 that
announce them (``选取了2020年度…项目开展重点绩效评价。…绩效评价得分为97.63分。``).

A report starts at an attachment marker (``附件1``) followed by its title (one or two short lines
ending with 报告, an issuing unit before it), or at such a title alone. Its scored dimensions are
headings ``1.决策情况分析（15分）`` / ``（一）项目决策情况（合计15分，得分15分）`` / ``1.决策情况分析``
followed by ``项目决策自评总得分：25分。``; the sentences under a heading give its sub-items
(``预算执行率为76.27%，得7.63分``, ``资金管理计17分``, ``按规定扣0.19分``). Every figure keeps the line
of the paragraph it comes from. The printed dimension name is kept; ``canonical`` maps it to
决策, 过程 (管理), 产出 or 效益 (效果). This module finds the reports; :mod:`.report_body` reads
their bodies.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.model.performance import EvaluationReport, Figure, Text
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.common import Context, key, year_of

_ATTACHMENT = re.compile(r"^附件\s*(\d+)\s*[：:]?$")
_REPORT_TITLE = re.compile(r"(?:绩效评价报告|绩效报告|评价报告|绩效自评报告)$")
_TITLE_SUFFIX = re.compile(r"(?:项目)?(?:绩效评价报告|绩效自评报告|绩效报告|评价报告)$")
_YEAR_PREFIX = re.compile(r"^\d{4}年度?")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_TOP = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_NUM = r"(\d+(?:\.\d+)?)"
_PUNCT = re.compile(r"[，,。；;：:]")
_SUMMARY = re.compile(
    r"选取了?\s*(\d{4})?\s*年度?(.+?)开展(重点绩效评价|部门评价|绩效评价|重点评价|部门整体评价)"
)
_SUMMARY_SCORE = re.compile(r"(?:绩效评价|评价|自评)得分(?:为)?\s*" + _NUM + r"\s*分")


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
    from perfbudget.recognize.forms.report_body import read_body  # (its patterns: only for a report)

    read_body(report, body)
    return report


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
