"""Reviewing findings on the pages, the findings filters, and search over rows and prose."""

from __future__ import annotations

import pytest

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_review_on_the_page_keeps_who_when_and_history(clients, seed_004, users):
    finding = seed_004.findings.order_by("pk").first()
    url = f"/findings/{finding.pk}/review/"
    response = clients["reviewer"].post(
        url, {"status": "confirmed", "comment": "已与部门核实"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and "已保存" in html and "已确认" in html and "已与部门核实" in html
    clients["admin"].post(url, {"status": "open", "comment": "重新打开"})
    finding.refresh_from_db()
    assert finding.status == "open" and finding.reviewer == users["admin"] and finding.reviewed_at
    history = list(db.Review.objects.filter(finding=finding).values_list("status", "reviewer__username"))
    assert sorted(history) == [("confirmed", "reviewer"), ("open", "admin")]
    page = clients["reviewer"].get(f"/findings/{finding.pk}/").content.decode()
    assert "复核记录" in page and "已与部门核实" in page and "重新打开" in page


def test_dismiss_needs_a_comment(clients, seed_004):
    finding = seed_004.findings.order_by("pk").first()
    html = (
        clients["reviewer"]
        .post(f"/findings/{finding.pk}/review/", {"status": "dismissed"}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "请写明理由" in html
    finding.refresh_from_db()
    assert finding.status == "open"


def test_review_redirect_stays_on_site(clients, seed_004):
    finding = seed_004.findings.order_by("pk").first()
    response = clients["reviewer"].post(
        f"/findings/{finding.pk}/review/", {"status": "confirmed", "next": "https://evil.example/"}
    )
    assert response["Location"] == f"/findings/{finding.pk}/"


def test_findings_filters(clients, seed_004, published_other):
    rule = "budget.class-sum"
    html = (
        clients["reviewer"]
        .get("/findings/", {"rule": rule, "year": 2024, "department": seed_004.department_id})
        .content.decode()
    )
    expected = seed_004.findings.filter(rule=rule).count()
    rows = html[html.index("<tbody>") :]
    assert rows.count('<tr class="sev-row-') == min(expected, 50)
    none = clients["reviewer"].get("/findings/", {"year": 2025}).content.decode()
    assert "没有符合条件的审核发现" in none


def test_two_character_search_finds_rows_and_prose(clients, seed_004):
    html = clients["viewer"].get("/search/", {"q": "监测"}).content.decode()
    assert "没有找到" in html  # not published: the viewer finds nothing
    html = clients["reviewer"].get("/search/", {"q": "监测"}).content.decode()
    row = db.Row.objects.filter(table__document=seed_004, label__contains="监测").first()
    assert row is not None
    assert f"#r-{row.table.ident}-{row.index}" in html
    paragraph = db.Paragraph.objects.filter(document=seed_004, text__contains="职责").first()
    html = clients["reviewer"].get("/search/", {"q": "职责"}).content.decode()
    assert f"#p-{paragraph.order}" in html and "<mark>职责</mark>" in html


def test_one_character_is_too_short(clients, seed_004):
    html = clients["reviewer"].get("/search/", {"q": "费"}).content.decode()
    assert "请至少输入两个字" in html
