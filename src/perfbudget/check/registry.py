"""The rule catalogue: every check is a small function registered with a stable id."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    category: str  # arithmetic | cross-table | classification | reading | narrative | target | score
    title: str  # one line, Chinese, for the rule reference and the web
    description: str  # what it checks and why, for the generated rule reference
    check: Callable[[Document], Iterable[Finding]]
    scope: str = "document"  # document | corpus (needs other documents)


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, category: str, title: str, scope: str = "document") -> Callable:
    """Register a check. The function's docstring is the rule's description.

    A ``document`` rule is called with one document; a ``corpus`` rule with every document at hand
    (``run_corpus_checks``), for relations between documents (a budget and its final account)."""

    def register(fn: Callable[[Document], Iterable[Finding]]) -> Callable[[Document], Iterable[Finding]]:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, severity, category, title, (fn.__doc__ or "").strip(), fn, scope)
        return fn

    return register


def all_rules() -> list[Rule]:
    from perfbudget.check import rules  # noqa: F401  (registers the rules)

    return sorted(RULES.values(), key=lambda r: r.id)
