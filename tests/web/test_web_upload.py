"""Import through the browser: per-file results, duplicates, errors, limits, provenance, no half-stored file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet

from perfbudget.store import models as db

pytestmark = [pytest.mark.django_db, pytest.mark.db]

BUDGET = """青川市生态环境局2025年部门预算

### 2025年预算支出总表

单位：万元

项目\t\t2025年预算数\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t1520.00\t820.00\t700.00
211\t节能环保支出\t1520.00\t820.00\t700.00
21101\t环境保护管理事务\t1520.00\t820.00\t700.00
2110101\t行政运行\t820.00\t820.00\t
2110102\t一般行政管理事务\t{item}\t\t700.00
"""


def upload(name: str, text: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)


def counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (db.Document, db.Table, db.Row, db.Finding, db.Paragraph, db.Original)
    }


def test_one_file_per_request_is_stored_with_its_uploader_and_original(clients, users, seed_file):
    data = seed_file("004").read_bytes()
    response = clients["department"].post("/import/file/", {"file": upload("临汾2024预算.txt", data)})
    html = response.content.decode()
    assert response.status_code == 200 and "已入库" in html and "临汾市生态环境局" in html
    stored = db.Document.objects.get()
    assert stored.imported_by == users["department"]
    assert stored.file_name == "临汾2024预算.txt" and stored.tables.filter(kind="expenditure").exists()
    assert stored.findings.filter(origin="check").exists()  # checked as it was imported
    assert bytes(db.Original.objects.get(sha256=stored.sha256).data) == data
    assert f'href="/documents/{stored.pk}/"' in html
    # the department user sees it; the source excerpt comes from the kept bytes
    assert clients["department"].get(f"/documents/{stored.pk}/source/?t=t3&r=0&c=total").status_code == 200


def test_same_content_again_is_a_duplicate(clients):
    first = clients["reviewer"].post("/import/file/", {"file": upload("a.txt", BUDGET.format(item="700.00"))})
    assert "已入库" in first.content.decode()
    before = counts()
    again = clients["reviewer"].post(
        "/import/file/", {"file": upload("改名.txt", BUDGET.format(item="700.00"))}
    )
    assert "重复，已存在" in again.content.decode()
    assert counts() == before


def test_many_files_at_once_without_javascript(clients):
    files = [
        upload("a.txt", BUDGET.format(item="700.00")),
        upload("b.txt", BUDGET.format(item="699.00")),
        upload("c.txt", BUDGET.format(item="700.00")),  # same bytes as a.txt
        upload("d.txt", b"\x00\x01\x02binary"),
        upload("e.wps", b"old word"),  # a type no reader takes
    ]
    html = clients["reviewer"].post("/import/", {"files": files}).content.decode()
    rows = html[html.index('<tbody id="result-rows">') :]
    assert rows.count('class="result result-stored"') == 2
    assert rows.count('class="result result-duplicate"') == 1
    assert rows.count('class="result result-error"') == 2
    assert "这不是文本文件" in rows  # the reader's reason, in Chinese
    assert "不支持的文件类型" in rows
    assert db.Document.objects.count() == 2


def test_unreadable_file_leaves_nothing(clients):
    before = counts()
    html = (
        clients["reviewer"]
        .post("/import/file/", {"file": upload("坏.docx", b"PK\x03\x04broken zip")})
        .content.decode()
    )
    assert "失败" in html and "文件已损坏" in html
    assert counts() == before


def test_failure_while_storing_leaves_nothing(clients, monkeypatch):
    bulk_create = QuerySet.bulk_create

    def failing(self, objs, *args, **kwargs):
        if self.model is db.Row:
            raise RuntimeError("disk full")
        return bulk_create(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", failing)
    before = counts()
    with pytest.raises(RuntimeError):
        clients["reviewer"].post("/import/file/", {"file": upload("a.txt", BUDGET.format(item="700.00"))})
    assert counts() == before  # no document, paragraph, original or uploader record either


def test_size_and_count_limits(clients, settings):
    settings.PERFBUDGET_UPLOAD_MAX_MB = 1
    settings.PERFBUDGET_UPLOAD_MAX_FILES = 2
    big = upload("大.txt", b"x" * (1024 * 1024 + 1))
    html = clients["reviewer"].post("/import/file/", {"file": big}).content.decode()
    assert "文件过大" in html and "上限为 1 MB" in html
    files = [upload(f"{i}.txt", BUDGET.format(item=f"{i}.00")) for i in range(3)]
    html = clients["reviewer"].post("/import/", {"files": files}).content.decode()
    assert "一次最多上传 2 个文件，您选择了 3 个" in html
    assert db.Document.objects.count() == 0
    page = clients["reviewer"].get("/import/").content.decode()
    assert 'data-max-mb="1"' in page and 'data-max-files="2"' in page and "每次最多 2 个" in page


def test_no_file_chosen(clients):
    html = clients["reviewer"].post("/import/", {}).content.decode()
    assert "请选择要上传的文件" in html


def test_department_user_is_told_when_the_department_differs(clients):
    text = BUDGET.format(item="700.00").replace(
        "青川市生态环境局2025年部门预算", "## 青川市教育局\n\n2025年部门预算"
    )
    html = clients["department"].post("/import/file/", {"file": upload("教育局.txt", text)}).content.decode()
    stored = db.Document.objects.get()
    if stored.department is not None and stored.department.name != "临汾市生态环境局":
        assert "不是您所在的" in html
    # whatever was recognised, the uploader can open what they imported
    assert clients["department"].get(f"/documents/{stored.pk}/").status_code == 200
