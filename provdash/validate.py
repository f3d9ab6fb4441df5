"""Named checks on the curated files in data/, with messages a planner can act on.

Each check returns a list of Problems (file, line, field, what is wrong and how to fix it). The build runs
them all before it touches the database, so a bad file never reaches DuckDB and the previous database keeps
serving. This module reads files and returns problems; it never writes anything.
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
PUBLISHED_PATTERN = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MAX_FILE_BYTES = 20_000_000
MAX_QUOTE_CHARS = 160  # quotes are short spans that state a fact; the articles are not copied into the project
EVENT_TYPES = ("decision", "resolution", "agreement", "launch", "merger", "forum", "plan")
# day: on that day; month / year: some time in that month or year (date = its first day);
# by: on or before that day (the source reports it as done, e.g. in an article of that day).
DATE_PRECISIONS = ("day", "month", "year", "by")
# What a coverage note records about a gap: the publisher has not published the figure (not_published), or it
# was looked for and could not be found (not_found). Either way the store holds no actual for those years.
FINDINGS = ("not_published", "not_found")
FINDING_WORDS = {"not_published": "were not published", "not_found": "could not be found"}
YEAR_RANGE = (1900, 2100)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | id | date | number | year
    required: bool = True  # must not be empty
    references: str | None = None  # name of the table whose key this column must match
    choices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


TABLES: tuple[Table, ...] = (
    Table("units", (
        Column("unit", "id"), Column("label_vi"), Column("label_en"), Column("dimension", "id"),
        Column("base_unit", "id"), Column("factor", "number"), Column("min_value", "number", required=False),
        Column("max_value", "number", required=False),
    ), key=("unit",)),
    Table("qualifiers", (
        Column("qualifier", "id", required=False), Column("label_vi", required=False),
        Column("label_en", required=False), Column("meaning"),
    ), key=("qualifier",)),
    Table("scopes", (
        Column("scope", "id"), Column("label_vi"), Column("label_en"), Column("definition"),
    ), key=("scope",)),
    Table("methods", (
        Column("method", "id", required=False), Column("label_vi", required=False),
        Column("label_en", required=False), Column("short_vi", required=False), Column("short_en", required=False),
        Column("definition"),
    ), key=("method",)),
    Table("sources", (
        Column("source_id", "id"), Column("title"), Column("outlet", required=False),
        Column("url", required=False), Column("file", required=False), Column("published", required=False),
        Column("language", choices=("vi", "en")), Column("note", required=False),
    ), key=("source_id",)),
    Table("indicators", (
        Column("indicator", "id"), Column("title_vi"), Column("title_en"), Column("unit", references="units"),
        Column("category", "id"), Column("direction", choices=("higher", "lower")),
        Column("type", choices=("level", "share", "rate", "rank", "count")),
        Column("measure", choices=("stock", "flow")), Column("definition"),
    ), key=("indicator",)),
    Table("jurisdictions", (
        Column("jurisdiction", "id"), Column("name_vi"), Column("name_en"),
        Column("level", choices=("country", "province")), Column("code"), Column("valid_from", "date"),
        Column("valid_to", "date", required=False), Column("successor", required=False, references="jurisdictions"),
        Column("note", required=False),
    ), key=("jurisdiction",)),
    Table("observations", (
        Column("indicator", references="indicators"), Column("jurisdiction", references="jurisdictions"),
        Column("period_start", "date"), Column("period_end", "date"), Column("period_label"),
        Column("value", "number"), Column("unit", references="units"), Column("kind", choices=("actual", "target")),
        Column("qualifier", required=False, references="qualifiers"), Column("scope", references="scopes"),
        Column("method", required=False, references="methods"), Column("source_id", references="sources"),
        Column("quote", required=False), Column("note", required=False),
    ), key=("source_id", "indicator", "jurisdiction", "kind", "scope", "method", "period_start", "period_end")),
    Table("events", (
        Column("event_id", "id"), Column("date", "date"), Column("date_precision", choices=DATE_PRECISIONS),
        Column("date_label"), Column("date_label_en"), Column("jurisdiction", references="jurisdictions"),
        Column("type", choices=EVENT_TYPES), Column("title_vi"), Column("title_en"),
        Column("source_id", references="sources"), Column("quote", required=False), Column("note", required=False),
        Column("note_vi", required=False),
    ), key=("event_id",)),
    # Outlet names that differ by language or are unknown ("(không rõ)": both labels empty); an outlet not
    # listed is a name, the same in both languages.
    Table("outlets", (
        Column("outlet"), Column("label_vi", required=False), Column("label_en", required=False),
    ), key=("outlet",)),
    # The Vietnamese of the curators' notes of observations.csv (which keeps them in English), keyed by the
    # value's key. A translation is used only while `note_en` is still the value's note.
    Table("observation_notes", (
        Column("indicator", references="indicators"), Column("jurisdiction", references="jurisdictions"),
        Column("period_start", "date"), Column("period_end", "date"), Column("kind", choices=("actual", "target")),
        Column("scope", references="scopes"), Column("method", required=False, references="methods"),
        Column("source_id", references="sources"), Column("note_en"), Column("note_vi"),
    ), key=("source_id", "indicator", "jurisdiction", "kind", "scope", "method", "period_start", "period_end")),
    # Gaps in the store that were looked into: which actuals (indicator, jurisdiction, method, years) have not been
    # published or could not be found. Shown on the coverage page where the grid has nothing.
    Table("coverage_notes", (
        Column("indicator", references="indicators"), Column("jurisdiction", references="jurisdictions"),
        Column("method", required=False, references="methods"), Column("first_year", "year"),
        Column("last_year", "year"), Column("finding", choices=FINDINGS), Column("note_vi"), Column("note_en"),
    ), key=("indicator", "jurisdiction", "method", "first_year")),
)
TABLE_BY_NAME = {t.name: t for t in TABLES}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


@dataclass
class Rows:
    """The rows of one curated file: dicts of raw strings, each with the line it started on."""
    table: Table
    records: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- reading


def check_file_bytes(table: Table, raw: bytes) -> list[Problem]:
    """Encoding and layout problems that make a file unreadable as a curated CSV."""
    name = f"data/{table.file_name}"
    if not raw.strip():
        return [Problem(name, None, None, "the file is empty; it needs at least the header line "
                        f"({','.join(table.header)})")]
    if len(raw) > MAX_FILE_BYTES:
        return [Problem(name, None, None, f"the file is larger than {MAX_FILE_BYTES:,} bytes; is it the right file?")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return [Problem(name, 1, None, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    if b"\x00" in raw:
        return [Problem(name, None, None, "the file contains NUL bytes; it looks binary, not a CSV text file")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Problem(name, line, None, "the file is not valid UTF-8 text (saved in another encoding?); "
                        "save it as UTF-8")]
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        return [Problem(name, line, None, "the file has Windows (CRLF) or old Mac (CR) line ends; save it with LF line ends")]
    if not text.endswith("\n"):
        return [Problem(name, text.count("\n") + 1, None, "the last line does not end with a line break; "
                        "the file may be truncated")]
    return []


def parse_rows(table: Table, raw: bytes) -> tuple[Rows, list[Problem]]:
    """Split a curated file into rows, checking the header and the number of fields on each line."""
    name = f"data/{table.file_name}"
    problems = check_file_bytes(table, raw)
    rows = Rows(table)
    if problems:
        return rows, problems
    text = unicodedata.normalize("NFC", raw.decode("utf-8"))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        return rows, [Problem(name, 1, None, f"the header line cannot be read ({err})")]
    expected = table.header
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append("missing column(s): " + ", ".join(missing))
        if extra:
            parts.append("unexpected column(s): " + ", ".join(extra or []))
        if not parts:
            parts.append("columns are in the wrong order")
        return rows, [Problem(name, 1, None, "; ".join(parts) + f". Expected header: {','.join(expected)}")]
    line = reader.line_num + 1
    try:
        for fields in reader:
            if not fields or fields == [""]:
                problems.append(Problem(name, line, None, "blank line; remove it"))
            elif len(fields) != len(expected):
                problems.append(Problem(name, line, None, f"has {len(fields)} fields, expected {len(expected)} "
                                        "(a missing or extra comma, or a quote not closed?)"))
            else:
                rows.records.append(dict(zip(expected, fields)))
                rows.lines.append(line)
            line = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(name, line, None, f"cannot be read as CSV ({err}); the file may be truncated"))
    return rows, problems


# ------------------------------------------------------------------------------------------ field checks


def parse_number(text: str) -> float:
    """A number as the curated files write it: '.' decimal point, no thousands separators."""
    if not re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", text):
        raise ValueError(text)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(text)
    return date.fromisoformat(text)


def check_field(table: Table, column: Column, value: str, line: int) -> list[Problem]:
    name = f"data/{table.file_name}"
    if value != value.strip():
        return [Problem(name, line, column.name, f"{value!r} has leading or trailing spaces; remove them")]
    if value == "":
        if column.required:
            return [Problem(name, line, column.name, "is empty but required")]
        return []
    if column.kind == "id" and not ID_PATTERN.fullmatch(value):
        return [Problem(name, line, column.name, f"{value!r} is not a valid id (lowercase ascii letters, digits "
                        "and _, starting with a letter)")]
    if column.kind == "number":
        try:
            parse_number(value)
        except ValueError:
            hint = ""
            if re.fullmatch(r"-?\d+,\d+", value):
                hint = f"; it uses a comma as the decimal point, write {value.replace(',', '.')}"
            elif re.fullmatch(r"-?\d{1,3}([.,]\d{3})+([.,]\d+)?", value):
                hint = "; write it without thousands separators and with '.' as the decimal point"
            return [Problem(name, line, column.name, f"{value!r} is not a number{hint}")]
    if column.kind == "year" and not (re.fullmatch(r"[0-9]{4}", value)
                                      and YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]):
        return [Problem(name, line, column.name, f"{value!r} is not a year (four digits between {YEAR_RANGE[0]} "
                        f"and {YEAR_RANGE[1]}, e.g. 2024)")]
    if column.kind == "date":
        try:
            parse_date(value)
        except ValueError:
            return [Problem(name, line, column.name, f"{value!r} is not a date in the form YYYY-MM-DD")]
    if column.choices and value not in column.choices:
        return [Problem(name, line, column.name, f"{value!r} is not one of: {', '.join(column.choices)}")]
    return []


def check_fields(rows: Rows) -> list[Problem]:
    problems: list[Problem] = []
    for record, line in zip(rows.records, rows.lines):
        for column in rows.table.columns:
            problems += check_field(rows.table, column, record[column.name], line)
    return problems


def check_unique_keys(rows: Rows) -> list[Problem]:
    seen: dict[tuple[str, ...], int] = {}
    problems = []
    for record, line in zip(rows.records, rows.lines):
        key = tuple(record[c] for c in rows.table.key)
        if key in seen:
            key_name = rows.table.key[0] if len(rows.table.key) == 1 else "key"
            problems.append(Problem(f"data/{rows.table.file_name}", line, key_name,
                                    f"duplicates line {seen[key]} (same {', '.join(rows.table.key)})"))
        else:
            seen[key] = line
    return problems


def check_references(rows: Rows, all_rows: dict[str, Rows]) -> list[Problem]:
    problems = []
    for column in rows.table.columns:
        if not column.references:
            continue
        target = all_rows[column.references]
        known = {r[target.table.key[0]] for r in target.records}
        for record, line in zip(rows.records, rows.lines):
            value = record[column.name]
            if (value or column.required) and value not in known:
                problems.append(Problem(f"data/{rows.table.file_name}", line, column.name,
                                        f"{value!r} is not a known {column.references[:-1]} "
                                        f"(add it to data/{column.references}.csv or fix the spelling)"))
    return problems


# ---------------------------------------------------------------------------------------- domain checks


def check_sources(rows: Rows) -> list[Problem]:
    problems = []
    for record, line in zip(rows.records, rows.lines):
        if not record["url"] and not record["file"]:
            problems.append(Problem("data/sources.csv", line, "url", "a source needs a URL or a seed file name"))
        if record["url"] and not re.match(r"https?://", record["url"]):
            problems.append(Problem("data/sources.csv", line, "url", f"{record['url']!r} is not an http(s) URL"))
        published = record["published"]
        if published and not PUBLISHED_PATTERN.fullmatch(published):
            problems.append(Problem("data/sources.csv", line, "published",
                                    f"{published!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
    return problems


def check_units(rows: Rows) -> list[Problem]:
    problems = []
    for record, line in zip(rows.records, rows.lines):
        try:
            if parse_number(record["factor"]) <= 0:
                problems.append(Problem("data/units.csv", line, "factor", "must be greater than 0"))
        except ValueError:
            pass  # already reported by check_fields
    return problems


def check_jurisdictions(rows: Rows) -> list[Problem]:
    problems = []
    for record, line in zip(rows.records, rows.lines):
        try:
            if record["valid_to"] and parse_date(record["valid_from"]) > parse_date(record["valid_to"]):
                problems.append(Problem("data/jurisdictions.csv", line, "valid_to", "is before valid_from"))
        except ValueError:
            pass
        if record["successor"] and not record["valid_to"]:
            problems.append(Problem("data/jurisdictions.csv", line, "valid_to",
                                    "a jurisdiction with a successor needs the date it ended"))
    return problems


def check_observation_values(rows: Rows, all_rows: dict[str, Rows]) -> list[Problem]:
    """Period order, unit ranges (shares 0–100, areas and counts ≥ 0) and jurisdiction lifetimes."""
    units = {r["unit"]: r for r in all_rows["units"].records}
    jurisdictions = {r["jurisdiction"]: r for r in all_rows["jurisdictions"].records}
    problems = []
    for record, line in zip(rows.records, rows.lines):
        try:
            start, end = parse_date(record["period_start"]), parse_date(record["period_end"])
            value = parse_number(record["value"])
        except ValueError:
            continue  # reported by check_fields
        if start > end:
            problems.append(Problem("data/observations.csv", line, "period_start",
                                    f"period starts ({start}) after it ends ({end})"))
        unit = units.get(record["unit"])
        if unit:
            low = parse_number(unit["min_value"]) if unit["min_value"] else None
            high = parse_number(unit["max_value"]) if unit["max_value"] else None
            if low is not None and value < low:
                problems.append(Problem("data/observations.csv", line, "value",
                                        f"{record['value']} is below the smallest allowed {unit['label_en']} ({unit['min_value']})"))
            if high is not None and value > high:
                problems.append(Problem("data/observations.csv", line, "value",
                                        f"{record['value']} is above the largest allowed {unit['label_en']} ({unit['max_value']})"))
        place = jurisdictions.get(record["jurisdiction"])
        # A goal an old province set for 2030 stays its goal; only outcomes must fall within its lifetime.
        if place and place["valid_to"] and record["kind"] == "actual":
            try:
                ended = parse_date(place["valid_to"])
            except ValueError:
                continue
            if start > ended:
                problems.append(Problem("data/observations.csv", line, "jurisdiction",
                                        f"{record['jurisdiction']} ceased to exist on {ended}; figures for later periods "
                                        f"belong to {place['successor'] or 'its successor'}"))
    return problems


def check_events(rows: Rows, all_rows: dict[str, Rows]) -> list[Problem]:
    """Dates that say what their precision says, within the jurisdiction's lifetime and its source's reach."""
    jurisdictions = {r["jurisdiction"]: r for r in all_rows["jurisdictions"].records}
    sources = {r["source_id"]: r for r in all_rows["sources"].records}
    problems = []
    for record, line in zip(rows.records, rows.lines):
        try:
            day = parse_date(record["date"])
        except ValueError:
            continue  # reported by check_fields
        precision = record["date_precision"]
        if precision == "month" and day.day != 1:
            problems.append(Problem("data/events.csv", line, "date",
                                    f"{record['date']} is not the first day of a month; with date_precision 'month' "
                                    f"write {day.replace(day=1)} (the month, not a guessed day)"))
        if precision == "year" and (day.month, day.day) != (1, 1):
            problems.append(Problem("data/events.csv", line, "date",
                                    f"{record['date']} is not 1 January; with date_precision 'year' write "
                                    f"{day.replace(month=1, day=1)} (the year, not a guessed day)"))
        place = jurisdictions.get(record["jurisdiction"])
        if place:
            try:
                began = parse_date(place["valid_from"])
                ended = parse_date(place["valid_to"]) if place["valid_to"] else None
            except ValueError:
                began = ended = None
            if began and day < began:
                problems.append(Problem("data/events.csv", line, "jurisdiction",
                                        f"{record['jurisdiction']} did not exist yet on {day} (it begins {began})"))
            if ended and day > ended:
                problems.append(Problem("data/events.csv", line, "jurisdiction",
                                        f"{record['jurisdiction']} ceased to exist on {ended}; events after that belong "
                                        f"to {place['successor'] or 'its successor'}"))
        if bool(record["note"]) != bool(record["note_vi"]):
            missing = "note_vi" if record["note"] else "note"
            problems.append(Problem("data/events.csv", line, missing,
                                    "a note needs both languages: write the note in English (note) and in "
                                    "Vietnamese (note_vi), or leave both empty"))
        source = sources.get(record["source_id"])
        published = source["published"] if source else ""
        if precision == "by" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) and record["date"] > published:
            problems.append(Problem("data/events.csv", line, "date",
                                    f"an event dated 'by' {record['date']} (on or before) cannot be later than its "
                                    f"source, published {published}"))
    return problems


def year_figure(record: dict[str, str], measure: str) -> int | None:
    """The year an actual is *the* figure of — a level at 31 December, or an amount over the whole calendar year,
    province-wide — or None (a level at another date, part of a year, several years, a narrower scope)."""
    start, end = record["period_start"], record["period_end"]
    if record["kind"] != "actual" or record["scope"] != "province" or not re.fullmatch(r"\d{4}-12-31", end):
        return None
    if measure == "stock" or start == f"{end[:4]}-01-01":
        return int(end[:4])
    return None


def check_coverage_notes(rows: Rows, all_rows: dict[str, Rows]) -> list[Problem]:
    """A note covers years in order, within its jurisdiction's lifetime, does not overlap another note on the same
    series (indicator, jurisdiction, method), and does not call missing a year whose own figure (year_figure) the
    store holds. A level at another date or a part-year amount may sit inside a note's years: the note then says
    the year's figure was not found, and its text names what was."""
    name = f"data/{rows.table.file_name}"
    jurisdictions = {r["jurisdiction"]: r for r in all_rows["jurisdictions"].records}
    measures = {r["indicator"]: r["measure"] for r in all_rows["indicators"].records}
    held: dict[tuple[str, str, str], list[tuple[int, int]]] = {}  # series → (year, line) of each year's figure
    observations = all_rows["observations"]
    for record, line in zip(observations.records, observations.lines):
        year = year_figure(record, measures.get(record["indicator"], ""))
        if year is not None:
            series = (record["indicator"], record["jurisdiction"], record["method"])
            held.setdefault(series, []).append((year, line))
    problems = []
    seen: dict[tuple[str, str, str], list[tuple[int, int, int]]] = {}
    for record, line in zip(rows.records, rows.lines):
        first, last = int(record["first_year"]), int(record["last_year"])  # checked by check_fields
        if first > last:
            problems.append(Problem(name, line, "first_year", f"the first year ({first}) is after the last year ({last})"))
            continue
        place = jurisdictions.get(record["jurisdiction"])
        if place:
            began = int(place["valid_from"][:4])
            ended = int(place["valid_to"][:4]) if place["valid_to"] else None
            if first < began:
                problems.append(Problem(name, line, "first_year",
                                        f"{record['jurisdiction']} did not exist before {place['valid_from']}; a note "
                                        f"about it starts in {began} at the earliest"))
            if ended is not None and last > ended:
                problems.append(Problem(name, line, "last_year",
                                        f"{record['jurisdiction']} ceased to exist on {place['valid_to']}; later years "
                                        f"belong to {place['successor'] or 'its successor'}"))
        series = (record["indicator"], record["jurisdiction"], record["method"])
        for other_first, other_last, other_line in seen.get(series, []):
            if first <= other_last and other_first <= last:
                problems.append(Problem(name, line, "first_year",
                                        f"{first}–{last} overlaps the note on line {other_line} ({other_first}–"
                                        f"{other_last}) about the same indicator, jurisdiction and method; merge them"))
        seen.setdefault(series, []).append((first, last, line))
        found = sorted((year, obs_line) for year, obs_line in held.get(series, []) if first <= year <= last)
        if found:
            year, obs_line = found[0]
            problems.append(Problem(name, line, "last_year" if year == last else "first_year",
                                    f"the store holds the figure for {year} (data/observations.csv, line {obs_line}), "
                                    f"yet this note says the values for {first}–{last} "
                                    f"{FINDING_WORDS.get(record['finding'], record['finding'])}; narrow the years or "
                                    "remove the note"))
    return problems


