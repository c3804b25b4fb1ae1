"""Amounts as printed → Decimal at the printed precision; placeholders and words → None."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfbudget.recognize.numbers import is_code, parse_amount


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13,190.69", "13190.69"),
        ("0.00", "0.00"),
        ("1234", "1234"),
        ("-12.00", "-12.00"),
        ("－12.00", "-12.00"),
        ("１２３４.５６", "1234.56"),  # full-width digits
        ("１，２３４．５６", "1234.56"),  # full-width separators too
        ("1，234.56", "1234.56"),
        (" 12.50\u3000", "12.50"),
    ],
)
def test_amounts(text: str, value: str) -> None:
    parsed = parse_amount(text)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # the printed precision is kept


@pytest.mark.parametrize(
    "text", ["", "-", "—", "/", "…", "无", "12，34", "1,23", "12.3%", "12.00万元", "a，b", "2025年"]
)
def test_not_amounts(text: str) -> None:
    assert parse_amount(text) is None


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_printed_with_separators_reads_back(value: Decimal) -> None:
    assert parse_amount(f"{value:,}") == value
    assert parse_amount(f"{value:,}".replace(",", "，").replace(".", "．")) == value


def test_codes() -> None:
    assert [is_code(t) for t in ("211", "21101", "2110101", "2110", "21", "211a")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
