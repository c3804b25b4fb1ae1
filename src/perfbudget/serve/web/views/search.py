"""检索: table row names (科目、项目名称), table titles, prose paragraphs, performance projects
(name or code) and indicators (三级指标) of the visible documents."""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse

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
            .order_by(
                "table__document__department__name",
                "-table__document__fiscal_year",
                "table__document_id",
                "table__order",
                "index",
            )
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
        projects = (
            db.Project.objects.filter(document__in=visible)
            .filter(Q(name__icontains=query) | Q(code__icontains=query))
            .select_related("department", "document")
            .defer("document__model_json")
            .order_by("department__name", "-year", "document_id", "form_index")
        )
        indicators = (
            db.Indicator.objects.filter(document__in=visible, level3__icontains=query)
            .select_related(
                "project", "department_target", "self_evaluation", "document", "document__department"
            )
            .defer("document__model_json")
            .order_by("document__department__name", "-document__fiscal_year", "document_id", "pk")
        )
        project_hits = list(projects[: LIMIT + 1])
        indicator_hits = list(indicators[: LIMIT + 1])
        for item in indicator_hits:
            item.form_url, item.form_name = _indicator_form(item)
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
            projects=project_hits[:LIMIT],
            projects_more=len(project_hits) > LIMIT,
            indicators=indicator_hits[:LIMIT],
            indicators_more=len(indicator_hits) > LIMIT,
        )
    elif query:
        context["too_short"] = True
    return render(request, "web/search.html", context)


def _first_figure(row: db.Row) -> str:
    """The row's first amount as printed (the 合计 column comes first in most tables)."""
    measures = [
        c["key"]
        for c in row.table.columns
        if c.get("measure") and (not row.side or c.get("side") in (None, row.side))
    ]
    for key in measures:
        cell = (row.cells or {}).get(key)
        if cell and cell.get("text"):
            return cell["text"]
    return ""


def _indicator_form(item: db.Indicator) -> tuple[str, str]:
    """The page of the form an indicator belongs to, and that form's name."""
    if item.project_id:
        return reverse("web:project", args=[item.project_id]), item.project.name
    if item.department_target_id:
        target = item.department_target
        return reverse("web:department_target", args=[target.pk]), f"{target.unit_name or '部门'}整体绩效目标"
    evaluation = item.self_evaluation
    return reverse("web:self_evaluation", args=[evaluation.pk]), f"{evaluation.unit_name or '单位'}绩效自评"
