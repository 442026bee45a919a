"""Your metrics are nan where a denominator is 0 (no positive predicted, or none to find): by this exercise's rule such a metric is 0.0."""

import numpy as np


def classification_metrics(y_true, y_pred):
    y_true = np.asarray(y_true).astype(int)
    y_pred = np.asarray(y_pred).astype(int)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return {"accuracy": float(np.mean(y_true == y_pred)), "precision": float(precision), "recall": float(recall), "f1": float(f1)}
