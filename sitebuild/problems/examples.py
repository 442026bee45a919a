"""Examples declared in a statement, of two kinds. A fenced block with the info string
`example` holds either one `name = value` line per argument, in the function's parameter
order, then `output = value`:

    ```example
    x1     = [[0, 0], [0, 0]]
    output = 0.625
    ```

(lists become numpy arrays), or a short scenario: Python statements that end with an
expression, then `output = value`, the value that expression shows:

    ```example
    opt = SGD(lr=0.1)
    opt.step(np.array([1.0]), np.array([0.5]))
    output = [0.95]
    ```

The page shows the block as written, "Run examples" runs it, and the build checks that the
reference solution gives the output it shows (sitebuild/problems/parameters.py checks the
names). A statement may also show examples as plain text, which nothing checks."""

import ast

import numpy as np
from markdown_it import MarkdownIt

import harness
from harness.scenarios import ScenarioProblem, compiled_scenario

from base.errors import BuildError
from .stored_values import SUPPORTED, unstorable

EXAMPLE_FENCE = "example"
OUTPUT_NAME = "output"
FORMAT_FIX = (
    "write one `name = value` line per argument, in the function's parameter order, then `output = value`; "
    "or a short scenario whose last line is an expression, then `output = value`"
)


def examples_in_statement(markdown_text, path, first_line):
    """The Cases of every example block; `first_line` is the file line the markdown starts on."""
    fences = [token for token in MarkdownIt("commonmark").parse(markdown_text) if token.type == "fence"]
    blocks = [token for token in fences if token.info.strip() == EXAMPLE_FENCE]
    return [
        _parse_example(block.content, f"Example {number}", path, first_line + block.map[0] + 1)
        for number, block in enumerate(blocks, start=1)
    ]


def _parse_example(text, name, path, content_line):
    lines = [(content_line + offset + 1, line) for offset, line in enumerate(text.splitlines()) if line.strip()]
    output_at = next((index for index, (_, line) in enumerate(lines) if line.partition("=")[0].strip() == OUTPUT_NAME), None)
    if output_at is None:
        raise BuildError(path, f"{name} has no `{OUTPUT_NAME} = ...` line", FORMAT_FIX)
    number, line = lines[output_at]
    output = _as_argument(_literal(line.partition("=")[2].strip(), OUTPUT_NAME, name, f"{path}, line {number}"))
    given = lines[:output_at]
    if all(_is_assignment_of_a_literal(line) for _, line in given):
        return harness.Case(name=name, args=_arguments(given, name, path), expected=output)
    code = "\n".join(line for _, line in given)
    try:
        compiled_scenario(code)
    except ScenarioProblem as problem:
        raise BuildError(f"{path}, line {given[0][0] if given else number}", f"{name} is a scenario, but {problem}", FORMAT_FIX) from None
    return harness.Case(name=name, code=code, expected=output)


def _is_assignment_of_a_literal(line):
    key, equals, literal = (part.strip() for part in line.partition("="))
    if not equals or not key.isidentifier():
        return False
    try:
        ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return False
    return True


def _arguments(lines, name, path):
    args = {}
    for number, line in lines:
        where = f"{path}, line {number}"
        key, _, literal = (part.strip() for part in line.partition("="))
        args[key] = _as_argument(_literal(literal, key, name, where))
        problem = unstorable(args[key])
        if problem:
            raise BuildError(where, f"{key} in {name}: {problem}", f"write {SUPPORTED}")
    return args


def _literal(text, key, name, where):
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        raise BuildError(where, f"{text!r} in {name} is not a Python value", "write numbers, lists, tuples, dicts, strings, True/False or None") from None
    return value


def _as_argument(value):
    """A list becomes a numpy array (rows of one length), as the function's inputs usually are."""
    if not isinstance(value, list):
        return value
    try:
        array = np.array(value)
    except ValueError:
        return value  # ragged: kept as a list
    return array if array.dtype.kind in "biuf" else value
