import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    raise ValueError('<img src=x onerror=alert(1)> is not a loss')
