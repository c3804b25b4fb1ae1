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
from django.db import DataError
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
    description="部门预决算公开文件、表格与审核发现；绩效项目、整体绩效目标、绩效自评、绩效评价报告及其绩效指标。"
    "权限与网页相同：查阅人员只能看已发布的文件，部门财务人员看本部门的文件，财政复核人员与管理员看全部并可复核；"
    "一个项目（或目标、自评、报告）可见，当且仅当它所在的文件可见。",
    auth=[django_auth, BasicAuth()],
    urls_namespace="api",
    docs_decorator=login_required,
)


@api.exception_handler(OverflowError)
def _too_large(request, exc):
    # an id, a page or a year beyond what the database can hold: nothing can match it
    return api.create_response(request, {"detail": "数值超出范围。"}, status=422)


@api.exception_handler(DataError)
def _out_of_range(request, exc):
    return api.create_response(request, {"detail": "查询参数超出数据库可接受的范围。"}, status=422)


@api.exception_handler(ValueError)
def _bad_value(request, exc):
    if "NUL" not in str(exc):  # psycopg refuses NUL characters in a query parameter; anything else is a bug
        raise exc
    return api.create_response(request, {"detail": "查询参数含有不可用的字符。"}, status=422)


class Pages(PageNumberPagination):
    class Input(Schema):
        # bounded, so that no page number can overflow the database's LIMIT/OFFSET
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1, le=100_000)

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

    docs = (
        access.documents_for(request.user).select_related("department").annotate(table_count=Count("tables"))
    )
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


@api.get(
    "/documents/{document_id}/tables", response=list[TableSummary], tags=["tables"], summary="文件中的表格"
)
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


@api.post(
    "/findings/{finding_id}/review", response=FindingOut, tags=["findings"], summary="复核（确认或排除）"
)
def review(request, finding_id: int, payload: ReviewIn):
    if not access.can_review(request.user):
        raise HttpError(403, "只有财政复核人员和管理员可以复核审核发现。")
    f = get_object_or_404(access.findings_for(request.user).select_related("reviewer"), pk=finding_id)
    if payload.status == "dismissed" and not payload.comment.strip():
        raise HttpError(422, "排除一条审核发现时，请写明理由（comment）。")
    from perfbudget.serve.web.views.findings import record

    return record(f, request.user, payload.status, payload.comment)


# --- performance forms: projects, department targets, self-evaluations, evaluation reports, indicators ---
#
# A form is visible exactly when its document is. Figures are exact decimal strings (``amount``)
# next to the text as printed (``amount_text``); ``amount_wan`` is the annual amount in 万元.


def _exact(value) -> str | None:
    """A stored decimal as an exact string without the storage's trailing zeros."""
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class IndicatorOut(Schema):
    id: int
    document_id: int
    form: str = Field(description="project | department_target | self_evaluation")
    form_id: int
    order: int
    level1: str
    level1_inherited: bool
    level2: str
    level2_inherited: bool
    level3: str
    target_raw: str
    op: str
    number: str | None
    unit: str
    qualitative: str
    period: str
    actual_raw: str
    weight: str | None
    weight_text: str
    weight_level: str
    score: str | None
    score_text: str
    score_level: str
    not_applicable: bool
    line: int | None
    page: int | None

    @staticmethod
    def resolve_form(obj) -> str:
        return (
            "project"
            if obj.project_id
            else "department_target"
            if obj.department_target_id
            else "self_evaluation"
        )

    @staticmethod
    def resolve_form_id(obj) -> int:
        return obj.project_id or obj.department_target_id or obj.self_evaluation_id

    @staticmethod
    def resolve_number(obj) -> str | None:
        return _exact(obj.number)

    @staticmethod
    def resolve_weight(obj) -> str | None:
        return _exact(obj.weight)

    @staticmethod
    def resolve_score(obj) -> str | None:
        return _exact(obj.score)


class ProjectOut(Schema):
    id: int
    document_id: int
    department: str | None
    department_id: int | None
    year: int | None
    code: str
    name: str
    implementing_unit: str
    attribute: str
    term: str
    money_unit: str
    amount: str | None = Field(None, description="年度 (or the single 预算数) total, exact, in money_unit")
    amount_text: str
    term_amount: str | None = Field(None, description="实施期 total, exact, in money_unit")
    term_amount_text: str
    amount_wan: str | None = Field(None, description="the annual amount in 万元, exact")
    indicators: int
    form_index: int
    line: int | None
    url: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_amount(obj) -> str | None:
        return _exact(obj.amount)

    @staticmethod
    def resolve_term_amount(obj) -> str | None:
        return _exact(obj.term_amount)

    @staticmethod
    def resolve_amount_wan(obj) -> str | None:
        return _exact(obj.amount_wan)

    @staticmethod
    def resolve_indicators(obj) -> int:
        return obj.indicator_count

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/projects/{obj.pk}/"


class ProjectDetailOut(ProjectOut):
    funding: list[dict] = Field(description="per period: total, fiscal, central … as printed ({text, value})")
    spending_plan: dict | None = Field(None, description="cumulative % at the end of months 3, 6, 10, 12")
    goals: list[dict]
    quality_findings: list[int] = Field(description="ids of the target.* findings citing this project")
    indicator_list: list[IndicatorOut]


class DepartmentTargetOut(Schema):
    id: int
    document_id: int
    department: str | None
    year: int | None
    template: str
    unit_name: str
    budget_unit: str
    budget_total: str | None
    budget_total_text: str
    tasks: int
    indicators: int
    url: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_budget_total(obj) -> str | None:
        return _exact(obj.budget_total)

    @staticmethod
    def resolve_tasks(obj) -> int:
        return obj.task_count

    @staticmethod
    def resolve_indicators(obj) -> int:
        return obj.indicator_count

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/targets/{obj.pk}/"


class DepartmentTargetDetailOut(DepartmentTargetOut):
    content: dict = Field(description="the form as recognised (core model JSON)")
    indicator_list: list[IndicatorOut]


class ScoreNodeOut(Schema):
    label: str
    score: str | None = None
    points: str | None = None
    printed: str | None = None
    note: str = ""
    children: list["ScoreNodeOut"] = Field(default_factory=list)


ScoreNodeOut.model_rebuild()


class SelfEvaluationOut(Schema):
    id: int
    document_id: int
    department: str | None
    year: int | None
    scope: str
    unit_name: str
    project_name: str
    money_unit: str
    total_budget: str | None
    total_budget_text: str
    total_actual: str | None
    total_actual_text: str
    execution_rate_text: str
    printed_score: str | None = Field(None, description="自评得分 as printed (exact)")
    printed_score_text: str
    grade: str
    indicators: int
    url: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_total_budget(obj) -> str | None:
        return _exact(obj.total_budget)

    @staticmethod
    def resolve_total_actual(obj) -> str | None:
        return _exact(obj.total_actual)

    @staticmethod
    def resolve_printed_score(obj) -> str | None:
        return _exact(obj.total_score)

    @staticmethod
    def resolve_printed_score_text(obj) -> str:
        return obj.total_score_text

    @staticmethod
    def resolve_indicators(obj) -> int:
        return obj.indicator_count

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/evaluations/{obj.pk}/"


class Recomputed(Schema):
    engine: bool = Field(description="whether the scoring engine (perfbudget.score) is available")
    score: str | None = Field(None, description="the total recomputed by the engine")
    explanation: ScoreNodeOut | None = None


class SelfEvaluationDetailOut(SelfEvaluationOut):
    execution_weight: str
    execution_score: str
    indicator_list: list[IndicatorOut]
    recomputed: Recomputed


class EvaluationReportOut(Schema):
    id: int
    document_id: int
    department: str | None
    year: int | None
    attachment: str
    project_name: str
    unit_name: str
    evaluation_type: str
    budget_text: str
    actual_text: str
    execution_rate_text: str
    printed_points: str | None
    printed_score: str | None = Field(None, description="评价得分 as printed (exact)")
    printed_score_text: str
    grade: str
    url: str

    @staticmethod
    def resolve_department(obj) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_printed_points(obj) -> str | None:
        return _exact(obj.total_points)

    @staticmethod
    def resolve_printed_score(obj) -> str | None:
        return _exact(obj.total)

    @staticmethod
    def resolve_printed_score_text(obj) -> str:
        return obj.total_text

    @staticmethod
    def resolve_url(obj) -> str:
        return f"/reports/{obj.pk}/"


class DimensionOut(Schema):
    name: str
    canonical: str | None
    points: str | None = Field(None, description="as printed")
    score: str | None = Field(None, description="as printed")
    items: list[dict]


class EvaluationReportDetailOut(EvaluationReportOut):
    dimensions: list[DimensionOut]
    recomputed: Recomputed


class FormFilters(Schema):
    department: int | None = None
    year: int | None = None
    document: int | None = None


class ProjectFilters(FormFilters):
    q: str | None = Field(None, description="part of the project name or code")


class IndicatorFilters(FormFilters):
    level1: str | None = Field(None, description="一级指标, exactly (产出指标 …)")
    level2: str | None = Field(None, description="二级指标, exactly (数量指标 …)")
    category: str | None = Field(None, description="一级 or 二级 category containing this text")
    q: str | None = Field(None, description="part of the 三级指标 name")
    form: Literal["project", "department_target", "self_evaluation"] | None = None
    project: int | None = None


def _forms(request, model, filters: FormFilters):
    forms = access.forms_for(request.user, model).select_related("department")
    if filters.department is not None:
        forms = forms.filter(department_id=filters.department)
    if filters.year is not None:
        forms = forms.filter(year=filters.year)
    if filters.document is not None:
        forms = forms.filter(document_id=filters.document)
    return forms.order_by("pk")


def _recomputed(record) -> dict:
    from perfbudget.serve.web import scoring
    from perfbudget.serve.web.views.performance import _core, form_data

    available = scoring.engine() is not None
    tree = scoring.explain(_core(record, form_data(record))) if available else None
    return {
        "engine": available,
        "score": tree.as_dict()["score"] if tree else None,
        "explanation": tree.as_dict() if tree else None,
    }


@api.get("/projects", response=list[ProjectOut], tags=["performance"], summary="项目绩效目标")
@paginate(Pages)
def projects(request, filters: Query[ProjectFilters]):
    found = _forms(request, db.Project, filters)
    if filters.q and filters.q.strip():
        from django.db.models import Q

        text = filters.q.strip()
        found = found.filter(Q(name__icontains=text) | Q(code__icontains=text))
    return found


@api.get(
    "/projects/{project_id}",
    response=ProjectDetailOut,
    tags=["performance"],
    summary="一个项目（含绩效指标）",
)
def project(request, project_id: int):
    from perfbudget.serve.web.views.performance import form_data, target_findings

    record = get_object_or_404(access.projects_for(request.user).select_related("department"), pk=project_id)
    data = form_data(record)
    record.funding = data.get("funding") or []
    record.spending_plan = data.get("spending_plan")
    record.goals = data.get("goals") or []
    record.quality_findings = target_findings([record]).get(record.pk, [])
    record.indicator_list = list(record.indicators.order_by("order"))
    return record


@api.get(
    "/department-targets", response=list[DepartmentTargetOut], tags=["performance"], summary="整体绩效目标"
)
@paginate(Pages)
def department_targets(request, filters: Query[FormFilters]):
    return _forms(request, db.DepartmentTarget, filters)


@api.get(
    "/department-targets/{target_id}",
    response=DepartmentTargetDetailOut,
    tags=["performance"],
    summary="一份整体绩效目标",
)
def department_target(request, target_id: int):
    from perfbudget.serve.web.views.performance import form_data

    record = get_object_or_404(
        access.forms_for(request.user, db.DepartmentTarget).select_related("department"), pk=target_id
    )
    record.content = {k: v for k, v in form_data(record).items() if k != "indicators"}
    record.indicator_list = list(record.indicators.order_by("order"))
    return record


@api.get("/indicators", response=list[IndicatorOut], tags=["performance"], summary="绩效指标")
@paginate(Pages)
def indicators(request, filters: Query[IndicatorFilters]):
    from django.db.models import Q

    found = access.indicators_for(request.user)
    owners = ("project", "department_target", "self_evaluation")
    if filters.department is not None:
        found = found.filter(
            Q(project__department_id=filters.department)
            | Q(department_target__department_id=filters.department)
            | Q(self_evaluation__department_id=filters.department)
        )
    if filters.year is not None:
        found = found.filter(
            Q(project__year=filters.year)
            | Q(department_target__year=filters.year)
            | Q(self_evaluation__year=filters.year)
        )
    if filters.document is not None:
        found = found.filter(document_id=filters.document)
    if filters.form in owners:
        found = found.filter(**{f"{filters.form}__isnull": False})
    if filters.project is not None:
        found = found.filter(project_id=filters.project)
    if filters.level1:
        found = found.filter(level1=filters.level1)
    if filters.level2:
        found = found.filter(level2=filters.level2)
    if filters.category and filters.category.strip():
        text = filters.category.strip()
        found = found.filter(Q(level1__icontains=text) | Q(level2__icontains=text))
    if filters.q and filters.q.strip():
        found = found.filter(level3__icontains=filters.q.strip())
    return found.order_by("pk")


@api.get("/self-evaluations", response=list[SelfEvaluationOut], tags=["performance"], summary="绩效自评")
@paginate(Pages)
def self_evaluations(request, filters: Query[FormFilters]):
    return _forms(request, db.SelfEvaluation, filters)


@api.get(
    "/self-evaluations/{evaluation_id}",
    response=SelfEvaluationDetailOut,
    tags=["performance"],
    summary="一份绩效自评（原文得分与重新计算）",
)
def self_evaluation(request, evaluation_id: int):
    from perfbudget.serve.web.views.performance import form_data

    record = get_object_or_404(
        access.forms_for(request.user, db.SelfEvaluation).select_related("department"), pk=evaluation_id
    )
    data = form_data(record)
    record.execution_weight = (data.get("execution_weight") or {}).get("text") or ""
    record.execution_score = (data.get("execution_score") or {}).get("text") or ""
    record.indicator_list = list(record.indicators.order_by("order"))
    record.recomputed = _recomputed(record)
    return record


@api.get(
    "/evaluation-reports", response=list[EvaluationReportOut], tags=["performance"], summary="绩效评价报告"
)
@paginate(Pages)
def evaluation_reports(request, filters: Query[FormFilters]):
    return _forms(request, db.EvaluationReport, filters)


@api.get(
    "/evaluation-reports/{report_id}",
    response=EvaluationReportDetailOut,
    tags=["performance"],
    summary="一份绩效评价报告（原文得分与重新计算）",
)
def evaluation_report(request, report_id: int):
    from perfbudget.serve.web.views.performance import form_data

    record = get_object_or_404(
        access.forms_for(request.user, db.EvaluationReport).select_related("department"), pk=report_id
    )
    data = form_data(record)
    record.dimensions = [
        {
            "name": (d.get("name") or {}).get("text") or "",
            "canonical": d.get("canonical"),
            "points": (d.get("points") or {}).get("text") or None,
            "score": (d.get("score") or {}).get("text") or None,
            "items": d.get("items") or [],
        }
        for d in data.get("dimensions") or []
    ]
    record.recomputed = _recomputed(record)
    return record
