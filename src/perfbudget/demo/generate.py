"""Fictional disclosure documents: the demo department and a generator of many more.

Everything here is invented. 青川市 does not exist; its 生态环境局, the units, the projects and
every figure were written for perfbudget. Classification codes and names are the national ones
(taken from :mod:`perfbudget.reference`), so the documents read like real disclosures.

One set of figures (:class:`DepartmentYear`, a list of spending :class:`Entry` records plus
balances, all :class:`~decimal.Decimal`, never float) is rendered into the standard tables, and
the tables into files. Every total is computed from the records, so a document is consistent by
construction — except where an error is planted on purpose.

**The demo department** (``seed=0``: the hand-written figures of ``_PROFILE`` unchanged):

* ``files/budget-2025.txt`` — 2025年部门预算公开, 表一…表十三, row-per-line text layout; no error.
* ``files/final-2024.docx`` and ``files/final-2024.xlsx`` — 2024年度部门决算公开, 公开01表…公开09表
  (公开08表 and 公开09表 print 本表无数据). They hold ONE PLANTED ERROR (:func:`demo_planted`,
  :data:`DEMO_ERROR_CODE`, :data:`DEMO_ERROR_DELTA`): in 公开03表 支出决算表 the 项 row
  ``2110104 生态环境保护宣传`` is printed 20.00 万元 too high — 62.16 instead of 42.16 — in both
  its 本年支出合计 and its 项目支出 cell (so the row itself still adds up: 合计 = 基本 + 项目). The
  款 row ``21101 环境保护管理事务`` above it carries the true figures (2,072.21 and 134.22), so
  21101 ≠ Σ its 项 by −20.00 in those two columns. The checks report ``budget.class-sum`` twice
  on the 21101 row (one finding per column; xlsx ``公开03表!20``, docx line 102), citing the
  2110104 cell (xlsx ``公开03表!23``); nothing else is an error or a warning. Every other
  figure of the three files is consistent.

**Many department-years** for benchmarks: :func:`generate` (one document) and :func:`corpus`
(many files). Any ``seed`` other than 0 scales the figures (×0.40…×3.00), varies every line
(±12 %), drops some projects and switches government funds, carry-over, unit funds and the third
unit on or off — deterministically: the same arguments always give the same figures and text.
``plant_error=True`` plants one error of the same kind (a 项 printed off its 款) in 支出总表 /
支出决算表, described by the returned :class:`PlantedError`.

Regenerate the committed demo files with ``python -m perfbudget.demo.generate``.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from perfbudget.reference import economic, functional, government_economic, revenue

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
FILES = Path(__file__).parent / "files"
DEMO_DEPARTMENT = "青川市生态环境局"

CHINESE_NUMERALS = "零一二三四五六七八九"


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass(frozen=True)
class Unit:
    """A budget unit of the department. ``running_code`` is the 功能分类 项 of its running costs."""

    name: str
    administrative: bool  # 行政单位 (or 参照公务员法管理); False for a 事业单位
    running_code: str


@dataclass(frozen=True)
class Entry:
    """One amount of spending: which unit, what for (功能分类 项), basic or project, whose money.

    ``source`` is ``general`` (一般公共预算), ``gov_fund`` (政府性基金预算), ``unit_funds``
    (单位资金, budgets), ``service`` (事业收入) or ``other`` (其他收入, final accounts).
    """

    unit: str
    code: str
    nature: str  # "basic" | "project"
    source: str
    amount: Decimal
    econ: str | None = None  # 部门预算支出经济分类 款 of basic spending
    project: str | None = None
    carryover: bool = False  # budgets: paid from 上年结转


@dataclass
class DepartmentYear:
    """All the figures of one department-year, from which every table is computed."""

    department: str
    year: int
    stage: str  # "预算" | "决算"
    units: list[Unit]
    entries: list[Entry]
    # final accounts: (功能分类 项, source) → (年初结转和结余, 年末结转和结余)
    balances: dict[tuple[str, str], tuple[Decimal, Decimal]] = field(default_factory=dict)
    three_public_budget: dict[str, Decimal] = field(default_factory=dict)  # final accounts: 预算数
    fund_revenue_code: str = "1030148"
    plant_error: bool = False
    error_code: str | None = None  # the 项 to print wrongly (None: chosen by the seed)
    error_delta: Decimal | None = None
    seed: int = 0

    def spending(self, **where) -> list[Entry]:
        return [e for e in self.entries if all(getattr(e, k) == v for k, v in where.items())]

    def unit(self, name: str) -> Unit:
        return next(u for u in self.units if u.name == name)


@dataclass(frozen=True)
class PlantedError:
    """An error put into a document on purpose, and what the checks should say about it."""

    table: str  # the table's label / sheet name, e.g. "公开03表"
    title: str
    code: str  # the 项 printed wrongly
    parent: str  # its 款, whose row no longer equals the sum of its 项
    columns: tuple[str, ...]  # column headers of the cells changed
    true_value: Decimal  # the 项's true total
    printed_value: Decimal
    delta: Decimal
    rule: str = "budget.class-sum"

    def describe(self) -> str:
        return (
            f"{self.table}《{self.title}》：{self.code} {functional.name_of(self.code)} 的"
            f"{'、'.join(self.columns)} 比真实数多印 {self.delta}（{self.true_value} 印成 {self.printed_value}），"
            f"故 {self.parent} {functional.name_of(self.parent)} ≠ 其下各项之和"
        )


# ---------------------------------------------------------------------------------------------
# The demo department's hand-written figures (万元), a 2025 budget

_OFFICE, _MONITOR, _ENFORCE = "office", "monitoring", "enforcement"

# basic expenditure by 部门经济分类 款, per unit role
_BASIC: dict[str, dict[str, str]] = {
    _OFFICE: {
        "30101": "312.40",
        "30102": "268.75",
        "30103": "96.30",
        "30107": "205.60",
        "30108": "118.42",
        "30109": "47.37",
        "30110": "61.18",
        "30111": "18.36",
        "30112": "4.85",
        "30113": "88.81",
        "30199": "12.40",
        "30201": "28.60",
        "30202": "6.20",
        "30205": "3.10",
        "30206": "14.80",
        "30207": "7.40",
        "30209": "22.50",
        "30211": "18.90",
        "30213": "9.60",
        "30215": "3.50",
        "30216": "5.80",
        "30217": "2.40",
        "30228": "11.36",
        "30229": "15.20",
        "30231": "8.60",
        "30239": "34.72",
        "30299": "6.85",
        "30302": "142.36",
        "31002": "6.50",
    },
    _MONITOR: {
        "30101": "228.50",
        "30102": "96.40",
        "30107": "238.70",
        "30108": "84.16",
        "30109": "33.66",
        "30110": "42.08",
        "30112": "3.52",
        "30113": "63.12",
        "30199": "6.30",
        "30201": "12.40",
        "30205": "4.60",
        "30206": "26.80",
        "30207": "5.10",
        "30209": "9.80",
        "30211": "8.60",
        "30213": "14.30",
        "30216": "2.60",
        "30218": "18.50",
        "30228": "7.92",
        "30229": "9.10",
        "30231": "6.20",
        "30239": "21.60",
        "30299": "4.30",
        "30302": "96.48",
    },
    _ENFORCE: {
        "30101": "251.20",
        "30102": "214.60",
        "30103": "77.40",
        "30107": "163.90",
        "30108": "94.72",
        "30109": "37.89",
        "30110": "48.95",
        "30111": "14.69",
        "30112": "3.88",
        "30113": "71.04",
        "30199": "8.20",
        "30201": "16.50",
        "30202": "3.20",
        "30206": "9.60",
        "30207": "6.80",
        "30209": "12.40",
        "30211": "14.60",
        "30213": "11.20",
        "30216": "3.20",
        "30217": "1.20",
        "30228": "9.10",
        "30229": "12.16",
        "30231": "24.80",
        "30239": "27.77",
        "30299": "5.40",
        "30302": "54.28",
    },
}

# projects: (unit role, name, 功能分类 项, amount, source, paid from 上年结转)
_PROJECTS: list[tuple[str, str, str, str, str, bool]] = [
    (_OFFICE, "生态环境保护督察整改协调", "2110102", "86.00", "general", False),
    (_OFFICE, "生态文明宣传教育", "2110104", "42.50", "general", False),
    (_OFFICE, "生态环境专家咨询服务", "2110199", "24.00", "general", False),
    (_OFFICE, "建设项目环境影响评价技术评估", "2110203", "65.00", "general", False),
    (_OFFICE, "大气污染防治精细化管控服务", "2110301", "420.00", "general", False),
    (_OFFICE, "重点流域水生态环境保护修复", "2110302", "680.00", "general", False),
    (_OFFICE, "受污染耕地土壤环境调查评估", "2110307", "156.00", "general", False),
    (_OFFICE, "农村生活污水治理设施建设", "2120816", "380.00", "gov_fund", False),
    (_OFFICE, "秋冬季大气污染综合治理攻坚", "2110301", "260.00", "general", True),
    (_MONITOR, "环境空气自动监测站运行维护", "2111101", "188.00", "general", False),
    (_MONITOR, "地表水水质自动监测站运行维护", "2111101", "146.00", "general", False),
    (_MONITOR, "监测仪器设备更新购置", "2111101", "210.00", "general", False),
    (_MONITOR, "委托社会化检测服务", "2111101", "36.00", "unit_funds", False),
    (_MONITOR, "监测实验室能力建设", "2111101", "84.50", "general", True),
    (_ENFORCE, "生态环境执法办案", "2111102", "72.00", "general", False),
    (_ENFORCE, "污染源自动监控系统运维", "2111102", "58.00", "general", False),
    (_ENFORCE, "执法装备购置", "2111102", "45.00", "general", False),
]

_FUND_SINCE = 2025

# The demo's planted error: 公开03表, 项 2110104 printed 20.00 too high.
DEMO_ERROR_CODE = "2110104"
DEMO_ERROR_DELTA = Decimal("20.00")


def _units(department: str, roles: Sequence[str]) -> dict[str, Unit]:
    prefix = department[: -len("生态环境局")] if department.endswith("生态环境局") else department
    names = {
        _OFFICE: department,
        _MONITOR: f"{prefix}环境监测站" if prefix != department else f"{department}监测中心",
        _ENFORCE: f"{prefix}生态环境执法支队" if prefix != department else f"{department}执法队",
    }
    kinds = {_OFFICE: (True, "2110101"), _MONITOR: (False, "2111101"), _ENFORCE: (True, "2110101")}
    return {role: Unit(names[role], *kinds[role]) for role in roles}


def _basic_code(unit: Unit, econ: str) -> str:
    """The 功能分类 项 a basic-expenditure 款 is budgeted under."""
    if econ == "30108":
        return "2080505"
    if econ == "30109":
        return "2080506"
    if econ == "30110":
        return "2101101" if unit.administrative else "2101102"
    if econ == "30111":
        return "2101103"
    if econ == "30113":
        return "2210201"
    if econ.startswith("303"):
        return "2080501" if unit.administrative else "2080502"
    return unit.running_code


def _money(text: str | Decimal) -> Decimal:
    return Decimal(text).quantize(CENT, rounding=ROUND_HALF_UP)


def _scaled(amount: Decimal, factor: Decimal) -> Decimal:
    return (amount * factor).quantize(CENT, rounding=ROUND_HALF_UP)


def _factor(rng: random.Random, low: int, high: int) -> Decimal:
    """A factor between ``low``/1000 and ``high``/1000, drawn as an integer (no float)."""
    return Decimal(rng.randint(low, high)) / Decimal(1000)


def department_year(
    department: str = DEMO_DEPARTMENT,
    year: int = 2025,
    seed: int = 0,
    *,
    stage: str = "预算",
    plant_error: bool = False,
) -> DepartmentYear:
    """The figures of one fictional department-year.

    ``seed=0`` is the demo's hand-written 2025 budget (for ``stage="决算"``: its final accounts,
    derived from those figures). Any other seed varies everything, deterministically.
    """
    if stage not in ("预算", "决算"):
        raise ValueError(f"stage must be 预算 or 决算, not {stage!r}")
    rng = random.Random(f"{department}|{year}|{seed}|{stage}")
    varied = seed != 0
    roles = [_OFFICE, _MONITOR, _ENFORCE]
    if varied and rng.random() < 0.3:
        roles.remove(_ENFORCE)
    units = _units(department, roles)
    scale = Decimal(rng.randint(40, 300)) / Decimal(100) if varied else Decimal(1)
    with_fund = rng.random() < 0.5 if varied else True
    with_carryover = rng.random() < 0.6 if varied else True
    with_unit_funds = rng.random() < 0.5 if varied else True

    def amount(text: str) -> Decimal:
        value = _scaled(_money(text), scale)
        return _scaled(value, _factor(rng, 880, 1120)) if varied else value

    entries: list[Entry] = []
    for role in roles:
        unit = units[role]
        for econ, text in _BASIC[role].items():
            entries.append(
                Entry(unit.name, _basic_code(unit, econ), "basic", "general", amount(text), econ=econ)
            )
    for role, name, code, text, source, carryover in _PROJECTS:
        if role not in units:
            continue
        if source == "gov_fund" and (not with_fund or (not varied and year < _FUND_SINCE)):
            continue  # the demo's government-fund project starts in 2025
        if carryover and not with_carryover:
            continue
        if source == "unit_funds" and not with_unit_funds:
            continue
        if varied and rng.random() < 0.2:
            continue  # not every department runs every project
        entries.append(
            Entry(units[role].name, code, "project", source, amount(text), project=name, carryover=carryover)
        )
    budget = DepartmentYear(
        department, year, "预算", list(units.values()), entries, seed=seed, plant_error=plant_error
    )
    if stage == "预算":
        return budget
    return _final_accounts(budget, rng, varied)


def _final_accounts(budget: DepartmentYear, rng: random.Random, varied: bool) -> DepartmentYear:
    """The final accounts (决算) of a budget: what was spent, received and carried over.

    Spending is the budget executed at 94–101 % (basic) and 80–100 % (projects); money carried
    over from the year before pays part of some projects; the department ends the year with the
    carry-over that its next budget shows (the budget's 上年结转 projects).
    """
    entries: list[Entry] = []
    closing: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    opening: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for entry in budget.entries:
        if entry.carryover:
            closing[(entry.code, entry.source)] += entry.amount  # unspent at year end
            continue
        if entry.source == "unit_funds":
            # in the final accounts the unit's own money shows as 事业收入
            spent = _scaled(entry.amount, _factor(rng, 850, 1000))
            entries.append(
                Entry(entry.unit, entry.code, entry.nature, "service", spent, project=entry.project)
            )
            closing[(entry.code, "service")] += _scaled(entry.amount, _factor(rng, 30, 90))
            continue
        low, high = (940, 1010) if entry.nature == "basic" else (800, 1000)
        spent = _scaled(entry.amount, _factor(rng, low, high))
        entries.append(
            Entry(
                entry.unit,
                entry.code,
                entry.nature,
                entry.source,
                spent,
                econ=entry.econ,
                project=entry.project,
            )
        )
    # money carried into the year paid part of the larger general projects
    project_codes = sorted({e.code for e in entries if e.nature == "project" and e.source == "general"})
    for code in project_codes[:: 2 if not varied else rng.randint(2, 3)]:
        spent = sum((e.amount for e in entries if e.code == code and e.source == "general"), ZERO)
        opening[(code, "general")] = _scaled(spent, _factor(rng, 150, 450))
    # a little 其他收入 (e.g. interest, sale of scrap) spent on running costs
    office = budget.units[0]
    other = _scaled(Decimal("1.86") * (Decimal(1) if not varied else _factor(rng, 300, 3000)), Decimal(1))
    entries.append(Entry(office.name, office.running_code, "basic", "other", other, econ="30299"))
    balances = {
        key: (opening[key], closing[key])
        for key in sorted(set(opening) | set(closing))
        if opening[key] or closing[key]
    }
    three_public_budget = {
        "abroad": ZERO,
        "purchase": ZERO,
        "operation": _scaled(
            sum((e.amount for e in budget.entries if e.econ == "30231"), ZERO), _factor(rng, 1000, 1080)
        ),
        "reception": _scaled(
            sum((e.amount for e in budget.entries if e.econ == "30217"), ZERO), _factor(rng, 1000, 1150)
        ),
    }
    return DepartmentYear(
        budget.department,
        budget.year,
        "决算",
        budget.units,
        entries,
        balances=balances,
        three_public_budget=three_public_budget,
        plant_error=budget.plant_error,
        seed=budget.seed,
    )


# ---------------------------------------------------------------------------------------------
# Tables as grids: what is printed where, independent of the file format


Value = str | Decimal | None


@dataclass
class Grid:
    """One printed table: title, label, meta line, header and body rows, merged ranges, notes.

    ``header`` and ``body`` rows have ``width`` cells; a :class:`Decimal` is an amount. A merged
    range is ``(row, column, rows, columns)`` over ``header + body``; only its first cell holds text.
    """

    key: str  # the label and sheet name: 表一, 公开03表 …
    label: str
    title: str
    width: int
    header: list[list[Value]]
    body: list[list[Value]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    column_numbers: int | None = None  # index of a 栏次 row in ``header`` (kept as printed)

    @property
    def rows(self) -> list[list[Value]]:
        return self.header + self.body

    def covered(self, *, keep_rows: bool = False) -> set[tuple[int, int]]:
        """Cells hidden by a merged range (all but its first cell). With ``keep_rows``, each row
        the range continues into keeps its first cell (an empty one), as Word prints a
        vertically merged cell: cell-per-line text is written that way."""
        hidden = set()
        for row, col, rows, cols in self.merges:
            for r in range(row, row + rows):
                for c in range(col, col + cols):
                    if (r, c) != (row, col) and not (keep_rows and c == col):
                        hidden.add((r, c))
        return hidden

    def body_merge(self, body_row: int, col: int, rows: int, cols: int) -> None:
        self.merges.append((len(self.header) + body_row, col, rows, cols))


@dataclass
class Rendered:
    """A document ready to be written: its grids, what it is, and any planted error."""

    department: str
    year: int
    stage: str
    grids: list[Grid]
    planted: list[PlantedError]

    @property
    def family(self) -> str:
        return "budget_disclosure" if self.stage == "预算" else "final_account_disclosure"

    @property
    def heading(self) -> str:
        if self.stage == "预算":
            return f"{self.department}{self.year}年部门预算公开"
        return f"{self.department}{self.year}年度部门决算公开"

    def meta(self) -> list[str]:
        """The lines printed between a title and its table."""
        if self.stage == "预算":
            return [f"部门名称：{self.department}", "单位：万元"]
        return [
            f"部门：{self.department}\u3000\u3000\u3000\u3000{self.year}年度\u3000\u3000\u3000\u3000金额单位：万元"
        ]


def ordinal(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十, 30 → 三十."""
    if n < 10:
        return CHINESE_NUMERALS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens]
    return f"{head}十{CHINESE_NUMERALS[ones] if ones else ''}"


