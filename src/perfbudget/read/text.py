"""Plain-text documents (conversions of PDF/Word) in the two table layouts found in the wild.

* **row per line** (layout R): a table row is one line, cells separated by TABs; blank lines
  may fall inside a table at page breaks.
* **cell per line** (layout C): every cell is a line that starts with one TAB; a blank line
  ends a row and a second one ends the table; a TAB-less line continues the cell above it,
  even after a single blank line (a cell's empty paragraph).

Prose lines (no TAB) are paragraphs in both. A line that holds only a page number (- 5 -,
第5页 共20页, 5/20: a PDF's header or footer) is page furniture: skipped, so that a table
printed across a page break stays one table. The layout is chosen by the lines themselves, so a
file may mix prose with either kind of table.
"""

from __future__ import annotations

import re
from itertools import repeat

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow
from perfbudget.read.clean import NOISE_MARKS, STRIP_CHARS, clean, indent_of, strip_heading
from perfbudget.read.decode import decode
from perfbudget.read.errors import ReadError
from perfbudget.read.markup_tables import html_tables, pipe_rows_as_tabs

_TOC = re.compile(r"(?:\.{3,}|…{2,}|·{3,})(?:\s|</?b>)*\d+(?:\s|</?b>)*$")
_TABLE_RULE = re.compile(r"^[\s|:\-]*-{2,}[\s|:\-\t]*$")
# A page number that a PDF's header or footer left between the lines: - 5 -, 第5页 共20页, 5/20.
_PAGE_MARK = re.compile(
    r"[ \t\u3000]*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})[ \t\u3000]*"  # (not 2025/2026: years)
)
_PAGE_MARK_SIGNS = ("页", "-", "—", "–", "－", "/")  # every page mark holds one

# What the lines are searched for beforehand (see _lines_holding), so that the loops over the lines
# can skip the tests for most of them:
_TOC_LEADERS = ("...", "…", "··")  # a table-of-contents line holds one (see _is_toc)
_RULE_DASHES = ("--",)  # a Markdown table rule holds two dashes (see _TABLE_RULE)
_FRAMING_BLANKS = tuple(c for c in STRIP_CHARS if c not in "\t\n")  # what strip() may take off a cell
_TAB_BLANK = ("\t ", "\t\u3000", "\t\u00a0")  # a cell per line with leading blanks (see indent_of)


def read_text(data: bytes, source: SourceFile) -> RawDocument:
    text, encoding = decode(data, source.path)
    source.encoding = encoding
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    text, html_rows = html_tables(text)
    text = pipe_rows_as_tabs(text)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start a new one
    if not html_rows and not any(line.strip(STRIP_CHARS) for line in lines):
        raise ReadError(source.path, "the file holds no text")
    rows = _cell_per_line(lines, text) if _is_cell_per_line(lines, text) else _row_per_line(lines, text)
    if html_rows:
        rows = _merged(rows, html_rows)
    return RawDocument(source=source, rows=rows)


def _merged(rows: list[RawRow], table_rows: list[RawRow]) -> list[RawRow]:
    """The rows of both lists in line order, the physical tables numbered again in that order."""
    both = sorted([*rows, *table_rows], key=lambda row: row.line or 0)  # stable: text rows first
    from_markup = {id(row) for row in table_rows}
    numbers: dict[tuple[bool, int], int] = {}
    for row in both:
        if row.grid is not None:
            key = (id(row) in from_markup, row.grid)
            row.grid = numbers.setdefault(key, len(numbers))
    return both


def _is_cell_per_line(lines: list[str], text: str) -> bool:
    """Most TAB lines hold one TAB, and lead with it: one cell per line."""
    tabs = text.count("\t")
    if not tabs:
        return False
    leading = text.count("\n\t") + (text[:1] == "\t")  # the lines that start with a TAB
    # Each other TAB spoils at most one line: when the lines left are still enough, the answer
    # needs no look at every line (a cell-per-line file has few other TABs, if any).
    others = tabs - leading
    spoiled = min(leading, others)
    if leading - spoiled >= 0.6 * (leading + others - spoiled):
        return True
    tabbed = [line for line in lines if "\t" in line]
    single = [line.count("\t") for line in tabbed if line[0] == "\t"].count(1)  # one leading TAB only
    return single >= 0.6 * len(tabbed)


def _lines_holding(text: str, needles: tuple[str, ...]) -> set[int]:
    """The numbers of the lines of ``text`` that hold one of ``needles``.

    str.find jumps from hit to hit, so the lines without any cost nothing here.
    """
    find = text.find
    hits: list[int] = []
    for needle in needles:
        position = find(needle)
        while position >= 0:
            hits.append(position)
            end = find("\n", position)
            if end < 0:
                break
            position = find(needle, end)  # the next line that holds it
    numbers: set[int] = set()
    line, position = 1, 0
    for start in sorted(hits):
        line += text.count("\n", position, start)
        position = start
        numbers.add(line)
    return numbers


def _page_marks(lines: list[str], text: str) -> set[int]:
    """The numbers of the lines that hold a page number only (page furniture, not content)."""
    return {
        number
        for number in _lines_holding(text, _PAGE_MARK_SIGNS)
        if len(lines[number - 1]) <= 24 and _PAGE_MARK.fullmatch(lines[number - 1])
    }


