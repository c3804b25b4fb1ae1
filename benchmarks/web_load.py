"""Web load: p95 latency and throughput of the pages and the API under gunicorn, over loopback.

    .venv/bin/python benchmarks/web_load.py [--department-years 50] [--duration 10] [--clients 8]

What it does, bounded in time and count and on 127.0.0.1 only:

1. writes ``--department-years`` fictional budget/final documents (``perfbudget.demo.generate.corpus``)
   plus the seeds 001, 002 and 004 when ../shared/seeds is there (projects, self-evaluations,
   reports), and imports them with ``perfbudget import`` into a throw-away SQLite database (or
   DATABASE_URL if set: point it at a scratch database);
2. starts gunicorn on 127.0.0.1 with production-like settings (``PERFBUDGET_DEBUG=0``, a secret
   from the environment, ``PERFBUDGET_ALLOWED_HOSTS=127.0.0.1``);
3. signs a reviewer in over HTTP and measures, from another process, the home page, a document
   page, a department-year's project list and an API list, each for ``--duration`` seconds at
   ``--clients`` concurrent connections: with ``wrk`` when it is installed (Debian: ``apt-get
   install wrk``), else with this script's own thread-based load generator (``--generator``);
4. prints a table (p50, p95, p99, requests/s, non-2xx) against the goals: pages p95 ≤ 150 ms,
   API p95 ≤ 50 ms; exits 1 when a goal is missed (``--no-fail`` to only report).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
HOST = "127.0.0.1"  # loopback only: this benchmark never sends traffic anywhere else
PAGE_GOAL_MS = 150.0
API_GOAL_MS = 50.0
MAX_REQUESTS = 200_000  # per endpoint, whatever the duration
USER, PASSWORD = "load-reviewer", "Load-bench-2024-pw"

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.timeout))
end
"""


# --- the load generator (also run as a separate process: --generator) -------------------------


def generate(url: str, cookie: str, clients: int, duration: float, limit: int) -> dict:
    """Keep-alive HTTP/1.1 GETs from ``clients`` threads for ``duration`` s (at most ``limit`` requests)."""
    parts = urllib.parse.urlsplit(url)
    if parts.hostname != HOST:
        raise SystemExit(f"refusing to load {parts.hostname}: loopback ({HOST}) only")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = {"status": 0, "socket": 0}
    lock = threading.Lock()
    stop = time.perf_counter() + duration
    count = [0]

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, parts.port, timeout=10)
        mine: list[float] = []
        while time.perf_counter() < stop:
            with lock:
                if count[0] >= limit:
                    break
                count[0] += 1
            started = time.perf_counter()
            try:
                connection.request("GET", target, headers={"Cookie": cookie, "Host": HOST})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    with lock:
                        errors["status"] += 1
            except (OSError, http.client.HTTPException):
                with lock:
                    errors["socket"] += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, parts.port, timeout=10)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else float("nan")
        )

    return {
        "p50": pct(50),
        "p95": pct(95),
        "p99": pct(99),
        "max": latencies[-1] if latencies else float("nan"),
        "requests": len(latencies),
        "rps": len(latencies) / elapsed if elapsed else 0.0,
        "non2xx": errors["status"],
        "socket_errors": errors["socket"],
    }


def measure(url: str, cookie: str, clients: int, duration: float, tool: str) -> dict:
    if tool == "wrk":
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        try:
            out = subprocess.run(
                [
                    "wrk",
                    f"-t{min(clients, 2)}",
                    f"-c{clients}",
                    f"-d{int(duration)}s",
                    "--timeout",
                    "10s",
                    "-s",
                    script.name,
                    "-H",
                    f"Cookie: {cookie}",
                    url,
                ],
                capture_output=True,
                text=True,
                timeout=duration + 60,
                check=True,
            ).stdout
        finally:
            os.unlink(script.name)
        fields = [int(v) for v in re.search(r"^RESULT (.*)$", out, re.M).group(1).split()]
        p50, p95, p99, worst, requests, micros, status, socket_errors, timeouts = fields
        return {
            "p50": p50 / 1000,
            "p95": p95 / 1000,
            "p99": p99 / 1000,
            "max": worst / 1000,
            "requests": requests,
            "rps": requests / (micros / 1e6),
            "non2xx": status,
            "socket_errors": socket_errors + timeouts,
        }
    command = [
        sys.executable,
        __file__,
        "--generator",
        url,
        "--cookie",
        cookie,
        "--clients",
        str(clients),
        "--duration",
        str(duration),
    ]
    out = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- setting up: documents, database, server, session -----------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def run(env: dict, *args: str, timeout: float = 1800) -> str:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=True).stdout


def prepare(home: Path, env: dict, department_years: int) -> None:
    from perfbudget.demo.generate import corpus

    files = home / "files"
    corpus(files, department_years, seed=7, formats=("txt",), years=(2022, 2023, 2024, 2025))
    for number in ("001", "002", "004"):
        for seed in sorted(SEEDS.glob(f"{number}_*.txt")):
            shutil.copy(seed, files / seed.name)
    started = time.perf_counter()
    run(env, sys.executable, "-m", "perfbudget.cli.main", "import", str(files))
    print(f"imported {len(list(files.iterdir()))} files in {time.perf_counter() - started:.1f}s", flush=True)
    run(
        env,
        sys.executable,
        "-c",
        (
            "from perfbudget.store.django_setup import setup; setup()\n"
            "from django.contrib.auth import get_user_model\n"
            "from perfbudget.store import models as db\n"
            f"u = get_user_model().objects.create_user({USER!r}, password={PASSWORD!r})\n"
            "db.Profile.objects.create(user=u, role=db.Role.REVIEWER)\n"
        ),
    )


