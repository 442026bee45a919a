"""`build.py grade` on the exercises whose answers are shaped (a class graded by scenarios, a
tuple, a dict): the regrade gives a reference and a known mistake of each the verdicts, hint
and messages the page's own entry point gives them (harness.entry.grade on tests.json, in
CPython, as the worker calls it in Pyodide), and the CSV says so."""

import csv
import json

import pytest
from known_mistakes import CLASSIFICATION_METRICS, KMEANS_STEP, SGD_MOMENTUM
from problem_folders import case_names, problem, source

from base.paths import PROBLEMS
from grading.handin import HEADER
from grading.regrade import GRADED, regrade
from harness import entry

# (the exercise's known mistakes, the one handed in)
HANDED_IN = [
    (SGD_MOMENTUM, "velocity started afresh on every step"),
    (KMEANS_STEP, "a list, not a tuple"),
    (CLASSIFICATION_METRICS, "precision and recall swapped"),
]


def with_header(slug, code):
    return f"{HEADER['start']}\n# problem: {slug}\n{HEADER['end']}\n{code}"


def page_results(slug, code):
    """What the page's worker gets for `code`: the entry point it calls, on the shipped tests.json."""
    return json.loads(entry.grade(problem(slug).suite.to_json(), code))


@pytest.fixture(scope="module")
def regraded(tmp_path_factory):
    """{(slug, "reference" | "mistake"): Row}, and the CSV's rows by file."""
    folder = tmp_path_factory.mktemp("hand-ins")
    for known, mistake in HANDED_IN:
        (folder / known.slug).mkdir()
        (folder / known.slug / "reference.py").write_text(with_header(known.slug, source(known.slug, "solution.py")))
        (folder / known.slug / "mistake.py").write_text(with_header(known.slug, known.code(mistake)))
    csv_path = tmp_path_factory.mktemp("grades") / "grades.csv"
    rows = regrade([folder], PROBLEMS, csv_path, jobs=2)
    with open(csv_path, newline="", encoding="utf-8") as stream:
        by_file = {row["file"]: row for row in csv.DictReader(stream)}
    return {(row.problem, row.submission.name.rpartition("/")[2].removesuffix(".py")): row for row in rows}, by_file


@pytest.mark.parametrize("known, mistake", HANDED_IN, ids=[known.slug for known, _ in HANDED_IN])
def test_the_regrade_gives_a_reference_and_a_mistake_the_pages_verdicts(regraded, known, mistake):
    rows, by_file = regraded
    slug, names = known.slug, case_names(known.slug)
    reference, wrong = rows[(slug, "reference")], rows[(slug, "mistake")]
    assert reference.verdict == wrong.verdict == GRADED

    assert reference.results == page_results(slug, source(slug, "solution.py"))
    assert [status for _, status in reference.tests] == ["passed"] * len(names)

    assert wrong.results == page_results(slug, known.code(mistake))
    failed = [name for name, status in wrong.tests if status == "failed"]
    assert failed == known.failing(mistake)
    assert known.hint_words(mistake) in wrong.results["hint"]

    # The CSV: the score, the hint, and a column per test with its status.
    assert by_file[f"{slug}/reference.py"]["score"] == "1.000"
    row = by_file[f"{slug}/mistake.py"]
    assert row["passed"] == str(len(names) - len(failed)) and row["total"] == str(len(names))
    assert known.hint_words(mistake) in row["mistake"]
    assert [row[f"{slug}: {name}"] for name in names] == [status for _, status in wrong.tests]


def test_a_shaped_mismatch_is_told_where_it_is_in_the_regrade_too(regraded):
    rows, by_file = regraded
    tuple_message = by_file["kmeans-step/mistake.py"]["message"]
    assert tuple_message.startswith("Expected a tuple of 2 items, but your function returned a list of 2 items")
    metrics = rows[("classification-metrics", "mistake")].results["tests"]
    assert "Key 'precision' of the returned dict: expected 0.6666666667, got 0.5." in [test["message"] for test in metrics]
    momentum = rows[("sgd-momentum", "mistake")].results["tests"]
    assert momentum[1]["message"].startswith("Item 1 of the returned tuple: 3 of 3 entries of the array of shape (3,) differ.")