def _classes(year: int) -> list[tuple[str, str]]:
    return [(s.code, s.name) for s in functional.classes() if s.in_force(year)]


def _sum(entries: Iterable[Entry]) -> Decimal:
    return sum((e.amount for e in entries), ZERO)


def _rollup(leaves: dict[str, list[Decimal]]) -> dict[str, list[Decimal]]:
    """项 vectors → 项, 款 and 类 vectors (prefix sums), codes in printing order."""
    out: dict[str, list[Decimal]] = {}
    for code, vector in leaves.items():
        for prefix in (code[:3], code[:5], code):
            if prefix not in out:
                out[prefix] = [ZERO] * len(vector)
            out[prefix] = [a + b for a, b in zip(out[prefix], vector, strict=True)]
    return {code: out[code] for code in sorted(out)}


def _coded_body(
    entries: Iterable[Entry], vector: Callable[[Entry], list[Decimal]], width: int, *, indent: bool
) -> tuple[list[Decimal], list[list[Value]]]:
    """合计 and one row per 类/款/项 with any amount: ``[code, name, *amounts]``."""
    leaves: dict[str, list[Decimal]] = {}
    for entry in entries:
        values = vector(entry)
        if entry.code not in leaves:
            leaves[entry.code] = [ZERO] * len(values)
        leaves[entry.code] = [a + b for a, b in zip(leaves[entry.code], values, strict=True)]
    rows: list[list[Value]] = []
    total = [ZERO] * (width - 2)
    for code, values in _rollup(leaves).items():
        if not any(values):
            continue
        name = functional.name_of(code) or code
        rows.append([code, ("  " + name) if indent and len(code) == 7 else name, *values])
        if len(code) == 3:
            total = [a + b for a, b in zip(total, values, strict=True)]
    return total, rows


