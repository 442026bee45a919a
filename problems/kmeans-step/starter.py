import numpy as np


def kmeans_step(points, centroids):
    """One k-means step: assign each point to its nearest centroid, then move each centroid
    to the mean of its points (an empty cluster keeps its centroid).

    points:    array of shape (N, D)
    centroids: array of shape (K, D)

    Returns a tuple (new_centroids, labels): an array of floats of shape (K, D) and an
    array of integers of shape (N,).
    """
    # Your code here.
    pass
