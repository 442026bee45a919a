import numpy as np


def info_nce(query, keys, temperature=0.1):
    """Mean InfoNCE loss of a batch of N queries against N keys.

    query, keys: arrays of shape (N, D); key i is the positive of query i,
                 every other key is a negative for it
    temperature: the cosine similarities are divided by it before the softmax

    Returns a float > 0.
    """
    # Your code here.
    pass
