"""The hidden tests of InfoNCE ("Run tests"; the visible examples are in the statement).
Expected values are computed by running solution.py at build time; `expected` here is what
each name promises, and the build checks it."""

import math

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Reference example: ln(1 + e^-2)",
        # Integer inputs and temperature 0.5, exactly as in Example 1. The vectors have
        # lengths 1, 2, 3 and 1, so skipping the normalisation changes the logits.
        args=dict(
            query=np.array([[1, 0], [0, 2]]),
            keys=np.array([[3, 0], [0, 1]]),
            temperature=0.5,
        ),
        expected=math.log(1 + math.exp(-2)),
    ),
    Case(
        name="Softmax over each query's keys, not over the queries",
        # The similarity matrix is not symmetric, so a softmax down the columns (or a
        # transposed matrix) gives another number. Temperature left at its default 0.1.
        args=dict(
            query=np.array([[1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]),
            keys=np.array([[1.0, 0.5, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 1.0, 1.0, 1.0]]),
        ),
    ),
    Case(
        name="Vectors of very different lengths: cosine similarity, not dot product",
        # Lengths from about 0.14 to 20: dot products would dwarf the temperature, cosines do not.
        args=dict(
            query=np.array([[20.0, 0.0, 0.0], [0.0, 0.1, 0.1], [0.0, 0.0, -5.0], [3.0, 4.0, 0.0]]),
            keys=np.array([[0.5, 0.5, 0.0], [0.0, 8.0, 2.0], [1.0, 0.0, -12.0], [0.3, 0.2, 0.1]]),
            temperature=0.2,
        ),
    ),
    Case(
        name="Tiny temperature 0.001 without overflow -> 2 ln(2) / 3",
        # Logits reach 1000, and exp(1000) overflows to inf: only a log-sum-exp that takes
        # each row's maximum out first stays finite. Queries 1 and 2 match keys 1 and 2
        # equally well (a tie: ln 2 each); query 3 matches only key 3 (about 0).
        args=dict(
            query=np.array([[1, 1], [2, 2], [0, -3]]),
            keys=np.array([[3, 3], [1, 1], [0, -1]]),
            temperature=0.001,
        ),
        expected=2 * math.log(2) / 3,
    ),
]
