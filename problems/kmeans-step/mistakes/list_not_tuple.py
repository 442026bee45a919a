"""You return a list [new_centroids, labels]; return a tuple: `return new_centroids, labels` (or with parentheses)."""

import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmin(axis=1)
    moved = np.array(centroids, dtype=float)
    for k in range(len(centroids)):
        if np.any(labels == k):
            moved[k] = points[labels == k].mean(axis=0)
    return [moved, labels]
