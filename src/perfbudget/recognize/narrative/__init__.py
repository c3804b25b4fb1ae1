"""The narrative: quantitative statements read from the prose of a document (情况说明).

``extract_statements(document)`` reads ``document.paragraphs`` and returns the
:class:`~perfbudget.model.narrative.Statement` list; the vocabulary of concepts is
``concepts.toml`` beside this file (see ``docs/narrative-concepts.md``).
"""

from perfbudget.recognize.narrative.concepts import Concept, Vocabulary, fold, vocabulary
from perfbudget.recognize.narrative.extract import extract_statements

__all__ = ["Concept", "Vocabulary", "extract_statements", "fold", "vocabulary"]
