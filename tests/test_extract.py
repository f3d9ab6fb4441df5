"""The Vietnamese indicator extractor on short invented sentences: one table per pattern, plus properties.

Seed-article quality (precision, recall, cross-check with data/observations.csv) is in test_extract_seeds.py;
file readers and the command line are in test_extract_readers.py.
"""
from __future__ import annotations

import csv
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from provdash import paths
from provdash.extract import CSV_COLUMNS, candidate_row, extract
from provdash.extract import indicators as indicator_rules
from provdash.extract import patterns

PUBLISHED = date(2024, 8, 16)


def one(text: str, published: date | None = PUBLISHED, **kwargs):
    """The single candidate in `text` (fails when there are none or several)."""
    found = extract(text, published=published, **kwargs)
    assert len(found) == 1, f"expected one candidate in {text!r}, got {[(c.value, c.unit) for c in found]}"
    return found[0]


def pairs(text: str, published: date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(c.value, c.unit_id) for c in extract(text, published=published)]


# --- numbers, scale words and units ------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, unit, unit_id, value_base, unit_base", [
    ("Giá trị sản xuất đạt 1.030 nghìn tỷ đồng.", "1030", "nghìn tỷ đồng", "vnd_tn", 1.03e15, "VND"),
    ("Tổng vốn đăng ký đạt 11, 2 tỷ USD.", "11.2", "tỷ USD", "usd_bn", 11_200_000_000, "USD"),   # capture typo
    ("Tổng vốn đăng ký đạt 11,2 tỷ USD.", "11.2", "tỷ USD", "usd_bn", 11_200_000_000, "USD"),
    ("Ngành chế tạo đạt 8,91%.", "8.91", "%", "pct", 8.91, "%"),
    ("Tỷ lệ hộ dùng cáp quang đạt 8,91 %.", "8.91", "%", "pct", 8.91, "%"),
    ("Dự án có số vốn 3.985,5 tỷ đồng.", "3985.5", "tỷ đồng", "vnd_bn", 3.9855e12, "VND"),
    ("Thu hút được 478,7 triệu USD.", "478.7", "triệu USD", "usd_mn", 478_700_000, "USD"),
    ("Bình quân đạt 119,2 triệu đồng.", "119.2", "triệu đồng", "vnd_mn", 119_200_000, "VND"),
    ("Doanh thu đạt 500 triệu VND.", "500", "triệu VND", "vnd_mn", 500_000_000, "VND"),
    ("Dự án có vốn 200 tỷ VNĐ.", "200", "tỷ VNĐ", "vnd_bn", 200_000_000_000, "VND"),
    ("Xuất khẩu đạt 350 nghìn USD.", "350", "nghìn USD", "", 350_000, "USD"),
    ("Tăng thêm 6,6 triệu đồng/người/năm.", "6.6", "triệu đồng/người/năm", "vnd_mn", 6_600_000, "VND"),
    ("Diện tích 2.067 ha.", "2067", "ha", "ha", 2067, "ha"),
    ("Tỉnh rộng 3.521,96 km².", "3521.96", "km²", "", 3521.96, "km2"),
    ("Xây dựng 120 km đường cao tốc.", "120", "km", "", 120, "km"),
    ("Có 218 dự án FDI.", "218", "dự án", "projects", 218, "count"),
    ("Có 5 lượt dự án tăng vốn.", "5", "lượt dự án", "projects", 5, "count"),
    ("Có 700 doanh nghiệp chuyển đổi số.", "700", "doanh nghiệp", "enterprises", 700, "count"),
    ("Hỗ trợ 546 DN sử dụng nền tảng số.", "546", "DN", "enterprises", 546, "count"),
    ("Khoảng 2.500 tuyến truyền dẫn.", "2500", "tuyến", "routes", 2500, "count"),
    ("Cấp 22 giấy chứng nhận đăng ký đầu tư.", "22", "giấy chứng nhận", "certificates", 22, "count"),
    ("Có 4.100 lượt cài đặt phần mềm.", "4100", "lượt cài đặt", "installs", 4100, "count"),
    ("Đến từ 20 quốc gia và vùng lãnh thổ.", "20", "quốc gia và vùng lãnh thổ", "countries", 20, "count"),
    ("Đưa vào vận hành 3 trung tâm dữ liệu.", "3", "trung tâm", "centres", 3, "count"),
    ("Phát triển 11 khu công nghiệp.", "11", "khu công nghiệp", "zones", 11, "count"),
    ("Thành lập 7 KCN.", "7", "KCN", "zones", 7, "count"),
    ("Có 41 cụm công nghiệp.", "41", "cụm công nghiệp", "clusters", 41, "count"),
    ("Có 2 CCN đi vào hoạt động.", "2", "CCN", "clusters", 2, "count"),
    ("Dân số đạt 1,3 triệu người.", "1.3", "triệu người", "", 1_300_000, "count"),
    ("Năng suất cao gấp 2,5 lần.", "2.5", "lần", "", 2.5, "times"),
    ("Thu ngân sách 15.000 tỷ.", "15000", "tỷ", "", 15e12, ""),
])
def test_numbers_scales_and_units(text, value, unit, unit_id, value_base, unit_base):
    c = one(text)
    assert (c.value, c.unit, c.unit_id, c.unit_base) == (value, unit, unit_id, unit_base)
    assert c.value_base == pytest.approx(value_base)


