"""Your results match the symmetric loss (as in CLIP), the mean of a softmax over each query's keys and one over each key's queries; this problem takes only the first: each query's softmax over the keys, along its row."""

import numpy as np


def info_nce(query, keys, temperature=0.1):
    q = query / np.linalg.norm(query, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T / temperature

    def cross_entropy(rows):
        top = rows.max(axis=1, keepdims=True)
        return np.mean(top[:, 0] + np.log(np.exp(rows - top).sum(axis=1)) - np.diag(rows))

    return float((cross_entropy(logits) + cross_entropy(logits.T)) / 2)