def _by_class(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        out[entry.code[:3]].append(entry)
    return out


def _plant(
    grid: Grid, dy: DepartmentYear, total_col: int, part_cols: Sequence[int], rng: random.Random
) -> PlantedError | None:
    """Print one 项 of a coded table off its 款: its total and its non-zero part move together."""
    codes = [row[0] for row in grid.body if isinstance(row[0], str) and row[0].isdigit()]
    candidates = [
        c for c in codes if len(c) == 7 and sum(1 for o in codes if len(o) == 7 and o[:5] == c[:5]) >= 2
    ]
    if not candidates:
        return None
    code = dy.error_code if dy.error_code in candidates else rng.choice(candidates)
    delta = dy.error_delta or _money(Decimal(rng.randint(500, 9000)) / Decimal(100))
    row = next(r for r in grid.body if r[0] == code)
    part = next((c for c in part_cols if isinstance(row[c], Decimal) and row[c]), part_cols[0])
    true_value = row[total_col]
    assert isinstance(true_value, Decimal)
    for col in (total_col, part):
        value = row[col]
        row[col] = (value if isinstance(value, Decimal) else ZERO) + delta
    headers = [_header_text(grid, col) for col in (total_col, part)]
    return PlantedError(
        table=grid.key,
        title=grid.title,
        code=code,
        parent=code[:5],
        columns=tuple(headers),
        true_value=true_value,
        printed_value=true_value + delta,
        delta=delta,
    )


def _header_text(grid: Grid, col: int) -> str:
    for row in reversed(grid.header):
        if isinstance(row[col], str) and row[col] and not row[col].isdigit():
            return row[col]
    return str(col)


# ---------------------------------------------------------------------------------------------
# 部门预算公开 表一…表十三


_GOV_ECON_ADMIN = {
    "30101": "50101", "30102": "50101", "30103": "50101", "30107": "50101",
    "30108": "50102", "30109": "50102", "30110": "50102", "30111": "50102", "30112": "50102",
    "30113": "50103", "30199": "50199",
    "30215": "50202", "30216": "50203", "30218": "50204", "30227": "50205", "30217": "50206",
    "30212": "50207", "30231": "50208", "30213": "50209", "30226": "50299", "30299": "50299",
    "30301": "50905", "30302": "50905", "30309": "50901", "30305": "50901",
    "31002": "50306", "31003": "50306", "31007": "50306", "31013": "50303",
}  # fmt: skip


def _gov_econ(econ: str, administrative: bool) -> str:
    """The 政府预算支出经济分类 款 a 部门经济分类 款 falls in (机关 or 事业单位)."""
    if econ.startswith("303"):
        return _GOV_ECON_ADMIN.get(econ, "50999")
    if not administrative:
        return {"301": "50501", "302": "50502", "310": "50601"}.get(econ[:3], "50599")
    if econ in _GOV_ECON_ADMIN:
        return _GOV_ECON_ADMIN[econ]
    return {"301": "50199", "302": "50201", "310": "50399"}.get(econ[:3], "59999")


def _personnel(econ: str) -> bool:
    return econ[:3] in ("301", "303")


def budget_document(dy: DepartmentYear) -> Rendered:
    """The 2025-style 部门预算公开: 表一 … 表十三 (表七/八 and 表十三 print 本表无数据 when empty)."""
    rng = random.Random(f"plant|{dy.department}|{dy.year}|{dy.seed}")
    y = dy.year
    general = dy.spending(source="general", carryover=False)
    fund = dy.spending(source="gov_fund")
    unit_funds = dy.spending(source="unit_funds")
    carry = [e for e in dy.entries if e.carryover]
    g, f, u, c = _sum(general), _sum(fund), _sum(unit_funds), _sum(carry)
    grids: list[Grid] = []
    planted: list[PlantedError] = []

    # 表一 收支总表
    classes = _classes(y)
    by_class = _by_class(dy.entries)
    income = [
        ("一般公共预算", g),
        ("政府性基金预算", f),
        ("国有资本经营预算", None),
        ("财政专户管理资金", None),
        ("单位资金", u),
    ]
    body: list[list[Value]] = []
    spend_total = [ZERO, ZERO, ZERO]
    for i, (code, name) in enumerate(classes):
        parts = by_class.get(code, [])
        current, carried = _sum(e for e in parts if not e.carryover), _sum(e for e in parts if e.carryover)
        spend_total = [spend_total[0] + current + carried, spend_total[1] + current, spend_total[2] + carried]
        left: list[Value] = (
            [f"{ordinal(i + 1)}、{income[i][0]}", income[i][1]] if i < len(income) else [None, None]
        )
        body.append([*left, f"{ordinal(i + 1)}、{name}", current + carried, current, carried])
    body += [
        ["本年收入合计", g + f + u, "本年支出合计", *spend_total],
        ["上年结转", c, "年终结转", None, None, None],
        ["收入总计", g + f + u + c, "支出总计", *spend_total],
    ]
    grid = Grid(
        "表一",
        "预算公开表1",
        f"{y}年部门收支总表",
        6,
        [
            ["收入", None, "支出", None, None, None],
            ["项目", f"{y}年预算数", "项目", "合计", "当年预算安排", "上年结转安排"],
        ],
        body,
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 1, 4)]
    grids.append(grid)

    # 表二 收入总表
    def revenue_vector(e: Entry) -> list[Decimal]:
        current = ZERO if e.carryover else e.amount
        return [
            current,
            current if e.source == "general" else ZERO,
            current if e.source == "gov_fund" else ZERO,
            ZERO,
            ZERO,
            current if e.source == "unit_funds" else ZERO,
            e.amount if e.carryover else ZERO,
        ]

    total, rows = _coded_body(dy.entries, revenue_vector, 9, indent=False)
    grid = Grid(
        "表二",
        "预算公开表2",
        f"{y}年部门收入总表",
        9,
        [
            ["项目", None, "本年收入", None, None, None, None, None, "上年结转"],
            [
                "科目编码",
                "科目名称",
                "合计",
                "一般公共预算",
                "政府性基金预算",
                "国有资本经营预算",
                "财政专户管理资金",
                "单位资金",
                None,
            ],
        ],
        [["合计", None, *total], *rows],
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 1, 6), (0, 8, 2, 1)]
    grid.body_merge(0, 0, 1, 2)
    grids.append(grid)

    # 表三 支出总表
    def spending_vector(e: Entry) -> list[Decimal]:
        return [
            e.amount,
            e.amount if e.nature == "basic" else ZERO,
            e.amount if e.nature == "project" else ZERO,
        ]

    grid = _spending_grid("表三", "预算公开表3", f"{y}年部门支出总表", y, dy.entries, spending_vector)
    if dy.plant_error:
        found = _plant(grid, dy, 2, (3, 4), rng)
        planted += [found] if found else []
    grids.append(grid)

    # 表四 财政拨款收支总表
    fiscal = [e for e in dy.entries if e.source in ("general", "gov_fund")]
    fiscal_by_class = _by_class(fiscal)
    income4 = [("一般公共预算", g), ("政府性基金预算", f), ("国有资本经营预算", None)]
    body = []
    totals4 = [ZERO] * 4
    for i, (code, name) in enumerate(classes):
        parts = fiscal_by_class.get(code, [])
        gen, fun = (
            _sum(e for e in parts if e.source == "general"),
            _sum(e for e in parts if e.source == "gov_fund"),
        )
        vector = [gen + fun, gen, fun, ZERO]
        totals4 = [a + b for a, b in zip(totals4, vector, strict=True)]
        left = [f"{ordinal(i + 1)}、{income4[i][0]}", income4[i][1]] if i < len(income4) else [None, None]
        body.append([*left, f"{ordinal(i + 1)}、{name}", *[v if v else None for v in vector]])
    body += [
        ["本年收入合计", g + f, "本年支出合计", *totals4],
        ["上年财政拨款结转", c, "年终财政拨款结转", None, None, None, None],
        ["  一、一般公共预算", c, None, None, None, None, None],
        ["  二、政府性基金预算", None, None, None, None, None, None],
        ["  三、国有资本经营预算", None, None, None, None, None, None],
        ["收入总计", g + f + c, "支出总计", *totals4],
    ]
    grid = Grid(
        "表四",
        "预算公开表4",
        f"{y}年财政拨款收支总表",
        7,
        [
            ["收入", None, "支出", None, None, None, None],
            ["项目", "金额", "项目", f"{y}年预算数", None, None, None],
            [None, None, None, "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ],
        body,
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 1, 5), (1, 0, 2, 1), (1, 1, 2, 1), (1, 2, 2, 1), (1, 3, 1, 4)]
    grids.append(grid)

    # 表五 一般公共预算支出表（不含上年结转）
    grids.append(
        _spending_grid(
            "表五", "预算公开表5", f"{y}年一般公共预算支出表（不含上年结转）", y, general, spending_vector
        )
    )

    # 表六 一般公共预算基本支出表 by 部门/政府经济科目
    grids.append(_basic_by_names(dy, general))

    # 表七 / 表八 政府性基金
    grids += _fund_tables(dy, fund)

    # 表九 国有资本经营预算
    grid = Grid(
        "表九",
        "预算公开表9",
        f"{y}年国有资本经营预算支出表",
        5,
        [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
        [["合计", None, None, None, None]],
        notes=[f"注：本部门{y}年没有使用国有资本经营预算拨款安排的支出，本表无数据。"],
    )
    grid.body_merge(0, 0, 1, 2)
    grids.append(grid)

    # 表十 三公经费
    reception = _sum(e for e in general if e.econ == "30217")
    operation = _sum(e for e in general if e.econ == "30231")
    three = reception + operation
    body = [
        ["合计", three, three, None, None],
        ["因公出国（境）费", None, None, None, None],
        ["公务接待费", reception or None, reception or None, None, None],
        ["公务用车购置及运行费", operation or None, operation or None, None, None],
        ["①公务用车购置费", None, None, None, None],
        ["②公务用车运行维护费", operation or None, operation or None, None, None],
    ]
    grid = Grid(
        "表十",
        "预算公开表10",
        f"{y}年财政拨款“三公”经费支出预算表",
        5,
        [
            ["项目", f"{y}年预算数", None, None, None],
            [None, "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ],
        body,
    )
    grid.merges += [(0, 0, 2, 1), (0, 1, 1, 4)]
    grids.append(grid)

    # 表十一 机关运行经费 (行政单位的公用经费)
    body = []
    for unit in dy.units:
        if unit.administrative:
            amount = _sum(e for e in general if e.unit == unit.name and e.econ and not _personnel(e.econ))
            body.append([unit.name, amount, amount, None, None])
    dept = _sum_values(r[1] for r in body)  # type: ignore[misc]
    grid = Grid(
        "表十一",
        "预算公开表11",
        f"{y}年财政拨款机关运行经费预算表",
        5,
        [
            ["单位名称", f"{y}年预算数", None, None, None],
            [None, "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        ],
        [["部门合计", dept, dept, None, None], *body],
    )
    grid.merges += [(0, 0, 2, 1), (0, 1, 1, 4)]
    grids.append(grid)

    # 表十二 / 表十三 项目支出
    current_projects = [e for e in dy.entries if e.nature == "project" and not e.carryover]
    grids.append(
        _project_grid(
            dy, "表十二", "预算公开表12", f"{y}年项目支出预算表（本年预算）", current_projects, True
        )
    )
    carried_projects = [e for e in dy.entries if e.nature == "project" and e.carryover]
    if carried_projects:
        grids.append(
            _project_grid(
                dy, "表十三", "预算公开表13", f"{y}年项目支出预算表（上年结转）", carried_projects, False
            )
        )
    return Rendered(dy.department, y, "预算", grids, planted)


def _spending_grid(key: str, label: str, title: str, year: int, entries, vector) -> Grid:
    total, rows = _coded_body(entries, vector, 5, indent=False)
    grid = Grid(
        key,
        label,
        title,
        5,
        [
            ["项目", None, f"{year}年预算数", None, None],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ],
        [["合计", None, *total], *rows],
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 1, 3)]
    grid.body_merge(0, 0, 1, 2)
    return grid


def _basic_by_names(dy: DepartmentYear, general: list[Entry]) -> Grid:
    """表六: 部门经济科目 × 政府经济科目, 合计 = 人员经费 + 公用经费; class rows carry no 政府科目."""
    pairs: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for entry in general:
        if entry.nature == "basic" and entry.econ:
            pairs[(entry.econ, _gov_econ(entry.econ, dy.unit(entry.unit).administrative))] += entry.amount
    body: list[list[Value]] = []
    grand = [ZERO, ZERO, ZERO]
    for cls in sorted({econ[:3] for econ, _ in pairs}):
        members = sorted((k, v) for k, v in pairs.items() if k[0][:3] == cls)
        amount = _sum_values(v for _, v in members)
        split = [amount, amount, None] if _personnel(cls) else [amount, None, amount]
        grand = [
            grand[0] + amount,
            grand[1] + (amount if _personnel(cls) else ZERO),
            grand[2] + (ZERO if _personnel(cls) else amount),
        ]
        body.append([economic.name_of(cls), None, *split])
        for (econ, gov), value in members:
            detail = [value, value, None] if _personnel(cls) else [value, None, value]
            body.append([economic.name_of(econ), government_economic.name_of(gov), *detail])
    grid = Grid(
        "表六",
        "预算公开表6",
        f"{dy.year}年一般公共预算基本支出分经济科目表（不含上年结转）",
        5,
        [
            ["部门预算支出经济科目名称", "政府预算支出经济科目名称", f"{dy.year}年预算数", None, None],
            [None, None, "合计", "人员经费", "公用经费"],
        ],
        [["合计", None, *grand], *body],
    )
    grid.merges += [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 3)]
    return grid


def _sum_values(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def _fund_tables(dy: DepartmentYear, fund: list[Entry]) -> list[Grid]:
    y = dy.year
    total = _sum(fund)
    empty = [f"注：本部门{y}年没有政府性基金预算拨款，本表无数据。"]
    code = dy.fund_revenue_code
    body7: list[list[Value]] = [["合计", None, total or None]]
    if total:
        body7 += [[c, revenue.name_of(c), total] for c in (code[:3], code[:5], code)]
    grid7 = Grid(
        "表七",
        "预算公开表7",
        f"{y}年政府性基金预算收入表",
        3,
        [["项目", None, "政府性基金收入预算"], ["收入科目编码", "科目名称", None]],
        body7,
        notes=[] if total else empty,
    )
    grid7.merges += [(0, 0, 1, 2), (0, 2, 2, 1)]
    grid7.body_merge(0, 0, 1, 2)

    def vector(e: Entry) -> list[Decimal]:
        return [
            e.amount,
            e.amount if e.nature == "basic" else ZERO,
            e.amount if e.nature == "project" else ZERO,
        ]

    sums, rows = _coded_body(fund, vector, 5, indent=False)
    grid8 = Grid(
        "表八",
        "预算公开表8",
        f"{y}年政府性基金预算支出表",
        5,
        [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]],
        [["合计", None, *(v or None for v in sums)], *rows],
        notes=[] if total else empty,
    )
    grid8.body_merge(0, 0, 1, 2)
    return [grid7, grid8]


def _project_grid(
    dy: DepartmentYear, key: str, label: str, title: str, projects: list[Entry], current: bool
) -> Grid:
    """项目支出表: the department, each unit printed twice (unit, then its own level), its projects."""

    def vector(entries: list[Entry]) -> list[Value]:
        gen = _sum(e for e in entries if e.source == "general")
        fun = _sum(e for e in entries if e.source == "gov_fund")
        own = _sum(e for e in entries if e.source == "unit_funds")
        values: list[Value] = [gen + fun + own, gen or None, fun or None, None]
        return values + ([None, own or None] if current else [])

    body: list[list[Value]] = [[dy.department, *vector(projects)]]
    for unit in dy.units:
        mine = [e for e in projects if e.unit == unit.name]
        if not mine:
            continue
        body += [[unit.name, *vector(mine)], [unit.name, *vector(mine)]]
        body += [[e.project, *vector([e])] for e in mine]
    y = dy.year
    if current:
        header: list[list[Value]] = [
            ["项目名称", "合计", f"{y}年财政拨款", None, None, "财政专户管理资金", "单位资金"],
            [None, None, "一般公共预算", "政府性基金预算", "国有资本经营预算", None, None],
            [str(n) for n in range(1, 8)],
        ]
        merges = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 3), (0, 5, 2, 1), (0, 6, 2, 1)]
    else:
        header = [
            ["项目名称", "合计", f"{y}年财政拨款", None, None],
            [None, None, "一般公共预算", "政府性基金预算", "国有资本经营预算"],
            [str(n) for n in range(1, 6)],
        ]
        merges = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 3)]
    grid = Grid(key, label, title, len(header[0]), header, body, merges=merges, column_numbers=2)
    return grid


