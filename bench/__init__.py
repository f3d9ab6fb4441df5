"""The performance benchmark (`make bench`): ratios, not absolute times, against the targets of the issue
"Performance at national scale". `python -m bench` measures everything in one run and writes bench/results.md.
Not a test: tests stay fast (tests/test_scale_db.py only checks that this package imports)."""
