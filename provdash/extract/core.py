"""Find every quantitative statement in a Vietnamese text: the algorithm (pure; no files, no Streamlit).

One scan over the number tokens finds the quantities (number, scale word, unit), ranks, ordinal counts and
"net zero" statements; other scans over the whole text find sentence ends, page chrome and province names.
Each quantity is then read in its sentence: the qualifier right before it, the period nearest to it (periods
are looked for only in paragraphs that hold a quantity), whether the sentence states a goal, which province it
is about, and which indicator its wording names. Every whole-text pattern starts with a digit or a literal so
that `re` skips ahead in C: keep it that way, or throughput drops tenfold.

Spans index the NFC-normalised text: `unicodedata.normalize("NFC", text)[c.start:c.end] == c.quote`.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from decimal import Decimal

from provdash.extract import indicators, patterns
from provdash.extract.periods import PeriodMention, find_periods, find_published, lowered
from provdash.numbers import parse_vn_number

MERGER_EFFECTIVE = date(2025, 7, 1)
# A sentence is read at most this far either side of its number: a text without full stops stays linear
SENTENCE_REACH = 400
_ONE = Decimal(1)


@dataclass(frozen=True)
class Candidate:
    """One quantitative statement, with the exact span of the text that states it."""

    value: str                      # number as written, "." as decimal point: "11.2", "2-2.5"
    number: float                   # the (first) number
    unit: str                       # unit as written: "tỷ USD", "%/năm", "dự án", "/63 tỉnh"
    unit_id: str                    # id in data/units.csv, "" when none fits
    value_base: float | None        # value in unit_base: 11,2 tỷ USD → 11200000000
    unit_base: str                  # USD, VND, %, ha, km2, count, rank, tCO2e, …
    qualifier: str                  # id in data/qualifiers.csv: over, nearly, about, estimate, at_least, top, plan
    scope: str                      # id in data/scopes.csv, or "" (e.g. excluding something not modelled)
    tags: tuple[str, ...]           # further qualifiers: cumulative, still_active, excluding, plan
    kind: str                       # actual | target
    period_label: str
    period_start: date | None
    period_end: date | None
    jurisdiction: str
    indicator: str                  # suggested id in data/indicators.csv, "" when not confident
    quote: str
    start: int
    end: int
    number_high: float | None = None        # upper end of a range
    value_base_high: float | None = None
    total: int | None = None                # the whole of a fraction or ranking: 126 in "118/126 xã"
    clause: str = ""                        # the clause that states the value (what a curated quote keeps)
    clause_start: int = 0
    clause_end: int = 0

    @property
    def qualifiers(self) -> str:
        """The qualifier, the scope when not province-wide, and the tags, joined with ";" (CSV column)."""
        parts = [self.qualifier] if self.qualifier else []
        if self.scope and self.scope != "province":
            parts.append(self.scope)
        parts.extend(tag for tag in self.tags if tag not in parts)
        return ";".join(parts)


@dataclass
class _Quantity:
    """A quantity found by one of the patterns, before it is read in its sentence."""

    start: int                      # span start (number, or the word that leads a rank)
    end: int
    num_start: int                  # where the number itself starts
    written: str                    # number as written
    written_high: str | None
    total: int | None
    scale: Decimal
    unit: str
    unit_id: str
    unit_base: str
    unit_kind: str
    qualifier: str = ""


def extract(text: str, *, published: date | None = None, jurisdiction: str | None = None) -> list[Candidate]:
    """Every quantitative statement in `text`, in order of appearance.

    `published` dates "đến nay", "năm nay" and decides whether a year is in the future; when not given, a
    publication stamp near the top of the page is used if there is one. `jurisdiction` overrides the
    document's main province (the one named most often), used for sentences that name none.
    """
    text = unicodedata.normalize("NFC", text)
    doc = _Document(text, published if published is not None else find_published(text), jurisdiction)
    quantities = _find_quantities(doc)
    candidates: list[Candidate] = []
    for quantity in quantities:
        candidates.append(_read_in_context(doc, quantity, candidates))
    return candidates


# --- the document and its indexes ---------------------------------------------------------------------------

class _Document:
    """The text with the indexes every candidate needs; periods and goal words are looked up lazily, only in
    the paragraphs and sentences that hold a quantity, which keeps long texts fast."""

    def __init__(self, text: str, published: date | None, jurisdiction: str | None):
        self.text = text
        self.lower = lowered(text)
        self.published = published
        self.reference_day = published or date.today()
        self.sentence_starts = [0] + [m.end() for m in patterns.SENTENCE_END.finditer(text)
                                      if not _abbreviation_dot(text, m.start())]
        self.paragraph_starts = [0] + [m.end() for m in patterns.PARAGRAPH_END.finditer(text)]
        self.chrome = _chrome_intervals(text)
        self.chrome_starts = [a for a, _ in self.chrome]
        names = [(m.start(), m.end(), m.group(0)) for m in patterns.JURISDICTION_NAME.finditer(text)
                 if not (m.start() and text[m.start() - 1].isalnum()) and not self.in_chrome(m.start())]
        self.names = names
        self.name_starts = [n[0] for n in names]
        self.old_names = {start for start, end, _ in names if patterns.OLD_AFTER_NAME.match(text, end)}
        self.after_merger = published is not None and published >= MERGER_EFFECTIVE
        # (base id, named as the old province, given by the caller): see _dated_jurisdiction
        self.main_jurisdiction = (jurisdiction, False, True) if jurisdiction else (_main_jurisdiction(names), False,
                                                                                   False)
        self._periods: dict[int, tuple[list[PeriodMention], list[int]]] = {}
        self._years: list[tuple[int, int]] | None = None
        self._sentences: dict[tuple[int, int], _Sentence] = {}

    def in_chrome(self, pos: int) -> bool:
        i = bisect_right(self.chrome_starts, pos) - 1
        return i >= 0 and pos < self.chrome[i][1]

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return max(self.sentence_starts[i], pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def paragraph(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.paragraph_starts, pos) - 1
        end = self.paragraph_starts[i + 1] if i + 1 < len(self.paragraph_starts) else len(self.text)
        return self.paragraph_starts[i], end

    def periods_in_paragraph(self, pos: int) -> tuple[list[PeriodMention], list[int]]:
        """The period mentions of the paragraph holding `pos`, and their start positions (for bisect)."""
        p0, p1 = self.paragraph(pos)
        if p0 not in self._periods:
            mentions = find_periods(self.text, p0, p1, self.lower)
            self._periods[p0] = (mentions, [p.start for p in mentions])
        return self._periods[p0]

    def year_before(self, pos: int) -> int | None:
        """The last year written out ("năm 2024") before `pos`, else the publication's year."""
        if self._years is None:             # not the base of a comparison: "tăng so với năm 2022"
            self._years = [(m.start(), int(m.group("y"))) for m in patterns.EXPLICIT_YEAR.finditer(self.lower)
                           if not patterns.COMPARISON_LEAD.search(self.lower, max(0, m.start() - 25), m.start())]
        i = bisect_left(self._years, (pos, 0)) - 1
        if i >= 0:
            return self._years[i][1]
        return self.published.year if self.published else None

    def sentence_facts(self, s0: int, s1: int) -> _Sentence:
        """What the sentence [s0, s1) says once for all its quantities (computed on first use)."""
        key = (s0, s1)
        if key not in self._sentences:
            self._sentences[key] = _Sentence.read(self.lower, s0, s1)
        return self._sentences[key]