# ---------------------------------------------------------------------------------------------
# 部门决算公开 公开01表…公开09表


_FINAL_INCOME = [
    ("一般公共预算财政拨款收入", "general"),
    ("政府性基金预算财政拨款收入", "gov_fund"),
    ("国有资本经营预算财政拨款收入", "state_capital"),
    ("上级补助收入", "upper"),
    ("事业收入", "service"),
    ("经营收入", "operating"),
    ("附属单位上缴收入", "affiliate"),
    ("其他收入", "other"),
]


def final_document(dy: DepartmentYear) -> Rendered:
    """The 部门决算公开: 公开01表 … 公开09表, amounts with thousands separators, zero as 0.00."""
    rng = random.Random(f"plant|{dy.department}|{dy.year}|{dy.seed}|决算")
    y = dy.year
    grids: list[Grid] = []
    planted: list[PlantedError] = []
    income_by: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for entry in dy.entries:
        income_by[(entry.code, entry.source)] += entry.amount
    for key, (opening, closing) in dy.balances.items():
        income_by[key] += closing - opening
    income_sources = {
        src: _sum_values(v for (_, s), v in income_by.items() if s == src) for _, src in _FINAL_INCOME
    }
    income_total = _sum_values(income_sources.values())
    spend_total = _sum(dy.entries)
    opening_total = _sum_values(o for o, _ in dy.balances.values())
    closing_total = _sum_values(c for _, c in dy.balances.values())
    fiscal_sources = ("general", "gov_fund")
    fiscal_opening = {
        s: _sum_values(o for (_, src), (o, _) in dy.balances.items() if src == s) for s in fiscal_sources
    }
    fiscal_closing = {
        s: _sum_values(c for (_, src), (_, c) in dy.balances.items() if src == s) for s in fiscal_sources
    }
    classes = _classes(y)
    k = len(classes)
    by_class = _by_class(dy.entries)

    # 公开01表 收入支出决算总表
    body: list[list[Value]] = []
    for i, (code, name) in enumerate(classes):
        left: list[Value] = [None, str(i + 1), None]
        if i < len(_FINAL_INCOME):
            label, src = _FINAL_INCOME[i]
            left = [f"{ordinal(i + 1)}、{label}", str(i + 1), income_sources[src]]
        body.append([*left, f"{ordinal(i + 1)}、{name}", str(k + 6 + i), _sum(by_class.get(code, []))])
    body += [
        ["本年收入合计", str(k + 1), income_total, "本年支出合计", str(2 * k + 6), spend_total],
        ["使用非财政拨款结余", str(k + 2), ZERO, "结余分配", str(2 * k + 7), ZERO],
        ["年初结转和结余", str(k + 3), opening_total, "年末结转和结余", str(2 * k + 8), closing_total],
        [None, str(k + 4), None, None, str(2 * k + 9), None],
        [
            "总计",
            str(k + 5),
            income_total + opening_total,
            "总计",
            str(2 * k + 10),
            spend_total + closing_total,
        ],
    ]
    grid = Grid(
        "公开01表",
        "公开01表",
        "收入支出决算总表",
        6,
        [
            ["收入", None, None, "支出", None, None],
            ["项目", "行次", "金额", "项目", "行次", "金额"],
            ["栏次", None, "1", "栏次", None, "2"],
        ],
        body,
        notes=["注：本表反映部门本年度的总收支和年末结转结余情况。"],
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 3), (0, 3, 1, 3)]
    grids.append(grid)

    # 公开02表 收入决算表
    leaves: dict[str, list[Decimal]] = {}
    for (code, src), value in sorted(income_by.items()):
        if not value:
            continue
        vector = leaves.setdefault(code, [ZERO] * 7)
        column = {
            "general": 1,
            "gov_fund": 1,
            "upper": 2,
            "service": 3,
            "operating": 4,
            "affiliate": 5,
            "other": 6,
        }
        vector[0] += value
        vector[column[src]] += value
    rows = [
        [c, ("  " + functional.name_of(c)) if len(c) == 7 else functional.name_of(c), *v]
        for c, v in _rollup(leaves).items()
    ]
    total = [_sum_values(r[2 + j] for r in rows if len(r[0]) == 3) for j in range(7)]  # type: ignore[arg-type]
    grid = Grid(
        "公开02表",
        "公开02表",
        "收入决算表",
        9,
        [
            [
                "项目",
                None,
                "本年收入合计",
                "财政拨款收入",
                "上级补助收入",
                "事业收入",
                "经营收入",
                "附属单位上缴收入",
                "其他收入",
            ],
            ["功能分类科目编码", "科目名称", None, None, None, None, None, None, None],
            ["栏次", None, *[str(n) for n in range(1, 8)]],
        ],
        [["合计", None, *total], *rows],
        notes=["注：本表反映部门本年度取得的各项收入情况。"],
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 2), *[(0, c, 2, 1) for c in range(2, 9)], (2, 0, 1, 2)]
    grid.body_merge(0, 0, 1, 2)
    grids.append(grid)

    # 公开03表 支出决算表 (the demo's planted error lives here)
    def spending(e: Entry) -> list[Decimal]:
        return [
            e.amount,
            e.amount if e.nature == "basic" else ZERO,
            e.amount if e.nature == "project" else ZERO,
            ZERO,
            ZERO,
            ZERO,
        ]

    total, rows = _coded_body(dy.entries, spending, 8, indent=True)
    grid = Grid(
        "公开03表",
        "公开03表",
        "支出决算表",
        8,
        [
            [
                "项目",
                None,
                "本年支出合计",
                "基本支出",
                "项目支出",
                "上缴上级支出",
                "经营支出",
                "对附属单位补助支出",
            ],
            ["功能分类科目编码", "科目名称", None, None, None, None, None, None],
            ["栏次", None, *[str(n) for n in range(1, 7)]],
        ],
        [["合计", None, *total], *rows],
        notes=["注：本表反映部门本年度各项支出情况。"],
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 2), *[(0, c, 2, 1) for c in range(2, 8)], (2, 0, 1, 2)]
    grid.body_merge(0, 0, 1, 2)
    if dy.plant_error:
        found = _plant(grid, dy, 2, (3, 4), rng)
        planted += [found] if found else []
    grids.append(grid)

    # 公开04表 财政拨款收入支出决算总表
    fiscal_by_class = _by_class(e for e in dy.entries if e.source in fiscal_sources)
    fiscal_income = [
        ("一般公共预算财政拨款", income_sources["general"]),
        ("政府性基金预算财政拨款", income_sources["gov_fund"]),
        ("国有资本经营预算财政拨款", ZERO),
    ]
    body = []
    totals = [ZERO] * 4
    for i, (code, name) in enumerate(classes):
        parts = fiscal_by_class.get(code, [])
        gen, fun = (
            _sum(e for e in parts if e.source == "general"),
            _sum(e for e in parts if e.source == "gov_fund"),
        )
        vector = [gen + fun, gen, fun, ZERO]
        totals = [a + b for a, b in zip(totals, vector, strict=True)]
        left = (
            [f"{ordinal(i + 1)}、{fiscal_income[i][0]}", str(i + 1), fiscal_income[i][1]]
            if i < 3
            else [None, str(i + 1), None]
        )
        body.append([*left, f"{ordinal(i + 1)}、{name}", str(k + 7 + i), *vector])
    fiscal_in = income_sources["general"] + income_sources["gov_fund"]
    open_all = fiscal_opening["general"] + fiscal_opening["gov_fund"]
    close_all = fiscal_closing["general"] + fiscal_closing["gov_fund"]
    body += [
        ["本年收入合计", str(k + 1), fiscal_in, "本年支出合计", str(2 * k + 7), *totals],
        [
            "年初财政拨款结转和结余",
            str(k + 2),
            open_all,
            "年末财政拨款结转和结余",
            str(2 * k + 8),
            close_all,
            fiscal_closing["general"],
            fiscal_closing["gov_fund"],
            ZERO,
        ],
        [
            "  一般公共预算财政拨款",
            str(k + 3),
            fiscal_opening["general"],
            None,
            str(2 * k + 9),
            None,
            None,
            None,
            None,
        ],
        [
            "  政府性基金预算财政拨款",
            str(k + 4),
            fiscal_opening["gov_fund"],
            None,
            str(2 * k + 10),
            None,
            None,
            None,
            None,
        ],
        ["  国有资本经营预算财政拨款", str(k + 5), ZERO, None, str(2 * k + 11), None, None, None, None],
        [
            "总计",
            str(k + 6),
            fiscal_in + open_all,
            "总计",
            str(2 * k + 12),
            *[
                a + b
                for a, b in zip(
                    totals,
                    [close_all, fiscal_closing["general"], fiscal_closing["gov_fund"], ZERO],
                    strict=True,
                )
            ],
        ],
    ]
    grid = Grid(
        "公开04表",
        "公开04表",
        "财政拨款收入支出决算总表",
        9,
        [
            ["收入", None, None, "支出", None, None, None, None, None],
            [
                "项目",
                "行次",
                "金额",
                "项目",
                "行次",
                "合计",
                "一般公共预算财政拨款",
                "政府性基金预算财政拨款",
                "国有资本经营预算财政拨款",
            ],
            ["栏次", None, "1", "栏次", None, "2", "3", "4", "5"],
        ],
        body,
        notes=[
            "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"
        ],
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 3), (0, 3, 1, 6)]
    grids.append(grid)

    # 公开05表 一般公共预算财政拨款支出决算表
    general = dy.spending(source="general")

    def general_vector(e: Entry) -> list[Decimal]:
        return [
            e.amount,
            e.amount if e.nature == "basic" else ZERO,
            e.amount if e.nature == "project" else ZERO,
        ]

    total, rows = _coded_body(general, general_vector, 5, indent=True)
    grid = Grid(
        "公开05表",
        "公开05表",
        "一般公共预算财政拨款支出决算表",
        5,
        [
            ["项目", None, "本年支出", None, None],
            ["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出"],
            ["栏次", None, "1", "2", "3"],
        ],
        [["合计", None, *total], *rows],
        notes=["注：本表反映部门本年度一般公共预算财政拨款支出情况。"],
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 1, 3), (2, 0, 1, 2)]
    grid.body_merge(0, 0, 1, 2)
    grids.append(grid)

    # 公开06表 一般公共预算财政拨款基本支出决算表
    grids.append(_basic_triples(dy, general))

    # 公开07表 三公经费
    actual = {
        "abroad": ZERO,
        "purchase": ZERO,
        "operation": _sum(e for e in general if e.econ == "30231"),
        "reception": _sum(e for e in general if e.econ == "30217"),
    }

    def three(values: dict[str, Decimal]) -> list[Value]:
        vehicles = values["purchase"] + values["operation"]
        return [
            values["abroad"] + vehicles + values["reception"],
            values["abroad"],
            vehicles,
            values["purchase"],
            values["operation"],
            values["reception"],
        ]

    budget_values = dy.three_public_budget or actual
    words = ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"]
    sub = [None, None, "小计", "公务用车购置费", "公务用车运行费", None]
    grid = Grid(
        "公开07表",
        "公开07表",
        "一般公共预算财政拨款“三公”经费支出决算表",
        12,
        [
            ["预算数", None, None, None, None, None, "决算数", None, None, None, None, None],
            [*words, *words],
            [*sub, *sub],
            [str(n) for n in range(1, 13)],
        ],
        [[*three(budget_values), *three(actual)]],
        notes=[
            "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费年初预算数，"
            "决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。"
        ],
        column_numbers=3,
    )
    grid.merges += [(0, 0, 1, 6), (0, 6, 1, 6)]
    for base in (0, 6):
        grid.merges += [(1, base, 2, 1), (1, base + 1, 2, 1), (1, base + 2, 1, 3), (1, base + 5, 2, 1)]
    grids.append(grid)

    # 公开08表 / 公开09表
    grids.append(
        _final_fund(
            dy,
            "公开08表",
            "政府性基金预算财政拨款收入支出决算表",
            "gov_fund",
            income_by,
            "政府性基金预算财政拨款",
        )
    )
    grids.append(
        _final_fund(
            dy,
            "公开09表",
            "国有资本经营预算财政拨款收入支出决算表",
            "state_capital",
            income_by,
            "国有资本经营预算财政拨款",
        )
    )
    return Rendered(dy.department, y, "决算", grids, planted)


