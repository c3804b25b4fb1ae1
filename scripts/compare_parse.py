"""Compare the model `perfbudget parse --json` gives for the seeds with what a git revision gives.

Recognition changes that should not move the seeds' figures are checked with it: it exports
``src/`` of REV into a scratch folder, parses every seed (text and variants) with both, and
lists the files whose JSON differs. A field added on purpose is left out of the comparison with
``--ignore NAME`` (repeatable). Run:

    .venv/bin/python scripts/compare_parse.py [REV] [--ignore issuer]      # REV defaults to HEAD

Exit status 1 when a file differs.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
VARIANT_SUFFIXES = (".docx", ".xlsx", ".pdf")


def parsed(src: Path, path: Path, ignored: set[str]):
    """The JSON documents the code in ``src`` prints for ``path`` (or its raw output, if not JSON)."""
    command = [
        sys.executable,
        "-c",
        "from perfbudget.cli.main import run; run()",
        "parse",
        "--json",
        str(path),
    ]
    done = subprocess.run(command, capture_output=True, env={"PYTHONPATH": str(src), "PATH": ""}, check=False)
    try:
        return [_without(json.loads(line), ignored) for line in done.stdout.splitlines()]
    except ValueError:
        return done.stdout + done.stderr


def _without(value, ignored: set[str]):
    if isinstance(value, dict):
        return {k: _without(v, ignored) for k, v in value.items() if k not in ignored}
    if isinstance(value, list):
        return [_without(v, ignored) for v in value]
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    parser.add_argument("--ignore", action="append", default=[], help="a field name left out")
    args = parser.parse_args()
    ignored = set(args.ignore)
    files = sorted(SEEDS.glob("*.txt"))
    files += sorted(p for p in (SEEDS / "variants").iterdir() if p.suffix in VARIANT_SUFFIXES)
    with tempfile.TemporaryDirectory(prefix="perfbudget-compare-") as scratch:
        archive = subprocess.run(
            ["git", "archive", args.revision, "src"], cwd=ROOT, capture_output=True, check=True
        )
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(scratch, filter="data")
        old = Path(scratch) / "src"
        differ = [p for p in files if parsed(old, p, ignored) != parsed(ROOT / "src", p, ignored)]
    for path in files:
        print(f"{'DIFFERS' if path in differ else 'same   '}  {path.relative_to(SEEDS)}")
    print(f"{len(differ)} of {len(files)} files differ from {args.revision}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
