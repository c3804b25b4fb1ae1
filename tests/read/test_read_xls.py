"""Legacy Excel (.xls): the fictional budget workbook saved by LibreOffice as Excel 97–2003 reads
to the same printed rows, and the same tables, as the .xlsx it was saved from."""

from __future__ import annotations

import pytest

from perfbudget.pipeline import load_document
from perfbudget.read import ReadError, read_file
from perfbudget.read.paths import expand_paths


def printed_rows(path) -> list[tuple]:
    return [(r.grid, r.sheet, r.line, r.texts, [c.indent for c in r.cells]) for r in read_file(path).rows]


def test_the_legacy_workbook_prints_the_same_rows(budget_xls, budget_xlsx):
    document = read_file(budget_xls)
    assert document.source.format == "xls"
    assert printed_rows(budget_xls) == printed_rows(budget_xlsx)
    total = next(r for r in document.rows if r.sheet == "支出总表" and r.line == 5)
    assert total.texts == ["", "合计", "3,456.78", "1234.50", "2222.28"]  # `#,##0.00` and `0.00`
    assert all(cell.line == 5 and cell.page is None for cell in total.cells)


def test_the_legacy_workbook_gives_the_same_tables(budget_xls, budget_xlsx):
    legacy, modern = load_document(budget_xls), load_document(budget_xlsx)
    assert [t.kind for t in legacy.tables] == [t.kind for t in modern.tables] != []
    for old, new in zip(legacy.tables, modern.tables, strict=True):
        assert [(r.code, {k: c.value for k, c in r.cells.items()}) for r in old.rows] == [
            (r.code, {k: c.value for k, c in r.cells.items()}) for r in new.rows
        ]


def test_a_truncated_legacy_workbook_is_refused(budget_xls, tmp_path):
    data = budget_xls.read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert str(caught.value).startswith(str(path)) and "damaged" in caught.value.reason


def test_a_folder_lists_its_legacy_workbooks(budget_xls):
    assert budget_xls in expand_paths([budget_xls.parent])
