"""The Vietnamese vocabulary of the extractor: every regular expression and word list, compiled once.

Nothing here runs over a text; `core.py` does. Keeping the words in one place lets a reviewer see what the
extractor knows (and a test check that every id named here exists in `data/`).

Numbers are parsed by `provdash.numbers.parse_vn_number`; the token pattern below only decides where a number
stated as a quantity starts and ends, which needs tighter boundaries than `numbers.VN_NUMBER` (a year or a list
"2022, 2023" must not swallow the next number).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# --- numbers -------------------------------------------------------------------------------------------------

# "1.030", "3.985,5", "8,91", "06". Not "4.0" (Industry 4.0), "5G", "0208.3501.260" or the "2023" of "21/7/2023".
# Every pattern that scans the whole text starts with a digit or a literal, so that `re` can skip ahead to the
# next possible start in C; the "not preceded by" test therefore comes after the first digit.
_NUM_REST = r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?"
_NUM_END = r"(?!\w|[.,]\d)"
# The capture typo "11, 2 tỷ USD": accepted only right before a scale word or %, where it cannot be a list.
_TYPO_REST = r"\d{0,2},[ ]\d{1,2}(?=[ ]*(?:nghìn|ngàn|triệu|tỷ|tỉ|%))"
NUMBER = rf"\d(?<![\w.,/]\d)(?:{_TYPO_REST}|(?:{_NUM_REST}){_NUM_END})"
NUMBER_PLAIN = rf"\d(?:{_NUM_REST}){_NUM_END}"

# --- scale words and units -----------------------------------------------------------------------------------

SCALES: dict[str, Decimal] = {
    "nghìn tỷ": Decimal(10) ** 12, "ngàn tỷ": Decimal(10) ** 12, "nghìn tỉ": Decimal(10) ** 12,
    "ngàn tỉ": Decimal(10) ** 12,
    "tỷ": Decimal(10) ** 9, "tỉ": Decimal(10) ** 9,
    "triệu": Decimal(10) ** 6,
    "nghìn": Decimal(10) ** 3, "ngàn": Decimal(10) ** 3,
}
_SCALE_ALT = r"(?:nghìn|ngàn)[ ]+t[ỷỉ]|nghìn|ngàn|triệu|t[ỷỉ]"


@dataclass(frozen=True)
class Unit:
    """A unit word: what it measures in (unit_base) and its id in data/units.csv when stated without a scale."""

    base: str               # base unit of value_base: USD, VND, %, ha, km2, count, t, MW, kWh, times
    unit_id: str = ""       # id in data/units.csv for the bare word ("%" → pct, "dự án" → projects)
    kind: str = "count"     # money | percent | measure | count
    fraction_only: bool = False   # counted only as a fraction of a whole ("15/15 mục tiêu")


# Written form (case as it must appear) → unit. Longer forms are tried first.
UNITS: dict[str, Unit] = {
    # money (the id depends on the scale word: see MONEY_IDS)
    "USD": Unit("USD", kind="money"), "US$": Unit("USD", kind="money"),
    "đô la Mỹ": Unit("USD", kind="money"), "đô la": Unit("USD", kind="money"),
    "đồng": Unit("VND", kind="money"), "VND": Unit("VND", kind="money"), "VNĐ": Unit("VND", kind="money"),
    "vnđ": Unit("VND", kind="money"),
    # shares
    "%": Unit("%", "pct", "percent"), "phần trăm": Unit("%", "pct", "percent"),
    # measures
    "ha": Unit("ha", "ha", "measure"), "héc-ta": Unit("ha", "ha", "measure"), "hecta": Unit("ha", "ha", "measure"),
    "km²": Unit("km2", kind="measure"), "km2": Unit("km2", kind="measure"),
    "m²": Unit("m2", kind="measure"), "m2": Unit("m2", kind="measure"), "km": Unit("km", kind="measure"),
    "tấn": Unit("t", kind="measure"), "MW": Unit("MW", kind="measure"), "kWh": Unit("kWh", kind="measure"),
    "lần": Unit("times", kind="measure"),
    # counts with a unit id
    "lượt dự án": Unit("count", "projects"), "dự án": Unit("count", "projects"),
    "doanh nghiệp": Unit("count", "enterprises"), "DN": Unit("count", "enterprises"),
    "khu công nghệ thông tin tập trung": Unit("count", "zones"), "khu công nghệ thông tin": Unit("count", "zones"),
    "khu CNTT tập trung": Unit("count", "zones"), "khu CNTT": Unit("count", "zones"),
    "khu công nghiệp": Unit("count", "zones"), "KCN": Unit("count", "zones"),
    "cụm công nghiệp": Unit("count", "clusters"), "CCN": Unit("count", "clusters"), "cụm": Unit("count", "clusters"),
    "tuyến": Unit("count", "routes"),
    "giấy chứng nhận": Unit("count", "certificates"),
    "lượt cài đặt": Unit("count", "installs"),
    "quốc gia và vùng lãnh thổ": Unit("count", "countries"), "quốc gia, vùng lãnh thổ": Unit("count", "countries"),
    "quốc gia": Unit("count", "countries"),
    "trung tâm": Unit("count", "centres"),
    "tài khoản": Unit("count", "accounts"), "hóa đơn": Unit("count", "invoices"),
    "hoá đơn": Unit("count", "invoices"),
    "người lao động": Unit("count", "workers"), "lao động": Unit("count", "workers"),
    # counts without a unit id (yet)
    "hợp tác xã": Unit("count"), "HTX": Unit("count"), "hộ kinh doanh": Unit("count"), "hộ": Unit("count"),
    "xã": Unit("count"), "phường": Unit("count"), "thị xã": Unit("count"), "huyện": Unit("count"),
    "thành phố": Unit("count"), "tỉnh, thành phố": Unit("count"), "tỉnh": Unit("count"),
    "người": Unit("count"), "sản phẩm": Unit("count"), "nhà máy": Unit("count"),
    "tiêu chí": Unit("count"), "chỉ tiêu": Unit("count"), "lượt": Unit("count"),
    "mục tiêu": Unit("count", fraction_only=True),
}

# (scale word, currency) → unit id in data/units.csv
MONEY_IDS = {
    (Decimal(10) ** 9, "USD"): "usd_bn", (Decimal(10) ** 6, "USD"): "usd_mn",
    (Decimal(10) ** 12, "VND"): "vnd_tn", (Decimal(10) ** 9, "VND"): "vnd_bn", (Decimal(10) ** 6, "VND"): "vnd_mn",
}


# (scale word, unit id of the bare count) → unit id in data/units.csv: "1,45 triệu tài khoản"
COUNT_SCALED_IDS = {
    (Decimal(10) ** 6, "accounts"): "mn_accounts", (Decimal(10) ** 6, "invoices"): "mn_invoices",
}
# "1 doanh nghiệp/1.000 dân", "2 doanh nghiệp công nghệ số trên 1.000 dân": a density, not a count
PER_THOUSAND_PEOPLE = re.compile(r"[^,;.()\d]{0,40}?(?:/|trên|mỗi)[ ]*(?:1\.000|1000|một[ ]+nghìn|nghìn)[ ]+dân(?!\w)")
PER_THOUSAND_IDS = {"enterprises": "enterprises_per_1000"}


def _unit_alternation() -> str:
    parts = []
    for written in sorted(UNITS, key=len, reverse=True):
        source = re.escape(written).replace(r"\ ", r"[ ]+")
        parts.append(source if written == "%" else source + r"(?!\w)")
    return "|".join(parts)


def unit_key(written: str) -> str:
    """The UNITS key of a unit as matched in the text (spaces collapsed)."""
    return " ".join(written.split())


# "triệu đồng/người/năm", "%/năm"
_PER = r"(?:[ ]*/[ ]*(?:người|năm|tháng|ngày|ha|lao động|hộ|km²|km2|(?:1\.000|1000|nghìn)[ ]+dân))*"

# Every number token, with what follows it when that makes it a quantity: a range, the whole of a fraction or
# ranking ("118/126", "10/63"), a scale word and a unit. A bare token (a year, a day) is dropped by core.py.
QUANTITY = re.compile(
    rf"(?P<num>{NUMBER})"
    rf"(?:(?P<rsep>[ ]*[-–—][ ]*|[ ]+(?:đến|tới)[ ]+)(?P<num2>{NUMBER_PLAIN})(?=[ \u00a0]*(?:{_SCALE_ALT}|%|\w)))?"
    rf"(?:/(?P<total>\d{{1,6}})(?![\d/]|[.,]\d))?"
    rf"(?:"
    rf"[ \u00a0]*(?P<scale>{_SCALE_ALT})(?!\w)(?:[ \u00a0]*(?P<unit>{_unit_alternation()})(?P<per>{_PER}))?"
    rf"|[ \u00a0]*(?P<unit2>{_unit_alternation()})(?P<per2>{_PER})"
    rf")?"
)

# Read backwards from a number (in a short window ending at it):
# ranks "vị trí thứ 10/63", "xếp hạng 5", "đứng thứ 2"; groups "thuộc nhóm 15 tỉnh", "top 10 địa phương"
RANK_LEAD = re.compile(
    r"(?<!\w)(?:[Vv]ị[ ]+trí[ ]+(?:thứ[ ]+)?|[Xx]ếp[ ]+(?:hạng[ ]+)?(?:thứ[ ]+)?|[Đđ]ứng[ ]+(?:thứ[ ]+)?"
    r"|[Hh]ạng[ ]+|[Tt]hứ[ ]+)$"
)
TOP_LEAD = re.compile(r"(?<!\w)(?:[Tt]huộc[ ]+)?(?:[Nn]hóm|[Tt]op|TOP|[Tt]ốp)[ ]+$")
RANK_UNIT_AFTER = re.compile(
    r"[ ]+(?P<unitw>tỉnh(?:,?[ ]*thành(?:[ ]+phố)?)?|tỉnh thành|địa phương)(?!\w)")
# "Trung tâm Điều hành thông minh thứ 3": opening the 3rd centre states that there are 3
ORDINAL_LEAD = re.compile(
    r"(?P<noun>[Tt]rung tâm|[Kk]hu công nghiệp|KCN|[Cc]ụm công nghiệp|CCN)(?:[ ]+[^\W\d_]+){0,5}?[ ]+thứ[ ]+$"
)
# "phát thải ròng bằng “0”", "net zero" stated with a number
NET_ZERO_LEAD = re.compile(
    r"""(?:[Pp]hát[ ]+thải[ ]+ròng|[Nn]et[- ]?[Zz]ero|NET[- ]?ZERO)(?:[ ]+(?:bằng|về|=))?[ ]*[“"'‘]?$""")
