"""检索: table row names (科目、项目名称), table titles and prose paragraphs of the visible documents."""

from __future__ import annotations

from django.shortcuts import render

from perfbudget.serve.web import access
from perfbudget.store import models as db

LIMIT = 200
MIN_LENGTH = 2


def search_page(request):
    query = " ".join((request.GET.get("q") or "").split())[:100]
    context = {"section": "search", "q": query, "searched": False}
    if len(query) >= MIN_LENGTH:
        visible = access.documents_for(request.user).values("pk")
        rows = (
            db.Row.objects.filter(table__document__in=visible, label__icontains=query)
            .select_related("table", "table__document", "table__document__department")
            .defer("table__document__model_json")
            .order_by("table__document__department__name", "-table__document__fiscal_year", "table__document_id", "table__order", "index")
        )
        tables = (
            db.Table.objects.filter(document__in=visible, title__icontains=query)
            .select_related("document", "document__department")
            .defer("document__model_json")
            .order_by("document__department__name", "-document__fiscal_year", "document_id", "order")
        )
        paragraphs = (
            db.Paragraph.objects.filter(document__in=visible, text__icontains=query)
            .select_related("document", "document__department")
            .defer("document__model_json")
            .order_by("document__department__name", "-document__fiscal_year", "document_id", "order")
        )
        row_hits = list(rows[: LIMIT + 1])
        paragraph_hits = list(paragraphs[: LIMIT + 1])
        for row in row_hits:
            row.figure = _first_figure(row)
        context.update(
            searched=True,
            rows=row_hits[:LIMIT],
            rows_more=len(row_hits) > LIMIT,
            tables=list(tables[:50]),
            paragraphs=paragraph_hits[:LIMIT],
            paragraphs_more=len(paragraph_hits) > LIMIT,
        )
    elif query:
        context["too_short"] = True
    return render(request, "web/search.html", context)


def _first_figure(row: db.Row) -> str:
    """The row's first amount as printed (the 合计 column comes first in most tables)."""
    measures = [c["key"] for c in row.table.columns if c.get("measure") and (not row.side or c.get("side") in (None, row.side))]
    for key in measures:
        cell = (row.cells or {}).get(key)
        if cell and cell.get("text"):
            return cell["text"]
    return ""