def _lines_with_inner_tabs(text: str) -> set[int]:
    """The numbers of the lines of ``text`` that hold a TAB after their first character."""
    if text.count("\t") == text.count("\n\t") + (text[:1] == "\t"):
        return set()  # every TAB starts its line (counting is cheaper than the copy below)
    inner = text.replace("\n\t", "\n")  # the TAB that starts a line out, the line ends kept
    if inner[:1] == "\t":
        inner = inner[1:]  # the first line's
    return _lines_holding(inner, ("\t",))


def _paragraph(raw: str, number: int, markup: bool = True) -> RawRow | None:
    """A paragraph row, or None for a blank line; ``markup``: the line may hold some."""
    body, heading = strip_heading(raw)
    body = clean(body) if markup else body.strip(STRIP_CHARS)
    if not body:
        return None
    return RawRow([RawCell(body, number)], number, None, None, None, heading)


def _is_toc(line: str) -> bool:
    """A table-of-contents entry: dot leaders, then a page number."""
    return ("..." in line or "…" in line or "··" in line) and _TOC.search(line) is not None


def _row_per_line(lines: list[str], text: str | None = None) -> list[RawRow]:
    """The rows of ``lines``, which are ``text`` split at its newlines."""
    rows: list[RawRow] = []
    append = rows.append
    grid = -1
    in_grid = False
    if text is None:
        text = "\n".join(lines)
    # the lines that need a closer look (markup, blanks to strip, perhaps a table-of-contents
    # entry or a Markdown table rule), found beforehand so that the loop makes one test for the others
    special = _lines_holding(text, NOISE_MARKS + _FRAMING_BLANKS + _TOC_LEADERS + _RULE_DASHES)
    page_marks = _page_marks(lines, text)
    cell_of = RawCell
    for number, raw in enumerate(lines, start=1):
        odd = number in special
        if page_marks and number in page_marks:
            continue  # a page number between two rows of a table leaves the table whole
        if "\t" in raw and not (odd and _is_toc(raw)):
            if odd and raw[:1] in "-|:" and _TABLE_RULE.match(raw):
                continue  # a Markdown table rule, not content
            if not in_grid:
                grid += 1
                in_grid = True
            parts = raw.split("\t")
            if odd:
                cells = [
                    cell_of(clean(part), number, None, indent_of(part)) if part else cell_of("", number)
                    for part in parts
                ]
            else:  # the common case: the parts are the texts, without indent
                cells = list(map(cell_of, parts, repeat(number)))
            append(RawRow(cells, number, None, grid))
            continue
        paragraph = _paragraph(raw.replace("\t", " "), number, odd)
        if paragraph is not None:
            append(paragraph)
            in_grid = False
    return rows


def _cell_per_line(lines: list[str], text: str | None = None) -> list[RawRow]:
    """The rows of ``lines``, which are ``text`` split at its newlines."""
    rows: list[RawRow] = []
    append = rows.append
    grid = -1
    row_cells: list[RawCell] | None = None  # the cells of the row being filled
    cell: RawCell | None = None  # its last cell, which a TAB-less line may continue
    blanks = 0  # blank lines since the last non-blank line
    in_grid = False
    if text is None:
        text = "\n".join(lines)
    # the lines whose cell needs more than stripping (markup, more TABs, an indent), found
    # beforehand so that the loop makes one test for the others
    several_tabs = _lines_with_inner_tabs(text)  # if it starts with a TAB, the line holds two or more
    special = _lines_holding(text, NOISE_MARKS + _TAB_BLANK) | several_tabs
    page_marks = _page_marks(lines, text)
    after_page_mark = False  # the blank lines around a page number count as one
    cell_of = RawCell

    for number, raw in enumerate(lines, start=1):
        if page_marks and number in page_marks:
            blanks, after_page_mark = min(blanks, 1), True
            continue
        if not raw:
            if after_page_mark:
                continue
            blanks += 1
            if blanks >= 2 and in_grid:
                in_grid, row_cells, cell = False, None, None
            continue
        after_page_mark = False
        if raw[0] == "\t":
            if number not in special:  # the common case: clean() would only strip the TAB and blanks
                cell = cell_of(raw.strip(STRIP_CHARS), number)
            elif number in several_tabs:
                # a row-per-line row inside a cell-per-line file: a row of its own
                if not in_grid:
                    grid += 1
                    in_grid = True
                cells = [cell_of(clean(p), number, None, indent_of(p)) for p in raw[1:].split("\t")]
                append(RawRow(cells, number, None, grid))
                row_cells, cell, blanks = None, None, 0
                continue
            else:
                cell = cell_of(clean(raw[1:]), number, None, indent_of(raw[1:]))
            if row_cells is None or blanks:
                if not in_grid:  # (then there is no row either)
                    grid += 1
                    in_grid = True
                row_cells = []
                append(RawRow(row_cells, number, None, grid))
            row_cells.append(cell)
            blanks = 0
            continue
        # a TAB-less line: continues the cell above inside a table, else a paragraph
        if in_grid and cell is not None and blanks <= 1:
            # the cell's lines as printed, from its TAB (which clean() strips) to this one
            cell.text = clean("\n".join(lines[cell.line - 1 : number]))
            blanks = 0
            continue
        if in_grid and not raw.strip(STRIP_CHARS):
            blanks += 1  # a line of blanks between rows counts as a blank line
            continue
        in_grid, row_cells, cell = False, None, None
        blanks = 0
        paragraph = _paragraph(raw, number, number in special)
        if paragraph is not None:
            append(paragraph)
    return rows
