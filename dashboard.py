"""Entry point: page setup, the explicit list of pages (`st.navigation`), language switch, database check."""
from __future__ import annotations

import streamlit as st

from provdash import present, ui
from provdash.i18n import t

st.set_page_config(page_title="Thái Nguyên – mục tiêu & tiến độ", layout="wide", initial_sidebar_state="expanded")

# (file, title key, url path, default). Navigation must be declared before any widget is drawn, and a url
# path must not equal a file name in pages/ (Streamlit then falls back to its old page list).
PAGES = [
    ("pages/home.py", "nav_home", "trang_chu", True),
    ("pages/overview.py", "nav_overview", "tong_quan", False),
    ("pages/digital_economy.py", "nav_digital", "kinh_te_so", False),
    ("pages/foreign_investment.py", "nav_fdi", "fdi", False),
    ("pages/industrial_zones.py", "nav_zones", "khu_cong_nghiep", False),
    ("pages/compare.py", "nav_compare", "so_sanh", False),
    ("pages/timeline.py", "nav_timeline", "dong_thoi_gian", False),
    ("pages/sources.py", "nav_sources", "nguon", False),
    ("pages/update.py", "nav_update", "cap_nhat", False),
]

lang = ui.lang()
navigation = st.navigation([
    st.Page(path, title=t(title_key, lang), url_path=url_path, default=default)
    for path, title_key, url_path, default in PAGES
])
ui.carry_filters_across_pages()
lang = ui.language_switch()
present.presenter_toggle(lang)
share = present.share_box(lang)
present.apply_style()
present.start_run()
controls = st.container()

if ui.ensure_database(lang):
    navigation.run()
    present.controls(controls, lang)
present.fill_share_box(share)
