"""Presenter mode and "share this view" (Streamlit glue).

Presenter mode (`?present=1`, or the sidebar toggle): sidebar, header and filter widgets hidden (hidden, not
removed, so the filters survive and come back when the mode is left), large high-contrast type, and one slide
(chart or panel) per screen with previous/next controls, the slide number kept in the URL (`&slide=2`).
Pages mark their slides with `if present.next_slide():` (ui.chart_block does it for charts).
"""
from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from provdash.i18n import t

PRESENT_KEY, SLIDE_KEY, COUNTER_KEY = "present", "slide", "_slides_on_page"
MAX_SLIDES = 50

# Static CSS of ours (no user or article text), so injecting it as HTML is safe.
PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], .st-key-filters { display: none !important; }
[data-testid="stAppViewContainer"], [data-testid="stMain"] { background: #ffffff !important; }
.block-container, [data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 0.5rem 2.5rem 1rem !important; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.6rem !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] label,
[data-testid="stMain"] [data-testid="stMarkdownContainer"], [data-testid="stMain"] [data-testid="stCaptionContainer"],
[data-testid="stMain"] button, [data-testid="stMain"] input, [data-testid="stMain"] textarea,
[data-testid="stMain"] [data-baseweb="select"] *, [data-testid="stMain"] [data-testid="stWidgetLabel"] * {
  font-size: 22px !important; color: #000000 !important; line-height: 1.4 !important; }
[data-testid="stMain"] [data-testid="stTable"] :is(th, td) { font-size: 20px !important; color: #000000 !important;
  line-height: 1.3 !important; }
[data-testid="stMain"] [data-testid="stBaseButton-primary"], [data-testid="stMain"] [data-testid="stBaseButton-primary"] * {
  color: #ffffff !important; }
[data-testid="stMain"] h1 { font-size: 34px !important; color: #000000 !important; padding: 0.25rem 0 0 !important; }
[data-testid="stMain"] h2, [data-testid="stMain"] h3 { font-size: 34px !important; color: #000000 !important; }
[data-testid="stMain"] [data-testid="stMetricValue"], [data-testid="stMain"] [data-testid="stMetricValue"] * {
  font-size: 42px !important; font-weight: 700 !important; }
</style>
"""


# Always (not only in presenter mode): Streamlit draws captions at 60 % opacity, which leaves sources, methods and
# caveats at 3,9:1 against white and links in them at 3:1; WCAG AA asks 4,5:1 for text.
READABLE_CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #555555 !important; }
[data-testid="stCaptionContainer"] a { color: #0F5A8C !important; }
</style>
"""


def _flag(value: object) -> bool:
    return str(value).lower() in ("1", "true", "yes")


def presenting() -> bool:
    if PRESENT_KEY not in st.session_state:
        st.session_state[PRESENT_KEY] = _flag(st.query_params.get(PRESENT_KEY, ""))
    return bool(st.session_state[PRESENT_KEY])


def current_slide() -> int:
    if SLIDE_KEY not in st.session_state:
        raw = st.query_params.get(SLIDE_KEY, "1")
        st.session_state[SLIDE_KEY] = int(raw) if raw.isdigit() and 1 <= int(raw) <= MAX_SLIDES else 1
    return int(st.session_state[SLIDE_KEY])


def start_run() -> None:
    """Called by the entry point before the page runs: count this page's slides afresh."""
    st.session_state[COUNTER_KEY] = 0


def next_slide() -> bool:
    """Counts a slide; True when it should be drawn (always, unless presenting another slide)."""
    st.session_state[COUNTER_KEY] = st.session_state.get(COUNTER_KEY, 0) + 1
    return not presenting() or st.session_state[COUNTER_KEY] == current_slide()


def presenter_toggle(lang: str) -> None:
    """The sidebar switch into presenter mode, kept in the URL as ?present=1."""
    presenting()
    st.sidebar.toggle(t("present_toggle", lang), key=PRESENT_KEY, help=t("present_help", lang))
    _sync_url()


def _sync_url() -> None:
    if st.session_state.get(PRESENT_KEY):
        if st.query_params.get(PRESENT_KEY) != "1":
            st.query_params[PRESENT_KEY] = "1"
        slide = str(current_slide())
        if slide == "1":
            st.query_params.pop(SLIDE_KEY, None)
        elif st.query_params.get(SLIDE_KEY) != slide:
            st.query_params[SLIDE_KEY] = slide
    else:
        for key in (PRESENT_KEY, SLIDE_KEY):
            if key in st.query_params:
                del st.query_params[key]


def _move(step: int) -> None:
    total = max(1, st.session_state.get(COUNTER_KEY, 1))
    st.session_state[SLIDE_KEY] = min(total, max(1, current_slide() + step))


def _leave() -> None:
    st.session_state[PRESENT_KEY] = False
    st.session_state[SLIDE_KEY] = 1


def apply_style() -> None:
    st.html(READABLE_CSS + (PRESENTER_CSS if presenting() else ""))


def controls(container, lang: str) -> None:
    """Previous / next / leave, drawn at the top of the page once the page has counted its slides."""
    if not presenting():
        return
    total = max(1, st.session_state.get(COUNTER_KEY, 1))
    if current_slide() > total:
        st.session_state[SLIDE_KEY] = total
    with container.container(horizontal=True, vertical_alignment="center", key="presenter_controls"):
        st.button("◀ " + t("present_previous", lang), on_click=_move, args=(-1,), disabled=current_slide() <= 1,
                  key="present_previous")
        st.markdown(t("present_position", lang, slide=current_slide(), total=total))
        st.button(t("present_next", lang) + " ▶", on_click=_move, args=(1,), disabled=current_slide() >= total,
                  key="present_next")
        st.button("✕ " + t("present_leave", lang), on_click=_leave, key="present_leave")
    _sync_url()


def share_url() -> str:
    """This page's address with every filter in it, for copying."""
    base = urlsplit(st.context.url or "")
    pairs = []
    for key in st.query_params:
        for value in st.query_params.get_all(key):
            pairs.append((key, value))
    return urlunsplit((base.scheme or "http", base.netloc, base.path, urlencode(pairs), ""))


def share_box(lang: str):
    """The sidebar popover; drawn before the page, filled by `fill_share_box` after it (so the URL is current)."""
    box = st.sidebar.popover(t("share_button", lang), width="stretch")
    box.caption(t("share_help", lang))
    return box


def fill_share_box(box) -> None:
    """Called after the page has run and written its filters to the URL."""
    box.code(share_url(), language=None, wrap_lines=True)
