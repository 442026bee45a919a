import numpy as np


def contrastive_loss_grad(x1, x2, label, margin=1.0):
    """Gradient of the mean contrastive loss with respect to x1.

    x1, x2: arrays of shape (N, D), the two embeddings of each pair
    label:  array of shape (N,), 1 = similar, 0 = dissimilar
    margin: dissimilar pairs at least this far apart cost nothing

    Returns an array of shape (N, D): row i is dL/dx1[i]. A dissimilar pair at distance 0
    gets a zero row.
    """
    # Your code here.
    pass