NET_ZERO_CLOSE = re.compile(r"[”\"'’]")

# --- what surrounds a number ---------------------------------------------------------------------------------

# All of these are matched in the lower-cased text (core.py keeps a copy; positions are the same), so they carry
# no IGNORECASE, which would make `re` fold the case of every character it reads.

# Read backwards from the number: qualifier word(s) right before it. Searched in a short window ending there.
QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?P<q>trên|hơn|gần|khoảng|xấp[ ]+xỉ|ước[ ]+đạt|ước[ ]+tính|dự[ ]+ước|ước|tối[ ]+thiểu|ít[ ]+nhất"
    r"|không[ ]+dưới)[ ]+(?:(?:đạt|là|có|khoảng|mức|tăng|giảm)[ ]+)?$"
)
QUALIFIER_IDS = {
    "trên": "over", "hơn": "over", "gần": "nearly", "khoảng": "about", "xấp xỉ": "about",
    "ước đạt": "estimate", "ước tính": "estimate", "dự ước": "estimate", "ước": "estimate",
    "tối thiểu": "at_least", "ít nhất": "at_least", "không dưới": "at_least",
}
# A change verb right before a percentage: "tăng 8%", "giảm khoảng 2%"
CHANGE_BEFORE = re.compile(r"(?<!\w)(?<!gia )(?P<verb>tăng|giảm)(?:[ ]+(?:thêm|khoảng|gần|hơn|trên))?[ ]+$")
# A change word anywhere in the clause before a bare %: "tăng trưởng kinh tế 10,5%" (not "giá trị gia tăng",
# and not "tăng lên 80%", which states the new level)
CHANGE_IN_CLAUSE = re.compile(r"(?<!\w)(?<!gia )(?:tăng|giảm)(?!\w)(?![ ]+(?:lên|xuống))")
# …unless the number is the level reached or left: "tăng từ 60% lên 80%", "chiếm 30%"
LEVEL_BEFORE = re.compile(r"(?:lên|xuống|từ|chiếm)[ ]+(?:mức[ ]+)?$")
GROWTH = re.compile(r"tăng[ ]+trưởng")

