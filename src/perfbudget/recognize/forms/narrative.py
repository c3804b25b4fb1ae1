"""部门整体绩效目标 written as prose: a title (``2021年部门整体绩效目标``), then numbered sections —
总体绩效目标 (paragraphs), 分项绩效目标 (``（一）…`` headings, each with a ``绩效目标：`` and a
``绩效指标：`` paragraph) and 工作保障措施 (one paragraph per measure). The part ends at the next
part heading (``第二部分``), a form title or a table."""

from __future__ import annotations

import re

from perfbudget.model.findings import Severity
from perfbudget.model.performance import DepartmentTarget, SubGoal, Text
from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.blocks import title_kind
from perfbudget.recognize.forms.common import Context, key, text_of, year_of

FORM = "部门整体绩效目标"
TITLE = re.compile(r"^(?:\d{4}年度?)?(?:部门|单位)整体(?:支出)?绩效目标$")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_SECTION = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.{1,30})$")
_SUB = re.compile(r"^[（(][一二三四五六七八九十]+[)）]\s*(.{1,40})$")
_LABELLED = re.compile(r"^(绩效目标|绩效指标)\s*[：:]\s*")


def is_title(row: RawRow) -> bool:
    if row.grid is not None or not row.cells:
        return False
    text = row.cells[0].text
    return len(text) <= 40 and "绩效目标" in text and bool(TITLE.match(key(text)))


def recognize(rows: list[RawRow], start: int, context: Context) -> tuple[DepartmentTarget | None, int]:
    """Read the narrative target whose title is ``rows[start]``; return it (or None) and the next index."""
    title = rows[start]
    target = DepartmentTarget(
        template="narrative",
        title=text_of(title.cells[0]),
        year=year_of(title.text),
        line=title.line,
        page=title.page,
    )
    section: str | None = None
    overall: list[RawRow] = []
    used: list[RawRow] = [title]
    index = start + 1
    while index < len(rows):
        row = rows[index]
        if not row.is_paragraph or _PART.match(key(row.text)) or title_kind(row) or is_title(row):
            break
        used.append(row)
        text = row.text
        match = _SECTION.match(text)
        if match and not text.endswith(("。", "；")):
            heading = key(match.group(1))
            section = (
                "overall"
                if "总体" in heading
                else "sub"
                if "分项" in heading
                else "measures"
                if "措施" in heading or "保障" in heading
                else "other"
            )
            if section == "other":
                context.report(
                    "read.form-unplaced-row",
                    Severity.WARNING,
                    f"{FORM}：未知的小节“{text[:30]}”，其段落未归位",
                    row=row,
                )
            index += 1
            continue
        if section == "overall":
            overall.append(row)
        elif section == "sub":
            _sub(target, row, context)
        elif section == "measures":
            target.measures.append(text_of(row.cells[0]))
        else:
            context.unplaced(row, FORM)
        index += 1
    if overall:
        first = overall[0]
        target.overall_goal = Text(text="\n".join(r.text for r in overall), line=first.line, page=first.page)
    if target.overall_goal is None and not target.sub_goals:
        return None, start + 1  # a heading that only looks like one
    target.end_line = used[-1].line
    for row in used:
        context.used.add(id(row))
    return target, index


def _sub(target: DepartmentTarget, row: RawRow, context: Context) -> None:
    text = row.text
    labelled = _LABELLED.match(text)
    if labelled is None:
        match = _SUB.match(text)
        if match and not text.endswith("。"):
            target.sub_goals.append(SubGoal(title=text_of(row.cells[0])))
            return
    if not target.sub_goals:
        context.unplaced(row, FORM)
        return
    sub = target.sub_goals[-1]
    if labelled is None:
        body = text_of(row.cells[0])
        if sub.goal is None:
            sub.goal = body
        else:
            sub.goal = sub.goal.model_copy(update={"text": sub.goal.text + "\n" + text})
        return
    body = Text(text=text[labelled.end() :], line=row.line, page=row.page)
    if labelled.group(1) == "绩效目标":
        sub.goal = body
    else:
        sub.indicators = body
