"""Which row is a part of which: the tree that the sum checks walk.

Each table family organises its rows differently; each function here sets ``Row.parent`` (and
``role``) for one organisation named in the catalogue (``rows = …``), on the rows' fields
before they are validated into :class:`Row` models.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from perfbudget.model.tables import RowRole
from perfbudget.read.clean import squash
from perfbudget.recognize.catalogue import column_word
from perfbudget.recognize.rows import Placed, RowFields
from perfbudget.recognize.vocabulary import has_ordinal, is_total_label, strip_ordinal


def _mark_groups(rows: list[RowFields]) -> None:
    parents = {r["parent"] for r in rows if r["parent"] is not None}
    for index, row in enumerate(rows):
        if index in parents and row["role"] == RowRole.ITEM:
            row["role"] = RowRole.GROUP


def coded(placed: list[Placed]) -> list[RowFields]:
    """功能分类 (or 收入分类) rows: 项 under 款 under 类 by code prefix; 类 under the 合计 row."""
    rows = [p.row for p in placed]
    for side in {r["side"] for r in rows}:
        total: int | None = None
        by_code: dict[str, int] = {}
        for index, row in enumerate(rows):
            if row["side"] != side:
                continue
            if row["role"] == RowRole.TOTAL and total is None:
                total = index
                continue
            if not row["code"]:
                continue
            by_code[row["code"]] = index
            parent = None
            for length in (5, 3):
                if len(row["code"]) > length and row["code"][:length] in by_code:
                    parent = by_code[row["code"][:length]]
                    break
            row["parent"] = (
                parent
                if parent is not None
                else (total if row["level"] == 1 or len(row["code"]) == 3 else None)
            )
        if total is not None:  # a 合计 printed last: the 类 above it are its parts too
            for row in rows[:total]:
                if row["side"] == side and row["parent"] is None and row["code"] and len(row["code"]) == 3:
                    row["parent"] = total
            others = [r for i, r in enumerate(rows) if r["side"] == side and i != total]
            if not by_code and others and all(_is_body(r["label"]) for r in others):
                for row in others:  # a table by unit (no code at all): the total sums the units
                    row["parent"] = total
    _mark_groups(rows)
    return rows


# the parts a 结转和结余 row is printed with, even where the text lost their indentation:
# 年初财政拨款结转和结余 by kind of 财政拨款, 年末结转和结余 by 基本支出/项目支出/经营
_PART_OF_CARRY = re.compile(
    r"(?:其中[:：]?)?(?:(?:一般公共预算|政府性基金预算?|国有资本经营预算?)(?:财政)?拨款(?:资金)?"
    r"|基本支出结转|项目支出结转(?:和结余)?|经营结余)$"
)


def two_sided(placed: list[Placed], class_code=None) -> list[RowFields]:
    """收支总表: per half, the ordinal rows make up 本年…合计; what follows it (结转, 结余) makes up
    总计 together with it; rows printed under a 结转 row (indented or numbered again) make it up.
    A half that heads its parts instead (一、本年收入 over （一）…, 二、上年结转 over （一）…) is
    read by :func:`_headed_half`. Halves printed one under the other (a 收入 line, its rows, a
    支出 line, its rows) are told apart by those lines."""
    rows = [p.row for p in placed]
    _stacked_halves(rows)
    for side in {r["side"] for r in rows}:
        members = [
            (i, p) for i, p in enumerate(placed) if p.row["side"] == side and p.row["role"] != RowRole.NOTE
        ]
        year_total = grand_total = None
        for i, p in members:
            if p.row["role"] != RowRole.TOTAL:
                continue
            if "总计" in squash(p.row["label"]):
                grand_total = i
            elif year_total is None:
                year_total = i
        if year_total is None and any(_is_year_heading(p.row["label"]) for _, p in members):
            _headed_half(members, grand_total, side, class_code)
            continue
        before_total = True
        carry_parent: int | None = None
        for i, p in members:
            row = p.row
            if i == year_total:
                before_total = False
                row["parent"] = grand_total
                continue
            if i == grand_total:
                continue
            if before_total:
                row["parent"] = year_total
                if (
                    class_code is not None
                    and side == "expenditure"
                    and not row["code"]
                    and has_ordinal(row["label"])
                ):
                    code = class_code(strip_ordinal(row["label"]))
                    if code:
                        row["code"], row["code_inferred"], row["level"] = code, True, 1
                continue
            if carry_parent is not None and (
                p.indent > placed[carry_parent].indent
                or has_ordinal(row["label"])
                or _PART_OF_CARRY.match(squash(row["label"]))
            ):
                row["parent"] = carry_parent
                continue
            row["parent"] = grand_total
            carry_parent = i
    _mark_groups(rows)
    return rows


_HALF_HEADINGS = {"收入": "income", "收入项目": "income", "支出": "expenditure", "支出项目": "expenditure"}


def _stacked_halves(rows: list[RowFields]) -> None:
    """A summary printed in one column pair: the 收入 and 支出 lines (no figures) start its halves."""
    if any(row["side"] is not None for row in rows):
        return
    headings = [
        i
        for i, row in enumerate(rows)
        if _HALF_HEADINGS.get(squash(strip_ordinal(row["label"])))
        and not any(cell.get("value") is not None for cell in row["cells"].values())
    ]
    if {_HALF_HEADINGS[squash(strip_ordinal(rows[i]["label"]))] for i in headings} != {
        "income",
        "expenditure",
    }:
        return
    side = None
    for index, row in enumerate(rows):
        if index in headings:
            side = _HALF_HEADINGS[squash(strip_ordinal(row["label"]))]
            row["role"] = RowRole.NOTE  # a heading line, part of nothing
        row["side"] = side


_YEAR_HEADINGS = ("本年收入", "本年支出")


def _is_year_heading(label: str) -> bool:
    return _TOP_ORDINAL.match(label) is not None and squash(strip_ordinal(label)) in _YEAR_HEADINGS


_TOP_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．，,]")  # 一、 heads; （一） is under it


def _headed_half(members: list[tuple[int, Placed]], grand_total: int | None, side, class_code) -> None:
    """一、本年收入 (本年支出) is this half's year total, made up of the （一）… rows under it; each
    following 一、-numbered row (上年结转, 年终结转结余) with the rows under it; both make up 总计."""
    head: int | None = None
    heads_year = False
    for i, p in members:
        row = p.row
        if i == grand_total:
            continue
        if _TOP_ORDINAL.match(row["label"]):
            head, heads_year = i, _is_year_heading(row["label"])
            row["parent"] = grand_total
            if heads_year:
                row["role"], row["level"] = RowRole.TOTAL, 0
            continue
        row["parent"] = head if head is not None else grand_total
        if heads_year and side == "expenditure" and class_code is not None and not row["code"]:
            code = class_code(strip_ordinal(row["label"]))
            if code:
                row["code"], row["code_inferred"], row["level"] = code, True, 1


_THREE_PUBLIC_PARENT = {
    "abroad": "total",
    "reception": "total",
    "vehicles": "total",
    "vehicle_purchase": "vehicles",
    "vehicle_operation": "vehicles",
}


# how a named item is numbered: 1. | （1） | ① | 一、, after or before 其中：
_ITEM_NUMBER = re.compile(
    r"^(?:其中[:：]?)?\s*(?:[（(]?(?:\d+|[一二三四五六七八九十]+)[)）]?[、.．]?|[①②③④⑤⑥⑦⑧⑨⑩])?\s*(?:其中[:：]?)?"
)


def _item_word(label: str):
    return column_word(_ITEM_NUMBER.sub("", label, count=1))


def named(placed: list[Placed]) -> list[RowFields]:
    """三公经费 and 机关运行经费 tables: items under 合计; 购置/运行 under 公务用车购置及运行费."""
    rows = [p.row for p in placed]
    keys: dict[str, int] = {}
    for index, row in enumerate(rows):
        word = _item_word(row["label"])
        key = "total" if row["role"] == RowRole.TOTAL else (word.key if word else None)
        if key and key not in keys:
            keys[key] = index
    total = keys.get("total")
    for index, row in enumerate(rows):
        if index == total:
            continue
        word = _item_word(row["label"])
        parent_key = _THREE_PUBLIC_PARENT.get(word.key) if word else None
        row["parent"] = keys.get(parent_key) if parent_key else total
    _mark_groups(rows)
    return rows


# a public body's name (a unit of the department), not a project's: 青川市环境监测站, …局（本级）
_BODY_NAME = re.compile(
    r"(?:局|委员会|办公室|院|厅|中心|站|所|队|馆|署|学校|中学|小学|幼儿园|医院|机关)(?:[（(](?:本级|机关|汇总)[）)])?$"
)


def _is_body(label: str) -> bool:
    return _BODY_NAME.search(label) is not None


def _amount(row: RowFields) -> tuple[str, Decimal] | None:
    """The row's first printed amount, with its column key."""
    for key, cell in row["cells"].items():
        if cell.get("value") is not None:
            return key, cell["value"]
    return None


