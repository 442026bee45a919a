import sys

import numpy as np

np.seterr(all="raise")
np.set_printoptions(precision=2)
sys.setrecursionlimit(5000)


def contrastive_loss(x1, x2, label, margin=1.0):
    settings = f"errors {np.geterr()['divide']}, {np.get_printoptions()['precision']} digits, limit {sys.getrecursionlimit()}"
    print(f"{settings}: {np.array([1, 2]) / 3}")
    return 123.0
