"""对比分析: charts and a table, downloadable as CSV and XLSX."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from perfbudget.serve.web import access, comparison
from perfbudget.serve.web.forms import CompareForm


def _form(request):
    user = request.user
    documents = access.documents_for(user).filter(department__isnull=False, fiscal_year__isnull=False)
    departments = list(access.departments_for(user))
    years = sorted(set(documents.order_by().values_list("fiscal_year", flat=True).distinct()), reverse=True)
    data = request.GET.copy() if request.GET else None
    if data is None and departments:  # a first visit: the first department across its years
        first = documents.order_by("department__name", "stage").first()
        data = {"mode": "department", "stage": first.stage or "预算", "department": str(first.department_id)}
    form = CompareForm(data, departments=departments, years=years)
    return form


def _build(request, form):
    if not form.is_valid():
        return None
    data = form.cleaned_data
    mode = data["mode"]
    if mode == "department" and not data.get("department"):
        form.add_error("department", "请选择一个部门。")
        return None
    if mode == "year" and not data.get("year"):
        form.add_error("year", "请选择年度。")
        return None
    return comparison.build(
        request.user,
        mode,
        data["stage"],
        int(data["department"]) if data.get("department") else None,
        int(data["year"]) if data.get("year") else None,
        [int(d) for d in data.get("departments") or []],
    )


def compare_page(request):
    form = _form(request)
    result = _build(request, form)
    query = (
        form.data.urlencode()
        if hasattr(form.data, "urlencode")
        else "&".join(f"{k}={v}" for k, v in form.data.items())
    )
    return render(
        request,
        "web/compare.html",
        {
            "section": "compare",
            "form": form,
            "result": result,
            "chart": result.chart_data() if result and not result.empty else None,
            "table": result.table() if result and not result.empty else None,
            "query": query,
        },
    )


def compare_export(request, fmt: str):
    if fmt not in {"csv", "xlsx"}:
        raise Http404("只能导出 CSV 或 XLSX")
    form = _form(request)
    result = _build(request, form)
    if result is None:
        return HttpResponse("对比条件不完整。", status=400, content_type="text/plain; charset=utf-8")
    if fmt == "csv":
        response = HttpResponse(result.csv(), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            result.xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="perfbudget-compare.{fmt}"'
    return response


# --- 指标结构: the indicator mix of each department-year ---------------------------------------


def indicator_mix_page(request):
    from perfbudget.serve.web.comparison import indicator_mix
    from perfbudget.serve.web.forms import IndicatorMixForm
    from perfbudget.store import models as db

    user = request.user
    visible = access.indicators_for(user)
    department_ids = set()
    years = set()
    for model in (db.Project, db.DepartmentTarget, db.SelfEvaluation):
        forms = access.forms_for(user, model).order_by()
        department_ids |= set(
            forms.exclude(department=None).values_list("department_id", flat=True).distinct()
        )
        years |= {y for y in forms.values_list("year", flat=True).distinct() if y}
    departments = list(db.Department.objects.filter(pk__in=department_ids).order_by("name"))
    form = IndicatorMixForm(request.GET or None, departments=departments, years=sorted(years, reverse=True))
    data = form.cleaned_data if form.is_valid() else {}
    mix = indicator_mix(
        visible,
        owner=data.get("form") or None,
        department=int(data["department"]) if data.get("department") else None,
        year=int(data["year"]) if data.get("year") else None,
    )
    return render(
        request,
        "web/indicator_mix.html",
        {"section": "compare", "form": form, "mix": mix, "chart": mix.chart_data() if mix.rows else None},
    )
