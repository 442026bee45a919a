"""Your results match the sum over the pairs; this problem asks for the mean (divide by N)."""

import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = np.asarray(label, dtype=float)
    return float(np.sum(y * d**2 + (1 - y) * np.maximum(0.0, margin - d) ** 2))
