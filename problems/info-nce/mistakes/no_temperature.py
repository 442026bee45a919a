"""Your results match the loss without the temperature: divide the cosine similarities by `temperature` before the softmax."""

import numpy as np


def info_nce(query, keys, temperature=0.1):
    q = query / np.linalg.norm(query, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T
    top = logits.max(axis=1, keepdims=True)
    log_sum = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
    return float(np.mean(log_sum - np.diag(logits)))