@pytest.mark.parametrize("text, value, unit_id, low_base, high_base", [
    ("Dự kiến thu hút 2-2,5 tỷ USD.", "2-2.5", "usd_bn", 2e9, 2.5e9),
    ("Dự kiến thu hút 2 – 2,5 tỷ USD.", "2-2.5", "usd_bn", 2e9, 2.5e9),
    ("Mỗi năm có từ 10 đến 15 dự án.", "10-15", "projects", 10, 15),
])
def test_ranges(text, value, unit_id, low_base, high_base):
    c = one(text)
    assert (c.value, c.unit_id) == (value, unit_id)
    assert (c.value_base, c.value_base_high) == (pytest.approx(low_base), pytest.approx(high_base))
    row = candidate_row(c)
    assert row["value"] == value and "-" in row["value_base"]


@pytest.mark.parametrize("text, value, total, unit, unit_id, unit_base", [
    ("Toàn tỉnh có 118/126 xã đạt chuẩn nông thôn mới.", "118", 126, "/126 xã", "", "count"),
    ("Hoàn thành 15/15 mục tiêu đề ra.", "15", 15, "/15 mục tiêu", "", "count"),
    ("Đã khởi công 8/10 dự án trọng điểm.", "8", 10, "/10 dự án", "projects", "count"),
    ("Thái Nguyên xếp thứ 10/63 tỉnh, thành phố.", "10", 63, "/63 tỉnh, thành phố", "rank_of_63", "rank"),
    ("Tỉnh tăng lên vị trí thứ 10/63 về thu hút FDI.", "10", 63, "/63", "rank_of_63", "rank"),
    ("Chỉ số PCI xếp hạng 5/34 tỉnh.", "5", 34, "/34 tỉnh", "rank_of_34", "rank"),
])
def test_fractions_and_ranks(text, value, total, unit, unit_id, unit_base):
    c = one(text)
    assert (c.value, c.total, c.unit, c.unit_id, c.unit_base) == (value, total, unit, unit_id, unit_base)


@pytest.mark.parametrize("text, published, value, unit_id, qualifier", [
    ("Mục tiêu thuộc nhóm 15 tỉnh, thành phố dẫn đầu.", date(2024, 8, 16), "15", "rank_of_63", "top"),
    ("Phấn đấu vào top 10 tỉnh dẫn đầu.", date(2024, 8, 16), "10", "rank_of_63", "top"),
    ("Phấn đấu thuộc nhóm 10 tỉnh dẫn đầu.", date(2025, 9, 1), "10", "rank_of_34", "top"),   # 34 after the reform
    ("Thái Nguyên đứng thứ 2 cả nước.", date(2024, 8, 16), "2", "", ""),
])
def test_groups_of_leaders_and_ranks_without_a_whole(text, published, value, unit_id, qualifier):
    c = one(text, published=published)
    assert (c.value, c.unit_id, c.unit_base, c.qualifier) == (value, unit_id, "rank", qualifier)


def test_ordinal_opening_states_a_count():
    c = one("Khai trương Trung tâm Điều hành thông minh thứ 3 tại TP Sông Công.")
    assert (c.value, c.unit_id, c.quote) == ("3", "centres", "Trung tâm Điều hành thông minh thứ 3")


def test_net_zero_goal():
    c = one("Hướng tới mục tiêu phát thải ròng bằng “0” vào năm 2050.")
    assert (c.value, c.unit_id, c.kind, c.period_label) == ("0", "tco2e_net", "target", "năm 2050")
    assert c.quote == "phát thải ròng bằng “0”"


@pytest.mark.parametrize("text, unit_id", [
    ("Ngành công nghiệp đạt 9%/năm.", "pct_per_year"),
    ("Giá trị sản xuất tăng 8% so với cùng kỳ.", "pct_change"),
    ("Số hộ nghèo giảm 3,5%.", "pct_change"),
    ("Mục tiêu tăng trưởng kinh tế 10,5% trong năm nay.", "pct_change"),
    ("Tỷ lệ lấp đầy tăng lên 80%.", "pct"),
    ("Tăng trưởng kinh tế đạt 7,2%.", "pct_change"),
    ("Ngành công nghiệp chiếm 57% GRDP.", "pct"),
    ("Tăng trưởng bình quân đạt 9%/năm; chế biến, chế tạo đạt 8,91% (không kể Samsung).", None),
])
def test_percent_kinds(text, unit_id):
    found = extract(text, published=PUBLISHED)
    if unit_id is None:                     # the bare % inherits "%/năm" from the same sentence
        assert [c.unit_id for c in found] == ["pct_per_year", "pct_per_year"]
    else:
        assert [c.unit_id for c in found] == [unit_id]


