"""Every label the dashboard shows, in Vietnamese (default) and English.

Texts live in provdash/texts/*.yaml (common.yaml plus one file per page), each key with `vi` and `en`.
`t(key, lang, **values)` looks a text up and fills its {placeholders}. A test checks that every key has both
languages and that no key is defined twice. Data labels (indicator titles, names) come from the database.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
TEXTS_DIR = Path(__file__).resolve().parent / "texts"


@lru_cache(maxsize=1)
def texts() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(TEXTS_DIR.glob("*.yaml")):
        for key, value in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined twice (again in {path.name})")
            merged[key] = value
    return merged


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang` (Vietnamese when the language is unknown)."""
    entry = texts()[key]
    text = entry["en"] if lang == "en" else entry["vi"]
    return text.format(**values) if values else text


def has_text(key: str) -> bool:
    return key in texts()


def normalise_language(value: object) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
