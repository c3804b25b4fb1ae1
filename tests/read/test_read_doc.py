"""Legacy Word (.doc): the fictional budget document saved by LibreOffice as Word 97–2003 reads to
the same paragraphs and tables as the .docx it was saved from (through LibreOffice again)."""

from __future__ import annotations

from perfbudget.pipeline import load_document
from perfbudget.read import read_file


def test_the_legacy_document_prints_the_same_rows(budget_doc, budget_docx):
    legacy, modern = read_file(budget_doc), read_file(budget_docx)
    assert legacy.source.format == "doc" and legacy.source.name == budget_doc.name
    assert [(r.grid, r.texts) for r in legacy.rows] == [(r.grid, r.texts) for r in modern.rows]


def test_the_legacy_document_gives_the_same_tables(budget_doc, budget_docx):
    legacy, modern = load_document(budget_doc), load_document(budget_docx)
    assert [t.kind for t in legacy.tables] == [t.kind for t in modern.tables] != []
    for old, new in zip(legacy.tables, modern.tables, strict=True):
        assert [(r.code, {k: c.value for k, c in r.cells.items()}) for r in old.rows] == [
            (r.code, {k: c.value for k, c in r.cells.items()}) for r in new.rows
        ]