def _basic_triples(dy: DepartmentYear, general: list[Entry]) -> Grid:
    """公开06表: (科目编码, 科目名称, 决算数) three to a printed row; every standard 款 is listed."""
    spent: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for entry in general:
        if entry.nature == "basic" and entry.econ:
            spent[entry.econ] += entry.amount

    def column(classes: Sequence[str]) -> list[list[Value]]:
        out: list[list[Value]] = []
        for cls in classes:
            children = economic.children(cls)
            out.append([cls, economic.name_of(cls), _sum_values(spent[c.code] for c in children)])
            out += [[c.code, "  " + c.name, spent[c.code]] for c in children]
        return out

    columns = [column(("301", "303")), column(("302",)), column(("307", "310", "399"))]
    height = max(len(c) for c in columns)
    body: list[list[Value]] = []
    for i in range(height):
        row: list[Value] = []
        for col in columns:
            row += col[i] if i < len(col) else [None, None, None]
        body.append(row)
    personnel = _sum_values(v for k, v in spent.items() if _personnel(k))
    public = _sum_values(v for k, v in spent.items() if not _personnel(k))
    body.append(["人员经费合计", None, personnel, "公用经费合计", None, None, None, None, public])
    grid = Grid(
        "公开06表",
        "公开06表",
        "一般公共预算财政拨款基本支出决算表",
        9,
        [
            ["人员经费", None, None, "公用经费", None, None, None, None, None],
            ["科目编码", "科目名称", "决算数"] * 3,
        ],
        body,
        notes=["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"],
    )
    grid.merges += [(0, 0, 1, 3), (0, 3, 1, 6)]
    grid.body_merge(height, 0, 1, 2)
    grid.body_merge(height, 3, 1, 5)
    return grid


