"""The extractor on the five seed articles: precision and recall against hand labels, and every curated seed
value found again where its quote is.

Labels: tests/fixtures/extract/seed_labels.csv (how they were made: tests/fixtures/extract/README.md).
The figures are printed even without `pytest -s` (a per-article table and one "extractor seeds:" summary line).
"""
from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from provdash import paths
from provdash.extract import extract, read_document
from tests.conftest import seeds_available

pytestmark = pytest.mark.skipif(not seeds_available(),
                                reason=f"the seed articles are not here ({paths.seeds_dir()}); set SEEDS_DIR")

LABELS = Path(__file__).parent / "fixtures" / "extract" / "seed_labels.csv"
MIN_PRECISION = 0.9
MIN_RECALL = 0.9


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=None)
def _sources() -> dict[str, dict[str, str]]:
    """Seed file name → its row in data/sources.csv."""
    return {row["file"]: row for row in _rows(paths.DATA_DIR / "sources.csv") if row["file"]}


def _published(file_name: str) -> date | None:
    try:
        return date.fromisoformat(_sources()[file_name]["published"])
    except ValueError:                      # "2024-11": the day is not known
        return None


@lru_cache(maxsize=None)
def _extracted(file_name: str):
    document = read_document(paths.seeds_dir() / file_name)
    return document.text, tuple(extract(document.text, published=_published(file_name)))


def _key(value: float, unit_id: str) -> tuple[float, str]:
    return round(value, 6), unit_id


def _scores() -> dict[str, tuple[int, int, int]]:
    """Per seed file: (true positives, false positives, false negatives) on (value, unit id)."""
    labels: dict[str, Counter] = {}
    for row in _rows(LABELS):
        labels.setdefault(row["file"], Counter())[_key(float(row["value"]), row["unit_id"])] += 1
    scores = {}
    for file_name in sorted(_sources()):
        found = Counter(_key(c.number, c.unit_id) for c in _extracted(file_name)[1])
        expected = labels.get(file_name, Counter())
        hits = sum((found & expected).values())
        scores[file_name] = (hits, sum(found.values()) - hits, sum(expected.values()) - hits)
    return scores


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def test_labels_cover_every_seed_value_in_observations():
    labelled = Counter((r["file"], _key(float(r["value"]), r["unit_id"])) for r in _rows(LABELS))
    curated = Counter()
    for row in _rows(paths.DATA_DIR / "observations.csv"):
        source = next((s for s in _sources().values() if s["source_id"] == row["source_id"]), None)
        if source:
            curated[(source["file"], _key(float(row["value"]), row["unit"]))] += 1
    assert not curated - labelled, f"seed values curated but not labelled: {curated - labelled}"


def test_precision_and_recall_on_the_seeds(capsys):
    scores = _scores()
    lines = ["extractor on the seed articles: (value, unit) against tests/fixtures/extract/seed_labels.csv"]
    for file_name, (tp, fp, fn) in scores.items():
        lines.append(f"  {file_name}: {tp} found, {fp} not labelled, {fn} missed; "
                     f"precision {_ratio(tp, tp + fp):.3f}, recall {_ratio(tp, tp + fn):.3f}")
    tp, fp, fn = (sum(s[i] for s in scores.values()) for i in range(3))
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    summary = f"extractor seeds: precision {precision:.3f}, recall {recall:.3f} ({tp} found, {fp} extra, {fn} missed)"
    lines.append(summary)
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert precision >= MIN_PRECISION, summary
    assert recall >= MIN_RECALL, summary


def _curated_seed_rows():
    for line, row in enumerate(_rows(paths.DATA_DIR / "observations.csv"), start=2):
        source = next((s for s in _sources().values() if s["source_id"] == row["source_id"]), None)
        if source:
            yield pytest.param(line, row, source["file"], id=f"line{line}-{row['indicator']}")


@pytest.mark.parametrize("line, row, file_name", list(_curated_seed_rows()) if seeds_available() else [])
def test_every_curated_seed_value_is_found_at_its_quote(line, row, file_name):
    text, candidates = _extracted(file_name)
    quote_start = text.index(row["quote"])
    quote_end = quote_start + len(row["quote"])
    matches = [c for c in candidates
               if _key(c.number, c.unit_id) == _key(float(row["value"]), row["unit"])
               and c.start < quote_end and quote_start < c.end]
    assert matches, (f"observations.csv line {line}: {row['value']} {row['unit']} ({row['quote']!r}) not found in "
                     f"{file_name}; near it: {[(c.value, c.unit_id, c.quote) for c in candidates]}")


def test_suggested_indicators_agree_with_the_curated_ones(capsys):
    agree = disagree = blank = 0
    wrong = []
    for line, row, file_name in (p.values for p in _curated_seed_rows()):
        text, candidates = _extracted(file_name)
        quote_start = text.index(row["quote"])
        match = next(c for c in candidates if _key(c.number, c.unit_id) == _key(float(row["value"]), row["unit"])
                     and c.start < quote_start + len(row["quote"]) and quote_start < c.end)
        if not match.indicator:
            blank += 1
        elif match.indicator == row["indicator"]:
            agree += 1
        else:
            disagree += 1
            wrong.append((line, row["indicator"], match.indicator))
    summary = f"extractor seeds: indicator suggested and right {agree}, wrong {disagree}, blank {blank}"
    with capsys.disabled():
        print("\n" + summary + (f"; wrong: {wrong}" if wrong else ""))
    assert disagree <= 0.05 * (agree + disagree + blank), wrong


def test_spans_are_exact_and_outside_page_chrome():
    for file_name in _sources():
        text, candidates = _extracted(file_name)
        for c in candidates:
            assert text[c.start:c.end] == c.quote
            assert c.jurisdiction in ("thai_nguyen", "vinh_phuc"), (file_name, c)
