"""The classic wrong answers of each problem, written afresh (not read from the problems'
mistakes/ folders, so the tests check the folders rather than repeat them): for each, the
learner's code, the words its hint must contain, and the hidden tests it fails (by their
place in the problem's tests.py, named below; `failing` gives their names)."""

from dataclasses import dataclass

import shaped_mistakes
from problem_folders import case_names


@dataclass
class KnownMistakes:
    slug: str
    template: str  # a learner's code, with {body} where the wrong lines go
    mistakes: dict  # name -> (body, words the hint must contain or None for no hint, indices of the failing tests)

    def code(self, name):
        return self.template.format(body=self.mistakes[name][0])

    def hint_words(self, name):
        return self.mistakes[name][1]

    def failing(self, name):
        """The names of the hidden tests mistake `name` fails, in order."""
        names = case_names(self.slug)
        return [names[index] for index in self.mistakes[name][2]]


# Contrastive loss.

REFERENCE, IDENTICAL, BEYOND, COINCIDENT = range(4)

PER_PAIR = "d = np.sqrt(np.sum(diff ** 2, axis=1))\n    "

CONTRASTIVE = KnownMistakes(
    slug="contrastive-loss",
    template="""\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    diff = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    y = np.asarray(label, dtype=float)
    {body}
""",
    mistakes={
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
        "squared distances, hinge not squared": (
            PER_PAIR + "return np.mean(y * d ** 2 + (1 - y) * np.maximum(0, margin - d ** 2))",
            "hinge that is not squared, y·d² + (1 − y)·max(0, margin − d²)",
            [REFERENCE, COINCIDENT],
        ),
        "nothing squared": (
            PER_PAIR + "return np.mean(y * d + (1 - y) * np.maximum(0, margin - d))",
            "nothing squared",
            [REFERENCE, COINCIDENT],
        ),
        "half the sum": (
            PER_PAIR + "return 0.5 * (y * d ** 2 + (1 - y) * np.maximum(0, margin - d) ** 2).sum()",
            "half the sum over the pairs",
            [COINCIDENT],
        ),
        "flipped labels and factors 1/2": (
            PER_PAIR + "return np.mean((1 - y) * d ** 2 / 2 + y * np.maximum(0, margin - d) ** 2 / 2)",
            "two changes at once",
            [REFERENCE, IDENTICAL, BEYOND, COINCIDENT],
        ),
    },
)

def mistake_code(name):
    """A contrastive-loss mistake's code, for the page tests."""
    return CONTRASTIVE.code(name)


# Triplet loss.

TRIPLET_EXAMPLE, AT_THE_MARGIN, EASY, HARD_AND_EASY, NEGATIVE_ON_ANCHOR = range(5)

SQUARED_PER_ROW = "d_ap = ((a - p) ** 2).sum(axis=1)\n    d_an = ((a - n) ** 2).sum(axis=1)\n    "

TRIPLET = KnownMistakes(
    slug="triplet-loss",
    template="""\
import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    a, p, n = (np.asarray(x, dtype=float) for x in (anchor, positive, negative))
    {body}
""",
    mistakes={
        "distances not squared": (
            "d_ap = np.sqrt(((a - p) ** 2).sum(axis=1))\n    d_an = np.sqrt(((a - n) ** 2).sum(axis=1))\n"
            "    return np.clip(d_ap - d_an + margin, 0, None).mean()",
            "not squared",
            [TRIPLET_EXAMPLE, AT_THE_MARGIN, EASY, NEGATIVE_ON_ANCHOR],
        ),
        "no hinge": (
            SQUARED_PER_ROW + "return (d_ap - d_an + margin).mean()",
            "without max(0, …)",
            [TRIPLET_EXAMPLE, EASY, HARD_AND_EASY],
        ),
        "hinge on the batch mean": (
            SQUARED_PER_ROW + "return max(0.0, (d_ap - d_an + margin).mean())",
            "batch mean",
            [TRIPLET_EXAMPLE, HARD_AND_EASY],
        ),
        "sum instead of mean": (
            SQUARED_PER_ROW + "return np.clip(d_ap - d_an + margin, 0, None).sum()",
            "sum over the triplets",
            [TRIPLET_EXAMPLE, HARD_AND_EASY, NEGATIVE_ON_ANCHOR],
        ),
        "positive and negative swapped": (
            SQUARED_PER_ROW + "return np.clip(d_an - d_ap + margin, 0, None).mean()",
            "swapped",
            [AT_THE_MARGIN, EASY, HARD_AND_EASY, NEGATIVE_ON_ANCHOR],
        ),
        "distances over the whole batch": (
            "d_ap = ((a - p) ** 2).sum()\n    d_an = ((a - n) ** 2).sum()\n    return max(0.0, d_ap - d_an + margin)",
            "whole batch",
            [TRIPLET_EXAMPLE, HARD_AND_EASY, NEGATIVE_ON_ANCHOR],
        ),
        "soft margin": (
            SQUARED_PER_ROW + "return np.log1p(np.exp(d_ap - d_an + margin)).mean()",
            "soft-margin loss",
            [TRIPLET_EXAMPLE, AT_THE_MARGIN, EASY, HARD_AND_EASY, NEGATIVE_ON_ANCHOR],
        ),
        "mean of the squared differences": (
            "d_ap = ((a - p) ** 2).mean(axis=1)\n    d_an = ((a - n) ** 2).mean(axis=1)\n"
            "    return np.clip(d_ap - d_an + margin, 0, None).mean()",
            "mean of the squared differences",
            [TRIPLET_EXAMPLE, AT_THE_MARGIN, EASY, HARD_AND_EASY, NEGATIVE_ON_ANCHOR],
        ),
    },
)


