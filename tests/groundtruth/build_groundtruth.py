"""Build the labelled ground truth of the disclosure tables in seeds 002 and 004.

This is an *independent* reading of the seed text, written to label a sample against which
perfbudget's parser is measured (``benchmarks/accuracy.py``) and from which the expected values of
``tests/seeds/test_disclosure_tables.py`` were taken. It deliberately does **not** import perfbudget:
it reads the physical lines of the two seed files itself, using what a person sees when reading them
(the layouts are described in ``/work/shared/docs/seed-formats.md`` §1.4 and §1.11), and it asserts
the landmarks it relies on (titles, header rows, notes) so that a change in the seed text fails loudly
instead of producing a silently wrong label.

How the seeds are read
----------------------
* 002 (焦作 2020 部门决算, 公开01表…公开09表) uses layout C: every cell is a line that starts with one
  TAB, a row is a run of non-blank lines, rows are separated by blank lines, and a TAB-less line
  continues the previous cell (e.g. the U+3000-only line under some titles). Data rows start after the
  ``栏次`` row (01–05, 08, 09), after the header and its empty residue row (06) or after the
  column-number row ``1 … 12`` (07), and end at the ``注：`` note row.
* 004 (临汾 2024 部门预算, 表一…表十三) uses layout R: one row per line, cells separated by TABs, and
  zero is printed as an empty cell. HTML ``<b>`` around cells (表四 252, 257) is removed.

What is labelled
----------------
For every table: its kind id (the ids of perfbudget's catalogue), the title as printed (without the
Markdown heading marker and trailing whitespace), the printed label (公开01表 …) when there is one, the
row count, the rows (identity + source line), and one record per amount cell:
``{row: {side, code, label, gov_name, n}, column, text, value, line}``.

* ``value`` is the printed number without thousands separators, as a string (``"13190.69"``), or
  ``null`` for a cell printed empty (004: every empty amount cell of a labelled row, since 004 prints
  zero as an empty cell; 002: the empty cells of the 合计 rows of 08/09表). A printed ``0.00`` is the
  string ``"0.00"``, never ``null``.
* ``line`` is the physical line (1-based, file split on ``\\n``) that holds the cell: the cell's own
  line in layout C, the row's line in layout R.
* Row identity: ``side`` (``income``/``expenditure`` in two-sided tables, else ``null``); ``code`` as
  printed (功能分类/经济分类/收入分类; never inferred from a name); ``label`` as printed with
  surrounding whitespace removed; ``gov_name`` = the 政府预算支出经济科目 of 004 表六 (its rows are pairs
  of a 部门经济科目 and a 政府经济科目); ``n`` = 1, 2, 3 … numbers rows that would otherwise be
  identical (004 表四 一、二、三 sources vs the 上年结转 sub-rows; 表六 公务接待费 printed twice; 表十二/十三
  the department and unit rows printed two or three times).

Judgements made (see the report that accompanied this sample):

* Blank halves of two-sided tables (002 01表 income 行次 9–26 and 30, expenditure 61; 04表 income 行次
  4–26, expenditure 61–63; 004 表一/表四 income half below the sources) are not rows: they carry no
  label, only placeholders.
* 002 06表 packs three (code, name, 决算数) records per printed row; each record is a row whose amount
  is in column ``total`` (the 决算数), with ``group`` 人员经费 (first triple) or 公用经费 (second and
  third triples). The footer ``人员经费合计 | 2,378.63 | 公用经费合计 | 347.17`` gives two rows (groups
  人员经费 and 公用经费).
* 002 07表 has one unlabelled data row (label ``""``) with columns ``budget.*`` and ``final.*``.
* 002 08/09表 have one row (合计, all six cells empty); the following all-empty rows are residue.
* 004 表九 has one row: 合计 on the income half (its 国有资本经营收入预算 cell empty); the expenditure half
  of that line is unlabelled and is not labelled here.
* 004 表十二/十三: every printed row is a row, duplicates included (the guide's "hierarchy by
  repetition"): 33 and 8 rows.

Run: ``.venv/bin/python tests/groundtruth/build_groundtruth.py`` (writes ``002.json`` and ``004.json``
next to this script; ``--check`` only verifies that the files are up to date).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / ".." / "shared" / "seeds"

NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+(?:\.\d+)?")


def seed_lines(prefix: str) -> tuple[str, list[str]]:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.name, path.read_text(encoding="utf-8").split("\n")


def clean(text: str) -> str:
    """Strip whitespace (ASCII and U+3000) and HTML bold tags."""
    return re.sub(r"</?b>", "", text).strip()


def amount(text: str) -> str | None:
    """The printed number without thousands separators, or None for an empty cell."""
    text = clean(text)
    if text == "":
        return None
    if not NUMBER.fullmatch(text):
        raise ValueError(f"not an amount: {text!r}")
    return text.replace(",", "")


class Table:
    def __init__(self, kind: str, title: str, label: str | None, line: int, columns: list[str]):
        self.kind, self.title, self.label, self.line, self.columns = kind, title, label, line, columns
        self.rows: list[dict] = []
        self.cells: list[dict] = []

    def add_row(
        self,
        *,
        label: str,
        line: int,
        side: str | None = None,
        code: str | None = None,
        gov_name: str | None = None,
        group: str | None = None,
    ) -> dict:
        ident = {"side": side, "code": code, "label": label, "gov_name": gov_name}
        same = [r for r in self.rows if all(r["id"][k] == v for k, v in ident.items())]
        ident["n"] = len(same) + 1
        row = {"id": ident, "line": line}
        if group:
            row["group"] = group
        self.rows.append(row)
        return row

    def add_cell(self, row: dict, column: str, text: str, line: int) -> None:
        assert column in self.columns, column
        self.cells.append(
            {"row": row["id"], "column": column, "text": clean(text), "value": amount(text), "line": line}
        )

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "title": self.title,
            "label": self.label,
            "line": self.line,
            "columns": self.columns,
            "row_count": len(self.rows),
            "rows": self.rows,
            "cells": self.cells,
        }


# ----------------------------------------------------------------------------------------- 002 (C)


def c_rows(lines: list[str], start: int, end: int) -> list[list[tuple[str, int]]]:
    """Layout C rows of physical lines start..end (1-based, inclusive): lists of (cell text, line)."""
    rows: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] | None = None
    for number in range(start, end + 1):
        line = lines[number - 1]
        if line.strip(" \r") == "":  # blank (U+3000-only lines are NOT blank: they continue a cell)
            current = None
            continue
        if line.startswith("\t"):
            if current is None:
                current = []
                rows.append(current)
            current.append((line[1:], number))
        else:
            assert current, f"continuation without a cell at {number}"
            text, first = current[-1]
            current[-1] = (text + "\n" + line, first)
    return rows


def texts(row: list[tuple[str, int]]) -> list[str]:
    return [clean(t) for t, _ in row]


def find_title(lines: list[str], title: str, after: int = 0) -> int:
    for number in range(after + 1, len(lines) + 1):
        if re.sub(r"^#+\s*", "", clean(lines[number - 1])) == title:
            return number
    raise LookupError(title)


def body_002(lines, title_line, label, start_marker) -> tuple[list, int]:
    """Data rows of one 002 table: rows after the row matched by start_marker, before the 注 row."""
    # the table ends at its 注：row
    end = title_line
    while not clean(lines[end - 1]).startswith("注："):
        end += 1
    rows = c_rows(lines, title_line, end)
    assert any(texts(r)[-1] == label for r in rows), label
    starts = [i for i, r in enumerate(rows) if start_marker(texts(r))]
    assert starts, f"no start marker in {label}"
    body = rows[starts[0] + 1 : -1]
    assert texts(rows[-1])[0].startswith("注："), label
    return body, end


def build_002() -> dict:
    name, lines = seed_lines("002")
    tables = []

    def is_lanci(t):
        return t[0] == "栏次"

    # 公开01表 收入支出决算总表 ---------------------------------------------------------------
    line = find_title(lines, "收入支出决算总表")
    table = Table("income_expenditure_summary", "收入支出决算总表", "公开01表", line, ["total"])
    body, _ = body_002(lines, line, "公开01表", is_lanci)
    for row in body:
        assert len(row) == 6, row
        t = texts(row)
        for side, (lab, no, amt) in (("income", row[0:3]), ("expenditure", row[3:6])):
            if clean(lab[0]) == "":
                assert clean(amt[0]) == "", row  # a blank slot: 行次 only
                continue
            r = table.add_row(side=side, label=clean(lab[0]), line=lab[1])
            assert re.fullmatch(r"\d+", clean(no[0])), t
            table.add_cell(r, "total", amt[0], amt[1])
    tables.append(table)

    # 公开02表 收入决算表 ------------------------------------------------------------------------
    cols02 = [
        "total",
        "fiscal_grant",
        "upper_subsidy",
        "service_income",
        "operating_income",
        "affiliate_remit",
        "other_income",
    ]
    line = find_title(lines, "收入决算表")
    table = Table("revenue", "收入决算表", "公开02表", line, cols02)
    body, _ = body_002(lines, line, "公开02表", is_lanci)
    coded_rows(table, body, cols02)
    tables.append(table)

    # 公开03表 支出决算表 ------------------------------------------------------------------------
    cols03 = ["total", "basic", "project", "remit_upper", "operating_expenditure", "affiliate_subsidy"]
    line = find_title(lines, "支出决算表")
    table = Table("expenditure", "支出决算表", "公开03表", line, cols03)
    body, _ = body_002(lines, line, "公开03表", is_lanci)
    coded_rows(table, body, cols03)
    tables.append(table)

    # 公开04表 财政拨款收入支出决算总表 -------------------------------------------------------------
    line = find_title(lines, "财政拨款收入支出决算总表")
    table = Table(
        "fiscal_summary",
        "财政拨款收入支出决算总表",
        "公开04表",
        line,
        ["total", "general_budget", "gov_fund", "state_capital"],
    )
    body, _ = body_002(lines, line, "公开04表", is_lanci)
    for row in body:
        assert len(row) == 9, row
        lab, no, amt = row[0:3]
        if clean(lab[0]) != "":
            r = table.add_row(side="income", label=clean(lab[0]), line=lab[1])
            table.add_cell(r, "total", amt[0], amt[1])
        else:
            assert clean(amt[0]) == ""
        lab = row[3]
        if clean(lab[0]) != "":
            r = table.add_row(side="expenditure", label=clean(lab[0]), line=lab[1])
            for key, (text, ln) in zip(
                ["total", "general_budget", "gov_fund", "state_capital"], row[5:9], strict=True
            ):
                table.add_cell(r, key, text, ln)
        else:
            assert all(clean(t) == "" for t, _ in row[5:9])
    tables.append(table)

    # 公开05表 一般公共预算财政拨款支出决算表 ---------------------------------------------------------
    cols05 = ["total", "basic", "project"]
    line = find_title(lines, "一般公共预算财政拨款支出决算表")
    table = Table("general_budget_expenditure", "一般公共预算财政拨款支出决算表", "公开05表", line, cols05)
    body, _ = body_002(lines, line, "公开05表", is_lanci)
    coded_rows(table, body, cols05)
    tables.append(table)

    # 公开06表 一般公共预算财政拨款基本支出决算表 -----------------------------------------------------
    line = find_title(lines, "一般公共预算财政拨款基本支出决算表")
    table = Table(
        "basic_expenditure_economic", "一般公共预算财政拨款基本支出决算表", "公开06表", line, ["total"]
    )
    body, _ = body_002(lines, line, "公开06表", lambda t: t.count("科目编码") == 3)
    assert all(x == "" for x in texts(body[0]))  # the empty residue row of the two-row header
    triples: list[list] = [[], [], []]
    footer = None
    for row in body[1:]:
        t = texts(row)
        if t[0] == "人员经费合计":
            footer = row
            continue
        assert len(row) == 9, row
        for k in range(3):
            code, nm, amt = row[3 * k : 3 * k + 3]
            if clean(code[0]) == "":
                assert clean(nm[0]) == "" and clean(amt[0]) == ""
                continue
            triples[k].append((code, nm, amt))
    # the three columns are independent lists: column 1 (人员经费) first, then columns 2 and 3
    for k, group in ((0, "人员经费"), (1, "公用经费"), (2, "公用经费")):
        for code, nm, amt in triples[k]:
            assert re.fullmatch(r"\d{3}|\d{5}", clean(code[0])), code
            r = table.add_row(code=clean(code[0]), label=clean(nm[0]), line=code[1], group=group)
            table.add_cell(r, "total", amt[0], amt[1])
    assert footer is not None and len(footer) == 4
    for (lab, ln), (amt, aln), group in (
        (footer[0], footer[1], "人员经费"),
        (footer[2], footer[3], "公用经费"),
    ):
        assert clean(lab) == group + "合计"
        r = table.add_row(label=clean(lab), line=ln, group=group)
        table.add_cell(r, "total", amt, aln)
    tables.append(table)

    # 公开07表 “三公”经费 -----------------------------------------------------------------------
    title = "一般公共预算财政拨款“三公”经费支出决算表"
    line = find_title(lines, title)
    keys = ["total", "abroad", "vehicles", "vehicle_purchase", "vehicle_operation", "reception"]
    cols07 = [f"budget.{k}" for k in keys] + [f"final.{k}" for k in keys]
    table = Table("three_public", title, "公开07表", line, cols07)
    body, _ = body_002(lines, line, "公开07表", lambda t: t == [str(i) for i in range(1, 13)])
    assert len(body) == 1 and len(body[0]) == 12
    r = table.add_row(label="", line=body[0][0][1])
    for key, (text, ln) in zip(cols07, body[0], strict=True):
        table.add_cell(r, key, text, ln)
    tables.append(table)

    # 公开08表 / 公开09表 (empty) ---------------------------------------------------------------
    cols08 = ["opening", "income_year", "total", "basic", "project", "closing"]
    for kind, title, label in (
        ("gov_fund", "政府性基金预算财政拨款收入支出决算表", "公开08表"),
        ("state_capital", "国有资本经营预算财政拨款收入支出决算表", "公开09表"),
    ):
        line = find_title(lines, title)
        table = Table(kind, title, label, line, cols08)
        body, _ = body_002(lines, line, label, is_lanci)
        total = body[0]
        assert texts(total)[0] == "合计" and len(total) == 7
        r = table.add_row(label="合计", line=total[0][1])
        for key, (text, ln) in zip(cols08, total[1:], strict=True):
            table.add_cell(r, key, text, ln)
        assert all(all(x == "" for x in texts(row)) for row in body[1:])  # residue rows
        tables.append(table)

    return {
        "seed": "002",
        "file": name,
        "metadata": {
            "family": "final_account_disclosure",
            "stage": "决算",
            "fiscal_year": 2020,
            "department": "焦作市生态环境局",
            "scope": "汇总",
            "money_unit": "万元",
        },
        "tables": [t.to_json() for t in tables],
    }


def coded_rows(table: Table, body: list, columns: list[str]) -> None:
    """02/03/05表: a 合计 row (label spans code and name) then (code, name, amounts…) rows."""
    first = body[0]
    assert texts(first)[0] == "合计" and len(first) == len(columns) + 1, texts(first)
    r = table.add_row(label="合计", line=first[0][1])
    for key, (text, ln) in zip(columns, first[1:], strict=True):
        table.add_cell(r, key, text, ln)
    for row in body[1:]:
        assert len(row) == len(columns) + 2, texts(row)
        code = clean(row[0][0])
        assert re.fullmatch(r"\d{3}|\d{5}|\d{7}", code), code
        r = table.add_row(code=code, label=clean(row[1][0]), line=row[0][1])
        for key, (text, ln) in zip(columns, row[2:], strict=True):
            table.add_cell(r, key, text, ln)


# ----------------------------------------------------------------------------------------- 004 (R)


def r_cells(lines: list[str], number: int, width: int) -> list[str]:
    cells = lines[number - 1].split("\t")
    assert len(cells) <= width, (number, cells)
    return cells + [""] * (width - len(cells))


def data_lines(lines: list[str], first: int, last: int) -> list[int]:
    """The non-blank physical lines first..last (page-break blank lines inside tables skipped)."""
    return [n for n in range(first, last + 1) if lines[n - 1].strip() != ""]


def build_004() -> dict:
    name, lines = seed_lines("004")
    tables = []

    def header(title: str, expect_line: int, after: int = 0) -> int:
        line = find_title(lines, title, after)
        assert line == expect_line, (title, line)
        return line

    def one_sided(kind, title, title_line, label, first, last, layout, coded=True):
        """layout: the column keys by cell position; 'code'/'name'/'gov_name' are identity cells."""
        table = Table(
            kind, title, label, title_line, [k for k in layout if k not in ("code", "name", "gov_name")]
        )
        for n in data_lines(lines, first, last):
            cells = [clean(c) for c in r_cells(lines, n, len(layout))]
            ident = dict(zip(layout, cells, strict=True))
            code = ident.get("code") or None
            lab = ident.get("name", "")
            if coded and code is not None and not re.fullmatch(r"\d+", code):
                code, lab = None, code  # 合计 spans the code and name cells
            r = table.add_row(code=code, label=lab, line=n, gov_name=ident.get("gov_name") or None)
            for key, text in zip(layout, cells, strict=True):
                if key not in ("code", "name", "gov_name"):
                    table.add_cell(r, key, text, n)
        tables.append(table)
        return table

    # 表一 2024年预算收支总表 -------------------------------------------------------------------
    line = header("2024年预算收支总表", 86)
    assert clean(lines[84 - 1]) == "预算公开表1"
    assert r_cells(lines, 93, 6) == ["项目", "2024年", "项目", "2024年合计", "当年预算安排", "上年结转安排"]
    table = Table(
        "income_expenditure_summary",
        "2024年预算收支总表",
        "预算公开表1",
        line,
        ["total", "current_year", "carryover"],
    )
    for n in data_lines(lines, 94, 127):
        c = [clean(x) for x in r_cells(lines, n, 6)]
        if c[0]:
            r = table.add_row(side="income", label=c[0], line=n)
            table.add_cell(r, "total", c[1], n)
        else:
            assert c[1] == ""
        if c[2]:
            r = table.add_row(side="expenditure", label=c[2], line=n)
            for key, text in zip(["total", "current_year", "carryover"], c[3:6], strict=True):
                table.add_cell(r, key, text, n)
    tables.append(table)

    # 表二 2024年预算收入总表 -------------------------------------------------------------------
    line = header("2024年预算收入总表", 129)
    assert r_cells(lines, 136, 9)[:8] == [
        "科目编码",
        "科目名称",
        "合计",
        "一般公共预算",
        "政府性基金",
        "国有资本经营预算",
        "财政专户管理资金",
        "单位资金",
    ]
    assert r_cells(lines, 135, 9)[8] == "上年结转"
    one_sided(
        "revenue",
        "2024年预算收入总表",
        line,
        None,
        137,
        170,
        [
            "code",
            "name",
            "total",
            "general_budget",
            "gov_fund",
            "state_capital",
            "special_account",
            "unit_funds",
            "carryover",
        ],
    )

    # 表三 2024年预算支出总表 -------------------------------------------------------------------
    line = header("2024年预算支出总表", 172)
    assert r_cells(lines, 179, 5) == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    one_sided(
        "expenditure",
        "2024年预算支出总表",
        line,
        None,
        180,
        210,
        ["code", "name", "total", "basic", "project"],
    )

    # 表四 2024年财政拨款收支总表 ----------------------------------------------------------------
    line = header("2024年财政拨款收支总表", 212)
    assert r_cells(lines, 220, 7)[3:] == ["小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    exp_keys = ["total", "general_budget", "gov_fund", "state_capital"]
    table = Table("fiscal_summary", "2024年财政拨款收支总表", None, line, exp_keys)
    for n in data_lines(lines, 221, 257):
        c = [clean(x) for x in r_cells(lines, n, 7)]
        if c[0]:
            r = table.add_row(side="income", label=c[0], line=n)
            table.add_cell(r, "total", c[1], n)
        else:
            assert c[1] == ""
        if c[2]:
            r = table.add_row(side="expenditure", label=c[2], line=n)
            for key, text in zip(exp_keys, c[3:7], strict=True):
                table.add_cell(r, key, text, n)
        else:
            assert all(x == "" for x in c[3:7])
    tables.append(table)

    # 表五 一般公共预算支出预算表 -----------------------------------------------------------------
    title = "2024年一般公共预算支出预算表（不含上年结转）"
    line = header(title, 259)
    assert r_cells(lines, 266, 5) == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    one_sided(
        "general_budget_expenditure",
        title,
        line,
        None,
        267,
        294,
        ["code", "name", "total", "basic", "project"],
    )

    # 表六 基本支出分经济科目表 ------------------------------------------------------------------
    title = "2024年一般公共预算安排基本支出分经济科目表（不含上年结转）"
    line = header(title, 296)
    assert r_cells(lines, 303, 5)[2:] == ["合计", "人员经费", "公用经费"]
    one_sided(
        "basic_expenditure_economic",
        title,
        line,
        None,
        304,
        356,
        ["name", "gov_name", "total", "personnel", "public"],
        coded=False,
    )

    # 表七 政府性基金预算收入表 -------------------------------------------------------------------
    title = "2024年政府性基金预算收入表（不含上年结转）"
    line = header(title, 358)
    assert r_cells(lines, 364, 3)[2] == "政府性基金收入预算"
    one_sided("gov_fund_revenue", title, line, None, 366, 369, ["code", "name", "total"])

    # 表八 政府性基金预算支出表 -------------------------------------------------------------------
    title = "2024年政府性基金预算支出表（不含上年结转）"
    line = header(title, 373)
    assert r_cells(lines, 379, 5) == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    one_sided(
        "gov_fund_expenditure", title, line, None, 380, 383, ["code", "name", "total", "basic", "project"]
    )

    # 表九 国有资本经营预算收支预算表 (no data) --------------------------------------------------------
    title = "2024年国有资本经营预算收支预算表（不含上年结转）"
    line = header(title, 387)
    assert clean(lines[385 - 1]) == "部门公开表9"
    assert r_cells(lines, 394, 8)[2] == "国有资本经营收入预算"
    table = Table("state_capital", title, "部门公开表9", line, ["total"])
    c = r_cells(lines, 396, 8)
    assert c[0] == "合计" and all(x == "" for x in c[1:])
    r = table.add_row(side="income", label="合计", line=396)
    table.add_cell(r, "total", c[2], 396)
    assert clean(lines[398 - 1]) == "注：本表无数据"
    tables.append(table)

    # 表十 “三公”经费 ------------------------------------------------------------------------
    title = "2024年财政拨款安排“三公”经费支出预算表"
    line = header(title, 402)
    assert clean(lines[400 - 1]) == "预算公开表10"
    assert r_cells(lines, 409, 5)[1:] == ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    one_sided(
        "three_public",
        title,
        line,
        "预算公开表10",
        410,
        415,
        ["name", "total", "general_budget", "gov_fund", "state_capital"],
        coded=False,
    )

    # 表十一 机关运行经费 --------------------------------------------------------------------------
    title = "2024年财政拨款安排机关运行经费预算表"
    line = header(title, 417)
    assert r_cells(lines, 424, 5)[1:] == ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]
    one_sided(
        "admin_operating",
        title,
        line,
        None,
        425,
        426,
        ["name", "total", "general_budget", "gov_fund", "state_capital"],
        coded=False,
    )

    # 表十二 项目支出预算表（本年预算） -------------------------------------------------------------
    title = "2024年项目支出预算表（本年预算）"
    line = header(title, 428)
    assert r_cells(lines, 434, 7)[5:] == ["财政专户管理资金", "单位资金"]
    assert r_cells(lines, 436, 7) == [str(i) for i in range(1, 8)]
    one_sided(
        "project_expenditure",
        title,
        line,
        None,
        437,
        470,
        ["name", "total", "general_budget", "gov_fund", "state_capital", "special_account", "unit_funds"],
        coded=False,
    )

    # 表十三 项目支出预算表（上年结转） -------------------------------------------------------------
    title = "2024年项目支出预算表（上年结转）"
    line = header(title, 472)
    assert r_cells(lines, 480, 5) == [str(i) for i in range(1, 6)]
    one_sided(
        "project_expenditure",
        title,
        line,
        None,
        481,
        488,
        ["name", "total", "general_budget", "gov_fund", "state_capital"],
        coded=False,
    )

    return {
        "seed": "004",
        "file": name,
        "metadata": {
            "family": "budget_disclosure",
            "stage": "预算",
            "fiscal_year": 2024,
            "department": "临汾市生态环境局",
            "scope": None,
            "money_unit": "万元",
        },
        "tables": [t.to_json() for t in tables],
    }


def dump(data: dict) -> str:
    """JSON with one row or cell record per line (readable, and diffs stay small)."""

    def one(x) -> str:
        return json.dumps(x, ensure_ascii=False)

    out = ["{"]
    for key in ("seed", "file", "metadata"):
        out.append(f" {one(key)}: {one(data[key])},")
    out.append(' "tables": [')
    for i, table in enumerate(data["tables"]):
        out.append("  {")
        for key in ("kind", "title", "label", "line", "columns", "row_count"):
            out.append(f"   {one(key)}: {one(table[key])},")
        for key in ("rows", "cells"):
            out.append(f'   "{key}": [')
            records = table[key]
            out.extend(f"    {one(r)}{',' if j < len(records) - 1 else ''}" for j, r in enumerate(records))
            out.append("   ]" + ("," if key == "rows" else ""))
        out.append("  }" + ("," if i < len(data["tables"]) - 1 else ""))
    out.append(" ]")
    out.append("}")
    text = "\n".join(out) + "\n"
    assert json.loads(text) == data
    return text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for data in (build_002(), build_004()):
        path = HERE / f"{data['seed']}.json"
        text = dump(data)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
        cells = sum(len(t["cells"]) for t in data["tables"])
        filled = sum(1 for t in data["tables"] for c in t["cells"] if c["value"] is not None)
        rows = sum(t["row_count"] for t in data["tables"])
        print(
            f"{data['seed']}: {len(data['tables'])} tables, {rows} rows, {filled} amount cells, "
            f"{cells - filled} empty cells"
        )
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
