"""Write one core-model document as records (the caller holds the transaction)."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from perfbudget import model as core
from perfbudget.store import models as db
from perfbudget.store.performance import store_forms
from perfbudget.store.summary import document_total, severity_fields, total_rows_of_model

BATCH = 1000  # records per INSERT; Django splits further where the database needs it
_FIGURES = ("expected", "actual", "difference", "tolerance")
_NUMERIC_LIMIT = Decimal(10) ** (db.NUMERIC["max_digits"] - db.NUMERIC["decimal_places"])
_QUANTUM = Decimal(1).scaleb(-db.NUMERIC["decimal_places"])


@dataclass
class Saved:
    document: db.Document
    tables: int = 0
    rows: int = 0
    findings: Counter[str] = field(default_factory=Counter)  # by severity
    forms: dict[str, int] = field(default_factory=dict)  # performance-form records by kind


def save_document(doc: core.Document, checks: Iterable[core.Finding] = ()) -> Saved:
    """Store ``doc`` with its reader findings and the given check findings."""
    # One JSON dump serves both the stored model and the records: decimals become exact strings.
    data = doc.model_dump(mode="json")
    stored = db.Document.objects.create(
        sha256=doc.source.sha256,
        file_name=doc.source.name,
        path=doc.source.path,
        format=doc.source.format,
        encoding=doc.source.encoding or "",
        size=doc.source.size,
        family=doc.family,
        department=_department(doc.department),
        fiscal_year=doc.fiscal_year,
        stage=doc.stage or "",
        money_unit=doc.money_unit or "",
        model_json=data,
        reader_findings_count=len(doc.findings),
        **document_total(total_rows_of_model(data["tables"])),
    )
    saved = Saved(stored)
    tables = db.Table.objects.bulk_create(_tables(stored, data["tables"]), batch_size=BATCH)
    saved.tables = len(tables)
    for batch in _batches(_rows(tables, data["tables"])):
        db.Row.objects.bulk_create(batch, batch_size=BATCH)
        saved.rows += len(batch)
    findings = [*_findings(stored, db.Finding.Origin.READER, data["findings"])]
    findings += _findings(stored, db.Finding.Origin.CHECK, (f.model_dump(mode="json") for f in checks))
    db.Finding.objects.bulk_create(findings, batch_size=BATCH)
    saved.findings.update(f.severity for f in findings)
    counts = severity_fields(f.severity for f in findings)
    db.Document.objects.filter(pk=stored.pk).update(**counts)
    for name, value in counts.items():
        setattr(stored, name, value)
    # projects, targets, evaluations and their indicators, for the pages that query them
    saved.forms = store_forms(stored, data)
    return saved


def _department(name: str | None) -> db.Department | None:
    name = (name or "").strip()
    if not name:
        return None
    department, _ = db.Department.objects.get_or_create(name=name)
    return department


def _tables(document: db.Document, tables: list[dict[str, Any]]) -> Iterator[db.Table]:
    for order, t in enumerate(tables):
        yield db.Table(
            document=document,
            ident=t["id"],
            order=order,
            kind=t["kind"],
            kind_name=t["kind_name"],
            title=t["title"],
            label=t["label"] or "",
            unit=t["unit"] or "",
            issuer=t["issuer"] or "",
            columns=t["columns"],
            header_rows=t["header_rows"],
            notes=t["notes"],
            declared_empty=t["declared_empty"],
            line=t["line"],
            page=t["page"],
            sheet=t["sheet"] or "",
        )


def _rows(stored: list[db.Table], tables: list[dict[str, Any]]) -> Iterator[db.Row]:
    for table, t in zip(stored, tables, strict=True):
        for index, r in enumerate(t["rows"]):
            yield db.Row(
                table=table,
                index=index,
                label=r["label"],
                code=r["code"] or "",
                code_system=r["code_system"] or "",
                code_inferred=r["code_inferred"],
                level=r["level"],
                role=r["role"],
                side=r["side"] or "",
                group=r["group"] or "",
                line=r["line"],
                page=r["page"],
                cells=r["cells"],
            )


def _findings(document: db.Document, origin: str, findings: Iterable[dict[str, Any]]) -> list[db.Finding]:
    records = []
    for order, f in enumerate(findings):
        first = f["cells"][0]["ref"] if f["cells"] else {}
        figures = {name: f[name] for name in _FIGURES if f[name] is not None}
        records.append(
            db.Finding(
                document=document,
                origin=origin,
                order=order,
                rule=f["rule"],
                severity=f["severity"],
                message=f["message"],
                cells=f["cells"],
                figures=figures,
                **{name: _numeric(value) for name, value in figures.items()},
                table_ident=first.get("table") or "",
                row_index=first.get("row"),
                column_key=first.get("column") or "",
                fingerprint=_fingerprint(f),
            )
        )
    return records


def _numeric(text: str) -> Decimal | None:
    """The value for a DecimalField(20, 6): rounded to 6 places, None where it would overflow."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= _NUMERIC_LIMIT:
        return None
    return value.quantize(_QUANTUM)


def _fingerprint(f: dict[str, Any]) -> str:
    places = ";".join(
        f"{c['ref'].get('table')}/{c['ref'].get('row')}/{c['ref'].get('column')}" for c in f["cells"]
    )
    return hashlib.sha1(f"{f['rule']}|{places}".encode(), usedforsecurity=False).hexdigest()


def _batches(records: Iterator[db.Row]) -> Iterator[list[db.Row]]:
    batch: list[db.Row] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
