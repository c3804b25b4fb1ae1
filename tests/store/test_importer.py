"""Importing files: one transaction per file, idempotent by content, errors reported per file."""

from decimal import Decimal

import pytest
from django.db.models import QuerySet

from perfbudget import model as core
from perfbudget.pipeline import load_document
from perfbudget.read.paths import expand_paths
from perfbudget.store import models as db
from perfbudget.store.importer import document_from_store, import_data, import_paths

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in (db.Department, db.Document, db.Table, db.Row, db.Finding)}


NOTHING = {"Department": 0, "Document": 0, "Table": 0, "Row": 0, "Finding": 0}


def test_import_stores_tables_and_rows(write_budget, toy_recognizer):
    path = write_budget("青川市生态环境局2025年部门预算.txt")
    summary = import_paths([path])
    assert (summary.stored, summary.duplicates, summary.errors) == (1, 0, 0)
    assert (summary.tables, summary.rows) == (1, 3)
    [result] = summary.results
    assert (result.status, result.path, result.tables, result.rows) == ("stored", str(path), 1, 3)
    record = db.Document.objects.get(pk=result.document_id)
    assert (record.department.name, record.fiscal_year, record.path) == ("青川市生态环境局", 2025, str(path))
    total = db.Row.objects.get(table__document=record, label="合计")
    assert total.cells["c1"]["value"] == "1250.50" and total.line == 7
    other = db.Row.objects.get(table__document=record, label="其他收入")
    assert other.cells["c1"]["value"] == "0.00" and other.cells["c2"]["value"] == "0"
    appropriation = db.Row.objects.get(table__document=record, label="一般公共预算拨款")
    assert appropriation.cells["c2"]["value"] is None  # printed empty, not zero
    assert document_from_store(record).table("t1").rows[0].value("c1") == Decimal("1250.50")


def test_real_pipeline_round_trip(write_budget):
    # whatever the recognizer makes of the file today, the store gives it back unchanged
    path = write_budget("budget.txt")
    summary = import_paths([str(path)])
    assert summary.stored == 1
    stored = document_from_store(db.Document.objects.get())
    assert stored.model_dump(mode="json") == load_document(path).model_dump(mode="json")


def test_same_file_twice_and_same_bytes_renamed(write_budget, toy_recognizer, tmp_path):
    path = write_budget("a.txt")
    first = import_paths([path])
    after_first = counts()
    renamed = tmp_path / "copy" / "另一个名字.txt"
    renamed.parent.mkdir()
    renamed.write_bytes(path.read_bytes())
    again = import_paths([path, renamed])
    assert [r.status for r in again.results] == ["duplicate", "duplicate"]
    assert {r.document_id for r in again.results} == {first.results[0].document_id}
    assert (again.stored, again.duplicates, again.tables, again.rows) == (0, 2, 0, 0)
    assert counts() == after_first
    assert db.Document.objects.get().file_name == "a.txt"


def test_different_content_is_another_document(write_budget, toy_recognizer):
    summary = import_paths([write_budget("a.txt"), write_budget("b.txt", total="1300.00")])
    assert summary.stored == 2
    assert db.Department.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_failure_halfway_leaves_nothing(write_budget, toy_recognizer, monkeypatch):
    bulk_create = QuerySet.bulk_create
    seen = {}

    def failing(self, objs, *args, **kwargs):
        if self.model is db.Row:
            seen["tables"] = db.Table.objects.count()
            raise RuntimeError("disk full")
        return bulk_create(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", failing)
    summary = import_paths([write_budget("a.txt")])
    assert seen == {"tables": 1}  # it did fail after the document and its tables were written
    [result] = summary.results
    assert result.status == "error" and "RuntimeError: disk full" in result.message
    assert counts() == NOTHING

    monkeypatch.setattr(QuerySet, "bulk_create", bulk_create)
    assert import_paths([write_budget("a.txt")]).stored == 1  # nothing half-stored blocks a retry


def test_unreadable_files_are_errors(tmp_path, toy_recognizer):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "blank.txt").write_text(" \n\u3000\n", encoding="utf-8")
    names = ["empty.txt", "image.pdf", "blank.txt", "missing.txt"]
    summary = import_paths([tmp_path / n for n in names])
    assert (summary.stored, summary.errors) == (0, 4)
    messages = [r.message for r in summary.results]
    assert all(r.status == "error" for r in summary.results)
    for name, message, reason in zip(
        names, messages, ["empty", "PNG", "no text", "no such file"], strict=True
    ):
        assert message.startswith(str(tmp_path / name)) and reason in message and "\n" not in message
    assert counts() == NOTHING


def test_errors_do_not_stop_the_rest(tmp_path, write_budget, toy_recognizer):
    (tmp_path / "empty.txt").write_bytes(b"")
    summary = import_paths([tmp_path / "empty.txt", write_budget("good.txt")])
    assert [r.status for r in summary.results] == ["error", "stored"]


def test_directories_expand_to_supported_files(tmp_path, write_budget, toy_recognizer):
    write_budget("in/a.txt")
    write_budget("in/sub/deeper/b.TXT", total="2.00")
    write_budget("in/c.csv")  # not a known suffix: skipped inside directories
    write_budget("in/.cache/d.txt", total="3.00")  # hidden
    write_budget("in/~$e.txt", total="4.00")  # an Office lock file
    named = write_budget("notes.md", total="5.00")  # named explicitly: always tried
    base = tmp_path / "in"
    assert expand_paths([base, named]) == [base / "a.txt", base / "sub/deeper/b.TXT", named]
    summary = import_paths([base, named])
    assert [r.status for r in summary.results] == ["stored"] * 3
    assert sorted(db.Document.objects.values_list("file_name", flat=True)) == ["a.txt", "b.TXT", "notes.md"]


def test_progress_and_checks(write_budget, toy_recognizer):
    def checks(doc: core.Document) -> list[core.Finding]:
        table = doc.tables[0]
        total = table.rows[0]
        cited = core.CitedCell(ref=doc.ref(table, total, "c1"), text="x", value=total.value("c1"))
        return [
            core.Finding(
                rule="demo.total", severity=core.Severity.WARNING, message="看看合计", cells=[cited]
            ),
            core.Finding(rule="demo.info", severity=core.Severity.INFO, message="仅供参考"),
        ]

    events = []
    summary = import_paths(
        [write_budget("a.txt"), write_budget("a.txt")], run_checks=checks, progress=events.append
    )
    assert [(e.index, e.total, e.result.status) for e in events] == [(1, 2, "stored"), (2, 2, "duplicate")]
    assert summary.findings == {"warning": 1, "info": 1}
    finding = db.Finding.objects.get(rule="demo.total")
    assert (finding.origin, finding.table_ident, finding.row_index, finding.column_key) == (
        "check",
        "t1",
        0,
        "c1",
    )
    assert finding.cells[0]["value"] == "1250.50"


def test_import_data_for_uploads(toy_recognizer):
    data = "上传的文件2025年\n项目\t金额\n合计\t7.50\n".encode("gb18030")
    result = import_data(data, "上传.txt")
    assert (result.status, result.tables, result.rows) == ("stored", 1, 1)
    record = db.Document.objects.get(pk=result.document_id)
    assert (record.path, record.file_name, record.encoding) == ("上传.txt", "上传.txt", "gb18030")
    assert import_data(data, "again.txt").status == "duplicate"
