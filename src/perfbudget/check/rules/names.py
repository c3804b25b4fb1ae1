"""A classification code's printed name agrees with the national classification."""

from __future__ import annotations

from collections.abc import Iterator

from perfbudget.check.cite import cite, place
from perfbudget.check.registry import rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity


@rule("classification.name-mismatch", Severity.WARNING, "classification", "科目名称与编码不符")
def name_mismatch(document: Document) -> Iterator[Finding]:
    """A printed 功能分类/经济分类 code whose printed name differs from the name the national
    classification (政府收支分类科目) gives that code, allowing for known spelling variants and
    older editions' names."""
    try:
        from perfbudget.reference import check_name
    except ImportError:  # reference data not available
        return
    for table in document.tables:
        for row in table.rows:
            if not row.code or row.code_inferred or not row.label or not row.code_system:
                continue
            result = check_name(row.code_system, row.code, row.label, year=document.fiscal_year)
            if result.ok:
                continue
            unknown = result.status == "unknown_code"
            key = "name" if table.column("name") else None
            yield Finding(
                rule="classification.name-mismatch",
                severity=Severity.INFO if unknown else Severity.WARNING,
                message=f"{place(table, row)}：{result.message}",
                cells=[cite(document, table, row, key, "name")] if key else [],
            )
