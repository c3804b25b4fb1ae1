"""Reference data: the national 政府收支分类科目 (functional, economic and revenue classifications).

Plain Python, no Django; the CSVs under ``data/`` are parsed on first lookup, not at import.
See ``docs/reference-data.md``.
"""

from perfbudget.reference.classification import (
    LEVEL_NAMES,
    Classification,
    ExpenseKind,
    NameCheck,
    NameStatus,
    Subject,
    System,
    check_name,
    economic,
    functional,
    get_classification,
    government_economic,
    join_code,
    level_of,
    name_matches,
    normalize_code,
    normalize_name,
    parse_path,
    revenue,
    strip_ordinal,
    system_for_code,
)

__all__ = [
    "LEVEL_NAMES",
    "Classification",
    "ExpenseKind",
    "NameCheck",
    "NameStatus",
    "Subject",
    "System",
    "check_name",
    "economic",
    "functional",
    "get_classification",
    "government_economic",
    "join_code",
    "level_of",
    "name_matches",
    "normalize_code",
    "normalize_name",
    "parse_path",
    "revenue",
    "strip_ordinal",
    "system_for_code",
]
