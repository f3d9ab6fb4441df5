"""Streamlit glue shared by every page: the database connection and query caches, the language switch.

Pages call `query(name, **params)` and never touch DuckDB or SQL themselves. One read-only connection per
database file lives under `st.cache_resource`; each query runs on its own cursor; results are cached by
(database version, query name, parameters). A rebuilt database has a new version, so caches never serve a
mix of old and new data.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from provdash import build, paths
from provdash.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from provdash.queries import connect_readonly, run_query


def database_version(path: Path | None = None) -> tuple[str, int, int]:
    """Identity of the database file now on disk: its path, modification time and size."""
    target = path or paths.db_path()
    stat = target.stat()
    return (str(target), stat.st_mtime_ns, stat.st_size)


@st.cache_resource(show_spinner=False)
def _startup_check(target: str) -> tuple[str, str]:
    """Once per server and database path: rebuild the database when it is missing or unreadable."""
    path = Path(target)
    if build.database_is_usable(path):
        return ("ok", "")
    try:
        build.build(target=path)
    except build.BuildError as err:
        return ("failed", "\n".join(f"- {p}" for p in err.problems[:20]))
    except Exception as err:  # reported on screen in plain words
        return ("failed", f"- {type(err).__name__}: {err}")
    return ("rebuilt", "")


def ensure_database(lang: str) -> bool:
    """Make sure a usable database exists; tell the user when it had to be rebuilt. False when unusable."""
    target = paths.db_path()
    status, detail = _startup_check(str(target))
    if status == "ok" and not build.database_is_usable(target):
        _startup_check.clear()
        status, detail = _startup_check(str(target))
    if status == "rebuilt":
        st.toast(t("db_rebuilt", lang))
        st.info(t("db_rebuilt", lang))
    elif status == "failed":
        st.error(t("db_failed", lang) + "\n\n" + detail)
        return False
    return True


@st.cache_resource(show_spinner=False, max_entries=2)
def _connection(version: tuple[str, int, int]) -> duckdb.DuckDBPyConnection:
    return connect_readonly(Path(version[0]))


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(version: tuple[str, int, int], name: str, params: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    return run_query(_connection(version), name, **dict(params))


def query(name: str, **params: object) -> pd.DataFrame:
    """Result of queries/<name>.sql with bound parameters. Returns a copy: never mutate cached data."""
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    result = _cached_query(database_version(), name, frozen)
    return result.copy()


def language_switch() -> str:
    """The language switch (entry point only), kept in the URL as ?lang=en; Vietnamese by default."""
    if st.session_state.get("lang") not in LANGUAGES:
        st.session_state.pop("lang", None)
    return st.sidebar.segmented_control(
        "Ngôn ngữ / Language", options=list(LANGUAGES), default=DEFAULT_LANGUAGE,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
        key="lang", bind="query-params", required=True,
    ) or DEFAULT_LANGUAGE


def lang() -> str:
    """The language chosen by the switch, for pages."""
    value = st.session_state.get("lang")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def planner_secret() -> str | None:
    """The planner secret from the environment or st.secrets; None when writing is not configured."""
    secret = os.environ.get("PLANNER_SECRET", "")
    if not secret:
        try:
            secret = str(st.secrets.get("planner_secret", ""))
        except Exception:  # no secrets file at all
            secret = ""
    return secret or None
