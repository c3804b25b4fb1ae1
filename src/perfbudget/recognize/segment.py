"""Cut the row stream into table segments: title, meta rows (department, unit, label), body, notes.

A segment starts at a row whose text is a known table title (a paragraph, or a table row with
a single filled cell) and runs until the next title, or until prose resumes after the body.
A table with no recognised title becomes a generic segment: kept, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from perfbudget.read.blocks import RawRow
from perfbudget.read.clean import squash
from perfbudget.recognize.catalogue import TableKind, kind_of_title
from perfbudget.recognize.vocabulary import CONTINUED, CONTINUED_MARK, DECLARED_EMPTY, LABEL, META_ROW, NOTE


@dataclass
class Segment:
    kind: TableKind | None
    title: str
    title_row: RawRow | None
    label: str | None = None
    meta: list[RawRow] = field(default_factory=list)
    body: list[RawRow] = field(default_factory=list)
    notes: list[RawRow] = field(default_factory=list)

    @property
    def declared_empty(self) -> bool:
        return any(DECLARED_EMPTY.search(n.text) for n in self.notes)


def _first_text(row: RawRow) -> str:
    for cell in row.cells:
        if cell.text:
            return cell.text
    return ""


def is_meta(row: RawRow) -> bool:
    filled = row.filled
    if not filled or len(filled) > 6 or any(len(c.text) > 60 for c in filled):
        return False
    return all(META_ROW.match(squash(c.text)) or LABEL.match(squash(c.text)) for c in filled)


def label_of(row: RawRow) -> str | None:
    for cell in row.filled:
        if LABEL.match(squash(cell.text)):
            return squash(cell.text)
    return None


def is_note(row: RawRow) -> bool:
    text = _first_text(row).lstrip()
    return text[:1] in ("注", "说", "备") and NOTE.match(text) is not None


def segments(rows: list[RawRow], title_of=kind_of_title) -> tuple[list[Segment], list[RawRow]]:
    """Return the table segments and the prose paragraphs that belong to no table."""
    found: list[Segment] = []
    prose: list[RawRow] = []
    current: Segment | None = None
    pending_label: str | None = None
    body_grid: int | None = None
    label_match = LABEL.match
    note_match = NOTE.match
    kinds: dict[str, TableKind | None] = {}  # title_of() once per text: forms repeat their titles
    head: RawRow | None = None  # a short line of prose just before: perhaps a title's first line
    continuing = False  # a 续表 line was read: the rows that follow go on with the current table

    def kind_of(title: str) -> TableKind | None:
        if title not in kinds:
            kinds[title] = title_of(title)
        return kinds[title]

    for row in rows:
        above, head = head, None
        # the first filled cell, and the text of the row when it is the only filled one
        first = text = None
        for cell in row.cells:
            if cell.text:
                if first is None:
                    first = text = cell.text
                else:
                    text = None
                    break
        kind = None
        title_row = row
        if text and len(text) <= 80:
            if above is not None and row.grid is None:
                # a title wrapped onto two lines (2025年一般公共预算基本支出 / 经济分类预算表)
                joined = above.cells[0].text.strip() + text.strip()
                kind = kind_of(joined) if len(joined) <= 80 else None
                if kind is not None:
                    text, title_row = joined, above
                    prose.pop()  # (the line above went to the prose last)
            if kind is None:
                kind = kind_of(text)
        if text and current is not None and _goes_on(current, text, kind):
            continuing = True
            continue
        if kind is not None:
            current = Segment(
                kind=kind, title=text.strip(), title_row=title_row, label=pending_label or _title_label(text)
            )
            found.append(current)
            pending_label, body_grid, continuing = None, None, False
            continue
        is_paragraph = row.grid is None
        if continuing:
            if is_meta(row):
                continue  # 单位：万元 printed again over the rest of the table
            continuing = False
            if not is_paragraph:
                current.body.append(row)  # (its header printed again is dropped with the others)
                body_grid = row.grid
                continue
        # (a label holds 表 or 公开, see LABEL: the test is cheap, squash() is not)
        if is_paragraph and text and ("表" in text or "公" in text) and label_match(squash(text)):
            if current is not None and current.label is None and not current.body and not current.notes:
                current.label = squash(text)  # 公开01表 printed on its own line under its title
            else:
                pending_label = squash(text)  # 预算公开表1 printed above its title
            continue
        if current is not None and not current.body and is_meta(row):
            current.meta.append(row)
            current.label = current.label or label_of(row)
            continue
        if current is not None and (current.body or is_paragraph) and first is not None:
            lead = first.lstrip()  # is_note(row)
            if lead and lead[0] in "注说备" and note_match(lead) is not None:
                current.notes.append(row)
                continue
        if (
            is_paragraph
            and current is not None
            and text
            and len(text) <= 60
            and (not current.body or text.startswith(("本表", "此表", "该表")))
            and DECLARED_EMPTY.search(text)
        ):
            current.notes.append(row)  # 本表无数据 printed without 注：, under the title or the header
            continue
        if is_paragraph:
            if text and len(text) <= 30 and text[-1] not in "。；;：:，,":
                head = row
            if current is not None and not current.body and not current.notes:
                prose.append(row)  # a subtitle or stray line between title and table
                continue
            current = None
            prose.append(row)
            continue
        # a table row: a new physical table, or rows after a table's notes, start an untitled table
        # — unless the new table continues the last one on the next page (same width, nothing between)
        if (
            current is not None
            and current.kind is not None
            and current.body
            and row.grid != body_grid
            and not current.notes
            and _continues(current.body[-1], row)
        ):
            current.body.append(row)
            body_grid = row.grid
            continue
        if current is None or (current.body and (row.grid != body_grid or current.notes)):
            current = Segment(kind=None, title=_generic_title(prose, row), title_row=None)
            found.append(current)
        current.body.append(row)
        body_grid = row.grid
    return found, prose


def _goes_on(current: Segment, text: str, kind: TableKind | None) -> bool:
    """``续表`` on its own line, or the current table's title again with （续）: the table goes on
    after a page break (its header may be printed again; build_table drops it)."""
    if current.kind is None or not current.body or current.notes:
        return False
    text = text.strip()
    if kind is None:
        return CONTINUED.fullmatch(text) is not None
    return kind == current.kind and CONTINUED_MARK.search(text) is not None


_LEADING_LABEL = re.compile(
    r"^(?:(?:部门|预算|决算)?公开(?:表)?\d+表?|附?表(?:\d+|[一二三四五六七八九十]+(?!般)))(?=[\s、.．：:])"
)


def _title_label(title: str) -> str | None:
    """The label printed before the title on the same line: ``公开05表 一般公共预算…``."""
    match = _LEADING_LABEL.match(title.strip())
    return match.group(0) if match else None


def _continues(last: RawRow, first: RawRow) -> bool:
    """A table broken by a page break goes on with rows of the same width on the next page.

    Without pages (text, Word), the break shows as blank lines between two physical tables
    (a paragraph between them would have ended the table before this test); a worksheet's
    table never goes on in the next sheet.
    """
    if last.page is not None or first.page is not None:
        if last.page is None or first.page is None or first.page != last.page + 1:
            return False
    elif last.sheet != first.sheet:
        return False
    return abs(len(first.cells) - len(last.cells)) <= 1


def _generic_title(prose: list[RawRow], row: RawRow) -> str:
    """The paragraph just above an untitled table, if it reads like a title."""
    if prose and (row.line is None or prose[-1].line is None or 0 < row.line - prose[-1].line <= 6):
        text = prose[-1].cells[0].text
        if len(text) <= 60 and not text.endswith(("。", "；")):
            return text
    return ""
