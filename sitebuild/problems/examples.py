"""Examples declared in a statement. A fenced block with the info string `example` holds one
`name = value` line per argument, in the function's parameter order, then `output = value`:

    ```example
    x1     = [[0, 0], [0, 0]]
    output = 0.625
    ```

The page shows the block as written, "Run examples" runs it, and the build checks that the
reference solution returns the output it shows (sitebuild/problems/parameters.py checks the names).
Lists become numpy arrays."""

import ast

import numpy as np
from markdown_it import MarkdownIt

import harness

from base.errors import BuildError
from .stored_values import SUPPORTED, promise_problem, unstorable

EXAMPLE_FENCE = "example"
OUTPUT_NAME = "output"
FORMAT_FIX = "write one `name = value` line per argument, in the function's parameter order, then `output = value`"


def examples_in_statement(markdown_text, path, first_line):
    """The Cases of every example block; `first_line` is the file line the markdown starts on."""
    fences = [token for token in MarkdownIt("commonmark").parse(markdown_text) if token.type == "fence"]
    blocks = [token for token in fences if token.info.strip() == EXAMPLE_FENCE]
    return [
        _parse_example(block.content, f"Example {number}", path, first_line + block.map[0] + 1)
        for number, block in enumerate(blocks, start=1)
    ]


def _parse_example(text, name, path, content_line):
    args, output = {}, None
    for offset, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        where = f"{path}, line {content_line + offset + 1}"
        key, equals, literal = (part.strip() for part in line.partition("="))
        if not equals or not key.isidentifier():
            raise BuildError(where, f"{line.strip()!r} in {name} is not a `name = value` line", FORMAT_FIX)
        try:
            value = ast.literal_eval(literal)
        except (ValueError, SyntaxError):
            raise BuildError(where, f"{literal!r} in {name} is not a Python value", "write numbers, lists of numbers, strings, True/False or None") from None
        try:
            value = _as_argument(value)
        except ValueError:
            raise BuildError(where, f"{key} in {name} has rows of different lengths, so it is no array", "give every row the same number of entries") from None
        problem = promise_problem(value) if key == OUTPUT_NAME else unstorable(value)
        if problem:
            supported = "a number, or a list of numbers" if key == OUTPUT_NAME else SUPPORTED
            raise BuildError(where, f"{key} in {name} is {problem}, which the page cannot use", f"write {supported}")
        if key == OUTPUT_NAME:
            output = value
        else:
            args[key] = value
    if output is None:
        raise BuildError(path, f"{name} has no `{OUTPUT_NAME} = ...` line", FORMAT_FIX)
    return harness.Case(name=name, args=args, expected=output)


def _as_argument(value):
    return np.array(value) if isinstance(value, list) else value
