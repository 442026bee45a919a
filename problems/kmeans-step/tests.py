"""The hidden tests of one k-means step ("Run tests"; the visible example is in the
statement). Each result is the tuple (new_centroids, labels). Expected values are computed
by running solution.py at build time; `expected` is what a name promises, and the build
checks it."""

import numpy as np

from harness import Case

CASES = [
    Case(
        name="Example: two clusters and an empty one, which keeps its centroid",
        # Integer inputs, as in Example 1. Centroid 2 attracts no point: its mean would be 0/0.
        args=dict(
            points=np.array([[0, 0], [0, 2], [10, 0], [10, 2]]),
            centroids=np.array([[1, 1], [9, 1], [50, 50]]),
        ),
        expected=(np.array([[0.0, 1.0], [10.0, 1.0], [50.0, 50.0]]), np.array([0, 0, 1, 1])),
    ),
    Case(
        name="A point equally close to two centroids takes the lower index",
        # The middle point is at distance 1 from both centroids: it joins cluster 0, which
        # moves to (0.5, 0); the farthest centroid would send the end points across.
        args=dict(
            points=np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 0.0]]),
            centroids=np.array([[0.0, 0.0], [2.0, 0.0]]),
        ),
        expected=(np.array([[0.5, 0.0], [2.0, 0.0]]), np.array([0, 1, 0])),
    ),
    Case(
        name="Three clusters in 3-D: each centroid moves to the mean of its own points",
        # Every cluster has points, with coordinates of different sizes, so a mean over all
        # of a cluster's numbers (no axis) differs from the mean of each coordinate.
        args=dict(
            points=np.array(
                [
                    [1.0, 2.0, 3.0], [1.5, 2.5, 2.0], [0.5, 1.5, 4.0],
                    [-4.0, 0.0, 1.0], [-5.0, 1.0, 0.0],
                    [6.0, -3.0, 9.0], [7.0, -2.0, 8.0], [6.5, -4.0, 10.0], [5.5, -3.0, 9.5],
                ]
            ),
            centroids=np.array([[0.0, 0.0, 0.0], [-3.0, 0.0, 0.0], [5.0, 0.0, 5.0]]),
        ),
    ),
    Case(
        name="Points far from every centroid: only the nearest one counts",
        # All points lie beyond centroid 1, on the side away from centroid 0: centroid 0's
        # cluster is empty (it keeps its place) and centroid 1 takes every point.
        args=dict(
            points=np.array([[10.0, 10.0], [12.0, 8.0], [11.0, 13.0]]),
            centroids=np.array([[0.0, 0.0], [5.0, 5.0]]),
        ),
        expected=(np.array([[0.0, 0.0], [11.0, 31.0 / 3.0]]), np.array([1, 1, 1])),
    ),
    Case(
        name="The labels index the centroids: new_centroids[labels] is each point's centroid",
        # As a training loop uses them; labels of floats cannot index an array.
        code="""\
points = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0], [0.0, 1.0]])
new_centroids, labels = kmeans_step(points, np.array([[0.0, 0.0], [5.0, 5.0]]))
new_centroids[labels]
""",
        expected=np.array([[1 / 3, 1 / 3], [1 / 3, 1 / 3], [5.5, 5.0], [5.5, 5.0], [1 / 3, 1 / 3]]),
    ),
    Case(
        name="Ten steps on three blobs of 20 points: the final centroids and labels",
        # A training loop: each step's centroids feed the next, started from the first three
        # points (two of them in one blob). The blobs are spread by sines and cosines and the
        # points shuffled by a fixed permutation, not by np.random: a first import of
        # numpy.random in a fresh page can take longer than a test's time limit.
        code="""\
k = np.arange(20)
blob_centres = np.array([[0.0, 0.0], [6.0, 1.0], [2.0, 7.0]])
spread = [1.2 * np.stack([np.sin(1.7 * k + 3 * i), np.cos(2.3 * k - i)], axis=1) for i in range(3)]
points = np.concatenate([centre + offsets for centre, offsets in zip(blob_centres, spread)])
points = points[(np.arange(60) * 37) % 60]
centroids = points[:3].copy()
for _ in range(10):
    centroids, labels = kmeans_step(points, centroids)
(centroids, labels)
""",
    ),
]
