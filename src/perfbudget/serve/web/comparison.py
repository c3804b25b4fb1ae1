"""Compare departments and years: one department across years, or several departments in one year."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q

from perfbudget.serve.web import access
from perfbudget.serve.web.figures import THREE_PUBLIC_PARTS, UNIT, Metrics, document_metrics
from perfbudget.store import models as db

GROUPS = (("total", "支出"), ("func", "按功能分类（类）"), ("3p", "“三公”经费"))


@dataclass
class Series:
    label: str
    document: db.Document


@dataclass
class MetricRow:
    key: str
    label: str
    group: str
    values: list[Decimal | None]


@dataclass
class Comparison:
    title: str
    series: list[Series] = field(default_factory=list)
    rows: list[MetricRow] = field(default_factory=list)
    unit: str = UNIT

    @property
    def empty(self) -> bool:
        return not self.series

    def chart_data(self) -> dict:
        """For the charts (display only): amounts as exact decimal strings, ECharts reads them."""
        by_key = {r.key: r for r in self.rows}

        def data(key):
            row = by_key.get(key)
            return [None if v is None else str(v) for v in row.values] if row else [None] * len(self.series)

        functional = [{"name": r.label, "data": data(r.key)} for r in self.rows if r.key.startswith("func:")]
        split = [
            {"name": label, "data": data(key)}
            for key, label in (("basic", "基本支出"), ("project", "项目支出"))
        ]
        vehicle_parts = ("3p:vehicle_purchase", "3p:vehicle_operation")
        parts = [
            "3p:abroad",
            *(vehicle_parts if any(k in by_key for k in vehicle_parts) else ("3p:vehicles",)),
            "3p:reception",
        ]
        three = [
            {"name": by_key[k].label.removeprefix("其中："), "data": data(k)} for k in parts if k in by_key
        ]
        return {
            "categories": [s.label for s in self.series],
            "functional": functional,
            "split": split,
            "three": three,
            "unit": self.unit,
        }

    def table(self) -> list[list]:
        """The comparison as a grid: a header row, then one row per figure (exact decimals)."""
        grid: list[list] = [[f"项目（{self.unit}）", *(s.label for s in self.series)]]
        for row in self.rows:
            grid.append([row.label, *row.values])
        grid.append(["数据来源", *(s.document.file_name for s in self.series)])
        return grid

    def csv(self) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out)
        for line in self.table():
            writer.writerow(["" if v is None else str(v) for v in line])
        return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM lets Excel read UTF-8

    def xlsx(self) -> bytes:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill

        book = Workbook()
        sheet = book.active
        sheet.title = "对比"
        sheet.append([self.title])
        sheet["A1"].font = Font(bold=True, size=13)
        for line in self.table():
            sheet.append(line)
        header = 2
        for cell in sheet[header]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="E8EEF6")
            cell.alignment = Alignment(horizontal="center")
        for row in sheet.iter_rows(min_row=header + 1, min_col=2):
            for cell in row:
                if isinstance(cell.value, Decimal):
                    cell.number_format = "#,##0.00"
        sheet.column_dimensions["A"].width = 34
        for index in range(2, len(self.series) + 2):
            sheet.column_dimensions[sheet.cell(row=header, column=index).column_letter].width = 18
        sheet.freeze_panes = "B3"
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


def representative(documents) -> dict:
    """One document per (department, year, stage): fewest errors, published first, latest import."""
    ranked = documents.annotate(errors=Count("findings", filter=Q(findings__severity="error"))).order_by(
        "errors", "-published", "-imported_at", "pk"
    )
    chosen: dict = {}
    for doc in ranked.select_related("department").defer("model_json"):
        chosen.setdefault((doc.department_id, doc.fiscal_year, doc.stage), doc)
    return chosen


def build(
    user, mode: str, stage: str, department: int | None, year: int | None, departments: list[int]
) -> Comparison:
    documents = access.documents_for(user).filter(
        stage=stage, department__isnull=False, fiscal_year__isnull=False
    )
    if mode == "department":
        documents = documents.filter(department_id=department)
        chosen = sorted(representative(documents).values(), key=lambda d: d.fiscal_year)
        name = chosen[0].department.name if chosen else ""
        comparison = Comparison(f"{name} 历年{stage}对比", [Series(f"{d.fiscal_year}年", d) for d in chosen])
    else:
        documents = documents.filter(fiscal_year=year)
        if departments:
            documents = documents.filter(department_id__in=departments)
        chosen = sorted(representative(documents).values(), key=lambda d: d.department.name)
        comparison = Comparison(f"{year}年 各部门{stage}对比", [Series(d.department.name, d) for d in chosen])
    metrics = [document_metrics(s.document) for s in comparison.series]
    comparison.rows = _rows(metrics)
    return comparison


def _rows(metrics: list[Metrics]) -> list[MetricRow]:
    labels: dict[str, str] = {}
    for m in metrics:
        for key, label in m.labels.items():
            labels.setdefault(key, label)
    order = [k for k in ("total", "basic", "project") if k in labels]
    order += sorted(k for k in labels if k.startswith("func:"))
    order += [f"3p:{part}" for part, _ in THREE_PUBLIC_PARTS if f"3p:{part}" in labels]
    return [
        MetricRow(
            key,
            labels[key],
            key.split(":")[0] if ":" in key else "spend",
            [m.values.get(key) for m in metrics],
        )
        for key in order
    ]


# --- 指标结构: how many indicators of each 一级/二级 category each department-year sets ----------


@dataclass
class MixRow:
    department: str
    year: int | None
    counts: dict[tuple[str, str], int]

    @property
    def label(self) -> str:
        return f"{self.department} {self.year}年" if self.year else self.department

    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class IndicatorMix:
    categories: list[tuple[str, list[str]]] = field(default_factory=list)  # 一级 → its 二级, most used first
    rows: list[MixRow] = field(default_factory=list)

    def grid(self) -> list[dict]:
        """Per row: the counts in column order, the subtotal of each 一级 and the total."""
        out = []
        for row in self.rows:
            cells: list[tuple[int, bool]] = []  # (count, is a subtotal)
            for level1, level2s in self.categories:
                counts = [row.counts.get((level1, level2), 0) for level2 in level2s]
                cells.extend((n, False) for n in counts)
                cells.append((sum(counts), True))
            out.append({"label": row.label, "cells": cells, "total": row.total()})
        return out

    def chart_data(self) -> dict:
        return {
            "categories": [row.label for row in self.rows],
            "series": [
                {
                    "name": level1,
                    "data": [sum(row.counts.get((level1, l2), 0) for l2 in level2s) for row in self.rows],
                }
                for level1, level2s in self.categories
            ],
        }


UNLABELLED = "（未标明）"


def indicator_mix(
    indicators, *, owner: str | None = None, department: int | None = None, year: int | None = None
):
    """Counts of ``indicators`` (already limited to what the user may see) per department-year and
    一级/二级 category; ``owner`` limits them to one kind of form (project, department_target,
    self_evaluation)."""
    from django.db.models.functions import Coalesce

    owners = ("project", "department_target", "self_evaluation")
    if owner in owners:
        indicators = indicators.filter(**{f"{owner}__isnull": False})
    indicators = indicators.annotate(
        dept=Coalesce(*(f"{o}__department_id" for o in owners)),
        yr=Coalesce(*(f"{o}__year" for o in owners)),
    )
    if department is not None:
        indicators = indicators.filter(dept=department)
    if year is not None:
        indicators = indicators.filter(yr=year)
    counted = indicators.order_by().values("dept", "yr", "level1", "level2").annotate(n=Count("pk"))
    names = dict(db.Department.objects.values_list("pk", "name"))
    rows: dict[tuple, MixRow] = {}
    by_level1: dict[str, dict[str, int]] = {}
    for item in counted:
        key = (item["dept"], item["yr"])
        row = rows.setdefault(key, MixRow(names.get(item["dept"], "（未识别部门）"), item["yr"], {}))
        level1 = item["level1"] or UNLABELLED
        level2 = item["level2"] or UNLABELLED
        row.counts[(level1, level2)] = row.counts.get((level1, level2), 0) + item["n"]
        level2s = by_level1.setdefault(level1, {})
        level2s[level2] = level2s.get(level2, 0) + item["n"]
    categories = [
        (level1, [name for name, _ in sorted(level2s.items(), key=lambda kv: (-kv[1], kv[0]))])
        for level1, level2s in sorted(by_level1.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    ]
    ordered = sorted(
        rows.values(), key=lambda r: (r.department == "（未识别部门）", r.department, -(r.year or 0))
    )
    return IndicatorMix(categories, ordered)
