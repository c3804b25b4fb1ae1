"""Tables that text conversions print as markup: Markdown pipe rows and HTML ``<table>`` elements.

Converters of PDF and Word to text print a table either as TAB-separated lines (the layouts of
``read/text.py``), as Markdown pipe rows (``| 科目编码 | 科目名称 | 合计 |``) or as an HTML table
(``<table><tr><td>…``), often on one long line. Both markups are brought to the TAB layouts'
terms here, keeping every cell's physical line:

* a pipe row becomes a TAB row on the same line (the outer pipes dropped, ``\\|`` kept as text);
* an HTML table becomes rows of its own (one per ``<tr>``, at the line where it starts) and its
  lines are blanked in the text, so the rest of the file reads as before. A cell merged across
  rows or columns (``rowspan``/``colspan``) is printed once, at its top-left position, and the
  positions it covers are empty cells, as the Word reader gives merged cells.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.read.clean import clean

_PIPE_ROW = re.compile(r"^[ \u3000]*\|(.*)\|[ \u3000]*$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_TABLE_START = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_MARKUP_LINE_END = re.compile(r"[ \t\r]*\n[ \t\r]*")


def pipe_rows_as_tabs(text: str) -> str:
    """``text`` with every Markdown pipe row rewritten as a TAB row on the same line."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if "|" in line and (match := _PIPE_ROW.match(line)) is not None:
            inner = match.group(1)
            if "|" not in inner and not inner.strip():
                continue  # a lone pair of pipes: not a table row
            cells = [part.strip(" \u3000").replace("\\|", "|") for part in _UNESCAPED_PIPE.split(inner)]
            # one cell between two pipes is a framed note, not a table row
            lines[number] = "\t".join(cells) if len(cells) > 1 else cells[0]
    return "\n".join(lines)


def html_tables(text: str) -> tuple[str, list[RawRow]]:
    """``text`` with its HTML tables blanked out (line ends kept), and the tables' rows.

    The rows carry ``grid`` numbers that count the HTML tables from 0; the caller renumbers them
    among the file's other tables.
    """
    if "<" not in text or _TABLE_START.search(text) is None:
        return text, []
    rows: list[RawRow] = []
    pieces: list[str] = []
    position = 0
    grid = 0
    while (start := _TABLE_START.search(text, position)) is not None:
        end_match = _TABLE_END.search(text, start.end())
        end = end_match.end() if end_match is not None else len(text)  # a table cut off at the end
        first_line = text.count("\n", 0, start.start()) + 1
        markup = text[start.start() : end]
        for row in _TableParser.rows_of(markup, first_line):
            row.grid = grid
            rows.append(row)
        grid += 1
        pieces.append(text[position : start.start()])
        pieces.append("\n" * markup.count("\n"))  # the table's lines stay, blank
        position = end
    pieces.append(text[position:])
    return "".join(pieces), rows


class _TableParser(HTMLParser):
    """The rows of one ``<table>`` element, merged cells placed as the Word reader places them."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.grid_rows: list[tuple[int, list[str]]] = []  # (line, texts by column)
        self.spans: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.colspan = 1
        self.rowspan = 1
        self.depth = 0  # nested tables: their text belongs to the enclosing cell

    @classmethod
    def rows_of(cls, markup: str, first_line: int) -> list[RawRow]:
        parser = cls(first_line)
        parser.feed(markup)
        parser.close()
        parser._end_row()
        return [
            RawRow([RawCell(text, line) for text in texts], line, None, None)
            for line, texts in parser.grid_rows
            if any(texts)
        ]

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            return
        if self.depth > 1:
            if tag == "br" and self.cell is not None:
                self.cell.append("\n")
            return
        if tag == "tr":
            self._end_row()
            self.row = []
            self.grid_rows.append((self._line(), self.row))
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:  # a cell outside any <tr>: it opens one
                self.row = []
                self.grid_rows.append((self._line(), self.row))
            self._skip_spanned()
            values = dict(attrs)
            self.colspan = _span(values.get("colspan"))
            self.rowspan = _span(values.get("rowspan"))
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
        elif self.depth > 1:
            return
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "tr":
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            # a line end in the markup is layout, not text (only <br> breaks a cell's line)
            self.cell.append(_MARKUP_LINE_END.sub("", data) if "\n" in data else data)

    def _skip_spanned(self) -> None:
        """Empty cells where a cell of a row above still spans down."""
        assert self.row is not None
        while self.spans.get(len(self.row), 0) > 0:
            self.spans[len(self.row)] -= 1
            self.row.append("")

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        text = clean("\n".join(part.strip() for part in "".join(self.cell).split("\n")).strip())
        for offset in range(self.colspan):
            column = len(self.row)
            self.row.append(text if offset == 0 else "")
            if self.rowspan > 1:
                self.spans[column] = self.rowspan - 1
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None:
            self._skip_spanned()  # spans down the right edge of the row
        self.row = None


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a count of at least 1 (junk counts as 1)."""
    if value is None:
        return 1
    digits = value.strip()
    return max(1, min(int(digits), 1000)) if digits.isdigit() else 1
