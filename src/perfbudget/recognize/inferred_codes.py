"""功能分类 codes for a table that prints the names only (节能环保支出, then 环境保护管理事务, …).

Each name is looked up where the rows above put it: a 项 within the last 款, a 款 within the last
类, else a 类 of its own. The codes found are marked as inferred, so that a reader can tell
them from printed ones, and they let the table's structure (and its sums) be checked.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model.tables import RowRole
from perfbudget.recognize.rows import LEVELS, Placed

# Below this share of the named rows found in the classification, the table is not a 功能分类
# table printed by name (a list of projects, say) and nothing is inferred.
_ENOUGH = 0.6


def infer_functional_codes(
    placed: list[Placed], code_by_name: Callable[[str, str | None], str | None]
) -> None:
    """Give codeless rows of a name-only table the codes their names have in context."""
    if any(p.row["code"] for p in placed):
        return  # codes are printed: nothing to infer
    named = [p.row for p in placed if p.row["label"] and p.row["role"] != RowRole.TOTAL]
    if not named:
        return
    found: list[tuple[dict, str]] = []
    class_code = section_code = None
    for row in named:
        label = row["label"]
        code = None
        if section_code is not None:
            code = code_by_name(label, section_code)
        if code is None and class_code is not None:
            code = code_by_name(label, class_code)
        if code is None:
            code = code_by_name(label, None)
        if code is None:
            continue
        found.append((row, code))
        if len(code) == 3:
            class_code, section_code = code, None
        elif len(code) == 5:
            section_code = code
    if len(found) < _ENOUGH * len(named):
        return
    for row, code in found:
        row["code"], row["code_inferred"], row["level"] = code, True, LEVELS[len(code)]
        row["code_system"] = "functional"