def test_levels_reached_are_shares_not_changes():
    assert pairs("Tỷ lệ lấp đầy tăng từ 60% lên 80%.") == [("60", "pct"), ("80", "pct")]


def test_certificate_for_a_project_counts_certificates():
    c = one("Cấp giấy chứng nhận đăng ký đầu tư cho 1 dự án.")
    assert (c.value, c.unit_id) == ("1", "certificates")


# --- qualifiers --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, qualifier, quote", [
    ("Tổng vốn đạt trên 556 triệu USD.", "over", "trên 556 triệu USD"),
    ("Với hơn 4.100 lượt cài đặt.", "over", "hơn 4.100 lượt cài đặt"),
    ("Có gần 3.000 doanh nghiệp.", "nearly", "gần 3.000 doanh nghiệp"),
    ("Với tổng số vốn khoảng 7,3 tỷ USD.", "about", "khoảng 7,3 tỷ USD"),
    ("Vốn xấp xỉ 2 tỷ USD.", "about", "xấp xỉ 2 tỷ USD"),
    ("Doanh thu ước đạt 389 nghìn tỷ đồng.", "estimate", "ước đạt 389 nghìn tỷ đồng"),
    ("Doanh thu ước tính 389 nghìn tỷ đồng.", "estimate", "ước tính 389 nghìn tỷ đồng"),
    ("Tỷ trọng đạt tối thiểu 20%.", "at_least", "tối thiểu 20%"),
    ("Thu hút ít nhất 10 dự án.", "at_least", "ít nhất 10 dự án"),
    ("Trên địa bàn tỉnh có 222 dự án.", "", "222 dự án"),      # "trên địa bàn" is not "over"
    ("Đã có 29 KCN được quy hoạch.", "plan", "29 KCN"),
    ("Theo Quy hoạch đến năm 2030, tỉnh phát triển 11 khu công nghiệp.", "plan", "11 khu công nghiệp"),
])
def test_qualifiers(text, qualifier, quote):
    c = one(text)
    assert (c.qualifier, c.quote) == (qualifier, quote)


@pytest.mark.parametrize("text, scope, qualifiers", [
    ("Công nghiệp đạt 9%/năm (không kể Tổ hợp công nghiệp công nghệ cao Samsung là 12,03%/năm).",
     "excluding_samsung", "excluding_samsung"),
    ("Lũy kế đến nay có trên 200 dự án FDI còn hiệu lực.", "province", "over;cumulative;still_active"),
    ("Trong các KCN hiện có 493 dự án đầu tư còn hiệu lực.", "industrial_zones", "industrial_zones;still_active"),
    ("Tăng trưởng đạt 7% (không tính ngành khai khoáng là 9%).", "", "excluding"),
])
def test_scope_and_tags(text, scope, qualifiers):
    c = extract(text, published=PUBLISHED)[-1]
    assert (c.scope, c.qualifiers) == (scope, qualifiers)


def test_excluded_value_inherits_what_it_qualifies():
    found = extract("Trong cơ cấu GRDP năm 2030, ngành Công nghiệp chiếm 57% (không kể Tổ hợp "
                    "Samsung là 42,38%).", published=PUBLISHED)
    assert [(c.value, c.indicator, c.scope) for c in found] == [
        ("57", "industry_share_grdp", "province"), ("42.38", "industry_share_grdp", "excluding_samsung")]


