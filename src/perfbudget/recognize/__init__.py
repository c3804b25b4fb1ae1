"""Recognition: a :class:`RawDocument` stream becomes typed tables (and later forms)."""

from perfbudget.recognize.document import recognize

__all__ = ["recognize"]
