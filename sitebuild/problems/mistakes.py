"""Reads a problem's known wrong variants (mistakes/*.py), runs them on the tests (in the child
process of instructor_code.py, each step announced with `begin_step`), and checks that the
tests tell each one apart from the reference and from the others."""

import ast
from pathlib import Path

from harness.mistakes import Mistake, outputs_match

from base.errors import BuildError
from .expected_values import load_instructor_file, outputs_on_cases
from base.paths import shown
from .sources import parse_python, read_text

MISTAKES_DIR = "mistakes"


def load_mistakes(folder, suite, begin_step):
    """The Mistake of every mistakes/*.py of `folder`, run on `suite` (whose expected values are set)."""
    mistakes = [_run_variant(path, suite, begin_step) for path in sorted((Path(folder) / MISTAKES_DIR).glob("*.py"))]
    for mistake in mistakes:
        if outputs_match(mistake.outputs, [case.expected for case in suite.cases], suite.tolerance):
            raise BuildError(
                _variant_path(folder, mistake),
                "this wrong variant passes every test, so the tests cannot tell it from a correct answer",
                "add or change a test so that this variant fails it",
            )
    for index, first in enumerate(mistakes):
        for second in mistakes[index + 1 :]:
            if first.hint != second.hint and outputs_match(first.outputs, second.outputs, suite.tolerance):
                raise BuildError(
                    _variant_path(folder, second),
                    f"it returns the same values as {MISTAKES_DIR}/{first.name}.py on every test, so the page cannot tell which hint to show",
                    "add a test that tells them apart, or merge them into one file with one hint",
                )
    return mistakes


def _run_variant(path, suite, begin_step):
    hint = ast.get_docstring(parse_python(path, read_text(path))) or ""
    if not hint.strip():
        raise BuildError(
            shown(path), "it has no hint", 'start the file with a docstring of one sentence for the learner, e.g. """Your results match ..."""'
        )
    fix = f"a known mistake must return its wrong value on every test: fix {path.name}, or remove it"
    variant = load_instructor_file(path, suite.function, suite.time_limit_seconds, begin_step, fix)
    outputs = outputs_on_cases(variant, suite, fix, f"{fix} (look for a loop that never ends)", begin_step)
    return Mistake(name=path.stem, hint=" ".join(hint.split()), outputs=outputs)


def _variant_path(folder, mistake):
    return shown(Path(folder) / MISTAKES_DIR / f"{mistake.name}.py")