# InfoNCE.

INFO_NCE_EXAMPLE, ROW_SOFTMAX, LENGTHS, TINY_TEMPERATURE = range(4)
EVERY_INFO_NCE_TEST = [INFO_NCE_EXAMPLE, ROW_SOFTMAX, LENGTHS, TINY_TEMPERATURE]

UNIT_ROWS = "q = q / np.sqrt((q ** 2).sum(axis=1, keepdims=True))\n    k = k / np.sqrt((k ** 2).sum(axis=1, keepdims=True))\n    "
COSINE_LOGITS = UNIT_ROWS + "s = q @ k.T / temperature\n    "
ROW_LOG_SUM_EXP = "top = s.max(axis=1)\n    log_sum = top + np.log(np.exp(s - top[:, None]).sum(axis=1))\n    "

INFO_NCE = KnownMistakes(
    slug="info-nce",
    template="""\
import numpy as np


def info_nce(query, keys, temperature=0.1):
    q = np.asarray(query, dtype=float)
    k = np.asarray(keys, dtype=float)
    {body}
""",
    mistakes={
        "no temperature": (
            UNIT_ROWS + "s = q @ k.T\n    " + ROW_LOG_SUM_EXP + "return (log_sum - s.diagonal()).mean()",
            "without the temperature",
            EVERY_INFO_NCE_TEST,
        ),
        "no normalisation": (
            "s = q @ k.T / temperature\n    " + ROW_LOG_SUM_EXP + "return (log_sum - s.diagonal()).mean()",
            "dot products of the raw vectors",
            EVERY_INFO_NCE_TEST,
        ),
        "transposed similarity matrix": (
            UNIT_ROWS + "s = k @ q.T / temperature\n    " + ROW_LOG_SUM_EXP + "return (log_sum - s.diagonal()).mean()",
            "softmax over the queries",
            [ROW_SOFTMAX, LENGTHS],
        ),
        "positive in column 0": (
            COSINE_LOGITS + ROW_LOG_SUM_EXP + "return (log_sum - s[:, 0]).mean()",
            "key 0",
            EVERY_INFO_NCE_TEST,
        ),
        "positive left out of the denominator": (
            COSINE_LOGITS
            + "negatives = s - np.diag(np.full(len(s), np.inf))\n"
            + "    top = negatives.max(axis=1)\n"
            + "    log_sum = top + np.log(np.exp(negatives - top[:, None]).sum(axis=1))\n"
            + "    return (log_sum - s.diagonal()).mean()",
            "negatives only",
            EVERY_INFO_NCE_TEST,
        ),
        "sum instead of mean": (
            COSINE_LOGITS + ROW_LOG_SUM_EXP + "return (log_sum - s.diagonal()).sum()",
            "sum over the queries",
            EVERY_INFO_NCE_TEST,
        ),
        # Returns nan where exp overflows: the overflow is named (harness.overflow_hints).
        "exp without the log-sum-exp trick": (
            COSINE_LOGITS + "e = np.exp(s)\n    return -np.log(e.diagonal() / e.sum(axis=1)).mean()",
            "gives nan where a finite value is expected",
            [TINY_TEMPERATURE],
        ),
        "symmetric loss": (
            COSINE_LOGITS + ROW_LOG_SUM_EXP + "rows = (log_sum - s.diagonal()).mean()\n    s = s.T\n    "
            + ROW_LOG_SUM_EXP + "return (rows + (log_sum - s.diagonal()).mean()) / 2",
            "symmetric loss",
            [ROW_SOFTMAX, LENGTHS],
        ),
        "multiplied by the temperature": (
            UNIT_ROWS + "s = q @ k.T * temperature\n    " + ROW_LOG_SUM_EXP + "return (log_sum - s.diagonal()).mean()",
            "multiplied by the temperature",
            EVERY_INFO_NCE_TEST,
        ),
    },
)