# --- periods -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, label, start, end", [
    ("Năm 2024, tỉnh thu hút 12 dự án.", "Năm 2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("6 tháng đầu năm 2024, tỉnh thu hút 12 dự án.", "6 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
    ("Trong 06 tháng đầu năm 2024, thu hút 12 dự án.", "06 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
    ("Sáu tháng đầu năm 2024, thu hút 12 dự án.", "Sáu tháng đầu năm 2024", date(2024, 1, 1), date(2024, 6, 30)),
    ("5 tháng đầu năm 2024 có 9 dự án.", "5 tháng đầu năm 2024", date(2024, 1, 1), date(2024, 5, 31)),
    ("10 tháng năm 2024, cấp 22 giấy chứng nhận.", "10 tháng năm 2024", date(2024, 1, 1), date(2024, 10, 31)),
    ("6 tháng cuối năm 2023 có 4 dự án.", "6 tháng cuối năm 2023", date(2023, 7, 1), date(2023, 12, 31)),
    ("Quý I/2024, tỉnh thu hút 3 dự án.", "Quý I/2024", date(2024, 1, 1), date(2024, 3, 31)),
    ("Trong quý 3 năm 2023 có 3 dự án.", "quý 3 năm 2023", date(2023, 7, 1), date(2023, 9, 30)),
    ("Tháng 12/2024 có 5 dự án.", "Tháng 12/2024", date(2024, 12, 1), date(2024, 12, 31)),
    ("Giai đoạn 2021-2030 tăng trưởng 9%/năm.", "Giai đoạn 2021-2030", date(2021, 1, 1), date(2030, 12, 31)),
    ("Thời kỳ 2021 - 2030 tăng trưởng 9%/năm.", "Thời kỳ 2021 - 2030", date(2021, 1, 1), date(2030, 12, 31)),
    ("Đến năm 2030 có 3.000 doanh nghiệp.", "Đến năm 2030", date(2030, 1, 1), date(2030, 12, 31)),
    ("Đến hết năm 2024 có 5 dự án.", "Đến hết năm 2024", date(2024, 12, 31), date(2024, 12, 31)),
    ("Đến hết quý I/2024 có 97/97 xã đạt chuẩn.", "Đến hết quý I/2024", date(2024, 3, 31), date(2024, 3, 31)),
    ("Tính đến cuối tháng 6/2024 có 5 dự án.", "Tính đến cuối tháng 6/2024", date(2024, 6, 30), date(2024, 6, 30)),
    ("Đến nay có 218 dự án.", "Đến nay", PUBLISHED, PUBLISHED),
    ("Lũy kế đến nay có 218 dự án.", "Lũy kế đến nay", PUBLISHED, PUBLISHED),
    ("Hiện nay tỉnh có 218 dự án.", "Hiện nay", PUBLISHED, PUBLISHED),
    ("Năm nay phấn đấu tăng trưởng 10,5%.", "Năm nay", date(2024, 1, 1), date(2024, 12, 31)),
    ("2 năm qua đã hỗ trợ 546 doanh nghiệp.", "2 năm qua", date(2023, 1, 1), PUBLISHED),
    ("Đầu năm 2024 có 5 dự án.", "Đầu năm 2024", None, None),
])
def test_periods(text, label, start, end):
    c = one(text)
    assert (c.period_label, c.period_start, c.period_end) == (label, start, end)


def test_comparison_base_is_not_the_period():
    found = extract("Năm 2024, GRDP bình quân đạt 119,2 triệu đồng, tăng 6,6 triệu đồng so với năm 2023.",
                    published=PUBLISHED)
    assert [c.period_label for c in found] == ["Năm 2024", "Năm 2024"]


def test_period_of_the_sentence_else_the_paragraph():
    found = extract("Đến nay, tỉnh có khoảng 2.500 tuyến truyền dẫn. 99% khu dân cư có băng rộng.\n"
                    "Tỷ lệ lấp đầy đạt 70%.", published=PUBLISHED)
    assert [c.period_label for c in found] == ["Đến nay", "Đến nay", ""]


def test_relative_periods_without_a_publication_date_keep_only_their_label():
    c = one("Đến nay có 218 dự án.", published=None)
    assert (c.period_label, c.period_start, c.period_end) == ("Đến nay", None, None)


def test_publication_stamp_at_the_top_dates_relative_periods():
    c = one("Tin kinh tế\n16/08/2024 08:06\nĐến nay có 218 dự án.", published=None)
    assert c.period_start == date(2024, 8, 16)


# --- actual or target --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("Mục tiêu đến năm 2025 có 700 doanh nghiệp.", "target"),
    ("Tỉnh phấn đấu thu hút 20 dự án.", "target"),
    ("Kế hoạch năm 2024 thu hút 20 dự án.", "target"),
    ("Dự kiến thu hút 20 dự án.", "target"),
    ("Định hướng phát triển 11 khu công nghiệp.", "target"),
    ("Tỉnh sẽ phát triển 11 khu công nghiệp.", "target"),
    ("Năm 2030, ngành công nghiệp chiếm 57% GRDP.", "target"),        # a year after publication
    ("Năm 2023, ngành công nghiệp chiếm 50% GRDP.", "actual"),
    ("Năm 2023 đạt 8,5%, vượt kế hoạch đề ra.", "actual"),
    ("Sở Kế hoạch và Đầu tư cấp mới 12 dự án.", "actual"),
    ("Đến nay có 218 dự án.", "actual"),
])
def test_actual_or_target(text, kind):
    assert one(text).kind == kind


# --- jurisdiction and indicator ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, jurisdiction", [
    ("Tỉnh Vĩnh Phúc có 17 KCN.", PUBLISHED, "vinh_phuc"),
    ("Thái Nguyên thu hút FDI. Thái Nguyên là điểm sáng.\nToàn tỉnh có 5 dự án.", PUBLISHED, "thai_nguyen"),
    ("Bắc Kạn có 12 dự án, Thái Nguyên có 9 dự án.", PUBLISHED, "bac_kan"),
    ("Bắc Ninh có 20 KCN.", PUBLISHED, "bac_ninh"),                   # not in data/ yet: an ASCII slug
    ("Thái Nguyên có 5 dự án.", date(2025, 8, 1), "thai_nguyen_2025"),  # after the merger
    ("Tỉnh Phú Thọ mới có 30 KCN.", PUBLISHED, "phu_tho_2025"),
    ("Cả nước có 400 KCN. Việt Nam là điểm đến.", PUBLISHED, "viet_nam"),   # the document names only the country
    ("Việt Nam có 400 KCN.", PUBLISHED, "viet_nam"),
    ("Hiệp định hòa bình dành cho 5 dự án.", PUBLISHED, ""),           # "hòa bình" (peace) is not Hòa Bình
])
def test_jurisdiction(text, published, jurisdiction):
    found = extract(text, published=published)
    assert found[0].jurisdiction == jurisdiction