ROW_NOUNS = {"observations": "a value", "events": "an event"}
QUOTED_TABLES = ("observations", "events")


def check_quotes(rows: Rows, all_rows: dict[str, Rows], seeds: Path | None) -> list[Problem]:
    """A row read from a seed article must quote it exactly, in a short span; the article check is skipped
    when the articles are not present. Works on any table with `source_id` and `quote` columns."""
    name = f"data/{rows.table.file_name}"
    what = ROW_NOUNS.get(rows.table.name, "a row")
    problems = []
    sources = {r["source_id"]: r for r in all_rows["sources"].records}
    texts: dict[str, str | None] = {}
    for record, line in zip(rows.records, rows.lines):
        source = sources.get(record["source_id"])
        if not source or not source["file"]:
            continue
        if not record["quote"]:
            problems.append(Problem(name, line, "quote",
                                    f"is empty; {what} read from {source['file']} needs the span that states it"))
            continue
        if len(record["quote"]) > MAX_QUOTE_CHARS:
            problems.append(Problem(name, line, "quote",
                                    f"is {len(record['quote'])} characters long; keep quotes to short spans of at most "
                                    f"{MAX_QUOTE_CHARS} characters (the articles are not copied into the project)"))
        if seeds is None:
            continue
        if source["file"] not in texts:
            path = seeds / source["file"]
            texts[source["file"]] = (unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
                                     if path.is_file() else None)
        text = texts[source["file"]]
        if text is None:
            problems.append(Problem(name, line, "source_id", f"the article {source['file']} is not in {seeds}"))
        elif record["quote"] not in text:
            problems.append(Problem(name, line, "quote",
                                    f"{record['quote']!r} is not found in {source['file']}; copy the span exactly"))
    return problems


