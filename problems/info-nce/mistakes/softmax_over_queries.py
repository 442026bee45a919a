"""Your results match a softmax over the queries (down the columns, or a transposed similarity matrix); each query's softmax runs over the keys, along its row."""

import numpy as np


def info_nce(query, keys, temperature=0.1):
    q = query / np.linalg.norm(query, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T / temperature
    top = logits.max(axis=0, keepdims=True)
    log_sum = top[0, :] + np.log(np.exp(logits - top).sum(axis=0))
    return float(np.mean(log_sum - np.diag(logits)))
