import numpy as np


def classification_metrics(y_true, y_pred):
    """Accuracy, precision, recall and F1 of binary predictions (1 = positive).

    y_true, y_pred: arrays of shape (N,) of 0/1 labels (or booleans)

    Returns {"accuracy": ..., "precision": ..., "recall": ..., "f1": ...}, each a float;
    a metric whose denominator is 0 is 0.0.
    """
    # Your code here.
    pass
