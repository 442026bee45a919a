"""Your results match the mean of the squared differences over the features; a squared distance is their sum over axis=1."""

import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    d_pos = np.mean((anchor - positive) ** 2, axis=1)
    d_neg = np.mean((anchor - negative) ** 2, axis=1)
    return float(np.mean(np.maximum(0.0, d_pos - d_neg + margin)))
