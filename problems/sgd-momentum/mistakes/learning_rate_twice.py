"""Your steps are lr times too short: the learning rate multiplies the velocity once, in params − lr·v, and is not also applied to the gradient added to the velocity."""

import numpy as np


class SGDMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.velocity = None

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = np.zeros_like(params, dtype=float)
        self.velocity = self.momentum * self.velocity + self.lr * grads
        return params - self.lr * self.velocity
