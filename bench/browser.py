"""P4: a filter change in a real browser until the chart has redrawn, on the dashboard and on bench/minimal_app.py.

Both apps are served by `streamlit run` on loopback ports chosen free at start, driven by headless Debian
Chromium through Playwright, and stopped at the end (the processes this module started, by their id).
A "filter change" is a click on a pill (the dashboard's province filter; the minimal app's series filter); the
time runs until the first Plotly chart on the page shows a different set of traces. The first two changes
warm the caches and are not counted; then `changes` changes are timed and their median kept.
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic"]
# The traces of the first chart, as a string: it changes when the chart has been redrawn with new data.
SIGNATURE_JS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    if (!plot || !plot._fullData) return null;
    return plot._fullData.map(t => `${t.name}:${(t.x || []).length}`).join('|');
}"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(script: Path, env: dict[str, str], startup_timeout: float = 120):
    """`streamlit run script` on a free loopback port; yields its base URL; stops the server afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start for {script.name}")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _signature(page) -> str | None:
    return page.evaluate(SIGNATURE_JS)


def _wait_ready(page, timeout_s: float) -> None:
    page.wait_for_function(f"({SIGNATURE_JS})() !== null", timeout=timeout_s * 1000)
    _wait_idle(page, timeout_s)


def _wait_idle(page, timeout_s: float) -> None:
    """Until Streamlit says it is no longer running the script."""
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=timeout_s * 1000)


def _close_dialog(page) -> bool:
    """Close a modal dialog if one is open (it makes the page inert). True when there was one."""
    dialog = page.locator("[role=dialog]")
    if dialog.count() == 0:
        return False
    dialog.first.get_by_role("button", name="Close").click()
    page.wait_for_function("() => !document.querySelector('[role=dialog]')", timeout=10000)
    return True


def time_filter_changes(page, pill_names: list[str], changes: int, timeout_s: float) -> list[float]:
    """Click the pills in turn (each click flips one on or off) and time each until the chart has redrawn."""
    times = []
    for index in range(changes + 2):
        name = pill_names[index % len(pill_names)]
        before = _signature(page)
        button = page.get_by_role("button", name=name, exact=True).first
        started = time.perf_counter()
        button.click()
        page.wait_for_function(f"(before) => {{ const s = ({SIGNATURE_JS})(); return s !== null && s !== before; }}",
                               arg=before, timeout=timeout_s * 1000, polling="raf")
        elapsed = time.perf_counter() - started
        _wait_idle(page, timeout_s)
        if index >= 2:
            times.append(elapsed)
    return times


def pill_labels(database: Path | None, jurisdictions: list[str]) -> list[str]:
    """The Vietnamese names the province pills show, read from the database the dashboard reads."""
    import duckdb

    from provdash import paths

    con = duckdb.connect(str(database or paths.db_path()), read_only=True)
    try:
        names = dict(con.execute("SELECT jurisdiction, name_vi FROM jurisdictions").fetchall())
    finally:
        con.close()
    return [names[j] for j in jurisdictions]


def measure(database: Path | None, changes: int = 7, timeout_s: float = 300) -> dict:
    """Median seconds per filter change on the dashboard's digital-economy page and on the minimal app."""
    from playwright.sync_api import sync_playwright

    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    if database is not None:
        env["DASHBOARD_DB"] = str(database)
    result: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            with streamlit_server(ROOT / "bench" / "minimal_app.py", env) as url:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(url, timeout=timeout_s * 1000)
                _wait_ready(page, timeout_s)
                result["minimal_s"] = statistics.median(time_filter_changes(page, ["B", "C"], changes, timeout_s))
                page.close()
            with streamlit_server(ROOT / "dashboard.py", env) as url:
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                started = time.perf_counter()
                page.goto(f"{url}/kinh_te_so", timeout=timeout_s * 1000)
                _wait_ready(page, timeout_s)
                result["dashboard_first_load_s"] = time.perf_counter() - started
                result["page_not_found_dialog"] = _close_dialog(page)
                names = pill_labels(database, ["vinh_phuc", "phu_tho_2025"])
                result["dashboard_s"] = statistics.median(time_filter_changes(page, names, changes, timeout_s))
                page.close()
        finally:
            browser.close()
    result["ratio"] = result["dashboard_s"] / result["minimal_s"]
    return result


if __name__ == "__main__":
    print(measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