# Right before the number, these make it a time reference or an ordinal, not a quantity
TIME_BEFORE = re.compile(
    r"(?<!\w)(?:ngày|tháng|năm|quý|giai[ ]+đoạn|thời[ ]+kỳ|nhiệm[ ]+kỳ|khóa|khoá|lần[ ]+thứ|thứ|(?<!tổng[ ])số"
    r"|mã|bài)[ ]*$"
)
# "3 huyện: Định Hóa, Phú Lương, Đại Từ" enumerates; it is not a quantity worth reporting
ENUMERATION_AFTER = re.compile(r"[ ]*:")

PLAN_WORDS = re.compile(r"quy[ ]+hoạch")
PLAN_OPENING = re.compile(r"\W*(?:theo[ ]+)?quy[ ]+hoạch")          # used with .match at the sentence start
TARGET_WORDS = re.compile(
    r"(?:mục[ ]+tiêu|phấn[ ]+đấu|kế[ ]+hoạch|dự[ ]+kiến|định[ ]+hướng|chỉ[ ]+tiêu|tầm[ ]+nhìn|sẽ|cần[ ]+đạt"
    r"|đặt[ ]+ra)(?!\w)"
)
# Goal words that report an outcome or name an office, not a goal
NOT_TARGET_WORDS = re.compile(
    r"(?:vượt|so[ ]+với|hoàn[ ]+thành|đạt|bằng)[ ]+(?:\S+[ ]+){0,2}?(?:mục[ ]+tiêu|kế[ ]+hoạch|chỉ[ ]+tiêu)"
    r"|kế[ ]+hoạch[ ]+(?:và|-|–)[ ]+đầu[ ]+tư"
)
CUMULATIVE = re.compile(r"(?:lũy|luỹ)[ ]+kế")
STILL_ACTIVE = re.compile(r"còn[ ]+hiệu[ ]+lực|đang[ ]+hoạt[ ]+động")
EXCLUDING = re.compile(r"không[ ]+(?:kể|tính)|ngoại[ ]+trừ")
SAMSUNG = re.compile(r"samsung")
INDUSTRIAL_ZONES_SCOPE = re.compile(
    r"(?:trong|tại|vào)[ ]+(?:các[ ]+)?(?:kcn|khu[ ]+công[ ]+nghiệp)"
    r"|ban[ ]+quản[ ]+lý[ ]+các[ ]+(?:kcn|khu[ ]+công[ ]+nghiệp)"
    # the zones (or their firms) as the subject: "doanh nghiệp KCN", "các KCN trên địa bàn tỉnh có …"
    r"|(?:doanh[ ]+nghiệp|dự[ ]+án)[ ]+(?:kcn|khu[ ]+công[ ]+nghiệp)"
    r"|các[ ]+(?:kcn|khu[ ]+công[ ]+nghiệp)(?:[ ]+\(kcn\))?[ ]+(?:trên[ ]+địa[ ]+bàn|đang|có|đã[ ]+thu[ ]+hút|thu[ ]+hút"
    r"|tạo|đóng[ ]+góp)"
)
# "cho 27 dự án đầu tư trong nước": projects of a kind, counted as projects even when certificates were issued
TYPED_PROJECTS_AFTER = re.compile(r"[ ]*(?:đầu[ ]+tư[ ]+trong[ ]+nước|ddi|fdi|có[ ]+vốn|đầu[ ]+tư[ ]+nước[ ]+ngoài)(?!\w)")
# A clause about one company, factory or bank branch: its numbers are not the province's indicators
ONE_COMPANY = re.compile(r"(?<!\w)(?:công[ ]+ty|tập[ ]+đoàn|nhà[ ]+máy|một[ ]+ngân[ ]+hàng)(?!\w)")
# "cấp giấy chứng nhận đăng ký đầu tư cho 1 dự án": one certificate per project
CERTIFICATE_FOR = re.compile(r"giấy[ ]+chứng[ ]+nh\w*[^,;.]{0,60}cho[ ]+$")

