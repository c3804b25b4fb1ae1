"""Multi-level column headers: rebuild the header grid and give every leaf column a stable key.

Printed headers lose their spans in two ways: a row-per-line table prints a spanning cell once
and leaves the cells it covers empty; a cell-per-line table simply prints fewer cells. Both are
rebuilt against the row below, whose filled and empty cells show which columns sit under what.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from perfbudget.model.tables import Column
from perfbudget.read.blocks import RawRow
from perfbudget.read.clean import squash
from perfbudget.recognize.catalogue import column_word

LABEL_KINDS = ("code", "name", "line_no")


@dataclass
class HeaderGrid:
    rows: list[list[str]]  # header rows expanded to the table width
    columns: list[Column]
    kinds: list[str]  # per column: measure | code | name | line_no


def table_width(data_rows: list[RawRow], header_rows: list[RawRow]) -> int:
    """The number of leaf columns: the usual data-row width, or the widest header row if wider
    (rows that lost merged cells are short; a stray wider row does not widen the table)."""
    widths = Counter(len(r.cells) for r in data_rows)
    top = max(widths.values(), default=0)
    usual = max((w for w, n in widths.items() if n == top), default=0)  # ties: the fuller row
    width = max(usual, max((len(r.cells) for r in header_rows), default=0))
    rows = (*header_rows, *data_rows)
    if rows and all(len(r.cells) == width for r in rows):
        # every row padded to one width (a sheet is as wide as its widest table): columns empty in
        # every row are not this table's. (A shorter header row is spread over the columns, so
        # there an empty leaf column can still have a heading.)
        used = max(_last_filled(r) for r in rows) + 1
        return used or width
    return width


def _last_filled(row: RawRow) -> int:
    cells = row.cells
    for j in range(len(cells) - 1, -1, -1):
        if cells[j].text:
            return j
    return -1


def label_columns(texts: list[list[str]], amounts: list[list[Decimal | None]], width: int) -> list[bool]:
    """Which columns hold labels (codes, names) rather than amounts, judged from the data rows'
    ``texts`` and ``amounts`` (each cell's figure, ``None`` where it is not one)."""
    text_counts = [0] * width
    amount_counts = [0] * width
    for row_texts, row_amounts in zip(texts, amounts, strict=True):
        if len(row_texts) != width:
            continue
        for j, text in enumerate(row_texts):
            if not text:
                continue
            if row_amounts[j] is not None and not (j == 0 and len(text) in (3, 5, 7) and text.isdigit()):
                amount_counts[j] += 1
            else:
                text_counts[j] += 1
    return [text_counts[j] > amount_counts[j] for j in range(width)]


def build_header(header_rows: list[RawRow], width: int, is_label: list[bool]) -> HeaderGrid:
    texts = [row for row in ([c.text for c in r.cells] for r in header_rows) if any(row)]
    is_label = list(is_label)
    for row in texts:
        if len(row) == width:
            for j, text in enumerate(row):
                if _label_text(text):
                    is_label[j] = True
    expanded: list[list[str]] = [[] for _ in texts]
    below: list[str] | None = None
    for k in range(len(texts) - 1, -1, -1):
        row = texts[k]
        if len(row) > width:
            row = row[:width] if not any(row[width:]) else _squeeze(row, width)
        if len(row) == width:
            full = _fill_spans_right(row, below)
        elif below is not None:
            full = _spread(row, below, is_label)
        elif (
            k > 0 and len(texts[k - 1]) < width and (pair := _place_pair(texts[k - 1], row, width, is_label))
        ):
            # a short bottom row under a short row: the cells merged down from above were left out
            full, texts[k - 1] = pair
        else:
            full = (
                [""] * (width - len(row)) + row
                if row and not _label_text(row[0])
                else row + [""] * (width - len(row))
            )
            full = _fill_spans_right(full, None)
        expanded[k] = full
        below = full if below is None else [full[j] or below[j] for j in range(width)]
    paths = [_path([expanded[k][j] for k in range(len(expanded))]) for j in range(width)]
    columns, kinds = _columns(paths, is_label)
    return HeaderGrid(rows=expanded, columns=columns, kinds=kinds)


def _place_pair(
    upper: list[str], lower: list[str], width: int, is_label: list[bool]
) -> tuple[list[str], list[str]] | None:
    """Place a header row whose cells merged down from the row above were left out of it.

    Each upper cell either stands alone over one column (merged down: nothing printed below it)
    or spans the lower cells printed under it. Choose the placement whose headings fit the
    vocabulary best (项目 over 编码 and 名称, 本年支出 over 小计/基本支出/项目支出, leaves alone).
    Returns ``(lower expanded, upper expanded)`` or ``None`` when no placement fits.
    """
    n_u, n_l = len(upper), len(lower)
    best: tuple[int, list[tuple[int, int]]] | None = None  # cost, per upper cell (columns, lower cells)

    def search(i: int, col: int, used: int, cost: int, spans: list[tuple[int, int]]) -> None:
        nonlocal best
        if best is not None and cost >= best[0]:
            return
        if i == n_u:
            if col == width and used == n_l:
                # repeated headings (预算数 … | 决算数 …) are printed alike: give them equal spans
                seen: dict[str, int] = {}
                for text, (columns, _) in zip(upper, spans, strict=True):
                    if seen.setdefault(text, columns) != columns:
                        cost += 3
                if best is None or cost < best[0]:
                    best = (cost, list(spans))
            return
        # merged down: one column, nothing below
        search(i + 1, col + 1, used, cost + _down_cost(upper[i]), [*spans, (1, 0)])
        for take in range(1, n_l - used + 1):
            if col + take > width:
                break
            extra = _span_cost_words(upper[i], lower[used : used + take], is_label[col : col + take])
            search(i + 1, col + take, used + take, cost + extra, [*spans, (take, take)])

    if n_u > 12 or width > 24:
        return None
    search(0, 0, 0, 0, [])
    if best is None:
        return None
    lower_full: list[str] = []
    upper_full: list[str] = []
    used = 0
    for text, (columns, taken) in zip(upper, best[1], strict=True):
        upper_full.extend([text] * columns)
        if taken:
            lower_full.extend(lower[used : used + taken])
            used += taken
        else:
            lower_full.append("")
    return lower_full, upper_full


_GROUPS = ("本年支出", "本年收入", "公务用车购置及运行费", "财政拨款", "预算数", "决算数", "收入", "支出")


# sub-headings that only one heading prints above them
_PART_OF = {
    "personnel": ("basic",),
    "public": ("basic",),
    "vehicle_purchase": ("vehicles",),
    "vehicle_operation": ("vehicles",),
}


def _down_cost(text: str) -> int:
    word = column_word(text)
    key = squash(text)
    if word is not None and word.kind == "name" and key in ("项目", "科目"):
        return 8  # 项目 heads the code and name columns
    if (word is not None and word.kind in ("group", "side")) or key.endswith(_GROUPS):
        return 3
    return 0


def _span_cost_words(upper: str, lower: list[str], labels: list[bool]) -> int:
    word = column_word(upper)
    key = squash(upper)
    # 项目/科目 head the code and name columns; 科目编码 heads 类 | 款 | 项
    label_group = word is not None and (
        word.kind == "code" or (word.kind == "name" and key in ("项目", "科目"))
    )
    groupish = (word is not None and word.kind in ("group", "side")) or key.endswith(_GROUPS)
    cost = 0 if (label_group or groupish or len(lower) == 1) else 4
    for position, (text, is_label_column) in enumerate(zip(lower, labels, strict=True)):
        if position and squash(text) in ("小计", "合计"):
            cost += 3  # a subtotal heads its group
        below = column_word(text)
        below_label = below is not None and below.kind in LABEL_KINDS
        if (
            below is not None
            and word is not None
            and word.kind == "measure"
            and word.key not in _PART_OF.get(below.key, (word.key,))
        ):
            cost += 2  # 人员经费 sits under 基本支出, not under 项目支出
        if below_label != label_group or is_label_column != label_group:
            cost += 5
        lower_key = squash(text)
        if ("收入" in key and "支出" in lower_key) or ("支出" in key and "收入" in lower_key):
            cost += 5
    return cost


def _label_text(text: str) -> bool:
    word = column_word(text)
    return word is not None and word.kind in LABEL_KINDS


def _squeeze(row: list[str], width: int) -> list[str]:
    filled = [t for t in row if t]
    return (filled + [""] * width)[:width]


def _fill_spans_right(row: list[str], below: list[str] | None) -> list[str]:
    """A row-per-line header prints a spanning cell once: fill it rightwards over the columns
    that have their own header below (an empty cell over an empty cell stays empty)."""
    if below is None:
        return list(row)
    out = list(row)
    for j in range(1, len(out)):
        if not out[j] and below[j] and out[j - 1]:
            out[j] = out[j - 1]
    return out


def _spread(row: list[str], below: list[str], is_label: list[bool]) -> list[str]:
    """Place ``len(row)`` cells over ``len(below)`` columns: a column empty below belongs to
    one cell alone (merged down from here); runs of filled columns are split among cells, preferring
    splits that keep labels and amounts apart and start each half at a label column."""
    width, n = len(below), len(row)
    spans = _cheapest_spans(n, below, is_label)
    if spans is None:
        return row + [""] * (width - n)
    out = [""] * width
    for text, (start, end) in zip(row, spans, strict=True):
        for j in range(start, end):
            out[j] = text
    return out


def _cheapest_spans(n: int, below: list[str], is_label: list[bool]) -> list[tuple[int, int]] | None:
    """The cut of the columns into ``n`` spans of least cost; on a tie the cut whose boundaries
    come first, left to right. ``None`` when no cut is allowed.

    A span's cost does not depend on the other spans, so the least cost of cutting the columns
    from ``start`` on into ``k`` spans is worked out once for each ``start`` and ``k`` rather than
    for every combination of cuts."""
    width = len(below)
    span = _span_costs(below, is_label)
    # rest[k][start]: least cost of the columns from ``start`` on cut into ``k`` spans
    rest: list[list[int | None]] = [[None] * (width + 1) for _ in range(n + 1)]
    rest[0][width] = 0
    for k in range(1, n + 1):
        below_k, row_k = rest[k - 1], rest[k]
        for start in range(width - k, -1, -1):
            best = None
            for end in range(start + 1, width - k + 2):
                cost, tail = span[start][end], below_k[end]
                if cost is not None and tail is not None and (best is None or cost + tail < best):
                    best = cost + tail
            row_k[start] = best
    if rest[n][0] is None:
        return None
    spans: list[tuple[int, int]] = []
    start = 0
    for k in range(n, 0, -1):
        for end in range(start + 1, width - k + 2):
            cost, tail = span[start][end], rest[k - 1][end]
            if cost is not None and tail is not None and cost + tail == rest[k][start]:
                spans.append((start, end))
                start = end
                break
    return spans


def _span_costs(below: list[str], is_label: list[bool]) -> list[list[int | None]]:
    """``[start][end]``: the cost of one cell spanning those columns; ``None`` where a span of
    several columns would cover a column that is empty below (that column is merged down).

    Labels and amounts apart first: a span mixing them costs 1, and each label column after an
    amount column (another half of the table starts there) 10; then spans of even size (预算数 |
    决算数 over two equal halves). The spans from one start are costed as they widen."""
    width = len(below)
    costs: list[list[int | None]] = [[None] * (width + 1) for _ in range(width + 1)]
    for start in range(width):
        labels = amounts = halves = 0
        for end in range(start + 1, width + 1):
            if end - start > 1 and not (below[start] and below[end - 1]):
                break  # every wider span covers this empty column too
            if is_label[end - 1]:
                labels += 1
                if end - start > 1 and not is_label[end - 2]:
                    halves += 1
            else:
                amounts += 1
            mixed = 1 if labels and amounts else 0
            costs[start][end] = 1000 * (mixed + 10 * halves) + (end - start) ** 2
    return costs


def _path(cells: list[str]) -> list[str]:
    path: list[str] = []
    for text in cells:
        # a heading spread over several header rows is the same text: squash only when it differs
        if text and (not path or (path[-1] != text and squash(path[-1]) != squash(text))):
            path.append(text)
    return path


def _columns(paths: list[list[str]], is_label: list[bool]) -> tuple[list[Column], list[str]]:
    columns: list[Column] = []
    kinds: list[str] = []
    raw_keys: list[list[str]] = []
    sides: list[str | None] = []
    for j, path in enumerate(paths):
        words = [column_word(p) for p in path]
        side = next((w.key for w in words if w is not None and w.kind == "side"), None)
        leaf = words[-1] if words else None
        if leaf is not None and leaf.kind == "side":
            leaf = None
        if leaf is None:
            kind = "name" if is_label[j] else "measure"
            key = "name" if is_label[j] else f"c{j + 1}"
        else:
            kind = leaf.kind if leaf.kind in LABEL_KINDS else "measure"
            # a heading such as 预算数 groups columns when it has some below it, else it is the amount
            key = "total" if leaf.kind == "group" else leaf.key
        ancestors = [w.key for w in words[:-1] if w is not None and w.kind not in _NOT_ANCESTORS]
        if leaf is not None and leaf.kind == "group":
            ancestors.append(leaf.key)  # 年初预算数 | 决算数 side by side: budget.total, final.total
        if kind == "measure" and key == "total" and ancestors and ancestors[-1] in _SUBTOTAL_IS_ITEM:
            key = ancestors[-1]  # 小计 under 公务用车购置及运行费 (基本支出) is that item's amount
            ancestors = ancestors[:-1]
        raw_keys.append([*ancestors, key])
        kinds.append(kind)
        sides.append(side)
    sides = _side_by_position(sides, is_label)
    keys = _unique_keys(raw_keys, sides)
    for j, path in enumerate(paths):
        columns.append(
            _new_column({"key": keys[j], "header": path, "side": sides[j], "measure": kinds[j] == "measure"})
        )
    return columns, kinds


_SUBTOTAL_IS_ITEM = ("vehicles", "basic", "project")
_NOT_ANCESTORS = ("side", *LABEL_KINDS)  # headings that do not qualify a column's key
_new_column = Column.__pydantic_validator__.validate_python  # Column(**fields), without the keyword plumbing


def _side_by_position(sides: list[str | None], is_label: list[bool]) -> list[str | None]:
    """The second half of a two-sided table starts at the first label column after an amount
    column; printed side headers are often shifted, the columns are not."""
    named = [s for s in sides if s]
    if not named:
        return sides
    boundary = next((j for j in range(1, len(is_label)) if is_label[j] and not all(is_label[:j])), None)
    if boundary is None:
        return sides
    first, second = ("income", "expenditure")
    return [first if j < boundary else second for j in range(len(sides))]


def _unique_keys(raw_keys: list[list[str]], sides: list[str | None]) -> list[str]:
    """The leaf key, qualified by its ancestors only as far as needed to tell columns apart."""
    keys = [chain[-1] for chain in raw_keys]
    if len(set(zip(sides, keys, strict=True))) == len(keys):
        return keys  # the usual case: the leaf keys already tell the columns apart
    depth = [1] * len(raw_keys)

    def qualified(chain: list[str], d: int) -> str:
        # the outermost heading qualifies first: budget.vehicle_purchase, not vehicles.vehicle_purchase
        # a column with fewer headings than ``d`` has no more to qualify it with (合计 beside 小计)
        return ".".join([*chain[: min(d, len(chain)) - 1], chain[-1]])

    for _ in range(4):
        keys = [qualified(k, d) for k, d in zip(raw_keys, depth, strict=True)]
        seen = Counter((s, k) for s, k in zip(sides, keys, strict=True))
        clashes = [j for j, (s, k) in enumerate(zip(sides, keys, strict=True)) if seen[(s, k)] > 1]
        if not clashes:
            break
        for j in clashes:
            depth[j] += 1
    keys = [qualified(k, d) for k, d in zip(raw_keys, depth, strict=True)]
    # still equal (a repeated header): number them
    out: list[str] = []
    counts: Counter[tuple[str | None, str]] = Counter()
    for side, key in zip(sides, keys, strict=True):
        counts[(side, key)] += 1
        n = counts[(side, key)]
        out.append(key if n == 1 else f"{key}_{n}")
    return out
