"""Parse throughput: the whole ``perfbudget parse --json`` command on the seeds copied N times.

Reports MB/s of the command (start-up included, one core) and its ratio to the time it takes
merely to read the same bytes and split them into lines. Run:

    .venv/bin/python benchmarks/parse_throughput.py [--copies 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
PERFBUDGET = Path(sys.executable).with_name("perfbudget")


def corpus(directory: Path, copies: int) -> list[Path]:
    files = []
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            target = directory / f"{copy:03d}_{seed.name}"
            shutil.copyfile(seed, target)
            files.append(target)
    return files


def split_only(files: list[Path]) -> float:
    """Baseline: read every file, decode it and split it into lines."""
    start = time.perf_counter()
    lines = 0
    for path in files:
        lines += len(path.read_bytes().decode("utf-8").split("\n"))
    return time.perf_counter() - start


def parse_command(files: list[Path]) -> float:
    # as a user runs it: with the package's bytecode compiled (done once in main)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # one core: the command runs pinned to CPU 0 where taskset exists
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    start = time.perf_counter()
    done = subprocess.run(
        [*pin, str(PERFBUDGET), "parse", "--json", *map(str, files)],
        stdout=subprocess.DEVNULL,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"perfbudget parse failed with exit code {done.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus(Path(tmp), args.copies)
        size = sum(f.stat().st_size for f in files)
        split = min(split_only(files) for _ in range(args.repeat))
        parse = min(parse_command(files) for _ in range(args.repeat))
    result = {
        "files": len(files),
        "megabytes": round(size / 1e6, 3),
        "parse_seconds": round(parse, 3),
        "parse_mb_per_s": round(size / 1e6 / parse, 2),
        "split_seconds": round(split, 4),
        "split_mb_per_s": round(size / 1e6 / split, 1),
        "ratio_parse_to_split": round(parse / split, 1),
        "goal": "parse >= 10 MB/s and ratio <= 20",
    }
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:>22}: {value}")


if __name__ == "__main__":
    main()
