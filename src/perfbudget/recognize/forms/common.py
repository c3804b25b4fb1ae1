"""Shared pieces of the form recognizers: a row view with matching keys, sourced values, findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.performance import Figure, Text
from perfbudget.model.source import SourceRef
from perfbudget.read.blocks import RawCell, RawRow
from perfbudget.recognize.numbers import PLACEHOLDERS

_BLANKS = re.compile(r"[\s\u3000\u00a0]+")
_KEY_DROP = str.maketrans({"(": "（", ")": "）", ":": "：", "“": "", "”": "", '"': "", "’": "", "‘": ""})
_NUMBER_UNIT = re.compile(r"^([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(%|％|[^\d\s]{1,4})?$")
_YEAR = re.compile(r"(20\d{2})\s*年")
_MONEY_UNIT = re.compile(r"[（(]\s*(万元|元|千元|亿元)\s*[)）]|单位\s*[：:]\s*(万元|元|千元|亿元)")


# A project form's 项目编码 printed before its name (101-0201-ABC-…), and the funding sources its
# money rows name (中央, 省级 … 其他资金), in the order they are tried.
CODE_NAME = re.compile(r"^\s*(\d{2,})\s*[-－—–]\s*(.+)$")
FUNDING_SOURCES = (
    ("中央", "central"),
    ("省级", "provincial"),
    ("市县", "local"),
    ("市级", "local"),
    ("县级", "local"),
    ("单位自筹", "self_raised"),
    ("自筹", "self_raised"),
    ("其他资金", "other"),
)


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """A matching key: no blanks at all, full-width parens and colons, no quotes, no final colon."""
    if " " in text or "\n" in text or "\u3000" in text or "\t" in text or "\u00a0" in text:
        text = _BLANKS.sub("", text)
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_KEY_DROP)
    return text.rstrip("：")


_NEEDS_TRANSLATE = re.compile(r"[():“”\"’‘]")


class Tok:
    """A filled cell of a row: its column, the cell, its text and its matching key."""

    __slots__ = ("cell", "col", "key", "text")

    def __init__(self, col: int, cell: RawCell, key_: str | None = None) -> None:
        self.col = col
        self.cell = cell
        self.text = text = cell.text
        self.key = key(text) if key_ is None else key_


class View:
    """A raw row with its filled cells (``toks``) and their keys (``keys``, ``first``)."""

    __slots__ = ("_joined", "first", "keys", "row", "toks")

    def __init__(self, row: RawRow, toks: list[Tok], keys: list[str]) -> None:
        self.row = row
        self.toks = toks
        self.keys = keys
        self.first = keys[0] if keys else ""  # the key of the first filled cell
        self._joined: str | None = None

    @property
    def joined(self) -> str:
        """All keys in one string, each after a NUL, for cheap "does a cell start with …" tests."""
        joined = self._joined
        if joined is None:
            keys = self.keys
            joined = self._joined = "\x00" + "\x00".join(keys) if keys else ""
        return joined

    def has(self, *words: str) -> bool:
        """Whether a cell's key starts with one of ``words`` (same test as :meth:`find`)."""
        joined = self._joined
        if joined is None:
            joined = self.joined
        for word in words:  # noqa: SIM110 (a loop is faster than any() over a generator here)
            if "\x00" + word in joined:
                return True
        return False

    @property
    def line(self) -> int | None:
        return self.row.line

    def find(self, *keys: str, start: int = 0) -> int | None:
        """Index in ``toks`` of the first token whose key starts with one of ``keys``."""
        own = self.keys
        for index in range(start, len(own)):
            if own[index].startswith(keys):
                return index
        return None

    def after(self, *keys: str) -> Tok | None:
        """The token right after the first token matching ``keys`` (a label's value)."""
        index = self.find(*keys)
        if index is None or index + 1 >= len(self.toks):
            return None
        return self.toks[index + 1]


_new_tok = Tok.__new__


def cell_at(row: RawRow, col: int | None) -> RawCell | None:
    """The cell of ``row`` in column ``col`` when it holds text."""
    if col is None or col >= len(row.cells):
        return None
    cell = row.cells[col]
    return cell if cell.text else None


