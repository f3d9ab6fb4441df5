"""`make load`: many browser sessions at once through every page while a planner saves and the database is rebuilt.

Starts the real Streamlit server on a loopback port against a scratch copy of the data, drives SESSIONS headless
Chromium sessions round the pages for DURATION seconds, and in the middle saves two new values through
provdash.curation (append, rebuild, atomic swap). Reports requests, errors, p50/p95 page-ready time and the
server's memory, and checks that every session saw either the old or the new number of values — never a mix
or a failure. Writes the figures to bench/load-results.md. Loopback only; bounded in time.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from provdash import build, curation  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic"]
PAGES = ["", "tong_quan", "do_phu_so_lieu", "kinh_te_so", "fdi", "khu_cong_nghiep", "so_sanh", "dong_thoi_gian",
         "nguon"]
SECRET = "load-test-secret"
NEW_ROWS = [
    {"indicator": "fdi_new_capital", "jurisdiction": "thai_nguyen_2025", "period_start": "2025-01-01",
     "period_end": "2025-09-30", "period_label": "9 tháng năm 2025", "value": "1234.5", "unit": "usd_mn",
     "kind": "actual", "qualifier": "", "scope": "province", "method": "", "quote": "", "note": "load test"},
    {"indicator": "fdi_new_projects", "jurisdiction": "thai_nguyen_2025", "period_start": "2025-01-01",
     "period_end": "2025-09-30", "period_label": "9 tháng năm 2025", "value": "40", "unit": "projects",
     "kind": "actual", "qualifier": "", "scope": "province", "method": "", "quote": "", "note": "load test"},
]
SOURCE = {"source_id": "", "title": "Load test source", "outlet": "Load test", "url": "https://example.org/load",
          "file": "", "published": "2025-10-01", "language": "en", "note": "written by scripts/load_test.py"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    total = 0
    for child in [pid] + _children(pid):
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


async def session(browser, base: str, deadline: float, results: dict, index: int) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    step = index
    try:
        while time.monotonic() < deadline:
            path = PAGES[step % len(PAGES)]
            step += 1
            started = time.monotonic()
            results["requests"] += 1
            try:
                await page.goto(f"{base}/{path}", wait_until="domcontentloaded", timeout=90_000)
                await page.wait_for_selector("h1", timeout=90_000)
                await page.wait_for_function(
                    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000)
                if await page.locator("[data-testid='stException']").count():
                    raise RuntimeError("exception shown on /" + path)
                results["ready"].append(time.monotonic() - started)
                if path == "":
                    text = await page.locator("[data-testid='stMetric']").nth(1).inner_text(timeout=90_000)
                    results["counts"].append(int(re.sub(r"\D", "", text.split("\n")[-1])))
            except Exception as err:  # counted, reported, never hidden
                results["errors"].append(f"/{path}: {type(err).__name__}: {str(err)[:120]}")
    finally:
        await context.close()


async def drive(base: str, sessions: int, duration: float, save_at: float, data_dir: Path, db: Path,
                server_pid: int) -> dict:
    from playwright.async_api import async_playwright

    results = {"requests": 0, "ready": [], "errors": [], "counts": [], "memory": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        deadline = time.monotonic() + duration

        async def planner() -> None:
            await asyncio.sleep(save_at)
            outcome = await asyncio.to_thread(curation.save, NEW_ROWS, SOURCE, "load test", secret=SECRET,
                                              expected_secret=SECRET, data_dir=data_dir, target=db)
            results["save"] = outcome.saved

        async def memory() -> None:
            while time.monotonic() < deadline:
                results["memory"].append(rss_mb(server_pid))
                await asyncio.sleep(2)

        await asyncio.gather(planner(), memory(),
                             *(session(browser, base, deadline, results, i) for i in range(sessions)))
        await browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--duration", type=float, default=60)
    args = parser.parse_args(argv)
    if not Path("/usr/bin/chromium").exists():
        print("load test needs Debian's chromium (/usr/bin/chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        shutil.copytree(ROOT / "data", data_dir, ignore=shutil.ignore_patterns("*.duckdb*", "audit_log.csv"))
        db = Path(scratch) / "indicators.duckdb"
        old_count = build.build(data_dir, db)
        port = free_port()
        env = dict(os.environ, DASHBOARD_DB=str(db))
        server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
                                   "--server.address", "127.0.0.1", "--server.headless", "true"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"{base}/_stcore/health", timeout=2)
                    break
                except OSError:
                    time.sleep(0.5)
            results = asyncio.run(drive(base, args.sessions, args.duration, args.duration / 2, data_dir, db, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=30)
    new_count = old_count + len(NEW_ROWS)
    ready = sorted(results["ready"])
    mixed = [c for c in results["counts"] if c not in (old_count, new_count)]
    p50 = statistics.median(ready) if ready else float("nan")
    p95 = ready[int(0.95 * (len(ready) - 1))] if ready else float("nan")
    lines = [
        f"# Load test ({datetime.now().isoformat(timespec='seconds')}, {os.cpu_count()} cores)",
        "",
        f"- sessions: {args.sessions} headless Chromium contexts, {args.duration:.0f} s, pages: {', '.join('/' + p for p in PAGES)}",
        f"- save + rebuild in the middle: {'done' if results.get('save') else 'FAILED'}",
        f"- requests: {results['requests']}, page loads completed: {len(ready)}, errors: {len(results['errors'])}",
        f"- page-ready time: p50 {p50:.2f} s, p95 {p95:.2f} s",
        f"- server memory (RSS, with children): max {max(results['memory'] or [0]):.0f} MB",
        f"- values seen on the home page: {sorted(set(results['counts']))} (old {old_count}, new {new_count});"
        f" mixed or other: {len(mixed)}",
    ]
    if results["errors"]:
        lines += ["", "Errors:"] + [f"- {e}" for e in results["errors"][:20]]
    report = "\n".join(lines) + "\n"
    print(report)
    (ROOT / "bench").mkdir(exist_ok=True)
    (ROOT / "bench" / "load-results.md").write_text(report, encoding="utf-8")
    ok = not results["errors"] and not mixed and results.get("save")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
