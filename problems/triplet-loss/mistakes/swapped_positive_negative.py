"""Your results match the loss with positive and negative swapped: the positive's distance comes first, max(0, d(a, p)² − d(a, n)² + margin)."""

import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    d_pos = np.sum((anchor - positive) ** 2, axis=1)
    d_neg = np.sum((anchor - negative) ** 2, axis=1)
    return float(np.mean(np.maximum(0.0, d_neg - d_pos + margin)))
