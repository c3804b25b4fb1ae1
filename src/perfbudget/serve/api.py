"""The JSON API (django-ninja), mounted at /api/: the same data and the same permissions as the pages.

Authentication: the browser session (write requests need the CSRF token, as on the pages) or
HTTP Basic with a user's name and password (for scripts). Lists are paginated
(``?page=2&page_size=100``, at most 500 per page). Amounts are exact decimal strings.
OpenAPI: /api/openapi.json; interactive docs: /api/docs.
"""


from datetime import datetime
from typing import Literal

from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBasicAuth, django_auth

from perfbudget.serve.web import access
from perfbudget.store import models as db


class BasicAuth(HttpBasicAuth):
    def authenticate(self, request, username: str, password: str):
        user = authenticate(request, username=username, password=password)
        if user is not None and user.is_active:
            request.user = user
            return user
        return None


api = NinjaAPI(
    title="perfbudget API",
    version="1",
    description="部门预决算公开文件、表格与审核发现。权限与网页相同：查阅人员只能看已发布的文件，"
    "部门财务人员看本部门的文件，财政复核人员与管理员看全部并可复核。",
    auth=[django_auth, BasicAuth()],
    urls_namespace="api",
    docs_decorator=login_required,
)


class Pages(PageNumberPagination):
    def __init__(self, **kwargs):
        super().__init__(page_size=50, max_page_size=500, **kwargs)


# --- schemas ---------------------------------------------------------------------------------


class DepartmentOut(Schema):
    id: int
    name: str
    region: str


class FindingCounts(Schema):
    error: int = 0
    warning: int = 0
    info: int = 0


class DocumentOut(Schema):
    id: int
    file_name: str
    sha256: str
    format: str
    family: str
    department: str | None
    department_id: int | None
    fiscal_year: int | None
    stage: str
    money_unit: str
    published: bool
    imported_at: datetime
    tables: int = 0
    url: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_tables(obj) -> int:
        return getattr(obj, "table_count", 0)

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/documents/{obj.pk}/"


class CellOut(Schema):
    text: str = ""
    value: str | None = Field(None, description="exact decimal string; null for an empty cell")
    line: int | None = None
    page: int | None = None


class RowOut(Schema):
    index: int
    label: str
    code: str
    code_system: str
    code_inferred: bool
    level: int | None
    role: str
    side: str
    group: str
    line: int | None
    page: int | None
    cells: dict[str, CellOut]


class ColumnOut(Schema):
    key: str
    header: list[str]
    side: str | None = None
    measure: bool = True


class TableSummary(Schema):
    id: int
    ident: str
    kind: str
    kind_name: str
    title: str
    label: str
    unit: str
    rows: int


class TableOut(Schema):
    id: int
    document_id: int
    ident: str
    kind: str
    kind_name: str
    title: str
    label: str
    unit: str
    columns: list[ColumnOut]
    header_rows: list[list[str]]
    notes: list[str]
    declared_empty: bool
    line: int | None
    page: int | None
    sheet: str
    rows: list[RowOut]


class FindingOut(Schema):
    id: int
    document_id: int
    origin: str
    rule: str
    severity: str
    message: str
    table: str
    row: int | None
    column: str
    figures: dict[str, str]
    cells: list[dict]
    status: str
    reviewer: str | None
    review_comment: str | None
    reviewed_at: datetime | None
    url: str

    @staticmethod
    def resolve_table(obj) -> str:
        return obj.table_ident

    @staticmethod
    def resolve_row(obj) -> int | None:
        return obj.row_index

    @staticmethod
    def resolve_column(obj) -> str:
        return obj.column_key

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/findings/{obj.pk}/"

    # review details are internal to the finance staff (not shown to viewers)
    @staticmethod
    def resolve_reviewer(obj, context) -> str | None:
        if not access.sees_internal(context["request"].user) or obj.reviewer is None:
            return None
        return obj.reviewer.get_username()

    @staticmethod
    def resolve_review_comment(obj, context) -> str | None:
        return obj.review_comment if access.sees_internal(context["request"].user) else None

    @staticmethod
    def resolve_reviewed_at(obj, context) -> datetime | None:
        return obj.reviewed_at if access.sees_internal(context["request"].user) else None


class ReviewIn(Schema):
    status: Literal["open", "confirmed", "dismissed"]
    comment: str = ""


class DocumentFilters(Schema):
    department: int | None = None
    year: int | None = None
    stage: str | None = None
    published: bool | None = None


class FindingFilters(Schema):
    document: int | None = None
    department: int | None = None
    year: int | None = None
    severity: Literal["error", "warning", "info"] | None = None
    rule: str | None = None
    status: Literal["open", "confirmed", "dismissed"] | None = None


# --- endpoints -------------------------------------------------------------------------------


