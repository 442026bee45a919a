"""Your results match one distance taken over the whole batch: sum over axis=1 so that each triplet gets its own distances."""

import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    d_pos = np.sum((anchor - positive) ** 2)
    d_neg = np.sum((anchor - negative) ** 2)
    return float(np.mean(np.maximum(0.0, d_pos - d_neg + margin)))
