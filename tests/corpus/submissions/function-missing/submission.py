import numpy as np


def pair_distances(x1, x2):
    return np.linalg.norm(x1 - x2, axis=1)
