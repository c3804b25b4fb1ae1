"""PDF documents with a text layer: ruled tables become grids, other text lines paragraphs.

pdfplumber finds the ruled tables of each page; the text of cells and lines is assembled here
from the characters, not with pdfplumber's ``extract_text``, because gap-based spacing puts
spaces between Latin digits and CJK characters (``2020 年度``) that were never typed. A space is
kept where the PDF has a space character, and inferred from a gap only between Latin characters
or for a gap wider than a tab would leave.

Wrapped lines are joined back into their paragraph (nothing between CJK, a space between Latin
words) when the line is full, i.e. the next line's first unbreakable unit would not have fitted
on it; a line ended early is a paragraph break (``"\\n"`` inside a cell, a new paragraph row
outside tables). Where both readings fit the page (a narrow cell holding exactly one line of
a two-paragraph label) the lines are joined. ``line`` counts the visual lines and table rows of
a page from the top; a paragraph carries the page and line of its first line.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from io import BytesIO
from itertools import pairwise
from typing import Any

from perfbudget.model.document import SourceFile
from perfbudget.read.blocks import RawCell, RawDocument, RawRow, ReadProblem
from perfbudget.read.clean import clean, indent_of, squash
from perfbudget.read.errors import ReadError

# pdfminer logs every oddity of a file as a warning on stderr; a reader reports via ReadProblem.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

Char = dict[str, Any]
Box = tuple[float, float, float, float]

_EOF_WINDOW = 2048  # %%EOF may be followed by a little trailing junk
_CELL_PITCH = 1.45  # line height of a cell paragraph, in font sizes (Noto CJK at single spacing)
_AUTOSPACE = 0.2  # extra gap, in font sizes, LibreOffice sets between CJK and Latin characters
_NO_LINE_START = set("，。、；：？！）」』》〉】〕］｝”’,.;:?!)]}%％·…—～")
_NO_LINE_END = set("（「『《〈【〔［｛([{“‘")
# Punctuation no paragraph starts with: a line that does is always a wrapped one.
_NEVER_FIRST = set("，。、；：？！）」』》〉】〕］｝”’,;:?!)]}")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|·{3,})\s*\d+\s*$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*$")


def read_pdf(data: bytes, source: SourceFile) -> RawDocument:
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise ReadError(source.path, "truncated or damaged PDF (no end-of-file marker)")
    import pdfplumber

    try:
        pdf = pdfplumber.open(BytesIO(data))
        pages = list(pdf.pages)
    except Exception as exc:  # pdfminer raises many types; only the password one needs its own words
        if _needs_password(exc):
            raise ReadError(source.path, "the file is password-protected (encrypted PDF)") from None
        raise ReadError(source.path, f"damaged PDF ({_short(exc)})") from None
    reader = _PdfReader(_outline(pdf, pages))
    with pdf:
        for number, page in enumerate(pages, start=1):
            try:
                reader.read_page(page, number)
            except Exception as exc:  # a damaged page stream: name the page, never show a traceback
                raise ReadError(source.path, f"damaged PDF ({_short(exc)})", f"p{number}") from None
            finally:
                page.close()  # drop the page's parsed objects; only its items are kept
    if not reader.any_text:
        raise ReadError(source.path, "the PDF has no text layer (a scanned document?); it needs OCR first")
    return RawDocument(source=source, rows=reader.finish(), problems=reader.problems)


def _needs_password(exc: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect / PDFEncryptionError: look inside."""
    todo: list[BaseException] = [exc]
    seen: set[int] = set()
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        name = type(current).__name__.lower()
        if "password" in name or "encrypt" in name:
            return True
        todo.extend(a for a in current.args if isinstance(a, BaseException))
        todo.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return False


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _outline(pdf, pages) -> dict[str, set[int | None]]:
    """Headings as the PDF outline (bookmarks) names them, with the pages they point to.

    LibreOffice and Word export headings as the outline; empty when there is none. A page that
    cannot be resolved is ``None`` and matches any page.
    """
    from pdfminer.pdftypes import PDFObjRef, resolve1

    page_of = {page.page_obj.pageid: number for number, page in enumerate(pages, start=1)}
    titles: dict[str, set[int | None]] = defaultdict(set)
    try:
        for _level, title, dest, action, _se in pdf.doc.get_outlines():
            if not title:
                continue
            if dest is None and isinstance(resolve1(action), dict):
                dest = resolve1(action).get("D")
            dest = resolve1(dest)
            if isinstance(dest, (bytes, str)) or type(dest).__name__ == "PSLiteral":
                dest = resolve1(pdf.doc.get_dest(dest))
            if isinstance(dest, dict):
                dest = resolve1(dest.get("D"))
            target = dest[0] if isinstance(dest, list) and dest else None
            titles[squash(title)].add(page_of.get(target.objid) if isinstance(target, PDFObjRef) else None)
    except Exception:  # no outline, or a broken one: headings are then not marked
        return {}
    return titles


