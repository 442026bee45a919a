"""The hidden tests of contrastive loss ("Run tests"; the visible examples are in the
statement). Expected values are computed by running solution.py at build time; `expected`
here is what each name promises, and the build checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Reference example: 0.625",
        # Integer inputs and labels, as in Example 1, with the margin left at its default 1:
        # the dissimilar pair at distance 0.5 depends on it, so a default other than 1 fails.
        args=dict(
            x1=np.array([[0, 0], [0, 0]]),
            x2=np.array([[1, 0], [0.5, 0]]),
            label=np.array([1, 0]),
        ),
        expected=0.625,
    ),
    Case(
        name="Identical similar pair -> 0",
        # Margin left at its default; flipping the label convention would cost margin**2 per pair.
        args=dict(
            x1=np.array([[0.3, -1.2, 2.0, 0.7], [5.0, 4.0, -3.0, 0.0], [1e-3, 0.0, 0.0, 2.5]]),
            x2=np.array([[0.3, -1.2, 2.0, 0.7], [5.0, 4.0, -3.0, 0.0], [1e-3, 0.0, 0.0, 2.5]]),
            label=np.array([1.0, 1.0, 1.0]),
        ),
        expected=0.0,
    ),
    Case(
        name="Dissimilar pair beyond the margin -> 0",
        # Distances 5 and 2.5 are both past the margin 2; similar-style costs would be 25 and 6.25.
        args=dict(
            x1=np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]),
            x2=np.array([[3.0, 4.0, 0.0], [1.0, 3.5, 1.0]]),
            label=np.array([0, 0]),
            margin=2.0,
        ),
        expected=0.0,
    ),
    Case(
        name="Coincident dissimilar pair -> margin squared",
        # Margin 1.5, not 1, so ignoring `margin` fails. The coincident dissimilar pair costs
        # margin**2, and so do the two similar pairs beside it at distance exactly 1.5: the
        # mean stays margin**2, but one distance taken over the whole batch makes the first
        # pair cost 0, summing gives 6.75, and half the sum (the paper's 1/2, summed) 3.375:
        # with three pairs, not two, it differs from the mean. Both similar pairs differ by
        # (-1.5, 0), so an epsilon added to x1 - x2 shortens all three distances alike.
        args=dict(
            x1=np.array([[2.0, -1.0], [0.0, 0.0], [1.0, 1.0]]),
            x2=np.array([[2.0, -1.0], [1.5, 0.0], [2.5, 1.0]]),
            label=np.array([0, 1, 1]),
            margin=1.5,
        ),
        expected=1.5**2,
    ),
]
