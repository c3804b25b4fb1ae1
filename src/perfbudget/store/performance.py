"""Store the performance forms of a document as query records (projects, targets, evaluations, indicators).

Everything is built from the document's JSON dump (``model_dump(mode="json")``: decimals are exact
strings), so the same code fills the records at import (:func:`perfbudget.store.save.save_document`,
in the import's transaction) and back-fills documents stored before these tables existed (the
migration passes its historical models as ``models``).

Money, percentages and scores are stored exactly: :func:`exact` gives the ``Decimal`` when it fits
``MONEY`` without rounding and ``None`` otherwise; the printed text is stored next to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Any

BATCH = 1000
PAGE_FACTOR = 1_000_000  # a position is page × PAGE_FACTOR + line (page 0 outside PDFs)
_PLACES = 8  # MONEY["decimal_places"]
_LIMIT = Decimal(10) ** (24 - _PLACES)
TO_WAN = {
    "万元": Decimal(1),
    "元": Decimal("0.0001"),
    "千元": Decimal("0.1"),
    "百万元": Decimal(100),
    "亿元": Decimal(10000),
}
FORM_MODELS = ("Department", "Project", "DepartmentTarget", "SelfEvaluation", "EvaluationReport", "Indicator")


def current_models() -> SimpleNamespace:
    from perfbudget.store import models as db

    return SimpleNamespace(**{name: getattr(db, name) for name in FORM_MODELS})


def exact(value: Any) -> Decimal | None:
    """The exact decimal of ``value`` (a JSON decimal string), or None when empty or not storable unrounded."""
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite() or abs(number) >= _LIMIT:
        return None
    if number.as_tuple().exponent < -_PLACES and number != number.quantize(Decimal(1).scaleb(-_PLACES)):
        return None
    return number


def to_wan(value: Decimal | None, unit: str | None) -> Decimal | None:
    """An amount in 万元 (for comparisons across forms printed in 元 and 万元); exact or None."""
    factor = TO_WAN.get((unit or "").strip())
    if value is None or factor is None:
        return None
    return exact((value * factor).normalize()) if value else Decimal(0)


def position(page: int | None, line: int | None) -> int | None:
    if line is None:
        return None
    return (page or 0) * PAGE_FACTOR + line


def span(form: dict[str, Any]) -> tuple[int | None, int | None]:
    """First and last printed position of everything in ``form`` (its texts, figures, rows).

    In a PDF, places that carry a page win over those without one (a form's own ``line`` counts
    on its first page only).
    """
    places: list[tuple[int | None, int]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("line", "end_line"):
                line = node.get(key)
                if isinstance(line, int):
                    places.append((node.get("page"), line))
            for value in node.values():
                if isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(form)
    paged = [p for p in places if p[0] is not None]
    chosen = paged or places
    if not chosen:
        return None, None
    positions = [position(page, line) for page, line in chosen]
    return min(positions), max(positions)


def finding_positions(cells: list[dict[str, Any]]) -> list[int]:
    """Where a stored finding's cited cells were printed (positions, see :func:`position`)."""
    found = []
    for cell in cells or []:
        ref = cell.get("ref") or {}
        at = position(ref.get("page"), ref.get("line"))
        if at is not None:
            found.append(at)
    return found


def _text(node: dict[str, Any] | None) -> str:
    return ((node or {}).get("text") or "").strip()


def _figure(node: dict[str, Any] | None) -> tuple[Decimal | None, str]:
    if not node:
        return None, ""
    return exact(node.get("value")), (node.get("text") or "")[:40]


def _common(document, department_id, index: int, form: dict[str, Any], indicators: int) -> dict[str, Any]:
    start, end = span(form)
    return {
        "document_id": document.pk,
        "department_id": department_id,
        "year": form.get("year") or document.fiscal_year,
        "form_index": index,
        "title": _text(form.get("title")),
        "line": form.get("line"),
        "end_line": form.get("end_line"),
        "page": form.get("page"),
        "span_start": start,
        "span_end": end,
        "indicator_count": indicators,
    }


def _funding(project: dict[str, Any], period: str | None) -> dict[str, Any] | None:
    for funding in project.get("funding") or []:
        if funding.get("period") == period:
            return funding
    return None


