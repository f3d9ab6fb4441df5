"""Every label exists in both languages, and every key the code uses is defined."""
from __future__ import annotations

import re

from provdash import paths
from provdash.i18n import texts


def test_every_text_has_vietnamese_and_english():
    incomplete = [k for k, v in texts().items() if not (isinstance(v, dict) and v.get("vi") and v.get("en"))]
    assert not incomplete, f"texts missing a language: {incomplete}"


def test_placeholders_match_between_languages():
    for key, value in texts().items():
        assert set(re.findall(r"{(\w+)}", value["vi"])) == set(re.findall(r"{(\w+)}", value["en"])), key


def test_every_key_used_in_code_is_defined():
    used = set()
    for path in [paths.ROOT / "dashboard.py", *paths.PAGES_DIR.glob("*.py"),
                 *(paths.ROOT / "provdash").rglob("*.py")]:
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    used = {key for key in used if not key.endswith("_")}  # prefixes of keys built at run time
    missing = sorted(used - texts().keys())
    assert not missing, f"text keys used but not defined in provdash/texts/*.yaml: {missing}"


def test_percent_signs_follow_each_languages_number_style():
    """Numbers written into the texts follow what Babel prints for figures beside them: "20 %" in Vietnamese,
    "20%" in English (the intro once said "20 % (2025)" above a chart reading "29.53%")."""
    english = [k for k, v in texts().items() if re.search(r"\d %", v["en"])]
    vietnamese = [k for k, v in texts().items() if re.search(r"\d%", v["vi"])]
    assert not english, f"English texts with a space before %: {english}"
    assert not vietnamese, f"Vietnamese texts without a space before %: {vietnamese}"
