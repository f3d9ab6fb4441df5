"""Every label the dashboard shows, in Vietnamese (default) and English.

`t(key, lang, **values)` looks a text up and fills its {placeholders}. A meta-test checks that every key has
both languages. Data labels (indicator titles, jurisdiction names) come from the database, not from here.
"""
from __future__ import annotations

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

TEXTS: dict[str, tuple[str, str]] = {
    # app frame
    "app_title": ("Mục tiêu và tiến độ: Thái Nguyên – Vĩnh Phúc", "Targets and progress: Thái Nguyên – Vĩnh Phúc"),
    "language": ("Ngôn ngữ", "Language"),
    "nav_home": ("Trang chủ", "Home"),
    "nav_overview": ("Tổng quan", "Overview"),
    "nav_digital": ("Kinh tế số", "Digital economy"),
    "nav_fdi": ("FDI", "FDI"),
    "nav_zones": ("Khu công nghiệp", "Industrial zones"),
    "nav_compare": ("So sánh", "Compare"),
    "nav_sources": ("Nguồn & phương pháp", "Sources & method"),
    "db_rebuilt": ("Cơ sở dữ liệu bị thiếu hoặc hỏng nên đã được dựng lại từ dữ liệu đã kiểm duyệt trong data/.",
                   "The database was missing or unreadable, so it was rebuilt from the curated files in data/."),
    "db_failed": ("Không dựng được cơ sở dữ liệu từ dữ liệu trong data/. Chi tiết:",
                  "The database could not be built from the files in data/. Details:"),
    # home
    "home_intro": (
        "Bảng theo dõi các mục tiêu phát triển của Thái Nguyên (so sánh với Vĩnh Phúc): kinh tế số, thu hút FDI "
        "và đất khu công nghiệp. Mỗi con số đều dẫn về nguồn và câu văn đã nêu nó.",
        "A dashboard of Thái Nguyên's development goals (compared with Vĩnh Phúc): digital economy, FDI and "
        "industrial-zone land. Every number links to its source and the sentence that states it."),
    "metric_indicators": ("Chỉ tiêu", "Indicators"),
    "metric_values": ("Giá trị", "Values"),
    "metric_sources": ("Nguồn", "Sources"),
    "metric_targets": ("Mục tiêu", "Targets"),
    "metric_latest": ("Nguồn mới nhất", "Latest source"),
    "home_by_category": ("Số giá trị theo lĩnh vực", "Values by topic"),
    "home_mergers": ("Sáp nhập tỉnh năm 2025", "The 2025 province mergers"),
    "home_mergers_text": (
        "Từ 01/7/2025 Thái Nguyên và Bắc Kạn hợp thành tỉnh Thái Nguyên mới; Vĩnh Phúc, Phú Thọ và Hòa Bình hợp "
        "thành tỉnh Phú Thọ mới (Nghị quyết 202/2025/QH15). Số liệu trước ngày này thuộc các tỉnh cũ và được "
        "hiển thị tách riêng, không nối thành một đường.",
        "From 1 July 2025 Thái Nguyên and Bắc Kạn form the new Thái Nguyên province; Vĩnh Phúc, Phú Thọ and Hòa "
        "Bình form the new Phú Thọ (Resolution 202/2025/QH15). Figures before that date belong to the old "
        "provinces and are shown separately, never joined into one line."),
    "col_jurisdiction": ("Đơn vị", "Jurisdiction"),
    "col_valid_from": ("Hiệu lực từ", "Valid from"),
    "col_valid_to": ("Đến", "Valid to"),
    "col_successor": ("Sáp nhập vào", "Merged into"),
    "col_category": ("Lĩnh vực", "Topic"),
    "col_values": ("Số giá trị", "Values"),
    "col_actuals": ("Thực hiện", "Actuals"),
    "col_targets": ("Mục tiêu", "Targets"),
    "home_pages": ("Các trang", "Pages"),
    "source_line": ("Nguồn: {sources}", "Source: {sources}"),
    "category_digital_economy": ("Kinh tế số", "Digital economy"),
    "category_enterprises": ("Doanh nghiệp", "Enterprises"),
    "category_rankings": ("Xếp hạng", "Rankings"),
    "category_infrastructure": ("Hạ tầng số", "Digital infrastructure"),
    "category_fdi": ("Đầu tư (FDI, DDI)", "Investment (FDI, DDI)"),
    "category_industrial_zones": ("Khu, cụm công nghiệp", "Industrial zones and clusters"),
    "category_growth": ("Tăng trưởng, công nghiệp", "Growth and industry"),
    "category_environment": ("Môi trường", "Environment"),
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """The text for `key` in `lang` (Vietnamese when the language is unknown)."""
    vi, en = TEXTS[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def normalise_language(value: object) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
