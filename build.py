"""The kit's command line: build the site, check the problems, start a new problem.

Usage:
  python build.py [--out DIR]         build the site (default: _site/)
  python build.py check [SLUG ...]    check every problem, or the named ones
  python build.py new SLUG            create problems/SLUG/ to fill in
Each takes --problems DIR to read the problem folders from DIR instead of problems/.
A problem in a folder is reported as one paragraph (where, what, how to fix), never as a traceback.
"""

import argparse
import sys
import time
from pathlib import Path

from sitebuild import paths
from sitebuild.check import check_problems
from sitebuild.errors import BuildError
from sitebuild.scaffold import new_problem
from sitebuild.site import build_site


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
        folder = new_problem(args.slug, args.problems)
    except BuildError as error:
        print(f"Could not create the problem. {error}", file=sys.stderr)
        return 1
    print(f"Created {paths.shown(folder)}/. Fill in every TODO (see docs/authoring.md), then run `make check`.")
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
    for command in (check_command, new_command):
        # Accepted after the command too; SUPPRESS keeps a value given before it.
        command.add_argument("--problems", default=argparse.SUPPRESS, **problems_option)
    check_command.add_argument("slugs", nargs="*", metavar="SLUG")
    check_command.set_defaults(run=check)
    new_command.add_argument("slug", metavar="SLUG")
    new_command.set_defaults(run=new)
    args = parser.parse_args()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
