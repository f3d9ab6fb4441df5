"""Entry point: page setup, the explicit list of pages (`st.navigation`), language switch, database check."""
from __future__ import annotations

import streamlit as st

from provdash import present, ui
from provdash.i18n import t

# The browser title is set per page (ui.start_page), after the navigation knows which page runs.
st.set_page_config(layout="wide", initial_sidebar_state="expanded")

# (file, title key, url path, default). Navigation must be declared before any widget is drawn. The page files live
# in app_pages/, never in a folder named pages/ (provdash/paths.py says why).
PAGES = [
    ("app_pages/home.py", "nav_home", "trang_chu", True),
    ("app_pages/overview.py", "nav_overview", "tong_quan", False),
    ("app_pages/coverage.py", "nav_coverage", "do_phu_so_lieu", False),
    ("app_pages/digital_economy.py", "nav_digital", "kinh_te_so", False),
    ("app_pages/foreign_investment.py", "nav_fdi", "fdi", False),
    ("app_pages/industrial_zones.py", "nav_zones", "khu_cong_nghiep", False),
    ("app_pages/compare.py", "nav_compare", "so_sanh", False),
    ("app_pages/timeline.py", "nav_timeline", "dong_thoi_gian", False),
    ("app_pages/sources.py", "nav_sources", "nguon", False),
    ("app_pages/update.py", "nav_update", "cap_nhat", False),
]

lang = ui.lang()
navigation = st.navigation([
    st.Page(path, title=t(title_key, lang), url_path=url_path, default=default)
    for path, title_key, url_path, default in PAGES
])
ui.carry_filters_across_pages()
lang = ui.language_switch()
ui.start_page(navigation.title, lang)
present.presenter_toggle(lang)
share = present.share_box(lang)
ui.declare_language(lang)
present.apply_style()
present.start_run()
controls = st.container()

if ui.ensure_database(lang):
    navigation.run()
    present.controls(controls, lang)
present.fill_share_box(share)
