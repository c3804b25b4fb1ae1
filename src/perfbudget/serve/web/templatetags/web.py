"""Template helpers: query highlighting (escaped), severity labels, amounts."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
STATUS_CLASS = {"open": "status-open", "confirmed": "status-confirmed", "dismissed": "status-dismissed"}


@register.filter
def highlight(text: str, query: str):
    """``text`` escaped, with each occurrence of ``query`` (any case) wrapped in ``<mark>``."""
    text = text or ""
    if not query:
        return escape(text)
    parts = re.split(f"({re.escape(query)})", text, flags=re.IGNORECASE)
    return mark_safe(
        "".join(f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(parts))
    )


@register.filter
def severity_label(value: str) -> str:
    return SEVERITY.get(value, value)


@register.filter
def status_class(value: str) -> str:
    return STATUS_CLASS.get(value, "")


@register.filter
def amount(value) -> str:
    """An exact decimal with thousands separators and its own places (no float rounding)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        try:
            value = Decimal(str(value))
        except ArithmeticError:
            return str(value)
    return f"{value:,f}"


@register.simple_tag
def page_url(query: str, number: int) -> str:
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.filter
def exact(value) -> str:
    """A stored exact decimal without the storage's trailing zeros (``1300000.00000000`` → ``1,300,000``)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal):
        try:
            value = Decimal(str(value))
        except ArithmeticError:
            return str(value)
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
