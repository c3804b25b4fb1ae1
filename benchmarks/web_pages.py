"""Web page latency: the main pages and API lists over many stored documents (one process, one core).

Stores seed 004 (and 002) COPIES times each (as distinct documents), then times each page with
Django's test client as a reviewer: median and worst of REPEAT requests. Run:

    .venv/bin/python benchmarks/web_pages.py [--copies 50] [--repeat 5]

It uses a throw-away SQLite database under a temporary PERFBUDGET_HOME (or DATABASE_URL if set:
the tables are then left with the copies in them, so point it at a scratch database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("PERFBUDGET_HOME", tempfile.mkdtemp(prefix="perfbudget-bench-"))
    os.environ["PERFBUDGET_DEBUG"] = "1"
    from perfbudget.store.django_setup import migrate

    migrate()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from perfbudget.check import run_checks
    from perfbudget.pipeline import load_document
    from perfbudget.store import models as db
    from perfbudget.store.save import save_document

    setup_test_environment()
    settings.DEBUG = False  # no query log
    seeds = [next(SEEDS.glob(f"{n}_*.txt")) for n in ("004", "002")]
    parsed = []
    for path in seeds:
        document = load_document(path)
        parsed.append((document, run_checks(document)))
    start = time.perf_counter()
    for copy in range(args.copies):
        for document, findings in parsed:
            twin = document.model_copy(deep=True)
            twin.source = twin.source.model_copy(update={"sha256": f"{copy:08d}{document.source.sha256[8:]}"})
            twin.department = f"{document.department}{copy:03d}"
            save_document(twin, findings)
    stored = db.Document.objects.count()
    print(
        f"stored {stored} documents in {time.perf_counter() - start:.1f}s "
        f"({db.Row.objects.count()} rows, {db.Finding.objects.count()} findings)"
    )
    user, _ = get_user_model().objects.get_or_create(username="bench-reviewer")
    db.Profile.objects.update_or_create(user=user, defaults={"role": db.Role.REVIEWER})
    client = Client()
    client.force_login(user)
    doc = db.Document.objects.filter(file_name__startswith="004_").order_by("pk").first()
    department = doc.department_id
    pages = [
        "/",
        "/documents/",
        f"/documents/{doc.pk}/",
        f"/documents/{doc.pk}/source/?t=t3&r=0&c=total",
        "/findings/",
        "/findings/?severity=info&page=3",
        f"/compare/?mode=department&stage=预算&department={department}",
        "/compare/?mode=year&stage=预算&year=2024",
        "/compare/export.xlsx?mode=year&stage=预算&year=2024",
        "/search/?q=监测",
        "/api/documents?page_size=100",
        "/api/findings?page_size=100&page=2",
    ]
    print(f"{'page':64} {'median ms':>10} {'worst ms':>10} {'KB':>8}")
    for url in pages:
        times = []
        size = 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            size = len(response.content)
        print(f"{url:64} {statistics.median(times):10.1f} {max(times):10.1f} {size / 1024:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
