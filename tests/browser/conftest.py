"""Real-browser test set-up: one real Streamlit server and one Chromium for every test in tests/browser/.

The server is `python -m streamlit run dashboard.py` on a free loopback port, reading the database that the
shared `built_db` fixture builds from data/; Chromium is Debian's /usr/bin/chromium driven by Playwright. Both
live for the whole browser suite (package scope: they stop when its last test is done, not at the end of the
whole pytest run). Tests share one browser context where they can, because a fresh context spends seconds
loading Streamlit's Plotly bundle; a test that needs a clean one (the shared-URL round trip) makes its own.

Waiting is on conditions, never on fixed sleeps: the app root carries `data-test-script-state` ("initial",
"running", "notRunning", …); an init script counts the times it turns to "running", and each tab counts the
`script_finished` messages the server sends it, so after a click a test waits until a new run has started *and*
finished (`rerun`). "Finished" also means no skeleton is left: Streamlit
loads some widgets (text areas, date inputs) lazily and draws a placeholder until their code has arrived.

Helpers for the tests live here too (tests/browser/ holds only conftest.py and test_*.py).
"""
from __future__ import annotations

import ast
import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from provdash import paths
from provdash.queries import connect_readonly, run_query

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 720}
FIRST_LOAD_MS = 60_000  # a cold server or a fresh context can take long to deliver the app and its bundles
SCREENSHOTS = paths.ROOT / "screenshots"
APP = "[data-testid='stApp']"

# Installed in every page before Streamlit's own scripts: counts the runs of the app script as seen by the
# browser, so a test can wait for "a run that started after my click has finished".
RUN_COUNTER_SCRIPT = """
window.__stRuns = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target.getAttribute('data-test-script-state') === 'running' && r.oldValue !== 'running') window.__stRuns++;
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state'],
                      attributeOldValue: true});
"""
_SETTLED = f"""() => {{
  const app = document.querySelector("{APP}");
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector("[data-stale='true']")
    && !document.querySelector("{APP} [data-testid='stSkeleton']");
}}"""


# --- what the app declares ------------------------------------------------------------------------------


