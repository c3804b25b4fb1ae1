"""The JSON API: pagination, filters, tables with exact cells, review, OpenAPI."""

from __future__ import annotations

import re

import pytest

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_findings_are_paginated(clients, seed_004):
    total = seed_004.findings.count()
    assert total > 10
    first = clients["reviewer"].get("/api/findings?page_size=10").json()
    assert first["count"] == total and len(first["items"]) == 10
    pages = -(-total // 10)
    last = clients["reviewer"].get(f"/api/findings?page_size=10&page={pages}").json()
    assert len(last["items"]) == total - 10 * (pages - 1)
    seen = set()
    for page in range(1, pages + 1):
        seen |= {
            f["id"]
            for f in clients["reviewer"].get(f"/api/findings?page_size=10&page={page}").json()["items"]
        }
    assert seen == set(seed_004.findings.values_list("pk", flat=True))
    assert clients["reviewer"].get("/api/findings?page_size=100000").json()["items"].__len__() == min(
        total, 500
    )


def test_finding_filters(clients, seed_004):
    data = clients["reviewer"].get("/api/findings", {"severity": "info", "rule": "budget.class-sum"}).json()
    expected = seed_004.findings.filter(severity="info", rule="budget.class-sum").count()
    assert data["count"] == expected > 0
    assert {f["rule"] for f in data["items"]} == {"budget.class-sum"}
    assert clients["reviewer"].get("/api/findings", {"severity": "fatal"}).status_code == 422


def test_documents_and_tables_with_exact_cells(clients, seed_004):
    docs = clients["department"].get("/api/documents", {"year": 2024, "stage": "预算"}).json()
    assert [d["id"] for d in docs["items"]] == [seed_004.pk]
    doc = docs["items"][0]
    assert doc["department"] == "临汾市生态环境局" and doc["tables"] == seed_004.tables.count()
    tables = clients["department"].get(f"/api/documents/{seed_004.pk}/tables").json()["items"]
    expenditure = next(t for t in tables if t["ident"] == "t3")
    assert expenditure["kind"] == "expenditure" and expenditure["rows"] > 10
    table = clients["department"].get(f"/api/tables/{expenditure['id']}").json()
    total = table["rows"][0]
    assert total["role"] == "total"
    assert total["cells"]["total"]["text"] == "11967.10" and total["cells"]["total"]["value"] == "11967.10"
    assert table["header_rows"][0][:3] == ["项目", "项目", "2024年预算数"]


def test_review_through_the_api_is_kept_with_who_and_when(clients, seed_004, users):
    finding = seed_004.findings.order_by("pk").first()
    url = f"/api/findings/{finding.pk}/review"
    missing = clients["reviewer"].post(url, {"status": "dismissed"}, content_type="application/json")
    assert missing.status_code == 422  # dismissing needs a reason
    response = clients["reviewer"].post(
        url, {"status": "dismissed", "comment": "尾数差异，可接受"}, content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "dismissed" and data["reviewer"] == "reviewer" and data["reviewed_at"]
    finding.refresh_from_db()
    assert finding.reviewer == users["reviewer"] and finding.review_comment == "尾数差异，可接受"
    assert (
        db.Review.objects.filter(finding=finding, reviewer=users["reviewer"], status="dismissed").count() == 1
    )
    # a viewer of a published document sees the decision but not the internal comment or reviewer
    seed_004.published = True
    seed_004.save()
    seen = clients["viewer"].get(f"/api/findings/{finding.pk}").json()
    assert seen["status"] == "dismissed" and seen["review_comment"] is None and seen["reviewer"] is None


def test_openapi_and_docs(clients):
    schema = clients["viewer"].get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/documents",
        "/api/tables/{table_id}",
        "/api/findings",
        "/api/findings/{finding_id}/review",
    } <= paths
    docs = clients["viewer"].get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    # every script and style sheet is served from here, none from a CDN (a random token in the
    # page may well contain the letters "cdn": only the addresses are looked at)
    addresses = re.findall(r'(?:src|href)="([^"]+)"', docs)
    assert addresses and all(a.startswith("/") and not a.startswith("//") for a in addresses), addresses


def test_me(clients, users):
    me = clients["department"].get("/api/me").json()
    assert me == {
        "username": "department",
        "role": "department",
        "department": "临汾市生态环境局",
        "can_import": True,
        "can_review": False,
    }
