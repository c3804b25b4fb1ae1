"""Checks: rules that read a document the way a meticulous reviewer would.

``run_checks(document)`` returns the findings of every rule (plus the reader's own findings);
each finding names its rule, severity, a message a finance officer understands and the cells it
cites. ``check_corpus(documents)`` adds the findings between documents of one department and year
(a final account against its budget, project forms against the budget tables).
"""

from __future__ import annotations

from collections.abc import Iterable

from perfbudget.check.registry import RULES, Rule, all_rules, rule
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding

__all__ = [
    "RULES",
    "Rule",
    "all_rules",
    "check_corpus",
    "corpus_groups",
    "rule",
    "run_checks",
    "run_corpus_checks",
]


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
    findings.sort(
        key=lambda f: (
            f.severity.rank,
            f.ref.file if f.ref else "",
            f.ref.line if f.ref and f.ref.line else 0,
        )
    )
    return findings


def corpus_groups(documents: Iterable[Document]) -> list[list[Document]]:
    """The documents grouped by department and fiscal year (as the document says, else as its forms
    all say), in the order given; a document without both is in no group, and a group of one
    document is left out (there is nothing to compare it with)."""
    from perfbudget.check.rules.forms import department_year

    groups: dict[tuple[str, int], list[Document]] = {}
    for document in documents:
        key = department_year(document)
        if key is not None:
            groups.setdefault(key, []).append(document)
    return [group for group in groups.values() if len(group) > 1]


def check_corpus(documents: Iterable[Document], only: Iterable[str] | None = None) -> list[Finding]:
    """``run_corpus_checks`` on every group of documents of one department and year."""
    wanted = list(only) if only else None
    findings: list[Finding] = []
    for group in corpus_groups(documents):
        findings.extend(run_corpus_checks(group, wanted))
    return findings
