"""Your parameters match plain gradient descent, as if the velocity started at zero on every call: create it once, on the first step, and keep it on the object (self.velocity) for the next ones."""

import numpy as np


class SGDMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum

    def step(self, params, grads):
        velocity = np.zeros_like(params, dtype=float)
        velocity = self.momentum * velocity + grads
        return params - self.lr * velocity
