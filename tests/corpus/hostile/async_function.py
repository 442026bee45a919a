"""An async def function: calling it gives a coroutine that is never awaited."""
import numpy as np


async def contrastive_loss(x1, x2, label, margin=1.0):
    return float(np.mean(np.asarray(label)))
