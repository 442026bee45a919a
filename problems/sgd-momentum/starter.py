import numpy as np


class SGDMomentum:
    """Stochastic gradient descent with momentum (the velocity is kept between steps)."""

    def __init__(self, lr=0.01, momentum=0.9):
        """lr: the learning rate; momentum: the share of the previous velocity kept at each step."""
        # Your code here.
        pass

    def step(self, params, grads):
        """One update: v = momentum * v + grads, then params - lr * v.

        params, grads: arrays of the same shape. The velocity v starts at zero.
        Returns the updated parameters as a new array (params itself is not changed).
        """
        # Your code here.
        pass
