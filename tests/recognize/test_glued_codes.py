"""A classification code printed in the name's cell, in the ways converters and templates print it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.check import run_checks
from perfbudget.pipeline import load_document

NAMES = [
    ("211", "节能环保支出"),
    ("21101", "环境保护管理事务"),
    ("2110101", "行政运行"),
    ("2110102", "一般行政管理事务"),
]
AMOUNTS = [
    ("300.00", "200.00", "100.00"),
    ("300.00", "200.00", "100.00"),
    ("200.00", "200.00", ""),
    ("100.00", "", "100.00"),
]


def document(glue: str) -> str:
    lines = [
        "青川市生态环境局2025年一般公共预算支出表",
        "单位：万元",
        "功能分类科目\t合计\t基本支出\t项目支出",
    ]
    lines.append("合计\t300.00\t200.00\t100.00")
    for (code, name), amounts in zip(NAMES, AMOUNTS, strict=True):
        lines.append("\t".join([glue.format(code=code, name=name), *amounts]))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "glue",
    [
        "{code} {name}",
        "{code}　{name}",
        "{code}-{name}",
        "{code}、{name}",
        "[{code}]{name}",
        "【{code}】{name}",
        "（{code}）{name}",
        "{code}{name}",
    ],
)
def test_code_and_name_in_one_cell(glue: str) -> None:
    doc = load_document("glued.txt", data=document(glue).encode("utf-8"))
    [table] = doc.tables
    assert [(r.code, r.label, r.parent) for r in table.rows] == [
        (None, "合计", None),
        ("211", "节能环保支出", 0),
        ("21101", "环境保护管理事务", 1),
        ("2110101", "行政运行", 2),
        ("2110102", "一般行政管理事务", 2),
    ]
    assert table.rows[3].cells["basic"].value == Decimal("200.00")
    assert not [f for f in run_checks(doc) if f.severity == "error"]


@pytest.mark.parametrize("label", ["300万元以下项目", "2025年新增", "12个站点运维"])
def test_a_quantity_before_a_word_is_not_a_code(label: str) -> None:
    text = "青川市生态环境局2025年项目支出表\n单位：万元\n项目名称\t合计\n合计\t5.00\n" + f"{label}\t5.00\n"
    doc = load_document("quantity.txt", data=text.encode("utf-8"))
    assert [(r.code, r.label) for r in doc.tables[0].rows][-1] == (None, label)
