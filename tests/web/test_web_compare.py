"""Comparison: figures read from seed 004 (预算) exactly, charts' data, CSV and XLSX downloads."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from perfbudget.serve.web.figures import document_metrics, document_totals
from perfbudget.store.save import save_document

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_metrics_of_seed_004(seed_004):
    metrics = document_metrics(seed_004).values
    assert metrics["total"] == Decimal("11967.10")
    assert metrics["basic"] == Decimal("2411.64") and metrics["project"] == Decimal("9555.45")
    assert metrics["func:208"] == Decimal("455.42") and metrics["func:210"] == Decimal("74.90")
    assert metrics["3p:total"] == Decimal("2.40")
    assert metrics["3p:reception"] == Decimal("1.00") and metrics["3p:vehicles"] == Decimal("1.40")
    assert metrics["3p:vehicle_operation"] == Decimal("1.40") and metrics["3p:abroad"] is None
    assert document_totals([seed_004.pk])[seed_004.pk].text == "11967.10"


def test_final_account_three_public_columns(seed_file):
    from perfbudget.pipeline import load_document

    stored = save_document(load_document(seed_file("002"))).document
    metrics = document_metrics(stored).values
    assert stored.stage == "决算"
    assert metrics["total"] == Decimal("9853.45")  # printed 9,853.45
    assert metrics["3p:total"] == Decimal("54.96") and metrics["3p:reception"] == Decimal("2.28")
    assert metrics["3p:vehicle_operation"] == Decimal("52.68")


def test_compare_page_and_downloads(clients, seed_004, published_other):
    query = {"mode": "year", "stage": "预算", "year": "2024"}
    html = clients["reviewer"].get("/compare/", query).content.decode()
    data = json.loads(html.split('<script id="chart-data" type="application/json">')[1].split("</script>")[0])
    assert data["categories"] == ["临汾市生态环境局"]
    assert {"name": "基本支出", "data": ["2411.64"]} in data["split"]
    assert "11,967.10" in html
    rows = list(
        csv.reader(
            io.StringIO(clients["reviewer"].get("/compare/export.csv", query).content.decode("utf-8-sig"))
        )
    )
    assert rows[0] == ["项目（万元）", "临汾市生态环境局"]
    assert ["支出合计", "11967.10"] in rows and ["公务接待费", "1.00"] in rows
    assert rows[-1] == ["数据来源", seed_004.file_name]
    response = clients["reviewer"].get("/compare/export.xlsx", query)
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response))).active
    values = {
        sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value
        for r in range(3, sheet.max_row + 1)
    }
    assert Decimal(str(values["支出合计"])) == Decimal("11967.10")


def test_one_department_across_years(clients, seed_004, published_other):
    query = {"mode": "department", "stage": "预算", "department": str(published_other.department_id)}
    rows = list(
        csv.reader(
            io.StringIO(clients["reviewer"].get("/compare/export.csv", query).content.decode("utf-8-sig"))
        )
    )
    assert rows[0] == ["项目（万元）", "2025年"]
    assert ["支出合计", "1000.50"] in rows and ["201 一般公共服务支出", "1000.50"] in rows


def test_units_in_yuan_are_brought_to_wan(published_other):
    from perfbudget.serve.web.figures import in_wan

    assert in_wan(Decimal("12345678.90"), "元") == Decimal("1234.56789")
    assert in_wan(Decimal("1.5"), "万元") == Decimal("1.5")


def test_missing_choice_is_explained(clients, seed_004):
    html = clients["reviewer"].get("/compare/", {"mode": "year", "stage": "预算"}).content.decode()
    assert "请选择年度" in html


def test_summary_stored_at_import_matches_the_records(seed_004):
    """The total and finding counts kept on the Document row are what the records give."""
    from perfbudget.serve.web.figures import stored_total
    from perfbudget.store import models as db

    document = db.Document.objects.get(pk=seed_004.pk)
    found, stored = document_totals([document.pk])[document.pk], stored_total(document)
    assert (stored.text, stored.unit, stored.table, stored.anchor) == (
        found.text,
        found.unit,
        found.table,
        found.anchor,
    )
    severities = list(document.findings.values_list("severity", flat=True))
    assert (document.error_count, document.warning_count, document.info_count) == (
        severities.count("error"),
        severities.count("warning"),
        severities.count("info"),
    )
