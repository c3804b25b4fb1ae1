"""Cut the row stream into performance-form blocks: a title (when printed), its meta lines and
the table rows of one form. Forms are found by their titles and, when a title is missing, by the
identity row a form starts with (``项目名称`` followed by ``主管部门及代码``, ``项目编码``,
``部门（单位）名称`` …; a money block with 全年执行数 makes it a self-evaluation, a task table with its
预算金额 a 部门整体支出绩效目标表)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfbudget.read.blocks import RawRow
from perfbudget.recognize.forms.common import is_filled, key, money_unit_of, year_of
from perfbudget.recognize.vocabulary import CONTINUED, CONTINUED_MARK

DECLARATION = "declaration"  # 整体绩效目标申报表
EXPENDITURE = "expenditure"  # 整体支出绩效申报表
PROJECT = "project"  # 项目(支出)绩效目标(申报)表
SELF_EVALUATION = "self_evaluation"  # 绩效自评表

_TITLES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"绩效自评表$"), SELF_EVALUATION),
    (re.compile(r"整体支出绩效(?:目标)?(?:申报)?表$"), EXPENDITURE),
    (re.compile(r"整体绩效目标(?:申报)?表$"), DECLARATION),
    (re.compile(r"项目(?:支出)?绩效目标(?:申报)?表$"), PROJECT),
)
_YEAR_AFTER = re.compile(r"（\d{4}年度?）$")
_META = re.compile(
    r"^[（(]?\d{4}年度?[)）]?$|^(?:金额)?单位[：:]|^附件\d*[：:]?$|^填报单位|^部门[（(]单位[)）][：:]|^编制单位|^\d{1,3}$"
    r"|^第\d+页|^-\d+-$"
)
_ATTACHMENT = re.compile(r"^附件\d*[：:]?$")  # 附件3: the next form's marker, even when printed in the grid
_UNIT_NAME = ("部门（单位）名称", "单位名称", "部门名称", "单位（部门）名称")
_IDENTITY = {
    PROJECT: ("项目名称", "项目编码"),
    DECLARATION: _UNIT_NAME,
    SELF_EVALUATION: (*_UNIT_NAME, "项目名称"),
    EXPENDITURE: ("部门基本信息",),
}


_EVALUATED = ("全年执行数", "年初预算数")  # the money block of the national self-evaluation templates
_ANCHORS = ("项目编码", "项目名称", "部门基本信息", *_UNIT_NAME)


@dataclass
class Block:
    kind: str
    title: RawRow | None
    meta: list[RawRow] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    identified: bool = False  # the row that names the form (项目名称, 部门（单位）名称 …) was seen

    def printed_year_and_unit(self) -> tuple[int | None, str | None]:
        """The year of the title or of the lines under it (（2024年度）), and the money unit
        those lines state (单位：万元), where printed."""
        year = year_of(self.title.text) if self.title is not None else None
        unit = None
        for row in self.meta:
            text = row.text
            year = year or year_of(text)
            unit = unit or money_unit_of(text)
        return year, unit

    def claim(self, form, used: set[int]) -> list[RawRow]:
        """Mark the block's rows as read by a form, set the form's line span, return its filled rows."""
        rows = []
        for row in self.rows:
            for cell in row.cells:
                if cell.text:
                    rows.append(row)
                    break
        used.update(map(id, self.rows))
        form.line = self.title.line if self.title else (rows[0].line if rows else None)
        form.end_line = rows[-1].line if rows else form.line
        return rows


def _single(row: RawRow) -> str | None:
    found = None
    for cell in row.cells:
        if cell.text:
            if found is not None:
                return None
            found = cell.text
    return found if found is not None and len(found) <= 80 else None


def title_kind(row: RawRow) -> str | None:
    text = _single(row)
    if text is None or "绩效" not in text:
        return None
    text_key = _YEAR_AFTER.sub("", key(text))
    for pattern, kind in _TITLES:
        if pattern.search(text_key):
            return kind
    return None


def _first_key(row: RawRow) -> str:
    for cell in row.cells:
        if cell.text:
            return key(cell.text)
    return ""


def _untitled_kind(rows: list[RawRow], index: int, first: str | None = None) -> str | None:
    """A form that starts without a title: recognise it by its first rows (``first``: the key of the
    first filled cell of ``rows[index]``, when the caller has it)."""
    if first is None:
        first = _first_key(rows[index])
    if not first or not first.startswith(_ANCHORS):
        return None
    ahead = [
        key(rows[j].text) for j in range(index + 1, min(index + 5, len(rows))) if rows[j].grid is not None
    ]
    if first == "项目编码" or (first.startswith("项目编码") and "项目名称" in key(rows[index].text)):
        return PROJECT
    evaluated = any(word in a for a in ahead for word in _EVALUATED)  # 全年执行数: a self-evaluation
    if first == "项目名称" and any(a.startswith("主管部门") for a in ahead[:3]):
        return SELF_EVALUATION if evaluated else PROJECT
    if first == "部门基本信息":
        return EXPENDITURE
    if first in _UNIT_NAME:
        joined = " ".join(ahead)
        if "年度履职目标" in joined:
            return DECLARATION
        if ("任务名称" in joined and "完成情况" in joined) or evaluated:
            return SELF_EVALUATION
        if "任务名称" in joined and ("预算金额" in joined or "财政拨款" in joined):
            return EXPENDITURE  # 部门整体支出绩效目标表: tasks with their budget
    return None


def find_blocks(rows: list[RawRow]) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    in_body = False
    meta_match = _META.match
    for index, row in enumerate(rows):
        # the first filled cell, and the text of the row when it is the only one (see _single)
        first_text = single = None
        for cell in row.cells:
            if cell.text:
                if first_text is None:
                    first_text = single = cell.text
                else:
                    single = None
                    break
        if single is not None and len(single) <= 80 and "绩效" in single:  # title_kind(row)
            single_key = key(single)
            continued = CONTINUED_MARK.search(single_key) is not None
            if continued:
                single_key = CONTINUED_MARK.sub("", single_key)
            if single_key.endswith("）"):
                single_key = _YEAR_AFTER.sub("", single_key)  # 项目支出绩效目标表（2030年度）
            kind = next((kind for pattern, kind in _TITLES if pattern.search(single_key)), None)
            if kind is not None and continued and current is not None and current.kind == kind and in_body:
                continue  # the title again with （续） after a page break: the same form goes on
            if kind is not None:
                current = Block(kind, row)
                blocks.append(current)
                in_body = False
                continue
        if current is not None and in_body and single is not None and CONTINUED.fullmatch(key(single)):
            continue  # 续表 on a line of its own
        if current is not None and not in_body and single is not None and meta_match(key(single)):
            current.meta.append(row)  # (2024年度) or 单位：万元 under a title, as a paragraph or in the grid
            continue
        if single is not None and _ATTACHMENT.match(key(single)):
            continue  # not a row of the form above
        if row.grid is None:
            if current is not None and meta_match(key(row.text)):
                if not in_body:
                    current.meta.append(row)
                continue  # a year or unit line, or a page number inside the form
            current = None
            continue
        if first_text is None:
            if current is not None:
                current.rows.append(row)
            continue
        first_key = key(first_text)
        if current is not None:
            identity = _IDENTITY.get(current.kind, ())
            if first_key in identity:
                if current.identified:
                    current = Block(current.kind, None)  # the next form of the same kind, untitled
                    blocks.append(current)
                current.identified = True
            current.rows.append(row)
            in_body = True
            continue
        kind = _untitled_kind(rows, index, first_key)
        if kind is not None:
            current = Block(kind, None, rows=[row], identified=True)
            blocks.append(current)
            in_body = True
    return [b for b in blocks if any(is_filled(r) for r in b.rows)]
