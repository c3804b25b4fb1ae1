"""The same seed as text, Word and PDF gives the same performance forms (fields, not line numbers:
a Word line is a paragraph ordinal and a PDF cites its page)."""

from __future__ import annotations

from functools import cache

import pytest

from perfbudget.pipeline import load_document


def _indicators(form) -> list[tuple]:
    return [
        (
            i.period,
            i.level1,
            i.level2,
            i.level3,
            i.target_raw.text if i.target_raw else None,
            i.weight.value if i.weight else None,
            i.score.value if i.score else None,
            i.not_applicable,
        )
        for i in form.indicators
    ]


def shape(document) -> dict:
    return {
        "department": [
            (t.template, t.unit_name.text if t.unit_name else None, _indicators(t))
            for t in document.department_targets
        ],
        "project": [
            (
                p.name.text if p.name else None,
                p.money_unit,
                [(f.period, f.total.value if f.total else None) for f in p.funding],
                _indicators(p),
            )
            for p in document.project_targets
        ],
        "self": [(e.unit_name.text, e.total_score.value, _indicators(e)) for e in document.self_evaluations],
        "reports": [
            (r.attachment, r.total.value if r.total else None, [d.canonical for d in r.dimensions])
            for r in document.evaluation_reports
        ],
    }


@cache
def _shape(path: str) -> dict:
    return shape(load_document(path))


@pytest.mark.parametrize("seed", ["000", "001", "002", "004"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_format_reads_the_same_forms(seed_path, seed: str, fmt: str) -> None:
    variant = seed_path(seed, fmt)
    if not variant.exists():
        pytest.skip(f"{variant} not found")
    assert _shape(str(variant)) == _shape(str(seed_path(seed)))
