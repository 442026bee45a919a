import numpy as np


def info_nce(query, keys, temperature=0.1):
    logits = query @ keys.T / temperature
    logits = logits - logits.max()  # one maximum for the whole matrix
    e = np.exp(logits)
    return -np.mean(np.log(np.diag(e) / e.sum(axis=1)))
