"""Examples declared in a statement. A fenced block with the info string `example` holds one
`name = value` line per argument, in the function's parameter order, then `output = value`:

    ```example
    x1     = [[0, 0], [0, 0]]
    output = 0.625
    ```

The page shows the block as written, "Run examples" runs it, and the build checks that the
reference solution returns the output it shows. Lists become numpy arrays."""

import ast
import inspect

import numpy as np
from markdown_it import MarkdownIt

import harness

from .errors import BuildError

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


def check_example_arguments(examples, function, path):
    """Fails the build if an example's argument names are not the function's parameters, in order."""
    parameters = list(inspect.signature(function).parameters)
    for example in examples:
        names = list(example.args)
        if names != parameters[: len(names)]:
            raise BuildError(
                path,
                f"{example.name} gives {', '.join(names)}, but the parameters of {function.__name__} are {', '.join(parameters)}",
                FORMAT_FIX,
            )


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
        if key == OUTPUT_NAME:
            output = _as_argument(value)
        else:
            args[key] = _as_argument(value)
    if output is None:
        raise BuildError(path, f"{name} has no `{OUTPUT_NAME} = ...` line", FORMAT_FIX)
    return harness.Case(name=name, args=args, expected=output)


def _as_argument(value):
    return np.array(value) if isinstance(value, list) else value
