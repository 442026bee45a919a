import numpy as np


def info_nce(query, keys, temperature=0.1):
    query = np.asarray(query, dtype=float)
    keys = np.asarray(keys, dtype=float)
    query = query / np.linalg.norm(query, axis=1, keepdims=True)
    keys = keys / np.linalg.norm(keys, axis=1, keepdims=True)
    logits = query @ keys.T / temperature
    # Log-sum-exp of each row with the row's maximum taken out first, so exp never overflows.
    row_max = logits.max(axis=1, keepdims=True)
    log_denominator = row_max[:, 0] + np.log(np.sum(np.exp(logits - row_max), axis=1))
    return float(np.mean(log_denominator - np.diag(logits)))
