"""Lay out a stored table as it was printed: merged multi-level headers, paired two-sided rows.

The HTML of a table body is built here rather than in a template (a document can hold thousands of
cells). Every text that came from a document goes through :func:`escape`: nothing uploaded is
ever rendered as markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from urllib.parse import quote_plus

from django.utils.html import escape

from perfbudget.store import models as db

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Col:
    key: str
    side: str | None
    measure: bool
    header: tuple[str, ...]
    role: str = "cell"  # cell | code | label | group (a synthetic column)


@dataclass
class Flag:
    """A finding that cites a cell: its number on the document page, id and severity."""

    number: int
    pk: int
    severity: str
    message: str


@dataclass
class FindingIndex:
    """Cited places → findings, for highlighting cells and rows."""

    cells: dict[tuple[str, int, str], list[Flag]] = field(default_factory=lambda: defaultdict(list))
    rows: dict[tuple[str, int], list[Flag]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, findings: Iterable[tuple[int, db.Finding]]) -> FindingIndex:
        index = cls()
        for number, finding in findings:
            flag = Flag(number, finding.pk, finding.severity, finding.message)
            cited_cells = finding.cells or []
            if finding.severity == "info":  # rounding notes: mark only the figure they are about
                cited_cells = cited_cells[:1]
            for cited in cited_cells:
                ref = cited.get("ref") or {}
                table, row, column = ref.get("table"), ref.get("row"), ref.get("column")
                if table is None or row is None:
                    continue
                if column:
                    index.cells[(table, row, column)].append(flag)
                else:
                    index.rows[(table, row)].append(flag)
        return index


def header_spans(grid: Sequence[Sequence[str]]) -> list[list[HeaderCell]]:
    """Merge a printed header grid into cells with spans.

    Equal neighbours in a row merge when the rows above merged them too; an empty cell (or the
    same text) below a cell merges into it, so ``[["项目", "合计"], ["", ""]]`` is two tall cells.
    """
    if not grid:
        return []
    width = max(len(r) for r in grid)
    rows = [[(c or "").strip() for c in r] + [""] * (width - len(r)) for r in grid]
    height = len(rows)
    # horizontal segments per row: boundaries inherited from the row above
    segments: list[list[tuple[int, int]]] = []
    bounds = {0, width}
    for r in range(height):
        row = rows[r]
        bounds = set(bounds)
        for c in range(1, width):
            if row[c] != row[c - 1] or not row[c]:
                bounds.add(c)
        edges = sorted(bounds)
        segments.append(list(pairwise(edges)))
    covered = [[False] * width for _ in range(height)]
    out: list[list[HeaderCell]] = [[] for _ in range(height)]
    for r in range(height):
        for start, end in segments[r]:
            if covered[r][start]:
                continue
            text = rows[r][start]
            span = 1
            while r + span < height:
                below = rows[r + span][start:end]
                if any(covered[r + span][start:end]):
                    break
                if all(not t for t in below) or (text and all(t == text for t in below)):
                    span += 1
                else:
                    break
            for rr in range(r, r + span):
                for cc in range(start, end):
                    covered[rr][cc] = True
            out[r].append(HeaderCell(text, end - start, span))
    return [row for row in out if row]


@dataclass
class PrintedTable:
    table: db.Table
    columns: list[Col]
    header: list[list[HeaderCell]]
    body_html: str
    row_count: int


def columns_of(table: db.Table, rows: Sequence[db.Row]) -> list[Col]:
    cols = [
        Col(
            key=c["key"],
            side=c.get("side"),
            measure=bool(c.get("measure")),
            header=tuple(c.get("header") or ()),
            role="code" if c["key"] == "code" else "cell",
        )
        for c in table.columns
    ]
    sides = {c.side for c in cols} or {None}
    result = list(cols)
    for side in sides:
        on_side = [i for i, c in enumerate(result) if c.side == side]
        host = next((i for i in on_side if result[i].key == "name"), None)
        if host is None:
            host = next(
                (i for i in on_side if not result[i].measure and result[i].key not in {"code", "line_no"}),
                None,
            )
        if host is not None:
            result[host] = Col(**{**result[host].__dict__, "role": "label"})
            continue
        labelled = any(r.label and r.label not in _cell_texts(r) for r in rows if (r.side or None) == side)
        if labelled:  # rows have names but no printed column holds them: add one in front of the side
            at = on_side[0] if on_side else 0
            result.insert(at, Col(key="", side=side, measure=False, header=("项目",), role="label"))
    if any(r.group for r in rows):
        result.insert(0, Col(key="", side=None, measure=False, header=("类别",), role="group"))
    return result


def _cell_texts(row: db.Row) -> set[str]:
    return {c.get("text", "") for c in (row.cells or {}).values()}


def header_of(table: db.Table, cols: Sequence[Col]) -> list[list[HeaderCell]]:
    """The header as printed (``header_rows``) when it fits the columns, else from the column paths.

    Synthetic columns (key ``""``: a label or group column the printed table lacked) get their
    own title on top.
    """
    printed = [list(r) for r in table.header_rows or []]
    width = len(table.columns)
    if printed and width and all(len(r) == width for r in printed):
        grid = []
        for level, r in enumerate(printed):
            cells = iter(r)
            grid.append([next(cells) if c.key else (c.header[0] if level == 0 else "") for c in cols])
        return header_spans(grid)
    depth = max((len(c.header) for c in cols), default=0)
    if depth == 0 or all(not "".join(c.header) for c in cols):
        return []
    grid = [[c.header[level] if level < len(c.header) else "" for c in cols] for level in range(depth)]
    return header_spans(grid)


def printed_rows(table: db.Table, rows: Sequence[db.Row]) -> list[dict[str | None, db.Row]]:
    """Rows as printed: in a two-sided table the income and expenditure rows of one line pair up."""
    two_sided = any(c.get("side") for c in table.columns)
    if not two_sided:
        return [{None: r} for r in rows]
    printed: list[dict[str | None, db.Row]] = []
    places: list[tuple | None] = []
    for row in rows:
        place = (row.page, row.line) if row.line is not None else None
        side = row.side or None
        if printed and place is not None and places[-1] == place and side not in printed[-1]:
            printed[-1][side] = row
        else:
            printed.append({side: row})
            places.append(place)
    return printed


def cell_anchor(table_ident: str, row: int, column: str) -> str:
    return f"c-{table_ident}-{row}-{column}"


def row_anchor(table_ident: str, row: int) -> str:
    return f"r-{table_ident}-{row}"


def render_table(
    table: db.Table, rows: Sequence[db.Row], findings: FindingIndex, source_url: str
) -> PrintedTable:
    cols = columns_of(table, rows)
    header = header_of(table, cols)
    lines = printed_rows(table, rows)
    html: list[str] = []
    t = table.ident
    for printed in lines:
        classes = sorted({f"role-{r.role}" for r in printed.values()})
        first = next(iter(printed.values()))
        html.append(f'<tr id="{row_anchor(t, first.index)}" class="{" ".join(classes)}">')
        for col in cols:
            row = printed.get(col.side) if col.side is not None else first
            html.append(_cell_html(t, col, row, findings, source_url))
        html.append("</tr>")
    return PrintedTable(table, cols, header, "".join(html), len(lines))


def _flags_html(flags: list[Flag]) -> str:
    shown = sorted(flags, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.number))[:3]
    links = "".join(
        f'<a class="flag flag-{f.severity}" href="#f-{f.pk}" title="{escape(SEVERITY_LABEL.get(f.severity, ""))}：'
        f'{escape(f.message)}">{f.number}</a>'
        for f in shown
    )
    more = f'<span class="flag-more">+{len(flags) - 3}</span>' if len(flags) > 3 else ""
    return f'<sup class="flags">{links}{more}</sup>'


def _worst(flags: list[Flag]) -> str:
    return min((f.severity for f in flags), key=lambda s: SEVERITY_ORDER.get(s, 9))


@lru_cache(maxsize=4096)
def _q(text: str) -> str:
    """``quote_plus`` of a table id or column key (few distinct values: cached; pages have thousands of cells)."""
    return quote_plus(text)


def _cell_html(t: str, col: Col, row: db.Row | None, findings: FindingIndex, source_url: str) -> str:
    if row is None:
        return "<td></td>"
    if col.role == "group":
        return f'<td class="group">{escape(row.group)}</td>'
    cell = (row.cells or {}).get(col.key) if col.key else None
    if cell is not None:
        text = cell.get("text") or ""
        flags = findings.cells.get((t, row.index, col.key), [])
        classes = ["num" if col.measure or cell.get("value") is not None else "txt"]
        if flags:
            classes.append(f"flagged flag-{_worst(flags)}")
        if col.role == "label":
            classes.append(f"label lvl-{row.level or 0}")
        href = f"{source_url}?t={_q(t)}&r={row.index}&c={_q(col.key)}"
        body = f'<a class="fig" href="{escape(href)}">{escape(text)}</a>' if text else ""
        anchor = cell_anchor(t, row.index, col.key)
        return (
            f'<td id="{anchor}" class="{" ".join(classes)}">{body}{_flags_html(flags) if flags else ""}</td>'
        )
    if col.role == "code":
        code = row.code if row.code and not row.code_inferred else ""
        return f'<td class="code">{escape(code)}</td>'
    if col.role == "label":
        flags = findings.rows.get((t, row.index), [])
        classes = ["label", f"lvl-{row.level or 0}"]
        if flags:
            classes.append(f"flagged flag-{_worst(flags)}")
        href = f"{source_url}?t={_q(t)}&r={row.index}"
        label = f'<a class="fig" href="{escape(href)}">{escape(row.label)}</a>' if row.label else ""
        return f'<td class="{" ".join(classes)}">{label}{_flags_html(flags) if flags else ""}</td>'
    return "<td></td>"
