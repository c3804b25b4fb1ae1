"""Which department a disclosure belongs to, when no meta row (部门名称：…) says it.

Titles often print the issuer before the year or the table's name; the documents here are
fictional (青川市, 云岭县).
"""

from __future__ import annotations

from perfbudget.pipeline import load_document

TABLE = (
    "单位：万元\n"
    "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "\t合计\t300.00\t200.00\t100.00\n"
    "211\t节能环保支出\t300.00\t200.00\t100.00\n"
    "21101\t环境保护管理事务\t300.00\t200.00\t100.00\n"
    "2110101\t行政运行\t200.00\t200.00\t\n"
    "2110102\t一般行政管理事务\t100.00\t\t100.00\n"
)


def parse(text: str):
    return load_document("disclosure.txt", data=text.encode("utf-8"))


def test_issuer_before_the_year_in_a_table_title() -> None:
    doc = parse("表三 青川市生态环境局2025年部门支出总表\n" + TABLE)
    assert (doc.department, doc.fiscal_year, doc.scope) == ("青川市生态环境局", 2025, None)


def test_issuer_after_the_year_in_the_document_heading() -> None:
    doc = parse("# 2025年青川市生态环境局部门预算公开\n\n部门支出总表\n" + TABLE)
    assert doc.department == "青川市生态环境局"


def test_consolidated_scope_printed_after_the_issuer() -> None:
    doc = parse("公开03表 云岭县林业局（汇总）支出决算表\n" + TABLE)
    assert (doc.department, doc.scope, doc.stage) == ("云岭县林业局", "汇总", "决算")


def test_a_meta_row_wins_over_the_title() -> None:
    doc = parse("青川市生态环境局2025年部门支出总表\n部门名称：青川市环境监测站\t\n" + TABLE)
    assert doc.department == "青川市环境监测站"


def test_no_issuer_printed_means_no_department() -> None:
    doc = parse("2025年部门支出总表\n" + TABLE)
    assert doc.department is None
    doc = parse("# 市级部门预算说明\n\n部门支出总表\n" + TABLE)
    assert doc.department is None


def test_issuer_after_an_attachment_label() -> None:
    doc = parse("附件2-1 青川市水利局2024年支出决算表\n" + TABLE)
    assert (doc.department, doc.fiscal_year) == ("青川市水利局", 2024)
