"""Your dissimilar pairs beyond the margin still get a gradient: the hinge max(0, m − d) is flat there, so their rows must be zero."""

import numpy as np


def contrastive_loss_grad(x1, x2, label, margin=1.0):
    u = np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float)
    d = np.linalg.norm(u, axis=1, keepdims=True)
    y = np.asarray(label, dtype=float)[:, None]
    direction = np.divide(u, d, out=np.zeros_like(u), where=d > 0)
    return 2.0 / len(u) * (y * u - (1 - y) * (margin - d) * direction)
