import warnings

import numpy as np

warnings.simplefilter("error")


def contrastive_loss(x1, x2, label, margin=1.0):
    return float(np.mean(np.array([])))