@api.get("/me", tags=["users"], summary="当前用户与角色")
def me(request):
    department = access.department_of(request.user)
    return {
        "username": request.user.get_username(),
        "role": access.role_of(request.user),
        "department": department.name if department else None,
        "can_import": access.can_import(request.user),
        "can_review": access.can_review(request.user),
    }


@api.get("/departments", response=list[DepartmentOut], tags=["documents"], summary="部门")
@paginate(Pages)
def departments(request):
    return access.departments_for(request.user)


@api.get("/documents", response=list[DocumentOut], tags=["documents"], summary="文件")
@paginate(Pages)
def documents(request, filters: Query[DocumentFilters]):
    from django.db.models import Count

    docs = access.documents_for(request.user).select_related("department").annotate(table_count=Count("tables"))
    if filters.department is not None:
        docs = docs.filter(department_id=filters.department)
    if filters.year is not None:
        docs = docs.filter(fiscal_year=filters.year)
    if filters.stage:
        docs = docs.filter(stage=filters.stage)
    if filters.published is not None:
        docs = docs.filter(published=filters.published)
    return docs.order_by("pk")


@api.get("/documents/{document_id}", response=DocumentOut, tags=["documents"], summary="一个文件")
def document(request, document_id: int):
    from django.db.models import Count

    doc = get_object_or_404(
        access.documents_for(request.user).select_related("department").annotate(table_count=Count("tables")),
        pk=document_id,
    )
    return doc


@api.get("/documents/{document_id}/tables", response=list[TableSummary], tags=["tables"], summary="文件中的表格")
@paginate(Pages)
def document_tables(request, document_id: int):
    from django.db.models import Count

    doc = get_object_or_404(access.documents_for(request.user), pk=document_id)
    tables = doc.tables.annotate(row_count=Count("rows")).order_by("order")
    return [
        {
            "id": t.pk,
            "ident": t.ident,
            "kind": t.kind,
            "kind_name": t.kind_name,
            "title": t.title,
            "label": t.label,
            "unit": t.unit,
            "rows": t.row_count,
        }
        for t in tables
    ]


@api.get("/tables/{table_id}", response=TableOut, tags=["tables"], summary="一张表格（含各行与单元格）")
def table(request, table_id: int):
    t = get_object_or_404(
        db.Table.objects.filter(document__in=access.documents_for(request.user).values("pk")), pk=table_id
    )
    return {
        "id": t.pk,
        "document_id": t.document_id,
        "ident": t.ident,
        "kind": t.kind,
        "kind_name": t.kind_name,
        "title": t.title,
        "label": t.label,
        "unit": t.unit,
        "columns": t.columns,
        "header_rows": t.header_rows,
        "notes": t.notes,
        "declared_empty": t.declared_empty,
        "line": t.line,
        "page": t.page,
        "sheet": t.sheet,
        "rows": [
            {
                "index": r.index,
                "label": r.label,
                "code": r.code,
                "code_system": r.code_system,
                "code_inferred": r.code_inferred,
                "level": r.level,
                "role": r.role,
                "side": r.side,
                "group": r.group,
                "line": r.line,
                "page": r.page,
                "cells": r.cells,
            }
            for r in t.rows.order_by("index")
        ],
    }


@api.get("/findings", response=list[FindingOut], tags=["findings"], summary="审核发现")
@paginate(Pages)
def findings(request, filters: Query[FindingFilters]):
    found = access.findings_for(request.user).select_related("reviewer")
    if filters.document is not None:
        found = found.filter(document_id=filters.document)
    if filters.department is not None:
        found = found.filter(document__department_id=filters.department)
    if filters.year is not None:
        found = found.filter(document__fiscal_year=filters.year)
    for name in ("severity", "rule", "status"):
        value = getattr(filters, name)
        if value:
            found = found.filter(**{name: value})
    return found.order_by("pk")


@api.get("/findings/{finding_id}", response=FindingOut, tags=["findings"], summary="一条审核发现")
def finding(request, finding_id: int):
    f = get_object_or_404(access.findings_for(request.user).select_related("reviewer"), pk=finding_id)
    return f


@api.post("/findings/{finding_id}/review", response=FindingOut, tags=["findings"], summary="复核（确认或排除）")
def review(request, finding_id: int, payload: ReviewIn):
    if not access.can_review(request.user):
        raise HttpError(403, "只有财政复核人员和管理员可以复核审核发现。")
    f = get_object_or_404(access.findings_for(request.user).select_related("reviewer"), pk=finding_id)
    if payload.status == "dismissed" and not payload.comment.strip():
        raise HttpError(422, "排除一条审核发现时，请写明理由（comment）。")
    from perfbudget.serve.web.views.findings import record

    return record(f, request.user, payload.status, payload.comment)
