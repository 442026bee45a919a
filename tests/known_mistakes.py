"""The classic wrong answers to contrastive loss, written afresh (not read from the problem's
mistakes/ folder, so the tests check the folder rather than repeat it): for each, the
learner's code, the words its hint must contain, and the hidden tests it fails."""

REFERENCE, IDENTICAL, BEYOND, COINCIDENT = (
    "Reference example: 0.625",
    "Identical similar pair -> 0",
    "Dissimilar pair beyond the margin -> 0",
    "Coincident dissimilar pair -> margin squared",
)

TEMPLATE = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    diff = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    y = np.asarray(label, dtype=float)
    {body}
"""

PER_PAIR = "d = np.sqrt(np.sum(diff ** 2, axis=1))\n    "

KNOWN_MISTAKES = {
    "flipped labels": (
        PER_PAIR + "return np.mean((1 - y) * d ** 2 + y * np.maximum(0, margin - d) ** 2)",
        "1 means dissimilar",
        [REFERENCE, IDENTICAL, BEYOND, COINCIDENT],
    ),
    "half on the similar term": (
        PER_PAIR + "return np.mean(y * d ** 2 / 2 + (1 - y) * np.maximum(0, margin - d) ** 2)",
        "factor 1/2 on the similar term",
        [REFERENCE, COINCIDENT],
    ),
    "half on both terms": (
        PER_PAIR + "return np.mean(y * d ** 2 + (1 - y) * np.maximum(0, margin - d) ** 2) / 2",
        "exactly half",
        [REFERENCE, COINCIDENT],
    ),
    "sum instead of mean": (
        PER_PAIR + "return (y * d ** 2 + (1 - y) * np.maximum(0, margin - d) ** 2).sum()",
        "sum over the pairs",
        [REFERENCE, COINCIDENT],
    ),
    "squared distance inside the hinge": (
        PER_PAIR + "return np.mean(y * d ** 2 + (1 - y) * np.clip(margin - d ** 2, 0, None) ** 2)",
        "max(0, margin − d²)²",
        [REFERENCE],
    ),
    "hinge not squared": (
        PER_PAIR + "return np.mean(y * d ** 2 + (1 - y) * np.maximum(0, margin - d))",
        "not squared",
        [REFERENCE, COINCIDENT],
    ),
    "distance over the whole batch": (
        "d = np.sqrt(np.sum(diff ** 2))\n    return np.mean(y * d ** 2 + (1 - y) * np.maximum(0, margin - d) ** 2)",
        "whole batch",
        [COINCIDENT],
    ),
}


def mistake_code(name):
    return TEMPLATE.format(body=KNOWN_MISTAKES[name][0])
