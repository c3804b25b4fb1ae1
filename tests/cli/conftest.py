"""Small fictional documents for command-line tests (青川市 is a fictional city)."""

from __future__ import annotations

from pathlib import Path

import pytest

EXPENDITURE_TABLE = """### 2025年预算支出总表

部门名称：青川市生态环境局

单位：万元

项目\t\t2025年预算数\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t1520.00\t820.00\t700.00
208\t社会保障和就业支出\t120.00\t120.00\t
20805\t行政事业单位养老支出\t120.00\t120.00\t
2080505\t机关事业单位基本养老保险缴费支出\t120.00\t120.00\t
211\t节能环保支出\t1400.00\t700.00\t700.00
21101\t环境保护管理事务\t1400.00\t700.00\t700.00
2110101\t行政运行\t700.00\t700.00\t
2110102\t一般行政管理事务\t{item}\t\t{item}
"""


def expenditure_text(item: str = "700.00") -> str:
    return EXPENDITURE_TABLE.format(item=item)


@pytest.fixture(name="expenditure_text")
def expenditure_text_fixture():
    return expenditure_text


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "qingchuan-2025.txt"
    path.write_text(expenditure_text(), encoding="utf-8")
    return path


@pytest.fixture
def bad_sum_file(tmp_path: Path) -> Path:
    """一般行政管理事务 printed as 690.00: 款 21101 no longer adds up (and the 合计 column not)."""
    path = tmp_path / "qingchuan-2025-error.txt"
    path.write_text(expenditure_text("690.00"), encoding="utf-8")
    return path
