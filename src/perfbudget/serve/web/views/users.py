"""用户: administrators list, create and change users (roles, departments, passwords)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render

from perfbudget.serve.web import access
from perfbudget.serve.web.forms import UserForm
from perfbudget.serve.web.views.errors import refuse
from perfbudget.store import models as db


def _deny(request):
    if not access.can_manage_users(request.user):
        return refuse(request, "只有系统管理员可以管理用户。")
    return None


def user_list(request):
    if denied := _deny(request):
        return denied
    users = get_user_model().objects.select_related("profile", "profile__department").order_by("username")
    for user in users:
        user.role_label = (
            db.Role(access.role_of(user) or db.Role.VIEWER).label if user.is_active else "（已停用）"
        )
    return render(request, "web/users.html", {"section": "users", "users": users})


def save_user(form: UserForm, user=None):
    data = form.cleaned_data
    if user is None:
        user = get_user_model()(username=data["username"])
    user.first_name = data.get("full_name") or ""
    user.is_active = data["is_active"]
    admin = data["role"] == db.Role.ADMIN
    user.is_staff = user.is_superuser = admin  # administrators also use the Django admin
    if data.get("password"):
        user.set_password(data["password"])
    user.save()
    profile, _ = db.Profile.objects.get_or_create(user=user)
    profile.role = data["role"]
    profile.department = data.get("department")
    profile.save()
    return user


def user_create(request):
    if denied := _deny(request):
        return denied
    form = UserForm(request.POST or None, initial={"role": db.Role.VIEWER, "is_active": True})
    if request.method == "POST" and form.is_valid():
        user = save_user(form)
        messages.success(request, f"已创建用户 {user.username}。")
        return redirect("web:users")
    return render(request, "web/user_form.html", {"section": "users", "form": form, "creating": True})


def user_edit(request, pk: int):
    if denied := _deny(request):
        return denied
    user = get_object_or_404(get_user_model(), pk=pk)
    profile = db.Profile.objects.filter(user=user).first()
    initial = {
        "username": user.username,
        "full_name": user.first_name,
        "role": access.role_of(user) if user.is_active else (profile.role if profile else db.Role.VIEWER),
        "department": profile.department if profile else None,
        "is_active": user.is_active,
    }
    form = UserForm(request.POST or None, initial=initial, instance=user)
    if request.method == "POST" and form.is_valid():
        if user == request.user and (
            not form.cleaned_data["is_active"] or form.cleaned_data["role"] != db.Role.ADMIN
        ):
            form.add_error("role", "不能停用自己的账号或取消自己的管理员角色。")
        else:
            save_user(form, user)
            messages.success(request, f"已保存用户 {user.username}。")
            return redirect("web:users")
    return render(
        request, "web/user_form.html", {"section": "users", "form": form, "creating": False, "edited": user}
    )
