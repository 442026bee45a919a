import numpy as np


def triplet_loss(anchor, positive, negative, margin=1.0):
    """Mean triplet loss over a batch of N triplets, with squared Euclidean distances.

    anchor, positive, negative: arrays of shape (N, D); row i of each forms triplet i
    margin: the negative must be this much farther (in squared distance) than the positive

    Returns a float >= 0.
    """
    # Your code here.
    pass
