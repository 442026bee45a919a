import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    return contrastive_loss(x1, x2, label, margin)  # meant to call a helper