def tok_at(row: RawRow, col: int | None) -> Tok | None:
    """:func:`cell_at` as a token, with its matching key."""
    cell = cell_at(row, col)
    return Tok(col, cell, key(cell.text)) if cell is not None and col is not None else None


def view(row: RawRow) -> View:
    toks: list[Tok] = []
    keys: list[str] = []
    col = -1
    for cell in row.cells:
        col += 1
        text = cell.text
        if text:
            # Tok(col, cell) without the call of __init__: views are built for every form row
            token = _new_tok(Tok)
            token.col = col
            token.cell = cell
            token.text = text
            token.key = token_key = key(text)
            toks.append(token)
            keys.append(token_key)
    return View(row, toks, keys)


# the signature lines under a form (not data: who filled it in, when, and a telephone number)
FOOTER = (
    "负责人",
    "单位负责人",
    "经办人",
    "联系电话",
    "填报日期",
    "填报人",
    "填表人",
    "审核人",
    "财务负责人",
)


def is_footer(first_key: str) -> bool:
    """Whether a row whose first filled cell has this key is a signature line (``填报人：王五``)."""
    return first_key.startswith(FOOTER)


def is_filled(row: RawRow) -> bool:
    """Whether a cell of ``row`` holds text (``row.filled`` without building the list)."""
    for cell in row.cells:  # noqa: SIM110 (a plain loop is the cheapest form here)
        if cell.text:
            return True
    return False


_new_text = Text.__pydantic_validator__.validate_python  # Text(**fields) without the keyword plumbing
_new_figure = Figure.__pydantic_validator__.validate_python


def text_of(cell: RawCell | Tok | None, text: str | None = None) -> Text | None:
    if cell is None:
        return None
    if type(cell) is Tok:
        cell = cell.cell
    value = cell.text if text is None else text
    if not value:
        return None
    return _new_text({"text": value, "line": cell.line, "page": cell.page})


def number_of(text: str) -> tuple[Decimal | None, str | None]:
    """``"85.43%"`` → (85.43, ``%``); ``"309人"`` → (309, ``人``); ``"1,300,000"`` → (1300000, None)."""
    text = text.strip()
    if text in PLACEHOLDERS:
        return None, None
    match = _NUMBER_UNIT.match(text)
    if match is None:
        return None, None
    try:
        value = Decimal(match.group(1).replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None, None
    unit = match.group(2)
    return value, ("%" if unit == "％" else unit)


def figure(cell: RawCell | Tok | None, text: str | None = None, line: int | None = None) -> Figure | None:
    """A figure from a cell (or a part of its text). An empty cell gives an empty figure (value None)."""
    if cell is None:
        return None
    if type(cell) is Tok:
        cell = cell.cell
    printed = (cell.text if text is None else text).strip()
    value, unit = number_of(printed)
    return _new_figure(
        {"text": printed, "value": value, "unit": unit, "line": line or cell.line, "page": cell.page}
    )


def year_of(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


def money_unit_of(text: str) -> str | None:
    match = _MONEY_UNIT.search(text)
    if match is None:
        return None
    return match.group(1) or match.group(2)


@dataclass
class Context:
    """What every recognizer needs: the file (for citations) and the findings list."""

    path: str
    findings: list[Finding]
    used: set[int] = field(default_factory=set)  # ids of rows placed in a form
    text_lines: bool = True  # lines are physical lines (a cell's k-th paragraph is k lines down)

    def ref(self, line: int | None, page: int | None = None) -> SourceRef:
        return SourceRef(file=self.path, line=line, page=page)

    def report(
        self,
        rule: str,
        severity: Severity,
        message: str,
        row: RawRow | None = None,
        line: int | None = None,
        text: str = "",
    ) -> None:
        if row is not None:
            line = row.line if line is None else line
            text = text or row.text
        self.findings.append(
            Finding(
                rule=rule,
                severity=severity,
                message=message,
                cells=[CitedCell(ref=self.ref(line, row.page if row is not None else None), text=text[:200])],
            )
        )

    def unplaced(self, row: RawRow, form: str) -> None:
        self.report(
            "read.form-unplaced-row",
            Severity.ERROR,
            f"{form}：无法归位的行（保留原文，未猜测）：{row.text[:80]}",
            row,
        )
