"""总览: departments × years, with document counts, total expenditure and findings by severity."""

from __future__ import annotations

from collections import defaultdict

from django.shortcuts import render
from django.urls import reverse

from perfbudget.serve.web import access
from perfbudget.serve.web.figures import SUMMARY_FIELDS, stored_total
from perfbudget.serve.web.views.common import filter_documents, region_of


def home(request):
    form, documents = filter_documents(request, access.documents_for(request.user))
    # finding counts and totals were computed at import (Document.*_count, total_*)
    documents = list(
        documents.select_related("department").only("department", "fiscal_year", "stage", *SUMMARY_FIELDS)
    )
    groups: dict[tuple, dict] = defaultdict(
        lambda: {"documents": [], "errors": 0, "warnings": 0, "infos": 0, "totals": []}
    )
    for doc in documents:
        key = (doc.department.name if doc.department else "", doc.fiscal_year or 0, doc.stage)
        group = groups[key]
        group["department"] = doc.department
        group["documents"].append(doc)
        group["errors"] += doc.error_count
        group["warnings"] += doc.warning_count
        group["infos"] += doc.info_count
        total = stored_total(doc)
        if total is not None and total.text and total.text not in {t.text for t in group["totals"]}:
            group["totals"].append(total)
    rows = []
    for (name, year, stage), group in sorted(
        groups.items(), key=lambda kv: (kv[0][0] == "", kv[0][0], -kv[0][1], kv[0][2])
    ):
        department = group["department"]
        query = {"year": year or "", "stage": stage}
        if department is not None:
            query["department"] = department.pk
        encoded = "&".join(f"{k}={v}" for k, v in query.items() if v != "")
        rows.append(
            {
                "department": department,
                "name": name or "（未识别部门）",
                "region": region_of(department),
                "year": year or None,
                "stage": stage,
                "count": len(group["documents"]),
                "single": group["documents"][0] if len(group["documents"]) == 1 else None,
                "totals": group["totals"],
                "errors": group["errors"],
                "warnings": group["warnings"],
                "infos": group["infos"],
                "documents_url": f"{reverse('web:documents')}?{encoded}",
                "findings_url": f"{reverse('web:findings')}?{encoded}",
            }
        )
    summary = {
        "departments": len({r["department"].pk for r in rows if r["department"] is not None}),
        "documents": len(documents),
        "errors": sum(r["errors"] for r in rows),
        "warnings": sum(r["warnings"] for r in rows),
    }
    return render(
        request, "web/home.html", {"section": "home", "form": form, "rows": rows, "summary": summary}
    )
