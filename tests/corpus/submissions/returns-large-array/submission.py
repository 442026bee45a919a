import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    return np.arange(2_000_000, dtype=float)