def _is_cjk(ch: str) -> bool:
    code = ord(ch[0]) if ch else 0
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF
    )


# ---------------------------------------------------------------------------------------------
# Lines of characters


class _Line:
    """One visual line of characters, left to right."""

    def __init__(self, chars: list[Char]):
        self.chars = sorted(chars, key=lambda c: c["x0"])
        visible = [c for c in self.chars if c["text"].strip()] or self.chars
        self.top = min(c["top"] for c in self.chars)
        self.bottom = max(c["bottom"] for c in self.chars)
        self.x0 = min(c["x0"] for c in visible)
        self.start = self.chars[0]["x0"]  # leading blanks included: they take room on the line
        self.x1 = max(c["x1"] for c in visible)
        # trailing spaces count for fullness: a break after spaces leaves them on the line
        self.reach = max(c["x1"] for c in self.chars)
        self.size = max(c["size"] for c in visible)
        self.first_text = visible[0]["text"]
        self.last_text = visible[-1]["text"]
        self.starts_bold = "Bold" in visible[0]["fontname"]
        self.ends_bold = "Bold" in visible[-1]["fontname"]

    @property
    def text(self) -> str:
        return _join_chars(self.chars)

    def first_unit_width(self, after: _Line | None = None) -> float:
        """Width of what cannot be split from this line's start: opening punctuation, a CJK
        character or a Latin word, the closing punctuation glued to it, and a number glued to
        that (``（类）81.74``). After ``after``, a change between CJK and Latin adds the gap
        LibreOffice would have set between them."""
        chars = self.chars
        start = 0
        while start < len(chars) - 1 and not chars[start]["text"].strip():
            start += 1
        end = start
        while end < len(chars) - 1 and chars[end]["text"] in _NO_LINE_END:
            end += 1
        end = _core_end(chars, end)
        while end + 1 < len(chars) and chars[end + 1]["text"] in _NO_LINE_START:
            end += 1
            if end + 1 < len(chars) and _is_latin(chars[end + 1]["text"]):
                end = _core_end(chars, end + 1)
        width = chars[end]["x1"] - chars[start]["x0"]
        if after is not None and _is_cjk(after.last_text) != _is_cjk(chars[start]["text"]):
            width += _AUTOSPACE * self.size
        return width

    def wraps_after(self, previous: _Line, available: float) -> bool:
        """Is this line the continuation of ``previous`` in a text column ``available`` wide?"""
        if self.first_text in _NEVER_FIRST:
            return True
        return previous.reach - previous.start + self.first_unit_width(previous) > available + 0.1


def _is_latin(text: str) -> bool:
    return bool(text.strip()) and not _is_cjk(text) and text not in _NO_LINE_START


def _core_end(chars: list[Char], index: int) -> int:
    """Last index of the unit starting at ``index``: the character itself, or its Latin word."""
    if _is_cjk(chars[index]["text"]):
        return index
    while index + 1 < len(chars) and _is_latin(chars[index + 1]["text"]):
        index += 1
    return index


