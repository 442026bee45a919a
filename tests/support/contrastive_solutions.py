"""Contrastive-loss solutions written from one template, and the shipped suite they are graded on."""

TOLERANCE = {"rel": 1e-6, "abs": 1e-9}

SOLUTION_TEMPLATE = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(np.asarray(x1, dtype=float) - np.asarray(x2, dtype=float), axis=1)
    y = np.array(label, dtype=float)
    return {expression}
"""
CORRECT = "np.mean(y * d**2 + (1 - y) * np.maximum(0, margin - d) ** 2)"


def solution(expression):
    return SOLUTION_TEMPLATE.format(expression=expression)


def statuses(results):
    return [test["status"] for test in results["tests"]]

