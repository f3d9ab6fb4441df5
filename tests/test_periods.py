"""Periods in both languages (provdash.periods): the English label made from the dates, and the one formatter
pages use. Pure functions, table tests and a property."""
from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from provdash.periods import english_label, label

VIETNAMESE_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)


@pytest.mark.parametrize("start, end, vietnamese, english", [
    # a calendar year; a deadline; a year a goal is set for
    (date(2024, 1, 1), date(2024, 12, 31), "năm 2024", "2024"),
    (date(2030, 1, 1), date(2030, 12, 31), "đến năm 2030", "by 2030"),
    (date(2030, 1, 1), date(2030, 12, 31), "đến hết năm 2030", "by 2030"),
    (date(2030, 1, 1), date(2030, 12, 31), "trước năm 2030", "before 2030"),
    (date(2050, 1, 1), date(2050, 12, 31), "vào năm 2050", "in 2050"),
    # several years
    (date(2021, 1, 1), date(2025, 12, 31), "giai đoạn 2021-2025", "2021–2025"),
    (date(2021, 1, 1), date(2030, 12, 31), "thời kỳ 2021-2030", "2021–2030"),
    # parts of a year, from the dates whatever the words
    (date(2024, 1, 1), date(2024, 6, 30), "6 tháng đầu năm 2024", "Jan–Jun 2024"),
    (date(2024, 1, 1), date(2024, 6, 30), "06 tháng đầu năm 2024", "Jan–Jun 2024"),
    (date(2024, 1, 1), date(2024, 10, 31), "10 tháng năm 2024", "Jan–Oct 2024"),
    (date(2024, 1, 1), date(2024, 3, 31), "quý I/2024", "Jan–Mar 2024"),
    (date(2024, 3, 1), date(2024, 3, 31), "tháng 3/2024", "Mar 2024"),
    (date(2023, 1, 1), date(2024, 10, 31), "2 năm qua", "Jan 2023 – Oct 2024"),
    (date(2024, 3, 15), date(2024, 6, 30), "", "15 Mar – 30 Jun 2024"),
    (date(2024, 1, 1), date(2024, 8, 16), "từ đầu năm đến nay", "1 Jan – 16 Aug 2024 (to publication)"),
    # a stock as of a date: the publication day, a stated day, a named month
    (date(2024, 8, 16), date(2024, 8, 16), "lũy kế đến nay", "as of publication (16 Aug 2024)"),
    (date(2024, 12, 6), date(2024, 12, 6), "hiện nay", "as of publication (6 Dec 2024)"),
    (date(2024, 12, 6), date(2024, 12, 6), "đến nay (quy hoạch)", "as of publication (6 Dec 2024)"),
    (date(2023, 2, 15), date(2023, 2, 15), "15/02/2023", "as of 15 Feb 2023"),
    (date(2023, 12, 31), date(2023, 12, 31), "tháng 12/2023", "as of Dec 2023"),
    (date(2024, 8, 5), date(2024, 8, 5), "tháng 8/2024", "as of Aug 2024"),
    (date(2024, 12, 31), date(2024, 12, 31), "cuối năm 2024", "end of 2024"),
    (date(2024, 2, 29), date(2024, 2, 29), "", "as of Feb 2024"),
    # a period the source left unstated is said to be inferred
    (date(2024, 1, 1), date(2024, 5, 31), "(không nêu; cùng đoạn 5 tháng đầu năm 2024)",
     "Jan–May 2024 (period not stated; inferred)"),
])
def test_english_label_from_the_dates(start, end, vietnamese, english):
    assert english_label(start, end, vietnamese) == english


def test_english_label_takes_timestamps_and_iso_text():
    assert english_label(pd.Timestamp("2024-01-01"), "2024-06-30", "") == "Jan–Jun 2024"


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
       st.integers(min_value=0, max_value=4000),
       st.sampled_from(["", "năm 2024", "đến năm 2030", "lũy kế đến nay", "hiện nay", "tháng 7/2022", "quý I/2024",
                        "15/02/2023", "vào năm 2050", "(không nêu; cùng đoạn)", "giai đoạn 2021-2025"]))
def test_english_label_is_never_empty_and_never_vietnamese(start, days, vietnamese):
    end = date.fromordinal(min(start.toordinal() + days, date(2060, 12, 31).toordinal()))
    text = english_label(start, end, vietnamese)
    assert text and not VIETNAMESE_LETTERS.search(text)
    assert str(end.year) in text


def row(**values) -> dict:
    base = {"period_start": date(2022, 7, 31), "period_end": date(2022, 7, 31), "period_label": "tháng 7/2022",
            "period_label_en": "as of Jul 2022"}
    base.update(values)
    return base


def test_label_is_the_source_words_in_vietnamese_and_the_stored_english_label_in_english():
    assert label(row(), "vi") == "tháng 7/2022"
    assert label(row(), "en") == "as of Jul 2022"


def test_label_makes_the_english_from_the_dates_when_a_frame_lacks_the_column():
    bare = row()
    del bare["period_label_en"]
    assert label(bare, "en") == "as of Jul 2022"
    assert label(row(period_label_en=None), "en") == "as of Jul 2022"


def test_label_of_a_stored_target_or_latest_value():
    stored = {"latest_label": "năm 2022", "latest_label_en": "2022", "target_label": "đến năm 2030",
              "target_label_en": None}
    assert label(stored, "en", "latest_label") == "2022"
    assert label(stored, "vi", "latest_label") == "năm 2022"
    # without an English label or dates the Vietnamese words are all there is
    assert label(stored, "en", "target_label") == "đến năm 2030"
    assert label({"latest_label": None}, "en", "latest_label") == ""
