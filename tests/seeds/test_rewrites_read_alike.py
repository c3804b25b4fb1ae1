"""Each seed printed another way (see rewrites.py) gives the same model.

What is compared is what the document says — table kinds, codes and figures, the forms' fields,
the narrative's statements, the findings — not where it was printed (lines, offsets) nor the
printed text itself, which a rewrite changes on purpose (``1,234.50`` for ``1234.50``).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import rewrites  # beside this file (pytest puts the test folder on the path)

from perfbudget.pipeline import load_document

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))

_WHERE = ("page", "source", "offset")  # and every key ending in "line" or "lines"
_AS_PRINTED = ("text", "sentence", "clause")
_SAME_PUNCTUATION = str.maketrans({"（": "(", "）": ")", "：": ":"})


def _meaning(value):
    """``value`` (the model as JSON data) without where and how it was printed."""
    if isinstance(value, dict):
        return {
            k: _meaning(v)
            for k, v in value.items()
            if k not in _WHERE and k not in _AS_PRINTED and not k.endswith(("line", "lines"))
        }
    if isinstance(value, list):
        return [_meaning(v) for v in value]
    if isinstance(value, str):
        return "".join(value.split()).translate(_SAME_PUNCTUATION)
    return value


def fingerprint(document) -> dict:
    data = json.loads(document.model_dump_json())
    return {
        "document": [data[k] for k in ("family", "department", "fiscal_year", "stage", "money_unit")],
        "tables": [
            (t["kind"], [(r.get("code"), r.get("side"), _meaning(r["cells"])) for r in t["rows"]])
            for t in data["tables"]
        ],
        "forms": {
            k: _meaning(data[k])
            for k in ("department_targets", "project_targets", "self_evaluations", "evaluation_reports")
        },
        "statements": _meaning(data["statements"]),
        "findings": Counter(f["rule"] for f in data["findings"]),
    }


@cache
def reference(name: str) -> dict:
    return fingerprint(load_document(SEEDS / name))


def _is_cell_per_line(text: str) -> bool:
    return text.count("\n\t") > text.count("\t") / 2


def row_per_line_text(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return rewrites.cells_as_rows(text) if _is_cell_per_line(text) else text


def _assert_reads_alike(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> None:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    got, want = fingerprint(load_document(path)), reference(name)
    for part in want:
        assert got[part] == want[part], part


@pytest.mark.parametrize("name", SEED_FILES)
def test_the_other_layout_reads_alike(tmp_path: Path, name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    other = rewrites.cells_as_rows(text) if _is_cell_per_line(text) else rewrites.rows_as_cells(text)
    _assert_reads_alike(tmp_path, name, other)


@pytest.mark.parametrize("rewrite", sorted(set(rewrites.ROW_PER_LINE) - {"cells"}))
@pytest.mark.parametrize("name", SEED_FILES)
def test_rewritten_seed_reads_alike(tmp_path: Path, name: str, rewrite: str) -> None:
    _assert_reads_alike(tmp_path, name, rewrites.ROW_PER_LINE[rewrite](row_per_line_text(name)))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("name", SEED_FILES)
def test_other_encodings_and_line_ends_read_alike(tmp_path: Path, name: str, encoding: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8").replace("\n", "\r\n")
    _assert_reads_alike(tmp_path, name, text, encoding)
