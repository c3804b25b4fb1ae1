"""The narrative findings on the seeds are exactly the ones in tests/narrative/golden/<seed>.txt.

Each finding there was read against the document and carries a one-line justification (the comment
line before it); a new finding, a lost one or a changed message fails this test, and the golden file
is to be updated by hand, with the new finding's justification, never by regenerating it blindly.
"""

from __future__ import annotations

import pytest

from perfbudget.check import run_checks


def _golden(folder, key: str) -> tuple[list[str], list[bool]]:
    lines = (folder / f"{key}.txt").read_text(encoding="utf-8").splitlines()
    findings = [line for line in lines if line and not line.startswith("#")]
    justified = []
    for index, line in enumerate(lines):
        if line and not line.startswith("#"):
            before = lines[index - 1] if index else ""
            justified.append(before.startswith("# ") and len(before) > 10)
    return findings, justified


@pytest.mark.parametrize("key", ["001", "002", "004"])
def test_narrative_findings_match_the_golden_file(key, seed, golden_dir):
    document = seed(key)
    actual = [
        f"{f.rule}\t{f.severity.value}\t{f.ref.line if f.ref else ''}\t{f.message}"
        for f in run_checks(document)
        if f.rule.startswith("narrative.")
    ]
    expected, justified = _golden(golden_dir, key)
    assert actual == expected
    assert all(justified), "every finding in the golden file needs its justification on the line before"


def test_the_seeds_real_errors_are_errors(seed):
    """The two wrong figures of 002's prose are errors, not information."""
    errors = [f for f in run_checks(seed("002")) if f.rule.startswith("narrative.") and f.severity == "error"]
    assert [(f.rule, f.ref.line) for f in errors] == [
        ("narrative.share", 2706),
        ("narrative.completion", 2737),
    ]
    assert all(f.ref.line is not None for f in errors)
