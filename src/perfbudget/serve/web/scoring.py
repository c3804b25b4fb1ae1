"""Score explanations: the hook between the pages/API and the scoring engine (``perfbudget.score``).

The engine is optional. When the package ``perfbudget.score`` provides a function that recomputes
a core :class:`~perfbudget.model.performance.SelfEvaluation` or
:class:`~perfbudget.model.performance.EvaluationReport` into an explanation tree (looked up by the
names in :data:`ENGINE_FUNCTIONS`, first found wins), the pages render that tree and the API
returns it with the recomputed total. Without it, pages show the printed scores only and say that
no recomputation is available.

The tree is read leniently, so the engine can return its own dataclasses, pydantic models or
dicts: a node's label is the first of ``label``/``name``/``title`` (a :class:`Text` is read as its
``text``), its recomputed score the first of ``score``/``value``/``computed``/``recomputed``, its
full marks ``points``/``max_points``/``weight``/``full``, the printed score ``printed``, an
explanation ``note``/``reason``/``explanation``/``formula``/``detail``/``rule``, how the score was
obtained ``status`` (computed, sum, kept, implied, missing), the printed ``figures`` it used
(``label``, ``text``, ``line``, ``page``) and its children ``children``/``items``/``parts``/``nodes``.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

log = logging.getLogger(__name__)

ENGINE_MODULE = "perfbudget.score"
ENGINE_FUNCTIONS = ("explain", "recompute", "explain_score", "score_tree")
MAX_DEPTH = 8


STATUS_LABELS = {
    "computed": "按规则计算",
    "sum": "下级之和",
    "kept": "沿用原文",
    "implied": "由总分推定",
    "missing": "无法计算",
}


@dataclass
class Figure:
    """A printed figure the engine used, with where it was printed."""

    label: str
    text: str
    line: int | None = None
    page: int | None = None


@dataclass
class Node:
    label: str
    score: Decimal | None = None
    points: Decimal | None = None
    printed: Decimal | None = None
    note: str = ""
    status: str = ""
    figures: list[Figure] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def agrees(self) -> bool | None:
        """Whether the recomputed score equals the printed one (None when either is missing)."""
        if self.score is None or self.printed is None:
            return None
        return self.score == self.printed

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "score": _string(self.score),
            "points": _string(self.points),
            "printed": _string(self.printed),
            "note": self.note,
            "status": self.status,
            "figures": [
                {"label": f.label, "text": f.text, "line": f.line, "page": f.page} for f in self.figures
            ],
            "children": [child.as_dict() for child in self.children],
        }


def engine():
    """The engine's explaining function, or None while ``perfbudget.score`` does not provide one."""
    try:
        module = importlib.import_module(ENGINE_MODULE)
    except ImportError:
        return None
    except Exception:  # an engine being written may fail to import: the pages still work
        log.exception("importing %s failed", ENGINE_MODULE)
        return None
    for name in ENGINE_FUNCTIONS:
        function = getattr(module, name, None)
        if callable(function):
            return function
    return None


def explain(form) -> Node | None:
    """The engine's explanation of ``form`` (a core SelfEvaluation or EvaluationReport), or None."""
    function = engine()
    if function is None or form is None:
        return None
    try:
        tree = function(form)
    except Exception:
        log.exception("the scoring engine failed on %s", type(form).__name__)
        return None
    if tree is None:
        return None
    return _node(tree, 0)


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return None


def _label(value: Any) -> str:
    if value is None:
        return ""
    text = _get(value, "text") if not isinstance(value, str) else value
    return str(text if text is not None else value)


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, Decimal | int | str):
        value = _get(value, "value")  # a Figure
        if value is None:
            return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _string(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _node(obj: Any, depth: int) -> Node:
    children = _get(obj, "children", "items", "parts", "nodes") or []
    if isinstance(children, dict):
        children = list(children.values())
    return Node(
        label=_label(_get(obj, "label", "name", "title")) or "（未命名）",
        score=_number(_get(obj, "score", "value", "computed", "recomputed")),
        points=_number(_get(obj, "points", "max_points", "weight", "full")),
        printed=_number(_get(obj, "printed", "printed_score")),
        note=_label(_get(obj, "note", "reason", "explanation", "formula", "detail", "rule")),
        status=_label(_get(obj, "status")),
        figures=[
            Figure(
                label=_label(_get(f, "label", "name")),
                text=_label(_get(f, "text")),
                line=_get(f, "line"),
                page=_get(f, "page"),
            )
            for f in (_get(obj, "figures") or [])
        ],
        children=[_node(child, depth + 1) for child in children] if depth < MAX_DEPTH else [],
    )
