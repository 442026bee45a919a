"""Reads a problem folder and validates it. What needs no instructor code to run (the files,
the statement, its examples, the starter's text) is read here; tests.py, solution.py and
mistakes/*.py run in a child process under time limits (instructor_code.py), which computes
the expected values."""

import ast
import contextlib
import difflib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

import harness

from base.errors import BuildError
from .examples import examples_in_statement
from .instructor_code import SuiteComputation
from base.paths import shown
from .sources import parse_python, read_text

REQUIRED_FILES = ("statement.md", "starter.py", "solution.py", "tests.py")
REQUIRED_FRONT_MATTER = ("title", "difficulty", "function", "signature")
FRONT_MATTER = (*REQUIRED_FRONT_MATTER, "summary")
DIFFICULTIES = ("Easy", "Medium", "Hard")


@dataclass
class Problem:
    slug: str
    title: str
    difficulty: str
    signature: str
    summary: str
    statement_markdown: str
    starter: str
    suite: harness.Suite


@contextlib.contextmanager
def loading_all(problems_dir, slugs=()):
    """Reads every folder (or those named in `slugs`), starts running their instructor code,
    and yields a function that waits for it and returns the Problems. Each problem's code runs
    in a child process of its own, as many side by side as there are cores; on leaving, any
    child still running is stopped."""
    if not Path(problems_dir).is_dir():
        raise BuildError(shown(problems_dir), "there is no such folder", "create it, or name the folder that holds the problem folders")
    folders = sorted(path for path in Path(problems_dir).iterdir() if path.is_dir() and not path.name.startswith((".", "__")))
    if not folders:
        raise BuildError(shown(problems_dir), "there are no problem folders", "add a folder such as problems/<slug>/")
    unknown = sorted(set(slugs) - {folder.name for folder in folders})
    if unknown:
        raise BuildError(shown(problems_dir), f"there is no problem folder {unknown[0]!r}", f"use one of {', '.join(f.name for f in folders)}")
    readings = [_FolderReading(folder) for folder in folders if not slugs or folder.name in slugs]
    side_by_side = os.cpu_count() or 1

    def loaded():
        problems = []
        for index, reading in enumerate(readings):
            problems.append(reading.problem())
            if index + side_by_side < len(readings):
                readings[index + side_by_side].start()
        return problems

    try:
        for reading in readings[:side_by_side]:
            reading.start()
        yield loaded
    finally:
        for reading in readings:
            reading.stop()


def load_all(problems_dir, slugs=()):
    """Every problem folder, or only those named in `slugs`."""
    with loading_all(problems_dir, slugs) as loaded:
        return loaded()


def load_problem(folder):
    return load_all(Path(folder).parent, [Path(folder).name])[0]


class _FolderReading:
    """A problem folder, read as far as it can be without running its instructor code."""

    def __init__(self, folder):
        for name in REQUIRED_FILES:
            if not (folder / name).is_file():
                raise BuildError(
                    shown(folder / name), "this file is missing", f"every problem folder needs {', '.join(REQUIRED_FILES)}"
                )
        statement_path = folder / "statement.md"
        self.folder = folder
        self.front, self.statement_markdown, first_line = _read_statement(statement_path)
        self.starter = read_text(folder / "starter.py")
        _check_starter_defines(folder / "starter.py", self.starter, self.front["function"])
        # Examples may also be plain text; checked ones are encouraged (`make check` names problems without one).
        self.examples = examples_in_statement(self.statement_markdown, shown(statement_path), first_line)
        self.computation = None

    def start(self):
        """Starts the child process that runs the folder's instructor code."""
        given = harness.Suite(self.front["function"], [], examples=self.examples)
        self.computation = SuiteComputation(self.folder, self.front["signature"], given)

    def problem(self):
        """The Problem, once its instructor code has run (a BuildError if it failed)."""
        front = self.front
        return Problem(
            slug=self.folder.name,
            title=front["title"],
            difficulty=front["difficulty"],
            signature=front["signature"],
            summary=front.get("summary", ""),
            statement_markdown=self.statement_markdown,
            starter=self.starter,
            suite=self.computation.suite(),
        )

    def stop(self):
        if self.computation:
            self.computation.stop()


def _read_statement(path):
    text = read_text(path)
    parts = text.split("---\n", 2) if text.startswith("---\n") else None
    if not parts or len(parts) < 3:
        raise BuildError(
            shown(path),
            "there is no front matter",
            "start the file with a block between two `---` lines holding " + ", ".join(REQUIRED_FRONT_MATTER),
        )
    try:
        front = yaml.safe_load(parts[1]) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{shown(path)}, line {mark.line + 2}" if mark else shown(path)  # + 2: the --- line, and lines count from 1
        problem = getattr(error, "problem", None) or "it cannot be read"
        raise BuildError(where, f"the front matter is not valid YAML ({problem})", "fix the YAML between the --- lines; quote a value that holds a colon") from None
    if not isinstance(front, dict):
        raise BuildError(shown(path), "the front matter is not a set of `key: value` lines", "write one `key: value` per line")
    _check_front_matter(shown(path), front)
    body = parts[2]
    if not body.strip():
        raise BuildError(shown(path), "the statement has no text after the front matter", "write the problem below the second --- line")
    return front, body, text[: len(text) - len(body)].count("\n") + 1


def _check_front_matter(where, front):
    for key in front:
        if key not in FRONT_MATTER:
            close = difflib.get_close_matches(str(key), FRONT_MATTER, n=1)
            fix = f"rename it to `{close[0]}`" if close else f"remove it; the keys are {', '.join(FRONT_MATTER)}"
            raise BuildError(where, f"the front matter has `{key}`, which the kit does not use", fix)
    for key in REQUIRED_FRONT_MATTER:
        if front.get(key) is None or front.get(key) == "":
            raise BuildError(where, f"the front matter has no `{key}`", f"add a line `{key}: ...` between the --- lines")
    for key, value in front.items():
        if not isinstance(value, str):
            raise BuildError(
                where, f"`{key}` is {type(value).__name__} {value!r:.60}, not text", f'write it as text; quotes make YAML read it as written: {key}: "..."'
            )
    if front["difficulty"] not in DIFFICULTIES:
        raise BuildError(where, f"difficulty is {front['difficulty']!r}", f"use one of {', '.join(DIFFICULTIES)}")
    if not front["function"].isidentifier():
        raise BuildError(where, f"function {front['function']!r} is not a Python name", "use the function's name, e.g. my_loss")
    if not front["signature"].startswith(f"{front['function']}("):
        raise BuildError(
            where, f"the signature {front['signature']!r} is not of the function {front['function']!r}", "start the signature with the function's name and its parameters"
        )


def _check_starter_defines(path, source, function_name):
    """The starter must compile and define the function or class the statement names (learners start from it)."""
    tree = parse_python(path, source)
    defined = [node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))]
    if function_name not in defined:
        raise BuildError(
            shown(path),
            f"it does not define {function_name}, the function or class statement.md names (it defines {', '.join(defined) or 'nothing'})",
            "use the same function name in statement.md, starter.py and solution.py",
        )