# --- periods ------------------------------------------------------------------------------------------------

# One pattern per kind of period, each starting with a literal so that `re` skips ahead fast. They run on the
# lower-cased text (same length; core.py checks), in order of precedence: a match inside a longer one is
# dropped ("năm 2030" inside "đến năm 2030").
_YEAR = r"(?:19|20|21)\d\d"
PERIOD_KINDS: tuple[tuple[str, re.Pattern], ...] = (
    ("ytd", re.compile(r"(?:từ[ ]+)?đầu[ ]+năm[ ]+(?:đến|tới)[ ]+(?:nay|hiện[ ]+nay|thời[ ]+điểm[ ]+này)(?!\w)")),
    ("asof", re.compile(r"(?:đến|tới)[ ]+(?:nay|hiện[ ]+nay|thời[ ]+điểm[ ]+này)(?!\w)")),
    ("day", re.compile(rf"(?:đến|tới)[ ]+(?:hết[ ]+)?(?:ngày[ ]+)?(?P<dd>[0-3]?\d)[/\-.](?P<dm>[01]?\d)[/\-.](?P<dy>{_YEAR})"
                       rf"(?!\d)")),
    ("months", re.compile(rf"(?P<mn>\d(?<![\w/.,]\d)\d?|sáu|chín)[ ]+tháng[ ]+(?P<mpos>đầu[ ]+|cuối[ ]+)?năm"
                          rf"(?:[ ]+(?P<my>{_YEAR}))?(?!\w)")),
    ("months_bare", re.compile(r"(?P<bn>\d(?<![\w/.,]\d)\d?|sáu|chín)[ ]+tháng(?![ ]+(?:năm|qua|gần|vừa|tới|nữa"
                               r"|sau|trước|liền|liên|một|đầu|cuối|\d))(?!\w)")),
    ("quarter", re.compile(rf"quý[ ]+(?P<q>iv|i{{1,3}}|[1-4])(?!\w)(?:[ ]*(?:/|-|năm)[ ]*(?P<qy>{_YEAR}))?")),
    ("multi", re.compile(rf"(?:giai[ ]+đoạn|thời[ ]+kỳ|nhiệm[ ]+kỳ|các[ ]+năm|từ[ ]+năm|năm)[ ]+(?P<y1>{_YEAR})"
                         rf"[ ]*(?:-|–|—|đến)[ ]*(?:năm[ ]+)?(?P<y2>{_YEAR})(?!\d)")),
    ("until", re.compile(rf"(?:đến|tới)[ ]+(?P<upos>hết[ ]+|cuối[ ]+)?năm[ ]+(?P<uy>{_YEAR})(?!\d)")),
    ("month", re.compile(rf"tháng[ ]+(?P<mo>\d{{1,2}})[ ]*(?:/|-|năm)[ ]*(?P<moy>{_YEAR})(?!\d)")),
    ("month_noyear", re.compile(r"tháng[ ]+(?P<mo2>1[0-2]|0?[1-9])(?![\d/.\-])(?![ ]*(?:năm|/|-))")),
    ("whole_year", re.compile(r"(?:cả|trong)[ ]+năm(?![ ]+(?:19|20|21)\d\d)(?![ ]+(?:nay|qua|tới|sau|trước|học"
                              r"|đầu|cuối|\d))(?!\w)")),
    ("thisyear", re.compile(r"năm[ ]+nay(?!\w)")),
    ("recent", re.compile(r"(?P<rn>\d(?<![\w/.,]\d)\d?)[ ]+(?P<runit>năm|tháng)[ ]+"
                          r"(?:qua|gần[ ]+đây|vừa[ ]+qua)(?!\w)")),
    ("vague", re.compile(rf"(?:đầu|giữa|cuối)[ ]+năm[ ]+{_YEAR}(?!\d)")),
    ("year", re.compile(rf"năm[ ]+(?P<y>{_YEAR})(?![\d/])")),
    # "hiện" as an adverb ("hiện toàn tỉnh có"), not in "thực hiện", "thể hiện", "hiện đại", "hiện trạng" …
    ("now", re.compile(r"(?<!thực )(?<!thể )(?<!xuất )(?<!phát )(?<!biểu )(?<!tái )(?<!hiển )hiện"
                       r"(?:[ ]+(?:nay|có|tại)(?!\w)"
                       r"|(?![ ]+(?:đại|trạng|tượng|hành|thực|vật|diện|hữu|ra|lên|rõ|thân|hình|kim|dịch))(?!\w))")),
)
# Before a bare "6 tháng", these make it a duration, not a period of the year ("sau 6 tháng", "mỗi 3 tháng")
DURATION_BEFORE = re.compile(r"(?:sau|mỗi|vòng|kéo[ ]+dài|hơn|gần|khoảng|tối[ ]+đa|thời[ ]+hạn)[ ]+$")
# Words that extend a period backwards: "lũy kế đến nay", "tính đến nay"
PERIOD_LEAD = re.compile(r"(?:(?:lũy|luỹ)[ ]+kế|tính)[ ]+$")
# "đến hết quý I/2024", "tính đến cuối tháng 6/2024": a stock as of the last day of that quarter or month
UNTIL_END_LEAD = re.compile(r"(?:tính[ ]+)?(?:đến|tới)[ ]+(?:hết|cuối)[ ]+$")
# "70% kim ngạch xuất khẩu và 35% …": the words between two numbers joined by "và" name the first one
COORDINATED_BEFORE = re.compile(r"[^\d,;:]{1,60}[ ]+(?:và|cùng)[ ]+$")
# "từ 8% trở lên": the value is a floor
AT_LEAST_AFTER = re.compile(r"[ ]*trở[ ]+lên(?!\w)")
# "năm 2024" anywhere before a quantity: the year "cả năm" / "trong năm" refers to
EXPLICIT_YEAR = re.compile(rf"năm[ ]+(?P<y>{_YEAR})(?![\d/])")
# "so với năm 2023": the base of a comparison, not the period of the value
COMPARISON_LEAD = re.compile(r"so[ ]+với[ ]+(?:cùng[ ]+kỳ[ ]+)?$")
# A date with a time of day near the top of a page is its publication stamp
DATELINE = re.compile(
    r"(?P<d1>\d{1,2})/(?P<m1>\d{1,2})/(?P<y1>\d{4})[ ,]+\d{1,2}:\d{2}"
    r"|\d{1,2}:\d{2}(?::\d{2})?[ ,]+(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})[ T]\d{1,2}:\d{2}"
)

