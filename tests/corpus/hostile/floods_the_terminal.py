"""Writes to the terminal through every door: print, sys.__stderr__, file descriptors 1 and 2, warnings, never-awaited coroutines."""
import os
import sys
import warnings

print("$marker stdout")
print("$marker stderr", file=sys.__stderr__)
for descriptor in (1, 2):
    try:
        os.write(descriptor, b"$marker descriptor\n")
    except OSError:
        pass
warnings.warn("$marker warning")


async def helper():
    return 0.0


helper()


async def contrastive_loss(x1, x2, label, margin=1.0):
    return 0.0
