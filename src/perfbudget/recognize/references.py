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
