"""Helpers shared by the page families: the document filters and pagination."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

from perfbudget.serve.web import access
from perfbudget.serve.web.forms import DocumentFilter
from perfbudget.store import models as db

_REGION = re.compile(r"^(.{2,8}?(?:自治区|自治州|省|市|县|区|州|盟|旗))")


def region_of(department: db.Department | None) -> str:
    """The department's region as entered by an administrator, else the place its name starts with."""
    if department is None:
        return ""
    if department.region:
        return department.region
    match = _REGION.match(department.name)
    return match.group(1) if match else ""


def filter_documents(request, documents: QuerySet[db.Document], form_class=DocumentFilter, **extra):
    """Apply region / department / year / stage from the query string; returns (form, documents)."""
    user = request.user
    visible = access.documents_for(user)
    departments = list(access.departments_for(user))
    years = sorted(
        {y for y in visible.order_by().values_list("fiscal_year", flat=True).distinct() if y is not None},
        reverse=True,
    )
    regions = sorted({r for r in (region_of(d) for d in departments) if r})
    form = form_class(request.GET or None, regions=regions, departments=departments, years=years, **extra)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("region"):
            wanted = [d.pk for d in departments if region_of(d) == data["region"]]
            documents = documents.filter(**{f"{_prefix(documents)}department__in": wanted})
        if data.get("department"):
            documents = documents.filter(**{f"{_prefix(documents)}department_id": int(data["department"])})
        if data.get("year"):
            documents = documents.filter(**{f"{_prefix(documents)}fiscal_year": int(data["year"])})
        if data.get("stage"):
            documents = documents.filter(**{f"{_prefix(documents)}stage": data["stage"]})
    return form, documents


def _prefix(queryset: QuerySet) -> str:
    return "document__" if queryset.model is not db.Document else ""


def paginate(request, queryset, per_page: int | None = None):
    paginator = Paginator(queryset, per_page or settings.PERFBUDGET_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def severity_counts() -> dict:
    """Annotations: error / warning / info findings of each document."""
    from django.db.models import Count

    return {
        name: Count("findings", filter=Q(findings__severity=severity))
        for name, severity in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
    }
