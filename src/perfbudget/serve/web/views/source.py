"""Where a figure came from: the excerpt of the original around its line, and the original itself."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from perfbudget.serve.web import access
from perfbudget.serve.web.originals import excerpt, original_bytes
from perfbudget.store import models as db


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        return None


def source_excerpt(request, pk: int):
    """``?t=t3&r=0&c=total``: a cell (or a row without ``c``); ``?line=12&page=3``: a place."""
    document = access.document_for(request.user, pk)
    table = row = None
    cell: dict | None = None
    line, page, sheet = _int(request.GET.get("line")), _int(request.GET.get("page")), None
    ident = request.GET.get("t")
    if ident:
        table = document.tables.filter(ident=ident).first()
        if table is None:
            raise Http404("没有这张表")
        sheet = table.sheet or None
        line, page = table.line, table.page
        row = table.rows.filter(index=_int(request.GET.get("r")) or 0).first()
        if row is not None:
            line, page = row.line or line, row.page or page
            column = request.GET.get("c")
            cell = (row.cells or {}).get(column) if column else None
            if cell is not None:
                line = cell.get("line") or line
                page = cell.get("page") or page
                cell = {**cell, "column": _column_title(table, column, row.side)}
    context = {
        "document": document,
        "table": table,
        "row": row,
        "cell": cell,
        "excerpt": excerpt(document, line, page, sheet),
    }
    template = "web/partials/source.html" if request.headers.get("HX-Request") else "web/source.html"
    return render(request, template, {"section": "documents", **context})


def _column_title(table: db.Table, key: str, side: str | None) -> str:
    for column in table.columns:
        if column["key"] == key and (not side or column.get("side") in (None, side)):
            return " / ".join(h for h in column.get("header") or [] if h) or key
    return key


def download_original(request, pk: int):
    document = access.document_for(request.user, pk)
    data = original_bytes(document)
    if data is None:
        raise Http404("原始文件未保存")
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = _attachment(document.file_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _attachment(name: str) -> str:
    from urllib.parse import quote

    ascii_name = name.encode("ascii", "ignore").decode() or "original"
    ascii_name = ascii_name.replace('"', "").replace("\\", "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
