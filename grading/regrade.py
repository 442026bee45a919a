"""`build.py grade`: regrades handed-in files on the instructor's machine, with the harness,
tests and time limits the page uses, in the page's own Python (Pyodide) in sandboxed Node
processes on every core (sandbox_command.py), and writes one CSV row per file, every cell
safe to open in a spreadsheet. These verdicts are honest: the learner's browser computed none
of them.

A submission is a .py file, a .zip of them (the catalog's "Download all"), or a folder holding
either (searched recursively), read with limits (handin_files.py). Its problem comes from its hand-in header (grading/handin.py),
or from --problem for files without one.
"""

import csv
import queue
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from harness.results import PASSED, TIMEOUT
from base.digest import digest_of_text
from sitebuild.problems.load import load_problem

from .grading_runtime import write_grading_runtime
from .handin import read_header
from .handin_files import NOT_READ, Submission, find_submissions
from .progress_bar import ProgressBar
from .pyodide_runner import PyodideRunner
from .host_results import results_after_crash
from .sandbox_command import SandboxUnavailable, sandboxed_command
from .spare_process import SpareProcess
from .spreadsheet_safe import spreadsheet_safe

GRADED = "graded"
NOT_TEXT = "not a Python text file"
NO_PROBLEM = "no problem named"
UNKNOWN_PROBLEM = "unknown problem"
HANDIN_ZIP_STEM = "ml-exercises"  # the catalog's "Download all" (static/catalog.js)
LEARNER_SEPARATORS = " _-."
COLUMNS = ("file", "learner", "problem", "verdict", "passed", "total", "score", "mistake", "seconds", "browser claim", "message")


@dataclass
class Row:
    submission: Submission
    code: str = ""
    header: object = None  # grading.handin.HandIn, or None
    problem: str = ""
    verdict: str = GRADED
    results: dict | None = None
    seconds: float = 0.0
    claim: str = ""
    tests: list = field(default_factory=list)  # [(test name, status)]

    @property
    def passed(self):
        return sum(status == PASSED for _, status in self.tests)

    @property
    def learner(self):
        """The file's owner without the names the kit gives files (alice_contrastive_loss.py -> alice)."""
        owner = self.submission.owner
        for default in (HANDIN_ZIP_STEM, self.problem.replace("-", "_")):
            owner = owner.replace(default, "") if default else owner
        return owner.strip(LEARNER_SEPARATORS)


def grade_submissions(submissions, problems_dir, problem=None, jobs=1, on_graded=None):
    """A Row per submission, in their order; `problem` is the slug for files without a header.
    `jobs` warm processes grade in parallel; on_graded(row) is called as each one ends."""
    rows = [_prepare(submission, problem) for submission in submissions]
    suites = _load_suites({row.problem for row in rows if row.verdict == GRADED}, problems_dir)
    pending = queue.Queue()
    for row in rows:
        if row.verdict == GRADED and row.problem not in suites:
            row.verdict = UNKNOWN_PROBLEM
        if row.verdict == GRADED:
            pending.put(row)
        elif on_graded:
            on_graded(row)

    if not pending.empty():
        with tempfile.TemporaryDirectory(prefix="grading-runtime-") as runtime:
            first_suite = suites[pending.queue[0].problem].to_json()
            spare = SpareProcess(sandboxed_command(write_grading_runtime(runtime), runtime), runtime, first_suite)
            try:
                _grade_in_parallel(pending, suites, [PyodideRunner(spare) for _ in range(max(1, jobs))], on_graded)
            finally:
                spare.close()
    return rows


def _grade_in_parallel(pending, suites, runners, on_graded):
    """Each runner, in a thread, takes rows from `pending` until none is left. An error that
    stops a thread (the sandbox could not start), or Ctrl-C, ends every process and is raised."""
    reporting = threading.Lock()
    stopping = threading.Event()
    errors = []

    def work(runner):
        try:
            while not stopping.is_set():
                try:
                    row = pending.get_nowait()
                except queue.Empty:
                    return
                _grade(row, runner, suites[row.problem])
                if on_graded:
                    with reporting:
                        on_graded(row)
        except Exception as error:  # noqa: BLE001 - raised again in the calling thread
            errors.append(error)
            stopping.set()
        finally:
            runner.close()

    threads = [threading.Thread(target=work, args=(runner,)) for runner in runners]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    finally:
        stopping.set()
        for runner in runners:
            runner.close()  # a thread waiting on its process sees it end, and returns
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]


