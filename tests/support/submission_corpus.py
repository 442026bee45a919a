"""The adversarial corpus in tests/corpus/submissions/: one folder per case, holding the learner's
code (submission.py), the whole results CPython's grading gives it (results.json, compared
in full by test_submissions.py) and what must happen to it in every host (expected.json):

    {"why": one sentence: the mistake and what the learner must see,
     "problem": the slug of the exercise it answers (optional: contrastive-loss),
     "tests": the status of each of the problem's tests, in order
              (passed | failed | error | timeout | not-run),
     "message_contains": strings that must appear in the learner-visible text,
     "browser": whether the page tests run it too (everything that touches the worker)}

The learner-visible text of a run is everything the page shows for it as text: the
message above the results, the hint of a recognised mistake, what the file printed while
loading, and each test's message and printed output (learner_visible_text builds it from
a results object; the page tests read the same from the results area).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from problem_folders import CONTRASTIVE

SUBMISSIONS = Path(__file__).resolve().parents[1] / "corpus" / "submissions"


@dataclass(frozen=True)
class Submission:
    name: str
    problem: str
    code: str
    why: str
    statuses: list
    message_contains: list
    browser: bool


def load_submissions():
    return [load_submission(folder) for folder in sorted(SUBMISSIONS.iterdir()) if folder.is_dir()]


def load_submission(folder):
    expected = json.loads((folder / "expected.json").read_text())
    return Submission(
        name=folder.name,
        problem=expected.get("problem", CONTRASTIVE),
        code=(folder / "submission.py").read_text(),
        why=expected["why"],
        statuses=expected["tests"],
        message_contains=expected["message_contains"],
        browser=expected["browser"],
    )


def golden_results_path(submission):
    return SUBMISSIONS / submission.name / "results.json"


def learner_visible_text(results):
    parts = [results["message"], results.get("hint"), results["output"]]
    for test in results["tests"]:
        parts += [test["message"], test["output"]]
    return "\n".join(part for part in parts if part)
