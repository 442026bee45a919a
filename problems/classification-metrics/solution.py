import numpy as np


def _ratio(numerator, denominator):
    return float(numerator / denominator) if denominator else 0.0


def classification_metrics(y_true, y_pred):
    actual = np.asarray(y_true) == 1
    predicted = np.asarray(y_pred) == 1
    true_positives = int(np.sum(actual & predicted))
    false_positives = int(np.sum(~actual & predicted))
    false_negatives = int(np.sum(actual & ~predicted))
    precision = _ratio(true_positives, true_positives + false_positives)
    recall = _ratio(true_positives, true_positives + false_negatives)
    return {
        "accuracy": float(np.mean(actual == predicted)),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
    }
