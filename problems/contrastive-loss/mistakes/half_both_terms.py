"""Your results are exactly half the expected ones: the 1/2 factors of the original paper are not part of this problem's formula."""

import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = np.asarray(label, dtype=float)
    return float(np.mean(0.5 * y * d**2 + 0.5 * (1 - y) * np.maximum(0.0, margin - d) ** 2))
