"""文件: the list of documents and one document rendered table by table, as printed."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.core.cache import cache
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from perfbudget.serve.web import access
from perfbudget.serve.web.figures import stored_total
from perfbudget.serve.web.printed import SEVERITY_ORDER, FindingIndex, render_table
from perfbudget.serve.web.views.common import (
    filter_documents,
    paginate,
    query_without_page,
)
from perfbudget.serve.web.views.errors import refuse
from perfbudget.store import models as db

FORMATS = {
    "text": "文本",
    "docx": "Word",
    "doc": "Word（.doc）",
    "xlsx": "Excel",
    "xls": "Excel（.xls）",
    "pdf": "PDF",
}
FAMILIES = {
    "budget_disclosure": "部门预算公开",
    "final_account_disclosure": "部门决算公开",
    "performance": "绩效文件",
    "unknown": "未识别",
}


def document_list(request):
    form, documents = filter_documents(request, access.documents_for(request.user))
    published = request.GET.get("published")
    if published in {"1", "0"} and access.sees_internal(request.user):
        documents = documents.filter(published=published == "1")
    documents = documents.select_related("department", "imported_by").order_by(
        "department__name", "-fiscal_year", "file_name"
    )
    page = paginate(request, documents)
    for doc in page.object_list:  # counts and total as computed at import
        doc.errors, doc.warnings, doc.infos = doc.error_count, doc.warning_count, doc.info_count
        doc.total = stored_total(doc)
        doc.format_label = FORMATS.get(doc.format, doc.format)
    return render(
        request,
        "web/documents.html",
        {
            "section": "documents",
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "published": published or "",
        },
    )


def numbered_findings(document: db.Document) -> list[db.Finding]:
    findings = sorted(
        document.findings.select_related("reviewer"),
        key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.origin != "reader", f.order),
    )
    for number, finding in enumerate(findings, start=1):
        finding.number = number
        finding.anchor = finding_anchor(finding)
    return findings


def finding_anchor(finding: db.Finding) -> str:
    from perfbudget.serve.web.printed import cell_anchor, row_anchor

    if finding.table_ident and finding.row_index is not None:
        if finding.column_key:
            return cell_anchor(finding.table_ident, finding.row_index, finding.column_key)
        return row_anchor(finding.table_ident, finding.row_index)
    if finding.table_ident:
        return f"t-{finding.table_ident}"
    return f"f-{finding.pk}"


PRINTED_VERSION = 1  # bump when render_table or the document_toc/document_tables templates change


def printed_tables(document: db.Document, findings: list[db.Finding]) -> dict[str, object]:
    """The document's tables as printed (table of contents and tables, HTML), with their count.

    A stored document never changes (tables, rows and findings are written once by its import;
    reviews change a finding's status, which the tables do not show), and the tables are the same
    for every reader who may see the document: they are kept in the cache under the document's id,
    content hash and import time.
    """
    source_url = reverse("web:source", args=[document.pk])
    key = (
        f"perfbudget:printed:{PRINTED_VERSION}:{document.pk}:{document.sha256}:"
        f"{document.imported_at.isoformat()}:{source_url}"
    )
    cached = cache.get(key)
    if cached is not None:
        return cached
    tables = list(document.tables.all())
    rows_by_table = defaultdict(list)
    for row in db.Row.objects.filter(table__document=document).order_by("table_id", "index"):
        rows_by_table[row.table_id].append(row)
    index = FindingIndex.build((f.number, f) for f in findings)
    per_table = Counter()
    worst: dict[str, str] = {}
    for f in findings:  # sorted worst first
        if f.table_ident:
            per_table[f.table_ident] += 1
            worst.setdefault(f.table_ident, f.severity)
    printed = []
    for table in tables:
        layout = render_table(table, rows_by_table[table.pk], index, source_url)
        layout.findings = per_table.get(table.ident, 0)
        layout.worst = worst.get(table.ident, "")
        printed.append(layout)
    context = {"tables": printed}
    result = {
        "table_count": len(printed),
        "toc_html": mark_safe(render_to_string("web/partials/document_toc.html", context)),
        "tables_html": mark_safe(render_to_string("web/partials/document_tables.html", context)),
    }
    cache.set(key, result, timeout=None)
    return result


def document_page(request, pk: int):
    document = access.document_for(request.user, pk)
    findings = numbered_findings(document)
    counts = Counter(f.severity for f in findings)
    return render(
        request,
        "web/document.html",
        {
            "section": "documents",
            "document": document,
            "format_label": FORMATS.get(document.format, document.format),
            "family_label": FAMILIES.get(document.family, document.family),
            **printed_tables(document, findings),
            "findings": findings,
            "main_findings": [f for f in findings if f.severity != "info"],
            "info_findings": [f for f in findings if f.severity == "info"],
            "counts": counts,
            "total": stored_total(document),
            "paragraphs": document.paragraphs.all(),
            "can_publish": access.can_publish(request.user),
            "has_original": db.Original.objects.filter(sha256=document.sha256, data__isnull=False).exists(),
        },
    )


@require_POST
def publish(request, pk: int):
    if not access.can_publish(request.user):
        return refuse(request, "只有财政复核人员和管理员可以发布文件。")
    document = access.document_for(request.user, pk)
    document.published = request.POST.get("published") == "1"
    document.published_at = timezone.now() if document.published else None
    document.save(update_fields=["published", "published_at"])
    return redirect("web:document", pk=document.pk)
