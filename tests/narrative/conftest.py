"""Fixtures of the narrative tests: the seeds, read once per session.

The seeds are read from ``../shared/seeds`` relative to the project root; nothing of their text is
copied into the tests (a test may assert a few values and messages).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT.parent / "shared" / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_FILES = {
    "001": "001_95ede21d7572d968.txt",
    "002": "002_9f956185b7f0ed40.txt",
    "004": "004_3dbcf6bf71888e95.txt",
}


def seed_path(key: str) -> Path:
    path = SEEDS / SEED_FILES[key]
    if not path.exists():
        pytest.skip(f"seed {path} is not available")
    return path


_DOCUMENTS: dict[str, object] = {}


def seed_document(key: str):
    """The seed ``key`` read and recognised (cached for the session; tests must not change it)."""
    if key not in _DOCUMENTS:
        from perfbudget.pipeline import load_document

        _DOCUMENTS[key] = load_document(seed_path(key))
    return _DOCUMENTS[key]


def load_mutation() -> ModuleType:
    """``mutation.py`` beside this file (``tests`` is not a package)."""
    name = "perfbudget_test_narrative_mutation"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parent / "mutation.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def doc001():
    return seed_document("001")


@pytest.fixture(scope="session")
def doc002():
    return seed_document("002")


@pytest.fixture(scope="session")
def doc004():
    return seed_document("004")


@pytest.fixture(scope="session")
def seed():
    """``seed(key)``: the seed document ``key`` ("001", "002", "004"), read once."""
    return seed_document


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN


@pytest.fixture(scope="session")
def mutation() -> ModuleType:
    return load_mutation()


@pytest.fixture(scope="session")
def seed_file():
    """``seed_file(key)``: the path of seed ``key``."""
    return seed_path