@dataclass(frozen=True)
class _Sentence:
    lower: str                  # the sentence, lower-cased
    states_goal: bool           # a goal word used as a goal (mục tiêu, phấn đấu, kế hoạch …)
    cumulative: bool            # lũy kế
    still_active: bool          # còn hiệu lực, đang hoạt động
    industrial_zones: bool      # about what is inside the industrial zones
    opens_with_plan: bool       # "Theo Quy hoạch …"
    per_year_growth: bool       # growth stated in %/năm somewhere in it

    @staticmethod
    def read(lower: str, s0: int, s1: int) -> _Sentence:
        sentence = lower[s0:s1]
        return _Sentence(
            lower=sentence,
            states_goal=_has_goal_word(lower, s0, s1),
            cumulative=patterns.CUMULATIVE.search(sentence) is not None,
            still_active=patterns.STILL_ACTIVE.search(sentence) is not None,
            industrial_zones=patterns.INDUSTRIAL_ZONES_SCOPE.search(sentence) is not None,
            opens_with_plan=patterns.PLAN_OPENING.match(sentence) is not None,
            per_year_growth="%/năm" in sentence.replace(" ", "") and patterns.GROWTH.search(sentence) is not None,
        )


def _abbreviation_dot(text: str, pos: int) -> bool:
    return text[pos] == "." and patterns.ABBREVIATION_BEFORE.search(text, max(0, pos - 4), pos) is not None