def _join_chars(chars: list[Char]) -> str:
    out: list[str] = []
    previous = None
    for char in chars:
        text = char["text"]
        if previous is not None and text != " " and previous["text"] != " ":
            gap = char["x0"] - previous["x1"]
            size = max(char["size"], previous["size"])
            latin_pair = not _is_cjk(text) and not _is_cjk(previous["text"])
            if gap > 0.6 * size or (latin_pair and gap > 0.2 * size):
                out.append(" ")
        out.append(text)
        previous = char
    return "".join(out)


def _lines_of(chars: list[Char]) -> list[_Line]:
    """Group characters into visual lines: a character joins the line its vertical middle lies in."""
    lines: list[_Line] = []
    band: list[Char] = []
    top = bottom = 0.0
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (char["top"] + char["bottom"]) / 2
        if band and top - 0.5 <= middle <= bottom + 0.5:
            band.append(char)
            continue
        if band:
            lines.append(_Line(band))
        band, top, bottom = [char], char["top"], char["bottom"]
    if band:
        lines.append(_Line(band))
    return lines


def _glue(previous: str, following: str) -> str:
    """Join a wrapped line: nothing between CJK, one space between Latin words."""
    latin_pair = previous and following and not _is_cjk(previous[-1]) and not _is_cjk(following[0])
    if latin_pair and not previous.endswith((" ", "-")):
        return previous + " " + following
    return previous + following


# ---------------------------------------------------------------------------------------------
# Tables


def _ruled_tables(page) -> list:
    """The page's ruled tables, top to bottom, including one-cell ones.

    pdfplumber drops single-cell tables, but the last row of a table that runs onto a new page
    is exactly that, so the finder's lone cells are made tables of their own.
    """
    from pdfplumber.table import Table

    finder = page.debug_tablefinder()
    tables = list(finder.tables)
    used = {cell for table in tables for cell in table.cells}
    page_area = float(page.width * page.height)
    for cell in finder.cells:
        # a box over much of the page is a frame around the text, not a one-cell table
        if cell not in used and (cell[2] - cell[0]) * (cell[3] - cell[1]) < 0.4 * page_area:
            tables.append(Table(page, [cell]))
    return sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0]))


