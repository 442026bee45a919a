"""The kit's command line: build the site, check the problems, start a new problem.

Usage:
  python build.py [--out DIR]         build the site (default: _site/)
  python build.py check [SLUG ...]    check every problem, or the named ones
  python build.py new SLUG [--shape S] create problems/SLUG/ to fill in (function, tuple, dict, class, scenario)
  python build.py grade [--problem SLUG] FILES_OR_FOLDERS... [--csv grades.csv] [--jobs N]
                                      regrade handed-in files (docs/teaching.md)
Each takes --problems DIR to read the problem folders from DIR instead of problems/.
A problem in a folder is reported as one paragraph (where, what, how to fix), never as a traceback.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from base import paths
from sitebuild.check.check import check_notes, check_problems
from base.errors import BuildError
from sitebuild.authoring.scaffold import SHAPES, new_problem
from sitebuild.site.build import build_site
from grading.regrade import regrade, summary_table
from grading.sandbox_command import SandboxUnavailable, sandbox_description


def build(args):
    try:
        problems = build_site(args.out, args.problems)
    except BuildError as error:
        print(f"Build failed. {error}", file=sys.stderr)
        print("The previous site, if any, was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {len(problems)} problem(s) into {args.out}")
    return 0


def check(args):
    started = time.monotonic()
    problems, findings = check_problems(args.slugs, args.problems)
    for note in check_notes(problems, args.problems):
        print(f"Note: {note}")
    for finding in findings:
        print(f"✗ {finding}", file=sys.stderr)
    took = f"{time.monotonic() - started:.1f} s"
    if findings:
        print(f"Check failed: {len(findings)} problem(s) to fix ({took}).", file=sys.stderr)
        return 1
    names = ", ".join(problem.slug for problem in problems)
    print(f"✓ {names}: the references pass every test and example in CPython and in Pyodide, "
          f"the starters do not, no solution code is in the site ({took}).")
    return 0


def new(args):
    try:
        folder = new_problem(args.slug, args.problems, args.shape)
    except BuildError as error:
        print(f"Could not create the problem. {error}", file=sys.stderr)
        return 1
    print(f"Created {paths.shown(folder)}/. Fill in every TODO (see docs/authoring.md), then run `make check`.")
    return 0


def grade(args):
    known = sorted(path.name for path in args.problems.iterdir() if (path / "tests.py").is_file())
    if args.problem and args.problem not in known:
        print(f"There is no problem {args.problem!r}. Use one of: {', '.join(known)}.", file=sys.stderr)
        return 1
    started = time.monotonic()
    try:
        print(sandbox_description(), file=sys.stderr)
        rows = regrade(args.paths, args.problems, args.csv, args.problem, args.jobs)
    except FileNotFoundError as error:
        print(f"Nothing graded. {error}", file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"Nothing graded: a problem folder or the grading runtime is broken. {error}", file=sys.stderr)
        return 1
    except SandboxUnavailable as error:
        print(f"Nothing graded: {error}.", file=sys.stderr)
        return 1
    print(summary_table(rows))
    print(f"Graded {len(rows)} file(s) in {time.monotonic() - started:.1f} s; wrote {args.csv}.")
    return 0


def main():
    parser = argparse.ArgumentParser(description="Build the site, check the problems, or start a new one.")
    parser.add_argument("--out", default=str(paths.DEFAULT_OUT), help="where to build the site (default: _site)")
    problems_option = {"type": Path, "metavar": "DIR", "help": "where the problem folders are (default: problems)"}
    parser.add_argument("--problems", default=paths.PROBLEMS, **problems_option)
    parser.set_defaults(run=build)
    commands = parser.add_subparsers(title="commands")
    check_command = commands.add_parser("check", help="check every problem, or the named ones")
    new_command = commands.add_parser("new", help="create problems/SLUG/ to fill in")
    check_command.add_argument("slugs", nargs="*", metavar="SLUG")
    check_command.set_defaults(run=check)
    new_command.add_argument("slug", metavar="SLUG")
    new_command.add_argument("--shape", choices=SHAPES, default="function", help="the kind of exercise to start: " + ", ".join(SHAPES))
    new_command.set_defaults(run=new)
    grade_command = commands.add_parser("grade", help="regrade handed-in files and write a CSV (docs/teaching.md)")
    grade_command.add_argument("paths", nargs="+", metavar="FILES_OR_FOLDERS", help=".py files, .zip files of them, or folders holding either")
    grade_command.add_argument("--problem", metavar="SLUG", help="the problem of files without a hand-in header")
    grade_command.add_argument("--csv", default="grades.csv", help="where to write the grades (default: grades.csv)")
    grade_command.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="submissions graded at once (default: every core)")
    grade_command.set_defaults(run=grade)
    for command in (check_command, new_command, grade_command):
        # Accepted after the command too; SUPPRESS keeps a value given before it.
        command.add_argument("--problems", default=argparse.SUPPRESS, **problems_option)
    args = parser.parse_args()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
