class LossError(Exception):
    def __str__(self):
        raise ValueError("no message")


def contrastive_loss(x1, x2, label, margin=1.0):
    raise LossError()
