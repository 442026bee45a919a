import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    total = 0.0
    for a, b, y in zip(x1, x2, label):
        d = float(np.linalg.norm(a - b))
        total += y * d**2 + (1 - y) * ((margin - d) ** 0.5) ** 4  # no max(0, ...)
    return total / len(label)
