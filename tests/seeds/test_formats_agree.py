"""The same seed as text, Word, Excel and PDF gives the same disclosure tables and figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.pipeline import load_document

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TEXT = {"002": "002_9f956185b7f0ed40.txt", "004": "004_3dbcf6bf71888e95.txt"}


def disclosure(document) -> tuple[list[tuple[str, int]], set[tuple]]:
    tables = [t for t in document.tables if t.kind != "generic"]
    shape = [(t.kind, len(t.rows)) for t in tables]
    figures = {
        (t.kind, r.side, r.code or r.label, key, cell.value)
        for t in tables
        for r in t.rows
        for key, cell in r.cells.items()
        if cell.value is not None
    }
    return shape, figures


@pytest.fixture(scope="module", params=sorted(TEXT))
def reference(request):
    return request.param, disclosure(load_document(SEEDS / TEXT[request.param]))


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_every_format_reads_the_same_tables(reference, fmt: str) -> None:
    seed, (shape, figures) = reference
    document = load_document(SEEDS / "variants" / f"{seed}.{fmt}")
    got_shape, got_figures = disclosure(document)
    assert got_shape == shape
    assert got_figures == figures
    assert document.fiscal_year is not None and document.department


def test_pdf_cells_cite_their_page() -> None:
    document = load_document(SEEDS / "variants" / "002.pdf")
    table = document.tables_of("revenue")[0]
    row = next(r for r in table.rows if r.code == "2050803")
    cell = row.cells["total"]
    assert cell.page is not None and cell.line is not None
    assert (
        document.ref(table, row, "total")
        .where()
        .startswith(f"{SEEDS / 'variants' / '002.pdf'}:p{cell.page}:")
    )
