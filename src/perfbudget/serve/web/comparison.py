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
        split = [{"name": label, "data": data(key)} for key, label in (("basic", "基本支出"), ("project", "项目支出"))]
        vehicle_parts = ("3p:vehicle_purchase", "3p:vehicle_operation")
        parts = ["3p:abroad", *(vehicle_parts if any(k in by_key for k in vehicle_parts) else ("3p:vehicles",)), "3p:reception"]
        three = [{"name": by_key[k].label.removeprefix("其中："), "data": data(k)} for k in parts if k in by_key]
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


def build(user, mode: str, stage: str, department: int | None, year: int | None, departments: list[int]) -> Comparison:
    documents = access.documents_for(user).filter(stage=stage, department__isnull=False, fiscal_year__isnull=False)
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
        MetricRow(key, labels[key], key.split(":")[0] if ":" in key else "spend", [m.values.get(key) for m in metrics])
        for key in order
    ]
