"""The reference data that recognition consults, with safe fallbacks while it loads."""

from __future__ import annotations

from functools import cache

# 人员经费 classes of 部门预算支出经济分类; every other class counts as 公用经费 in the
# basic-expenditure table (the reference data says so per class when it is present).
_PERSONNEL_CLASSES = {"301", "303"}


@cache
def _reference():
    try:
        from perfbudget import reference
    except ImportError:  # pragma: no cover - the reference package ships with perfbudget
        return None
    return reference if hasattr(reference, "functional") else None


def class_code_by_name(name: str) -> str | None:
    ref = _reference()
    if ref is None:
        return None
    subject = ref.functional.class_by_name(name)
    return subject.code if subject else None


def economic_group(code: str) -> str:
    return "人员经费" if code[:3] in _PERSONNEL_CLASSES else "公用经费"


def is_economic_class_name(name: str) -> bool:
    ref = _reference()
    if ref is None:
        return True
    subject = ref.economic.by_name(name)
    return subject is not None and len(subject.code) == 3


def functional_code_by_name(name: str, under: str | None = None) -> str | None:
    """The 功能分类 code of a printed name: a 类 anywhere, a 款 or 项 under ``under``.

    A 款 or 项 name alone is often ambiguous (行政运行 is under every 款), so below the 类 a code
    is found only within the row above's class or section.
    """
    ref = _reference()
    if ref is None:
        return None
    if under is None:
        subject = ref.functional.by_name(name, level=1)
    else:
        subject = ref.functional.by_name(name, level=len(under) // 2 + 1, under=under)  # 3 → 款, 5 → 项
    return subject.code if subject else None
