"""Your results match the convention where 1 means dissimilar; in this problem 1 means similar and 0 means dissimilar."""

import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = 1 - np.asarray(label, dtype=float)
    return float(np.mean(y * d**2 + (1 - y) * np.maximum(0.0, margin - d) ** 2))
