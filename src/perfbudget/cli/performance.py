"""``perfbudget targets`` and ``perfbudget scores``: the target forms with their quality findings, and
the recomputed scores with their explanation, as tables (rich) or JSON."""

from __future__ import annotations

import json
from decimal import Decimal

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from perfbudget.model.document import Document
from perfbudget.model.findings import Finding, Severity
from perfbudget.score.common import ScoreCard, num
from perfbudget.score.tree import ScoreNode, Status

_SEVERITY = {
    Severity.ERROR: "[red]错误[/red]",
    Severity.WARNING: "[yellow]警告[/yellow]",
    Severity.INFO: "提示",
}
_STATUS = {
    Status.COMPUTED: "重算",
    Status.SUM: "合计",
    Status.KEPT: "保留原分",
    Status.IMPLIED: "推算",
    Status.MISSING: "缺",
}


# ------------------------------------------------------------------ targets


def target_findings(document: Document) -> list[Finding]:
    from perfbudget.check import all_rules, run_checks

    ids = [r.id for r in all_rules() if r.id.startswith("target.")]
    return run_checks(document, ids)


def _forms(document: Document):
    from perfbudget.check.rules.targets import forms

    return forms(document)


def _within(finding: Finding, start: int | None, end: int | None) -> bool:
    line = finding.ref.line if finding.ref else None
    return line is not None and start is not None and start <= line <= (end or start)


def _funding(form) -> str:
    model = form.model
    if form.kind == "department":
        budget = model.budget
        if budget is None or budget.total is None:
            return ""
        return f"{budget.total.text} {budget.unit or '万元'}"
    parts = []
    for funding in model.funding:
        if funding.total is not None and funding.total.text:
            when = f"{funding.period.value} " if funding.period else ""
            parts.append(f"{when}{funding.total.text}")
    return "；".join(parts) + (f" {model.money_unit}" if parts and model.money_unit else "")


def targets_payload(document: Document, findings: list[Finding]) -> dict:
    from perfbudget.check.rules.targets import category_of, periods_of

    forms = []
    for form in _forms(document):
        model = form.model
        categories: dict[str, int] = {}
        for indicator in model.indicators:
            key = category_of(indicator)
            if key and not indicator.not_applicable:
                categories[key] = categories.get(key, 0) + 1
        own = [f for f in findings if _within(f, model.line, model.end_line)]
        forms.append(
            {
                "kind": form.kind,
                "template": form.template,
                "name": form.name,
                "year": model.year,
                "line": model.line,
                "end_line": model.end_line,
                "periods": [p.value if p else None for p in periods_of(form)],
                "indicators": len(model.indicators),
                "categories": categories,
                "funding": _funding(form),
                "findings": [_finding_json(f) for f in own],
            }
        )
    return {"file": document.source.path, "forms": forms, "findings": [_finding_json(f) for f in findings]}


def _finding_json(finding: Finding) -> dict:
    return {
        **finding.model_dump(mode="json", exclude={"cells"}),
        "cells": [c.model_dump(mode="json") for c in finding.cells],
        "lines": sorted({c.ref.line for c in finding.cells if c.ref.line is not None}),
    }


def print_targets(document: Document, findings: list[Finding], console: Console) -> None:
    console.print(f"[bold]{escape(document.source.path)}[/bold]")
    forms = _forms(document)
    if not forms:
        console.print("  （没有识别到绩效目标表）")
        return
    table = Table("行", "绩效目标表", "模板", "指标", "资金", "问题", show_edge=False)
    for form in forms:
        model = form.model
        own = [f for f in findings if _within(f, model.line, model.end_line)]
        worst = min((f.severity for f in own), key=lambda s: s.rank, default=None)
        count = f"{len(own)}" if own else "—"
        if worst is not None:
            count += f"（{_SEVERITY[worst]}）"
        table.add_row(
            str(model.line or ""),
            escape(form.name),
            form.template,
            str(len(model.indicators)),
            escape(_funding(form)),
            count,
        )
    console.print(table)
    for finding in findings:
        where = finding.ref.where() if finding.ref else "-"
        console.print(
            f"{escape(where)}  {_SEVERITY[finding.severity]}  {finding.rule}  {escape(finding.message)}"
        )


# ------------------------------------------------------------------ scores


def cards_payload(document: Document, cards: list[ScoreCard]) -> dict:
    return {
        "file": document.source.path,
        "cards": [
            {
                **card.model_dump(mode="json", exclude={"findings", "tree"}),
                "total": _dec(card.total),
                "tree": card.tree.model_dump(mode="json"),
                "findings": [_finding_json(f) for f in card.findings],
            }
            for card in cards
        ],
    }


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def print_scores(document: Document, cards: list[ScoreCard], console: Console, explain: bool) -> None:
    console.print(f"[bold]{escape(document.source.path)}[/bold]")
    if not cards:
        console.print("  （没有识别到绩效自评表或绩效评价报告）")
        return
    table = Table(
        "行", "自评表 / 评价报告", "表中得分", "重算得分", "表中等级", "重算等级", "发现", show_edge=False
    )
    for card in cards:
        errors = [f for f in card.findings if f.severity != Severity.INFO]
        mark = (
            ""
            if card.printed_total is None or card.total is None or card.printed_total == card.total
            else "≠ "
        )
        table.add_row(
            str(card.line or ""),
            escape(card.name),
            num(card.printed_total),
            f"{mark}{num(card.total)}",
            card.printed_grade or "—",
            card.grade or "—",
            str(len(errors)) if errors else "—",
        )
    console.print(table)
    for card in cards:
        for finding in card.findings:
            where = finding.ref.where() if finding.ref else "-"
            console.print(
                f"{escape(where)}  {_SEVERITY[finding.severity]}  {finding.rule}  {escape(finding.message)}"
            )
    if explain:
        for card in cards:
            console.print(_tree(card.tree))


def _label(node: ScoreNode) -> str:
    points = num(node.points) if node.points is not None else "—"
    top = f" / {num(node.max)}" if node.max is not None else ""
    printed = ""
    if node.printed is not None and node.points is not None and node.printed != node.points:
        printed = f"  [red]表中 {num(node.printed)}[/red]"
    where = f"  第{node.line}行" if node.line else ""
    return (
        f"[bold]{escape(node.name)}[/bold]  {points}{top} 分  [dim]{_STATUS[node.status]}{where}[/dim]{printed}\n"
        f"[dim]{escape(node.rule)}[/dim]"
    )


def _tree(node: ScoreNode, tree: Tree | None = None) -> Tree:
    branch = Tree(_label(node)) if tree is None else tree.add(_label(node))
    for child in node.children:
        _tree(child, branch)
    return branch


def dumps(payload: list[dict]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=1)
