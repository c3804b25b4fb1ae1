"""Where a figure was printed: the lines of the original file around it.

The lines come from the uploaded bytes kept in :class:`~perfbudget.store.models.Original`, or,
for a document imported from disk, from its path while that file still has the same content.
They are read once (text files are decoded; Word, Excel and PDF files go through the readers,
which number lines the way the model's references do) and cached with the original.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from perfbudget.store import models as db

CONTEXT = 6  # lines shown before and after the cited one


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    cited: bool


@dataclass(frozen=True)
class Excerpt:
    place: str  # 第 94 行 / 第 7 页第 6 行 / 工作表“表一”第 12 行
    lines: list[Line]
    available: bool  # False: the original is not kept and the path no longer holds it


def original_bytes(document: db.Document) -> bytes | None:
    kept = db.Original.objects.filter(sha256=document.sha256).values_list("data", flat=True).first()
    if kept:
        return bytes(kept)
    path = Path(document.path)
    try:
        if path.is_file() and path.stat().st_size == document.size:
            data = path.read_bytes()
            if hashlib.sha256(data).hexdigest() == document.sha256:
                return data
    except OSError:
        return None
    return None


def source_lines(document: db.Document) -> list[list] | None:
    """``[[sheet, page, line, text], …]`` of the document's original, or None when it is not at hand."""
    original = db.Original.objects.filter(sha256=document.sha256).first()
    if original is not None and original.lines is not None:
        return original.lines
    data = original_bytes(document)
    if data is None:
        return None
    lines = _read_lines(data, document)
    if original is None:
        original = db.Original(sha256=document.sha256, name=document.file_name)
    original.lines = lines
    original.save()
    return lines


def _read_lines(data: bytes, document: db.Document) -> list[list]:
    if document.format == "text":
        from perfbudget.read.decode import decode

        text, _ = decode(data, document.file_name)
        return [[None, None, number, line] for number, line in enumerate(text.splitlines(), start=1)]
    from perfbudget.read import read_file

    raw = read_file(document.file_name, data=data)
    grouped: dict[tuple, list[str]] = {}
    for row in raw.rows:
        for cell in row.cells:
            line = cell.line if cell.line is not None else row.line
            if line is None:
                continue
            key = (row.sheet, cell.page if cell.page is not None else row.page, line)
            if cell.text:
                grouped.setdefault(key, []).append(cell.text.replace("\n", " "))
            else:
                grouped.setdefault(key, [])
    return [[s, p, n, " │ ".join(texts)] for (s, p, n), texts in grouped.items()]


def place_of(line: int | None, page: int | None, sheet: str | None) -> str:
    parts = []
    if sheet:
        parts.append(f"工作表“{sheet}”")
    if page is not None:
        parts.append(f"第 {page} 页")
    if line is not None:
        parts.append(f"第 {line} 行")
    return "".join(parts) or "位置未记录"


def excerpt(document: db.Document, line: int | None, page: int | None, sheet: str | None) -> Excerpt:
    place = place_of(line, page, sheet)
    if line is None:
        return Excerpt(place, [], True)
    lines = source_lines(document)
    if lines is None:
        return Excerpt(place, [], False)
    same = [entry for entry in lines if entry[0] == (sheet or None) and entry[1] == page]
    if not same and sheet:  # a reader that does not name sheets
        same = [entry for entry in lines if entry[1] == page]
    near = sorted(
        (entry for entry in same if abs(entry[2] - line) <= CONTEXT),
        key=lambda entry: entry[2],
    )
    return Excerpt(place, [Line(entry[2], entry[3], entry[2] == line) for entry in near], True)
