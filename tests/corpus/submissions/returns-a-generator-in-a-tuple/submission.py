import numpy as np


def kmeans_step(points, centroids):
    points = np.asarray(points, dtype=float)
    centroids = np.asarray(centroids, dtype=float)
    distances = np.sum((points[:, None, :] - centroids[None, :, :]) ** 2, axis=2)
    labels = np.argmin(distances, axis=1)
    new_centroids = centroids.copy()
    for k in range(len(centroids)):
        members = points[labels == k]
        if len(members):
            new_centroids[k] = members.mean(axis=0)
    return new_centroids, (int(label) for label in labels)
