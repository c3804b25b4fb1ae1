"""The navigation bar and the signed-in user's role, for every page.

Each entry is a page family: (label, URL name, who sees it). 绩效项目 covers the performance forms:
projects, department targets, self-evaluations and evaluation reports, with their indicators and scores.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from perfbudget.serve.web import access


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    section: str  # the value of ``section`` in a page's context that marks this entry current
    allowed: object = None  # a predicate on the user; None = everyone signed in


NAVIGATION = (
    NavItem("总览", "web:home", "home"),
    NavItem("文件", "web:documents", "documents"),
    NavItem("审核发现", "web:findings", "findings"),
    NavItem("绩效项目", "web:projects", "projects"),
    NavItem("对比分析", "web:compare", "compare"),
    NavItem("检索", "web:search", "search"),
    NavItem("导入", "web:import", "import", access.can_import),
    NavItem("用户", "web:users", "users", access.can_manage_users),
)


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    role = access.role_of(user)
    if role is None:
        return {"nav": [], "user_role": None}
    items = [
        {"label": item.label, "url": reverse(item.url_name), "section": item.section}
        for item in NAVIGATION
        if item.allowed is None or item.allowed(user)
    ]
    return {
        "nav": items,
        "user_role": role,
        "user_role_label": access.Role(role).label,
        "can_review": access.can_review(user),
        "can_import": access.can_import(user),
        "sees_internal": access.sees_internal(user),
    }
