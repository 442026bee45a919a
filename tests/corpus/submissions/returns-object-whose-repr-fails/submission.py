class Loss:
    def __repr__(self):
        raise ValueError("no repr")

    __str__ = __repr__


def contrastive_loss(x1, x2, label, margin=1.0):
    return Loss()