def _project(m, document, department_id, index: int, form: dict[str, Any]):
    annual = _funding(form, "年度") or _funding(form, None)
    term = _funding(form, "实施期")
    amount, amount_text = _figure((annual or {}).get("total"))
    term_amount, term_text = _figure((term or {}).get("total"))
    unit = form.get("money_unit") or ""
    indicators = form.get("indicators") or []
    return m.Project(
        **_common(document, department_id, index, form, len(indicators)),
        template=form.get("template") or "",
        code=_text(form.get("code"))[:100],
        name=_text(form.get("name")) or _text(form.get("title")) or f"项目{index + 1}",
        department_name=_text(form.get("department"))[:200],
        implementing_unit=_text(form.get("implementing_unit"))[:200],
        attribute=_text(form.get("attribute"))[:100],
        attribute_kind=(form.get("attribute_kind") or "")[:10],
        term=_text(form.get("term"))[:100],
        ongoing=bool(form.get("ongoing")),
        money_unit=unit[:8],
        money_unit_stated=bool(form.get("money_unit_stated")),
        amount=amount,
        amount_text=amount_text,
        term_amount=term_amount,
        term_amount_text=term_text,
        amount_wan=to_wan(amount, unit),
        goal_count=len(form.get("goals") or []),
    )


def _department_target(m, document, department_id, index: int, form: dict[str, Any]):
    budget = form.get("budget") or {}
    total, total_text = _figure(budget.get("total"))
    unit = budget.get("unit") or ""
    return m.DepartmentTarget(
        **_common(document, department_id, index, form, len(form.get("indicators") or [])),
        template=form.get("template") or "",
        unit_name=_text(form.get("unit_name"))[:200],
        unit_code=(form.get("unit_code") or "")[:40],
        budget_unit=unit[:8],
        budget_total=total,
        budget_total_text=total_text,
        budget_total_wan=to_wan(total, unit),
        task_count=len(form.get("tasks") or []),
    )


def _project_name_of(form: dict[str, Any]) -> str:
    if form.get("scope") != "项目":
        return ""
    printed = _text(form.get("project_name"))  # the 项目名称 row of the national template
    if printed:
        return printed
    title = _text(form.get("title"))
    for suffix in ("项目支出绩效自评表", "项目绩效自评表", "绩效自评表", "自评表"):
        if title.endswith(suffix):
            title = title[: -len(suffix)]
            break
    return title.strip("（）() 　")


def _self_evaluation(m, document, department_id, index: int, form: dict[str, Any]):
    budget, budget_text = _figure(form.get("total_budget"))
    actual, actual_text = _figure(form.get("total_actual"))
    rate, rate_text = _figure(form.get("execution_rate"))
    score, score_text = _figure(form.get("total_score"))
    return m.SelfEvaluation(
        **_common(document, department_id, index, form, len(form.get("indicators") or [])),
        scope=(form.get("scope") or "整体")[:8],
        unit_name=_text(form.get("unit_name"))[:200],
        project_name=_project_name_of(form),
        money_unit=(form.get("money_unit") or "")[:8],
        total_budget=budget,
        total_budget_text=budget_text,
        total_actual=actual,
        total_actual_text=actual_text,
        execution_rate=rate,
        execution_rate_text=rate_text,
        total_score=score,
        total_score_text=score_text,
        grade=_text(form.get("grade"))[:20],
    )


def _evaluation_report(m, document, department_id, index: int, form: dict[str, Any]):
    budget, budget_text = _figure(form.get("budget"))
    actual, actual_text = _figure(form.get("actual"))
    rate, rate_text = _figure(form.get("execution_rate"))
    points, points_text = _figure(form.get("total_points"))
    total, total_text = _figure(form.get("total"))
    if total is None and not total_text:  # the 情况说明 announced the score only
        total, total_text = _figure(form.get("summary_score"))
    return m.EvaluationReport(
        **_common(document, department_id, index, form, 0),
        attachment=(form.get("attachment") or "")[:20],
        project_name=(form.get("project") or "").strip(),
        unit_name=_text(form.get("issuer"))[:200],
        evaluation_type=_text(form.get("evaluation_type"))[:40],
        budget=budget,
        budget_text=budget_text,
        actual=actual,
        actual_text=actual_text,
        execution_rate=rate,
        execution_rate_text=rate_text,
        total_points=points,
        total_points_text=points_text,
        total=total,
        total_text=total_text,
        grade=_text(form.get("grade"))[:20],
        dimension_count=len(form.get("dimensions") or []),
    )


