"""The national FDI rank as headline cards: "thứ 10/63", with its period and source.

Pure: rows of queries/fdi_attraction_rank.sql in, cards out. No Streamlit, no SQL.
"""
from __future__ import annotations

import re

import pandas as pd

from provdash import periods, views
from provdash.figures import base
from provdash.figures.base import records
from provdash.figures.parts import Card, dated_label, jurisdiction_rank, names_of
from provdash.i18n import t
from provdash.numbers import format_number


def rank_cards(frame: pd.DataFrame, lang: str) -> list[Card]:
    """The newest national FDI rank of each jurisdiction: "thứ 10/63", with its period and source."""
    actuals = [row for row in records(frame) if row["kind"] == "actual"]
    names = names_of(actuals, lang)
    newest: dict[str, dict] = {}
    for row in actuals:
        if row["jurisdiction"] not in newest or row["period_end"] >= newest[row["jurisdiction"]]["period_end"]:
            newest[row["jurisdiction"]] = row
    cards = []
    for jurisdiction in sorted(newest, key=jurisdiction_rank):
        row = newest[jurisdiction]
        match = re.fullmatch(r"rank_of_(\d+)", str(row["unit"]))
        of = match.group(1) if match else base.localised(row, "unit_label", lang)
        value = t("fdi_rank_value", lang, rank=format_number(row["value"], lang, decimals=0), of=of)
        qualifier = base.localised(row, "qualifier_label", lang)
        cards.append(Card(
            label=t("fdi_rank_label", lang, indicator=base.localised(row, "indicator_name", lang),
                    name=names[jurisdiction]),
            value=f"{qualifier} {value}".strip(),
            caption=t("fdi_rank_caption", lang, period=dated_label(row, lang),
                      source=views.source_name(row, lang),
                      quote=row["quote"] or "–"),
        ))
    return cards
