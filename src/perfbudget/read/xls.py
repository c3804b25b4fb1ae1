"""Legacy Excel (.xls, BIFF8) workbooks, read with xlrd: the same grids as :mod:`.xlsx`.

Many offices still save their disclosure tables as .xls. Every worksheet is one grid, every
non-empty row one RawRow, and a number is rendered with its cell's number format, as Excel
prints it (the same formatting code as the .xlsx reader). A merged range prints once, in its
top-left cell.
"""

from __future__ import annotations

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow, one_grid_each
from perfbudget.read.clean import clean, indent_of
from perfbudget.read.errors import ReadError
from perfbudget.read.xlsx import format_date, format_number


def read_xls(data: bytes, source: SourceFile) -> RawDocument:
    import xlrd

    try:
        # formatting_info: number formats, indents and merged ranges (not only the values)
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise ReadError(
                source.path, "the file is password-protected (encrypted Excel workbook)"
            ) from None
        raise ReadError(source.path, f"damaged Excel (.xls) file ({str(exc)[:120]})") from None
    except Exception as exc:  # struct, index and assertion errors of a truncated file
        raise ReadError(source.path, f"damaged Excel (.xls) file ({type(exc).__name__})") from None
    rows = one_grid_each(_sheet_rows(book, sheet) for sheet in book.sheets())
    return RawDocument(source=source, rows=rows)


def _sheet_rows(book, sheet) -> list[RawRow]:
    width = _used_width(sheet)
    rows = []
    for r in range(sheet.nrows):
        cells = [sheet.cell(r, c) if c < sheet.row_len(r) else None for c in range(width)]
        texts = [_printed(book, cell) for cell in cells]
        if not any(texts):
            continue
        number = r + 1  # as Excel numbers its rows
        raw_cells = [
            RawCell(text, number, None, _indent(book, cell)) for cell, text in zip(cells, texts, strict=True)
        ]
        rows.append(RawRow(raw_cells, line=number, sheet=sheet.name))
    return rows


def _used_width(sheet) -> int:
    """The last column holding a value or a merged range (formatting alone does not widen a table)."""
    import xlrd

    width = max((c_high for _, _, _, c_high in sheet.merged_cells), default=0)
    for r in range(sheet.nrows):
        for c in range(sheet.row_len(r) - 1, width - 1, -1):
            if sheet.cell_type(r, c) not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                width = c + 1
                break
    return width


def _number_format(book, cell) -> str | None:
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    found = book.format_map.get(xf.format_key) if xf is not None else None
    return found.format_str if found is not None else None


def _printed(book, cell) -> str:
    import xlrd

    if cell is None or cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return clean(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return clean(format_number(cell.value, _number_format(book, cell)))
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            value = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return clean(format_number(cell.value, None))
        return format_date(value, _number_format(book, cell))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR")
    return clean(str(cell.value))


def _indent(book, cell) -> int:
    """Leading blanks of a text cell, or Excel's indent level (two blanks a step) when it has none."""
    if cell is None:
        return 0
    if isinstance(cell.value, str) and indent_of(cell.value):
        return indent_of(cell.value)
    xf = book.xf_list[cell.xf_index] if cell.xf_index is not None else None
    return int(xf.alignment.indent_level) * 2 if xf is not None else 0
