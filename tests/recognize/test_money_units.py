"""Where a table prints its money unit: a meta row (单位：万元, in brackets or not) or its header."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.pipeline import load_document

BODY = (
    "科目编码\t科目名称\t{total}\t基本支出\t项目支出\n"
    "\t合计\t3,000,000.00\t2,000,000.00\t1,000,000.00\n"
    "211\t节能环保支出\t3,000,000.00\t2,000,000.00\t1,000,000.00\n"
    "2110101\t行政运行\t2,000,000.00\t2,000,000.00\t\n"
    "2110102\t一般行政管理事务\t1,000,000.00\t\t1,000,000.00\n"
)


def parse(unit_line: str, total_header: str = "合计"):
    text = "青川市生态环境局2025年部门支出总表\n" + unit_line + BODY.format(total=total_header)
    return load_document("units.txt", data=text.encode("utf-8"))


@pytest.mark.parametrize(
    ("unit_line", "total_header", "unit"),
    [
        ("单位：元\n", "合计", "元"),
        ("金额单位：万元\n", "合计", "万元"),
        ("（单位：万元）\n", "合计", "万元"),
        ("(单位:元)\n", "合计", "元"),
        ("", "合计（元）", "元"),
        ("", "金额(万元)", "万元"),
        ("", "合计", None),
    ],
)
def test_unit_and_total_column(unit_line: str, total_header: str, unit: str | None) -> None:
    doc = parse(unit_line, total_header)
    [table] = doc.tables
    assert (table.unit, doc.money_unit) == (unit, unit)
    assert table.rows[0].cells["total"].value == Decimal("3000000.00")  # the unit leaves the key alone
    assert not doc.paragraphs  # a bracketed unit line is the table's, not prose
