"""Checks: rules that read a document the way a meticulous reviewer would.

``run_checks(document)`` returns the findings of every rule (plus the reader's own findings);
each finding names its rule, severity, a message a finance officer understands and the cells it
cites.
"""

from __future__ import annotations

from collections.abc import Iterable

from perfbudget.check.registry import RULES, Rule, all_rules, rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding

__all__ = ["RULES", "Rule", "all_rules", "rule", "run_checks", "run_corpus_checks"]


def run_checks(document: Document, only: Iterable[str] | None = None) -> list[Finding]:
    wanted = set(only) if only else None
    findings: list[Finding] = [f for f in document.findings if wanted is None or f.rule in wanted]
    for item in all_rules():
        if item.scope != "document" or (wanted is not None and item.id not in wanted):
            continue
        findings.extend(item.check(document))
    findings.sort(key=lambda f: (f.severity.rank, f.ref.line if f.ref and f.ref.line else 0, f.rule))
    return findings


def run_corpus_checks(documents: Iterable[Document], only: Iterable[str] | None = None) -> list[Finding]:
    """The findings of the rules that need several documents (``scope="corpus"``), e.g. a final
    account's 年初预算 against the budget disclosure of the same department and year."""
    wanted = set(only) if only else None
    documents = list(documents)
    findings: list[Finding] = []
    for item in all_rules():
        if item.scope != "corpus" or (wanted is not None and item.id not in wanted):
            continue
        findings.extend(item.check(documents))
    findings.sort(key=lambda f: (f.severity.rank, f.ref.file if f.ref else "", f.ref.line if f.ref and f.ref.line else 0))
    return findings
