"""`make bench`: every performance target of the issue "Performance at national scale", measured in one run.

    python -m bench [--sizes 1000000,10000000] [--reruns 9] [--pages app_pages/overview.py,...] [--no-browser]

P1  each page's warm rerun (AppTest) ÷ an empty Streamlit page's rerun in the same process      ≤ 5×
P2  each page's warm rerun on 1 M and on 10 M rows ÷ the same on the shipped data               ≤ 1.5× and ≤ 3×
P3  bytes of figure JSON a page sends, at 10 M rows                                              ≤ 300 KB
P4  a filter change in headless Chromium until the chart has redrawn ÷ the same on a minimal app  ≤ 1.2×
P5  `make db` at the shipped size                                                                 ≤ 2 s
    extractor throughput on Vietnamese text (when provdash/extract exists)                        ≥ 2 MB/s

Ratios, not absolute times: the machine is shared and noisy. The shipped database is built afresh into
bench/.cache/; the synthetic ones (provdash.scale_db) are generated there when missing or stale. Each page is
measured in a process of its own, which is stopped past --page-timeout or --memory-limit-gb (a page that
loads ten million rows into pandas must not take the machine down with it); such a page is reported as not
finished, with why. Prints the table and writes bench/results.md.
"""
from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import importlib.util
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results.md"
SEED = 0

TARGET_P1 = 5.0
TARGET_P2 = {1_000_000: 1.5, 10_000_000: 3.0}
TARGET_P3_BYTES = 300 * 1024
TARGET_P4 = 1.2
TARGET_P5_DB_S = 2.0
TARGET_P5_MB_S = 2.0


# --- what is measured ------------------------------------------------------------------------------------------

def dashboard_pages() -> list[tuple[str, str]]:
    """(file, url path) of every page in dashboard.PAGES whose file exists now (pages are still being added)."""
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "PAGES" for t in node.targets):
            try:
                pages = ast.literal_eval(node.value)
            except ValueError:
                continue
            return [(page[0], page[2]) for page in pages if (ROOT / page[0]).is_file()]
    raise RuntimeError("dashboard.py has no literal PAGES list")


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                     if line.startswith("MemTotal"))
    versions = {name: _version(name) for name in ("streamlit", "duckdb", "pandas", "plotly", "playwright")}
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(len(os.sched_getaffinity(0))),
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "cpu": cpu,
        "load average (1/5/15 min) at start": " ".join(f"{v:.1f}" for v in os.getloadavg()),
        "python": platform.python_version(),
        **versions,
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


# --- databases -------------------------------------------------------------------------------------------------

