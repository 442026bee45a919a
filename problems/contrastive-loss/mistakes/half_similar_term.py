"""Your results match a loss with a factor 1/2 on the similar term; this problem uses y·d² with no 1/2."""

import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = np.asarray(label, dtype=float)
    return float(np.mean(0.5 * y * d**2 + (1 - y) * np.maximum(0.0, margin - d) ** 2))