def _prepare(submission, problem):
    row = Row(submission, problem=problem or "")
    if submission.refused:
        row.verdict = submission.refused
        return row
    try:
        code = submission.data.decode("utf-8")
    except UnicodeDecodeError:
        code = None
    if code is None or "\0" in code:
        row.verdict = NOT_TEXT
        return row
    header = read_header(code)
    row.code, row.header = code, header
    row.problem = (header and header.problem) or problem or ""
    if not row.problem:
        row.verdict = NO_PROBLEM
    return row


def _load_suites(slugs, problems_dir):
    """Each named problem's suite, as the build makes it; unknown slugs are left out."""
    return {slug: load_problem(Path(problems_dir) / slug).suite for slug in slugs if (Path(problems_dir) / slug / "tests.py").is_file()}


def _grade(row, runner, suite):
    started = time.monotonic()
    try:
        row.results = runner.run(suite, row.code)
    except SandboxUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - answers learner code forged; the file's own row says so
        runner.close()
        reason = f"the grading process answered what it should not ({type(error).__name__})"
        row.results = results_after_crash([case.name for case in suite.cases], {}, reason)
    row.seconds = time.monotonic() - started
    row.tests = [(test["name"], test["status"]) for test in row.results["tests"]]
    row.claim = _browser_claim(row, suite)


def _browser_claim(row, suite):
    """Whether the hand-in header's results (what the page showed) match the regrade."""
    header = row.header
    if header is None:
        return "no header"
    if header.tests_digest != digest_of_text(suite.to_json()):
        return "the tests changed since it was handed in"
    if header.claimed_statuses is None:
        return "not run in the browser"
    regraded = [status for _, status in row.tests]
    if header.claimed_statuses == regraded:
        return "matches"
    claimed = sum(status == PASSED for status in header.claimed_statuses)
    return f"differs: the browser showed {claimed} of {len(header.claimed_statuses)} passed"


def write_csv(rows, stream):
    """One row per submission; a column per test of every problem graded, its status or empty."""
    test_columns = list(dict.fromkeys(f"{row.problem}: {name}" for row in rows for name, _ in row.tests))
    writer = csv.writer(stream)
    writer.writerow([spreadsheet_safe(cell) for cell in (*COLUMNS, *test_columns)])
    for row in rows:
        statuses = {f"{row.problem}: {name}": status for name, status in row.tests}
        results = row.results or {}
        total = len(row.tests)
        cells = [
            row.submission.name,
            row.learner,
            row.problem,
            row.verdict,
            row.passed if total else "",
            total or "",
            f"{row.passed / total:.3f}" if total else "",
            results.get("hint") or "",
            f"{row.seconds:.2f}" if total else "",
            row.claim,
            _first_message(results) or row.submission.why,
            *(statuses.get(column, "") for column in test_columns),
        ]
        writer.writerow([spreadsheet_safe(cell) for cell in cells])


def _first_message(results):
    """The first thing the learner would read: why the file did not load, or the first failure."""
    for message in [results.get("message"), *(test["message"] for test in results.get("tests", []))]:
        if message:
            return message.splitlines()[0]
    return ""


def summary_table(rows):
    """Per problem: files, how many pass every test, the mean score, timeouts; then the rest."""
    lines = [f"{'problem':<24} {'files':>5} {'all passed':>10} {'mean score':>10} {'timed out':>9}"]
    for problem in sorted({row.problem for row in rows if row.tests}):
        graded = [row for row in rows if row.problem == problem and row.tests]
        all_passed = sum(row.passed == len(row.tests) for row in graded)
        mean = sum(row.passed / len(row.tests) for row in graded) / len(graded)
        timed_out = sum(any(status == TIMEOUT for _, status in row.tests) for row in graded)
        lines.append(f"{problem:<24} {len(graded):>5} {all_passed:>10} {mean:>10.0%} {timed_out:>9}")
    for verdict in (NOT_TEXT, NO_PROBLEM, UNKNOWN_PROBLEM, *NOT_READ):
        count = sum(row.verdict == verdict for row in rows)
        if count:
            lines.append(f"{count} file(s): {verdict}")
    differing = sum(row.claim.startswith("differs") for row in rows)
    if differing:
        lines.append(f"{differing} file(s) whose header claims other results than the regrade")
    return "\n".join(lines)


def regrade(paths, problems_dir, csv_path, problem=None, jobs=1):
    """The whole command: finds, grades (with a progress bar), writes the CSV; returns the rows."""
    submissions = find_submissions(paths)
    bar = ProgressBar(len(submissions), "files")
    rows = grade_submissions(submissions, problems_dir, problem, jobs, on_graded=lambda row: bar.advance())
    with open(csv_path, "w", newline="", encoding="utf-8") as stream:
        write_csv(rows, stream)
    return rows