def test_jurisdiction_can_be_given():
    assert one("Toàn tỉnh có 5 dự án.", jurisdiction="bac_kan").jurisdiction == "bac_kan"


@pytest.mark.parametrize("text, indicator", [
    ("Tỷ lệ lấp đầy các KCN đạt 80%.", "kcn_occupancy_rate"),
    ("Lũy kế có 218 dự án FDI còn hiệu lực.", "fdi_projects_active"),
    ("Kinh tế số chiếm 20% GRDP của tỉnh.", "digital_economy_share_grdp"),
    ("Hỗ trợ 546 DN sử dụng các nền tảng số.", "smes_supported_digital_platforms"),
    ("Có 9 dự án FDI được cấp mới với tổng vốn 478,7 triệu USD.", "fdi_new_projects"),
    ("Giá trị sản xuất công nghiệp đạt 1.030 nghìn tỷ đồng.", "industrial_output"),
    ("Chỉ số PCI xếp thứ 15/63 tỉnh, thành phố.", "pci_rank"),
    ("Có khoảng 2.500 tuyến truyền dẫn nội tỉnh.", "transmission_routes"),
    ("Tỉnh có 5 bệnh viện và 300 nghìn tấn thép.", ""),
    ("Năm 2024 có 12 dự án.", ""),                                     # not enough to say which
])
def test_indicator_suggestion(text, indicator):
    assert extract(text, published=PUBLISHED)[0].indicator == indicator


# --- what is not a quantity --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quyết định số 1718/QĐ-UBND ngày 21/7/2023 của UBND tỉnh.",
    "Giấy phép số 821/GP-BTTTT, cấp ngày 22 tháng 12 năm 2021.",
    "Nghị quyết số 01/2023 của HĐND tỉnh.",
    "16/08/2024 08:06",
    "2025-04-22 10:07:00.0",
    "Thứ bảy 21/12/2024 23:17",
    "Ngày 8 - 9/12, diễn đàn được tổ chức.",
    "Đầu tháng 11-2024, UBND huyện tổ chức hội nghị.",
    "Khu công nghiệp Bá Thiện II, KCN Sông Công II.",
    "Trong bối cảnh cách mạng công nghiệp 4.0 và Industry 4.0.",
    "Mạng 5G đã có mặt; khu dân cư có 3G, 4G.",
    "Điện thoại: 0208.3501.260 - Fax: 0208.3501.260",
    "Địa chỉ: số 5, đường Nha Trang, phường Trưng Vương.",
    "Năm 2024 là năm bản lề của giai đoạn 2021-2030.",
    "Trong năm 2024 doanh nghiệp gặp khó khăn.",
    "Sau 27 năm xây dựng và phát triển.",
    "Khu vực phía Tây bao gồm 3 huyện: Định Hóa, Phú Lương, Đại Từ.",
    "Kế hoạch xác định 03 mục tiêu chính.",
    "Đại hội lần thứ 5 của Đảng bộ.",
    "Ảnh: thai nguyen hinh 1",
    "Địa chỉ IP của bạn: 216.73.216.243",
])
def test_not_quantities(text):
    assert extract(text, published=PUBLISHED) == []


def test_page_chrome_after_related_articles_is_ignored():
    article = "Thái Nguyên có 218 dự án FDI còn hiệu lực với tổng vốn 11,2 tỷ USD.\n" * 3
    chrome = "Bài liên quan\n  • Honda xuất xưởng xe thứ 40 triệu, 3 tỉnh sáp nhập, 500 dự án mới.\n"
    footer = "Tổng biên tập: Nguyễn Văn A. Giấy phép số 821 cấp 20 dự án.\n"
    found = extract(article + chrome + footer, published=PUBLISHED)
    assert [c.value for c in found] == ["218", "11.2"] * 3


