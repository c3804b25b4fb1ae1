"""Import throughput and memory: generated documents into SQLite and PostgreSQL.

Generates a corpus of fictional department-years (budgets and final accounts as text, Word and
Excel; see ``perfbudget.demo.generate.corpus``) once, then imports the first N of them into a
fresh database, each run in its own process, with the checks on (as ``perfbudget import`` does).
Reports documents per second and peak memory (RSS) per corpus size, so that "memory stays flat as
the corpus grows" is something you can read off. Run:

    .venv/bin/python benchmarks/import_throughput.py [--sizes 250,500,1000] [--databases sqlite,postgres]

PostgreSQL is the server at 127.0.0.1:5432 (user postgres); a scratch database is created and
dropped for each run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "var" / "benchmarks"
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"


def build_corpus(size: int) -> Path:
    from perfbudget.demo.generate import corpus

    folder = CACHE / f"corpus-{size}"
    marker = folder / ".complete"
    if not marker.exists():
        started = time.perf_counter()
        corpus(folder, size, seed=7, formats=("txt", "docx", "xlsx"), error_rate=0.1)
        marker.write_text(f"{time.perf_counter() - started:.1f}s\n")
    return folder


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def child(database: str, size: int, folder: Path) -> None:
    """Runs in a fresh process: import ``size`` files, print one JSON line."""
    from perfbudget.store.django_setup import migrate

    migrate()
    from perfbudget.check import run_checks
    from perfbudget.store.importer import import_paths

    files = sorted(p for p in folder.iterdir() if not p.name.startswith("."))[:size]
    samples: list[tuple[int, float]] = []

    def progress(event) -> None:
        if event.index % max(1, size // 10) == 0:
            samples.append((event.index, round(_rss_mb(), 1)))

    started = time.perf_counter()
    summary = import_paths(files, run_checks=run_checks, progress=progress)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "database": database,
                "documents": size,
                "stored": summary.stored,
                "errors": summary.errors,
                "rows": summary.rows,
                "seconds": round(seconds, 2),
                "documents_per_s": round(size / seconds, 1),
                "peak_rss_mb": round(peak, 1),
                "rss_mb_by_file": samples,
            }
        )
    )


def run(database: str, size: int, folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    with tempfile.TemporaryDirectory() as home:
        env["PERFBUDGET_HOME"] = home
        env["PERFBUDGET_DEBUG"] = "0"
        env["PERFBUDGET_SECRET_KEY"] = "benchmark"
        scratch = f"perfbudget_bench_{size}"
        if database == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {scratch}")
                admin.execute(f"CREATE DATABASE {scratch}")
            env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{scratch}"
        try:
            done = subprocess.run(
                [sys.executable, __file__, "--child", database, str(size), str(folder)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
        finally:
            if database == "postgres":
                with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                    admin.execute(f"DROP DATABASE IF EXISTS {scratch}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    folder = build_corpus(max(sizes))
    results = [run(db, size, folder) for db in args.databases.split(",") for size in sizes]
    if args.json:
        print(json.dumps(results))
        return
    print(
        f"{'database':<10}{'docs':>6}{'stored':>8}{'seconds':>9}{'docs/s':>8}{'peak MB':>9}  RSS (MB) every 10%"
    )
    for r in results:
        trail = " ".join(f"{mb:.0f}" for _, mb in r["rss_mb_by_file"])
        print(
            f"{r['database']:<10}{r['documents']:>6}{r['stored']:>8}{r['seconds']:>9}{r['documents_per_s']:>8}"
            f"{r['peak_rss_mb']:>9}  {trail}"
        )


if __name__ == "__main__":
    main()
