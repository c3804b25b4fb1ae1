"""Headline figures of stored documents: the total, the 基本/项目 split, 功能分类 classes, 三公经费.

All amounts are exact :class:`~decimal.Decimal` s read from the cells' exact values (never floats)
and brought to 万元, the unit nearly every disclosure prints.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from perfbudget.store import models as db

UNIT = "万元"
_TO_WAN = {"万元": Decimal(1), "元": Decimal("0.0001"), "千元": Decimal("0.1"), "亿元": Decimal(10000)}
EXPENDITURE_KINDS = ("expenditure", "general_budget_expenditure")  # in order of preference

THREE_PUBLIC_PARTS = (
    ("total", "“三公”经费合计"),
    ("abroad", "因公出国（境）费"),
    ("vehicles", "公务用车购置及运行费"),
    ("vehicle_purchase", "其中：公务用车购置费"),
    ("vehicle_operation", "其中：公务用车运行维护费"),
    ("reception", "公务接待费"),
)


def factor(unit: str | None) -> Decimal:
    return _TO_WAN.get((unit or UNIT).strip(), Decimal(1))


def exact(cell: dict | None) -> Decimal | None:
    if not cell:
        return None
    value = cell.get("value")
    if value is None:
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError):
        return None


def in_wan(value: Decimal | None, unit: str | None) -> Decimal | None:
    if value is None:
        return None
    f = factor(unit)
    return value if f == 1 else (value * f).normalize()


@dataclass(frozen=True)
class Total:
    text: str  # as printed
    value: Decimal | None  # in 万元
    unit: str  # the printed unit
    table: str  # the table ident it comes from
    anchor: str  # cell anchor on the document page


def stored_total(document: db.Document) -> Total | None:
    """The document's total as stored at import (what :func:`document_totals` finds), without a query.

    ``value`` is left out (None): the pages show the printed text.
    """
    if not document.total_anchor:
        return None
    return Total(document.total_text, None, document.total_unit, document.total_table, document.total_anchor)


# the Document columns :func:`stored_total` and the severity counts read (for ``.only()``)
SUMMARY_FIELDS = (
    "total_text",
    "total_unit",
    "total_table",
    "total_anchor",
    "error_count",
    "warning_count",
    "info_count",
)


def document_totals(document_ids: Iterable[int]) -> dict[int, Total]:
    """Each document's 支出总表 合计 (or, without one, the 收支总表's 本年支出合计)."""
    ids = list(document_ids)
    if not ids:
        return {}
    candidates = (
        db.Row.objects.filter(
            table__document__in=ids,
            role="total",
            table__kind__in=("expenditure", "income_expenditure_summary"),
        )
        .order_by("table__order", "index")
        .values_list(
            "table__document_id",
            "table__kind",
            "table__ident",
            "table__unit",
            "label",
            "side",
            "index",
            "cells",
        )
    )
    found: dict[int, tuple[int, Total]] = {}
    for doc_id, kind, ident, unit, label, side, index, cells in candidates.iterator():
        if kind == "expenditure":
            rank = 0
        elif side == "expenditure" and "支出合计" in label:
            rank = 1
        else:
            continue
        cell = (cells or {}).get("total")
        if not cell or (doc_id in found and found[doc_id][0] <= rank):
            continue
        from perfbudget.serve.web.printed import cell_anchor

        found[doc_id] = (
            rank,
            Total(
                cell.get("text") or "",
                in_wan(exact(cell), unit),
                unit or "",
                ident,
                cell_anchor(ident, index, "total"),
            ),
        )
    return {doc_id: total for doc_id, (_, total) in found.items()}


@dataclass
class Metrics:
    """A document's figures for comparison, in 万元; keys such as ``total``, ``func:211``, ``3p:abroad``."""

    values: dict[str, Decimal | None] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def document_metrics(document: db.Document) -> Metrics:
    metrics = Metrics()
    tables = {
        t.kind: t
        for t in document.tables.filter(kind__in=(*EXPENDITURE_KINDS, "three_public")).order_by("-order")
    }
    expenditure = next((tables[k] for k in EXPENDITURE_KINDS if k in tables), None)
    if expenditure is not None:
        _expenditure(expenditure, metrics)
    if "three_public" in tables:
        _three_public(tables["three_public"], document.stage, metrics)
    return metrics


def _expenditure(table: db.Table, metrics: Metrics) -> None:
    unit = table.unit
    for row in table.rows.all():
        if row.role == "total" and "total" not in metrics.values:
            for key, label in (("total", "支出合计"), ("basic", "基本支出"), ("project", "项目支出")):
                metrics.values[key] = in_wan(exact(row.cells.get(key if key != "total" else "total")), unit)
                metrics.labels[key] = label
        elif row.level == 1 and row.code and len(row.code) == 3:
            key = f"func:{row.code}"
            if key not in metrics.values:
                metrics.values[key] = in_wan(exact(row.cells.get("total")), unit)
                metrics.labels[key] = f"{row.code} {row.label}"


def _three_part(label: str) -> str | None:
    if "合计" in label or "总计" in label:
        return "total"
    if "出国" in label:
        return "abroad"
    if "接待" in label:
        return "reception"
    if "购置及运行" in label or "购置和运行" in label:
        return "vehicles"
    if "购置" in label:
        return "vehicle_purchase"
    if "运行" in label:
        return "vehicle_operation"
    return None


def _three_public(table: db.Table, stage: str, metrics: Metrics) -> None:
    unit = table.unit
    keys = {c["key"] for c in table.columns}
    rows = list(table.rows.all())
    prefix = next((p for p in ("final.", "budget.", "") if f"{p}total" in keys), None)
    if stage != "决算" and prefix == "final." and "budget.total" in keys:
        prefix = "budget."
    if prefix is not None and any(f"{prefix}{part}" in keys for part, _ in THREE_PUBLIC_PARTS[1:]):
        # one row, one column per part (决算 layout)
        row = next((r for r in rows if any(k.startswith(prefix) for k in r.cells)), None)
        if row is not None:
            for part, label in THREE_PUBLIC_PARTS:
                metrics.values[f"3p:{part}"] = in_wan(exact(row.cells.get(f"{prefix}{part}")), unit)
                metrics.labels[f"3p:{part}"] = label
        return
    column = "total" if "total" in keys else next((c["key"] for c in table.columns if c.get("measure")), None)
    if column is None:
        return
    seen: dict[str, Decimal | None] = {}
    for row in rows:
        part = _three_part(row.label)
        if part and part not in seen:
            seen[part] = in_wan(exact(row.cells.get(column)), unit)
    for part, label in THREE_PUBLIC_PARTS:
        if part in seen:
            metrics.values[f"3p:{part}"] = seen[part]
            metrics.labels[f"3p:{part}"] = label


def group_by(items: Iterable, key) -> dict:
    grouped: dict = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped
