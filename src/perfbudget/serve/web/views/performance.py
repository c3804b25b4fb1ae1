"""绩效项目: projects of a department-year, one project's target, department targets (整体绩效目标),
self-evaluations (绩效自评) and evaluation reports (绩效评价报告), with their indicators and scores.

A form is visible exactly when its document is (:func:`access.forms_for`). Lists come from the
query records (``store.Project`` …); a form's page reads its full content from the document's
model (``model_json``), where every text and figure keeps the line it was printed on.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse

from perfbudget.serve.web import access, scoring
from perfbudget.serve.web.forms import ProjectFilter
from perfbudget.serve.web.views.common import paginate, query_without_page
from perfbudget.store import models as db
from perfbudget.store.performance import finding_positions

TARGET_RULES = "target."  # the target-quality rules (check/rules/targets.py) share this prefix
ORIGIN_MARKS = {
    "inherited": ("↑", "原文此格为空（合并单元格），沿用上方的标签"),
    "following": ("↓", "原文此格为空，标签印在下方，据此补全"),
    "vocabulary": ("补", "原文未印此标签，根据指标名称补全"),
}
FUNDING_PARTS = (
    ("total", "资金总额"),
    ("fiscal", "财政资金"),
    ("central", "中央财政资金"),
    ("provincial", "省级财政资金"),
    ("local", "市县（区）财政资金"),
    ("self_raised", "单位自筹"),
    ("other", "其他资金"),
)
PLAN_POINTS = (("march", "3月底"), ("june", "6月底"), ("october", "10月底"), ("december", "12月底"))
FORM_KEYS = {
    db.Project: "project_targets",
    db.DepartmentTarget: "department_targets",
    db.SelfEvaluation: "self_evaluations",
    db.EvaluationReport: "evaluation_reports",
}


# --- helpers -----------------------------------------------------------------------------------


def form_data(record) -> dict[str, Any]:
    """The form's full content from its document's model (``{}`` if the model no longer has it)."""
    key = FORM_KEYS[type(record)]
    data = (
        db.Document.objects.filter(pk=record.document_id).values_list("model_json", flat=True).first() or {}
    )
    forms = data.get(key) or []
    return forms[record.form_index] if record.form_index < len(forms) else {}


def source_url(document_id: int, line: int | None, page: int | None = None) -> str:
    if line is None:
        return ""
    url = f"{reverse('web:source', args=[document_id])}?line={line}"
    return f"{url}&page={page}" if page else url


def target_findings(projects) -> dict[int, list[int]]:
    """project pk → the pks of its ``target.*`` findings: those citing a place inside the project's form."""
    projects = [p for p in projects if p.span_start is not None]
    result: dict[int, list[int]] = {p.pk: [] for p in projects}
    if not projects:
        return result
    by_document: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)
    found = (
        db.Finding.objects.filter(
            document_id__in={p.document_id for p in projects}, rule__startswith=TARGET_RULES
        )
        .order_by("document_id", "origin", "order")
        .values_list("pk", "document_id", "cells")
    )
    # (Finding's default order sorts by the document's department name: a join for nothing here)
    for pk, document_id, cells in found:
        by_document[document_id].append((pk, finding_positions(cells)))
    for project in projects:
        for pk, positions in by_document.get(project.document_id, ()):
            if any(project.span_start <= at <= project.span_end for at in positions):
                result[project.pk].append(pk)
    return result


@dataclass
class IndicatorRow:
    record: db.Indicator
    level1_mark: tuple[str, str] | None
    level2_mark: tuple[str, str] | None
    source: str


@dataclass
class IndicatorGroup:
    period: str
    level1: str
    rows: list[IndicatorRow] = field(default_factory=list)

    def _sum(self, name: str):
        values = [getattr(r.record, name) for r in self.rows if getattr(r.record, name) is not None]
        return sum(values[1:], start=values[0]) if values else None

    @property
    def weight_sum(self):
        """The printed 分值 of the group's rows (or its merged cell) added up; None if none printed."""
        return self._sum("weight")

    @property
    def score_sum(self):
        return self._sum("score")


def group_indicators(indicators, document_id: int) -> list[IndicatorGroup]:
    """Consecutive indicators by (period, 一级指标), in printed order; a label not printed on its
    row (inherited from a merged cell, or completed) is marked."""
    groups: list[IndicatorGroup] = []
    for item in indicators:
        key = (item.period, item.level1 or "（未标明一级指标）")
        if not groups or (groups[-1].period, groups[-1].level1) != key:
            groups.append(IndicatorGroup(*key))
        groups[-1].rows.append(
            IndicatorRow(
                item,
                ORIGIN_MARKS.get(item.level1_origin),
                ORIGIN_MARKS.get(item.level2_origin),
                source_url(document_id, item.line, item.page),
            )
        )
    return groups


def _text(node: dict | None) -> str:
    return ((node or {}).get("text") or "").strip()


def _figure_text(node: dict | None) -> str:
    return (node or {}).get("text") or ""


def _related_evaluations(user, name: str):
    """Self-evaluations and evaluation reports of the same project (by name), visible to ``user``."""
    if not name:
        return [], []
    evaluations = (
        access.forms_for(user, db.SelfEvaluation).filter(project_name=name).select_related("document")
    )
    reports = access.forms_for(user, db.EvaluationReport).filter(project_name=name).select_related("document")
    return list(evaluations.defer("document__model_json")), list(reports.defer("document__model_json"))


def _core(record, data: dict):
    """The core model of a self-evaluation or report (for the scoring engine)."""
    from perfbudget.model import performance as core

    model = core.SelfEvaluation if isinstance(record, db.SelfEvaluation) else core.EvaluationReport
    try:
        return model.model_validate(data)
    except ValueError:
        return None


# --- pages -------------------------------------------------------------------------------------


def project_list(request):
    user = request.user
    visible = access.projects_for(user)
    departments = list(
        db.Department.objects.filter(pk__in=visible.exclude(department=None).values("department")).order_by(
            "name"
        )
    )
    years = sorted(
        {y for y in visible.order_by().values_list("year", flat=True).distinct() if y}, reverse=True
    )
    form = ProjectFilter(request.GET or None, departments=departments, years=years)
    wanted = Q()
    if form.is_valid():
        data = form.cleaned_data
        if data.get("department"):
            wanted &= Q(department_id=int(data["department"]))
        if data.get("year"):
            wanted &= Q(year=int(data["year"]))
        name = " ".join((data.get("q") or "").split())
        if name:
            wanted &= Q(name__icontains=name) | Q(code__icontains=name)
    projects = (
        visible.filter(wanted)
        .select_related("department", "document")
        .defer("document__model_json")
        .order_by("department__name", "-year", "document_id", "form_index")
    )
    page = paginate(request, projects)
    quality = target_findings(page.object_list)
    for project in page.object_list:
        project.quality = len(quality.get(project.pk, ()))
    dimension_filter = Q(
        **{k: v for k, v in (("department_id", _int(form, "department")), ("year", _int(form, "year"))) if v}
    )
    related = {
        "targets": list(
            access.forms_for(user, db.DepartmentTarget)
            .filter(dimension_filter)
            .select_related("department")
            .order_by("department__name", "-year", "document_id", "form_index")[:100]
        ),
        "evaluations": list(
            access.forms_for(user, db.SelfEvaluation)
            .filter(dimension_filter)
            .select_related("department")
            .order_by("department__name", "-year", "document_id", "form_index")[:100]
        ),
        "reports": list(
            access.forms_for(user, db.EvaluationReport)
            .filter(dimension_filter)
            .select_related("department")
            .order_by("department__name", "-year", "document_id", "form_index")[:100]
        ),
    }
    return render(
        request,
        "web/projects.html",
        {
            "section": "projects",
            "form": form,
            "page": page,
            "query": query_without_page(request),
            "named": bool(form.is_valid() and form.cleaned_data.get("q")),
            **related,
        },
    )


def _int(form, name: str) -> int | None:
    if not form.is_valid():
        return None
    value = form.cleaned_data.get(name)
    return int(value) if value else None


