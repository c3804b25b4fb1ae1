"""Disclosure tables of seeds 002 (焦作 2020 部门决算, 公开01表…公开09表) and 004 (临汾 2024 部门预算, 表一…表十三).

The expected values are hard-coded here; they were taken from the labelled ground truth in
``tests/groundtruth/`` (an independent reading of the seed text, see ``build_groundtruth.py`` there), not
from perfbudget's output. The seeds themselves are read at test time from ``../shared/seeds`` (relative
to the project root) through perfbudget's pipeline; nothing of their text is stored in the project
beyond the values asserted. The module is skipped when the seeds are not there.

Row identity, as in ``benchmarks/accuracy.py``: a row is found by its *printed* classification code
(never one inferred from a name) when the key is all digits, else by its label (whitespace removed)
and side; 004 表六 rows also by their 政府预算支出经济科目 (``gov_name``); rows printed more than once
(004 表四 一、二、三, 表六 公务接待费, 表十二/十三 the department and unit rows) by their occurrence number.

"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.model.document import Document
from perfbudget.model.tables import Row, Table
from perfbudget.pipeline import load_document

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"

if not SEEDS.is_dir():
    pytest.skip(f"seed documents not found at {SEEDS}", allow_module_level=True)

DISCLOSURE_KINDS = {
    "income_expenditure_summary",
    "revenue",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
    "gov_fund",
    "gov_fund_revenue",
    "gov_fund_expenditure",
    "state_capital",
    "admin_operating",
    "project_expenditure",
}

_DOCUMENTS: dict[str, Document] = {}


def document(seed: str) -> Document:
    if seed not in _DOCUMENTS:
        (path,) = SEEDS.glob(f"{seed}_*.txt")
        _DOCUMENTS[seed] = load_document(path)
    return _DOCUMENTS[seed]


def table(seed: str, kind: str, nth: int = 0) -> Table:
    tables = document(seed).tables_of(kind)
    assert len(tables) > nth, f"{seed}: no table #{nth} of kind {kind}"
    return tables[nth]


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def find_row(t: Table, side: str | None, key: str, gov_name: str | None = None, n: int = 1) -> Row:
    """The n-th row (1-based) with this printed code (key all digits) or label, side and gov_name."""
    found = []
    for row in t.rows:
        if row.side != side:
            continue
        if key.isdigit():
            if row.code != key or row.code_inferred:
                continue
        elif _norm(row.label) != _norm(key) or (row.code and not row.code_inferred):
            continue
        if gov_name is not None:
            cell = row.cells.get("gov_name")
            if cell is None or _norm(cell.text) != _norm(gov_name):
                continue
        found.append(row)
    assert len(found) >= n, f"row {side}/{key}/{gov_name} #{n} not found in {t.title}"
    return found[n - 1]


# --------------------------------------------------------------------------------------------------
# tables found

KINDS = {
    "002": Counter(
        {
            "income_expenditure_summary": 1,
            "revenue": 1,
            "expenditure": 1,
            "fiscal_summary": 1,
            "general_budget_expenditure": 1,
            "basic_expenditure_economic": 1,
            "three_public": 1,
            "gov_fund": 1,
            "state_capital": 1,
        }
    ),
    "004": Counter(
        {
            "income_expenditure_summary": 1,
            "revenue": 1,
            "expenditure": 1,
            "fiscal_summary": 1,
            "general_budget_expenditure": 1,
            "basic_expenditure_economic": 1,
            "gov_fund_revenue": 1,
            "gov_fund_expenditure": 1,
            "state_capital": 1,
            "three_public": 1,
            "admin_operating": 1,
            "project_expenditure": 2,
        }
    ),
}


@pytest.mark.parametrize("seed", ["002", "004"])
def test_disclosure_kinds_found(seed: str) -> None:
    found = Counter(t.kind for t in document(seed).tables if t.kind in DISCLOSURE_KINDS)
    assert found == KINDS[seed]
    assert sum(found.values()) == {"002": 9, "004": 13}[seed]
    # whatever else was found (002 整体绩效自评表, 004 绩效申报表) is not taken for a disclosure table
    assert {t.kind for t in document(seed).tables} - DISCLOSURE_KINDS <= {"generic"}


@pytest.mark.parametrize("seed", ["000", "001"])
def test_performance_forms_are_not_disclosure_tables(seed: str) -> None:
    doc = document(seed)
    assert doc.department_targets or doc.project_targets, "the performance forms are read as forms"
    assert not [t.kind for t in doc.tables if t.kind in DISCLOSURE_KINDS]
    assert doc.family not in ("budget_disclosure", "final_account_disclosure")


# (seed, kind, nth, title as printed, printed label, title line, row count)
TABLES = [
    ("002", "income_expenditure_summary", 0, "收入支出决算总表", "公开01表", 47, 42),
    ("002", "revenue", 0, "收入决算表", "公开02表", 301, 44),
    ("002", "expenditure", 0, "支出决算表", "公开03表", 817, 48),
    ("002", "fiscal_summary", 0, "财政拨款收入支出决算总表", "公开04表", 1316, 38),
    ("002", "general_budget_expenditure", 0, "一般公共预算财政拨款支出决算表", "公开05表", 1696, 48),
    ("002", "basic_expenditure_economic", 0, "一般公共预算财政拨款基本支出决算表", "公开06表", 2028, 82),
    ("002", "three_public", 0, "一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 2361, 1),
    ("002", "gov_fund", 0, "政府性基金预算财政拨款收入支出决算表", "公开08表", 2441, 1),
    ("002", "state_capital", 0, "国有资本经营预算财政拨款收入支出决算表", "公开09表", 2567, 1),
    ("004", "income_expenditure_summary", 0, "2024年预算收支总表", "预算公开表1", 86, 41),
    ("004", "revenue", 0, "2024年预算收入总表", None, 129, 31),
    ("004", "expenditure", 0, "2024年预算支出总表", None, 172, 31),
    ("004", "fiscal_summary", 0, "2024年财政拨款收支总表", None, 212, 42),
    ("004", "general_budget_expenditure", 0, "2024年一般公共预算支出预算表（不含上年结转）", None, 259, 28),
    (
        "004",
        "basic_expenditure_economic",
        0,
        "2024年一般公共预算安排基本支出分经济科目表（不含上年结转）",
        None,
        296,
        52,
    ),
    ("004", "gov_fund_revenue", 0, "2024年政府性基金预算收入表（不含上年结转）", None, 358, 4),
    ("004", "gov_fund_expenditure", 0, "2024年政府性基金预算支出表（不含上年结转）", None, 373, 4),
    ("004", "state_capital", 0, "2024年国有资本经营预算收支预算表（不含上年结转）", "部门公开表9", 387, 1),
    ("004", "three_public", 0, "2024年财政拨款安排“三公”经费支出预算表", "预算公开表10", 402, 6),
    ("004", "admin_operating", 0, "2024年财政拨款安排机关运行经费预算表", None, 417, 2),
    ("004", "project_expenditure", 0, "2024年项目支出预算表（本年预算）", None, 428, 33),
    ("004", "project_expenditure", 1, "2024年项目支出预算表（上年结转）", None, 472, 8),
]


@pytest.mark.parametrize(
    ("seed", "kind", "nth", "title", "label", "line", "rows"),
    TABLES,
    ids=[f"{t[0]}-{t[4] or t[3]}" for t in TABLES],
)
def test_table_title_and_row_count(seed, kind, nth, title, label, line, rows) -> None:
    t = table(seed, kind, nth)
    assert t.title == title
    assert t.label == label
    assert t.line == line
    assert t.unit == "万元"
    assert len(t.rows) == rows


@pytest.mark.parametrize(
    ("seed", "kind"), [("002", "gov_fund"), ("002", "state_capital"), ("004", "state_capital")]
)
def test_tables_printed_without_data(seed: str, kind: str) -> None:
    t = table(seed, kind)
    assert t.declared_empty
    assert all(cell.value is None for row in t.rows for key, cell in row.cells.items() if key != "gov_name")


# --------------------------------------------------------------------------------------------------
# cells: (seed, kind, nth table of that kind, side, printed code or label, gov_name, occurrence, column,
#         value as printed without thousands separators or None for a cell printed empty, source line)

# fmt: off
CELLS = [
    ("002", "income_expenditure_summary", 0, "income", "一、一般公共预算财政拨款收入", None, 1, "total", "13190.69", 82),
    ("002", "income_expenditure_summary", 0, "expenditure", "一、一般公共服务支出", None, 1, "total", "0.00", 85),
    ("002", "income_expenditure_summary", 0, "income", "八、其他收入", None, 1, "total", "11.82", 131),
    ("002", "income_expenditure_summary", 0, "expenditure", "八、社会保障和就业支出", None, 1, "total", "323.44", 134),
    ("002", "income_expenditure_summary", 0, "expenditure", "九、卫生健康支出", None, 1, "total", "146.60", 141),
    ("002", "income_expenditure_summary", 0, "expenditure", "十、节能环保支出", None, 1, "total", "9270.09", 148),
    ("002", "income_expenditure_summary", 0, "expenditure", "十四、资源勘探工业信息等支出", None, 1, "total", "0.00", 176),
    ("002", "income_expenditure_summary", 0, "expenditure", "二十三、其他支出", None, 1, "total", "108.24", 239),
    ("002", "income_expenditure_summary", 0, "income", "本年收入合计", None, 1, "total", "13202.51", 264),
    ("002", "income_expenditure_summary", 0, "expenditure", "本年支出合计", None, 1, "total", "9853.45", 267),
    ("002", "income_expenditure_summary", 0, "income", "年初结转和结余", None, 1, "total", "4528.06", 278),
    ("002", "income_expenditure_summary", 0, "expenditure", "年末结转和结余", None, 1, "total", "7877.12", 281),
    ("002", "income_expenditure_summary", 0, "income", "总计", None, 1, "total", "17730.57", 292),
    ("002", "income_expenditure_summary", 0, "expenditure", "总计", None, 1, "total", "17730.57", 295),

    ("002", "revenue", 0, None, "合计", None, 1, "total", "13202.51", 374),
    ("002", "revenue", 0, None, "205", None, 1, "total", "8.25", 384),
    ("002", "revenue", 0, None, "2050803", None, 1, "fiscal_grant", "8.25", 405),
    ("002", "revenue", 0, None, "合计", None, 1, "other_income", "11.82", 380),
    ("002", "revenue", 0, None, "2101101", None, 1, "total", "31.61", 534),
    ("002", "revenue", 0, None, "2110102", None, 1, "total", "1096.99", 594),
    ("002", "revenue", 0, None, "21102", None, 1, "fiscal_grant", "621.98", 625),
    ("002", "revenue", 0, None, "2110301", None, 1, "fiscal_grant", "5025.23", 655),
    ("002", "revenue", 0, None, "2110302", None, 1, "service_income", "0.00", 667),
    ("002", "revenue", 0, None, "2110306", None, 1, "fiscal_grant", "92.39", 685),
    ("002", "revenue", 0, None, "2111001", None, 1, "fiscal_grant", "1126.12", 735),
    ("002", "revenue", 0, None, "21111", None, 1, "fiscal_grant", "100.00", 745),
    ("002", "revenue", 0, None, "2119901", None, 1, "fiscal_grant", "265.30", 775),
    ("002", "revenue", 0, None, "2299901", None, 1, "total", "40.05", 804),
    ("002", "revenue", 0, None, "2299901", None, 1, "fiscal_grant", "29.85", 805),
    ("002", "revenue", 0, None, "2299901", None, 1, "other_income", "10.20", 810),

    ("002", "expenditure", 0, None, "合计", None, 1, "total", "9853.45", 882),
    ("002", "expenditure", 0, None, "合计", None, 1, "basic", "2727.68", 883),
    ("002", "expenditure", 0, None, "合计", None, 1, "affiliate_subsidy", "0.00", 887),
    ("002", "expenditure", 0, None, "208", None, 1, "basic", "323.44", 919),
    ("002", "expenditure", 0, None, "2082899", None, 1, "basic", "0.54", 1000),
    ("002", "expenditure", 0, None, "2101101", None, 1, "basic", "32.33", 1027),
    ("002", "expenditure", 0, None, "21101", None, 1, "project", "1044.93", 1064),
    ("002", "expenditure", 0, None, "2110301", None, 1, "basic", "67.45", 1153),
    ("002", "expenditure", 0, None, "2110402", None, 1, "basic", "0.00", 1216),
    ("002", "expenditure", 0, None, "2111102", None, 1, "project", "27.17", 1253),
    ("002", "expenditure", 0, None, "21199", None, 1, "total", "109.94", 1269),
    ("002", "expenditure", 0, None, "229", None, 1, "total", "108.24", 1287),
    ("002", "expenditure", 0, None, "22999", None, 1, "project", "108.24", 1298),
    ("002", "expenditure", 0, None, "2299901", None, 1, "total", "108.24", 1305),
    ("002", "expenditure", 0, None, "2299901", None, 1, "affiliate_subsidy", "0.00", 1310),

    ("002", "fiscal_summary", 0, "income", "一、一般公共预算财政拨款", None, 1, "total", "13190.69", 1373),
    ("002", "fiscal_summary", 0, "expenditure", "一、一般公共服务支出", None, 1, "total", "0.00", 1376),
    ("002", "fiscal_summary", 0, "expenditure", "五、教育支出", None, 1, "total", "5.07", 1416),
    ("002", "fiscal_summary", 0, "expenditure", "八、社会保障和就业支出", None, 1, "general_budget", "323.44", 1447),
    ("002", "fiscal_summary", 0, "expenditure", "九、卫生健康支出", None, 1, "total", "146.60", 1456),
    ("002", "fiscal_summary", 0, "expenditure", "十七、援助其他地区支出", None, 1, "general_budget", "0.00", 1537),
    ("002", "fiscal_summary", 0, "expenditure", "二十三、其他支出", None, 1, "total", "81.74", 1596),
    ("002", "fiscal_summary", 0, "expenditure", "二十三、其他支出", None, 1, "general_budget", "81.74", 1597),
    ("002", "fiscal_summary", 0, "income", "本年收入合计", None, 1, "total", "13190.69", 1633),
    ("002", "fiscal_summary", 0, "expenditure", "本年支出合计", None, 1, "total", "9818.42", 1636),
    ("002", "fiscal_summary", 0, "expenditure", "本年支出合计", None, 1, "general_budget", "9818.42", 1637),
    ("002", "fiscal_summary", 0, "income", "年初财政拨款结转和结余", None, 1, "total", "4450.58", 1643),
    ("002", "fiscal_summary", 0, "expenditure", "年末财政拨款结转和结余", None, 1, "total", "7822.85", 1646),
    ("002", "fiscal_summary", 0, "income", "一般公共预算财政拨款", None, 1, "total", "4450.58", 1653),
    ("002", "fiscal_summary", 0, "income", "总计", None, 1, "total", "17641.27", 1683),
    ("002", "fiscal_summary", 0, "expenditure", "总计", None, 1, "total", "17641.27", 1686),
    ("002", "fiscal_summary", 0, "expenditure", "总计", None, 1, "state_capital", "0.00", 1689),

    ("002", "general_budget_expenditure", 0, None, "合计", None, 1, "total", "9818.42", 1738),
    ("002", "general_budget_expenditure", 0, None, "合计", None, 1, "project", "7092.63", 1740),
    ("002", "general_budget_expenditure", 0, None, "20807", None, 1, "total", "1.07", 1786),
    ("002", "general_budget_expenditure", 0, None, "2080799", None, 1, "basic", "1.07", 1793),
    ("002", "general_budget_expenditure", 0, None, "2110101", None, 1, "total", "1175.87", 1864),
    ("002", "general_budget_expenditure", 0, None, "2110102", None, 1, "total", "929.48", 1870),
    ("002", "general_budget_expenditure", 0, None, "2110104", None, 1, "basic", "54.78", 1877),
    ("002", "general_budget_expenditure", 0, None, "2110199", None, 1, "project", "17.55", 1884),
    ("002", "general_budget_expenditure", 0, None, "2110399", None, 1, "project", "1318.46", 1944),
    ("002", "general_budget_expenditure", 0, None, "21110", None, 1, "basic", "0.00", 1967),
    ("002", "general_budget_expenditure", 0, None, "21199", None, 1, "project", "109.94", 1998),
    ("002", "general_budget_expenditure", 0, None, "229", None, 1, "project", "81.74", 2010),
    ("002", "general_budget_expenditure", 0, None, "2299901", None, 1, "total", "81.74", 2020),
    ("002", "general_budget_expenditure", 0, None, "2299901", None, 1, "project", "81.74", 2022),

    ("002", "basic_expenditure_economic", 0, None, "301", None, 1, "total", "2205.96", 2074),
    ("002", "basic_expenditure_economic", 0, None, "30101", None, 1, "total", "626.60", 2084),
    ("002", "basic_expenditure_economic", 0, None, "30201", None, 1, "total", "44.62", 2087),
    ("002", "basic_expenditure_economic", 0, None, "30102", None, 1, "total", "348.05", 2094),
    ("002", "basic_expenditure_economic", 0, None, "30206", None, 1, "total", "29.19", 2137),
    ("002", "basic_expenditure_economic", 0, None, "30207", None, 1, "total", "14.61", 2147),
    ("002", "basic_expenditure_economic", 0, None, "30111", None, 1, "total", "60.71", 2164),
    ("002", "basic_expenditure_economic", 0, None, "30212", None, 1, "total", "0.00", 2187),
    ("002", "basic_expenditure_economic", 0, None, "30217", None, 1, "total", "0.02", 2237),
    ("002", "basic_expenditure_economic", 0, None, "30226", None, 1, "total", "2.11", 2277),
    ("002", "basic_expenditure_economic", 0, None, "30231", None, 1, "total", "30.81", 2317),
    ("002", "basic_expenditure_economic", 0, None, "30239", None, 1, "total", "55.56", 2327),
    ("002", "basic_expenditure_economic", 0, None, "30399", None, 1, "total", "12.66", 2334),
    ("002", "basic_expenditure_economic", 0, None, "39999", None, 1, "total", "0.00", 2320),
    ("002", "basic_expenditure_economic", 0, None, "人员经费合计", None, 1, "total", "2378.63", 2353),
    ("002", "basic_expenditure_economic", 0, None, "公用经费合计", None, 1, "total", "347.17", 2355),

    ("002", "three_public", 0, None, "", None, 1, "budget.total", "80.92", 2424),
    ("002", "three_public", 0, None, "", None, 1, "budget.abroad", "0.00", 2425),
    ("002", "three_public", 0, None, "", None, 1, "budget.vehicles", "52.68", 2426),
    ("002", "three_public", 0, None, "", None, 1, "budget.vehicle_purchase", "0.00", 2427),
    ("002", "three_public", 0, None, "", None, 1, "budget.vehicle_operation", "52.68", 2428),
    ("002", "three_public", 0, None, "", None, 1, "budget.reception", "28.24", 2429),
    ("002", "three_public", 0, None, "", None, 1, "final.total", "54.96", 2430),
    ("002", "three_public", 0, None, "", None, 1, "final.abroad", "0.00", 2431),
    ("002", "three_public", 0, None, "", None, 1, "final.vehicles", "52.68", 2432),
    ("002", "three_public", 0, None, "", None, 1, "final.vehicle_purchase", "0.00", 2433),
    ("002", "three_public", 0, None, "", None, 1, "final.vehicle_operation", "52.68", 2434),
    ("002", "three_public", 0, None, "", None, 1, "final.reception", "2.28", 2435),

    ("002", "gov_fund", 0, None, "合计", None, 1, "opening", None, 2502),
    ("002", "gov_fund", 0, None, "合计", None, 1, "income_year", None, 2503),
    ("002", "gov_fund", 0, None, "合计", None, 1, "total", None, 2504),
    ("002", "gov_fund", 0, None, "合计", None, 1, "basic", None, 2505),
    ("002", "gov_fund", 0, None, "合计", None, 1, "project", None, 2506),
    ("002", "gov_fund", 0, None, "合计", None, 1, "closing", None, 2507),

    ("002", "state_capital", 0, None, "合计", None, 1, "opening", None, 2628),
    ("002", "state_capital", 0, None, "合计", None, 1, "income_year", None, 2629),
    ("002", "state_capital", 0, None, "合计", None, 1, "total", None, 2630),
    ("002", "state_capital", 0, None, "合计", None, 1, "basic", None, 2631),
    ("002", "state_capital", 0, None, "合计", None, 1, "project", None, 2632),
    ("002", "state_capital", 0, None, "合计", None, 1, "closing", None, 2633),

    ("004", "income_expenditure_summary", 0, "income", "一、一般公共预算", None, 1, "total", "5607.46", 94),
    ("004", "income_expenditure_summary", 0, "expenditure", "一、一般公共服务支出", None, 1, "total", None, 94),
    ("004", "income_expenditure_summary", 0, "expenditure", "一、一般公共服务支出", None, 1, "carryover", None, 94),
    ("004", "income_expenditure_summary", 0, "income", "三、国有资本经营预算", None, 1, "total", None, 96),
    ("004", "income_expenditure_summary", 0, "income", "五、单位资金", None, 1, "total", None, 98),
    ("004", "income_expenditure_summary", 0, "expenditure", "十、卫生健康支出", None, 1, "carryover", None, 103),
    ("004", "income_expenditure_summary", 0, "expenditure", "十一、节能环保支出", None, 1, "total", "9685.17", 104),
    ("004", "income_expenditure_summary", 0, "expenditure", "十二、城乡社区支出", None, 1, "total", "1545.18", 105),
    ("004", "income_expenditure_summary", 0, "expenditure", "十二、城乡社区支出", None, 1, "current_year", "1545.18", 105),
    ("004", "income_expenditure_summary", 0, "income", "本年收入合计", None, 1, "total", "7152.64", 125),
    ("004", "income_expenditure_summary", 0, "expenditure", "本年支出合计", None, 1, "total", "11967.10", 125),
    ("004", "income_expenditure_summary", 0, "expenditure", "本年支出合计", None, 1, "current_year", "7152.64", 125),
    ("004", "income_expenditure_summary", 0, "income", "上年结转", None, 1, "total", "4814.46", 126),
    ("004", "income_expenditure_summary", 0, "expenditure", "支出总计", None, 1, "total", "11967.10", 127),
    ("004", "income_expenditure_summary", 0, "income", "收入总计", None, 1, "total", "11967.10", 127),
    ("004", "income_expenditure_summary", 0, "expenditure", "支出总计", None, 1, "carryover", "4814.46", 127),

    ("004", "revenue", 0, None, "合计", None, 1, "total", "7152.64", 137),
    ("004", "revenue", 0, None, "合计", None, 1, "carryover", "4814.46", 137),
    ("004", "revenue", 0, None, "2080502", None, 1, "total", "28.89", 141),
    ("004", "revenue", 0, None, "2080506", None, 1, "general_budget", "89.25", 143),
    ("004", "revenue", 0, None, "210", None, 1, "general_budget", "74.90", 144),
    ("004", "revenue", 0, None, "2101102", None, 1, "total", "58.81", 149),
    ("004", "revenue", 0, None, "2101102", None, 1, "state_capital", None, 149),
    ("004", "revenue", 0, None, "211", None, 1, "general_budget", "4870.72", 150),
    ("004", "revenue", 0, None, "21101", None, 1, "general_budget", "3564.86", 151),
    ("004", "revenue", 0, None, "2110103", None, 1, "special_account", None, 154),
    ("004", "revenue", 0, None, "21103", None, 1, "carryover", "4814.46", 155),
    ("004", "revenue", 0, None, "2111450", None, 1, "total", "1291.85", 164),
    ("004", "revenue", 0, None, "2210201", None, 1, "total", "206.42", 170),
    ("004", "revenue", 0, None, "2210201", None, 1, "carryover", None, 170),

    ("004", "expenditure", 0, None, "合计", None, 1, "total", "11967.10", 180),
    ("004", "expenditure", 0, None, "合计", None, 1, "project", "9555.45", 180),
    ("004", "expenditure", 0, None, "2080505", None, 1, "basic", "216.59", 185),
    ("004", "expenditure", 0, None, "2100799", None, 1, "basic", "0.72", 189),
    ("004", "expenditure", 0, None, "2101101", None, 1, "basic", "15.37", 191),
    ("004", "expenditure", 0, None, "2101102", None, 1, "total", "58.81", 192),
    ("004", "expenditure", 0, None, "2110101", None, 1, "basic", "383.04", 195),
    ("004", "expenditure", 0, None, "2110101", None, 1, "project", None, 195),
    ("004", "expenditure", 0, None, "2111101", None, 1, "basic", None, 202),
    ("004", "expenditure", 0, None, "21114", None, 1, "basic", "1291.85", 203),
    ("004", "expenditure", 0, None, "2111450", None, 1, "total", "1291.85", 204),
    ("004", "expenditure", 0, None, "2210201", None, 1, "total", "206.42", 210),
    ("004", "expenditure", 0, None, "2210201", None, 1, "basic", "206.42", 210),
    ("004", "expenditure", 0, None, "2210201", None, 1, "project", None, 210),

    ("004", "fiscal_summary", 0, "income", "一、一般公共预算", None, 1, "total", "5607.46", 221),
    ("004", "fiscal_summary", 0, "expenditure", "一、一般公共服务支出", None, 1, "total", None, 221),
    ("004", "fiscal_summary", 0, "expenditure", "十、卫生健康支出", None, 1, "general_budget", "74.90", 230),
    ("004", "fiscal_summary", 0, "expenditure", "十一、节能环保支出", None, 1, "general_budget", "9685.17", 231),
    ("004", "fiscal_summary", 0, "expenditure", "二十五、其他支出", None, 1, "total", None, 245),
    ("004", "fiscal_summary", 0, "expenditure", "二十五、其他支出", None, 1, "gov_fund", None, 245),
    ("004", "fiscal_summary", 0, "income", "本年收入合计", None, 1, "total", "7152.64", 252),
    ("004", "fiscal_summary", 0, "expenditure", "本年支出合计", None, 1, "total", "11967.10", 252),
    ("004", "fiscal_summary", 0, "income", "一、一般公共预算", None, 2, "total", "4814.46", 254),
    ("004", "fiscal_summary", 0, "income", "二、政府性基金预算", None, 2, "total", None, 255),
    ("004", "fiscal_summary", 0, "income", "三、国有资本经营预算", None, 2, "total", None, 256),
    ("004", "fiscal_summary", 0, "expenditure", "支出总计", None, 1, "total", "11967.10", 257),
    ("004", "fiscal_summary", 0, "income", "收入总计", None, 1, "total", "11967.10", 257),
    ("004", "fiscal_summary", 0, "expenditure", "支出总计", None, 1, "state_capital", None, 257),

    ("004", "general_budget_expenditure", 0, None, "合计", None, 1, "total", "5607.46", 267),
    ("004", "general_budget_expenditure", 0, None, "合计", None, 1, "basic", "2411.64", 267),
    ("004", "general_budget_expenditure", 0, None, "合计", None, 1, "project", "3195.82", 267),
    ("004", "general_budget_expenditure", 0, None, "2080501", None, 1, "basic", "120.70", 270),
    ("004", "general_budget_expenditure", 0, None, "2080502", None, 1, "project", None, 271),
    ("004", "general_budget_expenditure", 0, None, "2080505", None, 1, "basic", "216.59", 272),
    ("004", "general_budget_expenditure", 0, None, "2080506", None, 1, "total", "89.25", 273),
    ("004", "general_budget_expenditure", 0, None, "2080506", None, 1, "basic", "89.25", 273),
    ("004", "general_budget_expenditure", 0, None, "2100799", None, 1, "basic", "0.72", 276),
    ("004", "general_budget_expenditure", 0, None, "21011", None, 1, "total", "74.18", 277),
    ("004", "general_budget_expenditure", 0, None, "211", None, 1, "project", "3195.82", 280),
    ("004", "general_budget_expenditure", 0, None, "2110101", None, 1, "basic", "383.04", 282),
    ("004", "general_budget_expenditure", 0, None, "2210201", None, 1, "total", "206.42", 294),
    ("004", "general_budget_expenditure", 0, None, "2210201", None, 1, "project", None, 294),

    ("004", "basic_expenditure_economic", 0, None, "合计", None, 1, "total", "2411.64", 304),
    ("004", "basic_expenditure_economic", 0, None, "合计", None, 1, "public", "227.68", 304),
    ("004", "basic_expenditure_economic", 0, None, "其他社会保障缴费", "社会保障缴费", 1, "public", "4.61", 318),
    ("004", "basic_expenditure_economic", 0, None, "住房公积金", "住房公积金", 1, "total", "47.84", 320),
    ("004", "basic_expenditure_economic", 0, None, "住房公积金", "住房公积金", 1, "public", None, 320),
    ("004", "basic_expenditure_economic", 0, None, "邮电费", "办公经费", 1, "personnel", None, 327),
    ("004", "basic_expenditure_economic", 0, None, "维修(护)费", "商品和服务支出", 1, "public", "5.20", 332),
    ("004", "basic_expenditure_economic", 0, None, "会议费", "会议费", 1, "public", "2.00", 334),
    ("004", "basic_expenditure_economic", 0, None, "公务接待费", "公务接待费", 2, "total", "0.50", 337),
    ("004", "basic_expenditure_economic", 0, None, "劳务费", "商品和服务支出", 1, "public", "4.77", 338),
    ("004", "basic_expenditure_economic", 0, None, "工会经费", "商品和服务支出", 1, "public", "10.08", 343),
    ("004", "basic_expenditure_economic", 0, None, "其他交通费用", "商品和服务支出", 1, "public", "2.00", 348),
    ("004", "basic_expenditure_economic", 0, None, "办公设备购置", "资本性支出", 1, "total", "2.23", 356),
    ("004", "basic_expenditure_economic", 0, None, "办公设备购置", "资本性支出", 1, "public", "2.23", 356),

    ("004", "gov_fund_revenue", 0, None, "合计", None, 1, "total", "1545.18", 366),
    ("004", "gov_fund_revenue", 0, None, "103", None, 1, "total", "1545.18", 367),
    ("004", "gov_fund_revenue", 0, None, "10301", None, 1, "total", "1545.18", 368),
    ("004", "gov_fund_revenue", 0, None, "1030148", None, 1, "total", "1545.18", 369),

    ("004", "gov_fund_expenditure", 0, None, "合计", None, 1, "total", "1545.18", 380),
    ("004", "gov_fund_expenditure", 0, None, "合计", None, 1, "basic", None, 380),
    ("004", "gov_fund_expenditure", 0, None, "合计", None, 1, "project", "1545.18", 380),
    ("004", "gov_fund_expenditure", 0, None, "212", None, 1, "total", "1545.18", 381),
    ("004", "gov_fund_expenditure", 0, None, "212", None, 1, "basic", None, 381),
    ("004", "gov_fund_expenditure", 0, None, "212", None, 1, "project", "1545.18", 381),
    ("004", "gov_fund_expenditure", 0, None, "21208", None, 1, "total", "1545.18", 382),
    ("004", "gov_fund_expenditure", 0, None, "21208", None, 1, "basic", None, 382),
    ("004", "gov_fund_expenditure", 0, None, "21208", None, 1, "project", "1545.18", 382),
    ("004", "gov_fund_expenditure", 0, None, "2120899", None, 1, "total", "1545.18", 383),
    ("004", "gov_fund_expenditure", 0, None, "2120899", None, 1, "basic", None, 383),
    ("004", "gov_fund_expenditure", 0, None, "2120899", None, 1, "project", "1545.18", 383),

    ("004", "state_capital", 0, "income", "合计", None, 1, "total", None, 396),

    ("004", "three_public", 0, None, "因公出国（境）费", None, 1, "total", None, 410),
    ("004", "three_public", 0, None, "因公出国（境）费", None, 1, "state_capital", None, 410),
    ("004", "three_public", 0, None, "公务接待费", None, 1, "total", "1.00", 411),
    ("004", "three_public", 0, None, "公务接待费", None, 1, "general_budget", "1.00", 411),
    ("004", "three_public", 0, None, "公务用车购置及运行费", None, 1, "total", "1.40", 412),
    ("004", "three_public", 0, None, "公务用车购置及运行费", None, 1, "general_budget", "1.40", 412),
    ("004", "three_public", 0, None, "①公务用车购置费", None, 1, "gov_fund", None, 413),
    ("004", "three_public", 0, None, "②公务用车运行维护费", None, 1, "total", "1.40", 414),
    ("004", "three_public", 0, None, "②公务用车运行维护费", None, 1, "general_budget", "1.40", 414),
    ("004", "three_public", 0, None, "②公务用车运行维护费", None, 1, "state_capital", None, 414),
    ("004", "three_public", 0, None, "合计", None, 1, "total", "2.40", 415),
    ("004", "three_public", 0, None, "合计", None, 1, "general_budget", "2.40", 415),
    ("004", "three_public", 0, None, "合计", None, 1, "state_capital", None, 415),

    ("004", "admin_operating", 0, None, "部门合计", None, 1, "total", "69.90", 425),
    ("004", "admin_operating", 0, None, "部门合计", None, 1, "general_budget", "69.90", 425),
    ("004", "admin_operating", 0, None, "部门合计", None, 1, "gov_fund", None, 425),
    ("004", "admin_operating", 0, None, "部门合计", None, 1, "state_capital", None, 425),
    ("004", "admin_operating", 0, None, "临汾市生态环境局", None, 1, "total", "69.90", 426),
    ("004", "admin_operating", 0, None, "临汾市生态环境局", None, 1, "general_budget", "69.90", 426),
    ("004", "admin_operating", 0, None, "临汾市生态环境局", None, 1, "gov_fund", None, 426),
    ("004", "admin_operating", 0, None, "临汾市生态环境局", None, 1, "state_capital", None, 426),

    ("004", "project_expenditure", 0, None, "临汾市生态环境局", None, 1, "total", "4741.00", 437),
    ("004", "project_expenditure", 0, None, "临汾市生态环境局", None, 1, "unit_funds", None, 437),
    ("004", "project_expenditure", 0, None, "临汾市生态环境局", None, 2, "total", "4541.59", 438),
    ("004", "project_expenditure", 0, None, "临汾市生态环境局", None, 3, "total", "4541.59", 439),
    ("004", "project_expenditure", 0, None, "集中式饮用水水源环境状况评估编制经费", None, 1, "total", "11.00", 443),
    ("004", "project_expenditure", 0, None, "集中式饮用水水源环境状况评估编制经费", None, 1, "general_budget", "11.00", 443),
    ("004", "project_expenditure", 0, None, "排污单位自行监测信息实时发布平台维护经费", None, 1, "gov_fund", None, 444),
    ("004", "project_expenditure", 0, None, "临汾市环境监控中心", None, 2, "total", "37.41", 453),
    ("004", "project_expenditure", 0, None, "临汾市环境监控中心", None, 2, "unit_funds", None, 453),
    ("004", "project_expenditure", 0, None, "临汾市环境应急与环境投诉受理中心", None, 2, "general_budget", "14.00", 463),
    ("004", "project_expenditure", 0, None, "临汾市生态环境保护综合事务中心", None, 2, "general_budget", "29.00", 467),
    ("004", "project_expenditure", 0, None, "综合事务现场督导核查项目", None, 1, "total", "7.00", 470),
    ("004", "project_expenditure", 0, None, "综合事务现场督导核查项目", None, 1, "general_budget", "7.00", 470),
    ("004", "project_expenditure", 0, None, "综合事务现场督导核查项目", None, 1, "unit_funds", None, 470),

    ("004", "project_expenditure", 1, None, "临汾市生态环境局", None, 1, "total", "4814.46", 481),
    ("004", "project_expenditure", 1, None, "临汾市生态环境局", None, 1, "state_capital", None, 481),
    ("004", "project_expenditure", 1, None, "临汾市生态环境局", None, 2, "total", "4531.34", 482),
    ("004", "project_expenditure", 1, None, "临汾市生态环境局", None, 2, "gov_fund", None, 482),
    ("004", "project_expenditure", 1, None, "临汾市生态环境局", None, 3, "total", "4531.34", 483),
    ("004", "project_expenditure", 1, None, "临汾市汾河流域水质综合监管系统项目", None, 1, "total", "4493.74", 484),
    ("004", "project_expenditure", 1, None, "上平望、小韩村水站化学需氧量监测能力建设项目", None, 1, "general_budget", "37.60", 485),
    ("004", "project_expenditure", 1, None, "临汾市环境监控中心", None, 1, "total", "283.11", 486),
    ("004", "project_expenditure", 1, None, "临汾市环境监控中心", None, 1, "general_budget", "283.11", 486),
    ("004", "project_expenditure", 1, None, "临汾市环境监控中心", None, 2, "total", "283.11", 487),
    ("004", "project_expenditure", 1, None, "临汾市环境监控中心", None, 2, "gov_fund", None, 487),
    ("004", "project_expenditure", 1, None, "临汾市市级工业园区站、乡镇站等监测数据联网平台建设", None, 1, "total", "283.11", 488),
    ("004", "project_expenditure", 1, None, "临汾市市级工业园区站、乡镇站等监测数据联网平台建设", None, 1, "general_budget", "283.11", 488),
    ("004", "project_expenditure", 1, None, "临汾市市级工业园区站、乡镇站等监测数据联网平台建设", None, 1, "state_capital", None, 488),
]
# fmt: on


@pytest.mark.parametrize(
    ("seed", "kind", "nth", "side", "key", "gov_name", "n", "column", "value", "line"),
    CELLS,
    ids=[
        f"{c[0]}-{c[1]}{c[2] or ''}-{c[3] or ''}{c[4] or '∅'}{'#' + str(c[6]) if c[6] > 1 else ''}-{c[7]}"
        for c in CELLS
    ],
)
def test_cell(seed, kind, nth, side, key, gov_name, n, column, value, line) -> None:
    row = find_row(table(seed, kind, nth), side, key, gov_name, n)
    assert column in row.cells, f"no cell {column} in row {row.label}"
    cell = row.cells[column]
    if value is None:
        assert cell.value is None  # printed empty: not a zero
    else:
        assert cell.value is not None
        assert str(cell.value) == value  # exact, scale included: 0.00 stays 0.00
        assert cell.value == Decimal(value)
    assert cell.line == line


def test_at_least_a_dozen_cells_per_table() -> None:
    """Every table has a dozen asserted cells, or all of its cells when it has fewer."""
    per_table = Counter((c[0], c[1], c[2]) for c in CELLS)
    small = {
        ("002", "gov_fund", 0): 6,
        ("002", "state_capital", 0): 6,
        ("004", "gov_fund_revenue", 0): 4,
        ("004", "state_capital", 0): 1,
        ("004", "admin_operating", 0): 8,
    }
    for seed, kind, nth, *_ in TABLES:
        assert per_table[(seed, kind, nth)] >= small.get((seed, kind, nth), 12), (seed, kind, nth)


def test_printed_zero_and_empty_cell_differ() -> None:
    """002 prints zero as 0.00 (a value); 004 prints it as an empty cell (no value)."""
    zero = find_row(table("002", "expenditure"), None, "2110402").cells["basic"]
    assert zero.value == Decimal("0.00") and zero.value is not None
    empty = find_row(table("004", "expenditure"), None, "2110101").cells["project"]
    assert empty.value is None and empty.text == ""


def test_duplicate_rows_of_project_table() -> None:
    """004 表十二: the department row, then the unit row printed twice (437-439), every unit twice."""
    t = table("004", "project_expenditure", 0)
    rows = [find_row(t, None, "临汾市生态环境局", n=n) for n in (1, 2, 3)]
    assert [r.line for r in rows] == [437, 438, 439]
    assert [str(r.value("total")) for r in rows] == ["4741.00", "4541.59", "4541.59"]
    for unit, lines in (
        ("临汾市环境监控中心", [452, 453]),
        ("临汾市生态环境保护综合行政执法队", [457, 458]),
        ("临汾市环境应急与环境投诉受理中心", [462, 463]),
        ("临汾市生态环境保护综合事务中心", [466, 467]),
    ):
        assert [r.line for r in t.rows if r.label == unit] == lines
    assert len(t.find_rows("临汾市生态环境局")) == 3


def test_two_sided_tables_keep_both_halves() -> None:
    for seed, kind, counts in (
        ("002", "income_expenditure_summary", (12, 30)),
        ("002", "fiscal_summary", (9, 29)),
        ("004", "income_expenditure_summary", (8, 33)),
        ("004", "fiscal_summary", (9, 33)),
    ):
        t = table(seed, kind)
        assert (
            sum(r.side == "income" for r in t.rows),
            sum(r.side == "expenditure" for r in t.rows),
        ) == counts


# --------------------------------------------------------------------------------------------------
# row lines: a row starts where its own first cell is printed


def test_expenditure_half_row_line_002() -> None:
    assert (
        find_row(table("002", "income_expenditure_summary"), "expenditure", "一、一般公共服务支出").line == 83
    )
    assert find_row(table("002", "income_expenditure_summary"), "expenditure", "总计").line == 293
    assert find_row(table("002", "fiscal_summary"), "expenditure", "十、节能环保支出").line == 1464


def test_economic_record_row_line_002() -> None:
    t = table("002", "basic_expenditure_economic")
    assert [find_row(t, None, code).line for code in ("301", "302", "307", "30399")] == [
        2072,
        2075,
        2078,
        2332,
    ]


def test_coded_row_line_002() -> None:
    """02/03/05表: a coded row starts on its code line (the name is on the next line)."""
    assert find_row(table("002", "revenue"), None, "2050803").line == 402
    assert find_row(table("002", "expenditure"), None, "2299901").line == 1303
    assert find_row(table("002", "general_budget_expenditure"), None, "2110301").line == 1916


# --------------------------------------------------------------------------------------------------
# document metadata

METADATA = {
    "002": ("final_account_disclosure", "决算", 2020, "万元"),
    "004": ("budget_disclosure", "预算", 2024, "万元"),
}


@pytest.mark.parametrize("seed", ["002", "004"])
def test_metadata(seed: str) -> None:
    doc = document(seed)
    assert (doc.family, doc.stage, doc.fiscal_year, doc.money_unit) == METADATA[seed]


@pytest.mark.parametrize(
    ("seed", "department"),
    [
        pytest.param("002", "焦作市生态环境局", id="002"),
        pytest.param("004", "临汾市生态环境局", id="004"),
    ],
)
def test_department(seed: str, department: str) -> None:
    assert document(seed).department == department
