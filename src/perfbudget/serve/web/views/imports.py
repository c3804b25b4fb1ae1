"""导入: upload one or many files; each is read, checked and stored on its own (or reported)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_POST

from perfbudget.read.paths import SUFFIXES
from perfbudget.serve.web import access
from perfbudget.serve.web.uploads import UploadResult, import_upload, too_many
from perfbudget.serve.web.views.errors import refuse


def _limits() -> dict:
    return {
        "max_mb": settings.PERFBUDGET_UPLOAD_MAX_MB,
        "max_files": settings.PERFBUDGET_UPLOAD_MAX_FILES,
        "accept": ",".join(sorted(SUFFIXES)),
        "kinds": "、".join(sorted(SUFFIXES)),
    }


def import_page(request):
    """GET: the upload form. POST (without JavaScript): all files at once, then the results."""
    if not access.can_import(request.user):
        return refuse(request, "您的账号没有导入文件的权限。")
    context = {"section": "import", **_limits()}
    if request.method == "POST":
        files = request.FILES.getlist("files")
        problem = too_many(len(files)) or (None if files else "请选择要上传的文件。")
        if problem:
            context["problem"] = problem
        else:
            context["results"] = [import_upload(f, request.user) for f in files]
    return render(request, "web/import.html", context)


@require_POST
def import_file(request):
    """One file per request (the page sends the selected files one after another, showing progress)."""
    if not access.can_import(request.user):
        return refuse(request, "您的账号没有导入文件的权限。")
    files = request.FILES.getlist("file")
    if len(files) != 1:
        result = UploadResult("", "error", "每次请求只能上传一个文件。")
    else:
        result = import_upload(files[0], request.user)
    return render(request, "web/partials/import_result.html", {"r": result})