# --- properties --------------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    " ", "  ", "\n", ".", ",", ";", ":", "(", ")", "/", "-", "–", "%", "“", "”", "0", "1", "06", "11, 2", "2.500",
    "1.030", "3.985,5", "8,91", "10/63", "118/126", "2021-2030", "21/7/2023", "tỷ", "triệu", "nghìn tỷ", "USD",
    "đồng", "dự án", "lượt dự án", "DN", "KCN", "ha", "km²", "tỉnh", "xã", "mục tiêu", "trên", "hơn", "gần",
    "khoảng", "ước đạt", "tối thiểu", "không kể", "Samsung", "lũy kế", "còn hiệu lực", "năm", "tháng", "quý",
    "đầu", "đến", "nay", "hiện có", "giai đoạn", "thứ", "nhóm", "vị trí", "Trung tâm", "phát thải ròng bằng",
    "mục tiêu", "Thái Nguyên", "Vĩnh Phúc", "Bài liên quan", "Địa chỉ:", "so với", "İ", "e\u0301", "ǅ", "ß",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_spans_are_exact_on_vietnamese_like_text(text):
    normalised = unicodedata.normalize("NFC", text)
    for c in extract(text):
        assert normalised[c.start:c.end] == c.quote
        assert c.kind in ("actual", "target")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    normalised = unicodedata.normalize("NFC", text)
    for c in extract(text, published=PUBLISHED):
        assert normalised[c.start:c.end] == c.quote


# --- the vocabulary names only ids that exist --------------------------------------------------------------

def _ids(file_name: str, column: str) -> set[str]:
    with (paths.DATA_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle)}


def test_unit_ids_exist():
    named = {u.unit_id for u in patterns.UNITS.values()} | set(patterns.MONEY_IDS.values())
    named |= {"pct_change", "pct_per_year", "rank_of_63", "rank_of_34", "tco2e_net"}
    assert named - {""} <= _ids("units.csv", "unit")


def test_qualifier_scope_indicator_and_jurisdiction_ids_exist():
    assert set(patterns.QUALIFIER_IDS.values()) | {"top", "plan"} <= _ids("qualifiers.csv", "qualifier")
    assert {"province", "industrial_zones", "excluding_samsung"} <= _ids("scopes.csv", "scope")
    assert {rule.indicator for rule in indicator_rules.RULES} <= _ids("indicators.csv", "indicator")
    for rule in indicator_rules.RULES:
        assert rule.units <= _ids("units.csv", "unit"), rule.indicator
    known = set(patterns.KNOWN_JURISDICTIONS.values()) | set(patterns.SUCCESSORS_AFTER_MERGER.values())
    assert known <= _ids("jurisdictions.csv", "jurisdiction")


def test_csv_row_has_exactly_the_columns():
    row = candidate_row(one("Lũy kế đến nay có trên 200 dự án FDI còn hiệu lực."))
    assert tuple(row) == CSV_COLUMNS
    assert row["value"] == "200" and row["value_base"] == "200" and row["period_start"] == "2024-08-16"


# --- what a planner needs from a news article (issue 15): indicator from the clause, periods, places --------

AFTER_MERGER = date(2025, 9, 15)


def found(text: str, published: date | None = PUBLISHED) -> dict[str, object]:
    """value → candidate, for sentences with several quantities."""
    return {c.value: c for c in extract(text, published=published)}


@pytest.mark.parametrize("text, value, unit_id, indicator, qualifier", [
    ("Số doanh nghiệp công nghệ số đạt 1 doanh nghiệp/1.000 dân.", "1", "enterprises_per_1000",
     "digital_tech_enterprises_per_1000", ""),
    ("Tỉnh phấn đấu có 2 doanh nghiệp công nghệ số trên 1.000 dân.", "2", "enterprises_per_1000",
     "digital_tech_enterprises_per_1000", ""),
    ("Toàn tỉnh hiện có khoảng 1,45 triệu tài khoản thanh toán cá nhân.", "1.45", "mn_accounts", "payment_accounts",
     "about"),
    ("Các doanh nghiệp đã phát hành trên 21 triệu hóa đơn điện tử.", "21", "mn_invoices", "e_invoices_issued", "over"),
    ("Giao dịch thanh toán không dùng tiền mặt chiếm 78% tổng số giao dịch.", "78", "pct", "cashless_payment_share",
     ""),
    ("100% trường học đã thu học phí không dùng tiền mặt.", "100", "pct", "", ""),      # a share of schools
    ("Năm 2023 có 99,6% doanh nghiệp sử dụng hóa đơn điện tử.", "99.6", "pct", "e_invoice_enterprise_share", ""),
    ("Thu ngân sách nhà nước trên địa bàn đạt 15.420 tỷ đồng.", "15420", "vnd_bn", "budget_revenue", ""),
    ("Trong đó, thu nội địa đạt 11.360 tỷ đồng.", "11360", "vnd_bn", "domestic_revenue", ""),
    ("Kim ngạch nhập khẩu ước đạt 17,1 tỷ USD.", "17.1", "usd_bn", "imports", "estimate"),
    ("Thu từ hoạt động xuất nhập khẩu đạt 4.060 tỷ đồng.", "4060", "vnd_bn", "", ""),
    ("Các KCN đang tạo việc làm cho khoảng 125.000 lao động.", "125000", "workers", "kcn_workers", "about"),
    ("Riêng Công ty TNHH Samsung Electronics Việt Nam Thái Nguyên sử dụng gần 60.000 lao động.", "60000", "workers",
     "", "nearly"),                                                                      # one company's headcount
    ("Tăng trưởng GRDP năm 2025 từ 8% trở lên.", "8", "pct_change", "grdp_growth", "at_least"),
    ("Tổng sản phẩm (GRDP) quý I/2025 ước tăng 7,2%.", "7.2", "pct_change", "grdp_growth", "estimate"),
    ("Chỉ số sản xuất toàn ngành công nghiệp quý I tăng 9,1%.", "9.1", "pct_change", "industrial_output_growth", ""),
    ("Doanh thu từ hoạt động kinh tế số đạt khoảng 39.800 tỷ đồng.", "39800", "vnd_bn", "digital_economy_revenue",
     "about"),
    ("Chỉ số DTI năm 2022 của Vĩnh Phúc xếp thứ 15/63.", "15", "rank_of_63", "dti_rank", ""),
])
def test_the_indicator_is_suggested_from_the_clause(text, value, unit_id, indicator, qualifier):
    candidate = found(text)[value]
    assert (candidate.unit_id, candidate.indicator, candidate.qualifier) == (unit_id, indicator, qualifier)


