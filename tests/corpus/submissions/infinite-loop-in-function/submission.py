import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    total = 0.0
    i = 0
    while i < len(label):
        total += float(np.sum((x1[i] - x2[i]) ** 2))  # forgot i += 1
    return total / len(label)