def _summed_run(rows: list[RowFields], index: int) -> int | None:
    """How many rows after ``index`` its amount is the sum of (the shortest such run), or None:
    a unit printed once over its projects, told from a project that happens to bear a body's
    name (乡镇空气自动监测站). Rounding of each printed figure is allowed for."""
    from perfbudget.check.tolerance import sum_tolerance  # (only project lists with bodies need it)

    first = _amount(rows[index])
    if first is None:
        return None
    key, target = first
    parts: list[Decimal] = []
    for end in range(index + 1, len(rows)):
        value = rows[end]["cells"].get(key, {}).get("value")
        if value is None:
            continue
        parts.append(value)
        got = sum(parts, Decimal(0))
        tolerance = sum_tolerance(target, parts)
        if abs(target - got) <= tolerance and (target == got or target >= 100 * tolerance):
            return end - index  # (rounding is allowed only where it is small beside the amount)
        if got > target:
            return None
    return None


def projects(placed: list[Placed]) -> list[RowFields]:
    """项目支出表: the first row is the department (or 合计); a unit is printed twice (unit, then
    the unit as its own budget level) or once under its name, its projects follow. A body printed
    once counts as a unit when its amount is the sum of the rows after it; right under 合计, with
    the same amount, it is the department over the units."""
    rows = [p.row for p in placed]
    if not rows:
        return rows
    total = 0
    rows[0]["role"], rows[0]["level"] = RowRole.TOTAL, 0
    top = total  # what units hang from: the total, or a department printed under 合计
    index = 1
    if (
        len(rows) > 2
        and is_total_label(rows[0]["label"])
        and _is_body(rows[1]["label"])
        and _same_values(rows[0], rows[1])
        and rows[2]["label"] != rows[1]["label"]
        and _is_body(rows[2]["label"])
        and _summed_run(rows, 2) is not None
    ):
        rows[1]["parent"], rows[1]["level"], top, index = total, 1, 1, 2
    # where units are printed twice, a body's name printed once is a project's
    twice = any(a["label"] == b["label"] and _same_values(a, b) for a, b in itertools.pairwise(rows[1:]))
    unit: int | None = None
    while index < len(rows):
        row = rows[index]
        nxt = rows[index + 1] if index + 1 < len(rows) else None
        if nxt is not None and nxt["label"] == row["label"] and _same_values(row, nxt):
            row["parent"], row["level"] = top, 1
            nxt["parent"], nxt["level"] = index, 2
            unit = index + 1
            index += 2
            continue
        if not twice and _is_body(row["label"]) and (run := _summed_run(rows, index)) is not None:
            row["parent"], row["level"] = top, 1
            for member in rows[index + 1 : index + 1 + run]:
                member["parent"], member["level"] = index, 3
            unit = None  # rows after its run are not its
            index += 1 + run
            continue
        row["parent"] = unit if unit is not None else top
        row["level"] = 3 if unit is not None else 1
        index += 1
    _mark_groups(rows)
    return rows


