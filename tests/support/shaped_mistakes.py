"""The classic wrong answers of the exercises whose answer has a shape of its own (a class
graded by scenarios, a tuple, a dict), written afresh like those of known_mistakes.py, which
makes each table below a KnownMistakes: (the learner's code around {body}, the words its
hint must contain or None, the places of the hidden tests it fails)."""

# SGD with momentum: a class, graded by scenarios.

(SGD_EXAMPLE, SGD_DEFAULTS, SGD_FLIPPING, SGD_MATRIX, SGD_PARAMS_KEPT, SGD_TWO_OPTIMISERS) = range(6)
EVERY_SGD_TEST = [SGD_EXAMPLE, SGD_DEFAULTS, SGD_FLIPPING, SGD_MATRIX, SGD_PARAMS_KEPT, SGD_TWO_OPTIMISERS]

SGD_MOMENTUM = dict(
    slug="sgd-momentum",
    template="""\
import numpy as np


class SGDMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def step(self, params, grads):
        if self.v is None:
            self.v = np.zeros_like(params, dtype=float)
        {body}
""",
    mistakes={
        "velocity started afresh on every step": (
            "v = np.zeros_like(params, dtype=float)\n        v = self.momentum * v + grads\n        return params - self.lr * v",
            "plain gradient descent",
            [SGD_EXAMPLE, SGD_DEFAULTS, SGD_FLIPPING, SGD_MATRIX, SGD_TWO_OPTIMISERS],
        ),
        "moving average of the gradients": (
            "self.v = self.momentum * self.v + (1 - self.momentum) * grads\n        return params - self.lr * self.v",
            "moving average",
            EVERY_SGD_TEST,
        ),
        "step uphill": (
            "self.v = self.momentum * self.v + grads\n        return params + self.lr * self.v",
            "uphill",
            EVERY_SGD_TEST,
        ),
        "learning rate on the gradient too": (
            "self.v = self.momentum * self.v + self.lr * grads\n        return params - self.lr * self.v",
            "lr times too short",
            EVERY_SGD_TEST,
        ),
        # Right numbers, but the caller's array is changed: the steps of one run alias each other.
        "params changed in place": (
            "self.v = self.momentum * self.v + grads\n        params -= self.lr * self.v\n        return params",
            None,
            [SGD_DEFAULTS, SGD_PARAMS_KEPT],
        ),
    },
)


# One step of k-means: a tuple (new_centroids, labels).

KMEANS_EXAMPLE, KMEANS_TIE, KMEANS_3D, KMEANS_FAR, KMEANS_INDEXING, KMEANS_TEN_STEPS = range(6)
EVERY_KMEANS_TEST = [KMEANS_EXAMPLE, KMEANS_TIE, KMEANS_3D, KMEANS_FAR, KMEANS_INDEXING, KMEANS_TEN_STEPS]

KMEANS_UPDATE = (
    "new = centroids.copy()\n    for k in range(len(new)):\n        if (labels == k).any():\n"
    "            new[k] = points[labels == k].mean(axis=0)\n    "
)

KMEANS_STEP = dict(
    slug="kmeans-step",
    template="""\
import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    d = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=-1)
    {body}
""",
    mistakes={
        # Two clusters swap their points, and so their centroids: each point's centroid stays the same.
        "argmax": (
            "labels = d.argmax(axis=1)\n    " + KMEANS_UPDATE + "return new, labels",
            "farthest centroid",
            [KMEANS_EXAMPLE, KMEANS_TIE, KMEANS_3D, KMEANS_FAR, KMEANS_TEN_STEPS],
        ),
        "empty cluster becomes nan": (
            "labels = d.argmin(axis=1)\n    new = np.array([points[labels == k].mean(axis=0) for k in range(len(centroids))])\n"
            "    return new, labels",
            "empty cluster is nan",
            [KMEANS_EXAMPLE, KMEANS_FAR],
        ),
        "mean without an axis": (
            "labels = d.argmin(axis=1)\n    new = centroids.copy()\n    for k in range(len(new)):\n"
            "        if (labels == k).any():\n            new[k] = points[labels == k].mean()\n    return new, labels",
            "coordinates equal",
            EVERY_KMEANS_TEST,
        ),
        # The scenarios unpack the list as they would a tuple, so they pass.
        "a list, not a tuple": (
            "labels = d.argmin(axis=1)\n    " + KMEANS_UPDATE + "return [new, labels]",
            "return a tuple",
            [KMEANS_EXAMPLE, KMEANS_TIE, KMEANS_3D, KMEANS_FAR],
        ),
        # No file of its own: the message says which item of the tuple differs (the scenarios,
        # which index with the labels or feed them back in as centroids, stop with an error).
        "labels first": (
            "labels = d.argmin(axis=1)\n    " + KMEANS_UPDATE + "return labels, new",
            None,
            [KMEANS_EXAMPLE, KMEANS_TIE, KMEANS_3D, KMEANS_FAR],
        ),
        # Equal to integer labels entry by entry, so no test that calls the function fails;
        # the scenario that indexes with them stops with an error.
        "labels as floats": (
            "labels = d.argmin(axis=1).astype(float)\n    new = centroids.copy()\n    for k in range(len(new)):\n"
            "        if (labels == k).any():\n            new[k] = points[labels == k].mean(axis=0)\n    return new, labels",
            None,
            [],
        ),
    },
)


# Classification metrics: a dict of four floats.

METRICS_EXAMPLE, METRICS_HARMONIC, METRICS_NONE_PREDICTED, METRICS_NO_POSITIVE, METRICS_BOOLEAN, METRICS_TWO_HUNDRED = range(6)

PRECISION_RECALL = (
    "precision = tp / (tp + fp) if tp + fp else 0.0\n    recall = tp / (tp + fn) if tp + fn else 0.0\n    "
)
HARMONIC_F1 = "f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0\n    "
ACCURACY = "accuracy = np.mean(t == p)\n    "

CLASSIFICATION_METRICS = dict(
    slug="classification-metrics",
    template="""\
import numpy as np


def classification_metrics(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    tp = np.sum(t & p)
    fp = np.sum(~t & p)
    fn = np.sum(t & ~p)
    {body}
""",
    mistakes={
        "precision and recall swapped": (
            "recall = tp / (tp + fp) if tp + fp else 0.0\n    precision = tp / (tp + fn) if tp + fn else 0.0\n    "
            + HARMONIC_F1 + ACCURACY + 'return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}',
            "precision and recall are swapped",
            [METRICS_HARMONIC, METRICS_BOOLEAN, METRICS_TWO_HUNDRED],
        ),
        "F1 as the average": (
            PRECISION_RECALL + "f1 = (precision + recall) / 2\n    " + ACCURACY
            + 'return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}',
            "harmonic mean",
            [METRICS_HARMONIC, METRICS_BOOLEAN, METRICS_TWO_HUNDRED],
        ),
        "nan for 0/0": (
            "precision = tp / (tp + fp)\n    recall = tp / (tp + fn)\n    f1 = 2 * precision * recall / (precision + recall)\n    "
            + ACCURACY + 'return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}',
            "nan where a denominator is 0",
            [METRICS_NONE_PREDICTED, METRICS_NO_POSITIVE],
        ),
        "key f1_score": (
            PRECISION_RECALL + HARMONIC_F1 + ACCURACY
            + 'return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1_score": f1}',
            "f1_score",
            [METRICS_EXAMPLE, METRICS_HARMONIC, METRICS_NONE_PREDICTED, METRICS_NO_POSITIVE, METRICS_BOOLEAN, METRICS_TWO_HUNDRED],
        ),
    },
)
