"""Your parameters move along the gradient, uphill: subtract lr·v from the parameters, params − lr·v."""

import numpy as np


class SGDMomentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.velocity = None

    def step(self, params, grads):
        if self.velocity is None:
            self.velocity = np.zeros_like(params, dtype=float)
        self.velocity = self.momentum * self.velocity + grads
        return params + self.lr * self.velocity
