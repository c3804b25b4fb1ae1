"""Which files a command works on: named files as given, folders searched for documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SUFFIXES = frozenset({".txt", ".docx", ".doc", ".xlsx", ".xls", ".pdf"})  # what a folder is searched for


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Named files as given (always tried); directories → their supported files, recursively, sorted."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            files.append(path)
            continue
        found = (
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUFFIXES
            # hidden files and Office lock files (~$name.docx) are not documents
            and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts)
            and p.is_file()
        )
        files.extend(sorted(found))
    return files