def _final_fund(dy: DepartmentYear, key: str, title: str, source: str, income_by, what: str) -> Grid:
    """公开08/09表: opening, income, spending (basic/project) and closing per 功能分类; often empty."""
    leaves: dict[str, list[Decimal]] = {}
    for entry in dy.spending(source=source):
        vector = leaves.setdefault(entry.code, [ZERO] * 6)
        vector[2] += entry.amount
        vector[3 if entry.nature == "basic" else 4] += entry.amount
    for (code, src), (opening, closing) in dy.balances.items():
        if src == source:
            vector = leaves.setdefault(code, [ZERO] * 6)
            vector[0] += opening
            vector[5] += closing
    for (code, src), value in income_by.items():
        if src == source and code in leaves:
            leaves[code][1] = value
    rows = [
        [c, ("  " + functional.name_of(c)) if len(c) == 7 else functional.name_of(c), *v]
        for c, v in _rollup(leaves).items()
    ]
    total: list[Value] = [_sum_values(r[2 + j] for r in rows if len(r[0]) == 3) for j in range(6)]  # type: ignore[arg-type]
    notes = [f"注：本表反映部门本年度{what}收入、支出及结转和结余情况。"]
    if not rows:
        total = [None] * 6
        notes.append(f"说明：本部门{dy.year}年度没有{what}收入，也没有使用{what}安排的支出，故本表无数据。")
    grid = Grid(
        key,
        key,
        title,
        8,
        [
            ["项目", None, "年初结转和结余", "本年收入", "本年支出", None, None, "年末结转和结余"],
            ["功能分类科目编码", "科目名称", None, None, "小计", "基本支出", "项目支出", None],
            ["栏次", None, *[str(n) for n in range(1, 7)]],
        ],
        [["合计", None, *total], *rows],
        notes=notes,
        column_numbers=2,
    )
    grid.merges += [(0, 0, 1, 2), (0, 2, 2, 1), (0, 3, 2, 1), (0, 4, 1, 3), (0, 7, 2, 1), (2, 0, 1, 2)]
    grid.body_merge(0, 0, 1, 2)
    return grid


