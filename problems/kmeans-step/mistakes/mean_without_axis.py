"""Your centroids have all their coordinates equal, the mean of every number of the cluster's points: average over axis=0, one mean per coordinate."""

import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmin(axis=1)
    moved = np.array(centroids, dtype=float)
    for k in range(len(centroids)):
        if np.any(labels == k):
            moved[k] = points[labels == k].mean()
    return moved, labels
