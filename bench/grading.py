"""`make bench-grade`: how fast `build.py grade` regrades a class. Generates hand-ins (by
default 300: the reference and every known mistake of every problem, crashes, and loops that
run into the 5 s time limit), grades them as the command does, and prints submissions per
second, the total, and how much of it the time-limited ones must take whatever the grader
does. It is a benchmark, not a test: it exits 0 whatever the numbers.

    python -m bench.grading [--count N] [--jobs N]
"""

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from grading.handin import HEADER
from grading.regrade import find_submissions, grade_submissions
from base.paths import PROBLEMS
from grading.sandbox_command import sandbox_description
from sitebuild.problems.load import load_all

# Shares of a generated class, by kind; the rest are correct answers.
MISTAKES_SHARE = 0.35
CRASHES_SHARE = 0.10
TIMEOUTS_SHARE = 0.05
CRASHES = {
    "raises": "def {function}(*args, **kwargs):\n    raise ValueError('not done yet')\n",
    "ends Python": "import posix\n\n\ndef {function}(*args, **kwargs):\n    posix._exit(3)\n",
    "does not load": "def {function}(*args, **kwargs)\n    return 0\n",
}
NEVER_RETURNS = "def {function}(*args, **kwargs):\n    while True:\n        pass\n"


def generate_class(folder, count, problems):
    """Writes `count` hand-ins of `problems` into `folder`; returns {kind: number of files}."""
    references = [(problem, (PROBLEMS / problem.slug / "solution.py").read_text()) for problem in problems]
    mistakes = [(problem, path.read_text()) for problem in problems for path in sorted((PROBLEMS / problem.slug / "mistakes").glob("*.py"))]
    crashes = [(problem, template.format(function=problem.suite.function)) for problem in problems for template in CRASHES.values()]
    timeouts = [(problem, NEVER_RETURNS.format(function=problem.suite.function)) for problem in problems]
    counts = {"mistakes": round(count * MISTAKES_SHARE), "crashes": round(count * CRASHES_SHARE), "timeouts": round(count * TIMEOUTS_SHARE)}
    counts["correct"] = count - sum(counts.values())
    kinds = {"correct": references, "mistakes": mistakes, "crashes": crashes, "timeouts": timeouts}
    number = itertools.count(1)
    for kind, how_many in counts.items():
        for (problem, code), _ in zip(itertools.cycle(kinds[kind]), range(how_many)):
            header = f"{HEADER['start']}\n# problem: {problem.slug}\n{HEADER['end']}\n"
            (folder / f"{next(number):03d}-{kind}.py").write_text(header + code)
    return counts


def main():
    parser = argparse.ArgumentParser(description="Measure how fast build.py grade regrades a class.")
    parser.add_argument("--count", type=int, default=300, help="hand-ins to generate (default 300)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes grading at once (default: every core)")
    args = parser.parse_args()
    problems = load_all(PROBLEMS)
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as folder:
        counts = generate_class(Path(folder), args.count, problems)
        submissions = find_submissions([folder])
        started = time.monotonic()
        rows = grade_submissions(submissions, PROBLEMS, jobs=args.jobs)
        total = time.monotonic() - started
    by_kind = {kind: [row.seconds for row in rows if row.submission.name.endswith(f"{kind}.py")] for kind in counts}
    limits = {problem.slug: problem.suite.time_limit_seconds for problem in problems}
    floor = sum(limits[row.problem] for row in rows if row.submission.name.endswith("timeouts.py")) / args.jobs
    print(f"Regraded {len(rows)} hand-ins ({', '.join(f'{n} {kind}' for kind, n in counts.items())}) with {args.jobs} processes, "
          f"on {len(os.sched_getaffinity(0))} CPUs, load average {os.getloadavg()[0]:.1f} after.")
    print(sandbox_description())
    print(f"Total: {total:.1f} s, {len(rows) / total:.1f} submissions per second.")
    print(f"The time-limited ones must take at least {floor:.1f} s of it ({floor / total:.0%}): {counts['timeouts']} runs to the time limit, on {args.jobs} processes.")
    for kind, seconds in by_kind.items():
        if seconds:
            print(f"  {kind:<9} median {statistics.median(seconds) * 1000:7.1f} ms, max {max(seconds) * 1000:7.1f} ms each (in its process, restarts included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