# ---------------------------------------------------------------------------------------------
# Writers


def _amount_text(value: Decimal, stage: str) -> str:
    """预算 tables print ``7152.64`` and leave zero empty; 决算 tables print ``13,190.69`` and ``0.00``."""
    if stage == "预算":
        return "" if value == 0 else f"{value:.2f}"
    return f"{value:,.2f}"


def _cell_text(value: Value, stage: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return _amount_text(value, stage)
    return value


def write_text(doc: Rendered, layout: str | None = None) -> str:
    """Plain text: ``rows`` = one row per line, TAB-separated (the 预算 family's layout);
    ``cells`` = one cell per line after a TAB, a blank line between rows (the 决算 family's)."""
    layout = layout or ("rows" if doc.stage == "预算" else "cells")
    out: list[str] = [doc.heading, ""]
    for grid in doc.grids:
        out += [grid.label, "", grid.title, ""]
        for line in doc.meta():
            out += [line, ""]
        hidden = grid.covered(keep_rows=True)
        for r, row in enumerate(grid.rows):
            texts = [_cell_text(v, doc.stage) for v in row]
            if layout == "rows":
                out.append("\t".join(texts))
            else:
                out += ["\t" + t for c, t in enumerate(texts) if (r, c) not in hidden]
                out.append("")
        if layout == "rows":
            out.append("")
        else:
            out.append("")  # a second blank line ends the table
        for note in grid.notes:
            out += [note, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def write_docx(doc: Rendered) -> bytes:
    """A Word document: heading, then per table its label, title and meta paragraphs and a real
    table with merged header cells; a page break between tables."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    _fix_core_properties(document.core_properties, doc)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    document.styles["Normal"].font.size = Pt(9)
    document.add_heading(doc.heading, level=1)
    for index, grid in enumerate(doc.grids):
        if index:
            document.add_page_break()
        label = document.add_paragraph(grid.label)
        label.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(grid.title)
        run.bold = True
        run.font.size = Pt(14)
        for line in doc.meta():
            document.add_paragraph(line)
        table = document.add_table(rows=len(grid.rows), cols=grid.width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = [Cm(w) for w in _column_widths(grid, 26.0)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        hidden = grid.covered()
        for r, (row, values) in enumerate(zip(table.rows, grid.rows, strict=True)):
            cells = row.cells
            for c, value in enumerate(values):
                cells[c].width = widths[c]
                if (r, c) in hidden or value is None:
                    continue
                paragraph = cells[c].paragraphs[0]
                paragraph.add_run(_cell_text(value, doc.stage))
                if isinstance(value, Decimal):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif r < len(grid.header):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for row, col, rows, cols in grid.merges:
            if rows > 1 or cols > 1:
                table.cell(row, col).merge(table.cell(row + rows - 1, col + cols - 1))
        for note in grid.notes:
            document.add_paragraph(note)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _column_widths(grid: Grid, total: float) -> list[float]:
    """Widths in cm: names wide, codes and 行次 narrow, amounts in between."""
    weights = []
    for c in range(grid.width):
        values = [row[c] for row in grid.body if row[c] is not None]
        headers = {str(row[c]) for row in grid.header if row[c]}
        if headers & {"行次"}:
            weights.append(0.6)
        elif values and all(isinstance(v, str) and v.isdigit() for v in values):
            weights.append(1.3)
        elif values and sum(isinstance(v, str) for v in values) * 2 > len(values):
            weights.append(3.2)
        else:
            weights.append(1.5)
    scale = total / sum(weights)
    return [round(w * scale, 2) for w in weights]


def write_xlsx(doc: Rendered) -> bytes:
    """An Excel workbook: one sheet per table (named by its label), merged title and header
    cells, amounts as numbers formatted ``#,##0.00`` (决算) or ``0.00`` with zero left empty (预算)."""
    import datetime as dt

    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    book.remove(book.active)
    fixed = dt.datetime(doc.year, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "perfbudget demo"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    number_format = "0.00" if doc.stage == "预算" else "#,##0.00"
    for grid in doc.grids:
        sheet = book.create_sheet(grid.key)
        width = grid.width
        sheet.cell(1, 1, grid.title).font = Font(bold=True, size=14)
        sheet.cell(1, 1).alignment = Alignment(horizontal="center")
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        sheet.cell(2, width, grid.label).alignment = Alignment(horizontal="right")
        meta = doc.meta()
        if doc.stage == "预算":
            sheet.cell(3, 1, meta[0])
            sheet.cell(3, width, meta[1]).alignment = Alignment(horizontal="right")
        else:
            parts = [p for p in meta[0].split("\u3000") if p]
            sheet.cell(3, 1, parts[0])
            sheet.cell(3, max(2, width // 2), parts[1])
            sheet.cell(3, width, parts[2]).alignment = Alignment(horizontal="right")
        top = 4
        hidden = grid.covered()
        for r, values in enumerate(grid.rows):
            for c, value in enumerate(values):
                cell = sheet.cell(top + r, c + 1)
                cell.border = border
                if (r, c) in hidden or value is None:
                    continue
                if isinstance(value, Decimal):
                    if doc.stage == "预算" and value == 0:
                        continue
                    cell.value = value
                    cell.number_format = number_format
                else:
                    cell.value = value
                    if r < len(grid.header):
                        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row, col, rows, cols in grid.merges:
            if rows > 1 or cols > 1:
                sheet.merge_cells(
                    start_row=top + row,
                    start_column=col + 1,
                    end_row=top + row + rows - 1,
                    end_column=col + cols,
                )
        last = top + len(grid.rows)
        for note in grid.notes:
            sheet.cell(last, 1, note).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
            last += 1
        for c in range(1, width + 1):
            sheet.column_dimensions[get_column_letter(c)].width = 14
        sheet.column_dimensions["A"].width = 30 if grid.key.startswith("公开") else 36
    buffer = io.BytesIO()
    book.save(buffer)
    return _stable_zip(buffer.getvalue())


def _fix_core_properties(props, doc: Rendered) -> None:
    import datetime as dt

    fixed = dt.datetime(doc.year, 1, 1)
    props.author = "perfbudget demo"
    props.last_modified_by = "perfbudget demo"
    props.title = doc.heading
    props.created = fixed
    props.modified = fixed
    props.revision = 1


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed member dates and a fixed 'modified' stamp (openpyxl writes
    the time of saving), so that the same figures always give the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>2025-01-01T00:00:00Z\g<2>", content)
            target.writestr(member, content)
    return buffer.getvalue()


FORMATS = ("txt", "docx", "xlsx")


def render(doc: Rendered, fmt: str) -> bytes:
    """The document as the bytes of a ``txt``, ``docx`` or ``xlsx`` file."""
    if fmt == "txt":
        return write_text(doc).encode("utf-8")
    if fmt == "docx":
        return write_docx(doc)
    if fmt == "xlsx":
        return write_xlsx(doc)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


# ---------------------------------------------------------------------------------------------
# Public entry points


def generate(
    department: str = DEMO_DEPARTMENT,
    year: int = 2025,
    seed: int = 0,
    *,
    stage: str = "预算",
    plant_error: bool = False,
) -> Rendered:
    """One fictional document: a department-year's budget (预算) or final accounts (决算)."""
    dy = department_year(department, year, seed, stage=stage, plant_error=plant_error)
    return budget_document(dy) if stage == "预算" else final_document(dy)


def demo_documents() -> tuple[Rendered, Rendered]:
    """The demo department: its 2025 budget (no error) and 2024 final accounts (one planted error)."""
    budget = budget_document(department_year(DEMO_DEPARTMENT, 2025, 0, stage="预算"))
    final_figures = department_year(DEMO_DEPARTMENT, 2024, 0, stage="决算", plant_error=True)
    final_figures.error_code, final_figures.error_delta = DEMO_ERROR_CODE, DEMO_ERROR_DELTA
    return budget, final_document(final_figures)


def demo_planted() -> PlantedError:
    """The one error planted in the demo's final accounts."""
    return demo_documents()[1].planted[0]


DEMO_FILES = ("budget-2025.txt", "final-2024.docx", "final-2024.xlsx")


def build_demo(out: Path = FILES) -> list[Path]:
    """Write the demo's files (``budget-2025.txt``, ``final-2024.docx``, ``final-2024.xlsx``)."""
    budget, final = demo_documents()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in zip(DEMO_FILES, (budget, final, final), strict=True):
        path = out / name
        path.write_bytes(render(doc, name.rsplit(".", 1)[1]))
        written.append(path)
    return written


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    department: str
    year: int
    stage: str
    format: str
    seed: int
    planted: tuple[PlantedError, ...]


_CITIES = [
    "青川",
    "云岭",
    "石门",
    "临溪",
    "白河",
    "望江",
    "松原北",
    "南屏",
    "金沙",
    "长宁",
    "东阳湖",
    "柳州湾",
]


def corpus(
    out: Path,
    count: int,
    *,
    seed: int = 1,
    formats: Sequence[str] = FORMATS,
    error_rate: float = 0.0,
    years: Sequence[int] = (2021, 2022, 2023, 2024, 2025),
) -> list[CorpusFile]:
    """Write ``count`` varied fictional documents under ``out`` (budgets and final accounts of
    invented 生态环境局, cycling through ``formats``); a fraction ``error_rate`` of them carry
    one planted error. Deterministic for a given ``seed``."""
    rng = random.Random(f"corpus|{seed}")
    out.mkdir(parents=True, exist_ok=True)
    files: list[CorpusFile] = []
    for index in range(count):
        city = _CITIES[index % len(_CITIES)]
        department = f"{city}{'市' if index % 3 else '县'}生态环境局"
        year = years[rng.randrange(len(years))]
        stage = "预算" if index % 2 == 0 else "决算"
        fmt = formats[index % len(formats)]
        doc_seed = seed * 100_000 + index + 1
        doc = generate(department, year, doc_seed, stage=stage, plant_error=rng.random() < error_rate)
        kind = "budget" if stage == "预算" else "final"
        path = out / f"{index:05d}-{department}-{year}-{kind}.{fmt}"
        path.write_bytes(render(doc, fmt))
        files.append(CorpusFile(path, department, year, stage, fmt, doc_seed, tuple(doc.planted)))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the demo department's files, or a corpus of fictional ones."
    )
    parser.add_argument("--out", type=Path, default=None, help="folder (default: the package's demo/files)")
    parser.add_argument("--corpus", type=int, default=0, metavar="N", help="write N varied documents instead")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", type=float, default=0.0)
    args = parser.parse_args(argv)
    if args.corpus:
        files = corpus(args.out or Path("corpus"), args.corpus, seed=args.seed, error_rate=args.error_rate)
        print(f"{len(files)} documents in {args.out or Path('corpus')}")
        return 0
    for path in build_demo(args.out or FILES):
        print(path)
    print(demo_planted().describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
