import numpy as np


def contrastive_loss_grad(x1, x2, label, margin=1.0):
    difference = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    distance = np.linalg.norm(difference, axis=1, keepdims=True)
    label = np.asarray(label, dtype=float)[:, None]
    direction = np.divide(difference, distance, out=np.zeros_like(difference), where=distance > 0)
    pushed_apart = (1 - label) * np.maximum(0.0, margin - distance) * direction
    return 2.0 / len(difference) * (label * difference - pushed_apart)