def dashboard_pages() -> list[tuple[str, str, str, bool]]:
    """The PAGES list of dashboard.py, read from its source (pages are being added), keeping only the pages
    whose file exists, as the entry point itself does."""
    tree = ast.parse((paths.ROOT / "dashboard.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "PAGES" for t in node.targets)
                and isinstance(node.value, ast.List)):
            pages = ast.literal_eval(node.value)
            return [page for page in pages if (paths.ROOT / page[0]).is_file()]
    raise AssertionError("dashboard.py has no literal `PAGES = [...]` list any more; update dashboard_pages()")


@pytest.fixture(scope="package")
def province_names(built_db: Path) -> dict[str, dict[str, str]]:
    """Province names by language and ascii id, as the filter pills show them."""
    with connect_readonly(built_db) as con:
        places = run_query(con, "jurisdictions")
    return {"vi": dict(zip(places["jurisdiction"], places["name_vi"])),
            "en": dict(zip(places["jurisdiction"], places["name_en"]))}


# --- the server and the browser -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="package")
def chromium():
    """One headless Chromium for the whole browser suite. Missing Chromium: skip, but fail when CI=true."""
    if not os.access(CHROMIUM, os.X_OK):
        message = (f"{CHROMIUM} not found: the real-browser tests need Debian's Chromium "
                   "(apt-get install chromium fonts-liberation, which `make test` does when run as root)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true, so the browser tests must run, but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def run_server(database: Path, log_dir: Path) -> Iterator[str]:
    """The real app (`streamlit run dashboard.py`) on a free loopback port, reading `database`."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = log_dir / "server.log"
    env = {**os.environ, "DASHBOARD_DB": str(database)}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               # others edit the tree while tests run: a changed file must not put a "rerun?" banner on screen
               "--server.fileWatcherType", "none"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=paths.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
                pytest.fail(f"the Streamlit server did not come up on {url} (exit code {process.poll()}); "
                            f"its output:\n{tail}", pytrace=False)
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="package")
def streamlit_server(chromium, built_db: Path, tmp_path_factory) -> Iterator[str]:
    """The real app on the test database."""
    with run_server(built_db, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


def new_context(browser, **options):
    """A browser context at 1280×720 that accepts downloads, with both run counters installed."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, **options)
    context.add_init_script(RUN_COUNTER_SCRIPT)
    context.on("page", watch_runs)
    context.set_default_timeout(FIRST_LOAD_MS)
    return context


def watch_runs(page) -> None:
    """Count the runs the server reports finished to this tab: every `script_finished` message on its
    websockets. The DOM counter alone can miss a run: on a busy machine the browser may apply a whole short run's
    messages in one render, so the app root never shows "running" (CI once waited 60 s for a run that had
    happened). Idempotent; the count survives reloads (each new socket is watched too)."""
    if getattr(page, "_st_watched", False):
        return
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    page._st_watched, page._st_finished = True, 0

    def on_frame(payload) -> None:
        if isinstance(payload, (bytes, bytearray)):
            try:
                finished = ForwardMsg.FromString(bytes(payload)).WhichOneof("type") == "script_finished"
            except Exception:  # noqa: BLE001 - not a message of ours to judge
                return
            if finished:
                page._st_finished += 1

    page.on("websocket", lambda socket: socket.on("framereceived", on_frame))


@pytest.fixture(scope="package")
def shared_context(chromium):
    """The context most tests share (its HTTP cache keeps Streamlit's bundles between tests)."""
    context = new_context(chromium)
    yield context
    context.close()


@pytest.fixture(scope="package")
def base_url(streamlit_server: str, shared_context) -> str:
    """The server's address, after one visit of "/" that fills the shared context's cache with Streamlit's bundles
    (what a first request straight to a deep link shows is tested on a server of its own: test_deep_link.py)."""
    page = shared_context.new_page()
    try:
        open_page(page, streamlit_server, "")
    finally:
        page.close()
    return streamlit_server


@pytest.fixture
def page(shared_context, base_url):
    """A new tab in the shared context, closed after the test."""
    tab = shared_context.new_page()
    yield tab
    tab.close()


@pytest.fixture
def fresh_context(chromium, base_url):
    """A brand-new context (no cookies, no storage, no cache): what someone opening a shared link has."""
    context = new_context(chromium)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    yield context
    context.close()


# --- waiting for Streamlit ------------------------------------------------------------------------------


def page_url(base_url: str, path: str, params: dict | list | None = None) -> str:
    query = urlencode(params or {}, doseq=True)
    return f"{base_url}/{path}" + (f"?{query}" if query else "")


def wait_until_settled(page, timeout: float = FIRST_LOAD_MS) -> None:
    """The app script has run (not "initial") and is not running now; the socket is connected; no stale
    elements of an earlier run and no placeholders of widgets still loading are left on screen."""
    page.wait_for_function(_SETTLED, timeout=timeout)


def open_page(page, base_url: str, path: str, params: dict | list | None = None, title: str | None = None,
              timeout: float = FIRST_LOAD_MS):
    """Load a page by its path and query and wait until it has finished running and shows its h1."""
    return open_url(page, page_url(base_url, path, params), title, timeout)


def open_url(page, url: str, title: str | None = None, timeout: float = FIRST_LOAD_MS):
    """Load a URL of the app and wait until the app has finished running and shows its h1 (`title`, if given)."""
    watch_runs(page)
    page.goto(url, timeout=timeout)
    wait_until_settled(page, timeout)
    heading = page.locator(f"{APP} h1").first
    heading.wait_for(state="visible", timeout=timeout)
    if title is not None:
        page.wait_for_function("(t) => [...document.querySelectorAll('h1')].some(h => h.innerText.trim() === t)",
                               arg=title, timeout=timeout)
    return page


@contextlib.contextmanager
def rerun(page, timeout: float = FIRST_LOAD_MS):
    """`with rerun(page): click()` returns once a run started after the click has finished: the server has reported
    a run finished since (or the app root was seen running), and the page has settled."""
    watch_runs(page)
    finished, started = page._st_finished, page.evaluate("window.__stRuns")
    yield
    deadline = time.monotonic() + timeout / 1000
    while page._st_finished <= finished and page.evaluate("window.__stRuns") <= started:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no run of the app finished within {timeout / 1000:.0f} s of the action")
        page.wait_for_timeout(25)  # lets Playwright deliver the socket's messages while we wait
    wait_until_settled(page, max(1.0, (deadline - time.monotonic()) * 1000))


def wait_for_charts(page, timeout: float = FIRST_LOAD_MS) -> int:
    """Every Plotly chart on screen has drawn its SVG (charts in a tab not shown are left alone), and no
    placeholder of a component still loading is left; returns how many charts the page holds."""
    page.wait_for_function("""() =>
        !document.querySelector("[data-testid^='stSkeleton'], [data-testid='stAppSkeleton']")
        && [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
          .filter(c => c.getClientRects().length > 0)
          .every(c => { const s = c.querySelector('.main-svg'); return s && s.getBoundingClientRect().width > 0; })""",
                           timeout=timeout)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page.locator("[data-testid='stPlotlyChart']").count()


def wait_for_tables(page, expected: int, timeout: float = FIRST_LOAD_MS) -> None:
    """`expected` st.tables are on the page and each has drawn its rows (a long table of Markdown cells takes the
    browser a moment after the app has finished running)."""
    page.wait_for_function("""(n) => {
        const tables = [...document.querySelectorAll("[data-testid='stTable']")];
        return tables.length === n && tables.every(t => t.querySelector('tbody tr'));
    }""", arg=expected, timeout=timeout)


def problems_on_screen(page) -> list[str]:
    """What a reader would see as broken: exceptions, error boxes, dialogs such as "Page not found"."""
    found = []
    for selector, what in (("[data-testid='stException']", "an exception"),
                           ("[data-testid='stDialog']", "a dialog"),
                           ("[data-testid='stAlertContentError']", "an error box")):
        texts = page.locator(selector).all_inner_texts()
        found += [f"{what}: {text.strip()[:300]}" for text in texts]
    if page.get_by_text("Page not found").count():
        found.append('"Page not found"')
    return found


def query_pairs(url: str) -> list[tuple[str, str]]:
    """The query of a URL as sorted (key, value) pairs: equal lists mean the same view, whatever the order."""
    return sorted(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def province_pill(page, name: str):
    """The pill of the province filter (?j=…) that shows exactly `name`."""
    return page.locator(".st-key-j [data-testid='stButtonGroup'] button").filter(
        has=page.get_by_text(name, exact=True))


def chart_texts(page, key: str, selector: str = "text") -> list[str]:
    """Texts of the SVG of the chart drawn with `key` (ui.chart_block's key, e.g. "de_share")."""
    chart = page.locator(f".st-key-{key} [data-testid='stPlotlyChart']")
    chart.locator(".main-svg").first.wait_for(state="attached")
    return [t.strip() for t in chart.locator(f"svg {selector}").evaluate_all("els => els.map(e => e.textContent)")]
