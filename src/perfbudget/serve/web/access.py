"""Who may see and do what. Every view and API endpoint goes through these functions.

* 查阅人员 (viewer): published documents only; reads, never writes.
* 部门财务人员 (department): their own department's documents (published or not), whatever they
  imported themselves, and published documents (as any reader); may import.
* 财政复核人员 (reviewer): every document; may import, publish and review findings.
* 系统管理员 (admin, or any Django superuser): everything, plus managing users.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from perfbudget.store import models as db

Role = db.Role


def role_of(user) -> str | None:
    """The user's role; None for an anonymous or inactive user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    profile = getattr(user, "profile", None)
    try:
        return profile.role if profile is not None else Role.VIEWER
    except db.Profile.DoesNotExist:  # pragma: no cover - reverse one-to-one without a row
        return Role.VIEWER


def department_of(user) -> db.Department | None:
    try:
        return user.profile.department
    except (AttributeError, db.Profile.DoesNotExist):
        return None


def can_import(user) -> bool:
    return role_of(user) in {Role.DEPARTMENT, Role.REVIEWER, Role.ADMIN}


def can_review(user) -> bool:
    return role_of(user) in {Role.REVIEWER, Role.ADMIN}


can_publish = can_review


def can_manage_users(user) -> bool:
    return role_of(user) == Role.ADMIN


def sees_internal(user) -> bool:
    """Review comments, reviewers' names and unpublished documents are internal to the finance staff."""
    return role_of(user) in {Role.DEPARTMENT, Role.REVIEWER, Role.ADMIN}


def documents_for(user) -> QuerySet[db.Document]:
    """The documents this user may see."""
    # model_json (the whole document, megabytes) is loaded only where a page needs it
    documents = db.Document.objects.defer("model_json")
    role = role_of(user)
    if role in {Role.REVIEWER, Role.ADMIN}:
        return documents
    if role == Role.DEPARTMENT:
        department = department_of(user)
        mine = Q(imported_by=user) | Q(published=True)
        if department is not None:
            mine |= Q(department=department)
        return documents.filter(mine)
    if role == Role.VIEWER:
        return documents.filter(published=True)
    return documents.none()


def findings_for(user) -> QuerySet[db.Finding]:
    return db.Finding.objects.filter(document__in=documents_for(user).values("pk"))


def document_for(user, pk: int) -> db.Document:
    """The document if this user may see it; 404 otherwise (its existence is not revealed)."""
    try:
        return documents_for(user).select_related("department", "imported_by").get(pk=pk)
    except db.Document.DoesNotExist:
        raise Http404("没有这个文件，或您无权查看") from None


def departments_for(user) -> QuerySet[db.Department]:
    return db.Department.objects.filter(pk__in=documents_for(user).values("department")).order_by("name")


# --- Performance forms: visible exactly when their document is ------------------------------------


def forms_for(user, model) -> QuerySet:
    """Projects, department targets, self-evaluations or evaluation reports of visible documents."""
    return model.objects.filter(document__in=documents_for(user).values("pk"))


def projects_for(user) -> QuerySet[db.Project]:
    return forms_for(user, db.Project)


def indicators_for(user) -> QuerySet[db.Indicator]:
    return db.Indicator.objects.filter(document__in=documents_for(user).values("pk"))


def form_for(user, model, pk: int):
    """One form if its document is visible to this user; 404 otherwise (its existence is not revealed)."""
    try:
        return (
            forms_for(user, model)
            .select_related("document", "document__department", "department")
            .defer("document__model_json")
            .get(pk=pk)
        )
    except model.DoesNotExist:
        raise Http404("没有这项内容，或您无权查看") from None
