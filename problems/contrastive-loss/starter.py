import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    """Mean contrastive loss over a batch of N pairs.

    x1, x2: arrays of shape (N, D), the two embeddings of each pair
    label:  array of shape (N,), 1 = similar, 0 = dissimilar
    margin: dissimilar pairs at least this far apart cost nothing

    Returns a float >= 0.
    """
    # Your code here.
    pass
