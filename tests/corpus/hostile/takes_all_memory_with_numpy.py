"""Grows numpy arrays until memory runs out, keeping every one (graded beside takes_all_memory.py, so both processes fill up at once)."""
import numpy as np

arrays = []


def contrastive_loss(x1, x2, label, margin=1.0):
    size = 1024 * 1024
    while True:
        try:
            arrays.append(np.ones(size))
            size *= 2
        except MemoryError:
            size = max(1024, size // 4)