def _indicators(m, document, owner: str, form, indicators: list[dict[str, Any]]) -> Iterator[Any]:
    for order, item in enumerate(indicators):
        target = item.get("target") or {}
        actual = item.get("actual") or {}
        weight, weight_text = _figure(item.get("weight"))
        score, score_text = _figure(item.get("score"))
        yield m.Indicator(
            document_id=document.pk,
            **{f"{owner}_id": form.pk},
            order=order,
            level1=(item.get("level1") or "")[:100],
            level1_origin=item.get("level1_origin") or "",
            level1_inherited=bool(item.get("level1_origin")) and item.get("level1_origin") != "printed",
            level2=(item.get("level2") or "")[:100],
            level2_origin=item.get("level2_origin") or "",
            level2_inherited=bool(item.get("level2_origin")) and item.get("level2_origin") != "printed",
            level3=item.get("level3") or "",
            description=_text(item.get("description")),
            target_raw=_text(item.get("target_raw")),
            op=target.get("op") or "",
            number=exact(target.get("number")),
            unit=(target.get("unit") or "")[:40],
            qualitative=target.get("qualitative") or "",
            period=item.get("period") or "",
            actual_raw=_text(item.get("actual_raw")),
            actual_number=exact(actual.get("number")),
            weight=weight,
            weight_text=weight_text,
            weight_level=item.get("weight_level") or "",
            score=score,
            score_text=score_text,
            score_level=item.get("score_level") or "",
            not_applicable=bool(item.get("not_applicable")),
            line=item.get("line"),
            page=item.get("page"),
        )


def _department_id(m, document, printed: str) -> int | None:
    """The document's department; else the 主管部门 printed on the form (a performance file alone)."""
    if document.department_id is not None:
        return document.department_id
    printed = printed.strip()
    if not printed:
        return None
    department, _ = m.Department.objects.get_or_create(name=printed[:200])
    return department.pk


def store_forms(document, data: dict[str, Any], models: SimpleNamespace | None = None) -> dict[str, int]:
    """Write the performance forms of ``data`` (the document's JSON dump) for the stored ``document``.

    Returns the number of records written by kind. The caller holds the transaction.
    """
    m = models or current_models()
    counts = {
        "projects": 0,
        "department_targets": 0,
        "self_evaluations": 0,
        "evaluation_reports": 0,
        "indicators": 0,
    }
    indicators: list[Any] = []

    projects_data = data.get("project_targets") or []
    projects = [
        _project(m, document, _department_id(m, document, _text(form.get("department"))), index, form)
        for index, form in enumerate(projects_data)
    ]
    projects = m.Project.objects.bulk_create(projects, batch_size=BATCH)
    for record, form in zip(projects, projects_data, strict=True):
        indicators.extend(_indicators(m, document, "project", record, form.get("indicators") or []))
    counts["projects"] = len(projects)

    targets_data = data.get("department_targets") or []
    targets = m.DepartmentTarget.objects.bulk_create(
        [_department_target(m, document, document.department_id, i, f) for i, f in enumerate(targets_data)],
        batch_size=BATCH,
    )
    for record, form in zip(targets, targets_data, strict=True):
        indicators.extend(_indicators(m, document, "department_target", record, form.get("indicators") or []))
    counts["department_targets"] = len(targets)

    evaluations_data = data.get("self_evaluations") or []
    evaluations = m.SelfEvaluation.objects.bulk_create(
        [_self_evaluation(m, document, document.department_id, i, f) for i, f in enumerate(evaluations_data)],
        batch_size=BATCH,
    )
    for record, form in zip(evaluations, evaluations_data, strict=True):
        indicators.extend(_indicators(m, document, "self_evaluation", record, form.get("indicators") or []))
    counts["self_evaluations"] = len(evaluations)

    reports = m.EvaluationReport.objects.bulk_create(
        [
            _evaluation_report(m, document, document.department_id, i, f)
            for i, f in enumerate(data.get("evaluation_reports") or [])
        ],
        batch_size=BATCH,
    )
    counts["evaluation_reports"] = len(reports)

    m.Indicator.objects.bulk_create(indicators, batch_size=BATCH)
    counts["indicators"] = len(indicators)
    return counts