def targets(env: dict) -> dict[str, str]:
    code = (
        "import json\n"
        "from perfbudget.store.django_setup import setup; setup()\n"
        "from perfbudget.store import models as db\n"
        "doc = db.Document.objects.exclude(file_name__regex=r'^00[0-9]_').order_by('pk').first()\n"
        "p = db.Project.objects.exclude(department=None).order_by('pk').first()\n"
        "print(json.dumps({'document': doc.pk, 'department': p.department_id if p else '', 'year': p.year if p else ''}))\n"
    )
    found = json.loads(run(env, sys.executable, "-c", code).strip().splitlines()[-1])
    return {
        "home page /": "/",
        "document page": f"/documents/{found['document']}/",
        "project list (department-year)": f"/projects/?department={found['department']}&year={found['year']}",
        "API /api/projects": f"/api/projects?page_size=50&department={found['department']}",
    }


def sign_in(port: int) -> str:
    """The session cookie of the benchmark's reviewer, signed in through the login form."""
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request("GET", "/login/")
    response = connection.getresponse()
    body = response.read().decode()
    csrf = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    form = urllib.parse.urlencode({"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token})
    connection.request(
        "POST",
        "/login/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"http://{HOST}:{port}/login/",
        },
    )
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie") or "")
    if response.status != 302 or session is None:
        raise SystemExit(f"sign-in failed: HTTP {response.status}")
    return f"sessionid={session.group(1)}; csrftoken={csrf}"


def wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--department-years", type=int, default=50)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per endpoint (at most 120)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default 2 × cores)")
    parser.add_argument("--tool", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--no-fail", action="store_true", help="report only; exit 0 even when a goal is missed"
    )
    parser.add_argument("--generator", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--cookie", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.duration = max(1.0, min(args.duration, 120.0))
    args.clients = max(1, min(args.clients, 64))
    if args.generator:
        print(json.dumps(generate(args.generator, args.cookie, args.clients, args.duration, MAX_REQUESTS)))
        return 0

    tool = ("wrk" if shutil.which("wrk") else "python") if args.tool == "auto" else args.tool
    home = Path(tempfile.mkdtemp(prefix="perfbudget-load-"))
    env = {
        **os.environ,
        "PERFBUDGET_HOME": str(home),
        "PERFBUDGET_DEBUG": "0",
        "PERFBUDGET_SECRET_KEY": os.environ.get("PERFBUDGET_SECRET_KEY") or secrets.token_urlsafe(50),
        "PERFBUDGET_ALLOWED_HOSTS": HOST,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        raise SystemExit("gunicorn is not installed (pip install -e '.' installs it)")
    server = None
    try:
        prepare(home, env, args.department_years)
        urls = targets(env)
        port = free_port()
        workers = args.workers or 2 * (os.cpu_count() or 1)
        server = subprocess.Popen(
            [
                str(gunicorn),
                "perfbudget.serve.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--worker-class",
                "gthread",
                "--threads",
                "2",
                "--log-level",
                "warning",
                "--access-logfile",
                "-" if os.environ.get("PERFBUDGET_LOAD_LOG") else "/dev/null",
            ],
            env=env,
            cwd=home,
            start_new_session=True,
        )
        wait_for(port, server)
        cookie = sign_in(port)
        print(
            f"gunicorn: {workers} workers × 2 threads on {HOST}:{port}; load: {tool}, {args.clients} clients, "
            f"{args.duration:.0f} s per endpoint",
            flush=True,
        )
        results = {}
        for name, path in urls.items():
            url = f"http://{HOST}:{port}{path}"
            warm = [generate(url, cookie, 1, 0.5, 20)]  # warm the workers' caches
            if warm[0]["non2xx"]:
                raise SystemExit(f"{path} does not answer 200 for the reviewer")
            results[name] = (path, measure(url, cookie, args.clients, args.duration, tool))
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)

    print()
    print(
        f"{'endpoint':34} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>8} {'requests':>9} {'non-2xx':>8}  goal"
    )
    missed = 0
    for name, (path, r) in results.items():
        goal = API_GOAL_MS if path.startswith("/api/") else PAGE_GOAL_MS
        ok = r["p95"] <= goal and r["non2xx"] == 0 and r["socket_errors"] == 0
        missed += not ok
        print(
            f"{name:34} {r['p50']:8.1f} {r['p95']:8.1f} {r['p99']:8.1f} {r['rps']:8.1f} {r['requests']:9d} "
            f"{r['non2xx']:8d}  p95 ≤ {goal:.0f} ms {'ok' if ok else 'MISSED'}"
        )
    total = sum(r["rps"] for _, r in results.values())
    print(
        f"mean throughput over the four endpoints: {statistics.mean([r['rps'] for _, r in results.values()]):.1f} req/s "
        f"(sum {total:.1f})"
    )
    return 0 if args.no_fail or not missed else 1


if __name__ == "__main__":
    sys.exit(main())