def build_shipped(target: Path) -> tuple[float, float]:
    """`make db` into `target` (not into data/, which others are reading): (wall seconds, CPU seconds), the
    interpreter's start included, as whoever runs `make db` waits for it. On a shared machine the CPU time is
    the better estimate of the wall time on an idle one."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "provdash.build", "--out", str(target)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cached_tag(path: Path) -> str | None:
    import duckdb

    from provdash import build

    if not build.database_is_usable(path):
        return None
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT value FROM build_info WHERE key = 'synthetic'").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def scaled_database(rows: int, say) -> tuple[Path, str]:
    """bench/.cache/rows-N.duckdb, generated when missing or stale. Returns the path and how it was obtained."""
    path = CACHE / f"rows-{rows}.duckdb"
    from provdash import scale_db

    tag = scale_db.synthetic_tag(rows, SEED)
    if cached_tag(path) == tag:
        return path, "cached"
    say(f"generating {path.relative_to(ROOT)} …")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "provdash.scale_db", "--rows", str(rows), "--out", str(path),
                           "--seed", str(SEED)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"scale_db failed: {done.stderr[-2000:]}")
    peak = re.search(r"peak memory (\d+) MB", done.stdout)
    note = (f"generated in {time.perf_counter() - started:.0f} s, {path.stat().st_size / 1e6:.0f} MB on disk"
            + (f", peak memory {peak.group(1)} MB" if peak else ""))
    say(note)
    return path, note


# --- pages in AppTest, one process each ------------------------------------------------------------------------

@dataclass
class PageRun:
    page: str
    database: str
    empty_s: float | None = None
    one_chart_s: float | None = None
    cold_s: float | None = None
    warm_s: float | None = None
    charts: int = 0
    chart_bytes: int = 0
    peak_rss_mb: float = 0.0
    failure: str = ""
    exceptions: list[str] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return self.warm_s is not None


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_page(page: str, database: Path, reruns: int, timeout_s: float, memory_limit_gb: float,
             profile: Path | None = None) -> PageRun:
    """bench/apptest_worker.py for one page and one database, watched for time and memory."""
    run = PageRun(page, database.name)
    env = {**os.environ, "DASHBOARD_DB": str(database), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "bench.apptest_worker", "--page", page, "--reruns", str(reruns),
               "--timeout", str(timeout_s)]
    if profile:
        command += ["--profile", str(profile)]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + timeout_s
    while process.poll() is None:
        run.peak_rss_mb = max(run.peak_rss_mb, _rss_mb(process.pid))
        if run.peak_rss_mb > memory_limit_gb * 1024:
            run.failure = f"stopped: memory over {memory_limit_gb:g} GB"
        elif time.monotonic() > deadline:
            run.failure = f"stopped: over {timeout_s:.0f} s"
        if run.failure:
            process.kill()
            process.wait()
            return run
        time.sleep(0.2)
    out, err = process.communicate()
    if process.returncode != 0:
        run.failure = f"worker failed: {err.strip().splitlines()[-1] if err.strip() else process.returncode}"
        return run
    data = json.loads(out.strip().splitlines()[-1])
    run.empty_s = min(data["empty_rerun_s"], data["empty_rerun_after_s"])
    run.one_chart_s = data.get("one_chart_rerun_s")
    run.cold_s, run.warm_s = data["cold_s"], data["warm_s"]
    run.charts, run.chart_bytes = data["charts"], data["chart_bytes"]
    run.exceptions = data["exception"]
    return run


# --- P5 ----------------------------------------------------------------------------------------------------------

EXTRACTOR_FUNCTIONS = ("extract_candidates", "extract", "candidates", "extract_text", "extract_article")


def extractor_throughput(min_bytes: int = 4_000_000) -> tuple[float | None, str]:
    """MB/s of Vietnamese article text through provdash.extract's pure function, or None and why not."""
    if importlib.util.find_spec("provdash.extract") is None:
        return None, "provdash/extract does not exist yet: skipped"
    from provdash import paths

    module = importlib.import_module("provdash.extract")
    function = next((getattr(module, n) for n in EXTRACTOR_FUNCTIONS if callable(getattr(module, n, None))), None)
    if function is None:
        return None, f"provdash.extract has none of {', '.join(EXTRACTOR_FUNCTIONS)}: skipped"
    articles = [p.read_text(encoding="utf-8") for p in sorted(paths.seeds_dir().glob("*.txt"))]
    if not articles:
        return None, f"no seed articles in {paths.seeds_dir()}: skipped"
    done, started, cpu_started = 0, time.perf_counter(), time.process_time()
    try:
        while done < min_bytes:
            for text in articles:
                function(text)
                done += len(text.encode("utf-8"))
    except TypeError as err:
        return None, f"provdash.extract.{function.__name__}(text) is not how it is called ({err}): skipped"
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return done / 1e6 / cpu, (f"provdash.extract.{function.__name__}(text) over the {len(articles)} seed articles "
                              f"repeated, {done / 1e6:.1f} MB; per CPU second ({done / 1e6 / wall:.1f} MB/s of wall time)")


# --- report ------------------------------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("holds" if ok else "**fails**")


def fmt_ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def fmt_kb(value: int | None) -> str:
    return "–" if value is None else f"{value / 1024:.0f} KB"


def page_note(run: PageRun) -> str:
    if run.failure:
        return f"{run.failure} (peak {run.peak_rss_mb / 1024:.1f} GB)"
    if run.exceptions:
        return "exception: " + run.exceptions[0][:120]
    return ""


