"""The whole core pipeline for one file: read → recognize → model (no Django)."""

from __future__ import annotations

from pathlib import Path

from perfbudget.model.document import Document
from perfbudget.read import read_file


def load_document(path: str | Path, data: bytes | None = None, display_path: str | None = None) -> Document:
    """Read and recognise one file. Raises :class:`perfbudget.read.ReadError` if it cannot be read."""
    from perfbudget.recognize import recognize

    raw = read_file(path, data=data, display_path=display_path)
    return recognize(raw)
