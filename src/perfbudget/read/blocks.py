"""The format-independent stream every reader produces."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from perfbudget.model.document import SourceFile


@dataclass(slots=True)
class RawCell:
    """A cell as printed: its text (paragraphs joined by ``\\n``) and where it starts."""

    text: str
    line: int | None = None
    page: int | None = None
    indent: int = 0  # leading blanks as printed (项 names are indented under their 款)


@dataclass(slots=True)
class RawRow:
    """A paragraph (``grid is None``, one cell) or one row of a physical table.

    ``grid`` numbers the physical tables of the file (a Word table, a worksheet, a run of
    table lines in a text file); ``heading`` is true for paragraphs marked as headings.
    """

    cells: list[RawCell]
    line: int | None = None
    page: int | None = None
    grid: int | None = None
    sheet: str | None = None
    heading: bool = False

    @property
    def is_paragraph(self) -> bool:
        return self.grid is None

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @property
    def filled(self) -> list[RawCell]:
        return [c for c in self.cells if c.text]

    @property
    def text(self) -> str:
        """All non-empty cell texts joined by a space (for title and label matching)."""
        return " ".join(c.text for c in self.cells if c.text)


def one_grid_each(groups: Iterable[list[RawRow]]) -> list[RawRow]:
    """The rows of every non-empty group (a worksheet) in order, each group one physical table."""
    rows: list[RawRow] = []
    grid = -1
    for group in groups:
        if group:
            grid += 1
            for row in group:
                row.grid = grid
            rows.extend(group)
    return rows


@dataclass(slots=True)
class ReadProblem:
    """Something a reader met but could not place (kept and reported, never dropped)."""

    line: int | None
    page: int | None
    message: str


@dataclass
class RawDocument:
    source: SourceFile
    rows: list[RawRow]
    problems: list[ReadProblem] = field(default_factory=list)
