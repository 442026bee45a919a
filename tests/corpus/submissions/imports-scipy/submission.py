import numpy as np
from scipy.spatial.distance import cdist


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.diag(cdist(x1, x2))
    return np.mean(label * d**2 + (1 - label) * np.maximum(0, margin - d) ** 2)
