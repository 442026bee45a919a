"""The problem folders as the tests see them, read through the build: test names, page paths
and sources come from problems/ and are written nowhere in the tests (but once, in
test_problems.py, where the exercise's four names are the specification)."""

import functools

import harness
from base.paths import PROBLEMS, site_problem_dir
from sitebuild.problems.load import load_problem

SLUGS = sorted(path.name for path in PROBLEMS.iterdir() if path.is_dir())
CONTRASTIVE = "contrastive-loss"  # the exercise most tests drive
EXERCISE_PATH = site_problem_dir(CONTRASTIVE)


@functools.cache
def problem(slug):
    """The problem as the build loads it (its reference run on every case)."""
    return load_problem(PROBLEMS / slug)


@functools.cache
def shipped_suite(slug):
    """The suite exactly as the page receives it: built, then through its JSON form (tests.json)."""
    return harness.Suite.from_json(problem(slug).suite.to_json())


def case_names(slug=CONTRASTIVE):
    """The names of the problem's hidden tests, in order."""
    return [case.name for case in problem(slug).suite.cases]


def source(slug, name):
    """A file of the problem folder, e.g. source(slug, "solution.py")."""
    return (PROBLEMS / slug / name).read_text(encoding="utf-8")
