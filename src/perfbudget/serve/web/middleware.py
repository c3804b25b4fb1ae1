"""Sign-in for every page, and a Content-Security-Policy that forbids inline and foreign scripts."""

from __future__ import annotations

from django.contrib.auth.middleware import LoginRequiredMiddleware as _LoginRequired

# Pages of our own (not the admin, which sets its own scripts, nor the API docs).
_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # ECharts and htmx set element styles
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)


class LoginRequiredMiddleware(_LoginRequired):
    """Django's: every view needs a signed-in user unless marked ``login_not_required``.

    The API answers for itself (401 rather than a redirect to the sign-in page).
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        if not path.startswith(("/admin/", "/api/")):
            response.headers.setdefault("Content-Security-Policy", _CSP)
        return response
