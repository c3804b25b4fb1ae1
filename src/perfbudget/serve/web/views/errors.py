"""Error pages in Chinese, and the refusal a view gives a user whose role does not allow an action."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.template import loader


def _page(request, status: int, title: str, message: str):
    return render(
        request, "web/error.html", {"status": status, "title": title, "message": message}, status=status
    )


def refuse(request, message: str):
    """403 for a signed-in user whose role does not allow this."""
    return _page(request, 403, "没有权限", message)


def bad_request(request, exception=None):
    limit = (
        f"一次上传的文件太多或请求不完整。每次最多上传 {settings.PERFBUDGET_UPLOAD_MAX_FILES} 个文件，"
        f"每个不超过 {settings.PERFBUDGET_UPLOAD_MAX_MB} MB。"
    )
    return _page(request, 400, "请求无法处理", limit)


def forbidden(request, exception=None):
    return _page(request, 403, "没有权限", "您的账号不能执行这个操作。如需权限，请联系系统管理员。")


def not_found(request, exception=None):
    return _page(request, 404, "找不到页面", "没有这个页面或文件，或者您无权查看。")


def server_error(request):
    template = loader.get_template("web/error.html")
    body = template.render(
        {"status": 500, "title": "系统出错", "message": "处理请求时出错，请稍后再试或联系系统管理员。"}
    )
    from django.http import HttpResponseServerError

    return HttpResponseServerError(body)
