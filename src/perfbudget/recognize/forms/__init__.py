"""Performance forms: 绩效目标表, 绩效自评表, 绩效评价报告 (placeholder until they land)."""

from __future__ import annotations

from perfbudget.model.document import Document
from perfbudget.model.findings import Finding
from perfbudget.read.blocks import RawDocument


def recognize_forms(raw: RawDocument, document: Document, findings: list[Finding]) -> set[int]:
    """Recognise the performance forms of ``raw`` into ``document``; return the grids they used."""
    return set()
