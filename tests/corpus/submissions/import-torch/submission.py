import torch


def contrastive_loss(x1, x2, label, margin=1.0):
    return torch.nn.functional.pairwise_distance(x1, x2).mean()