def validate(data_dir: Path, seeds: Path | None) -> tuple[dict[str, Rows], list[Problem]]:
    """Read and check every curated file. Returns the rows and every problem found."""
    all_rows: dict[str, Rows] = {}
    problems: list[Problem] = []
    for table in TABLES:
        path = data_dir / table.file_name
        if not path.is_file():
            problems.append(Problem(f"data/{table.file_name}", None, None, "the file is missing"))
            all_rows[table.name] = Rows(table)
            continue
        rows, found = parse_rows(table, path.read_bytes())
        all_rows[table.name] = rows
        problems += found
    if problems:
        return all_rows, problems
    for rows in all_rows.values():
        problems += check_fields(rows)
        problems += check_unique_keys(rows)
    if problems:
        return all_rows, problems
    for rows in all_rows.values():
        problems += check_references(rows, all_rows)
    problems += check_sources(all_rows["sources"])
    problems += check_units(all_rows["units"])
    problems += check_jurisdictions(all_rows["jurisdictions"])
    problems += check_observation_values(all_rows["observations"], all_rows)
    problems += check_events(all_rows["events"], all_rows)
    problems += check_coverage_notes(all_rows["coverage_notes"], all_rows)
    for name in QUOTED_TABLES:
        problems += check_quotes(all_rows[name], all_rows, seeds if seeds and seeds.is_dir() else None)
    return all_rows, problems
