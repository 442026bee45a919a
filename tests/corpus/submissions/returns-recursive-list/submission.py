def contrastive_loss(x1, x2, label, margin=1.0):
    losses = [0.625]
    losses.append(losses)
    return losses
