import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    x1 -= x2  # changes the caller's array in place
    distance = np.linalg.norm(x1, axis=1)
    label = np.asarray(label, dtype=float)
    similar_cost = label * distance**2
    dissimilar_cost = (1 - label) * np.maximum(0.0, margin - distance) ** 2
    return float(np.mean(similar_cost + dissimilar_cost))
