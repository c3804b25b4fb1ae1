"""审核发现: findings across documents (filters), one finding with its cells, and its review."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from perfbudget.serve.web import access
from perfbudget.serve.web.forms import FindingFilter, ReviewForm
from perfbudget.serve.web.views.common import filter_documents, paginate, query_without_page
from perfbudget.serve.web.views.documents import finding_anchor
from perfbudget.serve.web.views.errors import refuse
from perfbudget.store import models as db

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def finding_list(request):
    findings = access.findings_for(request.user)
    rules = sorted(findings.order_by().values_list("rule", flat=True).distinct())
    form, findings = filter_documents(request, findings, form_class=FindingFilter, rules=rules)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("severity"):
            findings = findings.filter(severity=data["severity"])
        if data.get("rule"):
            findings = findings.filter(rule=data["rule"])
        if data.get("status"):
            findings = findings.filter(status=data["status"])
    from django.db.models import Case, IntegerField, Value, When

    rank = Case(
        *(When(severity=s, then=Value(r)) for s, r in SEVERITY_RANK.items()),
        default=Value(9),
        output_field=IntegerField(),
    )
    findings = (
        findings.select_related("document", "document__department", "reviewer")
        .defer("document__model_json")
        .annotate(rank=rank)
        .order_by(
            "rank", "document__department__name", "-document__fiscal_year", "document_id", "origin", "order"
        )
    )
    page = paginate(request, findings)
    for finding in page.object_list:
        finding.link = _cell_link(finding)
    return render(
        request,
        "web/findings.html",
        {"section": "findings", "form": form, "page": page, "query": query_without_page(request)},
    )


def _cell_link(finding: db.Finding) -> str:
    return f"{reverse('web:document', args=[finding.document_id])}#{finding_anchor(finding)}"


def _finding_for(user, pk: int) -> db.Finding:
    finding = (
        access.findings_for(user)
        .select_related("document", "document__department", "reviewer")
        .defer("document__model_json")
        .filter(pk=pk)
        .first()
    )
    if finding is None:
        raise Http404("没有这条审核发现，或您无权查看")
    finding.link = _cell_link(finding)
    return finding


def finding_page(request, pk: int):
    finding = _finding_for(request.user, pk)
    cited = []
    for cell in finding.cells or []:
        ref = cell.get("ref") or {}
        anchor = ""
        if ref.get("table") and ref.get("row") is not None:
            from perfbudget.serve.web.printed import cell_anchor, row_anchor

            anchor = (
                cell_anchor(ref["table"], ref["row"], ref["column"])
                if ref.get("column")
                else row_anchor(ref["table"], ref["row"])
            )
        cited.append({**cell, "ref": ref, "anchor": anchor})
    return render(
        request,
        "web/finding.html",
        {
            "section": "findings",
            "finding": finding,
            "cited": cited,
            "figures": _figures(finding),
            "form": ReviewForm(initial={"status": finding.status, "comment": finding.review_comment}),
            "reviews": finding.reviews.select_related("reviewer")
            if access.sees_internal(request.user)
            else [],
        },
    )


def _figures(finding: db.Finding) -> list[tuple[str, str]]:
    names = (("expected", "应为"), ("actual", "实为"), ("difference", "差额"), ("tolerance", "允许误差"))
    return [(label, finding.figures[key]) for key, label in names if finding.figures.get(key) is not None]


@require_POST
def review(request, pk: int):
    if not access.can_review(request.user):
        return refuse(request, "只有财政复核人员和管理员可以复核审核发现。")
    finding = _finding_for(request.user, pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        record(finding, request.user, form.cleaned_data["status"], form.cleaned_data["comment"])
    if request.headers.get("HX-Request"):
        return render(
            request, "web/partials/review.html", {"finding": finding, "form": form, "saved": form.is_valid()}
        )
    back = request.POST.get("next") or reverse("web:finding", args=[finding.pk])
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("web:finding", args=[finding.pk])
    return redirect(back)


def record(finding: db.Finding, user, status: str, comment: str) -> db.Finding:
    """Keep a review on the finding (latest) and in its history (all), with who and when."""
    now = timezone.now()
    with transaction.atomic():
        finding.status = status
        finding.review_comment = comment.strip()
        finding.reviewer = user
        finding.reviewed_at = now
        finding.save(update_fields=["status", "review_comment", "reviewer", "reviewed_at"])
        db.Review.objects.create(
            finding=finding, status=status, comment=finding.review_comment, reviewer=user, at=now
        )
    return finding
