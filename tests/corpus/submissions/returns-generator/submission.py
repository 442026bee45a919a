import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    return (float(np.sum((a - b) ** 2)) for a, b in zip(x1, x2))
