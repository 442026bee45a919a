"""`make bench`: the speed benchmark of the exercise page (see docs/performance.md and run.py)."""