def _same_values(a: RowFields, b: RowFields) -> bool:
    return {k: c.get("value") for k, c in a["cells"].items()} == {
        k: c.get("value") for k, c in b["cells"].items()
    }


def economic_names(placed: list[Placed], is_class=None) -> list[RowFields]:
    """基本支出 by economic class names (部门经济科目 × 政府经济科目): a class row (no 政府科目)
    collects the detail rows below it; classes sit under 合计."""
    rows = [p.row for p in placed]
    total: int | None = None
    current: int | None = None
    for index, row in enumerate(rows):
        if row["role"] == RowRole.TOTAL and total is None:
            total = index
            continue
        gov = row["cells"].get("gov_name")
        has_gov = gov is not None and bool(gov["text"])
        if not has_gov and (is_class is None or is_class(row["label"])):
            row["parent"], row["level"] = total, 1
            current = index
        else:
            row["parent"], row["level"] = (current if current is not None else total), 2
    _mark_groups(rows)
    return rows


def economic_coded(rows: list[RowFields], group_totals: dict[str, int]) -> list[RowFields]:
    """经济分类 codes: 款 under 类 by prefix; 类 under its group total (人员经费合计/公用经费合计)."""
    by_code: dict[str, int] = {}
    for index, row in enumerate(rows):
        if row["role"] == RowRole.TOTAL or not row["code"]:
            continue
        by_code[row["code"]] = index
        if len(row["code"]) > 3 and row["code"][:3] in by_code:
            row["parent"] = by_code[row["code"][:3]]
        elif row["group"] in group_totals:
            row["parent"] = group_totals[row["group"]]
    _mark_groups(rows)
    return rows
