import numpy as np


def triplet_loss(anchor, positive, negative, margin=5.0):
    d_pos = np.sqrt(np.sum((anchor - positive) ** 2, axis=1))
    d_neg = np.sqrt(np.sum((anchor - negative) ** 2, axis=1))
    return np.mean(np.maximum(d_pos - d_neg + margin, 0))
