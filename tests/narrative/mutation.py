"""Mutation testing of the narrative checks (helpers for ``test_mutations.py``).

A *target* is a printed number that takes part in a relation the narrative checks verify and that
holds on the unmutated seed: a figure of a sentence (a stated amount, share, rate …) or a table cell
the prose is compared with. A *mutation* changes one digit of one target in the seed's text (never
the last digit of a number with decimals, so that the change is larger than rounding), the text is
read and checked again, and the result says whether a narrative check now reports an error or a
warning that cites the changed line (*detected*) and which new findings cite no changed line
(*elsewhere*, which should never happen).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from perfbudget.check import run_checks
from perfbudget.check.rules.narrative import comparisons
from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.pipeline import load_document


@dataclass
class Baseline:
    path: Path
    encoding: str
    lines: list[str]
    document: Document
    findings: list[Finding]

    @property
    def keys(self) -> set[tuple]:
        return {_key(f) for f in self.findings}


@dataclass(frozen=True)
class Target:
    kind: str  # "statement" | "cell"
    line: int  # physical line (1-based)
    occurrence: int  # which standalone occurrence of ``text`` in the line
    text: str  # the number as printed
    rules: tuple[str, ...]  # the narrative rules whose relations use it


@dataclass
class Result:
    target: Target
    before: str
    after: str
    detected: bool
    by: list[Finding] = field(default_factory=list)
    elsewhere: list[Finding] = field(default_factory=list)

    def describe(self) -> str:
        return f"{self.target.kind} line {self.target.line}: {self.before} → {self.after} ({', '.join(self.target.rules)})"


def _key(finding: Finding) -> tuple:
    return finding.rule, finding.severity.value, finding.message


def _standalone(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.,]){re.escape(text)}(?![\d]|[.,]\d)")


def baseline(path: Path) -> Baseline:
    raw = path.read_bytes()
    document = load_document(path, data=raw, display_path=str(path))
    encoding = document.source.encoding or "utf-8"
    text = raw.decode(encoding)
    return Baseline(path, encoding, text.split("\n"), document, run_checks(document))


def targets(base: Baseline) -> list[Target]:
    """Every printed number in a relation that the narrative checks verify and that holds."""
    paragraphs = {p.line: p.text for p in base.document.paragraphs if p.line is not None}
    found: dict[tuple[int, int, str, str], set[str]] = {}
    for comparison in comparisons(base.document):
        if comparison.verdict == "disagree" or not comparison.decisive:
            continue
        for figure in comparison.figures:
            if figure.line is None or figure.offset is None or figure.line not in paragraphs:
                continue
            paragraph = paragraphs[figure.line]
            occurrence = sum(
                1 for m in _standalone(figure.text).finditer(paragraph) if m.start() < figure.offset
            )
            found.setdefault(("statement", figure.line, occurrence, figure.text), set()).add(comparison.rule)
        for cited in comparison.cited:
            ref = cited.ref
            if ref.table is None or ref.line is None or not cited.text:
                continue
            occurrence = _cell_occurrence(base, ref, cited.text)
            if occurrence is not None:
                found.setdefault(("cell", ref.line, occurrence, cited.text), set()).add(comparison.rule)
    out = []
    for (kind, line, occurrence, text), rules in sorted(found.items()):
        raw = base.lines[line - 1]
        matches = list(_standalone(text).finditer(raw))
        if occurrence < len(matches):
            out.append(Target(kind, line, occurrence, text, tuple(sorted(rules))))
    return out


def _cell_occurrence(base: Baseline, ref, text: str) -> int | None:
    """Which standalone occurrence of a cell's text on its physical line is that cell."""
    raw = base.lines[ref.line - 1]
    matches = list(_standalone(text).finditer(raw))
    if len(matches) == 1:
        return 0
    if not matches or "\t" not in raw:
        return None
    table = base.document.table(ref.table)
    row = table.rows[ref.row]
    keys = [(c.key, c.side) for c in table.columns]
    fields = raw.split("\t")
    if (ref.column, row.side) not in keys or len(fields) != len(keys):
        return None  # cannot tell which of several equal figures on the line is the cell
    index = keys.index((ref.column, row.side))
    start = sum(len(f) + 1 for f in fields[:index])
    return sum(1 for m in matches if m.start() < start)


def mutate(text: str, rng: random.Random) -> str | None:
    """``text`` with one digit changed (never the last digit of a number with decimals, nor a
    leading digit into 0)."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    if "." in text:
        positions = positions[:-1]
    if not positions:
        return None
    position = rng.choice(positions)
    first = position == positions[0] and len(text.split(".")[0].replace(",", "").lstrip("-")) > 1
    choices = [d for d in "0123456789" if d != text[position] and not (first and d == "0")]
    return text[:position] + rng.choice(choices) + text[position + 1 :]


def run_mutation(base: Baseline, target: Target, rng: random.Random) -> Result | None:
    new = mutate(target.text, rng)
    if new is None:
        return None
    lines = list(base.lines)
    raw = lines[target.line - 1]
    match = list(_standalone(target.text).finditer(raw))[target.occurrence]
    lines[target.line - 1] = raw[: match.start()] + new + raw[match.end() :]
    data = "\n".join(lines).encode(base.encoding)
    document = load_document(base.path, data=data, display_path=str(base.path))
    findings = run_checks(document)
    before = base.keys
    fresh = [f for f in findings if _key(f) not in before]
    cites = [f for f in fresh if any(c.ref.line == target.line for c in f.cells)]
    by = [
        f for f in cites
        if f.rule.startswith("narrative.") and f.severity in (Severity.ERROR, Severity.WARNING)
    ]  # fmt: skip
    elsewhere = [f for f in fresh if f not in cites]
    return Result(target, target.text, new, bool(by), by, elsewhere)
