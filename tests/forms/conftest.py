"""Fixtures of the form tests: the seed documents, read once per session through the pipeline.

The seeds are read at test time from ``../shared/seeds`` (relative to the project root); the tests
are skipped when they are not there. Nothing of the seed text is stored in the project beyond the
values asserted.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from perfbudget.model.document import Document
from perfbudget.pipeline import load_document

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
FILES = {
    "000": "000_1ada149e73a82e54.txt",
    "001": "001_95ede21d7572d968.txt",
    "002": "002_9f956185b7f0ed40.txt",
    "004": "004_3dbcf6bf71888e95.txt",
}


@cache
def _document(seed: str) -> Document:
    return load_document(SEEDS / FILES[seed])


@pytest.fixture(scope="session")
def seed_document():
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return _document


@pytest.fixture(scope="session")
def seed_path():
    """``seed_path("001")`` → the text seed; ``seed_path("001", "pdf")`` → its variant."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")

    def path(seed: str, fmt: str = "txt") -> Path:
        return SEEDS / FILES[seed] if fmt == "txt" else SEEDS / "variants" / f"{seed}.{fmt}"

    return path
