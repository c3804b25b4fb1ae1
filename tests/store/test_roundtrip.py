"""A document stored and read back is the same document, to the last decimal digit."""

from decimal import Decimal

import pytest
from django.db import transaction

from perfbudget.store import models as db
from perfbudget.store.importer import document_from_store
from perfbudget.store.save import save_document

DEPARTMENT = "青川市生态环境局"

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.fixture
def stored(budget_doc, budget_finding):
    with transaction.atomic():
        save_document(budget_doc, [budget_finding])
    return budget_doc, db.Document.objects.get()


def test_model_rebuilt_equal_and_exact(stored):
    doc, record = stored
    again = document_from_store(db.Document.objects.get(pk=record.pk))
    assert again == doc
    # equal decimals could still differ in scale ("1250.5" == "1250.50"); the JSON keeps the print
    assert again.model_dump(mode="json") == doc.model_dump(mode="json")
    row = again.table("t1").rows[3]
    assert row.cells["c2"].value == Decimal("-12345678901.123456")
    assert str(row.cells["c1"].value) == "0.0001"


def test_document_fields(stored):
    _, record = stored
    assert record.department.name == DEPARTMENT
    assert (record.fiscal_year, record.stage, record.family, record.money_unit) == (
        2025,
        "预算",
        "budget_disclosure",
        "万元",
    )
    assert (record.format, record.encoding, record.size, record.sha256) == ("text", "utf-8", 2048, "ab" * 32)
    assert record.reader_findings_count == 1


def test_tables_and_rows(stored):
    _, record = stored
    tables = list(record.tables.order_by("order"))
    assert [(t.ident, t.kind, t.declared_empty) for t in tables] == [
        ("t1", "expenditure_summary", False),
        ("t2", "state_fund", True),
    ]
    assert [c["key"] for c in tables[0].columns] == ["c1", "c2", "c3"]
    assert (
        tables[0].unit == "万元"
        and tables[0].label == "公开02表"
        and tables[0].notes == ["注：本表不含上年结转。"]
    )
    rows = list(tables[0].rows.order_by("index"))
    assert [(r.index, r.label, r.code, r.role, r.level) for r in rows] == [
        (0, "合计", "", "total", 0),
        (1, "环境保护支出", "211", "group", 1),
        (2, "一般公共服务支出", "201", "item", 1),
        (3, "污染防治", "21103", "item", 2),
    ]
    assert rows[2].code_inferred and rows[2].code_system == "functional"
    # empty is not zero: null value vs the printed "0.00"
    assert rows[2].cells["c1"] == {"text": "", "value": None, "line": 10, "page": None}
    assert rows[2].cells["c2"] == {"text": "0.00", "value": "0.00", "line": 10, "page": None}
    assert rows[0].cells["c1"]["value"] == "1250.50"


def test_rows_queryable_by_code(stored):
    assert db.Row.objects.filter(code="211", table__document__department__name=DEPARTMENT).count() == 1


def test_findings(stored, budget_finding):
    doc, record = stored
    check, reader = record.findings.order_by("origin")
    assert (check.origin, check.rule, check.severity, check.status) == ("check", "sum.rows", "error", "open")
    assert (check.table_ident, check.row_index, check.column_key) == ("t1", 0, "c1")
    assert check.to_model() == budget_finding
    assert check.figures == {
        "expected": "1250.5001",
        "actual": "1250.50",
        "difference": "-0.0001",
        "tolerance": "1E-8",  # str(Decimal), as pydantic writes it: exact
    }
    check.refresh_from_db()
    assert check.difference == Decimal("-0.0001") and check.expected == Decimal("1250.5001")
    assert check.tolerance == 0  # the numeric copy is rounded to 6 places; figures keep the value
    assert check.cells[0]["value"] == "1250.50" and check.cells[0]["ref"]["table"] == "t1"
    assert (reader.origin, reader.rule, reader.table_ident, reader.row_index) == (
        "reader",
        "read.unplaced",
        "",
        None,
    )
    assert reader.to_model() == doc.findings[0]


def test_department_shared_between_documents(stored):
    doc, _ = stored
    other = doc.model_copy(
        update={"source": doc.source.model_copy(update={"sha256": "cd" * 32}), "fiscal_year": 2024}
    )
    with transaction.atomic():
        save_document(other)
    assert db.Department.objects.count() == 1
    assert list(db.Document.objects.values_list("fiscal_year", flat=True).order_by("fiscal_year")) == [
        2024,
        2025,
    ]
