"""Your results match distances that are not squared (as in PyTorch's TripletMarginLoss); this problem squares both: ‖a − p‖² and ‖a − n‖²."""

import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    d_pos = np.linalg.norm(anchor - positive, axis=1)
    d_neg = np.linalg.norm(anchor - negative, axis=1)
    return float(np.mean(np.maximum(0.0, d_pos - d_neg + margin)))
