"""The explanation of a score: a tree of :class:`ScoreNode`.

Every node says how many points it gives (``points``) out of how many (``max``), by which rule
(``rule``, in words, with the arithmetic: ``预算执行率 85.43% × 10 = 8.54``) and from which printed
figures (``figures``, each with its source line). A node with children gives the sum of its
children's points, exactly: the points of a total are the points of its explained parts.
``printed`` is the score the document prints for the same thing (``None`` where it prints none);
``status`` says where ``points`` come from.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field


class Status(StrEnum):
    COMPUTED = "computed"  # recomputed from the printed figures by the profile's rule
    SUM = "sum"  # the sum of the children
    KEPT = "kept"  # the printed score, kept: the figures do not allow a recomputation (``rule`` says why)
    IMPLIED = "implied"  # not printed: what the printed total leaves for it (``rule`` says so)
    MISSING = "missing"  # neither printed nor computable: no points


class ScoreFigure(BaseModel):
    """A printed figure a rule used: what it is, the text as printed and where."""

    label: str
    text: str
    value: Decimal | None = None
    line: int | None = None
    page: int | None = None


class ScoreNode(BaseModel):
    name: str
    points: Decimal | None = None
    max: Decimal | None = None
    printed: Decimal | None = None
    status: Status = Status.COMPUTED
    rule: str = ""
    figures: list[ScoreFigure] = Field(default_factory=list)
    children: list[ScoreNode] = Field(default_factory=list)
    line: int | None = None  # where the printed score is
    page: int | None = None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def total_of(children: list[ScoreNode]) -> Decimal:
    """The sum of the children's points (a child without points gives none)."""
    return sum((c.points for c in children if c.points is not None), Decimal(0))