# --- sentences, paragraphs, page chrome ---------------------------------------------------------------------

# A sentence ends at . ! ? … followed by a space (not "1.030", and not the "TP." of "TP. Sông Công"), or at a
# line end.
SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)|[.!?…]*[\"”’)\]]*(?=\s))")
ABBREVIATION_BEFORE = re.compile(r"(?<!\w)(?:TP|Tp|TX|TS|ThS|PGS|GS)$")
PARAGRAPH_END = re.compile(r"\n")
# Lines that are the page's furniture: contact block, licence, copyright
_CHROME_LINE_BODY = (
    r"[ \t•·*\-]*(?:Địa[ ]+chỉ|Điện[ ]+thoại|ĐT|Fax|E-?mail|Hotline|Giấy[ ]+phép|Bản[ ]+quyền|Copyright|©"
    r"|Chịu[ ]+trách[ ]+nhiệm|Tổng[ ]+biên[ ]+tập|Phó[ ]+tổng[ ]+biên[ ]+tập|Chỉ[ ]+được[ ]+phát[ ]+hành"
    r"|Ghi[ ]+rõ[ ]+nguồn)(?!\w)[^\n]*"
)
# A heading after which the rest of the page is lists of other articles and comment forms
_CHROME_TAIL_BODY = (
    r"[ \t•·]*(?:Bài[ ]+liên[ ]+quan|Tin[ ]+liên[ ]+quan|Tin[ ]+cùng[ ]+chuyên[ ]+mục|Tin[ ]+cùng[ ]+chủ[ ]+đề"
    r"|Bài[ ]+viết[ ]+cùng[ ]+chủ[ ]+đề|Các[ ]+tin[ ]+khác|Tin[ ]+khác|Ý[ ]+kiến[ ]+của[ ]+bạn"
    r"|Ý[ ]+kiến[ ]+bạn[ ]+đọc|Thông[ ]+tin[ ]+bạn[ ]+đọc|Gửi[ ]+bình[ ]+luận)(?!\w)[^\n]{0,60}(?=\n|$)"
)
# Both start at a line: after "\n" (a literal `re` finds fast), or at the very start of the text
CHROME_LINE = re.compile(r"\n" + _CHROME_LINE_BODY, re.IGNORECASE)
CHROME_LINE_AT_START = re.compile(_CHROME_LINE_BODY, re.IGNORECASE)
CHROME_TAIL = re.compile(r"\n" + _CHROME_TAIL_BODY, re.IGNORECASE)
# The tail heading counts only past this share of the text (a menu at the top may name "Tin khác")
CHROME_TAIL_MIN_SHARE = 0.3