def report(info: dict, pages: list[tuple[str, str]], runs: dict[tuple[str, str], PageRun], sizes: list[int],
           databases: dict[str, str], browser: dict[str, dict | str], p5: dict, command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}` (bench/run.py). Ratios, not absolute times: the machine is shared and its load",
        "changes from minute to minute. Targets from the issue \"Performance at national scale\".",
        "",
        "## Machine",
        "",
        "| | |", "|---|---|",
        *[f"| {k} | {v} |" for k, v in info.items()],
        "",
        "## Databases",
        "",
        "| database | how |", "|---|---|",
        *[f"| {name} | {how} |" for name, how in databases.items()],
        "",
        "## P1–P3: pages (AppTest, median of warm reruns, one process per page and database, the faster of two rounds)",
        "",
    ]
    head = ["page", "warm rerun shipped (ms)", "empty page (ms)", "P1 ÷ empty (≤ 5×)", "one-chart app ÷ empty"]
    for rows in sizes:
        head += [f"P2 {rows // 1_000_000} M ÷ shipped (≤ {TARGET_P2.get(rows, 3.0):g}×)"]
    largest = max(sizes) if sizes else None
    head += [f"P3 chart JSON at {largest // 1_000_000 if largest else '–'} M (≤ 300 KB)", "notes"]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for page, _ in pages:
        shipped = runs.get((page, "shipped"))
        cells = [f"`{page}`"]
        p1 = shipped.warm_s / shipped.empty_s if shipped and shipped.finished else None
        cells += [f"{shipped.warm_s * 1000:.0f}" if shipped and shipped.finished else "–",
                  f"{shipped.empty_s * 1000:.0f}" if shipped and shipped.finished else "–",
                  f"{fmt_ratio(p1)} {verdict(None if p1 is None else p1 <= TARGET_P1)}",
                  fmt_ratio(shipped.one_chart_s / shipped.empty_s if shipped and shipped.one_chart_s and shipped.empty_s
                            else None)]
        notes = [page_note(shipped)] if shipped and page_note(shipped) else []
        for rows in sizes:
            run = runs.get((page, str(rows)))
            ratio = run.warm_s / shipped.warm_s if run and run.finished and shipped and shipped.finished else None
            target = TARGET_P2.get(rows, 3.0)
            ok = None if ratio is None else ratio <= target
            if run and not run.finished:
                ok = False
            cells.append(f"{fmt_ratio(ratio)} {verdict(ok)}")
            if run and page_note(run):
                notes.append(f"{rows // 1_000_000} M: {page_note(run)}")
        big = runs.get((page, str(largest))) if largest else None
        size = big.chart_bytes if big and big.finished else None
        ok = None if big is None else (size is not None and size <= TARGET_P3_BYTES)
        cells.append(f"{fmt_kb(size)} {verdict(ok)}")
        cells.append("; ".join(notes))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "\"one-chart app ÷ empty\": bench/minimal_app.py (one pills filter and one small Plotly chart, nothing "
              "else) measured the same way in the same process: what a single chart costs Streamlit on every rerun "
              "(figure to dict and JSON, element hashing), for reading P1.", "",
              "Absolute warm reruns (ms) and cold first runs (s), for the record:", "",
              "| page | " + " | ".join(["shipped"] + [f"{r // 1_000_000} M" for r in sizes]) + " |",
              "|---|" + "---|" * (len(sizes) + 1)]
    for page, _ in pages:
        cells = []
        for key in ["shipped"] + [str(r) for r in sizes]:
            run = runs.get((page, key))
            cells.append(f"{run.warm_s * 1000:.0f} ms warm, {run.cold_s:.1f} s cold, {run.charts} charts, "
                         f"{fmt_kb(run.chart_bytes)}, peak {run.peak_rss_mb:.0f} MB"
                         if run and run.finished else (page_note(run) if run else "–"))
        lines.append(f"| `{page}` | " + " | ".join(cells) + " |")
    lines += ["", "## P4: a filter change in headless Chromium until the chart has redrawn (≤ 1.2×)", "",
              "Digital-economy page, province pills; minimal app: bench/minimal_app.py (one pills filter, one chart). "
              "Median of 7 changes after 2 warm-up changes.", "",
              "| database | dashboard (ms) | minimal app (ms) | ratio | first load of the page (s) |",
              "|---|---|---|---|---|"]
    for name, result in browser.items():
        if isinstance(result, str):
            lines.append(f"| {name} | {result} | | | |")
        else:
            lines.append(f"| {name} | {result['dashboard_s'] * 1000:.0f} | {result['minimal_s'] * 1000:.0f} | "
                         f"{fmt_ratio(result['ratio'])} {verdict(result['ratio'] <= TARGET_P4)} | "
                         f"{result['dashboard_first_load_s']:.1f} |")
    if any(isinstance(r, dict) and r.get("page_not_found_dialog") for r in browser.values()):
        lines += ["", "Opening `/kinh_te_so` directly showed Streamlit's \"Page not found\" dialog over the right "
                      "page; the benchmark closes it before measuring."]
    extractor = "–" if p5["mb_s"] is None else f"{p5['mb_s']:.1f} MB/s"
    lines += ["", "## P5: build and extractor", "",
              "| what | measured | target | |", "|---|---|---|---|",
              f"| `make db` at the shipped size (CPU time, median of 3; wall time {p5['db_wall_s']:.2f} s) "
              f"| {p5['db_s']:.2f} s | ≤ 2 s | "
              f"{verdict(p5['db_s'] <= TARGET_P5_DB_S)} |",
              f"| extractor throughput | {extractor} | ≥ 2 MB/s | "
              f"{verdict(None if p5['mb_s'] is None else p5['mb_s'] >= TARGET_P5_MB_S)} {p5['note']} |",
              ""]
    return "\n".join(lines)


# --- main --------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the performance targets and write bench/results.md.")
    parser.add_argument("--sizes", default="1000000,10000000", help="synthetic sizes, comma-separated")
    parser.add_argument("--reruns", type=int, default=25, help="warm reruns per page (median; at least 7)")
    parser.add_argument("--pages", default="", help="only these page files, comma-separated")
    parser.add_argument("--no-browser", action="store_true", help="skip P4")
    parser.add_argument("--page-timeout", type=float, default=600, help="seconds per page and database")
    parser.add_argument("--memory-limit-gb", type=float, default=8, help="stop a page's process past this")
    parser.add_argument("--profile-dir", type=Path, default=None, help="cProfile every page at the largest size")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if args.reruns < 7:
        parser.error("--reruns must be at least 7")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    CACHE.mkdir(parents=True, exist_ok=True)
    info = machine()
    pages = dashboard_pages()
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [p for p in pages if p[0] in wanted]

    # P5 first, while nothing else of ours runs.
    shipped = CACHE / "shipped.duckdb"
    db_times = [build_shipped(shipped) for _ in range(3)]
    mb_s, note = extractor_throughput()
    p5 = {"db_wall_s": statistics.median(t[0] for t in db_times), "db_s": statistics.median(t[1] for t in db_times),
          "mb_s": mb_s, "note": note}
    say(f"P5: make db {p5['db_s']:.2f} s CPU ({p5['db_wall_s']:.2f} s wall); extractor: {mb_s} MB/s {note}")

    databases = {"shipped.duckdb": f"`python -m provdash.build` (the curated data, {_count(shipped)} values)"}
    paths_by_key: dict[str, Path] = {"shipped": shipped}
    for rows in sizes:
        path, how = scaled_database(rows, say)
        paths_by_key[str(rows)] = path
        databases[path.name] = f"`python -m provdash.scale_db --rows {rows} --seed {SEED}`: {how}"

    # Each page on every database one after the other, twice (the second time in the opposite order), keeping
    # the faster run of the two: load from others on this shared machine only ever adds time, and a page's
    # measurements on the three databases are minutes apart at most, so their ratio compares like with like.
    runs: dict[tuple[str, str], PageRun] = {}
    largest = str(max(sizes, default=0))
    for page, _ in pages:
        for round_keys in (list(paths_by_key), list(reversed(paths_by_key))):
            for key in round_keys:
                if (page, key) in runs and not runs[(page, key)].finished:
                    continue  # a page that could not finish on this database is not run on it again
                profile = (args.profile_dir / f"{Path(page).stem}-{key}.prof"
                           if args.profile_dir and key == largest else None)
                if profile:
                    args.profile_dir.mkdir(parents=True, exist_ok=True)
                run = run_page(page, paths_by_key[key], args.reruns, args.page_timeout, args.memory_limit_gb, profile)
                say(f"{key:>9} {page:32} " + (f"warm {run.warm_s * 1000:7.0f} ms  empty {run.empty_s * 1000:5.0f} ms  "
                                               f"charts {run.chart_bytes / 1024:6.0f} KB" if run.finished else run.failure))
                earlier = runs.get((page, key))
                if earlier is None or (run.finished and run.warm_s < earlier.warm_s):
                    runs[(page, key)] = run

    browser: dict[str, dict | str] = {}
    if not args.no_browser:
        from bench import browser as browser_bench

        for key in ["shipped", str(max(sizes))] if sizes else ["shipped"]:
            name = paths_by_key[key].name
            try:
                browser[name] = browser_bench.measure(paths_by_key[key])
                say(f"P4 {name}: {browser[name]}")
            except Exception as err:  # reported in the table, the rest of the results still written
                browser[name] = f"not measured: {type(err).__name__}: {str(err).splitlines()[0][:150]}"
                say(f"P4 {name}: {browser[name]}")

    info["load average (1/5/15 min) at end"] = " ".join(f"{v:.1f}" for v in os.getloadavg())
    command = "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(info, pages, runs, sizes, databases, browser, p5, command.strip())
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


def _count(path: Path) -> int:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM observation_facts").fetchone()[0]
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
