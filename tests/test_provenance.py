"""Every value read from a seed article quotes it exactly, and the quote really states that value."""
from __future__ import annotations

import csv
import unicodedata

import pytest

from provdash import paths
from provdash.numbers import numbers_in
from tests.conftest import seeds_available

pytestmark = pytest.mark.skipif(not seeds_available(), reason="the seed articles (../shared/seeds) are not here")


def seed_rows():
    sources = {r["source_id"]: r for r in csv.DictReader((paths.DATA_DIR / "sources.csv").open(encoding="utf-8"))}
    with (paths.DATA_DIR / "observations.csv").open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            source = sources[row["source_id"]]
            if source["file"]:
                yield pytest.param(line, row, source["file"], id=f"line{line}-{row['indicator']}")


def article(file_name: str) -> str:
    return unicodedata.normalize("NFC", (paths.seeds_dir() / file_name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("line, row, file_name", list(seed_rows()))
def test_quote_is_in_its_article_and_states_the_value(line, row, file_name):
    quote = row["quote"]
    assert quote, f"observations.csv line {line}: a value from {file_name} needs a quote"
    assert quote in article(file_name), f"observations.csv line {line}: quote not found verbatim in {file_name}"
    stated = numbers_in(quote)
    value = float(row["value"])
    assert any(abs(n - value) < 1e-9 for n in stated), (
        f"observations.csv line {line}: value {value} is not a number stated in the quote {quote!r} ({stated})")


def test_quotes_are_short_spans_not_copied_text():
    """The articles are not copied into the repository: quotes stay short."""
    long_quotes = [r.values[1]["quote"] for r in seed_rows() if len(r.values[1]["quote"]) > 160]
    assert not long_quotes, f"quotes longer than 160 characters: {long_quotes}"
