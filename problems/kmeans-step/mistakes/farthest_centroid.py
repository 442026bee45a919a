"""Your labels send each point to its farthest centroid: take the argmin of the distances, not the argmax."""

import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmax(axis=1)
    moved = centroids.copy()
    for k in range(len(centroids)):
        if np.any(labels == k):
            moved[k] = points[labels == k].mean(axis=0)
    return moved, labels