@pytest.mark.parametrize("text, expected", [
    # "với" and "và" end what describes a number: the next clause names the next one
    ("Tỉnh cấp mới 34 dự án FDI với số vốn 242 triệu USD và điều chỉnh tăng vốn cho 41 lượt dự án.",
     {"34": "fdi_new_projects", "242": "fdi_new_capital", "41": "fdi_capital_increase_projects"}),
    ("Tỉnh đã cấp mới 21 dự án FDI với tổng vốn đăng ký 190,6 triệu USD; điều chỉnh tăng vốn cho 28 lượt dự án FDI "
     "với số vốn tăng thêm 95,2 triệu USD.",
     {"21": "fdi_new_projects", "190.6": "fdi_new_capital", "28": "fdi_capital_increase_projects",
      "95.2": "fdi_capital_increase"}),
    # "newly licensed" as people also write it: "dự án FDI mới"; new projects at home stay without a suggestion
    ("6 tháng đầu năm 2026, tỉnh thu hút 12 dự án FDI mới với tổng vốn đăng ký đạt 350,5 triệu USD.",
     {"12": "fdi_new_projects", "350.5": "fdi_new_capital"}),
    ("Năm 2024, tỉnh có 45 dự án đầu tư nước ngoài mới, vốn 400 triệu USD; 20 dự án mới trong nước.",
     {"45": "fdi_new_projects", "400": "", "20": ""}),
    # "70% X và 35% Y": X names the 70%, Y the 35%
    ("Doanh nghiệp trong các KCN đóng góp khoảng 70% kim ngạch xuất khẩu và 35% thu ngân sách của tỉnh.",
     {"70": "kcn_share_exports", "35": "kcn_share_budget"}),
    ("Kim ngạch xuất khẩu của doanh nghiệp KCN đạt 31,2 tỷ USD, chiếm 96% kim ngạch xuất khẩu của tỉnh.",
     {"31.2": "exports", "96": "kcn_share_exports"}),
])
def test_each_number_gets_the_indicator_of_its_own_clause(text, expected):
    assert {v: c.indicator for v, c in found(text).items()} == expected


def test_an_estimate_carries_to_the_change_stated_with_it():
    candidates = found("Kim ngạch xuất khẩu 9 tháng ước đạt 23,8 tỷ USD, tăng 9,7% so với cùng kỳ.", date(2024, 10, 8))
    assert [(c.indicator, c.qualifier) for c in candidates.values()] == [("exports", "estimate"),
                                                                        ("exports_growth", "estimate")]


@pytest.mark.parametrize("text, scopes", [
    ("Kim ngạch xuất khẩu đạt 33,7 tỷ USD; riêng các doanh nghiệp trong khu công nghiệp xuất khẩu 31,9 tỷ USD.",
     {"33.7": "province", "31.9": "industrial_zones"}),
    ("Lũy kế đến hết năm 2024, các KCN trên địa bàn tỉnh có 212 dự án còn hiệu lực, trong đó có 168 dự án FDI.",
     {"212": "industrial_zones", "168": "industrial_zones"}),
    # a share of the province's total held by its zones is measured province-wide
    ("Giá trị sản xuất công nghiệp của các doanh nghiệp trong các KCN chiếm khoảng 85% giá trị sản xuất công nghiệp "
     "toàn tỉnh. Tỷ lệ lấp đầy bình quân của các KCN đạt 72%.", {"85": "province", "72": "province"}),
])
def test_the_scope_is_read_in_the_numbers_part_of_the_sentence(text, scopes):
    assert {v: c.scope for v, c in found(text).items()} == scopes


