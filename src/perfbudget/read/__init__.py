"""Readers: a file of any supported format becomes one :class:`RawDocument`.

Every reader turns its format into the same stream of :class:`RawRow` s (paragraphs and table
rows, each cell with its line or page), so that recognition never cares where a table came from.
"""

from perfbudget.read.blocks import RawCell, RawDocument, RawRow
from perfbudget.read.dispatch import read_file
from perfbudget.read.errors import ReadError

__all__ = ["RawCell", "RawDocument", "RawRow", "ReadError", "read_file"]
