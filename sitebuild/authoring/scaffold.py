"""`make new name=<slug> [shape=...]`: a new problem folder that builds at once (so `make serve`
shows it while it is written) and fails `make check` on each TODO until every part is filled
in. A shape starts the folder as one kind of exercise: a function returning a number or an
array (the default), a tuple, a dict, a class whose state carries across calls, or a function
tested by scenarios (docs/authoring.md shows each)."""

import re

from base.errors import BuildError
from base.paths import shown

SLUG = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

STATEMENT = '''\
---
title: TODO the title learners see
difficulty: Medium
function: {function}
signature: "{signature}"
summary: TODO one sentence for the catalog.
---

## Background

TODO: why this matters, in a few sentences.

## Problem

TODO: what `{function}` computes, precisely, with the formula:

$$
y = x
$$

## Inputs

- `x`: `float`. TODO: every argument, with its type and shape.

## Output

TODO: the type and meaning of the result.

## Example 1

```example
{example}
```

TODO: explain how the output follows from the input.
'''

TESTS_HEAD = '''\
"""The hidden tests of {slug}. Expected values are computed by running solution.py at build
time; `expected` is what each name promises, and the build checks it."""

from harness import Case

CASES = [
'''

# Each shape: the signature shown, the example block's lines, and the three Python files.
SHAPES = {
    "function": {
        "signature": "{function}(x) -> float",
        "example": "x = 2.0\noutput = 2.0",
        "starter.py": 'def {function}(x):\n    """TODO: what the learner must return."""\n    # Your code here.\n    pass\n',
        "solution.py": "def {function}(x):\n    return float(x)  # TODO: the reference solution\n",
        "tests.py": '    Case(\n        name="TODO: say what this test checks -> its expected result",\n        args=dict(x=3.0),\n        expected=3.0,\n    ),\n]\n',
    },
    "tuple": {
        "signature": "{function}(x) -> tuple",
        "example": "x = 2.0\noutput = (2.0, 4.0)",
        "starter.py": 'def {function}(x):\n    """TODO: what the learner must return: `return first, second` returns a tuple."""\n    # Your code here.\n    pass\n',
        "solution.py": "def {function}(x):\n    return float(x), 2.0 * x  # TODO: the reference solution\n",
        "tests.py": '    Case(\n        name="TODO: say what this test checks -> its expected result",\n        args=dict(x=3.0),\n        expected=(3.0, 6.0),\n    ),\n]\n',
    },
    "dict": {
        "signature": "{function}(x) -> dict",
        "example": 'x = 2.0\noutput = {{"value": 2.0, "double": 4.0}}',
        "starter.py": 'def {function}(x):\n    """TODO: what the learner must return: a dict with the keys "value" and "double"."""\n    # Your code here.\n    pass\n',
        "solution.py": 'def {function}(x):\n    return {{"value": float(x), "double": 2.0 * x}}  # TODO: the reference solution\n',
        "tests.py": '    Case(\n        name="TODO: say what this test checks -> its expected result",\n        args=dict(x=3.0),\n        expected={{"value": 3.0, "double": 6.0}},\n    ),\n]\n',
    },
    "class": {
        "signature": "{cls}(start=0.0)",
        "example": "counter = {cls}()\ncounter.add(2.0)\ncounter.add(3.0)\noutput = 5.0",
        "starter.py": (
            'class {cls}:\n    """TODO: what an object of this class keeps."""\n\n    def __init__(self, start=0.0):\n        # Your code here.\n        pass\n\n'
            '    def add(self, x):\n        """TODO: what a call does, and what it returns."""\n        # Your code here.\n        pass\n'
        ),
        "solution.py": (
            "class {cls}:\n    def __init__(self, start=0.0):\n        self.total = start  # TODO: the reference solution\n\n"
            "    def add(self, x):\n        self.total += x\n        return self.total\n"
        ),
        "tests.py": (
            '    Case(\n        name="TODO: say what this scenario checks -> its expected result",\n'
            '        code="""\ncounter = {cls}(1.0)\ncounter.add(2.0)\ncounter.add(3.0)\n""",\n        expected=6.0,\n    ),\n]\n'
        ),
    },
    "scenario": {
        "signature": "{function}(x) -> float",
        "example": "x = 2.0\noutput = 2.0",
        "starter.py": 'def {function}(x):\n    """TODO: what the learner must return."""\n    # Your code here.\n    pass\n',
        "solution.py": "def {function}(x):\n    return float(x)  # TODO: the reference solution\n",
        "tests.py": (
            '    Case(\n        name="TODO: say what this scenario checks -> its expected result",\n'
            '        code="""\nrng = np.random.default_rng(0)\nx = rng.normal()\n({function}(x), {function}(2 * x))\n""",\n    ),\n]\n'
        ),
    },
}


def new_problem(slug, problems_dir, shape="function"):
    """Creates problems_dir/slug, of `shape`, with a statement, starter, solution and tests to fill in."""
    if not SLUG.fullmatch(slug):
        raise BuildError(slug, "this is not a valid problem name", "use lowercase words joined by hyphens, e.g. triplet-loss")
    if shape not in SHAPES:
        raise BuildError(shape, "there is no such shape of exercise", f"use one of: {', '.join(SHAPES)}")
    folder = problems_dir / slug
    if folder.exists():
        raise BuildError(shown(folder), "this problem already exists", "choose another name, or edit the folder")
    names = {"function": slug.replace("-", "_"), "cls": "".join(part.capitalize() for part in slug.split("-")), "slug": slug}
    templates = SHAPES[shape]
    if shape == "class":
        names["function"] = names["cls"]
    example = templates["example"].format(**names)
    files = {
        "statement.md": STATEMENT.format(**names, signature=templates["signature"].format(**names), example=example),
        "starter.py": templates["starter.py"].format(**names),
        "solution.py": templates["solution.py"].format(**names),
        "tests.py": TESTS_HEAD.format(**names) + templates["tests.py"].format(**names),
    }
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