def _chrome_intervals(text: str) -> list[tuple[int, int]]:
    intervals = [(m.start() + 1, m.end()) for m in patterns.CHROME_LINE.finditer(text)]
    first = patterns.CHROME_LINE_AT_START.match(text)
    if first:
        intervals.append((0, first.end()))
    threshold = int(len(text) * patterns.CHROME_TAIL_MIN_SHARE)
    tail = patterns.CHROME_TAIL.search(text, max(0, threshold - 1))
    if tail:
        intervals.append((tail.start() + 1, len(text)))
    intervals.sort()
    merged: list[tuple[int, int]] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _has_goal_word(lower: str, s0: int, s1: int) -> bool:
    negated = [(m.start(), m.end()) for m in patterns.NOT_TARGET_WORDS.finditer(lower, s0, s1)]
    return any(not (m.start() and lower[m.start() - 1].isalnum()) and not any(a <= m.start() < b for a, b in negated)
               for m in patterns.TARGET_WORDS.finditer(lower, s0, s1))


def _jurisdiction_id(name: str, published: date | None = None) -> str:
    """The id of a province name as of the article's date ("Thái Nguyên" after 1/7/2025 is the merged one)."""
    return _jurisdiction_id_of(" ".join(name.split()), published is not None and published >= MERGER_EFFECTIVE)


@lru_cache(maxsize=1024)
def _jurisdiction_id_of(name: str, after_merger: bool) -> str:
    for known, ident in patterns.KNOWN_JURISDICTIONS.items():
        if name in (known, known.upper()):
            return patterns.SUCCESSORS_AFTER_MERGER.get(ident, ident) if after_merger else ident
    return _slug(name)


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    ascii_only = ascii_only.replace("tp.hcm", "ho chi minh").replace("thanh pho ", "").replace("tp. ", "")
    ascii_only = ascii_only.replace("tp ", "")
    return re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")


def _main_jurisdiction(names: list[tuple[int, int, str]]) -> str:
    """The province the text names most often (its id before any merger: see _dated_jurisdiction)."""
    counts: dict[str, int] = {}
    for _, _, name in names:
        ident = _jurisdiction_id(name)
        if ident != "viet_nam":
            counts[ident] = counts.get(ident, 0) + 1
    if not counts:
        return "viet_nam" if names else ""
    return max(counts, key=lambda ident: counts[ident])   # ties: the first named (dicts keep order)


# --- finding quantities -------------------------------------------------------------------------------------

def _decimal(written: str) -> Decimal:
    return Decimal(repr(parse_vn_number(written)))


def _find_quantities(doc: _Document) -> list[_Quantity]:
    """One scan over the number tokens; each token is a quantity, a rank, an ordinal count, "net zero", or
    nothing (a year, a date, a document number, a phone number)."""
    text = doc.text
    found: list[_Quantity] = []
    for m in patterns.QUANTITY.finditer(text):
        pos = m.start()
        if doc.in_chrome(pos):
            continue
        window_start = max(0, pos - 80)
        quantity = None
        if pos and text[pos - 1] in " “\"'‘":
            quantity = _special(doc, m, window_start)
        if quantity is None and (m.group("unit2") or m.group("scale")):
            quantity = _quantity(doc, m)
        if quantity is not None:
            found.append(quantity)
    return found


