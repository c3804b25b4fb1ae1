"""Import files into the database: parse, check and store each file in its own transaction.

A file is parsed (and checked) before its transaction opens, so a file that cannot be read writes
nothing; everything it produced is then stored in one transaction, so a failure halfway leaves
nothing either. Files are identified by their SHA-256: importing the same bytes again, under any
name, is a no-op reported as ``duplicate``. Nothing parsed is kept after a file is stored, so
memory stays flat over thousands of files.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.db import IntegrityError, reset_queries, transaction

from perfbudget import model as core
from perfbudget.pipeline import load_document
from perfbudget.read import ReadError
from perfbudget.read.paths import expand_paths
from perfbudget.store import models as db
from perfbudget.store.save import save_document

log = logging.getLogger(__name__)


Status = Literal["stored", "duplicate", "error"]
Checks = Callable[[core.Document], list[core.Finding]]


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str  # as given (or as found under a given directory)
    status: Status
    message: str = ""  # one line, for errors
    sha256: str = ""
    document_id: int | None = None  # the stored (or already stored) document
    tables: int = 0
    rows: int = 0
    findings: dict[str, int] = field(default_factory=dict)  # stored findings by severity


@dataclass(frozen=True, slots=True)
class ImportEvent:
    """Sent to ``progress`` after each file: the ``index``-th (from 1) of ``total``."""

    index: int
    total: int
    result: FileResult


@dataclass
class ImportSummary:
    results: list[FileResult] = field(default_factory=list)
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    tables: int = 0
    rows: int = 0
    findings: Counter[str] = field(default_factory=Counter)  # stored findings by severity

    def add(self, result: FileResult) -> None:
        self.results.append(result)
        if result.status == "stored":
            self.stored += 1
            self.tables += result.tables
            self.rows += result.rows
            self.findings.update(result.findings)
        elif result.status == "duplicate":
            self.duplicates += 1
        else:
            self.errors += 1


def import_paths(
    paths: Iterable[str | Path],
    *,
    run_checks: Checks | None = None,
    progress: Callable[[ImportEvent], None] | None = None,
) -> ImportSummary:
    """Import files and directories; every file ends as stored, duplicate or error."""
    files = expand_paths(paths)
    summary = ImportSummary()
    for index, path in enumerate(files, start=1):
        shown = str(path)
        try:
            result = _import_file(path, shown, run_checks)
        except Exception as exc:  # a bug in a reader, recognizer or check: report it, go on with the rest
            log.exception("importing %s failed", shown)
            result = FileResult(
                shown, "error", _one_line(f"{shown}: unexpected {type(exc).__name__}: {exc}")[:500]
            )
        summary.add(result)
        reset_queries()  # with DEBUG on, Django would otherwise keep every INSERT's SQL in memory
        if progress is not None:
            progress(ImportEvent(index, len(files), result))
    return summary


def _import_file(path: Path, shown: str, run_checks: Checks | None) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(shown, "error", _one_line(f"{shown}: {_os_reason(exc)}"))
    return import_data(data, shown, run_checks=run_checks)


def import_data(data: bytes, name: str, *, run_checks: Checks | None = None) -> FileResult:
    """Import one file's bytes (an upload, or a file read by :func:`import_paths`) shown as ``name``.

    Raises only on unexpected failures; unreadable content is an ``error`` result.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    # Checked before parsing so that re-running a large import skips what is done cheaply.
    existing = _stored_id(sha256)
    if existing is not None:
        return FileResult(name, "duplicate", sha256=sha256, document_id=existing)
    try:
        doc = load_document(name, data=data, display_path=name)
    except ReadError as exc:
        return FileResult(name, "error", _one_line(str(exc)), sha256=sha256)
    checks = run_checks(doc) if run_checks is not None else []
    try:
        with transaction.atomic():
            saved = save_document(doc, checks)
    except IntegrityError:
        existing = _stored_id(sha256)
        if existing is None:
            raise
        # a concurrent import stored the same bytes between our check and our insert
        return FileResult(name, "duplicate", sha256=sha256, document_id=existing)
    return FileResult(
        name,
        "stored",
        sha256=sha256,
        document_id=saved.document.pk,
        tables=saved.tables,
        rows=saved.rows,
        findings=dict(saved.findings),
    )


def document_from_store(doc: db.Document) -> core.Document:
    """The core model of a stored document, rebuilt from its JSON (reader findings included)."""
    return doc.to_model()


def _stored_id(sha256: str) -> int | None:
    return db.Document.objects.filter(sha256=sha256).values_list("pk", flat=True).first()


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or str(exc)


def _one_line(text: str) -> str:
    return " ".join(text.split())
