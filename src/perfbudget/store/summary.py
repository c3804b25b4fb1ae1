"""Per-document figures the list pages show, computed once when a document is stored.

A stored document never changes (its tables, rows and findings are written once, in the import's
transaction), so its headline total and its finding counts by severity are kept on the
:class:`~perfbudget.store.models.Document` row instead of being recomputed on every page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

TOTAL_KINDS = ("expenditure", "income_expenditure_summary")


def cell_anchor(table_ident: str, row: int, column: str) -> str:
    """The id of a cell on the document page (as :func:`perfbudget.serve.web.printed.cell_anchor`)."""
    return f"c-{table_ident}-{row}-{column}"


def document_total(rows: Iterable[tuple]) -> dict[str, str]:
    """The 支出总表 合计 (or, without one, the 收支总表's 本年支出合计) as printed.

    ``rows``: the document's total rows as ``(kind, ident, unit, label, side, index, cells)`` in
    table order then row order. Returns the ``total_*`` fields of the document (empty strings when
    there is none).
    """
    best: tuple[int, dict[str, str]] | None = None
    for kind, ident, unit, label, side, index, cells in rows:
        if kind == "expenditure":
            rank = 0
        elif kind == "income_expenditure_summary" and side == "expenditure" and "支出合计" in (label or ""):
            rank = 1
        else:
            continue
        cell = (cells or {}).get("total")
        if not cell or (best is not None and best[0] <= rank):
            continue
        best = (
            rank,
            {
                "total_text": cell.get("text") or "",
                "total_unit": unit or "",
                "total_table": ident,
                "total_anchor": cell_anchor(ident, index, "total"),
            },
        )
    return best[1] if best else {"total_text": "", "total_unit": "", "total_table": "", "total_anchor": ""}


def total_rows_of_model(tables: list[dict]) -> Iterable[tuple]:
    """The total rows of a model dump (``model_dump(mode="json")["tables"]``), for :func:`document_total`."""
    for t in tables:
        if t["kind"] not in TOTAL_KINDS:
            continue
        for index, r in enumerate(t["rows"]):
            if r["role"] == "total":
                yield t["kind"], t["id"], t["unit"] or "", r["label"], r["side"] or "", index, r["cells"]


def severity_fields(severities: Iterable[str]) -> dict[str, int]:
    counts = Counter(severities)
    return {"error_count": counts["error"], "warning_count": counts["warning"], "info_count": counts["info"]}
