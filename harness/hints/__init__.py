"""Hints: what a run's results suggest beyond each test's message (of_run.py gathers them): a
known mistake, fully or partly matched, a signature that differs from the exercise's, a
parameter ignored, a near miss, an overflow, a package the page lacks."""
