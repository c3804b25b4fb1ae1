"""URLs: the web pages (``web:``), the JSON API under /api/, and the Django admin."""

from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles.views import serve as serve_static
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control

from perfbudget.serve.api import api
from perfbudget.serve.web.views import errors

admin.site.site_header = admin.site.site_title = "预算绩效管理 · 后台"
admin.site.index_title = "数据与用户管理"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("perfbudget.serve.web.urls")),
]

if not settings.DEBUG and settings.PERFBUDGET_SERVE_STATIC:
    # Small deployments serve their own CSS and JavaScript (see docs/deployment.md).
    urlpatterns.append(
        re_path(r"^static/(?P<path>.*)$", cache_control(max_age=86400)(serve_static), {"insecure": True})
    )

handler400 = errors.bad_request
handler403 = errors.forbidden
handler404 = errors.not_found
handler500 = errors.server_error