def project_page(request, pk: int):
    project = access.form_for(request.user, db.Project, pk)
    data = form_data(project)
    document_id = project.document_id
    funding = []
    for item in data.get("funding") or []:
        funding.append(
            {
                "period": item.get("period") or "预算数",
                "parts": [(label, _figure_text(item.get(key))) for key, label in FUNDING_PARTS],
                "source": source_url(
                    document_id, (item.get("total") or {}).get("line"), (item.get("total") or {}).get("page")
                ),
            }
        )
    shown_parts = [
        (index, label)
        for index, (_, label) in enumerate(FUNDING_PARTS)
        if any(f["parts"][index][1] for f in funding)
    ]
    for f in funding:
        f["shown"] = [f["parts"][index][1] for index, _ in shown_parts]
    plan = data.get("spending_plan") or {}
    chart = None
    if any(_figure_text(plan.get(key)) for key, _ in PLAN_POINTS):
        chart = {
            "labels": [label for _, label in PLAN_POINTS],
            "values": [(plan.get(key) or {}).get("value") for key, _ in PLAN_POINTS],
            "texts": [_figure_text(plan.get(key)) for key, _ in PLAN_POINTS],
        }
        chart["summary"] = "，".join(
            f"{label} {text}%" if text else f"{label} 未填"
            for label, text in zip(chart["labels"], chart["texts"], strict=True)
        )
    goals = [
        {
            "ordinal": g.get("ordinal") or "",
            "text": _text(g.get("text")),
            "period": g.get("period") or "",
            "source": source_url(
                document_id, (g.get("text") or {}).get("line"), (g.get("text") or {}).get("page")
            ),
        }
        for g in data.get("goals") or []
        if _text(g.get("text"))
    ]
    texts = [
        (
            label,
            _text(data.get(key)),
            source_url(document_id, (data.get(key) or {}).get("line"), (data.get(key) or {}).get("page")),
        )
        for key, label in (
            ("purpose", "资金用途"),
            ("overview", "项目概况"),
            ("basis", "立项依据"),
            ("necessity", "项目设立必要性"),
            ("measures", "保证项目实施的制度、措施"),
            ("plan", "项目实施计划"),
        )
        if _text(data.get(key))
    ]
    indicators = project.indicators.order_by("order")
    quality_ids = target_findings([project]).get(project.pk, [])
    evaluations, reports = _related_evaluations(request.user, project.name)
    return render(
        request,
        "web/project.html",
        {
            "section": "projects",
            "project": project,
            "document": project.document,
            "funding": funding,
            "funding_labels": [label for _, label in shown_parts],
            "chart": chart,
            "goals": goals,
            "texts": texts,
            "groups": group_indicators(indicators, document_id),
            "quality": db.Finding.objects.filter(pk__in=quality_ids).order_by("order"),
            "evaluations": evaluations,
            "reports": reports,
            "source": source_url(document_id, project.line, project.page),
        },
    )


def department_target_page(request, pk: int):
    target = access.form_for(request.user, db.DepartmentTarget, pk)
    data = form_data(target)
    document_id = target.document_id
    budget = data.get("budget") or {}
    budget_lines = [
        (label, _figure_text(budget.get(key)))
        for key, label in (
            ("total", "部门预算总额"),
            ("fiscal", "其中：财政性资金"),
            ("other", "其他资金"),
            ("basic", "基本支出"),
            ("project", "项目支出"),
        )
        if _figure_text(budget.get(key))
    ]
    staffing = data.get("staffing") or {}
    staff = [
        (label, _figure_text(staffing.get(key)))
        for key, label in (
            ("internal_divisions", "内设职能部门数"),
            ("budget_units", "所属预算单位"),
            ("authorized", "核定的人员编制数"),
            ("actual", "实际在职人员总数"),
            ("on_payroll", "其中：在编人员数"),
            ("other", "其他人员数"),
        )
        if _figure_text(staffing.get(key))
    ]
    texts = [
        (
            label,
            _text(data.get(key)),
            source_url(document_id, (data.get(key) or {}).get("line"), (data.get(key) or {}).get("page")),
        )
        for key, label in (
            ("annual_goal", "年度履职目标"),
            ("duties", "部门职责"),
            ("strategic_goal", "部门战略目标"),
            ("annual_tasks", "年度工作任务"),
            ("overall_goal", "总体绩效目标"),
        )
        if _text(data.get(key))
    ]
    tasks = [
        {
            "name": _text(t.get("name")),
            "content": _text(t.get("content")),
            "budget": _figure_text(t.get("budget")),
            "source": source_url(document_id, t.get("line"), t.get("page")),
        }
        for t in data.get("tasks") or []
    ]
    sub_goals = [
        {
            "title": _text(s.get("title")),
            "goal": _text(s.get("goal")),
            "indicators": _text(s.get("indicators")),
        }
        for s in data.get("sub_goals") or []
    ]
    return render(
        request,
        "web/department_target.html",
        {
            "section": "projects",
            "target": target,
            "document": target.document,
            "budget": budget,
            "budget_lines": budget_lines,
            "by_source": [
                (_text(x.get("label")), _figure_text(x.get("amount"))) for x in budget.get("by_source") or []
            ],
            "by_direction": [
                (_text(x.get("label")), _figure_text(x.get("amount")))
                for x in budget.get("by_direction") or []
            ],
            "staff": staff,
            "texts": texts,
            "tasks": tasks,
            "sub_goals": sub_goals,
            "measures": [_text(m) for m in data.get("measures") or [] if _text(m)],
            "groups": group_indicators(target.indicators.order_by("order"), document_id),
            "source": source_url(document_id, target.line, target.page),
        },
    )


