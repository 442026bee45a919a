"""Hand-in files: the learner's code as the page's Download saves it (static/handin/handin.js writes
them), with a header of comment lines that Python ignores, so the file runs as it is:

    # --- Hand-in from the ML exercise kit (Python ignores these lines) ---
    # format: 1
    # problem: contrastive-loss
    # kit: 1.1.0
    # tests: 3f2a9c1e5b7d0a12
    # saved: 2026-12-02T14:03:11.123Z
    # browser results: 3 of 4 passed (as seen in the browser, not a grade)
    # test 1: passed | Reference example: 0.625
    # ...
    # --- end of hand-in header ---

"tests" is the digest of the problem's tests.json the page graded with. "browser results"
is "none (...)" when the tests were not run on this very code. A file without a header
(written elsewhere) is a submission too; its problem must then be named by the grader. The
first and last lines and the format's version are in formats/handin_header.json, which the
page reads too; files saved before the "format" line existed read the same.
"""

import json
import re
from dataclasses import dataclass, field

from base.paths import FORMATS

HEADER = json.loads((FORMATS / "handin_header.json").read_text(encoding="utf-8"))
FIELD = re.compile(r"# (format|problem|kit|tests|saved): (.*)")
CLAIMED_SUMMARY = re.compile(r"# browser results: (\d+) of (\d+) passed")
CLAIMED_TEST = re.compile(r"# test (\d+): ([a-z-]+) \| (.*)")


@dataclass
class HandIn:
    format: str | None = None
    problem: str | None = None
    kit: str | None = None
    tests_digest: str | None = None
    saved: str | None = None
    claimed_statuses: list | None = None  # each test's status as the page showed it; None: not run on this code
    claimed_names: list = field(default_factory=list)


def read_header(code):
    """The HandIn its header describes, or None for code without a hand-in header."""
    lines = code.splitlines()
    if not lines or not lines[0].startswith(HEADER["start"]):
        return None
    hand_in = HandIn()
    claimed = []
    for line in lines[1:]:
        if line.startswith(HEADER["end"]):
            break
        if match := FIELD.fullmatch(line):
            key, value = match.groups()
            setattr(hand_in, "tests_digest" if key == "tests" else key, value.strip())
        elif CLAIMED_SUMMARY.match(line):
            hand_in.claimed_statuses = claimed
        elif match := CLAIMED_TEST.fullmatch(line):
            claimed.append(match.group(2))
            hand_in.claimed_names.append(match.group(3))
    return hand_in
