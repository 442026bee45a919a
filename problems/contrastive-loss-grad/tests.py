"""The hidden tests of the contrastive loss's gradient ("Run tests"; the visible example is in
the statement). Expected values are computed by running solution.py at build time;
`expected` here is what each name promises, and the build checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Reference example: [[-1, 0], [0.5, 0]]",
        # Integer inputs and labels, as in Example 1, with the margin left at its default 1:
        # the dissimilar pair at distance 0.5 depends on it, so a default other than 1 fails.
        args=dict(
            x1=np.array([[0, 0], [0, 0]]),
            x2=np.array([[1, 0], [0.5, 0]]),
            label=np.array([1, 0]),
        ),
        expected=np.array([[-1.0, 0.0], [0.5, 0.0]]),
    ),
    Case(
        name="Dissimilar pairs beyond the margin -> zero gradient",
        # Distances 5 and 2.5, past the margin 2: the hinge is flat there. A similar-style
        # term, or a hinge left out, would push them anyway.
        args=dict(
            x1=np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]),
            x2=np.array([[3.0, 4.0, 0.0], [1.0, 3.5, 1.0]]),
            label=np.array([0, 0]),
            margin=2.0,
        ),
        expected=np.zeros((2, 3)),
    ),
    Case(
        name="Coincident dissimilar pair (d = 0) -> zero row, beside a pushed pair",
        # Row 1 coincides: zero by the statement's convention (not nan). Row 2 is dissimilar
        # at distance 0.5, inside the margin 1.5: 2/2 * (1.5 - 0.5) * u/d = (0, 1) pushes it.
        args=dict(
            x1=np.array([[2.0, -1.0], [0.0, 0.0]]),
            x2=np.array([[2.0, -1.0], [0.0, 0.5]]),
            label=np.array([0, 0]),
            margin=1.5,
        ),
        expected=np.array([[0.0, 0.0], [0.0, 1.0]]),
    ),
    Case(
        name="Three pairs in 3-D, both kinds: each row scaled by 2/N = 2/3",
        # N = 3 tells 2/N from 1/N and from 2/N**2 (at N = 2, 1/N = 2/N**2). Pair 3 is
        # dissimilar at distance 1 with margin 3: its row is -2/3 * 2 * u/1.
        args=dict(
            x1=np.array([[1, 2, 3], [0, 0, 0], [1, 0, 0]]),
            x2=np.array([[1, 2, 0], [2, 0, 0], [0, 0, 0]]),
            label=np.array([1, 1, 0]),
            margin=3.0,
        ),
        expected=np.array([[0.0, 0.0, 2.0], [-4 / 3, 0.0, 0.0], [-4 / 3, 0.0, 0.0]]),
    ),
]
