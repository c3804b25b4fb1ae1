"""Statements: the figures a 情况说明 states in prose, each tied to a concept and its source.

A :class:`Statement` is one quantitative claim of the prose — ``收入合计8,406.25万元``,
``占99.90%``, ``增加1,205.30万元，增长16.74%``, ``完成年初预算的47.62%``, ``车辆12辆`` or a
per-item line ``类/款/项：年初预算为A万元，支出决算为B万元，完成年初预算的C%``. Every number is
kept as printed (``12,305.48``, ``7315.20`` and ``238.4`` keep their precision) in a
:class:`Figure` that knows its own line, page and place in the paragraph.

The concept is kept twice: as worded in the document (``wording``) and as a canonical id from
the vocabulary in ``recognize/narrative/concepts.toml`` (``concept``; documented in
``docs/narrative-concepts.md``). ``concept`` is ``None`` when the wording is not in the
vocabulary or its scope is ambiguous; such statements are kept but never checked.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from perfbudget.model.defaults import empty_list


class StatementKind(StrEnum):
    AMOUNT = "amount"  # 收入合计8,406.25万元
    SHARE = "share"  # 占99.90% / 占政府采购支出总额的41.30%
    CHANGE = "change"  # 增加1,205.30万元，增长16.74% / 减少8.40万元，下降9.33%
    COMPLETION = "completion"  # 预算为36.50万元，支出决算为30.15万元，完成预算的82.60%
    COUNT = "count"  # 车辆12辆 / 项目15个
    ITEM = "item"  # 类（类）款（款）项（项）。年初预算为A万元，支出决算为B万元，完成年初预算的C%
    PERCENT = "percent"  # any other percentage (覆盖面100%): kept, never checked


class FigureRole(StrEnum):
    VALUE = "value"  # the amount or count itself
    RATE = "rate"  # the percentage of a share, a change (signed) or a completion
    CHANGE = "change"  # the stated difference to last year (signed: 减少 is negative)
    CURRENT = "current"  # this year's figure a change is about (from the statement it refers to)
    PRIOR = "prior"  # last year's figure, when stated
    PART = "part"  # the amount a share is the share of
    WHOLE = "whole"  # the amount a share is a share in, when stated with a number
    BUDGET = "budget"  # 年初预算 / 预算数
    ACTUAL = "actual"  # 支出决算 / 决算数


class Figure(BaseModel):
    """One printed number. ``value`` has the printed precision and the printed sign rules
    applied (a 减少/下降 figure is negative, ``text`` stays as printed)."""

    role: FigureRole
    value: Decimal
    text: str  # as printed, e.g. "12,305.48"
    unit: str  # 万元, 元, %, 个, 辆, 台（套）, 平方米 …
    line: int | None = None
    page: int | None = None
    offset: int | None = None  # where ``text`` starts in the paragraph printed at ``line``
    statement: str | None = None  # id of the statement the figure was first stated in


class Statement(BaseModel):
    """A quantitative statement of the prose.

    ``sentence`` is the sentence as printed (markup removed); ``clause`` the part of it that makes
    this statement (between 。；). ``scope`` is ``budget`` (预算数/年初预算) or ``final`` (决算数)
    when the wording says so. ``code`` is the 功能分类 code of a statement about one 类/款/项 (a
    class in a ``主要用于`` list, a per-item line); ``path`` the printed 类/款/项 names of a
    per-item line. ``part_of`` names the statement this one is a part of (``其中：``, ``主要包括``),
    ``about`` the statement a share, change or completion rate is about. For shares,
    ``whole_wording``/``whole_concept`` name the whole as worded (``占支出合计的``), and a
    ``whole`` figure is present when the whole is stated with a number.
    """

    id: str
    kind: StatementKind
    sentence: str
    clause: str = ""
    line: int | None = None
    page: int | None = None
    section: str | None = None  # the numbered heading the statement stands under
    wording: str = ""  # the concept as worded in the document
    concept: str | None = None  # canonical concept id (recognize/narrative/concepts.toml)
    scope: str | None = None  # "budget" | "final" | None
    code: str | None = None
    path: list[str] = Field(default_factory=empty_list)
    part_of: str | None = None
    about: str | None = None
    whole_wording: str = ""
    whole_concept: str | None = None
    figures: list[Figure] = Field(default_factory=empty_list)

    def figure(self, role: FigureRole | str) -> Figure | None:
        for figure in self.figures:
            if figure.role == role:
                return figure
        return None

    @property
    def value(self) -> Decimal | None:
        """The main number: the amount or count, the rate of a share or completion, the change."""
        for role in (FigureRole.VALUE, FigureRole.RATE, FigureRole.CHANGE, FigureRole.ACTUAL):
            figure = self.figure(role)
            if figure is not None:
                return figure.value
        return None

    @property
    def unit(self) -> str:
        for role in (FigureRole.VALUE, FigureRole.RATE, FigureRole.CHANGE, FigureRole.ACTUAL):
            figure = self.figure(role)
            if figure is not None:
                return figure.unit
        return ""
