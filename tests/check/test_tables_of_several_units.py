"""A document that prints a set of tables for each of its units (单位名称：… on every table):
figures are compared within each unit's set, never across units."""

from __future__ import annotations

from pathlib import Path

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document

UNITS = (
    ("青川市生态环境局机关", "300.00", "200.00", "100.00"),
    ("青川市环境监测站", "80.00", "60.00", "20.00"),
)


def unit_tables(name: str, total: str, basic: str, project: str, spent: str | None = None) -> str:
    """A 收支总表 and a 支出总表 of one unit; ``spent``: the 支出总表's total, when it differs."""
    spent = spent or total
    return (
        f"{name}2025年部门收支总表\n单位名称：{name}\t单位：万元\n"
        "收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
        f"一、一般公共预算拨款收入\t{total}\t一、节能环保支出\t{total}\n"
        f"本年收入合计\t{total}\t本年支出合计\t{total}\n"
        f"收入总计\t{total}\t支出总计\t{total}\n\n"
        f"{name}2025年部门支出总表\n单位名称：{name}\t单位：万元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        f"\t合计\t{spent}\t{basic}\t{project}\n"
        f"211\t节能环保支出\t{spent}\t{basic}\t{project}\n"
        f"2110101\t行政运行\t{spent}\t{basic}\t{project}\n\n"
    )


def errors(tmp_path: Path, text: str) -> list:
    path = tmp_path / "units.txt"
    path.write_text(text, encoding="utf-8")
    document = load_document(path)
    return [f for f in run_checks(document) if f.severity == "error"]


def test_consistent_units_are_not_compared_with_each_other(tmp_path: Path) -> None:
    assert errors(tmp_path, "".join(unit_tables(*unit) for unit in UNITS)) == []


def test_a_disagreement_inside_the_second_unit_is_found(tmp_path: Path) -> None:
    first, (name, _, basic, _) = UNITS
    text = unit_tables(*first) + unit_tables(name, "80.00", basic, "21.00", spent="81.00")
    found = errors(tmp_path, text)
    assert {f.rule for f in found} == {"budget.cross-table"}
    assert all(name in f.message for f in found)


def test_tables_that_name_no_unit_belong_to_the_unit_named_before_them(tmp_path: Path) -> None:
    first, (name, total, basic, project) = UNITS
    second = unit_tables(name, total, basic, project).replace(f"单位名称：{name}\t", "", 1)
    second = second.replace(f"{name}2025年部门支出总表\n单位名称：{name}", "2025年部门支出总表\n")
    assert "单位名称" not in second.split("部门支出总表")[1]
    assert errors(tmp_path, unit_tables(*first) + second) == []


def test_a_name_printed_without_its_scope_is_the_same_unit(tmp_path: Path) -> None:
    name, total, basic, project = UNITS[0]
    text = unit_tables(name, total, basic, project).replace(f"单位名称：{name}", f"部门：{name}（汇总）", 1)
    wrong = unit_tables(name, total, basic, "101.00", spent="301.00").replace(
        f"单位名称：{name}", f"部门：{name}（汇总）", 1
    )
    assert errors(tmp_path, text) == []
    assert {f.rule for f in errors(tmp_path, wrong)} == {"budget.cross-table"}


def test_the_prose_is_checked_against_the_departments_own_tables(tmp_path: Path) -> None:
    station, department = UNITS[1], UNITS[0]
    prose = (
        f"{department[0]}2025年部门预算情况说明\n"
        f"2025年{department[0]}收入总计{department[1]}万元，支出总计{department[1]}万元。\n"
    )
    path = tmp_path / "units.txt"
    path.write_text(unit_tables(*station) + unit_tables(*department) + prose, encoding="utf-8")
    document = load_document(path)
    assert document.department == department[0]  # the unit the document's own heading names
    assert [f for f in run_checks(document) if f.severity == "error"] == []
