import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    distance = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    label = np.asarray(label, dtype=float)
    similar_cost = label * distance**2
    dissimilar_cost = (1 - label) * np.maximum(0.0, margin - distance) ** 2
    loss = float(np.mean(similar_cost + dissimilar_cost))