def self_evaluation_page(request, pk: int):
    evaluation = access.form_for(request.user, db.SelfEvaluation, pk)
    data = form_data(evaluation)
    document_id = evaluation.document_id
    tasks = [
        {
            "name": _text(t.get("name")),
            "completion": _text(t.get("completion")),
            "budget": _figure_text(t.get("budget")),
            "budget_own": _figure_text(t.get("budget_own")),
            "actual": _figure_text(t.get("actual")),
            "actual_own": _figure_text(t.get("actual_own")),
            "source": source_url(document_id, t.get("line"), t.get("page")),
        }
        for t in data.get("tasks") or []
    ]
    totals = {
        key: _figure_text(data.get(key))
        for key in (
            "total_budget",
            "total_budget_own",
            "total_actual",
            "total_actual_own",
            "execution_rate",
            "execution_weight",
            "execution_score",
            "total_score",
        )
    }
    goals = [
        {"ordinal": g.get("ordinal") or "", "text": _text(g.get("text")), "actual": _text(g.get("actual"))}
        for g in data.get("goals") or []
        if _text(g.get("text"))
    ]
    indicators = list(evaluation.indicators.order_by("order"))
    printed_weights = sum((i.weight for i in indicators if i.weight is not None), start=0)
    printed_scores = sum((i.score for i in indicators if i.score is not None), start=0)
    return render(
        request,
        "web/self_evaluation.html",
        {
            "section": "projects",
            "evaluation": evaluation,
            "document": evaluation.document,
            "tasks": tasks,
            "totals": totals,
            "goals": goals,
            "goals_actual": _text(data.get("goals_actual")),
            "groups": group_indicators(indicators, document_id),
            "printed_weights": printed_weights,
            "printed_scores": printed_scores,
            "explanation": scoring.explain(_core(evaluation, data)),
            "engine": scoring.engine() is not None,
            "source": source_url(document_id, evaluation.line, evaluation.page),
        },
    )


def evaluation_report_page(request, pk: int):
    report = access.form_for(request.user, db.EvaluationReport, pk)
    data = form_data(report)
    document_id = report.document_id
    dimensions = [
        {
            "name": _text(d.get("name")),
            "canonical": d.get("canonical") or "",
            "points": _figure_text(d.get("points")),
            "score": _figure_text(d.get("score")),
            "source": source_url(
                document_id, (d.get("name") or {}).get("line"), (d.get("name") or {}).get("page")
            ),
            "items": [
                {
                    "name": _text(i.get("name")),
                    "points": _figure_text(i.get("points")),
                    "score": _figure_text(i.get("score")),
                    "rate": _figure_text(i.get("rate")),
                    "deduction": _figure_text(i.get("deduction")),
                }
                for i in d.get("items") or []
            ],
        }
        for d in data.get("dimensions") or []
    ]
    figures = [
        (label, _figure_text(data.get(key)))
        for key, label in (
            ("budget", "预算数"),
            ("actual", "实际支出"),
            ("execution_rate", "预算执行率"),
            ("cost_saving_rate", "成本节约率"),
            ("total_points", "满分"),
            ("total", "评价得分"),
            ("summary_score", "情况说明中的得分"),
        )
        if _figure_text(data.get(key))
    ]
    projects = (
        list(
            access.projects_for(request.user)
            .filter(name=report.project_name)
            .select_related("document")
            .defer("document__model_json")[:20]
        )
        if report.project_name
        else []
    )
    return render(
        request,
        "web/evaluation_report.html",
        {
            "section": "projects",
            "report": report,
            "document": report.document,
            "dimensions": dimensions,
            "figures": figures,
            "problems": [_text(p) for p in data.get("problems") or [] if _text(p)],
            "suggestions": [_text(p) for p in data.get("suggestions") or [] if _text(p)],
            "summary": _text(data.get("summary")),
            "explanation": scoring.explain(_core(report, data)),
            "engine": scoring.engine() is not None,
            "projects": projects,
            "source": source_url(document_id, report.line, report.page),
        },
    )
