"""`make new name=<slug>`: a new problem folder that builds at once (so `make serve` shows it
while it is written) and fails `make check` on each TODO until every part is filled in."""

import re

from base.errors import BuildError
from base.paths import shown

SLUG = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")

STATEMENT = '''\
---
title: TODO the title learners see
difficulty: Medium
function: {function}
signature: "{function}(x) -> float"
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
x = 2.0
output = 2.0
```

TODO: explain how the output follows from the input.
'''

STARTER = '''\
def {function}(x):
    """TODO: what the learner must return."""
    # Your code here.
    pass
'''

SOLUTION = '''\
def {function}(x):
    return float(x)  # TODO: the reference solution
'''

TESTS = '''\
"""The hidden tests of {slug}. Expected values are computed by running solution.py at build
time; `expected` is what each name promises, and the build checks it."""

from harness import Case

CASES = [
    Case(
        name="TODO: say what this test checks -> its expected result",
        args=dict(x=3.0),
        expected=3.0,
    ),
]
'''


def new_problem(slug, problems_dir):
    """Creates problems_dir/slug with a statement, starter, solution and tests to fill in."""
    if not SLUG.fullmatch(slug):
        raise BuildError(slug, "this is not a valid problem name", "use lowercase words joined by hyphens, e.g. triplet-loss")
    folder = problems_dir / slug
    if folder.exists():
        raise BuildError(shown(folder), "this problem already exists", "choose another name, or edit the folder")
    function = slug.replace("-", "_")
    folder.mkdir(parents=True)
    files = {"statement.md": STATEMENT, "starter.py": STARTER, "solution.py": SOLUTION, "tests.py": TESTS}
    for name, template in files.items():
        (folder / name).write_text(template.format(function=function, slug=slug), encoding="utf-8")
    return folder