def _special(doc: _Document, m: re.Match, window_start: int) -> _Quantity | None:
    """A rank, a group of leaders, an ordinal count or a net-zero goal, told by the words before the number."""
    text, pos = doc.text, m.start()
    window = text[window_start:pos]
    if m.group("num") == "0" and ("ròng" in window or "ero" in window or "ERO" in window):
        lead = patterns.NET_ZERO_LEAD.search(text, window_start, pos)
        if lead:
            end = m.end("num")
            close = patterns.NET_ZERO_CLOSE.match(text, end)
            return _Quantity(lead.start(), close.end() if close else end, pos, "0", None, None, _ONE, "",
                             "tco2e_net", "tCO2e", "measure")
    if "thứ" in window or "hạng" in window or "nhóm" in window or "op" in window or "ốp" in window \
            or "OP" in window:
        lead = patterns.RANK_LEAD.search(text, max(window_start, pos - 25), pos)
        if lead:
            ordinal = lead.group(0).strip().lower() == "thứ"
            if ordinal and not m.group("total"):
                noun = patterns.ORDINAL_LEAD.search(text, window_start, pos)
                if noun is None:
                    return None             # "lần thứ 5", "xe thứ 40 triệu": an ordinal, not a quantity
                unit = patterns.UNITS.get(noun.group("noun").lower()) or patterns.UNITS.get(noun.group("noun"))
                return _Quantity(noun.start(), m.end("num"), pos, m.group("num"), None, None, _ONE,
                                 noun.group("noun"), unit.unit_id if unit else "", "count", "count")
            return _rank(doc, m, lead.start(), qualifier="")
        lead = patterns.TOP_LEAD.search(text, max(window_start, pos - 25), pos)
        if lead:
            return _rank(doc, m, lead.start(), qualifier="top")
    return None


def _rank(doc: _Document, m: re.Match, start: int, qualifier: str) -> _Quantity | None:
    text = doc.text
    total = int(m.group("total")) if m.group("total") else None
    end = m.end("total") if total is not None else m.end("num")
    words = patterns.RANK_UNIT_AFTER.match(text, end)
    if words:
        end = words.end()
    elif qualifier == "top" and total is None:
        return None                         # "nhóm 3 giải pháp": a group, not of provinces
    if total is not None:
        unit_id = {63: "rank_of_63", 34: "rank_of_34"}.get(total, "")
    elif words:
        # "nhóm 15 tỉnh": among all provinces, 63 before the 2025 reform and 34 after it
        after_reform = doc.published is not None and doc.published >= MERGER_EFFECTIVE
        unit_id = "rank_of_34" if after_reform else "rank_of_63"
    else:
        unit_id = ""
    unit_written = text[m.end("num"):end].strip() if total is not None else (words.group("unitw") if words else "")
    return _Quantity(start, end, m.start(), m.group("num"), None, total, _ONE, unit_written, unit_id,
                     "rank", "rank", qualifier=qualifier)


def _quantity(doc: _Document, m: re.Match) -> _Quantity | None:
    text = doc.text
    start = m.start()
    if patterns.TIME_BEFORE.search(doc.lower, max(0, start - 15), start):
        return None
    unit_text = m.group("unit") or m.group("unit2")
    per = m.group("per") or m.group("per2") or ""
    scale_word = m.group("scale")
    scale = patterns.SCALES[" ".join(scale_word.split())] if scale_word else _ONE
    total = int(m.group("total")) if m.group("total") else None
    if unit_text is None:
        if total is not None:
            return None                     # "9/12" followed by a scale word: a date, not a quantity
        return _Quantity(start, m.end(), start, m.group("num"), m.group("num2"), None, scale, scale_word,
                         "", "", "count")
    unit = patterns.UNITS[patterns.unit_key(unit_text)]
    if unit.fraction_only and total is None:
        return None                         # "03 mục tiêu chính": the structure of a plan, not a measure
    if unit.kind == "count" and patterns.ENUMERATION_AFTER.match(text, m.end()):
        return None                         # "3 huyện: Định Hóa, Phú Lương, Đại Từ"
    if total is not None and unit.kind != "count":
        return None
    unit_written = text[m.start("scale"):m.end()] if scale_word else text[m.start("unit2"):m.end()]
    if total is not None:
        unit_written = text[m.end("num"):m.end()]
    return _Quantity(start, m.end(), start, m.group("num"), m.group("num2"), total, scale, unit_written,
                     _unit_id(unit, scale, per), unit.base, unit.kind)


