"""The labelled sample of project forms (``tests/groundtruth/forms``) is up to date with its builder,
and the recognizers reproduce it (``benchmarks/forms_accuracy.py`` measures the same in detail)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def builder(seed_path):
    return _load(
        "perfbudget_forms_groundtruth",
        PROJECT / "tests" / "groundtruth" / "forms" / "build_forms_groundtruth.py",
    )


@pytest.fixture(scope="module")
def benchmark(seed_path):
    return _load("perfbudget_forms_accuracy", PROJECT / "benchmarks" / "forms_accuracy.py")


def test_groundtruth_files_are_up_to_date(builder):
    for data in (builder.build_001(), builder.build_004()):
        path = builder.HERE / f"{data['seed']}.json"
        assert path.read_text(encoding="utf-8") == builder.dump(data), (
            f"{path.name} is stale: run the builder"
        )


@pytest.mark.parametrize(("seed", "forms", "indicators"), [("001", 13, 119), ("004", 22, 662)])
def test_recognizers_reproduce_the_groundtruth(benchmark, seed, forms, indicators):
    result = benchmark.score(seed)
    assert result["forms"] == {"truth": forms, "predicted": forms}
    assert result["indicator_rows"]["truth"] == indicators
    matched = sum(c.get("matched", 0) for c in result["fields"].values())
    truth = sum(c.get("truth", 0) for c in result["fields"].values())
    predicted = sum(c.get("predicted", 0) for c in result["fields"].values())
    assert matched / truth >= 0.99 and matched / predicted >= 0.99, (
        result["missed"][:10],
        result["spurious"][:10],
    )
