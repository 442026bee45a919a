"""The hidden tests of classification metrics ("Run tests"; the visible examples are in the
statement). Each result is a dict of four floats. Expected values are computed by running
solution.py at build time; `expected` is what a name promises, and the build checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Accuracy 0.75, precision = recall = F1 = 2/3",
        args=dict(
            y_true=np.array([1, 1, 1, 0, 0, 0, 0, 0]),
            y_pred=np.array([1, 1, 0, 1, 0, 0, 0, 0]),
        ),
        expected={"accuracy": 0.75, "precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3},
    ),
    Case(
        name="Precision 2/3, recall 1/2: F1 is their harmonic mean 4/7",
        # TP = 2, FP = 1, FN = 2: precision and recall differ, so swapping them shows, and
        # F1 = 4/7 is not their average 7/12.
        args=dict(
            y_true=np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0]),
            y_pred=np.array([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]),
        ),
        expected={"accuracy": 0.7, "precision": 2 / 3, "recall": 0.5, "f1": 4 / 7},
    ),
    Case(
        name="No positive predicted: precision 0/0 -> 0.0, and so are recall and F1",
        args=dict(
            y_true=np.array([1, 0, 1, 0, 0]),
            y_pred=np.array([0, 0, 0, 0, 0]),
        ),
        expected={"accuracy": 0.6, "precision": 0.0, "recall": 0.0, "f1": 0.0},
    ),
    Case(
        name="No positive at all, none predicted: accuracy 1.0, the others 0.0",
        args=dict(
            y_true=np.array([0, 0, 0, 0]),
            y_pred=np.array([0, 0, 0, 0]),
        ),
        expected={"accuracy": 1.0, "precision": 0.0, "recall": 0.0, "f1": 0.0},
    ),
    Case(
        name="Boolean labels: every positive found, half the predictions right",
        # TP = 2, FP = 2, FN = 0: recall 1, precision 1/2.
        args=dict(
            y_true=np.array([True, False, True, False, False, False]),
            y_pred=np.array([True, True, True, True, False, False]),
        ),
        expected={"accuracy": 4 / 6, "precision": 0.5, "recall": 1.0, "f1": 2 / 3},
    ),
    Case(
        name="200 examples, one prediction in five wrong: precision 0.768..., recall 0.802...",
        # A scenario: the labels and the mistakes are built in the test itself (by arithmetic,
        # not np.random, whose first import in a fresh page can outlast a test's time limit).
        code="""\
n = np.arange(200)
y_true = ((n * 7) % 11 < 5).astype(int)
wrong = (n * 13) % 10 < 2
y_pred = np.where(wrong, 1 - y_true, y_true)
classification_metrics(y_true, y_pred)
""",
        expected={"accuracy": 0.8, "precision": 73 / 95, "recall": 73 / 91, "f1": 2 * 73 / (95 + 91)},
    ),
]
