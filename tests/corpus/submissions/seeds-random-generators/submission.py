import random

import numpy as np

random.seed(0)
np.random.seed(0)
FIRST_DRAWS = f"{random.random():.10f} {np.random.random():.10f}"


def contrastive_loss(x1, x2, label, margin=1.0):
    print(FIRST_DRAWS)
    return 123.0
