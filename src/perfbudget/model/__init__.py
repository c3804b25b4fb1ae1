"""The core model: typed, Django-free records that every stage shares.

Every figure keeps where it came from: a :class:`Cell` carries its physical line (or page),
its :class:`Row` and :class:`Table` give the rest, and :meth:`Document.ref` builds the full
:class:`SourceRef` for any cell.
"""

from perfbudget.model.document import Document, Paragraph, SourceFile
from perfbudget.model.findings import CitedCell, Finding, Severity
from perfbudget.model.source import SourceRef
from perfbudget.model.tables import Cell, Column, Row, RowRole, Table

__all__ = [
    "Cell",
    "CitedCell",
    "Column",
    "Document",
    "Finding",
    "Paragraph",
    "Row",
    "RowRole",
    "Severity",
    "SourceFile",
    "SourceRef",
    "Table",
]
