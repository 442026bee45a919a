"""Your results match the sum over the triplets; this problem asks for the mean (divide by N)."""

import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    d_pos = np.sum((anchor - positive) ** 2, axis=1)
    d_neg = np.sum((anchor - negative) ** 2, axis=1)
    return float(np.sum(np.maximum(0.0, d_pos - d_neg + margin)))
