"""Command line: `python -m provdash.extract IN [--out candidates.csv] [--published YYYY-MM-DD]`.

Writes one CSV row per candidate (columns in provdash.extract.CSV_COLUMNS) to --out, or to standard output.
A file that cannot be read is reported on standard error in one line, with exit code 2 and no traceback.
"""
from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from provdash.extract import CSV_COLUMNS, ExtractionInputError, candidate_row, extract_file


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m provdash.extract",
        description="List the quantitative statements of a Vietnamese article (.txt, .html, .docx, .pdf) "
                    "as CSV candidates for review.")
    parser.add_argument("input", metavar="IN", help="the article file")
    parser.add_argument("--out", metavar="CSV", help="write the candidates here (default: standard output)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=_iso_date,
                        help="publication date, for 'đến nay', 'năm nay' and future years "
                             "(default: the date stamp near the top of the page, if any)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        document, candidates = extract_file(args.input, published=args.published)
    except ExtractionInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for note in document.notes:
        print(f"note: {note}", file=sys.stderr)
    rows = [candidate_row(c) for c in candidates]
    try:
        if args.out:
            with Path(args.out).open("w", encoding="utf-8", newline="") as handle:
                _write(handle, rows)
            print(f"{len(rows)} candidates written to {args.out}", file=sys.stderr)
        else:
            _write(sys.stdout, rows)
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def _write(handle, rows: list[dict[str, str]]) -> None:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


if __name__ == "__main__":
    sys.exit(main())