# --- jurisdictions ------------------------------------------------------------------------------------------

# Names in data/jurisdictions.csv → id. "… mới" is the province formed by the 2025 merger.
KNOWN_JURISDICTIONS = {
    "Thái Nguyên mới": "thai_nguyen_2025", "Phú Thọ mới": "phu_tho_2025",
    "Thái Nguyên": "thai_nguyen", "Bắc Kạn": "bac_kan", "Vĩnh Phúc": "vinh_phuc", "Phú Thọ": "phu_tho",
    "Hòa Bình": "hoa_binh", "Hoà Bình": "hoa_binh", "Việt Nam": "viet_nam",
}
# "Thái Nguyên (cũ)", "tỉnh Vĩnh Phúc cũ": the province before the merger, whatever the article's date
OLD_AFTER_NAME = re.compile(r"[ ]*(?:\([ ]*cũ[ ]*\)|cũ(?!\w))")
# Their successors for texts published after the merger took effect
SUCCESSORS_AFTER_MERGER = {"thai_nguyen": "thai_nguyen_2025", "phu_tho": "phu_tho_2025"}
# Other provinces and cities (before the 2025 reform): recognised so that a sentence about them is not
# credited to the document's province; their id is an ASCII slug of the name (not in data/ yet).
OTHER_PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bắc Giang", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng", "Đà Nẵng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
    "Hải Dương", "Hải Phòng", "Hậu Giang", "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thanh Hóa", "Thanh Hoá", "TP. Hồ Chí Minh", "TP Hồ Chí Minh", "TP.HCM",
    "Thành phố Hồ Chí Minh", "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Yên Bái",
)


def _jurisdiction_alternation() -> str:
    names = list(KNOWN_JURISDICTIONS) + list(OTHER_PROVINCES)
    forms = sorted({form for name in names for form in (name, name.upper())}, key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"[ ]+") for form in forms)


# Case-sensitive on purpose: "hòa bình" (peace) is not Hòa Bình; "Thái Bình Dương" is the Pacific.
# (core.py checks that a name does not continue a word: a leading look-behind would slow the scan.)
JURISDICTION_NAME = re.compile(rf"(?:{_jurisdiction_alternation()})(?!\w)(?![ ]+Dương)")
