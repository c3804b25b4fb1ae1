"""A form renderer that remembers rendered widgets.

The filter forms on the list pages render select boxes of every department and year through
Django's widget templates (one template include per option): the same HTML on every request.
A widget's HTML depends only on its template and its context (name, value, attributes, options),
so it is kept per process, keyed by exactly those; a context that is not plain data is rendered
every time.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import SafeString

_PLAIN = (str, int, float, bool, type(None))
_MAX = 2048  # rendered widgets kept per process


def _plain(value) -> bool:
    if isinstance(value, _PLAIN):
        return type(value) in _PLAIN or isinstance(value, SafeString)
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


class CachingRenderer(DjangoTemplates):
    def __init__(self):
        super().__init__()
        self._rendered: dict[tuple, str] = {}

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if request is None and len(context) == 1 else None
        if widget is None or not _plain(widget):
            return super().render(template_name, context, request)
        key = (template_name, repr(widget))
        html = self._rendered.get(key)
        if html is None:
            html = super().render(template_name, context, request)
            if len(self._rendered) >= _MAX:
                self._rendered.clear()
            self._rendered[key] = html
        return html
