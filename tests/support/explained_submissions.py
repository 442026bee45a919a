"""Contrastive-loss submissions that meet the explanations of harness.explain, by name: the
harness tests (test_explain.py) read each explanation in CPython, test_explain_in_pyodide.py
checks that Pyodide gives the same results, and the page tests (test_page_explanations.py)
read some of them in the page."""

HEADER = "import numpy as np\n\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n"


def body(*lines):
    """contrastive_loss with these lines as its body: line 5 of the editor is the first."""
    return HEADER + "".join(f"    {line}\n" for line in lines)


SUBMISSIONS = {
    "broadcasting": body("d = np.linalg.norm(x1 - x2, axis=1)", "return np.mean(label[:, None] * d ** 2 * x1)"),
    "per-row value": body("return np.mean(label * (x1 - x2) ** 2)"),
    "broadcasting in np.add": body("d = np.linalg.norm(x1 - x2, axis=1)", "return np.mean(np.add(d[:, None], x1.T))"),
    "in-place growth": body("d = np.linalg.norm(x1 - x2, axis=1, keepdims=True)", "d += x1", "return 0.0"),
    "operand from a helper": (
        "import numpy as np\n\n\ndef per_pair(x1, x2):\n    return np.linalg.norm(x1 - x2, axis=1)\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return np.mean(per_pair(x1, x2) * x1)\n"
    ),
    "operand over the budget": body("big = np.ones(400)", "return np.mean(big[:, None] * big * x1)"),
    "in-place cast": body("x1 -= x2", "return float(np.mean(np.linalg.norm(x1, axis=1)))"),
    "in-place cast of an element": body("diff = np.zeros_like(x1)", "diff[0] -= x2[0]", "return 0.0"),
    "axis of np.sum": body("d = np.linalg.norm(x1 - x2, axis=1)", "return np.sum(d, axis=1)"),
    "axis of a method": body("d = np.linalg.norm(x1 - x2, axis=1)", "return d.sum(axis=1)"),
    "axis of an expression": body("return np.mean((x1 - x2).max(axis=2))"),
    "python max": body("d = np.linalg.norm(x1 - x2, axis=1)", "return np.mean(label * d**2 + (1 - label) * max(0, margin - d) ** 2)"),
    "array as condition": body("d = np.linalg.norm(x1 - x2, axis=1)", "if label == 1:", "    return float(np.mean(d ** 2))", "return 0.0"),
    "math on an array": body("import math", "return float(np.mean(math.sqrt(np.sum((x1 - x2) ** 2, axis=1))))"),
    "too many indices": body("return float(np.mean(label[:, 0]))"),
    "matrix product": body("return float(np.mean(x1 @ x2))"),
    "too few parameters": "import numpy as np\n\n\ndef contrastive_loss(x1, x2):\n    return 0.0\n",
    "no default margin": "def contrastive_loss(x1, x2, label, margin):\n    return 0.0\n",
    "parameter the tests never pass": "def contrastive_loss(x1, x2, label, eps, margin=1.0):\n    return 0.0\n",
    "own call": "def helper(a, b):\n    return 0.0\n\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    return helper(x1, x2, label)\n",
    "input in the function": body("margin = float(input('margin? '))", "return margin"),
    "input at the top": "name = input()\n\n\ndef contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.0\n",
    "async def": "async def contrastive_loss(x1, x2, label, margin=1.0):\n    return 0.0\n",
    "generator": "def contrastive_loss(x1, x2, label, margin=1.0):\n    yield 0.625\n",
    "generator expression": body("return (float(np.sum((a - b) ** 2)) for a, b in zip(x1, x2))"),
    "print the answer": body(
        "d = np.linalg.norm(x1 - x2, axis=1)", "print('loss:', np.mean(label * d**2 + (1 - label) * np.maximum(0, margin - d) ** 2))"
    ),
    "print a wrong value": body("print(1.5)"),
    "return nothing": body("pass"),
    "keyword-only margin": "def contrastive_loss(x1, x2, label, *, margin=1.0):\n    return 0.0\n",
    "boolean subtraction": body("sign = (label == 1) - (label == 0)", "return float(np.mean(sign * np.linalg.norm(x1 - x2, axis=1)))"),
    "unexplained error": body("return distnce"),
    "own raise like numpy's": body("raise ValueError('operands could not be broadcast together with shapes (1,) (2,)')"),
    "exception without a readable message": (
        "class Broken(ValueError):\n    def __str__(self):\n        raise RuntimeError('no message')\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    raise Broken()\n"
    ),
    "learner's objects in an array": (
        "import numpy as np\n\n\nclass Loud:\n    def __mul__(self, other):\n        print('multiplied')\n        return 1.0\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    loud = np.array([Loud(), Loud(), Loud()], dtype=object)\n"
        "    return np.mean(loud * label[:, None] * x1)\n"
    ),
    "learner's operator": (
        "import numpy as np\n\n\nclass Loud:\n    def __mul__(self, other):\n        print('multiplied')\n        return np.ones((3, 3))\n\n\n"
        "def contrastive_loss(x1, x2, label, margin=1.0):\n    return np.mean((Loud() * label) + x1)\n"
    ),
}