def _unit_id(unit: patterns.Unit, scale: Decimal, per: str) -> str:
    if unit.kind == "money":
        return patterns.MONEY_IDS.get((scale, unit.base), "")
    if scale != _ONE:                       # "1,45 triệu tài khoản"; but "2 nghìn doanh nghiệp" has no unit id
        return patterns.COUNT_SCALED_IDS.get((scale, unit.unit_id), "")
    if "dân" in per:
        return patterns.PER_THOUSAND_IDS.get(unit.unit_id, "")
    if unit.kind == "percent" and "năm" in per:
        return "pct_per_year"
    return unit.unit_id


# --- reading a quantity in its sentence ---------------------------------------------------------------------

# The words after a unit that still describe it stop at the next clause, the next "với …", or the next number
_AFTER_STOP = re.compile(r";|\.(?:\s|$)|:|(?<!\w)(?:với|và)(?!\w)|\d")
_ATTACHED_GAP = re.compile(r"[^,;.:()\d]{0,30}")
_CLAUSE_END = re.compile(r"[,;.)]")


def _read_in_context(doc: _Document, q: _Quantity, earlier: list[Candidate]) -> Candidate:
    text, lower = doc.text, doc.lower
    s0, s1 = doc.sentence(q.num_start)
    facts = doc.sentence_facts(s0, s1)
    start = q.start
    qualifier = q.qualifier
    tags: list[str] = []

    # qualifier and change verb right before the number
    match = patterns.QUALIFIER_BEFORE.search(lower, max(s0, start - 40), start)
    if match and not qualifier:
        qualifier = patterns.QUALIFIER_IDS[" ".join(match.group("q").split())]
        start = match.start()
    unit_id = q.unit_id
    clause_start = _clause_start(text, s0, q.num_start)
    floor = patterns.AT_LEAST_AFTER.match(lower, q.end) is not None    # "từ 8% trở lên"
    if floor and not qualifier:
        qualifier = "at_least"
    if q.unit_kind == "percent" and unit_id == "pct":
        unit_id, start = _percent_kind(lower, start, s0, clause_start, facts, floor, q.num_start)
    if (unit_id == "projects" and patterns.CERTIFICATE_FOR.search(lower, clause_start, start)
            and not patterns.TYPED_PROJECTS_AFTER.match(lower, q.end)):
        unit_id = "certificates"            # "cấp giấy chứng nhận … cho 1 dự án": one certificate
    if unit_id in patterns.PER_THOUSAND_IDS and patterns.PER_THOUSAND_PEOPLE.match(lower, q.end):
        unit_id = patterns.PER_THOUSAND_IDS[unit_id]   # "2 doanh nghiệp công nghệ số trên 1.000 dân"
    if not qualifier and unit_id == "pct_change" and _follows_estimate(text, s0, start, earlier):
        qualifier = "estimate"              # "ước đạt 23,8 tỷ USD, tăng 9,7%": the change of an estimate

    # plan: "29 KCN được quy hoạch", "Theo Quy hoạch đến năm 2030, … 11 khu công nghiệp"
    if patterns.PLAN_WORDS.search(lower, clause_start, _clause_end(text, q.end, s1)) or facts.opens_with_plan:
        if not qualifier:
            qualifier = "plan"
        elif qualifier != "plan":
            tags.append("plan")

    scope = _scope(lower, q, unit_id, s0, clause_start, facts, tags)
    if facts.cumulative:
        tags.append("cumulative")
    if facts.still_active:
        tags.append("still_active")

    period = _period(doc, q, s0, s1)
    period_start, period_end = period.dates(doc.published) if period else (None, None)
    period_label = period.label if period else ""
    if period is not None and period.kind == "whole_year":   # "cả năm": the year the text was talking about
        year = doc.year_before(period.start)
        if year is not None:
            period_start, period_end = date(year, 1, 1), date(year, 12, 31)
            period_label = f"{period.label} {year}"
    kind = _kind(doc, qualifier, tags, facts, period, period_start, period_end)
    jurisdiction = _dated_jurisdiction(doc, _jurisdiction(doc, q.num_start, s0, s1), kind, period_end)

    segment_start = max(s0, text.rfind(";", s0, q.num_start) + 1, text.rfind(":", s0, q.num_start) + 1)
    before = lower[max(segment_start, q.num_start - 200):q.num_start]
    previous = earlier[-1] if earlier and earlier[-1].end > segment_start else None
    if previous is not None and patterns.COORDINATED_BEFORE.fullmatch(lower, previous.end, q.num_start):
        # "chiếm 70% kim ngạch xuất khẩu và 35% thu ngân sách": "kim ngạch xuất khẩu" names the 70%, not the 35%
        before = lower[max(segment_start, q.num_start - 200):previous.start]
    after = lower[q.end:min(s1, q.end + 120)]
    stop = _AFTER_STOP.search(after)
    after = after[:stop.start()] if stop else after
    indicator = "" if patterns.ONE_COMPANY.search(before) else indicators.suggest(
        unit_id, q.unit, before, after, facts.lower, scope)
    scope = indicators.INTRINSIC_SCOPE.get(indicator, scope) if scope in ("province", "industrial_zones") else scope
    inherited = _parenthetical_parent(lower, q, s0, earlier)
    if inherited is not None:
        indicator = inherited.indicator or indicator
        if inherited.unit_base == q.unit_base and inherited.unit_id:
            unit_id = inherited.unit_id

    number = _decimal(q.written)
    value = _plain(number)
    number_high = value_base_high = None
    if q.written_high is not None:
        high = _decimal(q.written_high)
        value = f"{value}-{_plain(high)}"
        number_high = float(high)
        value_base_high = float(high * q.scale)
    return Candidate(
        value=value, number=float(number), unit=q.unit, unit_id=unit_id,
        value_base=float(number * q.scale), unit_base=q.unit_base, qualifier=qualifier, scope=scope,
        tags=tuple(dict.fromkeys(tags)), kind=kind,
        period_label=period_label, period_start=period_start, period_end=period_end,
        jurisdiction=jurisdiction, indicator=indicator, quote=text[start:q.end], start=start, end=q.end,
        number_high=number_high, value_base_high=value_base_high, total=q.total,
        **_stating_clause(text, s0, s1, start, q.end),
    )


