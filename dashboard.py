"""Entry point: page setup, language, database check, and the explicit list of pages (`make run`)."""
from __future__ import annotations

import streamlit as st

from provdash import ui
from provdash.i18n import t

st.set_page_config(page_title="Thái Nguyên – mục tiêu & tiến độ", layout="wide", initial_sidebar_state="expanded")

lang = ui.language_switch()

PAGES = [
    ("pages/home.py", "nav_home", "home", True),
]

navigation = st.navigation([
    st.Page(path, title=t(title_key, lang), url_path=url_path, default=default)
    for path, title_key, url_path, default in PAGES
])

if ui.ensure_database(lang):
    navigation.run()
