def contrastive_loss(x1, x2, label, margin=1.0):
    return 10**100000