# Where a clause ends: ";" ":" "(" ")" "!" "?" "…", a full stop before a space, a comma that is not a decimal
# comma ("18,2" is a number, "2024, tỷ lệ" is not)
_CLAUSE_MARK = re.compile(r"[;:!?…\n]|\.(?=\s|$)|,(?!\d)|(?<!\d),")
QUOTE_MAX_CHARS = 160       # validate.MAX_QUOTE_CHARS: a quote is a short span, the article is not copied
_SHORT_LEAD = 3             # words before the number below which the clause is widened by the one before it


def _stating_clause(text: str, s0: int, s1: int, start: int, end: int) -> dict:
    """The clause around a quantity — "tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 98%", not "98%" — within
    its sentence and at most QUOTE_MAX_CHARS long; widened by the clause before when this one barely names
    anything ("tăng 12%" → "Kim ngạch xuất khẩu đạt 32,5 tỷ USD, tăng 12%")."""
    opening = text.rfind("(", s0, start)
    if opening >= 0 and text.find(")", opening, start) < 0:
        s0 = opening + 1                    # inside a parenthesis: it is the clause
        closing = text.find(")", end, s1)
        s1 = closing if closing >= 0 else s1
    marks_before = [m.end() for m in _CLAUSE_MARK.finditer(text, s0, start)]
    first = marks_before[-1] if marks_before else s0
    if len(text[first:start].split()) < _SHORT_LEAD and len(marks_before) >= 1:
        first = marks_before[-2] if len(marks_before) >= 2 else s0
    after = _CLAUSE_MARK.search(text, end, s1)
    last = after.start() if after else s1
    while first < start and (text[first].isspace() or text[first] in ",;:-–)"):
        first += 1
    while last > end and text[last - 1].isspace():
        last -= 1
    if last - first > QUOTE_MAX_CHARS:          # keep the number, drop words from the far ends
        room = max(0, QUOTE_MAX_CHARS - (end - start))
        lead = min(start - first, room * 2 // 3)
        first = start - lead
        last = min(last, end + room - lead)
        if first < start:
            space = text.find(" ", first, start)
            first = space + 1 if space >= 0 else start
        if last > end:
            space = text.rfind(" ", end, last)
            last = space if space >= 0 else end
    return {"clause": text[first:last], "clause_start": first, "clause_end": last}


def _follows_estimate(text: str, s0: int, start: int, earlier: list[Candidate]) -> bool:
    """Whether a change right after an estimated value states how much that estimate grew: "ước đạt X, tăng Y%"."""
    if not earlier or earlier[-1].start < s0 or earlier[-1].qualifier != "estimate":
        return False
    return re.fullmatch(r"[ ,]*(?:và[ ]+)?", text[earlier[-1].end:start]) is not None


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _clause_start(text: str, s0: int, pos: int) -> int:
    best = s0
    for ch in ",;:":
        best = max(best, text.rfind(ch, s0, pos) + 1)
    opening = text.rfind("(", s0, pos)
    if opening >= 0 and text.find(")", opening, pos) < 0:   # an open parenthesis, not "Vĩnh Phúc (cũ) đạt"
        best = max(best, opening + 1)
    return best


def _clause_end(text: str, pos: int, s1: int) -> int:
    match = _CLAUSE_END.search(text, pos, s1)
    return match.start() if match else s1


def _percent_kind(lower: str, start: int, s0: int, clause_start: int, facts: _Sentence,
                  floor: bool = False, num_start: int | None = None) -> tuple[str, int]:
    """pct (a share or level), pct_change ("tăng 8%") or pct_per_year (inherited from "%/năm" nearby).
    With `floor` ("từ 8% trở lên") a "từ" before the number opens a floor, not a change from a level."""
    num_start = start if num_start is None else num_start
    verb = patterns.CHANGE_BEFORE.search(lower, max(s0, num_start - 25), num_start)
    if verb:                                # "tăng 8%", and "ước tăng 7,2%" (the qualifier came first)
        return "pct_change", min(start, verb.start())
    clause_start = min(clause_start, start)
    level = patterns.LEVEL_BEFORE.search(lower, clause_start, start)
    if level and floor and level.group(0).startswith("từ"):
        level = None
    if patterns.CHANGE_IN_CLAUSE.search(lower, clause_start, start) and not level:
        return "pct_change", start
    if facts.per_year_growth:
        return "pct_per_year", start        # "… đạt 9%/năm; … chế tạo đạt 8,91% (…)": the same average rate
    return "pct", start


def _scope(lower: str, q: _Quantity, unit_id: str, s0: int, clause_start: int, facts: _Sentence,
           tags: list[str]) -> str:
    opening = lower.rfind("(", s0, q.num_start)
    window_start = opening if opening > lower.rfind(")", s0, q.num_start) else clause_start
    window_start = max(window_start, q.num_start - 120)
    excluding = patterns.EXCLUDING.search(lower, window_start, q.num_start)
    if excluding:
        if patterns.SAMSUNG.search(lower, excluding.start(), q.num_start):
            return "excluding_samsung"
        tags.append("excluding")
        return ""
    if unit_id not in ("zones", "clusters", "ha") and facts.industrial_zones:
        # only when this part of the sentence (between ";") is about the zones: "Kim ngạch xuất khẩu đạt 33,7 tỷ
        # USD; riêng các doanh nghiệp trong khu công nghiệp xuất khẩu 31,9 tỷ USD"
        segment_start = lower.rfind(";", s0, q.num_start) + 1 or s0
        segment_end = lower.find(";", q.end, s0 + len(facts.lower))
        segment_end = s0 + len(facts.lower) if segment_end < 0 else segment_end
        if patterns.INDUSTRIAL_ZONES_SCOPE.search(lower, max(s0, segment_start), segment_end):
            return "industrial_zones"
    return "province"


def _period(doc: _Document, q: _Quantity, s0: int, s1: int) -> PeriodMention | None:
    mentions, starts = doc.periods_in_paragraph(q.num_start)
    lo, hi = bisect_left(starts, s0), bisect_left(starts, s1)
    segment_end = doc.text.find(";", q.end, s1)
    segment_end = s1 if segment_end < 0 else segment_end
    # periods before the number, or after it in its own part of the sentence (not past the next ";")
    in_sentence = [p for p in mentions[lo:hi] if not p.comparison
                   and (p.end <= q.start or q.end <= p.start < segment_end)]
    strong = [p for p in in_sentence if p.strong]
    after = [p for p in strong if p.start >= q.end]
    if after and _ATTACHED_GAP.fullmatch(doc.text, q.end, after[0].start):
        return after[0]                     # "bằng “0” vào năm 2050": the period that follows the value
    before = [p for p in strong if p.end <= q.start]
    if before:
        return before[-1]
    if after:
        return after[0]
    weak = [p for p in in_sentence if not p.strong]
    if weak:
        return min(weak, key=lambda p: abs(p.start - q.start))
    # nothing in the sentence: the last period stated earlier in the paragraph, a precise one if any
    earlier = [p for p in mentions[max(0, lo - 50):lo] if not p.comparison]
    earlier_strong = [p for p in earlier if p.strong]
    if earlier_strong:
        return earlier_strong[-1]
    return earlier[-1] if earlier else None


def _kind(doc: _Document, qualifier: str, tags: list[str], facts: _Sentence, period: PeriodMention | None,
          period_start: date | None, period_end: date | None) -> str:
    if qualifier == "plan" or "plan" in tags or facts.states_goal:
        return "target"
    reference = doc.reference_day
    if period_start is not None and period_start > reference:
        return "target"
    if period is not None and period.kind == "until" and period_end is not None and period_end > reference:
        return "target"
    return "actual"


def _jurisdiction(doc: _Document, pos: int, s0: int, s1: int) -> tuple[str, bool, bool]:
    """The province a quantity is about: (its id before any merger, named as the old one "(cũ)", fixed by the
    caller)."""
    lo = bisect_left(doc.name_starts, s0)
    hi = bisect_left(doc.name_starts, s1)
    in_sentence = [(a, _jurisdiction_id(name), a in doc.old_names) for a, _, name in doc.names[lo:hi]
                   if not _in_closed_parenthesis(doc.text, s0, a, pos)]
    provinces = [(a, ident, old) for a, ident, old in in_sentence if ident != "viet_nam"]
    if provinces:
        before = [(ident, old) for a, ident, old in provinces if a < pos]
        ident, old = before[-1] if before else provinces[0][1:]
        return ident, old, False
    if in_sentence:
        return "viet_nam", False, False
    return doc.main_jurisdiction


def _in_closed_parenthesis(text: str, s0: int, at: int, pos: int) -> bool:
    """Whether `at` lies in a parenthesis that closes before `pos`: "Thái Nguyên mới (sau hợp nhất với Bắc Kạn)
    đặt mục tiêu …" is about Thái Nguyên, not Bắc Kạn."""
    if at >= pos:
        return False
    opening = text.rfind("(", s0, at)
    return opening >= 0 and text.rfind(")", opening, at) < 0 and 0 <= text.find(")", at, pos)


def _dated_jurisdiction(doc: _Document, found: tuple[str, bool, bool], kind: str, period_end: date | None) -> str:
    """After the 2025 mergers "Thái Nguyên" is the merged province, except where the text says "(cũ)" or states
    an outcome of a period that ended before the merger (that outcome belongs to the old province)."""
    ident, named_old, fixed = found
    if fixed or named_old or not doc.after_merger or ident not in patterns.SUCCESSORS_AFTER_MERGER:
        return ident
    if kind == "actual" and period_end is not None and period_end < MERGER_EFFECTIVE:
        return ident
    return patterns.SUCCESSORS_AFTER_MERGER[ident]


def _parenthetical_parent(lower: str, q: _Quantity, s0: int, earlier: list[Candidate]) -> Candidate | None:
    """For "57% (không kể … Samsung là 42,38%)": the value the parenthesis qualifies."""
    opening = lower.rfind("(", s0, q.num_start)
    if opening < 0 or lower.rfind(")", opening, q.num_start) >= 0:
        return None
    if not patterns.EXCLUDING.search(lower, opening, q.num_start):
        return None
    for candidate in reversed(earlier):
        if candidate.end <= opening and candidate.start >= s0:
            return candidate
        if candidate.start < s0:
            break
    return None
