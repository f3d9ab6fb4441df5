"""One page of the dashboard measured with AppTest, in a process of its own (bench/run.py starts it).

    DASHBOARD_DB=... python -m bench.apptest_worker --page app_pages/overview.py --reruns 9 [--profile out.prof]

Prints one JSON object: the empty page's median rerun and the page's cold run and median warm rerun (both
measured in this same process, so the ratio cancels what the process and the machine add), the bytes of
figure JSON the page sends, and any exception. A process per page keeps one page that needs too much memory
from taking the others with it: the parent watches this process and stops it past its limits.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def timed_runs(at: AppTest, reruns: int) -> list[float]:
    times = []
    for _ in range(reruns):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return times


def empty_page_rerun(reruns: int, timeout: float, script: str = "empty_page.py") -> float:
    at = AppTest.from_file(str(ROOT / "bench" / script), default_timeout=timeout)
    at.run()
    return statistics.median(timed_runs(at, reruns))


def chart_bytes(at: AppTest) -> tuple[int, int]:
    specs = [chart.proto.spec for chart in at.get("plotly_chart")]
    return len(specs), sum(len(spec.encode("utf-8")) for spec in specs)


@contextmanager
def profiled_script_runs(target: Path):
    """cProfile the page's script, which Streamlit runs in a thread of its own, for every run in the block."""
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    profiler = cProfile.Profile()
    original = ScriptRunner._run_script

    def run_script(self, rerun_data):
        profiler.enable()
        try:
            return original(self, rerun_data)
        finally:
            profiler.disable()

    ScriptRunner._run_script = run_script
    try:
        yield
    finally:
        ScriptRunner._run_script = original
        profiler.dump_stats(str(target))


def measure(page: str, reruns: int, timeout: float, profile: Path | None) -> dict:
    result: dict = {"page": page}
    result["empty_rerun_s"] = empty_page_rerun(reruns, timeout)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=timeout)
    at.run()
    at.switch_page(page)
    started = time.perf_counter()
    at.run()  # cold: queries run, caches fill
    result["cold_s"] = time.perf_counter() - started
    result["exception"] = [str(e.value)[:300] for e in at.exception]
    at.run()  # warm-up rerun
    if profile:
        with profiled_script_runs(profile):
            warm = timed_runs(at, reruns)
    else:
        warm = timed_runs(at, reruns)
    result["warm_s"] = statistics.median(warm)
    result["warm_all_s"] = warm
    result["charts"], result["chart_bytes"] = chart_bytes(at)
    result["exception"] += [str(e.value)[:300] for e in at.exception]
    # Same rerun measured once more after the page: the machine is noisy, so keep the lower of the two.
    result["empty_rerun_after_s"] = empty_page_rerun(reruns, timeout)
    # For reading P1: the smallest app with one filter and one Plotly chart (bench/minimal_app.py), same process.
    result["one_chart_rerun_s"] = empty_page_rerun(reruns, timeout, "minimal_app.py")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", required=True)
    parser.add_argument("--reruns", type=int, default=9)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.page, args.reruns, args.timeout, args.profile)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
