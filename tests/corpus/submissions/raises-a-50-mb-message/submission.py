def contrastive_loss(x1, x2, label, margin=1.0):
    raise ValueError("x" * 50_000_000)
