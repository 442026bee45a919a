import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    anchor = np.asarray(anchor, dtype=float)
    positive_distance = np.sum((anchor - np.asarray(positive, dtype=float)) ** 2, axis=1)
    negative_distance = np.sum((anchor - np.asarray(negative, dtype=float)) ** 2, axis=1)
    return float(np.mean(np.maximum(0.0, positive_distance - negative_distance + margin)))
