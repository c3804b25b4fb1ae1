"""Numbers as printed: amounts, percentages, integers; placeholders are empty, never zero."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Printed marks for "nothing here": empty, ideographic space, dashes, slashes, ellipsis.
PLACEHOLDERS = frozenset({"", "□", "-", "--", "—", "——", "－", "/", "\\", "／", "…", "...", "无", "0-"})
_AMOUNT = re.compile(r"^[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")


def parse_amount(text: str) -> Decimal | None:
    """``"13,190.69"`` → ``Decimal("13190.69")``; placeholders and text → ``None``.

    The printed precision is kept (``"0.00"`` stays ``Decimal("0.00")``).
    """
    text = text.strip()
    if text in PLACEHOLDERS or match_amount(text) is None:
        return None
    if "," in text:
        text = text.replace(",", "")
    if text[0] in "−－":  # a sign is only ever first (see _AMOUNT)
        text = "-" + text[1:]
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


# No placeholder matches: ``is_amount(text)`` is ``match_amount(text.strip()) is not None`` for a
# non-empty text (the placeholder test is only a quick way out).
match_amount = _AMOUNT.match


def is_amount(text: str) -> bool:
    return bool(text) and text not in PLACEHOLDERS and match_amount(text.strip()) is not None


def is_decimal_amount(text: str) -> bool:
    """An amount that cannot be a row or column number: it has a decimal point or separators."""
    return is_amount(text) and ("." in text or "," in text)


def is_code(text: str) -> bool:
    """A classification code: 3, 5 or 7 digits (类/款/项)."""
    return _match_code(text) is not None


_match_code = _CODE.match


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
