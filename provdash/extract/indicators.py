"""Keyword rules that suggest an indicator id (data/indicators.csv) for a candidate, or none.

A rule names the units it applies to and a cue: a phrase naming what is measured. The cue is looked for in
the clause before the number (up to the previous ";" or ":") and in the words right after the unit. Among the
rules whose cue is found, the one whose cue is nearest to the number wins ("doanh thu kinh tế số …, trong đó
doanh thu ngành sản xuất các sản phẩm điện tử … 370,3 nghìn tỷ" is electronics revenue, not all digital revenue);
on a tie the rule listed first wins, so specific rules come before general ones. No cue, no suggestion: a blank
is better than a confident wrong id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

@dataclass(frozen=True)
class Rule:
    indicator: str
    units: frozenset[str]
    cue: re.Pattern | None = None          # phrase before the number or after the unit
    requires: re.Pattern | None = None     # must appear somewhere in the sentence
    excludes: re.Pattern | None = None     # must not appear in the sentence
    unit_written: re.Pattern | None = None  # the unit as written must match
    scope: str | None = None               # the candidate's scope must be this
    near: re.Pattern | None = None         # must appear in the number's own clause (before it or right after)


def _rule(indicator, units, cue=None, requires=None, excludes=None, unit_written=None, scope=None,
          near=None) -> Rule:
    # matched in lower-cased text: the patterns are lower-cased too (none uses \W, \S, \D or \B)
    def c(p):
        return re.compile(p.lower()) if p else None
    return Rule(indicator, frozenset(units.split()), c(cue), c(requires), c(excludes), c(unit_written), scope,
                c(near))


_FDI = r"FDI|nước ngoài"
# "newly licensed", also as people write it: "12 dự án FDI mới", "dự án đầu tư nước ngoài mới"
_NEW = r"cấp mới|cấp phép mới|được cấp|cấp giấy|(?:FDI|nước ngoài) mới"
_KCN = r"kcn|khu công nghiệp"
_EXPORTS = r"(?<!nhập )xuất khẩu"
_ACTIVE = r"còn hiệu lực|đang hoạt động|lũy kế|luỹ kế"
_RANK = "rank_of_63 rank_of_34"

RULES: tuple[Rule, ...] = (
    # digital economy
    _rule("digital_economy_share_per_sector", "pct", r"kinh tế số trong (?:từng|các|mỗi) ngành"),
    _rule("digital_economy_share_grdp", "pct", r"kinh tế số", requires=r"GRDP"),
    _rule("ict_sector_share_grdp", "pct", r"điện tử[ ,-]+viễn thông", requires=r"GRDP"),
    _rule("electrical_equipment_revenue", "vnd_tn vnd_bn", r"thiết bị điện(?! tử)"),
    _rule("electronics_revenue", "vnd_tn vnd_bn", r"sản phẩm điện tử|điện tử, máy vi tính"),
    _rule("digital_economy_revenue", "vnd_tn vnd_bn", r"doanh thu[^;.]{0,30}kinh tế số"),
    _rule("digitally_transformed_enterprises", "enterprises", r"chuyển đổi số"),
    _rule("digital_tech_enterprises", "enterprises", r"công nghệ số"),
    _rule("smes_supported_digital_platforms", "enterprises", r"hỗ trợ", requires=r"nền tảng số"),
    _rule("digital_platform_installs", "installs"),
    # rankings
    _rule("dti_rank", _RANK, r"chuyển đổi số|DTI"),
    _rule("pci_rank", _RANK, r"PCI|năng lực cạnh tranh"),
    _rule("fdi_attraction_rank", _RANK, r"thu hút (?:vốn )?(?:FDI|đầu tư nước ngoài)"),
    # infrastructure
    _rule("fiber_route_share", "pct", r"tuyến[^;.]{0,60}cáp quang"),
    _rule("fixed_broadband_org_share", "pct", r"băng rộng cố định"),
    _rule("broadband_residential_coverage", "pct", r"dân cư[^;.]{0,60}băng rộng"),
    _rule("transmission_routes", "routes", r"truyền dẫn"),
    _rule("smart_operations_centres", "centres", r"điều hành thông minh"),
    # FDI and investment
    _rule("fdi_hightech_projects", "projects", r"(?:FDI )?công nghệ cao", requires=_FDI),
    _rule("fdi_capital_increase_projects", "projects", r"tăng vốn"),
    _rule("fdi_new_projects", "projects", _FDI, requires=_NEW, near=_NEW),
    _rule("fdi_projects_active", "projects", _FDI, requires=_ACTIVE),
    _rule("ddi_new_projects", "projects", r"DDI|trong nước", requires=r"cấp mới|cấp phép mới"),
    _rule("investment_policy_approvals", "projects", r"chủ trương đầu tư(?: đồng thời chấp thuận nhà đầu tư)?"),
    _rule("investor_approvals", "projects", r"chấp thuận nhà đầu tư"),
    _rule("kcn_projects_active", "projects", r"còn hiệu lực|đang hoạt động", excludes=None,
          scope="industrial_zones"),
    _rule("investment_certificates_new", "certificates"),
    _rule("fdi_hightech_capital", "usd_bn usd_mn", r"công nghệ cao[^;]{0,40}vốn", requires=_FDI),
    _rule("samsung_fdi_capital", "usd_bn usd_mn", r"Samsung"),
    _rule("fdi_registered_new_and_added", "usd_mn usd_bn",
          r"cấp mới và (?:điều chỉnh )?tăng(?: thêm)?|mới và tăng thêm|thu hút thêm", requires=_FDI),
    _rule("fdi_capital_increase", "usd_mn usd_bn", r"tăng vốn|điều chỉnh tăng"),
    _rule("fdi_new_capital", "usd_mn usd_bn", r"cấp mới|FDI", requires=_NEW, near=_NEW),
    _rule("fdi_registered_capital", "usd_bn usd_mn", r"vốn đăng ký|tổng (?:số )?vốn|vốn đầu tư",
          requires=_ACTIVE),
    _rule("ddi_new_capital", "vnd_bn vnd_tn", r"DDI|đầu tư trong nước", requires=r"cấp mới|cấp phép mới"),
    _rule("investment_certificates_capital", "vnd_bn vnd_tn", r"giấy chứng nh\w*"),
    _rule("investment_policy_approvals_capital", "vnd_bn vnd_tn",
          r"chủ trương đầu tư(?: đồng thời chấp thuận nhà đầu tư)?"),
    _rule("investor_approvals_capital", "vnd_bn vnd_tn", r"chấp thuận nhà đầu tư"),
    _rule("fdi_source_countries", "countries", requires=_FDI + r"|đầu tư"),
    # industrial zones and clusters
    _rule("it_park_count", "zones", unit_written=r"khu (?:công nghệ thông tin|CNTT)"),
    _rule("kcn_count", "zones", unit_written=r"khu công nghiệp|KCN"),
    _rule("ccn_with_infrastructure_investor", "clusters", r"chủ đầu tư hạ tầng"),
    _rule("ccn_count", "clusters"),
    _rule("ccn_area", "ha", r"cụm công nghiệp|CCN"),
    _rule("kcn_area", "ha", r"khu công nghiệp|KCN|khu công nghệ thông tin"),
    _rule("kcn_occupancy_rate", "pct", r"lấp đầy"),
    # growth
    _rule("grdp_per_capita_change", "vnd_mn", r"(?<!gia )tăng(?: thêm)?\s*$",
          requires=r"bình quân đầu người|GRDP/người"),
    _rule("grdp_per_capita", "vnd_mn", r"bình quân đầu người|GRDP/người"),
    _rule("grdp_growth", "pct_change", r"tăng trưởng (?:kinh tế|GRDP)|GRDP|tổng sản phẩm|tốc độ tăng trưởng"),
    _rule("industrial_output_growth", "pct_change",
          r"(?:giá trị|chỉ số) sản xuất(?: toàn ngành| ngành)? công nghiệp|\biip\b"),
    _rule("manufacturing_va_growth", "pct_per_year", r"chế biến,? chế tạo"),
    _rule("industry_va_growth", "pct_per_year", r"ngành công nghiệp|công nghiệp"),
    _rule("manufacturing_share_grdp", "pct", r"chế biến,? chế tạo", requires=r"GRDP|cơ cấu kinh tế"),
    _rule("industry_share_grdp", "pct", r"ngành công nghiệp|công nghiệp", requires=r"GRDP|cơ cấu kinh tế"),
    _rule("industrial_output", "vnd_tn vnd_bn", r"giá trị sản xuất công nghiệp"),
    _rule("grdp", "vnd_tn", r"GRDP|tổng sản phẩm", excludes=r"bình quân"),
    _rule("net_emissions", "tco2e_net"),
    # payments, e-invoices, digital government and society (articles on the digital economy report these)
    _rule("cashless_payment_share", "pct", r"(?:giao dịch|thanh toán)[^;.]{0,30}không (?:dùng )?tiền mặt"),
    _rule("adults_bank_account_share", "pct", r"tài khoản(?: giao dịch| thanh toán)?(?: tại| ở)? ngân hàng"),
    _rule("payment_accounts", "accounts mn_accounts"),
    _rule("e_invoice_enterprise_share", "pct", r"hóa đơn điện tử|hoá đơn điện tử"),
    _rule("e_invoices_issued", "invoices mn_invoices"),
    _rule("ecommerce_share_retail", "pct", r"thương mại điện tử", requires=r"bán lẻ"),
    _rule("digital_tech_enterprises_per_1000", "enterprises_per_1000"),
    _rule("new_enterprises", "enterprises", r"thành lập mới|đăng ký thành lập|thành lập"),
    _rule("smartphone_share", "pct", r"điện thoại thông minh|smartphone"),
    _rule("fiber_household_share", "pct", r"hộ gia đình[^;.]{0,60}cáp quang|cáp quang[^;.]{0,30}hộ gia đình"),
    _rule("online_applications_share", "pct", r"hồ sơ[^;.]{0,80}trực tuyến|trực tuyến[^;.]{0,40}hồ sơ"),
    _rule("full_online_services_share", "pct", r"trực tuyến toàn trình|toàn trình"),
    _rule("e_identity_share", "pct", r"định danh điện tử|vneid"),
    # public finance and trade
    _rule("domestic_revenue", "vnd_bn vnd_tn", r"thu nội địa"),
    _rule("budget_revenue", "vnd_bn vnd_tn", r"thu ngân sách|nộp ngân sách"),
    _rule("total_social_investment", "vnd_tn vnd_bn", r"đầu tư toàn xã hội"),
    _rule("exports", "usd_bn usd_mn", _EXPORTS),
    _rule("imports", "usd_bn usd_mn", r"(?<!xuất )nhập khẩu"),
    _rule("exports_growth", "pct_change", _EXPORTS),
    _rule("retail_sales", "vnd_tn vnd_bn", r"bán lẻ"),
    # what the industrial zones bring to the province (shares of the province's totals)
    _rule("kcn_share_industrial_output", "pct", r"sản xuất công nghiệp", requires=_KCN),
    _rule("kcn_share_exports", "pct", _EXPORTS, requires=_KCN),
    _rule("kcn_share_budget", "pct", r"ngân sách", requires=_KCN),
    _rule("kcn_workers", "workers", near=_KCN),
)

# Indicators that say where they are measured: a share of the province's total held by its zones is measured
# province-wide (the province is the denominator), zone occupancy and zone counts likewise; workers and active
# projects "in the zones" are measured inside them.
INTRINSIC_SCOPE = {
    "kcn_share_industrial_output": "province", "kcn_share_exports": "province", "kcn_share_budget": "province",
    "kcn_occupancy_rate": "province", "kcn_count": "province", "kcn_area": "province", "ccn_count": "province",
    "ccn_area": "province", "it_park_count": "province", "kcn_workers": "industrial_zones",
    "kcn_projects_active": "industrial_zones",
}


def suggest(unit_id: str, unit_written: str, before: str, after: str, sentence: str, scope: str) -> str:
    """The indicator id the nearest cue points to, or "" when no rule is confident.

    `before` (the clause up to the number), `after` (the words after the unit) and `sentence` are lower-cased.
    """
    best: tuple[int, int, str] | None = None
    for order, rule in enumerate(RULES):
        if unit_id not in rule.units:
            continue
        if rule.scope and scope != rule.scope:
            continue
        if rule.unit_written and not rule.unit_written.search(unit_written.lower()):
            continue
        if rule.requires and not rule.requires.search(sentence):
            continue
        if rule.excludes and rule.excludes.search(sentence):
            continue
        if rule.near and not (rule.near.search(before) or rule.near.search(after)):
            continue
        distance = _cue_distance(rule.cue, before, after)
        if distance is None:
            continue
        if best is None or (distance, order) < best[:2]:
            best = (distance, order, rule.indicator)
    return best[2] if best else ""


def _cue_distance(cue: re.Pattern | None, before: str, after: str) -> int | None:
    if cue is None:
        return 10_000          # the unit alone decides; any rule with a cue found is more specific
    distances = []
    last = None
    for last in cue.finditer(before):
        pass
    if last is not None:
        distances.append(len(before) - last.end())
    first = cue.search(after)
    if first is not None:
        distances.append(first.start())
    return min(distances) if distances else None
