"""Rounding tolerance: how far a printed sum may stray from its printed parts by rounding alone.

Every printed figure is rounded to its printed precision (``0.01`` 万元 for 2 decimals), so each
is off by at most half a unit of its last digit. A total and its ``n`` parts can therefore
disagree by up to ``(n + 1) × ½`` unit without any error; we never allow less than one unit.
A larger difference is an error; a smaller non-zero one is reported as rounding (info). An empty
cell is no printed figure and sets no precision.
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


def ratio_tolerance(
    printed: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    numerator_error: Decimal | None = None,
    denominator_error: Decimal | None = None,
) -> Decimal:
    """How far a printed percentage may stray from ``100 × numerator ÷ denominator`` by rounding alone.

    Two roundings are at work. The percentage itself is printed to ``d`` decimals (``99.90%``,
    ``103.6%``, ``74%``), so it is off by at most ½ unit of its last digit: 0.005 points for two
    decimals, 0.05 for one, 0.5 for none. And it was computed from amounts that are printed rounded
    too (each within ½ unit of its last digit, ``numerator_error``/``denominator_error`` when the
    caller knows better, e.g. a prior year's figure derived as ``current − change``), which moves
    the ratio by up to ``100 × (ea ÷ |b| + |a| × eb ÷ b²)``. The tolerance is the sum of the two.

    The narrative rules treat a rate within this tolerance as agreeing, one within a further ½ unit
    of its last digit (a last digit off by one, as a rate computed from unrounded 元 amounts may be)
    as rounding (information), and anything beyond as wrong.
    """
    half_rate = HALF * Decimal(1).scaleb(-decimals(printed))
    ea = numerator_error if numerator_error is not None else HALF * unit_of([numerator])
    eb = denominator_error if denominator_error is not None else HALF * unit_of([denominator])
    b = abs(denominator)
    if b == 0:
        return half_rate
    propagated = Decimal(100) * (ea / b + abs(numerator) * eb / (b * b))
    return half_rate + propagated


def printed_tolerance(a: Decimal, b: Decimal) -> Decimal:
    """A figure printed twice, each time rounded to its own precision (prose ``238.4`` and table
    ``238.43``; two paragraphs ``3,260.17`` and ``3,260.18``): each is within ½ unit of its last
    digit of the true amount, so they may differ by ½ unit of one plus ½ unit of the other."""
    return HALF * (unit_of([a]) + unit_of([b]))


def parts_tolerance(total: Decimal, parts: list[Decimal]) -> Decimal:
    """A total and its parts each rounded to its own precision: ½ unit of every figure's last digit,
    added up, and never less than one unit of the finest figure. A part printed as zero (``0万元``)
    is nothing and adds no rounding. Prose drops trailing zeros (``100万元`` in a list of figures with
    two decimals), which would make ``sum_tolerance`` (the coarsest unit for every figure) loose."""
    units = [unit_of([v]) for v in (total, *parts) if v != 0] or [unit_of([total])]
    return max(min(units), HALF * sum(units, Decimal(0)))
