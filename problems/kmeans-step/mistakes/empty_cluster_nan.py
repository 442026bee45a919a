"""Your centroid of an empty cluster is nan, the mean of no points: a cluster that no point joined keeps its old centroid."""

import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    labels = distances.argmin(axis=1)
    moved = np.array([points[labels == k].mean(axis=0) for k in range(len(centroids))])
    return moved, labels