@pytest.mark.parametrize("text, published, value, start, end", [
    ("Kim ngạch xuất khẩu 9 tháng ước đạt 23,8 tỷ USD.", date(2024, 10, 8), "23.8", date(2024, 1, 1),
     date(2024, 9, 30)),
    ("Kim ngạch xuất khẩu 9 tháng ước đạt 23,8 tỷ USD.", date(2025, 1, 10), "23.8", date(2024, 1, 1),
     date(2024, 9, 30)),                                       # in January, "9 tháng" are last year's
    ("Sau 6 tháng triển khai, có 40 doanh nghiệp chuyển đổi số.", date(2024, 10, 8), "40", None, None),
    ("Từ đầu năm đến nay, tỉnh đã cấp mới 41 dự án FDI.", date(2025, 11, 12), "41", date(2025, 1, 1),
     date(2025, 11, 12)),
    ("Tính đến 31/3/2025, tỉnh có 481 dự án FDI còn hiệu lực.", date(2025, 4, 8), "481", date(2025, 3, 31),
     date(2025, 3, 31)),
    ("Tính đến hết tháng 10, toàn tỉnh có 246 dự án FDI còn hiệu lực.", date(2025, 11, 12), "246",
     date(2025, 10, 31), date(2025, 10, 31)),
    ("Hiện toàn tỉnh có 1.120 doanh nghiệp công nghệ số.", date(2025, 9, 15), "1120", date(2025, 9, 15),
     date(2025, 9, 15)),
])
def test_periods_from_the_articles_date(text, published, value, start, end):
    candidate = found(text, published)[value]
    assert (candidate.period_start, candidate.period_end) == (start, end)


def test_a_whole_year_is_the_year_the_text_talks_about_not_a_comparison():
    text = ("Năm 2023, tỷ trọng kinh tế số đạt 15,2%, tăng so với năm 2022.\n"
            "Trong năm, giao dịch thanh toán không dùng tiền mặt chiếm 72% số giao dịch qua ngân hàng.")
    candidate = found(text, date(2024, 2, 15))["72"]
    assert (candidate.period_start, candidate.period_end, candidate.period_label) == (
        date(2023, 1, 1), date(2023, 12, 31), "Trong năm 2023")


@pytest.mark.parametrize("text, value, jurisdiction", [
    ("Năm 2024, tỷ trọng kinh tế số trong GRDP của tỉnh Thái Nguyên (cũ) đạt 23,5%.", "23.5", "thai_nguyen"),
    ("Năm 2024, tỉnh Thái Nguyên thu hút 22 dự án FDI cấp mới.", "22", "thai_nguyen"),     # before the merger
    ("8 tháng năm 2025, tỉnh Thái Nguyên thu hút 35 dự án FDI cấp mới.", "35", "thai_nguyen_2025"),
    ("Mục tiêu đến năm 2030, tỷ trọng kinh tế số của tỉnh Thái Nguyên đạt 30%.", "30", "thai_nguyen_2025"),
    ("Tỉnh Thái Nguyên mới (sau hợp nhất với Bắc Kạn) đặt mục tiêu đến năm 2030 có 50 cụm công nghiệp.", "50",
     "thai_nguyen_2025"),
    ("Năm 2024, tăng trưởng GRDP của tỉnh Vĩnh Phúc (cũ) đạt 6,5%.", "6.5", "vinh_phuc"),
])
def test_after_the_merger_old_outcomes_stay_with_the_old_province(text, value, jurisdiction):
    assert found(text, AFTER_MERGER)[value].jurisdiction == jurisdiction


@pytest.mark.parametrize("text, value, clause", [
    ("Năm 2024, tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 98%.", "98",
     "tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 98%"),
    ("Kim ngạch xuất khẩu đạt 32,5 tỷ USD, tăng 12% so với năm 2023.", "12",
     "Kim ngạch xuất khẩu đạt 32,5 tỷ USD, tăng 12% so với năm 2023"),     # "tăng 12%" alone names nothing
    ("Năm 2024, tăng trưởng GRDP của tỉnh Vĩnh Phúc (cũ) đạt 6,5%.", "6.5",
     "tăng trưởng GRDP của tỉnh Vĩnh Phúc (cũ) đạt 6,5%"),
    ("Tỷ lệ này đạt 57% (không kể Tổ hợp Samsung là 42,38%).", "42.38", "không kể Tổ hợp Samsung là 42,38%"),
])
def test_the_quote_kept_is_the_clause_that_states_the_value(text, value, clause):
    assert found(text)[value].clause == clause


@given(st.text(alphabet="0123456789,. ;:()%abcđươ tỷUSDdựán", min_size=1, max_size=300))
@settings(max_examples=150, deadline=None)
def test_the_clause_is_always_a_short_exact_span_around_its_number(text):
    for c in extract(text, published=PUBLISHED):
        assert text[c.clause_start:c.clause_end] == c.clause if text == unicodedata.normalize("NFC", text) else True
        assert len(c.clause) <= 160
        assert c.clause_start <= c.start and c.end <= c.clause_end or c.clause == ""
