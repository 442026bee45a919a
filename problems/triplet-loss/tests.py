"""The hidden tests of triplet loss ("Run tests"; the visible examples are in the
statement). Expected values are computed by running solution.py at build time; `expected`
here is what each name promises, and the build checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Reference example: 2.0",
        # Integer inputs, exactly as in Example 1: one easy triplet (cost 0) and one hard
        # triplet (cost 4). Non-squared distances give 1.0.
        args=dict(
            anchor=np.array([[0, 0], [1, 1]]),
            positive=np.array([[1, 0], [1, 3]]),
            negative=np.array([[0, 2], [2, 1]]),
            margin=1.0,
        ),
        expected=2.0,
    ),
    Case(
        name="Negative exactly a margin farther (squared) -> 0",
        # Margin left at its default 1. In squared distances each negative is exactly 1
        # farther, so the hinge is at 0; without the squares the first triplet costs 2 - sqrt(2).
        args=dict(
            anchor=np.array([[0, 0], [3, 1]]),
            positive=np.array([[1, 0], [3, 1]]),
            negative=np.array([[1, 1], [4, 1]]),
        ),
        expected=0.0,
    ),
    Case(
        name="Easy triplets beyond the margin -> 0",
        # Every term is below 0 before the hinge, so dropping max(0, ...) goes negative and
        # swapping positive and negative costs something. In the first triplet the squared
        # distances differ by more than the margin 0.5 but the distances themselves do not.
        args=dict(
            anchor=np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.5, -1.0, 2.0]]),
            positive=np.array([[2.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.5, -1.0, 2.5]]),
            negative=np.array([[0.0, 2.2, 0.0], [1.0, 2.0, 1.0], [-0.5, -1.0, 2.0]]),
            margin=0.5,
        ),
        expected=0.0,
    ),
    Case(
        name="One hard and one easy triplet: each clamped on its own -> 1.5",
        # Terms 3 and -7 with margin 2: clamping each gives (3 + 0) / 2. Clamping their mean
        # (-2) gives 0, and so do distances summed over the whole batch.
        args=dict(
            anchor=np.array([[0, 0], [5, 5]]),
            positive=np.array([[0, 1], [5, 5]]),
            negative=np.array([[0, 0], [5, 8]]),
            margin=2.0,
        ),
        expected=1.5,
    ),
    Case(
        name="Negative on the anchor -> mean squared d(a, p) + margin",
        # The negative sits on the anchor, so each triplet costs d(a, p)^2 + margin; the last
        # triplet is collapsed to one point and costs the margin alone. Margin 0.5, not 1.
        args=dict(
            anchor=np.array([[1.0, 2.0], [-1.0, 0.0], [3.0, 3.0]]),
            positive=np.array([[1.0, 4.0], [0.0, 0.0], [3.0, 3.0]]),
            negative=np.array([[1.0, 2.0], [-1.0, 0.0], [3.0, 3.0]]),
            margin=0.5,
        ),
        expected=(4.0 + 1.0 + 0.0) / 3 + 0.5,
    ),
]
