"""Uploaded content is text, never markup: a document with <script> in a cell and a paragraph."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]

HOSTILE = """青川市生态环境局2025年部门预算

一、部门职责<p>负责全市生态环境保护。</p><script>alert('prose')</script>

### 2025年预算支出总表

单位：万元

项目\t\t2025年预算数\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t1520.00\t820.00\t700.00
211\t节能环保支出\t1520.00\t820.00\t700.00
21101\t环境保护管理事务<script>alert(1)</script>\t1520.00\t820.00\t700.00
2110101\t行政运行\t820.00\t820.00\t
2110102\t<img src=x onerror=alert(2)>\t700.00\t\t700.00
"""


@pytest.fixture
def hostile(clients) -> db.Document:
    response = clients["reviewer"].post(
        "/import/file/", {"file": SimpleUploadedFile("<img src=y onerror=alert(3)>.txt", HOSTILE.encode())}
    )
    assert response.status_code == 200
    assert "<img src=y" not in response.content.decode()  # the file name is escaped in the result row too
    return db.Document.objects.get()


def test_script_in_a_cell_is_shown_escaped(clients, hostile):
    assert db.Row.objects.filter(label__contains="<script>").exists()  # stored as the text it is
    html = clients["reviewer"].get(f"/documents/{hostile.pk}/").content.decode()
    assert "环境保护管理事务&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;prose&#x27;)&lt;/script&gt;" in html  # the paragraph as well
    assert "&lt;img src=y onerror=alert(3)&gt;.txt" in html


def test_pages_forbid_inline_scripts(clients, hostile):
    response = clients["reviewer"].get(f"/documents/{hostile.pk}/")
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )
    assert response["X-Frame-Options"] == "DENY"


def test_search_highlight_escapes_around_the_match(clients, hostile):
    html = clients["reviewer"].get("/search/", {"q": "管理事务"}).content.decode()
    assert "<mark>管理事务</mark>&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = clients["reviewer"].get("/search/", {"q": "<script>"}).content.decode()
    assert "<mark>&lt;script&gt;</mark>" in html and "<script>alert" not in html


def test_source_excerpt_is_escaped(clients, hostile):
    row = hostile.tables.get().rows.get(label__contains="<script>")
    html = (
        clients["reviewer"]
        .get(f"/documents/{hostile.pk}/source/?t=t1&r={row.index}&c=total")
        .content.decode()
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html


def test_original_is_downloaded_not_rendered(clients, hostile):
    response = clients["reviewer"].get(f"/documents/{hostile.pk}/original/")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response) == HOSTILE.encode()


def test_api_returns_the_text_as_data(clients, hostile):
    table = hostile.tables.get()
    data = clients["reviewer"].get(f"/api/tables/{table.pk}").json()
    assert any(r["label"] == "环境保护管理事务<script>alert(1)</script>" for r in data["rows"])
