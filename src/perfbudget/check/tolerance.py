"""Rounding tolerance: how far a printed sum may stray from its printed parts by rounding alone.

Every printed figure is rounded to its printed precision (``0.01`` 万元 for 2 decimals), so each
is off by at most half a unit of its last digit. A total and its ``n`` parts can therefore
disagree by up to ``(n + 1) × ½`` unit without any error; we never allow less than one unit.
A larger difference is an error; a smaller non-zero one is reported as rounding (info).
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.recognize.numbers import decimals

HALF = Decimal("0.5")


def unit_of(values: list[Decimal]) -> Decimal:
    """The unit of the last printed digit: the coarsest precision among the figures involved."""
    places = min((decimals(v) for v in values), default=2)
    return Decimal(1).scaleb(-places)


def sum_tolerance(total: Decimal, parts: list[Decimal]) -> Decimal:
    unit = unit_of([total, *parts])
    return max(unit, unit * HALF * (len(parts) + 1))


def equal_tolerance(a: Decimal, b: Decimal) -> Decimal:
    """Two printings of the same figure: they may differ by one unit of the coarser one
    (the same amount rounded once from 元 and once from a rounded sum)."""
    return unit_of([a, b])


def percent_tolerance(printed: Decimal) -> Decimal:
    """A percentage printed with ``d`` decimals is off by at most half a unit of its last digit;
    we allow one unit so that a rate computed from rounded amounts still passes."""
    return Decimal(1).scaleb(-decimals(printed))
