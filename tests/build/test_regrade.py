"""`build.py grade` in CPython: every handed-in file, however broken, ends in one CSV row with a
verdict; the regrade in warm processes gives each file the verdicts a fresh process gives it
(so reusing processes across learners is safe); hand-in headers are read back."""

import csv
import subprocess
import sys
import zipfile

import pytest
from known_mistakes import BY_PROBLEM
from problem_folders import CONTRASTIVE, SLUGS, case_names, source
from submission_corpus import load_submissions

from grading.handin import HEADER, read_header
from grading.regrade import NO_PROBLEM, NOT_TEXT, UNKNOWN_PROBLEM, find_submissions, grade_submissions
from base.paths import PROBLEMS, REPO

# The corpus answers contrastive-loss but for a few cases, which the hand-ins leave out.
CORPUS = [submission for submission in load_submissions() if submission.problem == CONTRASTIVE]


def with_header(slug, code):
    """A file with the least header the grader reads: its problem."""
    return f"{HEADER['start']}\n# problem: {slug}\n{HEADER['end']}\n{code}"


@pytest.fixture(scope="module")
def hand_ins(tmp_path_factory):
    """A class's hand-ins: the whole adversarial corpus (no headers: graded as --problem
    contrastive-loss), the reference and every known mistake of every problem (with headers),
    and files that are no submission at all."""
    folder = tmp_path_factory.mktemp("hand-ins")
    corpus = folder / "corpus"
    corpus.mkdir()
    for submission in CORPUS:
        (corpus / f"{submission.name}.py").write_text(submission.code)
    for slug in SLUGS:
        learners = folder / slug
        learners.mkdir()
        (learners / "reference.py").write_text(with_header(slug, source(slug, "solution.py")))
        for number, name in enumerate(BY_PROBLEM[slug].mistakes):
            (learners / f"mistake-{number}.py").write_text(with_header(slug, BY_PROBLEM[slug].code(name)))
    (folder / "not-python.py").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "other-course.py").write_text(with_header("no-such-problem", "x = 1\n"))
    return folder


@pytest.fixture(scope="module")
def graded(hand_ins, tmp_path_factory):
    """The command line's CSV: {file: row}."""
    csv_path = tmp_path_factory.mktemp("grades") / "grades.csv"
    completed = subprocess.run(
        [sys.executable, "build.py", "grade", "--problem", CONTRASTIVE, str(hand_ins), "--csv", str(csv_path), "--jobs", "2"],
        cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Traceback" not in completed.stderr
    with open(csv_path, newline="", encoding="utf-8") as stream:
        return {row["file"]: row for row in csv.DictReader(stream)}, completed


def statuses_of(row, slug):
    return [row[f"{slug}: {name}"] for name in case_names(slug)]


def test_every_file_gets_one_row_with_a_verdict(graded, hand_ins):
    rows, _ = graded
    assert sorted(rows) == sorted(str(path.relative_to(hand_ins)) for path in hand_ins.rglob("*.py"))
    assert all(row["verdict"] for row in rows.values())


def test_the_corpus_gets_the_verdicts_the_page_gives_it(graded):
    rows, _ = graded
    for submission in CORPUS:
        row = rows[f"corpus/{submission.name}.py"]
        assert statuses_of(row, CONTRASTIVE) == submission.statuses, submission.name
        assert row["browser claim"] == "no header"


def test_each_problem_grades_its_reference_and_its_known_mistakes(graded):
    rows, _ = graded
    for slug in SLUGS:
        reference = rows[f"{slug}/reference.py"]
        assert (reference["passed"], reference["total"], reference["score"]) == (str(len(case_names(slug))),) * 2 + ("1.000",)
        for number, name in enumerate(BY_PROBLEM[slug].mistakes):
            row = rows[f"{slug}/mistake-{number}.py"]
            failed = [test for test, status in zip(case_names(slug), statuses_of(row, slug)) if status == "failed"]
            assert failed == BY_PROBLEM[slug].failing(name), (slug, name)
            hint_words = BY_PROBLEM[slug].hint_words(name)
            assert (hint_words in row["mistake"]) if hint_words else not row["mistake"]


def test_files_that_are_no_submission_are_named_so(graded):
    rows, completed = graded
    assert rows["not-python.py"]["verdict"] == NOT_TEXT
    assert rows["other-course.py"]["verdict"] == UNKNOWN_PROBLEM
    assert "1 file(s): not a Python text file" in completed.stdout
    assert f"Graded {len(rows)} file(s)" in completed.stdout


def test_one_warm_process_grades_a_whole_class_as_fresh_processes_would(hand_ins):
    """One process grades every file in turn, the tampering ones included: each file still
    gets the verdicts it gets alone (the corpus's expected verdicts, the reference all passed)."""
    rows = grade_submissions(find_submissions([hand_ins / "corpus", hand_ins / CONTRASTIVE]), PROBLEMS, CONTRASTIVE, jobs=1)
    expected = {f"{submission.name}.py": submission.statuses for submission in CORPUS}
    expected["reference.py"] = ["passed"] * len(case_names())
    for row in rows:
        if row.submission.name in expected:
            assert [status for _, status in row.tests] == expected[row.submission.name], row.submission.name


def test_a_file_without_header_or_problem_is_not_guessed(tmp_path):
    (tmp_path / "alice_contrastive_loss.py").write_text(source(CONTRASTIVE, "solution.py"))
    [row] = grade_submissions(find_submissions([tmp_path]), PROBLEMS)
    assert row.verdict == NO_PROBLEM and not row.tests


@pytest.mark.parametrize(
    "name, learner",
    [
        ("alice_contrastive_loss.py", "alice"),
        ("contrastive_loss-bob.py", "bob"),
        ("carol/contrastive_loss.py", "carol"),
        ("dave_ml-exercises.zip/contrastive_loss.py", "dave"),
        ("contrastive_loss.py", ""),
    ],
)
def test_the_learner_is_read_from_the_folder_or_the_file_name(tmp_path, name, learner):
    archive, _, member = name.partition(".zip/")
    if member:
        with zipfile.ZipFile(tmp_path / f"{archive}.zip", "w") as opened:
            opened.writestr(member, "x = 1\n")
    else:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x = 1\n")
    [row] = grade_submissions(find_submissions([tmp_path]), PROBLEMS, CONTRASTIVE)
    assert row.learner == learner


def test_a_header_is_read_back_and_a_file_without_one_is_code_only():
    code = "\n".join(
        [
            HEADER["start"],
            "# problem: contrastive-loss",
            "# kit: 1.1.0",
            "# tests: 0123456789abcdef",
            "# saved: 2026-12-02T14:03:11.123Z",
            "# browser results: 1 of 2 passed (as seen in the browser, not a grade)",
            "# test 1: passed | first | with a bar",
            "# test 2: timeout | second",
            HEADER["end"],
            "def f():\n    return 1\n",
        ]
    )
    header = read_header(code)
    assert (header.problem, header.kit, header.tests_digest, header.saved) == ("contrastive-loss", "1.1.0", "0123456789abcdef", "2026-12-02T14:03:11.123Z")
    assert header.claimed_statuses == ["passed", "timeout"]
    assert header.claimed_names == ["first | with a bar", "second"]
    assert read_header("# problem: contrastive-loss\ndef f(): pass\n") is None
