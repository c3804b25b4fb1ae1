"""Tables that print 功能分类 names without their codes: codes inferred from the names in context."""

from __future__ import annotations

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document

HEAD = "青川市生态环境局2025年一般公共预算支出表\n单位：万元\n科目名称\t合计\t基本支出\t项目支出\n"
ROWS = [
    ("合计", "460.00", "300.00", "160.00"),
    ("节能环保支出", "380.00", "220.00", "160.00"),
    ("  环境保护管理事务", "300.00", "200.00", "100.00"),
    ("    行政运行", "200.00", "200.00", ""),
    ("    一般行政管理事务", "100.00", "", "100.00"),
    ("  环境监测与监察", "80.00", "20.00", "60.00"),
    ("    其他环境监测与监察支出", "80.00", "20.00", "60.00"),
    ("社会保障和就业支出", "80.00", "80.00", ""),
    ("  行政事业单位养老支出", "80.00", "80.00", ""),
    ("    机关事业单位基本养老保险缴费支出", "80.00", "80.00", ""),
]


def parse(rows) -> object:
    text = HEAD + "".join("\t".join(r) + "\n" for r in rows)
    return load_document("names.txt", data=text.encode("utf-8"))


def test_codes_from_names_in_the_context_of_the_rows_above() -> None:
    doc = parse(ROWS)
    table = doc.tables[0]
    assert [r.code for r in table.rows] == [
        None,
        "211",
        "21101",
        "2110101",
        "2110102",
        "21102",
        "2110299",
        "208",
        "20805",
        "2080505",
    ]
    assert all(r.code_inferred for r in table.rows[1:])
    assert [r.parent for r in table.rows] == [None, 0, 1, 2, 2, 1, 5, 0, 7, 8]
    assert not [f for f in run_checks(doc) if f.severity == "error"]


def test_the_inferred_structure_finds_a_wrong_class_total() -> None:
    rows = list(ROWS)
    rows[1] = ("节能环保支出", "390.00", "230.00", "160.00")
    findings = [f for f in run_checks(parse(rows)) if f.severity == "error"]
    assert {f.rule for f in findings} >= {"budget.class-sum"}


def test_a_list_of_other_names_is_left_alone() -> None:
    rows = [
        ("合计", "30.00", "", "30.00"),
        ("大气污染防治监测", "10.00", "", "10.00"),
        ("水环境质量改善", "10.00", "", "10.00"),
        ("行政运行", "10.00", "", "10.00"),
    ]
    table = parse(rows).tables[0]
    assert [r.code for r in table.rows] == [None, None, None, None]
