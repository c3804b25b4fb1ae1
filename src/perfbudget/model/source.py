"""Where a figure was printed."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class SourceRef(BaseModel):
    """A place in a source file, as precise as the format allows.

    ``line`` is the physical line of a text file (counted from 1), the row of a worksheet, or
    the paragraph/row ordinal of a Word document in reading order; ``page`` is the page of a
    PDF; ``sheet`` the worksheet of a workbook. ``table``, ``row`` and ``column`` name the cell
    inside the model (table id, row index, column key).
    """

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None
    page: int | None = None
    sheet: str | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None

    def where(self) -> str:
        """``file:line`` (text, docx), ``file:p3:line`` (pdf) or ``file:sheet!row`` (xlsx)."""
        place = self.file
        if self.sheet:
            place += f":{self.sheet}"
        if self.page is not None:
            place += f":p{self.page}"
        if self.line is not None:
            place += f"!{self.line}" if self.sheet else f":{self.line}"
        return place
