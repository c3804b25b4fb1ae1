"""Plain-text documents (conversions of PDF/Word) in the two table layouts found in the wild.

* **row per line** (layout R): a table row is one line, cells separated by TABs; blank lines
  may fall inside a table at page breaks.
* **cell per line** (layout C): every cell is a line that starts with one TAB; a blank line
  ends a row and a second one ends the table; a TAB-less line continues the cell above it,
  even after a single blank line (a cell's empty paragraph).

Prose lines (no TAB) are paragraphs in both. The layout is chosen by the lines themselves, so a
file may mix prose with either kind of table.
"""

from __future__ import annotations

import re

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow
from perfbudget.read.clean import _NOISE, STRIP_CHARS, clean, indent_of, strip_heading
from perfbudget.read.decode import decode
from perfbudget.read.errors import ReadError

_TOC = re.compile(r"(?:\.{3,}|…{2,}|·{3,})(?:\s|</?b>)*\d+(?:\s|</?b>)*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]*-{2,}[\s|:\-\t]*$")
_BLANKS = " \u3000\u00a0"  # what indent_of() counts


def read_text(data: bytes, source: SourceFile) -> RawDocument:
    text, encoding = decode(data, source.path)
    source.encoding = encoding
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start a new one
    if not any(line.strip(STRIP_CHARS) for line in lines):
        raise ReadError(source.path, "the file holds no text")
    noisy = _noisy_lines(text)
    rows = _cell_per_line(lines, noisy) if _is_cell_per_line(lines) else _row_per_line(lines, noisy)
    return RawDocument(source=source, rows=rows)


def _is_cell_per_line(lines: list[str]) -> bool:
    tabbed = [line for line in lines if "\t" in line]
    if not tabbed:
        return False
    single = [line.count("\t") for line in tabbed if line[0] == "\t"].count(1)  # one leading TAB only
    return single >= 0.6 * len(tabbed)


def _noisy_lines(text: str) -> set[int]:
    """The numbers of the lines that hold markup for clean() to remove (the others it only strips)."""
    numbers: set[int] = set()
    line, position = 1, 0
    for match in _NOISE.finditer(text):
        start = match.start()
        line += text.count("\n", position, start)
        position = start
        numbers.add(line)
    return numbers


def _paragraph(raw: str, number: int) -> RawRow | None:
    body, heading = strip_heading(raw)
    body = clean(body)
    if not body:
        return None
    return RawRow([RawCell(body, number)], line=number, heading=heading)


def _is_toc(line: str) -> bool:
    """A table-of-contents entry: dot leaders, then a page number."""
    return ("..." in line or "…" in line or "··" in line) and _TOC.search(line) is not None


def _row_per_line(lines: list[str], noisy: set[int] | None = None) -> list[RawRow]:
    rows: list[RawRow] = []
    append = rows.append
    grid = -1
    in_grid = False
    if noisy is None:
        noisy = _noisy_lines("\n".join(lines))
    cell_of = RawCell
    for number, raw in enumerate(lines, start=1):
        if "\t" in raw and not _is_toc(raw):
            if raw[:1] in "-|:" and _TABLE_RULE.match(raw):
                continue  # a Markdown table rule, not content
            if not in_grid:
                grid += 1
                in_grid = True
            if number not in noisy:  # the common case: clean() would only strip the framing blanks
                cells = [
                    cell_of(part.strip(STRIP_CHARS), number, None, indent_of(part) if part[:1] in _BLANKS else 0)
                    for part in raw.split("\t")
                ]
            else:
                cells = [
                    cell_of(clean(part), number, None, indent_of(part)) if part else cell_of("", number)
                    for part in raw.split("\t")
                ]
            append(RawRow(cells, number, None, grid))
            continue
        paragraph = _paragraph(raw.replace("\t", " "), number)
        if paragraph is not None:
            append(paragraph)
            in_grid = False
    return rows


def _cell_per_line(lines: list[str], noisy: set[int] | None = None) -> list[RawRow]:
    rows: list[RawRow] = []
    append = rows.append
    grid = -1
    row: RawRow | None = None  # the row being filled
    row_cells: list[RawCell] = []  # its cells
    cell: RawCell | None = None  # its last cell, which a TAB-less line may continue
    cell_raw = ""  # that cell's text as printed, paragraphs joined by newlines
    blanks = 0  # blank lines since the last non-blank line
    in_grid = False
    if noisy is None:
        noisy = _noisy_lines("\n".join(lines))
    cell_of = RawCell

    for number, raw in enumerate(lines, start=1):
        if not raw:
            blanks += 1
            if blanks >= 2 and in_grid:
                in_grid, row, cell = False, None, None
            continue
        if raw[0] == "\t":
            text = raw[1:]
            if "\t" in text:
                # a row-per-line row inside a cell-per-line file: a row of its own
                if not in_grid:
                    grid += 1
                    in_grid = True
                cells = [cell_of(clean(p), number, None, indent_of(p)) for p in text.split("\t")]
                append(RawRow(cells, number, None, grid))
                row, cell, blanks = None, None, 0
                continue
            if not in_grid:
                grid += 1
                in_grid = True
                row = None
            if row is None or blanks:
                row_cells = []
                row = RawRow(row_cells, number, None, grid)
                append(row)
            if number not in noisy:  # the common case: clean() would only strip the framing blanks
                cell = cell_of(text.strip(STRIP_CHARS), number, None, indent_of(text) if text[:1] in _BLANKS else 0)
            else:
                cell = cell_of(clean(text), number, None, indent_of(text))
            cell_raw = text
            row_cells.append(cell)
            blanks = 0
            continue
        # a TAB-less line: continues the cell above inside a table, else a paragraph
        if in_grid and cell is not None and blanks <= 1:
            cell_raw = f"{cell_raw}\n\n{raw}" if blanks else f"{cell_raw}\n{raw}"
            cell.text = clean(cell_raw)
            blanks = 0
            continue
        if in_grid and not raw.strip(STRIP_CHARS):
            blanks += 1  # a line of blanks between rows counts as a blank line
            continue
        in_grid, row, cell = False, None, None
        blanks = 0
        paragraph = _paragraph(raw, number)
        if paragraph is not None:
            append(paragraph)
    return rows