class _CellIndex:
    """Finds the cell under a point quickly: cells bucketed by 10-point horizontal bands."""

    BAND = 10.0

    def __init__(self, cells: list[Box]):
        self.bands: dict[int, list[Box]] = defaultdict(list)
        for cell in cells:
            for band in range(int(cell[1] // self.BAND), int(cell[3] // self.BAND) + 1):
                self.bands[band].append(cell)

    def at(self, x: float, y: float) -> Box | None:
        for cell in self.bands.get(int(y // _CellIndex.BAND), ()):
            if cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]:
                return cell
        return None


def _table_rows(table, chars: list[Char]) -> tuple[list[tuple[float, list[tuple[str, int]]]], list[Char]]:
    """The printed cells (text, indent) of each row of ``table``, and the characters not in it."""
    rows = table.rows
    index = _CellIndex(list(table.cells))
    in_cell: dict[Box, list[Char]] = defaultdict(list)
    remaining: list[Char] = []
    for char in chars:
        cell = index.at((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
        if cell is None:
            remaining.append(char)
        else:
            in_cell[cell].append(char)
    pad = _cell_padding(in_cell)
    # pdfplumber's columns are keyed by the cells' left edges; a column runs to the next edge
    edges = [*sorted({cell[0] for cell in table.cells}), table.bbox[2]]
    column_middles = [(left + right) / 2 for left, right in pairwise(edges)]
    result = []
    for row in rows:
        present = [cell for cell in row.cells if cell is not None]
        texts = []
        for position, cell in enumerate(row.cells):
            if cell is not None:
                text = _cell_text(in_cell.get(cell, []), cell, pad)
                texts.append((clean(text), indent_of(text)))
            elif not any(c[0] <= column_middles[position] <= c[2] for c in present):
                texts.append(("", 0))  # not covered from the left: the lower part of a vertically merged cell
        result.append((row.bbox[1], texts))
    return result, remaining


def _cell_padding(in_cell: dict[Box, list[Char]]) -> float:
    """The table's inner cell margin: the smallest distance from a cell's left border to its text."""
    insets = [min(c["x0"] for c in chars) - cell[0] for cell, chars in in_cell.items() if chars]
    return min(max(min(insets, default=2.0), 0.0), 12.0)


def _cell_text(chars: list[Char], cell: Box, pad: float) -> str:
    lines = _lines_of(chars)
    if not lines:
        return ""
    available = cell[2] - cell[0] - 2 * pad  # widths, not positions: alignment does not matter
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None:
            pitch = line.top - previous.top
            same_size = abs(previous.size - line.size) < 0.5
            if same_size and pitch < 1.8 * line.size and line.wraps_after(previous, available):
                paragraphs[-1] = _glue(paragraphs[-1], line.text)
                previous = line
                continue
            # an empty paragraph leaves a blank line's height
            paragraphs.extend([""] * max(0, round(pitch / (_CELL_PITCH * line.size)) - 1))
        paragraphs.append(line.text)
        previous = line
    return "\n".join(paragraphs)


# ---------------------------------------------------------------------------------------------
# Pages and the stream


def _is_page_number(line: _Line, page_height: float) -> bool:
    """A page number in the top or bottom margin: printed by the page, not part of the document."""
    in_margin = line.top > page_height * 0.9 or line.bottom < page_height * 0.08
    return in_margin and bool(_PAGE_NUMBER.match(line.text))


@dataclass
class _Item:
    """A table row or a text line of a page, before numbering."""

    top: float
    cells: list[tuple[str, int]] | None = None  # a table row: (text, indent) per cell
    grid: int | None = None
    line: _Line | None = None  # a text line outside tables


@dataclass
class _Placed:
    """A text line outside tables with its page, ordinal and the body margins of its page."""

    line: _Line
    page: int
    ordinal: int
    left: float
    right: float


class _PdfReader:
    def __init__(self, outline: dict[str, set[int | None]]):
        self.outline = outline
        self.problems: list[ReadProblem] = []
        self.grid = -1
        self.any_text = False
        self.pages: list[tuple[int, float, list[_Item]]] = []  # number, width, items

    def read_page(self, page, number: int) -> None:
        chars = page.chars
        unmapped = [c for c in chars if c["text"].startswith("(cid:")]
        if unmapped:
            self.problems.append(
                ReadProblem(
                    None, number, f"{len(unmapped)} characters without a Unicode mapping are not read"
                )
            )
            chars = [c for c in chars if not c["text"].startswith("(cid:")]
        if not any(c["text"].strip() for c in chars):
            if page.images:
                self.problems.append(
                    ReadProblem(None, number, "the page has no text layer (a scanned image?)")
                )
            return
        self.any_text = True
        items: list[_Item] = []
        outside = chars
        for table in _ruled_tables(page):
            rows, outside = _table_rows(table, outside)
            if not any(text for _, cells in rows for text, _ in cells):
                continue  # an empty ruled box (a signature field, a decoration) prints nothing
            self.grid += 1
            items.extend(_Item(top, cells=cells, grid=self.grid) for top, cells in rows)
        for line in _lines_of(outside):
            if not _is_page_number(line, page.height):
                items.append(_Item(line.top, line=line))
        items.sort(key=lambda item: item.top)
        self.pages.append((number, page.width, items))

    def finish(self) -> list[RawRow]:
        """Number every page's rows; join wrapped text lines, also across pages."""
        margins = self._margins()
        pitch = self._pitch_ratio()
        rows: list[RawRow] = []
        pending: list[_Placed] = []
        for number, width, items in self.pages:
            left, right = margins[round(width)]
            for ordinal, item in enumerate(items, start=1):
                if item.line is not None:
                    pending.append(_Placed(item.line, number, ordinal, left, right))
                    continue
                rows.extend(self._paragraph_rows(pending, pitch))
                pending = []
                cells = [RawCell(text, ordinal, number, indent) for text, indent in item.cells or []]
                rows.append(RawRow(cells, line=ordinal, page=number, grid=item.grid))
        rows.extend(self._paragraph_rows(pending, pitch))
        return rows

    def _paragraph_rows(self, lines: list[_Placed], pitch: float) -> list[RawRow]:
        groups: list[list[_Placed]] = []
        for placed in lines:
            if groups and _continues(groups[-1][-1], placed, pitch) and not self._starts_heading(placed):
                groups[-1].append(placed)
            else:
                groups.append([placed])
        rows = []
        for group in groups:
            text = ""
            for placed in group:
                text = _glue(text, placed.line.text) if text else placed.line.text
            text = clean(text)
            if text:
                first = group[0]
                heading = self._is_heading(text, first.page)
                cell = RawCell(text, first.ordinal, first.page)
                rows.append(RawRow([cell], line=first.ordinal, page=first.page, heading=heading))
        return rows

    def _is_heading(self, text: str, page: int) -> bool:
        pages = self.outline.get(squash(text), ())
        return page in pages or None in pages

    def _starts_heading(self, placed: _Placed) -> bool:
        """Does this line begin a heading of the outline (so it cannot continue a paragraph)?"""
        start = squash(placed.line.text)
        if len(start) < 2:
            return False
        return any(
            title.startswith(start) and (placed.page in pages or None in pages)
            for title, pages in self.outline.items()
        )

    def _margins(self) -> dict[int, tuple[float, float]]:
        """Body text edges per page width (portrait and landscape pages differ).

        The right edge is where full lines end; lines ending in punctuation are left out because
        LibreOffice and Word let a closing comma or stop hang into the margin.
        """
        margins: dict[int, tuple[float, float]] = {}
        for _, width, items in self.pages:
            key = round(width)
            left, right = margins.get(key, (width, 0.0))
            for item in items:
                if item.line is not None:
                    left = min(left, item.line.x0)
                    if item.line.last_text not in _NO_LINE_START:
                        right = max(right, item.line.x1)
            margins[key] = (left, right)
        return margins

    def _pitch_ratio(self) -> float:
        """The usual distance between the tops of two lines of one paragraph, in font sizes."""
        counts: dict[float, int] = defaultdict(int)
        for _, _, items in self.pages:
            lines = [item.line for item in items if item.line is not None]
            for a, b in pairwise(lines):
                if abs(a.size - b.size) < 0.5 and b.top > a.top:
                    counts[round((b.top - a.top) / a.size, 1)] += 1
        usual = max(counts, key=lambda r: counts[r]) if counts else 1.5
        return min(max(usual, 1.0), 3.0)


def _continues(previous: _Placed, current: _Placed, pitch: float) -> bool:
    """Is ``current`` a wrapped continuation of the paragraph ending with ``previous``?"""
    before, line = previous.line, current.line
    if abs(before.size - line.size) > 0.5:
        return False
    if current.page == previous.page and line.top - before.top > pitch * before.size * 1.35:
        return False  # a paragraph gap
    if _TOC_ENTRY.search(before.text):
        return False  # a table-of-contents line reaches the margin with its page number
    if line.starts_bold and not before.ends_bold:
        return False  # a bold start (a term, a heading) begins a paragraph
    flush_left = line.x0 - current.left < 0.5 * line.size
    centred = abs((line.x0 - current.left) - (current.right - line.x1)) < line.size
    if not (flush_left or centred):
        return False  # an indented first line starts a paragraph
    return line.wraps_after(before, previous.right - before.start)
