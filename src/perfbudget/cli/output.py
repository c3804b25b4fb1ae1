"""Printing findings: ``file:line  rule-id  message``, then the cells it cites."""

from __future__ import annotations

import json
from collections.abc import Iterable

from perfbudget.model.findings import Finding


def finding_lines(finding: Finding, *, verbose: bool = True) -> list[str]:
    where = finding.ref.where() if finding.ref else "-"
    lines = [f"{where}  {finding.rule}  {finding.message}"]
    if verbose:
        for cell in finding.cells:
            shown = cell.text if cell.text else "（空）"
            label = " / ".join(x for x in (cell.row_label, cell.column_header) if x)
            lines.append(f"    {cell.ref.where()}  {cell.role or '-'}: {label} = {shown}")
    return lines


def findings_json(results: Iterable[tuple[str, list[Finding]]]) -> str:
    """One JSON object for the whole run: per file, its findings with rule, severity, message and
    the source lines they cite."""
    payload = []
    for path, findings in results:
        payload.append(
            {
                "file": path,
                "findings": [
                    {
                        **f.model_dump(mode="json", exclude={"cells"}),
                        "cells": [c.model_dump(mode="json") for c in f.cells],
                        "lines": sorted({c.ref.line for c in f.cells if c.ref.line is not None}),
                    }
                    for f in findings
                ],
            }
        )
    return json.dumps(payload, ensure_ascii=False, indent=1)
