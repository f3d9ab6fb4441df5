"""The update page in a real browser whose locale writes dates month first (en-US): days are typed and shown
DD/MM/YYYY and read day first by the server; indicators are found by typing without accents."""
from __future__ import annotations

import pytest

from tests.browser.conftest import new_context, open_page, rerun, wait_until_settled

pytestmark = pytest.mark.browser

ARTICLE = ("Quý I/2025, tỉnh Vĩnh Phúc thu hút 15 dự án FDI cấp mới với tổng vốn đăng ký cấp mới đạt 120,5 "
           "triệu USD.")
# Where the review table's cells are, from its top left corner: glide-data-grid draws on a canvas
ROW_1_Y = 53
INDEX_X = 55


@pytest.fixture
def us_page(chromium, base_url):
    """A tab in a browser set up as in the United States (dates month first), with a tall window."""
    context = new_context(chromium, locale="en-US", timezone_id="America/New_York")
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    yield page
    context.close()


def extract(page, base_url: str, lang: str, published_digits: str) -> None:
    title = {"vi": "Cập nhật số liệu từ bài báo mới", "en": "Update data from a new article"}[lang]
    open_page(page, base_url, "cap_nhat", {"lang": lang}, title=title)
    text = page.locator("[data-testid='stTextArea'] textarea")
    text.fill(ARTICLE)
    with rerun(page):
        text.blur()
    # The publication day: three segments in the order day, month, year, whatever the browser's locale
    segments = page.locator("[data-testid='stDateInput'] [role='spinbutton']")
    assert [s.get_attribute("data-type") for s in segments.all()] == ["day", "month", "year"]
    segments.first.click()
    page.keyboard.type(published_digits)
    page.keyboard.press("Tab")
    assert [s.inner_text() for s in segments.all()] == [published_digits[:2], published_digits[2:4],
                                                        published_digits[4:]]
    page.get_by_role("button", name={"vi": "Trích xuất", "en": "Extract"}[lang]).click()  # also sends the day
    page.locator("[data-testid='stAlertContentSuccess']").wait_for()
    wait_until_settled(page)


def review_grid(page):
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box and box["width"] > 400, box
    return box


def preview_rows(page) -> list[list[str]]:
    """The cells of the preview table (the rows to be written), row by row (without the row number)."""
    table = page.locator("[data-testid='stTable']").last
    return [[" ".join(cell.split()) for cell in row.locator("th, td").all_inner_texts()]
            for row in table.locator("tbody tr").all()]


def open_cell(page, box, cells_right: int):
    """Open the editor of row 1's cell `cells_right` cells to the right of its row number (clicking the row
    number only selects it; Enter opens the editor) and return the editor's input, once it is on screen."""
    page.mouse.click(box["x"] + INDEX_X, box["y"] + ROW_1_Y)
    page.wait_for_function("() => !!document.activeElement?.closest(\"[data-testid='stDataFrame']\")")
    for _ in range(cells_right):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    editor = page.locator("[id^='gdg-overlay-'] textarea, [id^='gdg-overlay-'] input").first
    editor.wait_for()
    return editor


def choose_period(page, box, typed: str, option: str) -> None:
    """Row 1's period: search the choices by typing, click the option; wait until the page says the row now
    needs a day."""
    open_cell(page, box, 4).fill(typed)      # keep, indicator, place, period
    page.get_by_text(option, exact=True).click()
    page.locator("[data-testid='stAlertContentError']").filter(has_text="DD/MM/YYYY").wait_for()
    wait_until_settled(page)


def type_day(page, box, typed: str) -> None:
    """Row 1's day (seven cells right of the row number: keep, indicator, place, period, year, from year, day)."""
    open_cell(page, box, 7).fill(typed)
    with rerun(page):
        page.keyboard.press("Enter")
    wait_until_settled(page)


def test_a_day_typed_dd_mm_yyyy_is_read_day_first_in_a_month_first_browser(us_page, base_url):
    page = us_page
    extract(page, base_url, "en", "05042025")
    box = review_grid(page)
    choose_period(page, box, "as of a", "as of a day (type the day)")
    type_day(page, box, "12/06/2024")

    first, second = preview_rows(page)
    # period as stated, from, to: 12 June, never 6 December (the label is the one the curated file keeps)
    assert first[2:5] == ["đến ngày 12/6/2024", "12/06/2024", "12/06/2024"], first
    assert second[2:5] == ["Quý I/2025", "01/01/2025", "31/03/2025"], second


def test_a_day_that_does_not_exist_is_refused_in_the_pages_language(us_page, base_url):
    page = us_page
    extract(page, base_url, "vi", "05042025")
    box = review_grid(page)
    choose_period(page, box, "den ngay", "đến ngày… (nhập ngày)")   # found without accents
    type_day(page, box, "06/31/2024")                    # month first, as a US browser would write it
    error = page.locator("[data-testid='stAlertContentError']").first.inner_text()
    assert "Dòng 1" in error and "ngày không tồn tại" in error, error


def test_indicators_are_found_without_accents(us_page, base_url):
    page = us_page
    extract(page, base_url, "vi", "05042025")
    box = review_grid(page)
    open_cell(page, box, 2).fill("doanh nghiep cong nghe")    # the indicator
    page.get_by_text("Doanh nghiệp công nghệ số", exact=True).wait_for()
    options = page.locator("[id*='-option-']").all_inner_texts()
    assert options and all("oanh nghiệp" in o for o in options), options
    page.keyboard.press("Escape")
