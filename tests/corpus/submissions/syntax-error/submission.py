import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    distance = np.linalg.norm(x1 - x2, axis=1
    return float(np.mean(distance**2))
