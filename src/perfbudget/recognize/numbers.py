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
    # String tests settle plain figures (1234, 13190.69) and words, which are most cells, at a
    # fraction of the pattern's cost; the pattern decides the rest (signs, thousands separators).
    # No placeholder matches the pattern, so placeholders need no test of their own.
    first = text[:1]
    if first.isdecimal():  # \d is a Unicode decimal digit, as isdecimal() is
        head, dot, tail = text.partition(".")
        if not (head.isdecimal() and (not dot or tail.isdecimal())) and _match_amount(text) is None:
            text = _with_ascii_marks(text)
            if text is None:
                return None
    elif not first or first not in _SIGNS:
        return None  # an amount starts with a digit or a sign
    elif _match_amount(text) is None:
        text = _with_ascii_marks(text)
        if text is None:
            return None
    if "," in text:
        text = text.replace(",", "")
    if text[0] in "−－":  # a sign is only ever first (see _AMOUNT)
        text = "-" + text[1:]
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


_match_amount = _AMOUNT.match
_FULL_WIDTH_MARKS = str.maketrans("，．", ",.")


def _with_ascii_marks(text: str) -> str | None:
    """１，２３４．５６ as some converters print it → 1,234.56, if that is an amount."""
    if "，" not in text and "．" not in text:
        return None
    text = text.translate(_FULL_WIDTH_MARKS)
    return text if _match_amount(text) is not None else None


_SIGNS = "-−－"


def is_amount(text: str) -> bool:
    return parse_amount(text) is not None


def is_decimal_amount(text: str) -> bool:
    """An amount that cannot be a row or column number: it has a decimal point or separators."""
    return is_amount(text) and ("." in text or "," in text)


def is_code(text: str) -> bool:
    """A classification code: 3, 5 or 7 digits (类/款/项)."""
    if text.isdecimal():  # \d is a Unicode decimal digit, as isdecimal() is
        return len(text) in (3, 5, 7)
    return text[-1:] == "\n" and _match_code(text) is not None  # $ also matches before a final newline


_match_code = _CODE.match


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
