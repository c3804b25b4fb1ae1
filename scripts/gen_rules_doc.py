#!/usr/bin/env python
"""Write docs/rules.md from the rule registry (``perfbudget.check.all_rules()``).

    .venv/bin/python scripts/gen_rules_doc.py           # rewrite docs/rules.md
    .venv/bin/python scripts/gen_rules_doc.py --check   # exit 1 if docs/rules.md is stale

The rounding-tolerance section is computed from ``perfbudget.check.tolerance`` too: its examples
are what the functions return, and the rules listed under each function are the rules whose
module uses it.
"""

from __future__ import annotations

import argparse
import inspect
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"

_TOLERANCES = ("sum_tolerance", "equal_tolerance", "percent_tolerance")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rules_by_tolerance(rules) -> dict[str, list[str]]:
    used: dict[str, list[str]] = {name: [] for name in _TOLERANCES}
    for rule in rules:
        module = sys.modules.get(rule.check.__module__)
        source = inspect.getsource(module) if module else ""
        for name in _TOLERANCES:
            if f"{name}(" in source:
                used[name].append(rule.id)
    return used


def render() -> str:
    from perfbudget.check import all_rules
    from perfbudget.check.tolerance import equal_tolerance, percent_tolerance, sum_tolerance

    rules = all_rules()
    d = Decimal
    out = [
        "# Rule reference",
        "",
        "Generated from the rule registry (`perfbudget.check.all_rules()`) by `scripts/gen_rules_doc.py`;",
        "do not edit by hand. `perfbudget rules` prints the same list; `perfbudget check --rule ID` runs one rule.",
        "",
        "Severity is the rule's severity for a real discrepancy. A difference within the rounding",
        "tolerance (below) is reported as `info` instead, and only `perfbudget check --all` shows it.",
        "",
        f"{len(rules)} rules.",
        "",
        "| id | severity | category | title |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        out.append(
            f"| [`{rule.id}`](#{_anchor(rule.id)}) | {rule.severity.value} | {rule.category} | {_cell(rule.title)} |"
        )
    out.append("")
    for rule in rules:
        out += [
            f"## {rule.id}",
            "",
            f"**{rule.title}** — severity `{rule.severity.value}`, category `{rule.category}`"
            + (f", scope `{rule.scope}`" if rule.scope != "document" else "")
            + ".",
            "",
            inspect.cleandoc(rule.description) or "(no description)",
            "",
        ]
    used = _rules_by_tolerance(rules)
    out += [
        "## Rounding tolerance",
        "",
        "Amounts are printed rounded (2 decimals of 万元 in the disclosure tables), so a printed total and",
        "its printed parts may disagree by rounding alone (the documents call it 尾数误差).",
        "`src/perfbudget/check/tolerance.py` decides how much disagreement is rounding:",
        "",
        "* the **unit** of a comparison is one unit of the last printed digit of the *coarsest* figure",
        "  involved (`0.01` when every figure has 2 decimals, `1` when one of them is an integer);",
        "* **a total and its n parts** (`sum_tolerance`) may differ by `(n + 1) × ½ unit`, and never by",
        "  less than one unit: each printed figure is off by at most half a unit;",
        "* **two printings of the same figure** (`equal_tolerance`) may differ by one unit;",
        "* **a printed percentage** (`percent_tolerance`) may differ by one unit of its own last digit.",
        "",
        "A non-zero difference within the tolerance is reported as `info` (rounding); a larger one at the",
        "rule's severity. The finding records `expected`, `actual`, `difference` and `tolerance`.",
        "",
        "| comparison | tolerance |",
        "|---|---|",
        f"| total vs 2 parts (2 decimals) | {sum_tolerance(d('222.97'), [d('100.00'), d('122.97')])} |",
        f"| total vs 4 parts (2 decimals) | {sum_tolerance(d('100.00'), [d('25.00')] * 4)} |",
        f"| total vs 9 parts (2 decimals) | {sum_tolerance(d('100.00'), [d('10.00')] * 9)} |",
        f"| total `100` (integer) vs 2 parts `60.00`, `40.00` | {sum_tolerance(d('100'), [d('60.00'), d('40.00')])} |",
        f"| one amount printed twice (2 decimals) | {equal_tolerance(d('6779.25'), d('6779.25'))} |",
        f"| a rate printed with 2 decimals (`92.50` %) | {percent_tolerance(d('92.50'))} |",
        "",
        "Rules whose module uses each tolerance:",
        "",
    ]
    for name in _TOLERANCES:
        ids = ", ".join(f"`{i}`" for i in used[name]) or "none yet"
        out.append(f"* `{name}`: {ids}")
    out.append("")
    return "\n".join(out)


def _anchor(rule_id: str) -> str:
    return rule_id.replace(".", "").lower()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/rules.md is not up to date")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/rules.md is stale: run .venv/bin/python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
