"""Where parse time goes: each phase of the pipeline timed in one process, and the start-up.

Companion to ``parse_throughput.py`` (which times the whole command). Reports, per pass over the
seeds, milliseconds and share for reading, segmenting, performance forms, budget tables,
narrative statements and JSON serialisation, plus the command's start-up (``perfbudget parse
--json`` on a one-line file) and the JSON output size. Run:

    .venv/bin/python benchmarks/parse_phases.py [--passes 10]

``--only PHASE`` runs just that phase PASSES times over inputs prepared beforehand and prints
nothing else: for counting instructions, run it under ``valgrind --tool=callgrind`` with
``--passes 1`` and ``--passes 3``; half the difference is one pass (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PERFBUDGET = Path(sys.executable).with_name("perfbudget")


def _timed(table: dict[str, float], name: str, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            table[name] += time.perf_counter() - start

    return wrapper


def phases(passes: int) -> tuple[dict[str, float], int]:
    """Median seconds per pass of each phase, and the JSON bytes one pass writes."""
    from perfbudget.read import read_file
    from perfbudget.recognize import document as recognize_module

    seeds = sorted(SEEDS.glob("*.txt"))
    runs: list[dict[str, float]] = []
    size = 0
    # the recognizer's collaborators, wrapped where recognize() calls them
    originals = {
        name: getattr(recognize_module, name)
        for name in ("segments", "recognize_forms", "build_table", "extract_statements")
    }
    labels = {
        "segments": "segments",
        "recognize_forms": "forms",
        "build_table": "tables",
        "extract_statements": "narrative",
    }
    try:
        for number in range(passes + 1):  # the first pass warms caches and is not counted
            table: dict[str, float] = defaultdict(float)
            for name, function in originals.items():
                setattr(recognize_module, name, _timed(table, labels[name], function))
            gc.disable()
            size = 0
            for path in seeds:
                start = time.perf_counter()
                raw = read_file(path)
                table["read"] += time.perf_counter() - start
                start = time.perf_counter()
                document = recognize_module.recognize(raw)
                table["recognize (all)"] += time.perf_counter() - start
                start = time.perf_counter()
                size += len(document.__pydantic_serializer__.to_json(document))
                table["json"] += time.perf_counter() - start
            gc.enable()
            gc.collect()
            if number:
                runs.append(table)
    finally:
        for name, function in originals.items():
            setattr(recognize_module, name, function)
    keys = runs[0].keys()
    return {key: statistics.median(run[key] for run in runs) for key in keys}, size


def start_up(repeat: int) -> float:
    """Median seconds of the whole command on a one-line file (interpreter, imports, output)."""
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("说明\n", encoding="utf-8")
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [str(PERFBUDGET), "parse", "--json", str(tiny)], stdout=subprocess.DEVNULL, check=True
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


PHASES = ("read", "segments", "forms", "tables", "narrative", "json", "all")


def only(phase: str, passes: int) -> None:
    """Run one phase ``passes`` times over the seeds, its inputs prepared once beforehand."""
    from perfbudget.model.document import Document
    from perfbudget.read import read_file
    from perfbudget.recognize import document as recognize_module
    from perfbudget.recognize.budget import build_table
    from perfbudget.recognize.forms import recognize_forms
    from perfbudget.recognize.narrative import extract_statements
    from perfbudget.recognize.segment import segments

    seeds = sorted(SEEDS.glob("*.txt"))
    raws = [read_file(path) for path in seeds]
    documents = [recognize_module.recognize(raw) for raw in raws]
    tables = []  # the segments recognize() turns into tables (those with rows no form placed)
    for raw in raws:
        found, _ = segments(raw.rows)
        placed = recognize_forms(raw, Document(source=raw.source), [])
        tables.append(
            [s for s in found if s.kind is not None or any(id(r) not in placed and r.filled for r in s.body)]
        )
    gc.disable()
    for _ in range(passes):
        if phase == "read":
            for path in seeds:
                read_file(path)
        elif phase == "segments":
            for raw in raws:
                segments(raw.rows)
        elif phase == "forms":
            for raw in raws:
                recognize_forms(raw, Document(source=raw.source), [])
        elif phase == "tables":
            for raw, todo in zip(raws, tables, strict=True):
                for number, segment in enumerate(todo, start=1):
                    build_table(segment, f"t{number}", raw.source.path, [])
        elif phase == "narrative":
            for document in documents:
                extract_statements(document)
        elif phase == "json":
            for document in documents:
                document.__pydantic_serializer__.to_json(document)
        else:
            for path in seeds:
                document = recognize_module.recognize(read_file(path))
                document.__pydantic_serializer__.to_json(document)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--only", choices=PHASES, help="run just this phase (for instruction counting)")
    args = parser.parse_args()
    if args.only:
        only(args.only, args.passes)
        return
    timings, json_bytes = phases(args.passes)
    startup = start_up(5)
    seed_bytes = sum(p.stat().st_size for p in SEEDS.glob("*.txt"))
    whole = timings["read"] + timings["recognize (all)"] + timings["json"]
    result = {
        "seed_megabytes": round(seed_bytes / 1e6, 3),
        "json_megabytes_per_pass": round(json_bytes / 1e6, 3),
        "start_up_ms": round(startup * 1000, 1),
        "pass_ms": round(whole * 1000, 1),
        "phases_ms": {key: round(value * 1000, 1) for key, value in timings.items()},
        "in_process_mb_per_s": round(seed_bytes / 1e6 / whole, 2),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print(
        f"seeds {result['seed_megabytes']} MB per pass, JSON written {result['json_megabytes_per_pass']} MB"
    )
    print(f"start-up (command on a one-line file): {result['start_up_ms']} ms")
    print(
        f"one pass over the seeds: {result['pass_ms']} ms = {result['in_process_mb_per_s']} MB/s in process"
    )
    order = ["read", "segments", "forms", "tables", "narrative", "json"]
    for key in order:
        value = timings.get(key, 0.0)
        print(f"  {key:>10}: {value * 1000:7.1f} ms  {value / whole:6.1%}")
    other = timings["recognize (all)"] - sum(
        timings.get(k, 0.0) for k in ("segments", "forms", "tables", "narrative")
    )
    print(
        f"  {'other':>10}: {other * 1000:7.1f} ms  {other / whole:6.1%}  (describing the document, paragraphs)"
    )


if __name__ == "__main__":
    main()
