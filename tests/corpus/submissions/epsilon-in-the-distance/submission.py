import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    # As PyTorch's pairwise_distance: an epsilon added to the difference.
    d = np.linalg.norm(x1 - x2 + 1e-6, axis=1)
    return np.mean(label * d**2 + (1 - label) * np.maximum(0, margin - d) ** 2)
