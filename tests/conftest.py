"""Shared test set-up: one database built from the real curated files, used by every test that reads."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from provdash import build, paths

ROOT = paths.ROOT
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """data/ built into a temporary database; DASHBOARD_DB points at it for the whole session."""
    target = tmp_path_factory.mktemp("db") / "indicators.duckdb"
    build.build(target=target)
    os.environ["DASHBOARD_DB"] = str(target)
    return target


def digest(path: Path) -> str:
    """A file's content digest: equal before and after means the file was not written."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of the curated files, for tests that break them."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target, ignore=shutil.ignore_patterns("*.duckdb*", "audit*"))
    return target


@pytest.fixture
def store(data_copy, tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A scratch copy of the curated files and a database built from it, both what the app reads (for tests that
    save or import); wrong secrets are not slowed down here."""
    from provdash import curation

    target = tmp_path / "indicators.duckdb"
    build.build(data_copy, target)
    monkeypatch.setattr(paths, "DATA_DIR", data_copy)
    monkeypatch.setenv("DASHBOARD_DB", str(target))
    monkeypatch.setattr(curation.time, "sleep", lambda seconds: None)
    return data_copy, target


def seeds_available() -> bool:
    return paths.seeds_dir().is_dir()


def open_app_page(page: str, /, *, check_entry: bool = False, **query):
    """AppTest of the whole app (entry point, language, navigation) switched to `page`, with URL parameters,
    as a browser would open it: entry point first, then a click in the sidebar."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if check_entry:
        assert not at.exception
    return at.switch_page(page).run()


def only_our_html(at) -> bool:
    """Every HTML element on the page is one of ours, written in code with no data or URL text in it: the static
    style sheets (readable captions, presenter mode) and the script declaring the page's language."""
    from provdash import present, ui

    ours = {ui.LANGUAGE_SCRIPT.format(lang=lang) for lang in ("vi", "en")}
    ours |= {present.READABLE_CSS, present.READABLE_CSS + present.PRESENTER_CSS}
    return {h.proto.body.strip() for h in at.get("html")} <= {html.strip() for html in ours}
