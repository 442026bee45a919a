"""Reads a problem folder, validates it, and computes expected values with the reference solution."""

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import yaml

import harness
from harness.cases import DEFAULT_TIME_LIMIT_SECONDS, DEFAULT_TOLERANCE
from harness.compare import describe_mismatch
from harness.learner_code import LearnerError, load_function

from .errors import BuildError
from .examples import check_example_arguments, examples_in_statement
from .expected_values import outputs_on_cases
from .mistakes import load_mistakes
from .paths import shown

REQUIRED_FILES = ("statement.md", "starter.py", "solution.py", "tests.py")
REQUIRED_FRONT_MATTER = ("title", "difficulty", "function", "signature")
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


def load_all(problems_dir, slugs=()):
    """Every problem folder, or only those named in `slugs`."""
    folders = sorted(path for path in Path(problems_dir).iterdir() if path.is_dir())
    if not folders:
        raise BuildError(shown(problems_dir), "there are no problem folders", "add a folder such as problems/<slug>/")
    unknown = sorted(set(slugs) - {folder.name for folder in folders})
    if unknown:
        raise BuildError(shown(problems_dir), f"there is no problem folder {unknown[0]!r}", f"use one of {', '.join(f.name for f in folders)}")
    return [load_problem(folder) for folder in folders if not slugs or folder.name in slugs]


def load_problem(folder):
    folder = Path(folder)
    for name in REQUIRED_FILES:
        if not (folder / name).is_file():
            raise BuildError(
                shown(folder / name), "this file is missing", f"every problem folder needs {', '.join(REQUIRED_FILES)}"
            )
    statement_path = folder / "statement.md"
    front, statement_markdown, statement_first_line = _read_statement(statement_path)
    starter = (folder / "starter.py").read_text(encoding="utf-8")
    _check_starter_defines(folder / "starter.py", starter, front["function"])
    suite = _read_tests(folder / "tests.py", front["function"])
    suite.examples = examples_in_statement(statement_markdown, shown(statement_path), statement_first_line)
    reference = _load_reference(folder / "solution.py", suite.function)
    check_example_arguments(suite.examples, reference, shown(statement_path))
    _compute_expected(reference, folder / "tests.py", suite)
    _compute_expected(reference, statement_path, suite.examples_suite())
    suite.mistakes = load_mistakes(folder, suite)
    return Problem(
        slug=folder.name,
        title=str(front["title"]),
        difficulty=front["difficulty"],
        signature=str(front["signature"]),
        summary=str(front.get("summary", "")),
        statement_markdown=statement_markdown,
        starter=starter,
        suite=suite,
    )


def _read_statement(path):
    text = path.read_text(encoding="utf-8")
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
        raise BuildError(shown(path), f"the front matter is not valid YAML ({error})", "fix the YAML between the --- lines") from None
    if not isinstance(front, dict):
        raise BuildError(shown(path), "the front matter is not a set of `key: value` lines", "write one `key: value` per line")
    for key in REQUIRED_FRONT_MATTER:
        if not front.get(key):
            raise BuildError(shown(path), f"the front matter has no `{key}`", f"add a line `{key}: ...` between the --- lines")
    if front["difficulty"] not in DIFFICULTIES:
        raise BuildError(
            shown(path), f"difficulty is {front['difficulty']!r}", f"use one of {', '.join(DIFFICULTIES)}"
        )
    if not str(front["function"]).isidentifier():
        raise BuildError(shown(path), f"function {front['function']!r} is not a Python name", "use the function's name, e.g. my_loss")
    if not str(front["signature"]).startswith(f"{front['function']}("):
        raise BuildError(
            shown(path), f"the signature {front['signature']!r} is not of the function {front['function']!r}", "start the signature with the function's name and its parameters"
        )
    return front, parts[2], text[: len(text) - len(parts[2])].count("\n") + 1


def _check_starter_defines(path, source, function_name):
    """The starter must compile and define the function the statement names (learners start from it)."""
    try:
        tree = ast.parse(source, shown(path))
    except SyntaxError as error:
        raise BuildError(f"{shown(path)}, line {error.lineno}", f"it is not valid Python ({error.msg})", "fix the starter so learners start from code that runs") from None
    defined = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    if function_name not in defined:
        raise BuildError(
            shown(path),
            f"it does not define {function_name}, the function statement.md names (it defines {', '.join(defined) or 'nothing'})",
            "use the same function name in statement.md, starter.py and solution.py",
        )


def _read_tests(path, function_name):
    module = _run_instructor_file(path)
    cases = getattr(module, "CASES", None)
    if not isinstance(cases, list) or not cases or not all(isinstance(case, harness.Case) for case in cases):
        raise BuildError(shown(path), "it defines no CASES list of harness.Case", "define CASES = [Case(name=..., args=dict(...)), ...]")
    names = [case.name for case in cases]
    for case in cases:
        if not isinstance(case.name, str) or not case.name.strip():
            raise BuildError(shown(path), "a case has an empty name", "give every Case a name= that says what it checks")
        if names.count(case.name) > 1:
            raise BuildError(shown(path), f"two cases are named {case.name!r}", "give every case its own name")
    return harness.Suite(
        function=function_name,
        cases=cases,
        time_limit_seconds=float(getattr(module, "TIME_LIMIT_SECONDS", DEFAULT_TIME_LIMIT_SECONDS)),
        tolerance=dict(getattr(module, "TOLERANCE", DEFAULT_TOLERANCE)),
        show_inputs=_show_inputs_setting(path, module),
    )


def _show_inputs_setting(path, module):
    value = getattr(module, "SHOW_INPUTS", True)
    if not isinstance(value, bool):
        raise BuildError(
            shown(path),
            f"SHOW_INPUTS is {value!r:.60}, not True or False",
            "set SHOW_INPUTS = False to keep the hidden tests' inputs out of sight (no \"Try in console\" on a failed test), or leave it out (True)",
        )
    return value


def _load_reference(solution_path, function_name):
    try:
        return load_function(solution_path.read_text(encoding="utf-8"), function_name)
    except LearnerError as error:
        raise BuildError(shown(solution_path), error.message, "make the reference solution load and define the function") from None


def _compute_expected(reference, promises_path, suite):
    """Replaces each case's expected value by the reference output, after checking it against
    the case's promise (written in `promises_path`: tests.py, or the statement for examples)."""
    solution_path = promises_path.with_name("solution.py")
    outputs = outputs_on_cases(reference, suite, solution_path, "fix solution.py or the case's inputs")
    for case, output in zip(suite.cases, outputs):
        if case.expected is not None:
            mismatch = describe_mismatch(case.expected, output, suite.tolerance)
            if mismatch:
                raise BuildError(
                    shown(promises_path),
                    f"case {case.name!r} promises {case.expected!r} but the reference solution returns {output!r} ({mismatch})",
                    "fix the case's inputs or promised value, or the reference solution",
                )
        case.expected = output


def _run_instructor_file(path):
    spec = importlib.util.spec_from_file_location(f"problem_tests_{path.parent.name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # noqa: BLE001 - any failure is reported against the file
        raise BuildError(shown(path), f"running it raised {type(error).__name__}: {error}", "fix the error in this file") from None
    return module