# The contrastive loss's gradient.

GRAD_EXAMPLE, GRAD_BEYOND, GRAD_COINCIDENT, GRAD_THREE_PAIRS = range(4)

UNIT_DIRECTION = "direction = np.divide(u, d, out=np.zeros_like(u), where=d > 0)\n    "

CONTRASTIVE_GRAD = KnownMistakes(
    slug="contrastive-loss-grad",
    template="""\
import numpy as np


def contrastive_loss_grad(x1, x2, label, margin=1.0):
    u = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    d = np.linalg.norm(u, axis=1, keepdims=True)
    y = np.asarray(label, dtype=float)[:, None]
    n = len(u)
    {body}
""",
    mistakes={
        "the 2 forgotten": (
            UNIT_DIRECTION + "return (y * u - (1 - y) * np.maximum(0, margin - d) * direction) / n",
            "2/N, not 1/N",
            [GRAD_EXAMPLE, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        "plus on the dissimilar term": (
            UNIT_DIRECTION + "return 2 / n * (y * u + (1 - y) * np.maximum(0, margin - d) * direction)",
            "point the wrong way",
            [GRAD_EXAMPLE, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        "divided by N twice": (
            UNIT_DIRECTION + "return 2 / n / n * (y * u - (1 - y) * np.maximum(0, margin - d) * direction)",
            "divided by N twice",
            [GRAD_EXAMPLE, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        "gradient of the sum": (
            UNIT_DIRECTION + "return 2 * (y * u - (1 - y) * np.maximum(0, margin - d) * direction)",
            "N times too large",
            [GRAD_EXAMPLE, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        "gradient with respect to x2": (
            UNIT_DIRECTION + "return -2 / n * (y * u - (1 - y) * np.maximum(0, margin - d) * direction)",
            "with respect to x2",
            [GRAD_EXAMPLE, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        "u instead of u/d": (
            "return 2 / n * (y * u - (1 - y) * np.maximum(0, margin - d) * u)",
            "unit vector u/d",
            [GRAD_EXAMPLE, GRAD_COINCIDENT],
        ),
        "no hinge": (
            UNIT_DIRECTION + "return 2 / n * (y * u - (1 - y) * (margin - d) * direction)",
            "hinge max(0, m − d) is flat",
            [GRAD_BEYOND],
        ),
        "flipped labels": (
            UNIT_DIRECTION + "y = 1 - y\n    return 2 / n * (y * u - (1 - y) * np.maximum(0, margin - d) * direction)",
            "1 means similar",
            [GRAD_EXAMPLE, GRAD_BEYOND, GRAD_COINCIDENT, GRAD_THREE_PAIRS],
        ),
        # The plain division gives nan on the coincident pair: the 0/0 is named (harness.overflow_hints).
        "division by a zero distance": (
            "return 2 / n * (y * u - (1 - y) * np.maximum(0, margin - d) * u / d)",
            "gives nan where a finite value is expected",
            [GRAD_COINCIDENT],
        ),
        "no factor in front": (
            UNIT_DIRECTION + "return y * u - (1 - y) * np.maximum(0, margin - d) * direction",
            "no factor in front",
            [GRAD_THREE_PAIRS],
        ),
    },
)


# A class, a tuple and a dict (their tables are in shaped_mistakes.py).

SGD_MOMENTUM = KnownMistakes(**shaped_mistakes.SGD_MOMENTUM)
KMEANS_STEP = KnownMistakes(**shaped_mistakes.KMEANS_STEP)
CLASSIFICATION_METRICS = KnownMistakes(**shaped_mistakes.CLASSIFICATION_METRICS)


BY_PROBLEM = {
    known.slug: known
    for known in (CONTRASTIVE, TRIPLET, INFO_NCE, CONTRASTIVE_GRAD, SGD_MOMENTUM, KMEANS_STEP, CLASSIFICATION_METRICS)
}
