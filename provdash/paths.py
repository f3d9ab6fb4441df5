"""Where things live. Every other module asks here instead of building paths itself.

The database path can be pointed elsewhere with DASHBOARD_DB (e.g. a synthetic national-scale file);
the seed articles, which are not part of the repository, with SEEDS_DIR.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
# The page scripts. Not "pages/": Streamlit treats a folder of that name beside the entry point as an old-style
# page list and runs the first session after a server start through it, so a deep link first shows "Page not found".
PAGES_DIR = ROOT / "app_pages"
PROGRESS_CONFIG = ROOT / "config" / "progress.yaml"
SCHEMA_FILE = Path(__file__).resolve().parent / "schema.sql"
DEFAULT_DB = DATA_DIR / "indicators.duckdb"


def db_path() -> Path:
    """The database the app reads: $DASHBOARD_DB, else data/indicators.duckdb."""
    configured = os.environ.get("DASHBOARD_DB", "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DB


def seeds_dir() -> Path:
    """The folder holding the five seed articles (outside the repository)."""
    configured = os.environ.get("SEEDS_DIR", "").strip()
    return Path(configured) if configured else ROOT.parent / "shared" / "seeds"
